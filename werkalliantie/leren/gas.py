"""Goal Attainment Scaling (GAS): the summary T-score over a client's goals.

Source: Kiresuk, T. J., & Sherman, R. E. (1968). Goal attainment scaling: A general method
for evaluating comprehensive community mental health programs. *Community Mental Health
Journal, 4*(6), 443–453. https://doi.org/10.1007/BF01530764

Each goal gets five levels, −2 to +2, where 0 is the expected outcome. After the agreed
period the outcome per goal (``xᵢ``) and its weight (``wᵢ``, how important the goal is)
give one standardised score:

    T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²)

``ρ`` is the assumed correlation between the goals' scales; Kiresuk and Sherman take 0.3.
T is 50 when every goal ends at the expected level; with one goal, T is 50 + 10·x.

Pure Python (``math`` only): it runs in a learner's kernel, also in the browser.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Real

from werkalliantie.leren.fouten import CursusFout

__all__ = ["GASFout", "NIVEAUS", "t_score"]

NIVEAUS = (-2, -1, 0, 1, 2)  # much less than expected .. much more than expected


class GASFout(CursusFout, ValueError):
    """The outcomes or weights cannot give a T-score; the message says why, in Dutch."""


def _getal(waarde: object, wat: str) -> float:
    if isinstance(waarde, bool) or not isinstance(waarde, Real):
        raise GASFout(f"{wat} moet een getal zijn, niet {waarde!r}.")
    getal = float(waarde)
    if not math.isfinite(getal):
        raise GASFout(f"{wat} moet een gewoon getal zijn, niet {waarde!r}.")
    return getal


def t_score(
    uitkomsten: Sequence[float], gewichten: Sequence[float], rho: float = 0.3
) -> float:
    """The GAS T-score (Kiresuk & Sherman, 1968) of outcomes −2..+2 with their weights.

    ``uitkomsten[i]`` is the level goal i reached (−2 to +2, 0 = as expected);
    ``gewichten[i]`` its weight (a positive number; equal weights when all goals count the
    same); ``rho`` the assumed correlation between the goals' scales (0 to 1, default 0.3).
    Raises :class:`GASFout` (a ``ValueError`` with a Dutch message) on input that has no
    T-score: no goals, unequal lengths, a level outside −2..+2, a weight of 0 or less.

    >>> t_score([1], [1])
    60.0
    >>> round(t_score([1, 0, -1], [3, 2, 1]), 2)
    54.41
    """
    try:
        xs = list(uitkomsten)
        ws = list(gewichten)
    except TypeError:
        raise GASFout("Geef de uitkomsten en de gewichten als lijsten met getallen.") from None
    if not xs:
        raise GASFout("Er zijn geen doelen: geef per doel een uitkomst en een gewicht.")
    if len(xs) != len(ws):
        raise GASFout(
            f"Er zijn {len(xs)} uitkomsten en {len(ws)} gewichten. Geef elk doel er één van."
        )
    xs = [_getal(x, f"De uitkomst van doel {i}") for i, x in enumerate(xs, 1)]
    ws = [_getal(w, f"Het gewicht van doel {i}") for i, w in enumerate(ws, 1)]
    for i, x in enumerate(xs, 1):
        if not NIVEAUS[0] <= x <= NIVEAUS[-1]:
            raise GASFout(f"De uitkomst van doel {i} is {x:g}; die ligt tussen −2 en +2.")
    for i, w in enumerate(ws, 1):
        if w <= 0:
            raise GASFout(f"Het gewicht van doel {i} is {w:g}; een gewicht is groter dan 0.")
    rho = _getal(rho, "Rho")
    if not 0 <= rho <= 1:
        raise GASFout(f"Rho is {rho:g}; die ligt tussen 0 en 1.")

    teller = sum(w * x for w, x in zip(ws, xs, strict=True))
    noemer = math.sqrt((1 - rho) * sum(w * w for w in ws) + rho * sum(ws) ** 2)
    return 50 + 10 * teller / noemer
