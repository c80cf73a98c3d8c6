"""The intraclass correlation (ICC), as Shrout & Fleiss (1979) define it. Pure Python.

``icc(tabel, vorm)`` takes a ratings table, rows the n things rated (targets, here the
statements of a questionnaire), columns the k raters (here the participants), and the
name of a form. The six forms of Shrout & Fleiss (1979, table 1), with the names McGraw &
Wong (1996) give them:

======== ======== ===========================================================
S&F      M&W      what it measures
======== ======== ===========================================================
ICC(1,1) ICC(1)   one-way random effects; agreement of a single rater
ICC(2,1) ICC(A,1) two-way random effects, absolute agreement, single rater
ICC(3,1) ICC(C,1) two-way mixed effects, consistency, single rater
ICC(1,k) ICC(k)   as ICC(1,1), for the mean of the k raters
ICC(2,k) ICC(A,k) as ICC(2,1), for the mean of the k raters
ICC(3,k) ICC(C,k) as ICC(3,1), for the mean of the k raters
======== ======== ===========================================================

The course's default is ICC(2,1): do these participants, each on their own, give the
same scores (absolute agreement)? The table must be complete: :func:`volledig` drops the
raters with a missing rating first. Fewer than three targets or two raters is refused.

Standard library only: this module also runs in a learner's browser.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from werkalliantie.leren.fouten import CursusFout

# Every accepted spelling of a form, to its Shrout & Fleiss name.
VORMEN = {
    "ICC(1,1)": "ICC(1,1)", "ICC(1)": "ICC(1,1)",
    "ICC(2,1)": "ICC(2,1)", "ICC(A,1)": "ICC(2,1)",
    "ICC(3,1)": "ICC(3,1)", "ICC(C,1)": "ICC(3,1)",
    "ICC(1,K)": "ICC(1,k)", "ICC(K)": "ICC(1,k)",
    "ICC(2,K)": "ICC(2,k)", "ICC(A,K)": "ICC(2,k)",
    "ICC(3,K)": "ICC(3,k)", "ICC(C,K)": "ICC(3,k)",
}
UITLEG = {
    "ICC(1,1)": "ICC(1,1): eenweg, willekeurige effecten, overeenstemming van één beoordelaar",
    "ICC(2,1)": "ICC(2,1) = ICC(A,1): tweeweg, willekeurige effecten, absolute overeenstemming, "
                "één beoordelaar",
    "ICC(3,1)": "ICC(3,1) = ICC(C,1): tweeweg, vaste beoordelaars, consistentie, één beoordelaar",
    "ICC(1,k)": "ICC(1,k): eenweg, willekeurige effecten, het gemiddelde van alle beoordelaars",
    "ICC(2,k)": "ICC(2,k) = ICC(A,k): tweeweg, willekeurige effecten, absolute overeenstemming, "
                "het gemiddelde van alle beoordelaars",
    "ICC(3,k)": "ICC(3,k) = ICC(C,k): tweeweg, vaste beoordelaars, consistentie, het gemiddelde "
                "van alle beoordelaars",
}
# What each form measures, in one plain sentence for the trainer's page.
UITLEG_KORT = {
    "ICC(1,1)": "Dit getal zegt hoe dicht de scores van één deelnemer bij die van de anderen "
                "liggen, zonder dat we weten wie welke stelling beoordeelde.",
    "ICC(2,1)": "Dit getal zegt hoe goed de deelnemers het eens zijn over de scores zelf, niet "
                "alleen over welke stelling hoger scoort.",
    "ICC(3,1)": "Dit getal zegt hoe goed de deelnemers het eens zijn over welke stelling hoger "
                "of lager scoort; of iemand altijd wat milder is, telt niet mee.",
    "ICC(1,k)": "Dit getal zegt hoe betrouwbaar het gemiddelde van de groep is, zonder dat we "
                "weten wie welke stelling beoordeelde.",
    "ICC(2,k)": "Dit getal zegt hoe betrouwbaar het gemiddelde van de groep is, als het gaat om "
                "de scores zelf.",
    "ICC(3,k)": "Dit getal zegt hoe betrouwbaar het gemiddelde van de groep is, als het gaat om "
                "welke stelling hoger of lager scoort.",
}
MIN_DOELEN = 3
MIN_BEOORDELAARS = 2


class ICCFout(CursusFout, ValueError):
    """The table or the form cannot give an ICC; the message is Dutch."""


def vorm_naam(vorm: str) -> str:
    """The Shrout & Fleiss name of ``vorm`` (any accepted spelling); ICCFout otherwise."""
    sleutel = re.sub(r"\s+", "", str(vorm)).upper()
    if sleutel not in VORMEN:
        raise ICCFout(f"Onbekende vorm '{vorm}'. Kies uit: " + ", ".join(UITLEG) + ".")
    return VORMEN[sleutel]


def volledig(tabel: Sequence[Sequence[float | None]]) -> tuple[list[list[float]], list[int]]:
    """The table without the raters (columns) that miss a rating; and which columns stayed."""
    if not tabel:
        return [], []
    k = max(len(r) for r in tabel)
    houden = [j for j in range(k)
              if all(j < len(r) and r[j] is not None and not (isinstance(r[j], float)
                                                              and math.isnan(r[j]))
                     for r in tabel)]
    return [[float(r[j]) for j in houden] for r in tabel], houden


def icc(tabel: Sequence[Sequence[float]], vorm: str = "ICC(2,1)") -> float:
    """The intraclass correlation of form ``vorm`` for a complete ratings table
    (rows: targets, columns: raters)."""
    naam = vorm_naam(vorm)
    rijen = [[float(x) for x in r] for r in tabel]
    n = len(rijen)
    k = len(rijen[0]) if rijen else 0
    if any(len(r) != k for r in rijen) or any(math.isnan(x) for r in rijen for x in r):
        raise ICCFout("De tabel is niet volledig: elke beoordelaar moet elk item een score geven.")
    if n < MIN_DOELEN:
        raise ICCFout(f"Te weinig items: er zijn er {n}, er zijn er minstens {MIN_DOELEN} nodig.")
    if k < MIN_BEOORDELAARS:
        raise ICCFout(f"Te weinig beoordelaars: er {'is' if k == 1 else 'zijn'} er {k}, er zijn "
                      f"er minstens {MIN_BEOORDELAARS} nodig.")
    totaal = sum(map(sum, rijen)) / (n * k)
    rijgem = [sum(r) / k for r in rijen]
    kolomgem = [sum(r[j] for r in rijen) / n for j in range(k)]
    ss_rijen = k * sum((m - totaal) ** 2 for m in rijgem)
    ss_kolommen = n * sum((m - totaal) ** 2 for m in kolomgem)
    ss_totaal = sum((x - totaal) ** 2 for r in rijen for x in r)
    ss_binnen = ss_totaal - ss_rijen
    ss_rest = ss_binnen - ss_kolommen
    bms = ss_rijen / (n - 1)  # between targets
    wms = ss_binnen / (n * (k - 1))  # within targets
    jms = ss_kolommen / (k - 1)  # between judges
    ems = ss_rest / ((n - 1) * (k - 1))  # residual
    formules = {
        "ICC(1,1)": (bms - wms, bms + (k - 1) * wms),
        "ICC(2,1)": (bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
        "ICC(3,1)": (bms - ems, bms + (k - 1) * ems),
        "ICC(1,k)": (bms - wms, bms),
        "ICC(2,k)": (bms - ems, bms + (jms - ems) / n),
        "ICC(3,k)": (bms - ems, bms),
    }
    teller, noemer = formules[naam]
    if noemer == 0:
        raise ICCFout("De ICC bestaat hier niet: alle scores zijn gelijk (er is geen spreiding).")
    return teller / noemer
