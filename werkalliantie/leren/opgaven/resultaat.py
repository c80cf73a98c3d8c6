"""One result type for every kind: points, maximum and Dutch feedback per part.

A kind's grading rule returns a :class:`Resultaat`. Each part (:class:`Deelresultaat`)
carries two kinds of text:

- ``feedback``: what may be shown after grading without giving the key away (the hidden
  test prints it, so it lands in nbgrader's feedback);
- ``uitleg``: the reference and why, shown only on practice items, whose key ships.

A part may name its own verdict (``oordeel``, e.g. "dicht bij de referentieband") where
"goed" or "nog niet goed" would say too much: a rating is a judgement, not a sum.

A result shows itself as text (``str``), as escaped HTML (``_repr_html_``, for notebooks)
and as the output of a hidden test (:meth:`Resultaat.toetsuitvoer`).
"""

from __future__ import annotations

from dataclasses import dataclass

from werkalliantie.leren.opgaven.getallen import getal_nl
from werkalliantie.leren.tekst import html_tekst


def getal(x: float) -> str:
    """Points and scores as Dutch readers write them: 3,7 and 4 (one decimal at most)."""
    return getal_nl(x, 1)


def van_punten(punten: float, max_punten: float) -> str:
    """'1 van 1 punt', '1,5 van 2 punten': the unit follows the maximum."""
    return f"{getal(punten)} van {getal(max_punten)} {'punt' if max_punten == 1 else 'punten'}"


@dataclass(frozen=True)
class Deelresultaat:
    onderdeel: str
    naam: str
    punten: float
    max_punten: float
    feedback: tuple[str, ...] = ()
    uitleg: tuple[str, ...] = ()
    oordeel: str = ""  # the verdict in words; empty: "goed" or "nog niet goed"

    @property
    def goed(self) -> bool:
        return self.punten >= self.max_punten

    @property
    def oordeel_tekst(self) -> str:
        return self.oordeel or ("goed" if self.goed else "nog niet goed")

    @property
    def puntenregel(self) -> str:
        return f"{self.naam}: je krijgt {van_punten(self.punten, self.max_punten)}."

    def regels(self, met_uitleg: bool) -> list[str]:
        return [*self.feedback, *(self.uitleg if met_uitleg else ()), self.puntenregel]


@dataclass(frozen=True)
class Resultaat:
    opgave: str
    delen: tuple[Deelresultaat, ...]
    meldingen: tuple[str, ...] = ()  # about the answer as a whole (missing, damaged, ...)

    @property
    def punten(self) -> float:
        return sum(d.punten for d in self.delen)

    @property
    def max_punten(self) -> float:
        return sum(d.max_punten for d in self.delen)

    @property
    def kop(self) -> str:
        if not self.delen:
            return "Deze opgave krijgt geen punten van de computer."
        return f"Totaal: {van_punten(self.punten, self.max_punten)}."

    def deel(self, onderdeel: str) -> Deelresultaat:
        for d in self.delen:
            if d.onderdeel == onderdeel:
                return d
        raise KeyError(onderdeel)

    def toetsuitvoer(self, onderdeel: str) -> str:
        """What a hidden test prints for one part: never the key."""
        return "\n".join([*self.meldingen, *self.deel(onderdeel).regels(met_uitleg=False)])

    def __str__(self) -> str:
        regels = [self.kop, *self.meldingen]
        for d in self.delen:
            regels.extend(d.regels(met_uitleg=True))
        return "\n".join(regels)

    def _repr_html_(self) -> str:
        e = html_tekst
        meldingen = "".join(f"<p>{e(m)}</p>" for m in self.meldingen)
        delen = "".join(
            f"<li><strong>{e(d.naam)}</strong> ({e(van_punten(d.punten, d.max_punten))})<br>"
            + "<br>".join(e(r) for r in (*d.feedback, *d.uitleg)) + "</li>"
            for d in self.delen)
        return f"<p><strong>{e(self.kop)}</strong></p>{meldingen}<ul>{delen}</ul>"
