"""Grades for a learning environment: one row per student, points per assignment.

An instructor imports this file into the LMS without checking each number, so:

- **Not graded yet is empty, never 0.** A hand-in in ``submitted/`` (or in the exchange's
  inbound folder on a JupyterHub) without a submission in the gradebook, or a submission
  with an answer still waiting for manual grading (:func:`wacht_op_de_hand`), gets an empty
  cell, never 0 and never the automatic points alone. :attr:`Export.open_` lists those
  students; ``--alleen-compleet`` refuses to write while any remain. A student who handed
  nothing in gets 0, as ``nbgrader export`` gives.
- **No formulas.** Every cell is written by :mod:`werkalliantie.begeleiden.csvbestand`
  (a name starting with ``=``, ``+``, ``-`` or ``@`` gets a ``'`` in front).
- **Canvas's ID column** is the ``lms_user_id`` of the class list; a student without one
  is named in a warning.

Points are nbgrader's own: the submission's score (automatic and manual points) minus its
late penalty, never below 0. Only assignments with at least one hand-in are written.

The formats (their columns as the LMS's public documentation describes its grade import):

- ``algemeen``: student_id, voornaam, achternaam, email, one column per assignment, totaal;
- ``canvas``: Student ("Last, First"), ID (Canvas user id: ``lms_user_id``), SIS User ID
  (the nbgrader id), SIS Login ID, Section, one column per assignment;
- ``brightspace``: OrgDefinedId (the nbgrader id), Username (``lms_user_id``),
  "<assignment> Points Grade", End-of-Line Indicator (``#``);
- ``moodle``: Voornaam, Achternaam, ID-nummer, E-mailadres, one column per assignment (map
  the e-mail or ID number to Moodle's user field when importing).

Two nbgrader export plugins use the same rules: :class:`Cijferlijst` (these formats,
``--exporter``) and :class:`NbgraderExport`, set as ``ExportApp.plugin_class`` in the
course's ``nbgrader_config.py`` so that a plain ``nbgrader export`` writes nbgrader's own
columns with the same two safeguards.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins.export import ExportPlugin
from traitlets import Bool, Enum

from werkalliantie.begeleiden import csvbestand
from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.begeleiden.nakijken import grenzen
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven.getallen import aantal

FORMATEN = ("algemeen", "canvas", "brightspace", "moodle")


class Cijferfout(CursusFout):
    """Bad input, or grades that may not be written yet; the message is Dutch."""


def _getal(x: float) -> str:
    return f"{x:g}"


@dataclass(frozen=True)
class Openstaand:
    """A hand-in that is not graded yet, with the reason in Dutch."""

    opdracht: str
    student: str
    reden: str
    antwoorden: int = 0  # answers waiting for manual grading


@dataclass
class Export:
    kop: list[str]
    rijen: list[list[str]]
    open_: list[Openstaand] = field(default_factory=list)
    zonder_lms_id: list[str] = field(default_factory=list)  # Canvas: no ID to import on

    @property
    def wachtend(self) -> int:
        """Answers waiting for manual grading, in all hand-ins together."""
        return sum(o.antwoorden for o in self.open_)

    def waarschuwingen(self) -> list[str]:
        """Dutch lines for the instructor: what is not in the file yet, and why."""
        regels = []
        if self.open_:
            regels.append(f"Nog niet nagekeken ({aantal(len(self.open_), 'inlevering', 'inleveringen')}"
                          f"; hun vakje blijft leeg, nooit 0):")
            regels += [f"- {o.student} ({o.opdracht}): {o.reden}" for o in self.open_]
        if self.wachtend:
            regels.append(f"{aantal(self.wachtend, 'antwoord wacht', 'antwoorden wachten')} nog op "
                          "nakijken met de hand (in de Formgrader).")
        if self.zonder_lms_id:
            regels.append("Zonder Canvas-id (de kolom ID blijft leeg; Canvas vindt deze "
                          "studenten dan niet): " + ", ".join(self.zonder_lms_id)
                          + ". Zet de Canvas-id in de kolom lms_user_id van je klaslijst.")
        return regels


def wacht_op_de_hand(grade) -> bool:
    """An answer that still waits for a person: marked for manual grading (or without an
    automatic score) and no manual score yet. After ``--opnieuw`` nbgrader marks every
    manually graded answer for review again; it keeps its manual score, so it counts as
    graded."""
    return grade.manual_score is None and (grade.needs_manual_grade or grade.auto_score is None)


def ingeleverd(submitted: Path, uitwisselmap: Path | None, course_id: str,
               opdrachten: list[str]) -> dict[str, set[str]]:
    """Per assignment, the students with a hand-in: a folder ``submitted/<id>/<opdracht>``,
    or a hand-in in the exchange's inbound folder that was not collected yet."""
    uit: dict[str, set[str]] = {o: set() for o in opdrachten}
    for opdracht in opdrachten:
        for pad in glob.glob(os.path.join(glob.escape(str(submitted)), "*",
                                          glob.escape(opdracht))):
            uit[opdracht].add(Path(pad).parent.name)
    inbound = uitwisselmap / course_id / "inbound" if uitwisselmap else None
    if inbound is not None and inbound.is_dir():
        try:
            namen = os.listdir(inbound)
        except OSError:
            namen = []
        for naam in namen:
            delen = naam.rsplit("+", 3)
            if len(delen) == 4 and delen[1] in uit:
                uit[delen[1]].add(delen[0])
    return uit


def maak(gradebook: Gradebook, formaat: str = "algemeen", opdrachten: list[str] | None = None,
         studenten: list[str] | None = None,
         hand_ins: dict[str, set[str]] | None = None) -> Export:
    """The grade list in ``formaat`` (see the module's docstring)."""
    if formaat not in FORMATEN:
        raise Cijferfout(f"Onbekend formaat '{formaat}'; kies uit {', '.join(FORMATEN)}.")
    hand_ins = hand_ins or {}
    alle = [a for a in gradebook.assignments
            if (not opdrachten or a.name in opdrachten)
            and (a.submissions or hand_ins.get(a.name))]
    leerlingen = [s for s in gradebook.students if not studenten or s.id in studenten]
    punten: dict[tuple[str, str], float | None] = {}
    open_: list[Openstaand] = []
    for opdracht in alle:
        for student in leerlingen:
            try:
                inlevering = gradebook.find_submission(opdracht.name, student.id)
            except MissingEntry:
                if student.id in hand_ins.get(opdracht.name, set()):
                    punten[opdracht.name, student.id] = None
                    open_.append(Openstaand(opdracht.name, student.id,
                                            "ingeleverd, maar nog niet automatisch nagekeken"))
                else:
                    punten[opdracht.name, student.id] = 0.0  # nothing handed in
                continue
            wachtend = sum(wacht_op_de_hand(g) for nb in inlevering.notebooks for g in nb.grades)
            if wachtend:
                punten[opdracht.name, student.id] = None
                open_.append(Openstaand(
                    opdracht.name, student.id,
                    f"{aantal(wachtend, 'antwoord wacht', 'antwoorden wachten')} op nakijken met "
                    "de hand", wachtend))
                continue
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
    zonder_lms = []
    for s in leerlingen:
        eigen = [punten[n, s.id] for n in namen]
        waarden = ["" if p is None else _getal(p) for p in eigen]
        voor, achter, email = s.first_name or "", s.last_name or "", s.email or ""
        if formaat == "algemeen":
            totaal = "" if None in eigen else _getal(sum(eigen))
            uit.append([s.id, voor, achter, email, *waarden, totaal])
        elif formaat == "canvas":
            naam = f"{achter}, {voor}" if achter and voor else (achter or voor or s.id)
            if not s.lms_user_id:
                zonder_lms.append(s.id)
            uit.append([naam, s.lms_user_id or "", s.id, email, "", *waarden])
        elif formaat == "brightspace":
            uit.append([s.id, s.lms_user_id or "", *waarden, "#"])
        else:
            uit.append([voor, achter, s.id, email, *waarden])
    return Export(kop, uit, open_, zonder_lms)


def rijen(gradebook: Gradebook, formaat: str = "algemeen",
          opdrachten: list[str] | None = None, studenten: list[str] | None = None,
          hand_ins: dict[str, set[str]] | None = None) -> tuple[list[str], list[list[str]], int]:
    """Header, rows, and how many answers still wait for manual grading."""
    export = maak(gradebook, formaat, opdrachten, studenten, hand_ins)
    return export.kop, export.rijen, export.wachtend


def schrijf(pad: Path, kop: list[str], uit: list[list[str]], formaat: str = "algemeen") -> None:
    # The general list opens in spreadsheets (a BOM makes them read accents right); an
    # LMS reads the first column's name exactly, so its files carry no BOM.
    csvbestand.schrijf(pad, kop, uit, bom=formaat == "algemeen")


def _hand_ins_van(coursedir, config, opdrachten: list[str]) -> dict[str, set[str]]:
    submitted = Path(coursedir.format_path(coursedir.submitted_directory, ".", ".")).resolve()
    root = None
    try:
        if "root" in config.Exchange:
            root = Path(config.Exchange.root)
    except Exception:  # noqa: BLE001 - no exchange configured
        root = None
    return ingeleverd(submitted, root, coursedir.course_id, opdrachten)


class Cijferlijst(ExportPlugin):
    """nbgrader export plugin: the course's grade list for a learning environment."""

    formaat = Enum(FORMATEN, default_value="algemeen",
                   help="algemeen, canvas, brightspace of moodle").tag(config=True)
    alleen_compleet = Bool(False, help="Schrijf niets zolang een inlevering nog niet "
                           "(helemaal) is nagekeken.").tag(config=True)

    def export(self, gradebook: Gradebook) -> None:
        doel = self.to or f"cijfers-{self.formaat}.csv"
        coursedir = getattr(self.parent, "coursedir", None)
        namen = [a.name for a in gradebook.assignments]
        hand_ins = _hand_ins_van(coursedir, self.config, namen) if coursedir else None
        export = maak(gradebook, self.formaat, self.assignment or None,
                      [str(s) for s in self.student] or None, hand_ins)
        for regel in export.waarschuwingen():
            self.log.warning(regel)
        if export.open_ and self.alleen_compleet:
            self.log.error("Niets geschreven: nog niet alles is nagekeken (zie hierboven).")
            return
        schrijf(Path(doel), export.kop, export.rijen, self.formaat)


class NbgraderExport(ExportPlugin):
    """``nbgrader export`` as nbgrader writes it (one row per assignment and student, its own
    columns), but with the course's safeguards: not graded yet is an empty score, never 0,
    and every cell is written safely (no formula). For ``ExportApp.plugin_class``."""

    KOLOMMEN = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name",
                "email", "raw_score", "late_submission_penalty", "score", "max_score"]

    def export(self, gradebook: Gradebook) -> None:
        doel = self.to or "grades.csv"
        coursedir = getattr(self.parent, "coursedir", None)
        opdrachten = [a for a in gradebook.assignments
                      if not self.assignment or a.name in [str(x) for x in self.assignment]]
        hand_ins = (_hand_ins_van(coursedir, self.config, [a.name for a in opdrachten])
                    if coursedir else {})
        studenten = [s for s in gradebook.students
                     if not self.student or s.id in [str(x) for x in self.student]]
        rijen, open_ = [], []
        for opdracht in opdrachten:
            for s in studenten:
                rij = {"assignment": opdracht.name, "duedate": opdracht.duedate or "",
                       "student_id": s.id, "last_name": s.last_name or "",
                       "first_name": s.first_name or "", "email": s.email or "",
                       "max_score": opdracht.max_score}
                try:
                    inlevering = gradebook.find_submission(opdracht.name, s.id)
                except MissingEntry:
                    if s.id in hand_ins.get(opdracht.name, set()):
                        open_.append(f"{s.id} ({opdracht.name})")
                        rij.update(timestamp="", raw_score="", late_submission_penalty="",
                                   score="")
                    else:
                        rij.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0,
                                   score=0.0)
                else:
                    straf = inlevering.late_submission_penalty or 0.0
                    rij.update(timestamp=inlevering.timestamp or "",
                               late_submission_penalty=straf)
                    if any(wacht_op_de_hand(g) for nb in inlevering.notebooks for g in nb.grades):
                        open_.append(f"{s.id} ({opdracht.name})")
                        rij.update(raw_score="", score="")
                    else:
                        rij.update(raw_score=inlevering.score,
                                   score=max(0.0, inlevering.score - straf))
                rijen.append([rij[k] for k in self.KOLOMMEN])
        if open_:
            self.log.warning("Nog niet (helemaal) nagekeken; hun score blijft leeg, nooit 0: %s",
                             ", ".join(open_))
        self.log.info("Cijfers naar %s", doel)
        csvbestand.schrijf(Path(doel), self.KOLOMMEN, rijen)


def exporteer(cursus: Cursusmap | Path, uit: Path, formaat: str = "algemeen",
              alleen_compleet: bool = False, melding=print) -> Export:
    """Write the grade list of the course to ``uit``. The gradebook is wherever the course's
    nbgrader configuration puts it (SQLite or PostgreSQL). Dutch warnings go to
    ``melding``; with ``alleen_compleet`` nothing is written while a hand-in is not graded
    yet (:class:`Cijferfout`)."""
    cursus = Cursusmap.van(cursus)
    with cursus.cijferboek() as gb:
        namen = [a.name for a in gb.assignments]
        hand_ins = ingeleverd(cursus.map("submitted"), cursus.uitwisselmap,
                              cursus.coursedir.course_id, namen)
        export = maak(gb, formaat, hand_ins=hand_ins)
        ongeldig = [s.id for s in gb.students if not grenzen.geldige_student_id(s.id)]
    if not export.rijen:
        raise Cijferfout("Het cijferboek heeft nog geen studenten.")
    for regel in export.waarschuwingen():
        melding(regel)
    if ongeldig:
        melding(f"Let op: {aantal(len(ongeldig), 'id', 'ids')} in het cijferboek "
                f"{'voldoet' if len(ongeldig) == 1 else 'voldoen'} niet aan de regel voor een "
                f"student-id ({grenzen.STUDENT_ID_UITLEG}): "
                + ", ".join(repr(i) for i in ongeldig) + ".")
    if export.open_ and alleen_compleet:
        raise Cijferfout("Niets geschreven: nog niet alles is nagekeken (zie hierboven). Kijk "
                         "eerst alles na, of laat --alleen-compleet weg: dan blijven die vakjes "
                         "leeg.")
    schrijf(uit, export.kop, export.rijen, formaat)
    return export
