"""Submissions downloaded from a learning environment (LMS), for ``nbgrader zip_collect``.

:class:`Leeromgeving` is an nbgrader collector plugin (``ZipCollectApp.collector_plugin``
in ``nbgrader_config.py``). For every extracted file it tells ``zip_collect`` whose file
it is and what it was called, from the names the LMS gives its downloads:

- **Canvas** ("Download Submissions"): a flat zip of
  ``<lastfirst>_[LATE_]<user id>_<submission id>_<file>``; a file handed in again gets
  ``-1``, ``-2`` before its extension. The user id is Canvas's own: it is matched with
  ``lms_user_id`` in the student list, else taken as the student id.
- **Moodle** ("Download all submissions"): a folder per student,
  ``<Full Name>_<participant id>_assignsubmission_file_/<file>`` (or, with folders switched
  off, the same prefix before each file name). The participant id is per assignment, so
  the student is found by full name in the student list (first and last name).
- **Brightspace** ("Download" in Assignments): ``<id>-<id> - <Full Name> - <date> -
  <file>`` and an ``index.html``. The student is found by full name; the date becomes the
  submission time (for nbgrader's late penalty).
- otherwise nbgrader's own ``named_regexp`` (``s1234567_inlevering_antwoorden.json``).

A student who cannot be identified without doubt (an unknown or ambiguous name) is
never guessed: the file is skipped with a warning naming it, and ``zip_collect`` reports
it. Only the assignment's notebooks and the answer file are collected.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from datetime import datetime
from pathlib import Path

from nbgrader.plugins.zipcollect import FileNameCollectorPlugin
from traitlets import Unicode

ANTWOORDBESTANDEN = ("antwoorden.json", "antwoorden.vorige.json")

CANVAS = re.compile(r"^(?P<naam>[^_/]+)_(?P<laat>LATE_|late_)?(?P<lms>\d+)_(?P<inlevering>\d+)_"
                    r"(?P<bestand>[^/]+)$")
MOODLE_MAP = re.compile(r"^(?P<naam>.+)_(?P<deelnemer>\d+)_assignsubmission_file_$")
MOODLE_PLAT = re.compile(r"^(?P<naam>.+)_(?P<deelnemer>\d+)_assignsubmission_file_(?P<bestand>.+)$")
BRIGHTSPACE = re.compile(r"^(?P<ids>\d+-\d+) - (?P<naam>.+?) - (?P<datum>.+?) - (?P<bestand>[^/]+)$")
OPNIEUW = re.compile(r"^(?P<stam>.+)-\d+(?P<ext>\.[A-Za-z0-9]+)$")  # Canvas: antwoorden-1.json


def _naam_sleutel(naam: str) -> str:
    """A full name compared loosely: case, accents, spaces and punctuation do not count."""
    schoon = unicodedata.normalize("NFKD", naam)
    schoon = "".join(t for t in schoon if not unicodedata.combining(t))
    return re.sub(r"[^a-z0-9]", "", schoon.lower())


class Klaslijst:
    """The students nbgrader knows (the gradebook), or ``studenten.csv`` beside the config."""

    def __init__(self, studenten: list[dict]):
        self.studenten = studenten
        self._op_naam: dict[str, list[str]] = {}
        self._op_lms: dict[str, str] = {}
        self.ids = {s["id"] for s in studenten}
        for s in studenten:
            voor, achter = s.get("first_name") or "", s.get("last_name") or ""
            for vorm in (f"{voor} {achter}", f"{achter} {voor}", f"{achter}{voor}"):
                sleutel = _naam_sleutel(vorm)
                if sleutel:
                    lijst = self._op_naam.setdefault(sleutel, [])
                    if s["id"] not in lijst:
                        lijst.append(s["id"])
            if s.get("lms_user_id"):
                self._op_lms[str(s["lms_user_id"])] = s["id"]

    @classmethod
    def lees(cls, db_url: str | None, cursusmap: Path) -> Klaslijst:
        studenten: list[dict] = []
        if db_url:
            try:
                from nbgrader.api import Gradebook

                with Gradebook(db_url) as gb:
                    studenten = [s.to_dict() for s in gb.students]
            except Exception:  # noqa: BLE001 - no gradebook yet: use the CSV
                studenten = []
        if not studenten and (cursusmap / "studenten.csv").is_file():
            with open(cursusmap / "studenten.csv", encoding="utf-8-sig", newline="") as f:
                studenten = [r for r in csv.DictReader(f) if r.get("id")]
        return cls(studenten)

    def op_naam(self, naam: str) -> str | None:
        gevonden = self._op_naam.get(_naam_sleutel(naam), [])
        return gevonden[0] if len(gevonden) == 1 else None

    def op_lms(self, lms_id: str) -> str | None:
        return self._op_lms.get(lms_id)


def herken(pad: str, klaslijst: Klaslijst, verwacht: set[str],
           tijdzone: str = "Europe/Amsterdam") -> dict | None:
    """Whose file ``pad`` is, by the LMS layouts above; None when no layout fits."""
    onderdelen = Path(pad).parts
    naam = onderdelen[-1]
    ouder = onderdelen[-2] if len(onderdelen) > 1 else ""
    info = None
    if (m := MOODLE_MAP.match(ouder)) or (m := MOODLE_PLAT.match(naam)):
        bestand = m.groupdict().get("bestand") or naam
        student = klaslijst.op_naam(m["naam"])
        info = {"leeromgeving": "moodle", "student_id": student, "file_id": bestand,
                "herkend_als": m["naam"]}
    elif m := BRIGHTSPACE.match(naam):
        student = klaslijst.op_naam(m["naam"])
        try:
            tijd = datetime.strptime(m["datum"], "%b %d, %Y %I%M %p").strftime(
                f"%Y-%m-%d %H:%M:%S {tijdzone}")
        except ValueError:
            tijd = None
        info = {"leeromgeving": "brightspace", "student_id": student, "file_id": m["bestand"],
                "herkend_als": m["naam"], **({"timestamp": tijd} if tijd else {})}
    elif m := CANVAS.match(naam):
        student = klaslijst.op_lms(m["lms"])
        if student is None and (m["lms"] in klaslijst.ids or not klaslijst.studenten):
            student = m["lms"]  # the student ids are Canvas's own
        info = {"leeromgeving": "canvas", "student_id": student, "file_id": m["bestand"],
                "herkend_als": m["lms"], "laat": bool(m["laat"])}
    if info is None:
        return None
    bestand = info["file_id"]
    if bestand not in verwacht and (o := OPNIEUW.match(bestand)):
        if o["stam"] + o["ext"] in verwacht:  # handed in again: Canvas renamed it
            info["file_id"] = o["stam"] + o["ext"]
    return info


class Leeromgeving(FileNameCollectorPlugin):
    """nbgrader's collector for LMS downloads (see the module's docstring)."""

    tijdzone = Unicode("Europe/Amsterdam", help="De tijdzone van de tijden in de namen "
                       "van Brightspace-downloads.").tag(config=True)

    def _verwacht(self) -> set[str]:
        coursedir = getattr(self.parent, "coursedir", None)
        namen = set(ANTWOORDBESTANDEN)
        if coursedir is not None:
            release = Path(coursedir.format_path(coursedir.release_directory, ".",
                                                 coursedir.assignment_id))
            namen |= {p.name for p in release.glob("*.ipynb")}
        return namen

    def _klaslijst(self) -> Klaslijst:
        if not hasattr(self, "_lijst"):
            coursedir = getattr(self.parent, "coursedir", None)
            root = Path(coursedir.root) if coursedir is not None else Path.cwd()
            self._lijst = Klaslijst.lees(getattr(coursedir, "db_url", None), root)
        return self._lijst

    def collect(self, submitted_file: str) -> dict | None:
        _, ext = os.path.splitext(submitted_file)
        if ext not in self.valid_ext:
            return None
        verwacht = self._verwacht()
        info = herken(submitted_file, self._klaslijst(), verwacht, self.tijdzone)
        if info is None:
            return super().collect(submitted_file)
        if info["file_id"] not in verwacht:
            self.log.warning("Overgeslagen (hoort niet bij de opdracht): %s", submitted_file)
            return None
        if not info["student_id"]:
            self.log.warning(
                "Overgeslagen: student '%s' (%s) staat niet (of niet eenduidig) in de klaslijst. "
                "Voeg de student toe of zet het bestand zelf in submitted/<id>/: %s",
                info["herkend_als"], info["leeromgeving"], submitted_file)
            return None
        if info.get("laat"):
            self.log.warning("Canvas meldt deze inlevering als te laat: %s", submitted_file)
        return {k: v for k, v in info.items() if k in ("student_id", "file_id", "timestamp")}
