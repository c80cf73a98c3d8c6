"""Kind ``meerkeuze``: choose one option, or several, from a list.

With ``meer: false`` exactly one option is right. With ``meer: true`` several may be:
the learner earns the share of right options chosen, minus one for each wrong one
(never below zero), in half points. The saved answer is a list of option ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren.opgaven.groep import Keuzes, Optie
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat

DEEL = "keuze"

UITLEG_DOCENT = (
    "Bij één goed antwoord: alle punten of 0. Bij meer goede antwoorden: het deel van de "
    "goede antwoorden dat de student koos, min een voor elke foute keuze (nooit minder dan "
    "0, in halve punten).")

@dataclass(frozen=True)
class Keuze:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    tekst: str = field(metadata={"tekst": True, "max": 500})


@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    keuzes: tuple[Keuze, ...] = field(metadata={"min": 2, "max": 12})
    meer: bool = False  # several options may be right


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    goed: tuple[str, ...] = field(metadata={"min": 1})
    toelichting: str = field(metadata={"tekst": True})
    uitleg: dict[str, str] = field(default_factory=dict)  # per option: why (not) right


def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    return [Onderdeel(DEEL, "Je keuze")]


def _gekozen(opgave: Opgave, antwoord: Any) -> tuple[list[str], list[str]]:
    """The valid chosen ids in the order of the options, and messages."""
    if isinstance(antwoord, str):
        antwoord = [antwoord]
    if not isinstance(antwoord, list):
        return [], ["Je opgeslagen antwoord heeft een vorm die we niet kennen. "
                    "Kies opnieuw en klik op 'Opslaan'."]
    bekend = [k.id for k in opgave.opties.keuzes]
    gekozen = [k for k in bekend if k in antwoord]
    meldingen = []
    if any(not isinstance(a, str) or a not in bekend for a in antwoord):
        meldingen.append("Je antwoord bevat een keuze die niet bij deze vraag hoort; die telt niet mee.")
    if not opgave.opties.meer and len(gekozen) > 1:
        meldingen.append("Bij deze vraag hoort één keuze. Je koos er meer; dat telt als fout.")
    return gekozen, meldingen


def _antwoorden(aantal: int, bijvoeglijk: str = "") -> str:
    return f"{aantal} {bijvoeglijk}antwoord{'' if aantal == 1 else 'en'}"


def _tekst(opgave: Opgave, keuze_id: str) -> str:
    return next(k.tekst for k in opgave.opties.keuzes if k.id == keuze_id)


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    gekozen, meldingen = _gekozen(opgave, antwoord)
    max_ = opgave.punten[DEEL]
    goed = set(sleutel.goed)
    raak, mis = len(set(gekozen) & goed), len(set(gekozen) - goed)
    if opgave.opties.meer:
        punten = round(max_ * max(0.0, (raak - mis) / len(goed)) * 2) / 2
        feedback = (f"Je koos {_antwoorden(len(gekozen))}: {raak} goed en {mis} fout. "
                    f"Er {'is' if len(goed) == 1 else 'zijn'} {_antwoorden(len(goed), 'goede ')}.",)
    else:
        punten = max_ if gekozen == list(goed) else 0.0
        feedback = ("Je keuze is goed." if punten else
                    "Je hebt nog geen keuze gemaakt." if not gekozen else "Je keuze is niet goed.",)
    uitleg = ["Het goede antwoord is:" if len(goed) == 1 else "De goede antwoorden zijn:",
              *(f"– {_tekst(opgave, k)}" for k in sleutel.goed), sleutel.toelichting]
    uitleg += [f"Over '{_tekst(opgave, k)}': {sleutel.uitleg[k]}" for k in gekozen if k in sleutel.uitleg]
    return Resultaat(opgave.id, (Deelresultaat(DEEL, "Je keuze", min(punten, max_), max_,
                                               feedback, tuple(uitleg)),), tuple(meldingen))


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    gekozen, meldingen = _gekozen(opgave, antwoord)
    if not gekozen:
        meldingen.append("Je hebt nog niets gekozen.")
    return meldingen


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    gekozen, meldingen = _gekozen(opgave, antwoord)
    if not gekozen:
        return ["Gekozen: niets.", *meldingen]
    return ["Gekozen:", *(f"  - {_tekst(opgave, k)}" for k in gekozen), *meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """A right answer, a wrong one of the right shape, and an invalid one."""
    fout = [k.id for k in opgave.opties.keuzes if k.id not in sleutel.goed]
    return {"goed": list(sleutel.goed), "fout": fout if opgave.opties.meer else fout[:1],
            "ongeldig": {"keuze": 42}}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    ids = [k.id for k in opgave.opties.keuzes]
    goed = set(sleutel.goed) if sleutel is not None else set()
    opties = tuple(Optie(k.tekst, k.id in goed) for k in opgave.opties.keuzes)
    gekozen = tuple(tuple(ids.index(k) for k in _gekozen(opgave, a)[0]) for a in antwoorden)
    return [Keuzes(opgave.vraag, opties, gekozen, opgave.opties.meer)]


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    ids = [k.id for k in opgave.opties.keuzes]
    problemen = []
    if len(set(ids)) != len(ids):
        problemen.append(("opties.keuzes", "twee keuzes hebben dezelfde id"))
    if sleutel is not None:
        if any(g not in ids for g in sleutel.goed):
            problemen.append(("sleutel.goed", "noem alleen ids uit opties.keuzes"))
        if not opgave.opties.meer and len(sleutel.goed) != 1:
            problemen.append(("sleutel.goed", "bij één keuze (meer: false) is precies één antwoord goed"))
        if any(k not in ids for k in sleutel.uitleg):
            problemen.append(("sleutel.uitleg", "noem alleen ids uit opties.keuzes"))
    return problemen


def op_papier(opgave: Opgave) -> str:
    kies = "Kruis alles aan wat klopt." if opgave.opties.meer else "Kruis één antwoord aan."
    return kies + "\n\n" + "\n".join(f"- ☐ {k.tekst}" for k in opgave.opties.keuzes)
