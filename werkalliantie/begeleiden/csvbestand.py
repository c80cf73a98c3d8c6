"""The one way the course writes a CSV file (grade lists, class lists).

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or a carriage return) as a formula. A student's name is free text, so a
name such as ``=HYPERLINK("http://...")`` would become a live formula in the instructor's
spreadsheet. Every text cell is therefore written as OWASP advises (CSV Injection): such a
cell gets a single quote ``'`` in front, and the csv module quotes every cell that holds a
separator, a quote or a line break. Numbers the course formats itself are written as they
are: they never start with one of these characters (points are never negative).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from werkalliantie.leren.tekst import leesbaar

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
MAX_TEKENS = 10_000  # one cell


def veilige_cel(waarde: object) -> str:
    """``waarde`` as a CSV cell that no spreadsheet reads as a formula: first the course's
    rules for untrusted text (:func:`~werkalliantie.leren.tekst.leesbaar`: no control
    characters, no half characters), then the quote in front of a formula."""
    tekst = "" if waarde is None else leesbaar(waarde, MAX_TEKENS)
    return "'" + tekst if tekst.startswith(FORMULETEKENS) else tekst


def is_formule(cel: str) -> bool:
    """True for a cell a spreadsheet would read as a formula."""
    return cel.startswith(FORMULETEKENS)


def schrijf(pad: Path, kop: Iterable[object], rijen: Iterable[Iterable[object]],
            bom: bool = False) -> None:
    """Write a CSV file with every cell made safe (:func:`veilige_cel`). ``bom``: start with
    a UTF-8 byte order mark (spreadsheets then read accents right; an LMS that reads the
    first column's name exactly wants none)."""
    with open(pad, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow([veilige_cel(c) for c in kop])
        schrijver.writerows([veilige_cel(c) for c in rij] for rij in rijen)
