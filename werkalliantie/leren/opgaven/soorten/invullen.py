"""Kind ``invullen``: a few open questions that count only for being filled in.

For personal work such as a support plan for yourself: the content is never graded. The
single part ``ingevuld`` earns the share of questions answered (in half points). With
``prive: true`` (the default) the plain-text summary, which a graded notebook prints and
the instructor reads, says only which questions are answered, not what the learner wrote.
The practice key holds ideas to look at after saving.

The saved answer maps each question's id to its text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren.opgaven.groep import Teksten
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat

DEEL = "ingevuld"
MAX_TEKENS = 3000  # per question

UITLEG_DOCENT = (
    "Alleen of de vragen zijn ingevuld telt; de inhoud wordt nooit beoordeeld. De samenvatting "
    "in het notebook toont alleen of elke vraag is ingevuld.")

@dataclass(frozen=True)
class Vraag:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    vraag: str = field(metadata={"tekst": True, "max": 300})
    voorbeeld: str | None = field(default=None, metadata={"max": 200})  # shown in the empty field


@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    vragen: tuple[Vraag, ...] = field(metadata={"min": 1, "max": 10})
    prive: bool = True  # the summary shows only whether each question is answered


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    tips: tuple[str, ...] = field(default=(), metadata={"max": 10})


def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    return [Onderdeel(DEEL, "Ingevuld")]


def ingevuld(tekst: str) -> bool:
    """Answered: at least two characters, one of them a letter or digit."""
    schoon = tekst.strip()
    return len(schoon) >= 2 and any(t.isalnum() for t in schoon)


def lees(opgave: Opgave, antwoord: Any) -> tuple[dict[str, str], list[str]]:
    if not isinstance(antwoord, Mapping):
        return {}, ["Je opgeslagen antwoord heeft een vorm die we niet kennen. Vul de vragen "
                    "opnieuw in en klik op 'Opslaan'."]
    teksten = {v.id: antwoord[v.id][:MAX_TEKENS] for v in opgave.opties.vragen
               if isinstance(antwoord.get(v.id), str)}
    return teksten, []


def _open(opgave: Opgave, teksten: dict[str, str]) -> list[int]:
    return [n for n, v in enumerate(opgave.opties.vragen, 1) if not ingevuld(teksten.get(v.id, ""))]


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    teksten, meldingen = lees(opgave, antwoord)
    open_ = _open(opgave, teksten)
    aantal = len(opgave.opties.vragen)
    max_ = opgave.punten[DEEL]
    punten = min(round(max_ * (aantal - len(open_)) / aantal * 2) / 2, max_)
    feedback = ("Je hebt alle vragen ingevuld." if not open_ else
                f"Je hebt {aantal - len(open_)} van de {aantal} vragen ingevuld.",
                "Wat je schrijft, wordt niet beoordeeld. Alleen of je het hebt ingevuld.")
    uitleg = tuple(sleutel.tips) if sleutel else ()
    return Resultaat(opgave.id, (Deelresultaat(DEEL, "Ingevuld", punten, max_, feedback, uitleg),),
                     tuple(meldingen))


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    teksten, meldingen = lees(opgave, antwoord)
    open_ = _open(opgave, teksten)
    if open_:
        meldingen.append("Deze vragen heb je nog niet ingevuld: " + ", ".join(map(str, open_)) + ".")
    return meldingen


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    teksten, meldingen = lees(opgave, antwoord)
    regels = []
    for n, v in enumerate(opgave.opties.vragen, 1):
        tekst = teksten.get(v.id, "")
        if opgave.opties.prive:
            regels.append(f"{n}. {v.vraag} -> {'ingevuld' if ingevuld(tekst) else 'nog niet ingevuld'}")
        else:
            regels.append(f"{n}. {v.vraag} -> {tekst if tekst.strip() else '(leeg)'}")
    return [*regels, *meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """Filled in, left empty (the right shape), and an invalid answer."""
    return {"goed": {v.id: "Ingevuld." for v in opgave.opties.vragen},
            "fout": {v.id: "" for v in opgave.opties.vragen},
            "ongeldig": [1, 2, 3]}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """Per question the texts, or (private questions) only how many wrote something."""
    teksten = [lees(opgave, a)[0] for a in antwoorden]
    return [Teksten(v.vraag, tuple(t[v.id] for t in teksten if t.get(v.id, "").strip()),
                    prive=opgave.opties.prive)
            for v in opgave.opties.vragen]


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    ids = [v.id for v in opgave.opties.vragen]
    if len(set(ids)) != len(ids):
        return [("opties.vragen", "twee vragen hebben dezelfde id")]
    return []


def op_papier(opgave: Opgave) -> str:
    return "\n\n".join(f"**{v.vraag}**\n\n……………………………………………………………………" for v in opgave.opties.vragen)
