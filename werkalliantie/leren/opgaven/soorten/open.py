"""Kind ``open``: an open answer, graded by a person with a rubric.

In an nbgrader assignment the answer is a native "manually graded answer" Markdown cell
(the question in a locked cell above it); the rubric (``opties.rubriek``) is public and
shown in the instructor's guide, the example answers (the graded key) stay with the
instructor. In practice the learner saves the text in a text field and then sees the
rubric and the points to look at (the practice key), to check their own answer.
The saved answer (practice) is the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren.opgaven.groep import Teksten
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Resultaat, getal

DEEL = "antwoord"
MAX_TEKENS = 5000

UITLEG_DOCENT = "Je kijkt dit antwoord met de hand na in de Formgrader, met het beoordelingsmodel."

@dataclass(frozen=True)
class Criterium:
    __pydantic_config__ = {"extra": "forbid"}
    criterium: str = field(metadata={"tekst": True})
    let_op: str = field(metadata={"tekst": True})
    punten: float


@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    rubriek: tuple[Criterium, ...] = field(metadata={"min": 1})


@dataclass(frozen=True)
class Voorbeeld:
    __pydantic_config__ = {"extra": "forbid"}
    niveau: str = field(metadata={"tekst": True})
    tekst: str = field(metadata={"tekst": True})
    toelichting: str = field(metadata={"tekst": True})


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    aandachtspunten: tuple[str, ...] = ()
    voorbeelden: tuple[Voorbeeld, ...] = ()


def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    return [Onderdeel(DEEL, "Je antwoord", handmatig=True)]


def _tekst(antwoord: Any) -> str:
    return antwoord[:MAX_TEKENS] if isinstance(antwoord, str) else ""


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    """No points from a rule: the learner checks their own text against the rubric."""
    rubriek = tuple(opgave.vul_in(f"{c.criterium} ({getal(c.punten)} punt): {c.let_op}")
                    for c in opgave.opties.rubriek)
    punten = tuple(sleutel.aandachtspunten) if sleutel else ()
    return Resultaat(opgave.id, (), (
        "Deze vraag kijkt een docent of trainer na. Kijk zelf: voldoet je antwoord hieraan?",
        *rubriek, *punten))


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    return [] if _tekst(antwoord).strip() else ["Schrijf eerst je antwoord."]


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    tekst = _tekst(antwoord)
    return [f"Antwoord: {tekst}" if tekst.strip() else "Antwoord: (leeg)"]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """The strongest example answer, a weak one of the right shape, and an invalid one.
    Open answers are graded by a person: these are for tests and the paper version."""
    goed = sleutel.voorbeelden[-1].tekst if sleutel and sleutel.voorbeelden else "Mijn antwoord."
    return {"goed": goed, "fout": "Weet ik niet.", "ongeldig": ["geen", "tekst"]}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    return [Teksten(opgave.vraag, tuple(t for t in map(_tekst, antwoorden) if t.strip()))]


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    from werkalliantie.leren.opgaven.model import PLAATSHOUDER

    for n, c in enumerate(opgave.opties.rubriek, 1):
        namen = set(PLAATSHOUDER.findall(c.criterium + c.let_op))
        if namen - ({"client", "professional"} if opgave.casus else set()):
            return [(f"opties.rubriek[{n}]", f"{{{sorted(namen)[0]}}} kennen we hier niet")]
    totaal = sum(c.punten for c in opgave.opties.rubriek)
    if abs(totaal - opgave.punten.get(DEEL, 0)) > 1e-9:
        return [("opties.rubriek", f"de punten van de criteria ({getal(totaal)}) zijn samen "
                 "niet de punten van de vraag")]
    return []


def op_papier(opgave: Opgave) -> str:
    return "Je antwoord:\n\n……………………………………………………………………\n\n……………………………………………………………………"
