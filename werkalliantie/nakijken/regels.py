"""Grading rules: pure functions of (answer, key) to points and Dutch feedback.

One rule set serves the learner's instant feedback (practice key) and the autograder
(graded key, loaded on the instructor's side). Widgets only call these functions and
show the result. Answers are untrusted: any value gives a result, never an exception.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass

from werkalliantie.alliantie import Dimensie, Sleutel, Vragenlijst, vragenlijst


def getal(x: float) -> str:
    """A number as Dutch readers write it: 3,7 and 4."""
    return f"{x:.1f}".replace(".", ",").removesuffix(",0")


@dataclass(frozen=True)
class Dimensieresultaat:
    dimensie: str
    naam: str
    punten: float
    max_punten: float
    score: float | None  # the learner's mean; None when not every item is answered
    referentie: float
    toelichting: str
    marge: float

    @property
    def binnen_marge(self) -> bool:
        return self.punten == self.max_punten

    def uitleg(self, met_referentie: bool) -> str:
        """Dutch feedback; without the reference when the key must stay secret."""
        if self.score is None:
            return (f"{self.naam}: je hebt niet alle stellingen beantwoord. "
                    f"Je krijgt 0 van {getal(self.max_punten)} punten.")
        deel = f"{self.naam}: jouw score is {getal(self.score)}"
        if met_referentie:
            deel += f", het antwoordmodel geeft {getal(self.referentie)}"
        if self.binnen_marge:
            oordeel = (f"Dat ligt binnen {getal(self.marge)} punt van het antwoordmodel. "
                       f"Je krijgt {getal(self.punten)} van {getal(self.max_punten)} punten.")
        else:
            richting = "hoger" if self.score > self.referentie else "lager"
            oordeel = (f"Dat is meer dan {getal(self.marge)} punt {richting} dan het "
                       f"antwoordmodel. Je krijgt 0 van {getal(self.max_punten)} punten.")
        tekst = f"{deel}. {oordeel}"
        if met_referentie:
            tekst += f" Waarom: {self.toelichting}"
        return tekst


@dataclass(frozen=True)
class Nakijkresultaat:
    vraag: str
    dimensies: tuple[Dimensieresultaat, ...]
    meldingen: tuple[str, ...] = ()

    @property
    def punten(self) -> float:
        return sum(d.punten for d in self.dimensies)

    @property
    def max_punten(self) -> float:
        return sum(d.max_punten for d in self.dimensies)

    def dimensie(self, dimensie_id: str) -> Dimensieresultaat:
        for d in self.dimensies:
            if d.dimensie == dimensie_id:
                return d
        raise KeyError(dimensie_id)

    def regels(self, met_referentie: bool) -> list[str]:
        return [*self.meldingen, *(d.uitleg(met_referentie) for d in self.dimensies)]

    def __str__(self) -> str:
        kop = f"Totaal: {getal(self.punten)} van {getal(self.max_punten)} punten"
        return "\n".join([kop, *self.regels(met_referentie=True)])

    def _repr_html_(self) -> str:
        regels = "".join(f"<li>{html.escape(r)}</li>" for r in self.regels(met_referentie=True))
        return (f"<p><strong>Totaal: {getal(self.punten)} van {getal(self.max_punten)} "
                f"punten</strong></p><ul>{regels}</ul>")


def _itemwaarde(waarde: object, lijst: Vragenlijst) -> int | None:
    """A valid rating, or None for anything else (text, bool, NaN, out of range)."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return None
    if isinstance(waarde, float) and (not math.isfinite(waarde) or not waarde.is_integer()):
        return None
    waarde = int(waarde)
    return waarde if lijst.schaal.min <= waarde <= lijst.schaal.max else None


def lees_beoordelingen(antwoord: object, lijst: Vragenlijst | None = None
                       ) -> tuple[dict[str, int], list[str]]:
    """The valid item ratings in an answer, and Dutch messages about what was wrong."""
    lijst = lijst or vragenlijst()
    if antwoord is None:
        return {}, ["We vinden geen opgeslagen antwoord. Heb je op 'Opslaan' geklikt?"]
    if not isinstance(antwoord, Mapping):
        return {}, ["Je opgeslagen antwoord heeft een vorm die we niet kennen. "
                    "Vul de stellingen opnieuw in en klik op 'Opslaan'."]
    bekend = {i.id for i in lijst.items}
    geldig, meldingen = {}, []
    for item_id in bekend & set(antwoord):
        waarde = _itemwaarde(antwoord[item_id], lijst)
        if waarde is None:
            meldingen.append("Een van je antwoorden is geen geldige score van "
                             f"{lijst.schaal.min} tot {lijst.schaal.max}; die telt niet mee.")
        else:
            geldig[item_id] = waarde
    if set(antwoord) - bekend:
        meldingen.append("Je antwoord bevat onderdelen die niet bij deze vraag horen; "
                         "die tellen niet mee.")
    return geldig, sorted(set(meldingen))


def dimensiescore(beoordelingen: Mapping[str, int], dimensie: Dimensie) -> float | None:
    """The mean of a dimension's items, or None when an item is missing."""
    waarden = [beoordelingen.get(i.id) for i in dimensie.items]
    if any(w is None for w in waarden):
        return None
    return round(sum(waarden) / len(waarden), 2)


def beoordeel_werkalliantie(antwoord: object, sleutel: Sleutel,
                            lijst: Vragenlijst | None = None) -> Nakijkresultaat:
    """Points per dimension: full points within the tolerance of the reference, else 0."""
    lijst = lijst or vragenlijst()
    beoordelingen, meldingen = lees_beoordelingen(antwoord, lijst)
    resultaten = []
    for dimensie in lijst.dimensies:
        referentie = sleutel.referentie[dimensie.id]
        score = dimensiescore(beoordelingen, dimensie)
        raak = score is not None and abs(score - referentie.score) <= lijst.marge + 1e-9
        resultaten.append(Dimensieresultaat(
            dimensie=dimensie.id, naam=dimensie.naam,
            punten=dimensie.punten if raak else 0.0, max_punten=dimensie.punten,
            score=score, referentie=referentie.score, toelichting=referentie.toelichting,
            marge=lijst.marge))
    return Nakijkresultaat(sleutel.vraag, tuple(resultaten), tuple(meldingen))


def volledigheid_werkalliantie(antwoord: object, lijst: Vragenlijst | None = None) -> list[str]:
    """Completeness hints for a graded item (no key needed): empty when complete."""
    lijst = lijst or vragenlijst()
    beoordelingen, meldingen = lees_beoordelingen(antwoord, lijst)
    for dimensie in lijst.dimensies:
        open_ = [n for n, i in enumerate(dimensie.items, 1) if i.id not in beoordelingen]
        if len(open_) == 1:
            meldingen.append(f"{dimensie.naam}: stelling {open_[0]} is nog niet ingevuld.")
        elif open_:
            nummers = ", ".join(map(str, open_[:-1])) + f" en {open_[-1]}"
            meldingen.append(f"{dimensie.naam}: stellingen {nummers} zijn nog niet ingevuld.")
    return meldingen
