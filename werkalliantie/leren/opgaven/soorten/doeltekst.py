"""Kind ``doeltekst``: write a goal, judged by the goal checker (:mod:`werkalliantie.leren.doelen`).

The rule is the checker's five criteria (concreet, meetbaar, tijdgebonden, positief,
eigen regie). The learner earns the share of criteria met, in half points. The
checker's rules are published in the book, so its hints may be shown before a graded
goal is handed in; the key holds only an example goal and why it works (practice).
The saved answer is the goal's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren.opgaven.groep import Keuzes, Optie, Teksten
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat

DEEL = "doel"
MAX_TEKENS = 1000

UITLEG_DOCENT = (
    "De doelencheck beoordeelt het doel op vijf criteria: concreet, meetbaar, tijdgebonden, "
    "positief en eigen regie. De student krijgt de punten naar het deel van de criteria "
    "waaraan het doel voldoet (in halve punten). De regels van de check staan in het boek; "
    "de student ziet de tips ook voor het inleveren.")

@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    # What the goal is about, shown above the text field (e.g. a life domain).
    hint: str | None = None


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    voorbeeld: str = field(metadata={"tekst": True})
    toelichting: str = field(metadata={"tekst": True})


def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    return [Onderdeel(DEEL, "Je doel")]


def _tekst(antwoord: Any) -> tuple[str, list[str]]:
    if not isinstance(antwoord, str):
        return "", ["Je opgeslagen antwoord is geen tekst. Schrijf je doel opnieuw en klik op 'Opslaan'."]
    if len(antwoord) > MAX_TEKENS:
        return antwoord[:MAX_TEKENS], [f"Je doel is langer dan {MAX_TEKENS} tekens; "
                                       "we kijken alleen het begin na."]
    return antwoord, []


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    from werkalliantie.leren.doelen import CRITERIA, beoordeel

    tekst, meldingen = _tekst(antwoord)
    max_ = opgave.punten[DEEL]
    if not tekst.strip():
        deel = Deelresultaat(DEEL, "Je doel", 0.0, max_, ("Je hebt nog geen doel geschreven.",))
        return Resultaat(opgave.id, (deel,), tuple(meldingen))
    oordeel = beoordeel(tekst)
    voldaan = sum(oordeel.criteria.values())
    punten = round(max_ * voldaan / len(CRITERIA) * 2) / 2
    feedback = (f"Je doel voldoet aan {voldaan} van de {len(CRITERIA)} criteria.", *oordeel.feedback)
    uitleg = (f"Een voorbeeld: '{sleutel.voorbeeld}' {sleutel.toelichting}",) if sleutel else ()
    return Resultaat(opgave.id, (Deelresultaat(DEEL, "Je doel", min(punten, max_), max_,
                                               feedback, uitleg),), tuple(meldingen))


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    from werkalliantie.leren.doelen import beoordeel

    tekst, meldingen = _tekst(antwoord)
    if not tekst.strip():
        return [*meldingen, "Schrijf eerst een doel."]
    return [*meldingen, *beoordeel(tekst).feedback]


def onbeantwoord(opgave: Opgave, antwoord: Any) -> list[str]:
    """Only whether a goal is written: the goal checker's hints are advice."""
    return [] if _tekst(antwoord)[0].strip() else ["Schrijf eerst een doel."]


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    tekst, meldingen = _tekst(antwoord)
    return [f"Doel: {tekst}" if tekst.strip() else "Doel: (leeg)", *meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """The key's example goal, a goal that meets no criterion, and an invalid answer."""
    return {"goed": sleutel.voorbeeld, "fout": "Me beter voelen.", "ongeldig": {"doel": 12345}}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """The goals as written, and which criteria the goal checker found in them."""
    from werkalliantie.leren.doelen import CRITERIA, LABELS, beoordeel

    teksten = [t for t in (_tekst(a)[0] for a in antwoorden) if t.strip()]
    gekozen = tuple(tuple(i for i, c in enumerate(CRITERIA) if beoordeel(t).criteria[c])
                    for t in teksten)
    return [Teksten(opgave.vraag, tuple(teksten)),
            Keuzes("Wat de doelcontrole in deze doelen vond",
                   tuple(Optie(LABELS[c]) for c in CRITERIA), gekozen, meer=True)]


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    if sleutel is None:
        return []
    from werkalliantie.leren.doelen import beoordeel

    if not all(beoordeel(sleutel.voorbeeld).criteria.values()):
        return [("sleutel.voorbeeld", "het voorbeeld voldoet zelf niet aan alle criteria")]
    return []


def op_papier(opgave: Opgave) -> str:
    hint = f"*{opgave.opties.hint}*\n\n" if opgave.opties.hint else ""
    return hint + "Het doel: ……………………………………………………………………"
