"""Submissions downloaded from a learning environment (LMS), for ``nbgrader zip_collect``.

Two nbgrader plugins, both set in ``exercises/nbgrader_config.py``:

:class:`Uitpakken` (``ZipCollectApp.extractor_plugin``)
    unpacks the LMS's download, and only what the LMS put there. Every name is checked
    (valid UTF-8, no control character, no absolute or ``..`` path, no deeper folder than
    the LMS's layout); every size is checked against :mod:`.grenzen` on the sizes the
    archive declares, before anything is written (files per hand-in, bytes per hand-in and
    per file, compression ratio), and a file may never grow past its declared size while
    it is unpacked. A zip file *inside* a student's hand-in is never unpacked to disk as
    nbgrader's own extractor does: its top-level files are taken for the student whose
    hand-in it is (the owner of the outer file, whatever the names inside say); anything
    deeper, a nested archive, or a name that names another student, is skipped with a
    Dutch notice naming the student. Such files go to ``<outer file>.inhoud/<name>``.
:class:`Leeromgeving` (``ZipCollectApp.collector_plugin``)
    tells ``zip_collect`` whose each unpacked file is, from the names the LMS gives:

    - **Canvas** ("Download Submissions"): a flat zip of
      ``<lastfirst>_[LATE_]<user id>_<submission id>_<file>``; a file handed in again gets
      ``-1``, ``-2`` before its extension. The user id is Canvas's own: it is matched with
      ``lms_user_id`` in the class list, else taken as the student id.
    - **Moodle** ("Download all submissions"): a folder per student,
      ``<Full Name>_<participant id>_assignsubmission_file_/<file>`` (or, with folders
      switched off, the same prefix before each file name). The participant id is per
      assignment, so the student is found by full name in the class list.
    - **Brightspace** ("Download" in Assignments): ``<id>-<id> - <Full Name> - <date> -
      <file>`` and an ``index.html``. The student is found by full name; the date becomes
      the submission time (for nbgrader's late penalty).
    - otherwise nbgrader's own ``named_regexp`` (``s1234567_inlevering_antwoorden.json``;
      a zip file: ``s1234567_inlevering.zip``).

    It plans the whole download at once, so that two files with the same name in one
    hand-in never stop ``zip_collect`` (nbgrader stops there): :func:`rangorde` is the
    rule (Canvas's ``-N`` compared as a number, then the LMS's time, then the name; the
    highest wins), with a notice. A student who cannot be identified without doubt (an
    unknown or ambiguous name), or whose id does not match :data:`.grenzen.STUDENT_ID`, is
    never guessed: the file is skipped with a warning. Only the assignment's notebooks and
    the answer file are collected, so nothing is ever written outside
    ``submitted/<student>/<opdracht>/``.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import traceback
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from nbgrader.plugins.zipcollect import ExtractorPlugin, FileNameCollectorPlugin
from traitlets import Unicode

from werkalliantie.begeleiden.nakijken import grenzen, zipbestand
from werkalliantie.leren.tekst import STUURTEKENS, leesbaar

ANTWOORDBESTANDEN = ("antwoorden.json", "antwoorden.vorige.json")
INHOUD = ".inhoud"  # the files taken from a zip inside a hand-in: <outer file>.inhoud/<name>

CANVAS = re.compile(r"^(?P<naam>[^_/]+)_(?P<laat>LATE_|late_)?(?P<lms>\d+)_(?P<inlevering>\d+)_"
                    r"(?P<bestand>[^/]+)$")
MOODLE_MAP = re.compile(r"^(?P<naam>.+)_(?P<deelnemer>\d+)_assignsubmission_file_$")
MOODLE_PLAT = re.compile(r"^(?P<naam>.+)_(?P<deelnemer>\d+)_assignsubmission_file_(?P<bestand>.+)$")
BRIGHTSPACE = re.compile(r"^(?P<ids>\d+-\d+) - (?P<naam>.+?) - (?P<datum>.+?) - (?P<bestand>[^/]+)$")
# The course's own names for a zip file in the general layout: s1234567_inlevering.zip
ALGEMEEN_ARCHIEF = re.compile(r"^(?P<student_id>[^/_]+)_(?:[^/]*_)?(?P<bestand>[^/_]+\.zip)$",
                              re.IGNORECASE)
OPNIEUW = re.compile(r"^(?P<stam>.+)-(?P<nummer>\d+)(?P<ext>\.[A-Za-z0-9]+)$")  # antwoorden-1.json
ARCHIEVEN = (".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar")
# in a file name: control characters (line breaks and tabs too), half characters, "\\"
SLECHTE_TEKENS = re.compile(f"{STUURTEKENS.pattern}|[\t\n\ud800-\udfff\\\\]")


def _naam_sleutel(naam: str) -> str:
    """A full name compared loosely: case, accents, spaces and punctuation do not count."""
    schoon = unicodedata.normalize("NFKD", naam)
    schoon = "".join(t for t in schoon if not unicodedata.combining(t))
    return re.sub(r"[^a-z0-9]", "", schoon.lower())


def toon(tekst: str) -> str:
    """A name from a download as it may be shown in a notice (bad characters visible)."""
    try:
        ruw = tekst.encode("utf-8", "surrogateescape")  # a name from the file system
    except UnicodeEncodeError:
        ruw = tekst.encode("utf-8", "surrogatepass")
    zichtbaar = ruw.decode("utf-8", "backslashreplace")
    return leesbaar(zichtbaar.encode("unicode_escape").decode("ascii")
                    if SLECHTE_TEKENS.search(zichtbaar) else zichtbaar, 200)


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


# --- The names an LMS gives -------------------------------------------------------------------

@dataclass(frozen=True)
class Naam:
    """What an LMS's name for a file says: whose hand-in, and the file's own name."""

    leeromgeving: str  # canvas, moodle, brightspace or algemeen
    eigenaar: str  # who handed in, as the LMS names them (one key per hand-in)
    herkend_als: str  # the same, for a notice
    bestand: str  # the file's own name
    tijd: datetime | None = None  # the LMS's time of the hand-in (Brightspace)
    laat: bool = False  # the LMS says it was late (Canvas)
    sleutel: str = ""  # what the class list is searched with (a Canvas id, a full name)


def ontleed(pad: str, patroon: str | None = None) -> Naam | None:
    """What the LMS's name ``pad`` (a path with ``/``; only its last two parts count) says,
    or None when no layout fits. ``patroon``: nbgrader's ``named_regexp``."""
    onderdelen = pad.split("/")
    naam = onderdelen[-1]
    ouder = onderdelen[-2] if len(onderdelen) > 1 else ""
    if m := MOODLE_MAP.match(ouder):
        return Naam("moodle", f"moodle:{ouder}", m["naam"], naam, sleutel=m["naam"])
    if m := MOODLE_PLAT.match(naam):
        return Naam("moodle", f"moodle:{m['naam']}_{m['deelnemer']}", m["naam"], m["bestand"],
                    sleutel=m["naam"])
    if m := BRIGHTSPACE.match(naam):
        try:
            tijd = datetime.strptime(m["datum"], "%b %d, %Y %I%M %p")
        except ValueError:
            tijd = None
        return Naam("brightspace", f"brightspace:{m['ids']} - {m['naam']}", m["naam"],
                    m["bestand"], tijd=tijd, sleutel=m["naam"])
    if m := CANVAS.match(naam):
        return Naam("canvas", f"canvas:{m['lms']}", f"{m['naam']} ({m['lms']})", m["bestand"],
                    laat=bool(m["laat"]), sleutel=m["lms"])
    if m := ALGEMEEN_ARCHIEF.match(naam):
        return Naam("algemeen", f"algemeen:{m['student_id']}", m["student_id"], m["bestand"],
                    sleutel=m["student_id"])
    if patroon:
        m = re.match(patroon, "/" + pad)
        if m and isinstance(m.groupdict().get("student_id"), str) \
                and isinstance(m.groupdict().get("file_id"), str):
            return Naam("algemeen", f"algemeen:{m['student_id']}", m["student_id"],
                        m["file_id"], sleutel=m["student_id"])
    return None


def volgnummer(bestand: str, verwacht: set[str]) -> tuple[str, int]:
    """A file handed in again (Canvas renames ``antwoorden.json`` to ``antwoorden-1.json``):
    the name it stands for and its number (0 for the name itself)."""
    if bestand not in verwacht and (o := OPNIEUW.match(bestand)):
        if o["stam"] + o["ext"] in verwacht:
            return o["stam"] + o["ext"], int(o["nummer"])
    return bestand, 0


def rangorde(naam: Naam, bestand: str, verwacht: set[str], pad: str) -> tuple:
    """Which of two files with the same name in one hand-in counts: the highest wins.
    Canvas's ``-N`` compared as a number, then the LMS's time, then the name itself."""
    return (volgnummer(bestand, verwacht)[1], naam.tijd or datetime.min, pad)


def student_van(naam: Naam, klaslijst: Klaslijst) -> str | None:
    """The student id of a hand-in, only when the class list leaves no doubt."""
    if naam.leeromgeving in ("moodle", "brightspace"):
        return klaslijst.op_naam(naam.sleutel)
    if naam.leeromgeving == "canvas":
        student = klaslijst.op_lms(naam.sleutel)
        if student is None and (naam.sleutel in klaslijst.ids or not klaslijst.studenten):
            student = naam.sleutel  # the student ids are Canvas's own
        return student
    if naam.sleutel in klaslijst.ids or not klaslijst.studenten:
        return naam.sleutel
    return None


def herken(pad: str, klaslijst: Klaslijst, verwacht: set[str],
           tijdzone: str = "Europe/Amsterdam") -> dict | None:
    """Whose file ``pad`` is, by the LMS layouts above; None when no layout fits (the
    general layout is nbgrader's own ``named_regexp``, not tried here)."""
    naam = ontleed(pad.replace(os.sep, "/"))
    if naam is None or naam.leeromgeving == "algemeen":
        return None
    bestand, _ = volgnummer(naam.bestand, verwacht)
    info = {"leeromgeving": naam.leeromgeving, "student_id": student_van(naam, klaslijst),
            "file_id": bestand, "herkend_als": naam.herkend_als, "laat": naam.laat}
    if naam.tijd is not None:
        info["timestamp"] = naam.tijd.strftime(f"%Y-%m-%d %H:%M:%S {tijdzone}")
    return info


def naamfout(delen: list[str]) -> str | None:
    """Why a path (its parts) may not be used as it stands in a download; None when it may."""
    for deel in delen:
        if deel in ("", ".", ".."):
            return "een lege map, '.' of '..' in de naam"
        if SLECHTE_TEKENS.search(deel):
            return "onzichtbare tekens, stuurtekens of een '\\' in de naam"
        if len(deel) > grenzen.MAX_NAAM_TEKENS:
            return "een te lange naam"
    return None


# --- The collector ---------------------------------------------------------------------------

@dataclass
class _Kandidaat:
    pad: str  # absolute path in extracted/
    naam: Naam
    student: str
    bestand: str  # the file_id (after Canvas's -N)
    rang: tuple


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

    def klaslijst(self) -> Klaslijst:
        if not hasattr(self, "_lijst"):
            coursedir = getattr(self.parent, "coursedir", None)
            root = Path(coursedir.root) if coursedir is not None else Path.cwd()
            self._lijst = Klaslijst.lees(getattr(coursedir, "db_url", None), root)
        return self._lijst

    def student_tekst(self, naam: Naam) -> str:
        """How a notice names the student of a hand-in."""
        student = student_van(naam, self.klaslijst())
        if student and grenzen.geldige_student_id(student):
            return f"student {student} ({toon(naam.herkend_als)})"
        return f"de inlevering van '{toon(naam.herkend_als)}' ({naam.leeromgeving})"

    def ontleed(self, pad: str) -> Naam | None:
        return ontleed(pad, self.named_regexp or None)

    def _wortel(self) -> str | None:
        vorm = getattr(self.parent, "_format_collect_path", None)
        if vorm is None:
            return None
        return os.path.abspath(vorm(self.parent.extracted_directory))

    # nbgrader calls this once per unpacked file
    def collect(self, submitted_file: str) -> dict | None:
        pad = os.path.abspath(submitted_file)
        wortel = self._wortel()
        if wortel is None or not pad.startswith(wortel + os.sep):
            # outside zip_collect: this file alone (its folder may be Moodle's)
            plan = self._maak_plan([pad], os.path.dirname(os.path.dirname(pad)))
        else:
            if getattr(self, "_plan", None) is None:
                self._plan = self._maak_plan(list(_alle_bestanden(wortel)), wortel)
            plan = self._plan
        return plan.get(pad)

    def _maak_plan(self, paden: list[str], wortel: str) -> dict[str, dict]:
        verwacht = self._verwacht()
        per_bestand: dict[tuple[str, str], list[_Kandidaat]] = {}
        for pad in sorted(paden):
            try:
                kandidaat = self._kandidaat(pad, wortel, verwacht)
            except Exception:  # noqa: BLE001 - one file never stops the class
                self.log.error("Overgeslagen (niet te beoordelen): %s\n%s",
                               toon(os.path.relpath(pad, wortel)), traceback.format_exc())
                continue
            if kandidaat is not None:
                per_bestand.setdefault((kandidaat.student, kandidaat.bestand), []).append(kandidaat)
        gekozen: dict[str, _Kandidaat] = {}
        for (student, bestand), kandidaten in sorted(per_bestand.items()):
            kandidaten.sort(key=lambda k: k.rang)
            winnaar = kandidaten[-1]
            gekozen[winnaar.pad] = winnaar
            if len(kandidaten) > 1:
                self.log.warning(
                    "Student %s leverde %s %d keer in. Gekozen: '%s' (regel: het hoogste "
                    "volgnummer -N, dan de laatste tijd van de leeromgeving, dan de naam). "
                    "Niet gebruikt: %s", student, bestand, len(kandidaten),
                    toon(os.path.relpath(winnaar.pad, wortel)),
                    ", ".join(f"'{toon(os.path.relpath(k.pad, wortel))}'" for k in kandidaten[:-1]))
        tijden: dict[str, datetime] = {}
        for k in gekozen.values():
            if k.naam.tijd is not None:
                tijden[k.student] = max(k.naam.tijd, tijden.get(k.student, datetime.min))
        plan = {}
        for pad, k in gekozen.items():
            info = {"student_id": k.student, "file_id": k.bestand}
            if k.student in tijden:
                info["timestamp"] = tijden[k.student].strftime(
                    f"%Y-%m-%d %H:%M:%S {self.tijdzone}")
            if k.naam.laat:
                self.log.warning("Canvas meldt deze inlevering als te laat: student %s, %s",
                                 k.student, toon(os.path.relpath(pad, wortel)))
            plan[pad] = info
        return plan

    def _kandidaat(self, pad: str, wortel: str, verwacht: set[str]) -> _Kandidaat | None:
        rel = os.path.relpath(pad, wortel).replace(os.sep, "/")
        delen = rel.split("/")
        _, ext = os.path.splitext(pad)
        if ext not in self.valid_ext:
            return None
        fout = naamfout(delen)
        if fout:
            self.log.warning("Overgeslagen (%s): %s", fout, toon(rel))
            return None
        binnen = next((i for i, d in enumerate(delen) if d.endswith(INHOUD)), None)
        if binnen is not None:  # taken from a zip inside a hand-in: the outer file's owner
            if binnen != len(delen) - 2:
                self.log.warning("Overgeslagen (dieper dan de bovenste map van een zip-bestand "
                                 "in een inlevering): %s", toon(rel))
                return None
            buiten = "/".join(delen[:binnen] + [delen[binnen][:-len(INHOUD)]])
            naam = self.ontleed(buiten)
            if naam is not None:
                naam = replace(naam, bestand=delen[-1])
        else:
            naam = self.ontleed(rel)
        if naam is None:
            self.log.warning("Overgeslagen (de naam past bij geen leeromgeving en niet bij "
                             "FileNameCollectorPlugin.named_regexp): %s", toon(rel))
            return None
        bestand, _ = volgnummer(naam.bestand, verwacht)
        if bestand not in verwacht:
            self.log.warning("Overgeslagen (hoort niet bij de opdracht): %s", toon(rel))
            return None
        student = student_van(naam, self.klaslijst())
        if not student:
            self.log.warning(
                "Overgeslagen: student '%s' (%s) staat niet (of niet eenduidig) in de klaslijst. "
                "Voeg de student toe of zet het bestand zelf in submitted/<id>/: %s",
                toon(naam.herkend_als), naam.leeromgeving, toon(rel))
            return None
        if not grenzen.geldige_student_id(student):
            self.log.warning(
                "Overgeslagen: de id '%s' van %s is geen geldige id (een id %s). Verbeter de "
                "klaslijst: %s", toon(student), toon(naam.herkend_als),
                grenzen.STUDENT_ID_UITLEG, toon(rel))
            return None
        return _Kandidaat(pad, naam, student, bestand, rangorde(naam, naam.bestand, verwacht, rel))


def _alle_bestanden(wortel: str) -> Iterator[str]:
    for map_, _, bestanden in os.walk(wortel):
        for naam in bestanden:
            yield os.path.join(map_, naam)


# --- The extractor -------------------------------------------------------------------------

@dataclass
class _Item:
    """One file in a download: in its zip (``regel``), or loose in archive/ (``los``)."""

    pad: str  # where it goes under the download's folder in extracted/ (with /)
    grootte: int  # declared
    ingepakt: int
    regel: zipbestand.Regel | None = None
    los: str | None = None
    binnen: bytes | None = None  # the zip file it is in, when that is a hand-in's zip
    eigenaar: Naam | None = None

    def blokken(self, archief) -> Iterator[bytes]:
        if self.los is not None:
            with open(self.los, "rb", opener=_zonder_links) as f:
                over = self.grootte + 1
                while blok := f.read(min(zipbestand.BLOK, over)):
                    over -= len(blok)
                    if over <= 0:
                        raise zipbestand.Zipfout("het bestand werd groter tijdens het lezen")
                    yield blok
            return
        bron = io.BytesIO(self.binnen) if self.binnen is not None else archief
        yield from zipbestand.stromen(bron, self.regel)


def _zonder_links(pad, vlaggen):
    return os.open(pad, vlaggen | getattr(os, "O_NOFOLLOW", 0))


@dataclass
class _Download:
    naam: str  # the instructor's file in archive/
    doel: str  # its folder in extracted/
    items: list[_Item] = field(default_factory=list)


class Uitpakken(ExtractorPlugin):
    """nbgrader's extractor for LMS downloads (see the module's docstring)."""

    def _verzamelaar(self) -> Leeromgeving:
        eigen = getattr(self.parent, "collector_plugin_inst", None)
        if isinstance(eigen, Leeromgeving):
            return eigen
        if not hasattr(self, "_eigen_verzamelaar"):
            self._eigen_verzamelaar = Leeromgeving(parent=self.parent)
        return self._eigen_verzamelaar

    def extract(self, archive_path: str, extracted_path: str) -> None:
        if not os.path.isdir(archive_path) or not os.listdir(archive_path):
            self.log.warning("Geen bestanden in %s", archive_path)
            return
        self._geschreven = 0
        for map_, submappen, bestanden in os.walk(archive_path):
            submappen[:] = sorted(d for d in submappen
                                  if not os.path.islink(os.path.join(map_, d)))
            rel_map = os.path.relpath(map_, archive_path)
            for naam in sorted(bestanden):
                pad = os.path.join(map_, naam)
                rel = naam if rel_map == "." else f"{rel_map}/{naam}".replace(os.sep, "/")
                info = os.lstat(pad)
                if not stat.S_ISREG(info.st_mode):
                    self.log.warning("Overgeslagen in archive/ (geen gewoon bestand): %s", toon(rel))
                    continue
                try:
                    if naam.lower().endswith(".zip") and rel_map == ".":
                        self._download(pad, os.path.join(extracted_path, naam[:-4]))
                    else:
                        los = _Download(rel, extracted_path)
                        los.items.append(_Item(rel, info.st_size, info.st_size, los=pad))
                        self._schrijf(self._keur(los, None), None)
                except Exception:  # noqa: BLE001 - one download never stops the others
                    self.log.error("%s kon niet worden uitgepakt:\n%s", toon(rel),
                                   traceback.format_exc())

    def _download(self, pad: str, doel: str) -> None:
        self.log.info("Uitpakken: %s", pad)
        with open(pad, "rb") as archief:
            try:
                regels = zipbestand.inhoud(archief)
            except zipbestand.Zipfout as fout:
                self.log.error("%s kan niet worden uitgepakt: %s. Download het opnieuw uit je "
                               "leeromgeving.", os.path.basename(pad), fout)
                return
            if len(regels) > grenzen.MAX_BESTANDEN_DOWNLOAD:
                self.log.error("%s heeft %d bestanden; de cursus pakt er hooguit %d uit. Download "
                               "de inleveringen in delen.", os.path.basename(pad), len(regels),
                               grenzen.MAX_BESTANDEN_DOWNLOAD)
                return
            download = _Download(os.path.basename(pad), doel)
            for regel in regels:
                naam = _naam_van(regel, self.log, os.path.basename(pad))
                if naam is not None:
                    download.items.append(_Item(naam, regel.uitgepakt, regel.ingepakt, regel=regel))
            self._schrijf(self._keur(download, archief), archief)

    # --- deciding what to write, before anything is written ---------------------------------

    def _keur(self, download: _Download, archief) -> _Download:
        verzamelaar = self._verzamelaar()
        gekeurd = _Download(download.naam, download.doel)
        per_pad: dict[str, _Item] = {}
        for item in download.items:
            delen = item.pad.split("/")
            fout = naamfout(delen)
            if fout:
                self.log.warning("Overgeslagen (%s): %s", fout, toon(item.pad))
                continue
            diep = len(delen) > 2 or (len(delen) == 2 and not MOODLE_MAP.match(delen[0]))
            if diep or any(d.endswith(INHOUD) for d in delen):
                self.log.warning("Overgeslagen (dieper dan de leeromgeving bestanden neerzet): %s",
                                 toon(item.pad))
                continue
            naam = verzamelaar.ontleed(item.pad)
            if naam is None:
                if os.path.splitext(item.pad)[1] in verzamelaar.valid_ext:
                    self.log.warning("Overgeslagen (de naam past bij geen leeromgeving en niet "
                                     "bij FileNameCollectorPlugin.named_regexp): %s", toon(item.pad))
                continue
            item.eigenaar = naam
            ext = os.path.splitext(naam.bestand)[1].lower()
            if ext == ".zip":
                for binnen in self._binnen(item, archief, verzamelaar):
                    per_pad[binnen.pad] = binnen
            elif ext in ARCHIEVEN:
                self.log.warning("Overgeslagen bij %s: '%s' is een soort archief dat de cursus "
                                 "niet uitpakt. Vraag de student de bestanden los in te leveren, "
                                 "of als zip-bestand.", verzamelaar.student_tekst(naam),
                                 toon(naam.bestand))
            elif ext in verzamelaar.valid_ext:
                if item.pad in per_pad:
                    self.log.warning("%s: '%s' staat twee keer in de download; het laatste telt.",
                                     verzamelaar.student_tekst(naam), toon(item.pad))
                per_pad[item.pad] = item
        # the limits, per file and per hand-in, on the declared sizes
        per_eigenaar: dict[str, list[_Item]] = {}
        for item in per_pad.values():
            tekst = verzamelaar.student_tekst(item.eigenaar)
            bestand = item.pad.rsplit("/", 1)[-1]
            reden = _te_groot(bestand, item.grootte, item.ingepakt)
            if reden:
                self.log.warning("Overgeslagen bij %s: '%s' %s.", tekst, toon(bestand), reden)
                continue
            per_eigenaar.setdefault(item.eigenaar.eigenaar, []).append(item)
        totaal = 0
        for items in per_eigenaar.values():
            tekst = verzamelaar.student_tekst(items[0].eigenaar)
            grootte = sum(i.grootte for i in items)
            if len(items) > grenzen.MAX_BESTANDEN_PER_INLEVERING:
                self.log.warning("Overgeslagen: de hele inlevering van %s (%d bestanden; hooguit "
                                 "%d).", tekst, len(items), grenzen.MAX_BESTANDEN_PER_INLEVERING)
                continue
            if grootte > grenzen.MAX_BYTES_PER_INLEVERING:
                self.log.warning("Overgeslagen: de hele inlevering van %s (%.0f MB uitgepakt; "
                                 "hooguit %.0f MB).", tekst, grootte / 1e6,
                                 grenzen.MAX_BYTES_PER_INLEVERING / 1e6)
                continue
            totaal += grootte
            gekeurd.items.extend(items)
        if totaal > grenzen.MAX_BYTES_DOWNLOAD:
            self.log.error("%s zou %.1f GB uitpakken; de cursus pakt hooguit %.1f GB uit. "
                           "Download de inleveringen in delen.", download.naam, totaal / 1e9,
                           grenzen.MAX_BYTES_DOWNLOAD / 1e9)
            gekeurd.items = []
        return gekeurd

    def _binnen(self, item: _Item, archief, verzamelaar: Leeromgeving) -> Iterator[_Item]:
        """The top-level files of a zip inside a hand-in, for the hand-in's owner."""
        tekst = verzamelaar.student_tekst(item.eigenaar)
        reden = _te_groot(item.eigenaar.bestand, item.grootte, item.ingepakt)
        if reden:
            self.log.warning("Overgeslagen bij %s: het zip-bestand '%s' %s.", tekst,
                             toon(item.eigenaar.bestand), reden)
            return
        try:
            data = b"".join(item.blokken(archief))
            regels = zipbestand.inhoud(io.BytesIO(data))
        except (zipbestand.Zipfout, OSError) as fout:
            self.log.warning("Overgeslagen bij %s: het zip-bestand '%s' is niet te lezen (%s).",
                             tekst, toon(item.eigenaar.bestand), fout)
            return
        eigenaar = student_van(item.eigenaar, verzamelaar.klaslijst())
        for regel in regels:
            naam = _naam_van(regel, self.log, f"{item.pad} ({tekst})")
            if naam is None:
                continue
            if naamfout(naam.split("/")):
                self.log.warning("Overgeslagen bij %s (%s): '%s' in %s.", tekst,
                                 naamfout(naam.split("/")), toon(naam), toon(item.eigenaar.bestand))
                continue
            if "/" in naam:
                self.log.warning("Overgeslagen bij %s: '%s' in %s staat in een map. Alleen de "
                                 "bestanden bovenin een zip-bestand tellen.", tekst, toon(naam),
                                 toon(item.eigenaar.bestand))
                continue
            ext = os.path.splitext(naam)[1].lower()
            if ext in ARCHIEVEN:
                self.log.warning("Overgeslagen bij %s: '%s' is een archief in een archief.",
                                 tekst, toon(naam))
                continue
            if ext not in verzamelaar.valid_ext:
                continue
            ander = verzamelaar.ontleed(naam)
            if ander is not None:
                wie = student_van(ander, verzamelaar.klaslijst())
                if ander.eigenaar != item.eigenaar.eigenaar and (wie is None or wie != eigenaar):
                    self.log.warning("Overgeslagen bij %s: '%s' in %s is genoemd naar een andere "
                                     "student (%s). Een inlevering telt alleen voor wie haar "
                                     "inleverde.", tekst, toon(naam),
                                     toon(item.eigenaar.bestand), toon(ander.herkend_als))
                    continue
                naam = ander.bestand
            yield _Item(f"{item.pad}{INHOUD}/{naam}", regel.uitgepakt, regel.ingepakt,
                        regel=regel, binnen=data, eigenaar=item.eigenaar)

    # --- writing ---------------------------------------------------------------------------

    def _schrijf(self, download: _Download, archief) -> None:
        wortel = os.path.realpath(download.doel)
        for item in download.items:
            doel = os.path.join(wortel, *item.pad.split("/"))
            if os.path.commonpath([wortel, os.path.realpath(os.path.dirname(doel))
                                   if os.path.exists(os.path.dirname(doel)) else wortel]) != wortel:
                self.log.warning("Overgeslagen (buiten de map extracted/): %s", toon(item.pad))
                continue
            os.makedirs(os.path.dirname(doel), exist_ok=True)
            try:
                fd = os.open(doel, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                             | getattr(os, "O_NOFOLLOW", 0), 0o644)
            except FileExistsError:
                self.log.warning("Overgeslagen (staat er al): %s", toon(item.pad))
                continue
            try:
                with os.fdopen(fd, "wb") as f:
                    for blok in item.blokken(archief):
                        f.write(blok)
            except (zipbestand.Zipfout, OSError) as fout:
                os.unlink(doel)
                tekst = self._verzamelaar().student_tekst(item.eigenaar) if item.eigenaar else ""
                self.log.warning("Overgeslagen bij %s: '%s' is niet uit te pakken (%s).", tekst,
                                 toon(item.pad), fout)
                continue
            self._geschreven += item.grootte


def _te_groot(bestand: str, grootte: int, ingepakt: int) -> str | None:
    """Why a file of this declared size may not be taken; None when it may."""
    maximum = grenzen.max_bytes_uitpakken(bestand)
    if grootte > maximum:
        return f"is te groot ({grootte / 1e6:.1f} MB; hooguit {maximum / 1e6:.0f} MB)"
    if grootte > grenzen.VERHOUDING_VANAF and grootte > grenzen.MAX_VERHOUDING * max(ingepakt, 1):
        return (f"is verdacht sterk ingepakt ({grootte / 1e6:.1f} MB uit "
                f"{ingepakt / 1e3:.0f} kB; hooguit {grenzen.MAX_VERHOUDING} keer)")
    return None


def _naam_van(regel: zipbestand.Regel, log, waar: str) -> str | None:
    """The usable name of an entry (``/`` separators), or None with a notice."""
    if regel.is_map:
        return None
    tekst = regel.tekstnaam()
    if tekst is None:
        log.warning("Overgeslagen in %s (de naam is geen geldige tekst, geen UTF-8): %s",
                    toon(waar), regel.naam.decode("utf-8", "backslashreplace"))
        return None
    if regel.is_link or regel.is_bijzonder:
        log.warning("Overgeslagen in %s (een snelkoppeling of apparaat, geen bestand): %s",
                    toon(waar), toon(tekst))
        return None
    if tekst.startswith("/") or re.match(r"^[A-Za-z]:", tekst):
        log.warning("Overgeslagen in %s (een pad vanaf de schijf): %s", toon(waar), toon(tekst))
        return None
    return tekst
