"""The class list into the gradebook: ``werkalliantie klaslijst studenten.csv``.

nbgrader's own ``nbgrader db student import`` takes any id. An id with a line break, a
slash or a space later stops ``nbgrader autograde`` for the whole class, or names a folder
outside ``submitted/``. This import checks every row first and refuses the whole list, with
a Dutch message naming each bad row, when one id does not match the course's pattern
(:data:`~.grenzen.STUDENT_ID`). Nothing is written then.

Columns: ``id`` (required), ``first_name``, ``last_name``, ``email``, ``lms_user_id``
(the student's id in the LMS: for Canvas the column *ID* of its grade export). Other
columns are ignored. A cell the course wrote with a ``'`` in front (a name that starts
like a spreadsheet formula: :mod:`werkalliantie.begeleiden.csvbestand`) is read back
without it.
"""

from __future__ import annotations

import csv
from pathlib import Path

from werkalliantie.begeleiden.csvbestand import FORMULETEKENS
from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.begeleiden.nakijken import grenzen
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.tekst import leesbaar

KOLOMMEN = ("id", "first_name", "last_name", "email", "lms_user_id")
MAX_STUDENTEN = 10_000


class Klaslijstfout(CursusFout):
    """A class list that cannot be imported; the message is Dutch and names the rows."""


def _cel(waarde: str | None) -> str:
    tekst = (waarde or "").strip()
    if tekst.startswith("'") and tekst[1:].startswith(FORMULETEKENS):
        tekst = tekst[1:]  # the course's own guard against formulas
    return tekst


def lees(pad: Path) -> list[dict[str, str]]:
    """The rows of a class list, checked; :class:`Klaslijstfout` for any bad id."""
    pad = Path(pad)
    try:
        with open(pad, encoding="utf-8-sig", newline="") as f:
            lezer = csv.DictReader(f)
            if not lezer.fieldnames or "id" not in lezer.fieldnames:
                raise Klaslijstfout(f"{pad.name} heeft geen kolom 'id'. De eerste regel noemt de "
                                    "kolommen: " + ", ".join(KOLOMMEN) + ".")
            rijen = []
            for nummer, rij in enumerate(lezer, start=2):
                if nummer > MAX_STUDENTEN + 1:
                    raise Klaslijstfout(f"{pad.name} heeft meer dan {MAX_STUDENTEN} studenten.")
                rijen.append((nummer, rij))
    except (OSError, UnicodeDecodeError, csv.Error) as fout:
        if isinstance(fout, Klaslijstfout):
            raise
        raise Klaslijstfout(f"{pad} kan niet worden gelezen: {leesbaar(fout)}. Bewaar de lijst "
                            "als CSV-bestand in UTF-8.") from None
    fouten, gezien, studenten = [], {}, []
    for nummer, rij in rijen:
        ruw = rij.get("id") or ""
        if not ruw.strip() and not any((v or "").strip() for v in rij.values()
                                       if isinstance(v, str)):
            continue  # an empty line
        if not grenzen.geldige_student_id(ruw):
            fouten.append(f"regel {nummer}: de id {leesbaar(repr(ruw), 80)} is ongeldig")
            continue
        if ruw in gezien:
            fouten.append(f"regel {nummer}: de id {ruw} staat ook op regel {gezien[ruw]}")
            continue
        gezien[ruw] = nummer
        lms = _cel(rij.get("lms_user_id"))
        if lms and not grenzen.geldige_student_id(lms):
            fouten.append(f"regel {nummer}: de lms_user_id {leesbaar(repr(lms), 80)} is ongeldig")
            continue
        studenten.append({"id": ruw, "first_name": _cel(rij.get("first_name")),
                          "last_name": _cel(rij.get("last_name")), "email": _cel(rij.get("email")),
                          "lms_user_id": lms})
    if fouten:
        raise Klaslijstfout(
            f"De klaslijst {pad.name} is niet ingelezen: er staat niets van in het cijferboek. "
            f"Een id {grenzen.STUDENT_ID_UITLEG}. Verbeter:\n" + "\n".join(f"- {f}" for f in fouten))
    return studenten


def importeer(cursus: Cursusmap | Path, pad: Path) -> int:
    """Add (or update) every student of the class list in the course's gradebook (wherever
    its configuration puts it); the number of students."""
    studenten = lees(pad)
    with Cursusmap.van(cursus).cijferboek(maken=True) as gb:
        for s in studenten:
            gb.update_or_create_student(
                s["id"], first_name=s["first_name"] or None, last_name=s["last_name"] or None,
                email=s["email"] or None, lms_user_id=s["lms_user_id"] or None)
    return len(studenten)
