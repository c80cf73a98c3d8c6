"""The group overview's data: per question what the group answered, beside the reference.

What a question shows comes from its kind (:func:`werkalliantie.leren.opgaven.groepsweergave`:
plain data, :mod:`werkalliantie.leren.opgaven.groep`); this module only gathers it, with
the question's key where there is one (the practice key, or a graded key from the
instructor's ``sleutels/``):

- ratings (:class:`~werkalliantie.leren.opgaven.groep.Beoordelingen`): the group are raters
  here, and their agreement is an intraclass correlation over the rated statements only,
  never over evidence, the weakest part or open answers (this package's own
  :func:`~werkalliantie.begeleiden.groepsoverzicht.icc.icc`, Shrout & Fleiss);
- the spread of leans: each participant's deviations from the reference bands over every
  fragment they rated (``opgaven.afwijkingen``), made into one lean per part and
  participant (``groep.groepsneigingen``).

:meth:`Overzicht.html` draws it (:mod:`.pagina`). Standard library only: no pandas, no
pingouin on this path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import werkalliantie.begeleiden.groepsoverzicht.icc as icc_
from werkalliantie.begeleiden.groepsoverzicht.inlezen import Deelnemer, Groep
from werkalliantie.leren import opgaven
from werkalliantie.leren.opgaven import Opgave, getallen
from werkalliantie.leren.opgaven.groep import (
    Afwijking,
    Beoordelingen,
    Groepsdeel,
    Groepsneiging,
    groepsneigingen,
)


@dataclass
class Overeenstemming:
    vorm: str
    waarde: float | None
    items: int
    beoordelaars: int
    uitgesloten: int  # raters left out for a missing rating
    melding: str | None = None  # a Dutch reason when there is no value


@dataclass
class Vraag:
    opgave: Opgave
    deelnemers: int  # how many answered it
    delen: list[Groepsdeel]
    overeenstemming: Overeenstemming | None
    heeft_sleutel: bool = False


def _sleutel(opgave: Opgave, sleutels: Path | None) -> Any:
    if opgave.sleutel is not None:
        return opgave.sleutel
    if sleutels is None:
        return None
    from werkalliantie.begeleiden.nakijken.sleutels import SleutelNietGevonden, lees_sleutel

    try:
        return lees_sleutel(opgave, sleutels)
    except SleutelNietGevonden:
        return None


def overeenstemming(deel: Beoordelingen, vorm: str) -> Overeenstemming:
    """The ICC of the group over the rated statements of ``deel`` (nothing else)."""
    tabel = [list(item.scores) for item in deel.items]
    volledig, houden = icc_.volledig(tabel)
    aantal = len(deel.items[0].scores) if deel.items else 0
    uit = Overeenstemming(icc_.vorm_naam(vorm), None, len(deel.items), len(houden),
                          aantal - len(houden))
    if len(deel.items) < icc_.MIN_DOELEN:
        uit.melding = (f"Te weinig stellingen ({len(deel.items)}): daarvoor zijn er minstens "
                       f"{icc_.MIN_DOELEN} nodig.")
    elif len(houden) < icc_.MIN_BEOORDELAARS:
        uit.melding = (f"Te weinig deelnemers die alles invulden ({len(houden)}): daarvoor zijn "
                       f"er minstens {icc_.MIN_BEOORDELAARS} nodig.")
    else:
        try:
            uit.waarde = icc_.icc(volledig, vorm)
        except icc_.ICCFout as fout:
            uit.melding = str(fout)
    return uit


def vraag(opgave: Opgave, antwoorden: list[Any], sleutel: Any, vorm: str) -> Vraag:
    """Everything shown for one question; ``antwoorden``: one per participant who answered."""
    delen = opgaven.groepsweergave(opgave, antwoorden, sleutel)
    beoordelingen = [d for d in delen if isinstance(d, Beoordelingen)]
    eens = overeenstemming(beoordelingen[0], vorm) if beoordelingen else None
    return Vraag(opgave, len(antwoorden), delen, eens, sleutel is not None)


@dataclass
class Overzicht:
    groep: Groep
    vragen: list[Vraag]
    neigingen: list[Groepsneiging]  # the spread of leans per part, over every fragment rated
    namen: bool
    vorm: str
    onbekend: int  # answers to questions the course does not know (left out)

    def naam(self, deelnemer: Deelnemer) -> str:
        """What the page calls a participant: a number, or with names the best name known."""
        if not self.namen:
            return deelnemer.label
        return deelnemer.naam or f"{deelnemer.label} (naam onbekend)"

    def samenvatting(self) -> str:
        regels = [f"{len(self.groep.deelnemers)} deelnemers, {len(self.vragen)} vragen."]
        regels += self.groep.meldingen
        for v in self.vragen:
            o = v.overeenstemming
            if o and o.waarde is not None:
                regels.append(f"{v.opgave.titel}: {o.vorm} = {getallen.getal_nl(o.waarde)} "
                              f"({o.beoordelaars} beoordelaars, {o.items} stellingen)")
        return "\n".join(regels)

    def html(self) -> str:
        from werkalliantie.begeleiden.groepsoverzicht.pagina import pagina

        return pagina(self)


def overzicht(groep: Groep, *, namen: bool = False, vorm: str = "ICC(2,1)",
              sleutels: Path | None = None) -> Overzicht:
    vorm = icc_.vorm_naam(vorm)
    bekend = opgaven.alle_opgaven()
    onbekend = sum(1 for d in groep.deelnemers for v in d.antwoorden if v not in bekend)
    volgorde = [i for i in bekend if any(i in d.antwoorden for d in groep.deelnemers)]
    vragen = []
    afwijkingen: list[list[Afwijking]] = [[] for _ in groep.deelnemers]
    for vraag_id in volgorde:
        opgave = bekend[vraag_id]
        sleutel = _sleutel(opgave, sleutels)
        per_deelnemer = [d.antwoorden.get(vraag_id) for d in groep.deelnemers]
        vragen.append(vraag(opgave, [a for a in per_deelnemer if a is not None], sleutel, vorm))
        if sleutel is not None:
            for lijst, antwoord in zip(afwijkingen, per_deelnemer):
                lijst += opgaven.afwijkingen(opgave, antwoord, sleutel)
    return Overzicht(groep, vragen, groepsneigingen(afwijkingen), namen, vorm, onbekend)
