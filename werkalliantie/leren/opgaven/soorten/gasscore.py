"""Kind ``gasscore``: compute the Goal Attainment Scaling T-score of a scenario.

The record gives a client's goals after an agreed period: per goal its weight and the
level reached (−2 to +2). The learner computes the T-score of Kiresuk and Sherman (1968),
T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²), with ρ = 0.3 unless the record says
otherwise. The reference value comes from :func:`werkalliantie.leren.gas.t_score`; nothing is
typed in by hand.

To help, the learner may also fill in the steps: Σwᵢxᵢ, Σwᵢ² and Σwᵢ. On a practice
question each step is checked and the right computation is shown; on a graded question
only the T-score earns points (it must lie within ``marge`` of the reference), and the
feedback says whether it did, never the value.

The saved answer maps ``teller`` (Σwᵢxᵢ), ``kwadraten`` (Σwᵢ²), ``som`` (Σwᵢ) and ``t``
to what the learner typed (text such as "54,4", or a number).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren.opgaven.getallen import getal_nl, lees_getal
from werkalliantie.leren.opgaven.groep import Getallen
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat

DEEL = "tscore"
STAPPEN = (("teller", "Σ wᵢ·xᵢ (gewicht keer uitkomst, opgeteld)"),
           ("kwadraten", "Σ wᵢ² (elk gewicht in het kwadraat, opgeteld)"),
           ("som", "Σ wᵢ (de gewichten opgeteld)"))
VELDEN = (*(s for s, _ in STAPPEN), "t")
MARGE_STAP = 0.005  # a step is right when it rounds to the reference

UITLEG_DOCENT = (
    "De T-score is goed als hij hooguit de marge (meestal 0,5) van de uitkomst van de formule "
    "van Kiresuk en Sherman ligt. De tussenstappen helpen de student, maar geven geen punten.")

@dataclass(frozen=True)
class Doel:
    __pydantic_config__ = {"extra": "forbid"}
    naam: str = field(metadata={"tekst": True, "max": 200})
    gewicht: float
    uitkomst: int  # −2 .. +2


@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    doelen: tuple[Doel, ...] = field(metadata={"min": 1, "max": 6})
    marge: float = 0.5  # the T-score earns its points within this distance
    rho: float = 0.3


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    toelichting: str = field(metadata={"tekst": True})  # what the T-score says about the client


def referentie(opgave: Opgave) -> dict[str, float]:
    """The right value of every step and of T, for the record's scenario."""
    from werkalliantie.leren.gas import t_score

    ws = [d.gewicht for d in opgave.opties.doelen]
    xs = [d.uitkomst for d in opgave.opties.doelen]
    return {"teller": sum(w * x for w, x in zip(ws, xs, strict=True)),
            "kwadraten": sum(w * w for w in ws), "som": sum(ws),
            "t": t_score(xs, ws, opgave.opties.rho)}


def lees(antwoord: Any) -> tuple[dict[str, float], list[str]]:
    if not isinstance(antwoord, Mapping):
        return {}, ["Je opgeslagen antwoord heeft een vorm die we niet kennen. Vul je berekening "
                    "opnieuw in en klik op 'Opslaan'."]
    waarden, meldingen = {}, []
    for veld in VELDEN:
        ruw = antwoord.get(veld)
        if ruw is None or (isinstance(ruw, str) and not ruw.strip()):
            continue
        getal = lees_getal(ruw)
        if getal is None:
            meldingen.append(("Je T-score" if veld == "t" else "Een tussenstap") +
                             " is geen getal. Schrijf alleen cijfers, met een komma als dat nodig is.")
        else:
            waarden[veld] = getal
    return waarden, meldingen


def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    return [Onderdeel(DEEL, "Je T-score")]


def berekening(opgave: Opgave) -> list[str]:
    """The computation written out, step by step (practice feedback)."""
    r = referentie(opgave)
    rho = opgave.opties.rho
    doelen = opgave.opties.doelen
    noemer = math.sqrt((1 - rho) * r["kwadraten"] + rho * r["som"] ** 2)
    def x(uitkomst: int) -> str:
        return f"({getal_nl(uitkomst)})" if uitkomst < 0 else getal_nl(uitkomst)

    def teller(waarde: float) -> str:
        return f"({getal_nl(waarde)})" if waarde < 0 else getal_nl(waarde)

    return [
        "Σ wᵢ·xᵢ = " + " + ".join(f"{getal_nl(d.gewicht)}·{x(d.uitkomst)}" for d in doelen)
        + f" = {getal_nl(r['teller'])}",
        "Σ wᵢ² = " + " + ".join(f"{getal_nl(d.gewicht)}²" for d in doelen)
        + f" = {getal_nl(r['kwadraten'])}",
        "Σ wᵢ = " + " + ".join(getal_nl(d.gewicht) for d in doelen) + f" = {getal_nl(r['som'])}",
        f"Noemer = √({getal_nl(1 - rho)}·{getal_nl(r['kwadraten'])} + {getal_nl(rho)}·"
        f"{getal_nl(r['som'])}²) = {getal_nl(noemer, 3)}",
        f"T = 50 + 10·{teller(r['teller'])} / {getal_nl(noemer, 3)} = {getal_nl(r['t'])}",
    ]


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    waarden, meldingen = lees(antwoord)
    r = referentie(opgave)
    max_ = opgave.punten[DEEL]
    marge = opgave.opties.marge
    if "t" not in waarden:
        feedback = ("Je hebt nog geen T-score ingevuld.",)
        punten = 0.0
    elif abs(waarden["t"] - r["t"]) <= marge:
        feedback = (f"Je T-score ligt binnen {getal_nl(marge)} van de juiste uitkomst.",)
        punten = max_
    else:
        feedback = (f"Je T-score ligt verder dan {getal_nl(marge)} van de juiste uitkomst.",)
        punten = 0.0
    uitleg = []
    if sleutel is not None:
        for veld, naam in STAPPEN:
            if veld in waarden:
                goed = abs(waarden[veld] - r[veld]) <= MARGE_STAP
                uitleg.append(f"Je tussenstap {naam.split(' (')[0]} = {getal_nl(waarden[veld])}: "
                              + ("klopt." if goed else f"dat moet {getal_nl(r[veld])} zijn."))
        uitleg.extend(["Zo reken je het uit:", *berekening(opgave), sleutel.toelichting])
    return Resultaat(opgave.id, (Deelresultaat(DEEL, "Je T-score", punten, max_, feedback,
                                               tuple(uitleg)),), tuple(meldingen))


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    waarden, meldingen = lees(antwoord)
    if "t" not in waarden:
        meldingen.append("Vul je T-score in.")
    return meldingen


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    waarden, meldingen = lees(antwoord)
    regels = [f"{naam.split(' (')[0]} = {getal_nl(waarden[veld]) if veld in waarden else '(leeg)'}"
              for veld, naam in STAPPEN]
    regels.append(f"T-score = {getal_nl(waarden['t']) if 't' in waarden else '(leeg)'}")
    return [*regels, *meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """The right computation, one ten points off (the right shape), and an invalid one."""
    r = referentie(opgave)
    return {"goed": {veld: getal_nl(r[veld]) for veld in VELDEN},
            "fout": {veld: getal_nl(r[veld] + 10) for veld in VELDEN},
            "ongeldig": {"t": "vijftig", "teller": [1]}}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """The T-scores the group computed, beside the right one."""
    return [Getallen("De T-score", tuple(lees(a)[0].get("t") for a in antwoorden),
                     referentie(opgave)["t"], opgave.opties.marge)]


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    problemen = []
    for n, d in enumerate(opgave.opties.doelen, 1):
        if d.uitkomst not in (-2, -1, 0, 1, 2):
            problemen.append((f"opties.doelen[{n}].uitkomst", "een uitkomst ligt tussen -2 en 2"))
        if not d.gewicht > 0:
            problemen.append((f"opties.doelen[{n}].gewicht", "een gewicht is groter dan 0"))
    if not 0 <= opgave.opties.rho <= 1:
        problemen.append(("opties.rho", "rho ligt tussen 0 en 1"))
    if not opgave.opties.marge > 0:
        problemen.append(("opties.marge", "de marge is groter dan 0"))
    return problemen


def op_papier(opgave: Opgave) -> str:
    regels = ["| doel | gewicht | uitkomst |", "| --- | --- | --- |"]
    regels += [f"| {d.naam} | {d.gewicht:g} | {d.uitkomst:+d} |" for d in opgave.opties.doelen]
    regels += ["", "Bereken de T-score: ……"]
    return "\n".join(regels)
