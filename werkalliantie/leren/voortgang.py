"""The learner's progress: which exercises are saved, how they went, and what is left.

``voortgang()`` (one call in ``notebooks/voortgang.ipynb``) reads the question records and
the learner's answer file (``antwoorden.json`` in the working folder, the one the
practice notebooks save to) and returns a :class:`Voortgang`, shown as HTML in a
notebook and as text elsewhere.

- A practice question (its key ships with the course) shows the feedback summary:
  points, and per part the short feedback (never the key's explanation: that stays
  with the exercise itself).
- A graded question (its key is the instructor's) shows only whether it is complete,
  with the hints the learner also sees before handing in.
- "Nog te doen": every question without a saved answer, and every saved answer that is
  still incomplete.
- Trying comes first (issue 22): an empty or partial save is saved, but it is not done
  (``klaar``), and its score stays hidden, as in the exercise itself, until every required
  part is answered (``opgaven.onbeantwoord``). Only what is done counts as progress.
- "Hoe jij beoordeelt": a rater's own lean. Across the practice fragments the learner
  rated, per part of the alliance, whether their scores lie often above or below the
  reference band (``opgaven.afwijkingen``, ``groep.neigingen``), with one sentence on what
  to look at; only for a part rated on at least ``groep.MINIMUM`` (three) fragments.

Pure Python (standard library and the course's own modules): it also runs in the browser.
Everything from the answer file is escaped before it is shown as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.leren.opgaven import Opgave
from werkalliantie.leren.opgaven.groep import MINIMUM, Afwijking, Neiging, neigingen
from werkalliantie.leren.tekst import html_tekst


@dataclass
class Regel:
    opgave: Opgave
    opgeslagen: bool
    samenvatting: str | None = None  # "Totaal: 3 van 4 punten." (complete practice answers)
    feedback: list[str] = field(default_factory=list)
    nog_doen: list[str] = field(default_factory=list)  # what is missing, in Dutch
    compleet: bool = False  # every required part answered

    @property
    def klaar(self) -> bool:
        return self.opgeslagen and self.compleet and not self.nog_doen


@dataclass
class Voortgang:
    regels: list[Regel]
    melding: str | None = None  # about the answer file (damaged, restored from a copy)
    neigingen: list[Neiging] = field(default_factory=list)  # the learner's lean per part
    beoordeeld: int = 0  # practice fragments rated (at least one part complete)
    zelfde_stellingen: int = 0  # of those, the most rated with the same statements

    @property
    def neigingstekst(self) -> list[str]:
        """The lean in plain Dutch: an introduction, then per part two sentences (what,
        and what to look at); before three rated fragments only when it comes."""
        if self.neigingen:
            return [f"Je hebt {self.beoordeeld} fragmenten beoordeeld. Per onderdeel zie je "
                    "of jouw scores vaak boven of onder de referentieband liggen. Die band "
                    "komt van de scores van de cursus en van andere beoordelaars."]
        if self.beoordeeld:
            return [f"Heb je {MINIMUM} fragmenten met dezelfde stellingen beoordeeld? Dan zie "
                    "je hier per onderdeel of je vaak boven of onder de referentie zit. Nu "
                    f"heb je er {self.zelfde_stellingen}."]
        return []

    @property
    def opgeslagen(self) -> list[Regel]:
        return [r for r in self.regels if r.opgeslagen]

    @property
    def af(self) -> list[Regel]:
        """What counts as progress: saved with every required part answered."""
        return [r for r in self.regels if r.klaar]

    @property
    def beantwoord(self) -> list[Regel]:
        """Saved and complete (a score to show), done or with advice left."""
        return [r for r in self.regels if r.opgeslagen and r.compleet]

    @property
    def kop(self) -> str:
        return f"Je hebt {len(self.af)} van de {len(self.regels)} oefeningen af."

    @property
    def te_doen(self) -> list[Regel]:
        return [r for r in self.regels if not r.klaar]

    def __str__(self) -> str:
        uit = [self.kop]
        if self.melding:
            uit.append(self.melding)
        for r in self.beantwoord:
            uit.append(f"- {r.opgave.titel}: {r.samenvatting or 'opgeslagen'}")
        if self.neigingstekst:
            uit.append("Hoe jij beoordeelt:")
            uit.extend(self.neigingstekst)
            uit.extend(f"- {' '.join(n.zinnen)}" for n in self.neigingen)
        if self.te_doen:
            uit.append("Nog te doen:")
            uit.extend(f"- {r.opgave.titel}" + (f": {' '.join(r.nog_doen)}" if r.nog_doen else "")
                       for r in self.te_doen)
        return "\n".join(uit)

    def _repr_html_(self) -> str:
        delen = [f"<div style='font-size:16px;line-height:1.5'><p><strong>"
                 f"{html_tekst(self.kop)}</strong></p>"]
        if self.melding:
            delen.append(f"<p>{html_tekst(self.melding)}</p>")
        if self.beantwoord:
            delen.append("<h3>Gemaakt</h3><ul>")
            for r in self.beantwoord:
                regels = "".join(f"<br>{html_tekst(f)}" for f in r.feedback)
                kop = f" {html_tekst(r.samenvatting)}" if r.samenvatting else ""
                delen.append(f"<li><strong>{html_tekst(r.opgave.titel)}</strong>{kop}{regels}</li>")
            delen.append("</ul>")
        if self.neigingstekst:
            delen.append("<h3>Hoe jij beoordeelt</h3>")
            delen.extend(f"<p>{html_tekst(z)}</p>" for z in self.neigingstekst)
            if self.neigingen:
                delen.append("<ul class='wa-neigingen'>")
                for n in self.neigingen:
                    kop, *rest = n.zinnen
                    delen.append(f"<li><strong>{html_tekst(kop)}</strong> "
                                 f"{html_tekst(' '.join(rest))}</li>")
                delen.append("</ul>")
        delen.append("<h3>Nog te doen</h3>")
        if self.te_doen:
            delen.append("<ul>")
            for r in self.te_doen:
                wat = " ".join(r.nog_doen) if r.nog_doen else "Nog niet opgeslagen."
                delen.append(f"<li><strong>{html_tekst(r.opgave.titel)}</strong>: {html_tekst(wat)}</li>")
            delen.append("</ul>")
        else:
            delen.append("<p>Niets meer: je hebt alle oefeningen gemaakt.</p>")
        delen.append("</div>")
        return "".join(delen)


def voortgang(map: str | Path | None = None, *, alleen_oefenen: bool = True) -> Voortgang:
    """The learner's progress from the answer file in ``map`` (default: this folder).

    ``alleen_oefenen``: only the practice questions (the default); False adds the graded
    questions of the assignments."""
    inhoud = Antwoordenbestand(Path(map) if map is not None else None).lees()
    regels = []
    afwijkingen: list[Afwijking] = []
    beoordeeld = 0
    for opgave in opgaven.alle_opgaven().values():
        if alleen_oefenen and opgave.vorm != "oefenen":
            continue
        handmatig = all(o.handmatig for o in opgaven.onderdelen(opgave))
        antwoord = inhoud.waarde(opgave.id)
        if antwoord is None:
            regels.append(Regel(opgave, False))
            continue
        beoordelen = opgave.sleutel is not None and not handmatig
        if beoordelen:  # a lean counts every fully rated part, also of a partial answer
            hier = opgaven.afwijkingen(opgave, antwoord, opgave.sleutel)
            beoordeeld += bool(hier)
            afwijkingen += hier
        open_ = opgaven.onbeantwoord(opgave, antwoord)
        if open_:  # saved, not done; no score before every required part is answered
            regels.append(Regel(opgave, True, nog_doen=open_))
            continue
        regel = Regel(opgave, True, compleet=True,
                      nog_doen=[h for h in opgaven.volledigheid(opgave, antwoord)
                                if h != opgaven.GEEN_ANTWOORD])
        if beoordelen:
            resultaat = opgaven.nakijken(opgave, antwoord, opgave.sleutel)
            regel.samenvatting = resultaat.kop
            regel.feedback = [*resultaat.meldingen,
                              *(f for d in resultaat.delen for f in d.feedback)]
            if regel.nog_doen and resultaat.punten >= resultaat.max_punten:
                regel.nog_doen = []  # full points: hints are only suggestions now
        regels.append(regel)
    per_groep: dict[str, int] = {}
    for a in afwijkingen:
        per_groep[a.groep] = per_groep.get(a.groep, 0) + 1
    return Voortgang(regels, inhoud.melding, neigingen(afwijkingen), beoordeeld,
                     max(per_groep.values(), default=0))
