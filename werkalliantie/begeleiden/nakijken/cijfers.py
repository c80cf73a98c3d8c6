"""Grades for a learning environment: one row per student, points per assignment.

:class:`Cijferlijst` is an nbgrader export plugin, so both work:

- ``werkalliantie cijfers --formaat canvas`` (the course's command line), and
- ``nbgrader export --exporter=werkalliantie.begeleiden.nakijken.cijfers.Cijferlijst
  --Cijferlijst.formaat=canvas --to=cijfers-canvas.csv``.

Points are nbgrader's own: the submission's score (automatic and manual points) minus its
late penalty, never below 0, and 0 when a student handed nothing in (as ``nbgrader
export`` does). Only assignments with at least one submission are written.

The formats (their columns as the LMS's public documentation describes its grade import):

- ``algemeen``: student_id, voornaam, achternaam, email, one column per assignment, totaal;
- ``canvas``: Student ("Last, First"), ID (Canvas user id: ``lms_user_id``), SIS User ID
  (the nbgrader id), SIS Login ID, Section, one column per assignment;
- ``brightspace``: OrgDefinedId (the nbgrader id), Username (``lms_user_id``),
  "<assignment> Points Grade", End-of-Line Indicator (``#``);
- ``moodle``: Voornaam, Achternaam, ID-nummer, E-mailadres, one column per assignment (map
  the e-mail or ID number to Moodle's user field when importing).
"""

from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins.export import ExportPlugin
from traitlets import Enum

from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.leren.fouten import CursusFout

FORMATEN = ("algemeen", "canvas", "brightspace", "moodle")


class Cijferfout(CursusFout):
    """Bad input; the message is Dutch."""


def _getal(x: float) -> str:
    return f"{x:g}"


def rijen(gradebook: Gradebook, formaat: str = "algemeen",
          opdrachten: list[str] | None = None, studenten: list[str] | None = None
          ) -> tuple[list[str], list[list[str]], int]:
    """Header, rows, and how many submissions still wait for manual grading."""
    if formaat not in FORMATEN:
        raise Cijferfout(f"Onbekend formaat '{formaat}'; kies uit {', '.join(FORMATEN)}.")
    alle = [a for a in gradebook.assignments
            if (not opdrachten or a.name in opdrachten) and a.submissions]
    leerlingen = [s for s in gradebook.students if not studenten or s.id in studenten]
    wachtend = 0
    punten: dict[tuple[str, str], float] = {}
    for opdracht in alle:
        for student in leerlingen:
            try:
                inlevering = gradebook.find_submission(opdracht.name, student.id)
            except MissingEntry:
                punten[opdracht.name, student.id] = 0.0
                continue
            wachtend += bool(inlevering.needs_manual_grade)
            straf = inlevering.late_submission_penalty or 0.0
            punten[opdracht.name, student.id] = max(0.0, (inlevering.score or 0.0) - straf)
    namen = [a.name for a in alle]
    if formaat == "algemeen":
        kop = ["student_id", "voornaam", "achternaam", "email", *namen, "totaal"]
    elif formaat == "canvas":
        kop = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *namen]
    elif formaat == "brightspace":
        kop = ["OrgDefinedId", "Username", *(f"{n} Points Grade" for n in namen),
               "End-of-Line Indicator"]
    else:
        kop = ["Voornaam", "Achternaam", "ID-nummer", "E-mailadres", *namen]
    uit = []
    for s in leerlingen:
        waarden = [_getal(punten[n, s.id]) for n in namen]
        voor, achter, email = s.first_name or "", s.last_name or "", s.email or ""
        if formaat == "algemeen":
            totaal = _getal(sum(punten[n, s.id] for n in namen))
            uit.append([s.id, voor, achter, email, *waarden, totaal])
        elif formaat == "canvas":
            naam = f"{achter}, {voor}" if achter and voor else (achter or voor or s.id)
            uit.append([naam, s.lms_user_id or "", s.id, email, "", *waarden])
        elif formaat == "brightspace":
            uit.append([s.id, s.lms_user_id or "", *waarden, "#"])
        else:
            uit.append([voor, achter, s.id, email, *waarden])
    return kop, uit, wachtend


class Cijferlijst(ExportPlugin):
    """nbgrader export plugin: the course's grade list for a learning environment."""

    formaat = Enum(FORMATEN, default_value="algemeen",
                   help="algemeen, canvas, brightspace of moodle").tag(config=True)

    def export(self, gradebook: Gradebook) -> None:
        doel = self.to or f"cijfers-{self.formaat}.csv"
        kop, uit, wachtend = rijen(gradebook, self.formaat, self.assignment or None,
                                   [str(s) for s in self.student] or None)
        schrijf(Path(doel), kop, uit, self.formaat)
        if wachtend:
            self.log.warning("%d inleveringen wachten nog op nakijken met de hand.", wachtend)


def schrijf(pad: Path, kop: list[str], uit: list[list[str]], formaat: str = "algemeen") -> None:
    # The general list opens in spreadsheets (a BOM makes them read accents right); an
    # LMS reads the first column's name exactly, so its files carry no BOM.
    with open(pad, "w", newline="", encoding="utf-8-sig" if formaat == "algemeen" else "utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(kop)
        schrijver.writerows(uit)


def exporteer(cursus: Cursusmap | Path, uit: Path, formaat: str = "algemeen") -> int:
    """Write the grade list of the course to ``uit``; the number of students. The gradebook
    is wherever the course's nbgrader configuration puts it (SQLite or PostgreSQL)."""
    with Cursusmap.van(cursus).cijferboek() as gb:
        kop, rij, wachtend = rijen(gb, formaat)
    if not rij:
        raise Cijferfout("Het cijferboek heeft nog geen studenten.")
    schrijf(uit, kop, rij, formaat)
    if wachtend:
        print(f"Let op: {wachtend} inleveringen wachten nog op nakijken met de hand. Hun "
              "punten voor open vragen tellen nog niet mee.")
    return len(rij)
