"""Numbers as learners type them: "2,5", "−1", " 54,4 ". Pure Python, for every kind."""

from __future__ import annotations

import math
from typing import Any


def lees_getal(waarde: Any, grens: float = 1e9) -> float | None:
    """A number typed by a learner (text with a decimal comma, or a JSON number), or None
    for anything else: a bool, NaN, infinity, an absurd size, or text that is no number."""
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, str) and len(waarde) <= 40:
        waarde = waarde.strip().replace(" ", "").replace(",", ".").replace("−", "-")
        try:
            waarde = float(waarde)
        except ValueError:
            return None
    if isinstance(waarde, int | float) and math.isfinite(waarde) and abs(waarde) < grens:
        return float(waarde)
    return None


def getal_nl(x: float, decimalen: int = 2) -> str:
    """54.4142 as '54,41', −1.0 as '−1' (a real minus sign); whole numbers without decimals."""
    tekst = (str(int(x)) if float(x).is_integer() else
             f"{x:.{decimalen}f}".replace(".", ",").rstrip("0").rstrip(","))
    return tekst.replace("-", "−")


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 cel', '3 cellen': a count in a Dutch sentence, never 'cel(len)'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"
