"""A hostile class: an LMS download per format in which 3 of 20 students attack (issue 19).

For each format the course collects (Canvas, Moodle, Brightspace, the general pattern),
:func:`maak` writes into a course folder the class list (in the gradebook, as a plain
``nbgrader db student import`` would take it) and one download zip in
``downloaded/<opdracht>/archive/``, with real notebooks and answer files. Who is in it:

- 17 honest students (``eerlijk-01`` ... ``eerlijk-17``): the released notebook with a
  written open answer and an answer file made from each kind's own examples (right or
  wrong), every student with save times of their own. On purpose: 03 and 04 wrote the same
  open answer (white space aside), 05 and 06 handed in one and the same answer file, and
  07 and 08 made the same choices at other moments (never to be flagged);
- ``aanvaller-a`` (a formula as name): a zip file in the hand-in, aimed at a classmate
  (a file named for ``eerlijk-01``, a ``../`` path into submitted/, a file in a folder, a
  zip in the zip), besides its own answer file;
- ``aanvaller-b``: duplicate names (Canvas's ``-N``, the same entry twice), a name that is
  not UTF-8, names with control characters, a compression bomb (8 MB of zeros) and a file
  over the size limit (30 MB), and a notebook with half characters (lone surrogates) in its
  open answer and in a cell it added; its winning answer file is a copy of ``eerlijk-02``'s;
- ``aanvaller-c``: a student id with a line break in the class list (and formula names).

:data:`ACHTERAF` adds what only reaches a submission folder another way (a USB stick, the
exchange): a link to ``/dev/zero``, a FIFO and a garbage ``timestamp.txt``.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import nbformat

from werkalliantie.begeleiden.nakijken.sleutels import lees_sleutel
from werkalliantie.leren import opgaven
from werkalliantie.leren.opgaven.model import alle_opdrachten

OPDRACHT = "juiste-match"  # one automatic part and an open question: cheap to grade
FORMATEN = ("canvas", "moodle", "brightspace", "algemeen")
EERLIJK = [f"eerlijk-{n:02d}" for n in range(1, 18)]
AANVALLERS = ["aanvaller-a", "aanvaller-b", "aanvaller-c"]
NIEUWE_REGEL_ID = "aanvaller\nc"  # in the class list instead of aanvaller-c
FORMULENAMEN = {
    "aanvaller-a": ('=HYPERLINK("https:aanval.invalid";"klik")', "+31 6 12345678"),
    "aanvaller-c": ("@SUM(1+1)*cmd|' -C calc'!A0", "-2+3"),
}
ONGELDIG = b"ONGELDIG__"  # replaced by bytes that are not UTF-8, after the zip is written
BOM_BYTES = 8_000_000  # a bomb of zeros: over the ratio limit, within a safe test size
TE_GROOT_BYTES = 30_000_000  # over the notebook limit (25 MB)
BASIS = datetime(2030, 6, 28, 9, 0)
KOPIE_ANTWOORD = ("Ik kies deze professional omdat zij de taal van de cliënt spreekt, "
                  "rustig blijft bij tegenslag en al eerder met gezinnen in schulden werkte, "
                  "zodat de cliënt zich sneller veilig voelt.")


@dataclass
class Student:
    id: str
    voornaam: str
    achternaam: str
    lms: str  # Canvas user id
    nummer: int


@dataclass
class Corpus:
    formaat: str
    studenten: dict[str, Student]
    # per honest student: the bytes of what was handed in, and the points the rules give
    bestanden: dict[str, dict[str, bytes]] = field(default_factory=dict)
    punten: dict[str, dict[str, float]] = field(default_factory=dict)
    tijden: dict[str, datetime] = field(default_factory=dict)  # the LMS's time (Brightspace)


def studenten() -> dict[str, Student]:
    kans = random.Random(19)
    voornamen = ["Sam", "Noor", "Daan", "Fatima", "Lotte", "Yusuf", "Emma", "Bram", "Amira",
                 "Jesse", "Sanne", "Mohamed", "Iris", "Thijs", "Esra", "Ruben", "Lieke"]
    uit = {}
    for n, sid in enumerate(EERLIJK + AANVALLERS):
        voor, achter = (FORMULENAMEN[sid] if sid in FORMULENAMEN
                        else (voornamen[n % len(voornamen)], f"Achternaam{n:02d}"))
        if sid == "aanvaller-b":
            voor, achter = "Bob", "Breker"
        uit[sid] = Student(sid, voor, achter, str(52000 + n + kans.randrange(3) * 0), n)
    return uit


def klaslijst(gb, lijst: dict[str, Student]) -> None:
    """The class list as nbgrader's own import takes it: the line break included."""
    for s in lijst.values():
        sid = NIEUWE_REGEL_ID if s.id == "aanvaller-c" else s.id
        gb.update_or_create_student(sid, first_name=s.voornaam, last_name=s.achternaam,
                                    email=f"{s.id}@example.org", lms_user_id=s.lms)


# --- The names each LMS gives -------------------------------------------------------------

def lms_naam(formaat: str, s: Student, bestand: str, tijd: datetime | None = None) -> str:
    if formaat == "canvas":
        kort = "".join(c for c in f"{s.achternaam}{s.voornaam}".lower() if c.isalnum()) or "x"
        return f"{kort}_{s.lms}_{3300000 + s.nummer}_{bestand}"
    if formaat == "moodle":
        return f"{s.voornaam} {s.achternaam}_{1723300 + s.nummer}_assignsubmission_file_/{bestand}"
    if formaat == "brightspace":
        tijd = tijd or BASIS
        datum = f"{tijd:%b} {tijd.day}, {tijd.year} {int(tijd.strftime('%I'))}{tijd:%M %p}"
        return f"{131000 + s.nummer}-{204000 + s.nummer} - {s.voornaam} {s.achternaam} - {datum} - {bestand}"
    return f"{s.id}_inlevering_{bestand}"


# --- What the students hand in ---------------------------------------------------------------

def _vragen():
    return [opgaven.laad_opgave(v) for v in alle_opdrachten()[OPDRACHT].opgaven]


def _automatisch(opgave) -> bool:
    return not all(d.handmatig for d in opgaven.onderdelen(opgave))


def antwoordbestand(waarden: dict, tijd: datetime) -> bytes:
    antwoorden = {v: {"waarde": w, "opgeslagen": (tijd + timedelta(minutes=2 * i)).replace(
        tzinfo=timezone.utc).isoformat(timespec="seconds")}
        for i, (v, w) in enumerate(sorted(waarden.items()))}
    return json.dumps({"schema": "werkalliantie-antwoorden", "versie": 1,
                       "antwoorden": antwoorden}, ensure_ascii=False, indent=1).encode()


def notebook(release: Path, open_antwoord: str | None, extra: list[str] = ()) -> bytes:
    nb = nbformat.read(release, as_version=4)
    for cel in nb.cells:
        if cel.metadata.get("nbgrader", {}).get("grade_id", "").startswith("antwoord-") \
                and open_antwoord is not None:
            cel.source = open_antwoord
    for tekst in extra:
        nb.cells.append(nbformat.v4.new_markdown_cell(tekst))
    return nbformat.writes(nb).encode("utf-8")


def _open_antwoord(n: int) -> str:
    if n in (3, 4):
        return KOPIE_ANTWOORD if n == 3 else "  " + KOPIE_ANTWOORD.replace(" ", "\n   ", 3) + "\n"
    woorden = ["cliënt", "vertrouwen", "taal", "rust", "ervaring", "gezin", "schulden",
               "afspraken", "samen", "doelen", "luisteren", "tempo", "regie", "veilig"]
    kans = random.Random(n)
    return (f"Antwoord {n}: " + " ".join(kans.choice(woorden) for _ in range(22)) + ".")


def inleveringen(cursus: Path, sleutelmap: Path) -> tuple[dict, dict, dict]:
    """Per honest student: files (name -> bytes), the points the rules give each test cell,
    and the student's save time."""
    release = cursus / "release" / OPDRACHT / f"{OPDRACHT}.ipynb"
    vragen = _vragen()
    bestanden, punten, tijden = {}, {}, {}
    gedeeld = None
    for n, sid in enumerate(EERLIJK, 1):
        soort = "goed" if n % 3 else "fout"
        if n in (7, 8):
            soort = "goed"
        waarden, verwacht = {}, {}
        for opgave in vragen:
            if not _automatisch(opgave):
                continue
            sleutel = opgave.sleutel or lees_sleutel(opgave, sleutelmap)
            waarden[opgave.id] = opgaven.voorbeelden(opgave, sleutel)[soort]
            for deel in opgaven.nakijken(opgave, waarden[opgave.id], sleutel).delen:
                verwacht[f"toets-{opgave.id}-{deel.onderdeel}"] = deel.punten
        tijd = BASIS - timedelta(days=2, hours=n, minutes=7 * n)
        antwoord = antwoordbestand(waarden, tijd)
        if n == 5:
            gedeeld = antwoord
        if n == 6:
            antwoord = gedeeld  # one and the same file, save times and all
            verwacht = dict(punten[EERLIJK[4]])
        bestanden[sid] = {f"{OPDRACHT}.ipynb": notebook(release, _open_antwoord(n)),
                          "antwoorden.json": antwoord}
        punten[sid] = verwacht
        # Brightspace writes "901 PM": hours 2 to 9 only, so no time reads two ways
        tijden[sid] = BASIS.replace(hour=14) + timedelta(minutes=17 * n)
    return bestanden, punten, tijden


# --- Writing a zip, bad names and all ----------------------------------------------------------

def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, data in entries:
            info = zipfile.ZipInfo(naam, date_time=(2030, 6, 28, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if ONGELDIG.decode() in naam:
                info.flag_bits |= 0x800  # "this name is UTF-8": it will not be
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the same name twice, on purpose
                z.writestr(info, data)
    return buffer.getvalue().replace(ONGELDIG, b"\xff\xfe\xc3(\xa0\xa1\xe2(\xa1\xff")


def download(cursus: Path, formaat: str) -> Corpus:
    """The class list in the gradebook and the LMS's download in ``downloaded/``."""
    from nbgrader.api import Gradebook

    lijst = studenten()
    corpus = Corpus(formaat, lijst)
    with Gradebook(f"sqlite:///{cursus / 'gradebook.db'}") as gb:
        klaslijst(gb, lijst)
    bestanden, punten, tijden = inleveringen(cursus, cursus / "sleutels")
    corpus.bestanden, corpus.punten = bestanden, punten
    release = cursus / "release" / OPDRACHT / f"{OPDRACHT}.ipynb"
    entries: list[tuple[str, bytes]] = []
    for sid in EERLIJK:
        tijd = tijden[sid] if formaat == "brightspace" else None
        if tijd is not None:
            corpus.tijden[sid] = tijd
        for naam, data in bestanden[sid].items():
            entries.append((lms_naam(formaat, lijst[sid], naam, tijd), data))
    if formaat == "brightspace":
        entries.append(("index.html", b"<html><body>Brightspace</body></html>"))

    slachtoffer = lijst[EERLIJK[0]]
    a, b, c = (lijst[x] for x in AANVALLERS)
    fout_antwoord = antwoordbestand({"juiste-match": "ZZZ-geen-keuze"}, BASIS)
    # A: its own notebook, and a zip aimed at a classmate
    binnen = _zip([
        ("antwoorden.json", fout_antwoord),
        (lms_naam(formaat, slachtoffer, "antwoorden.json").replace("/", ""), fout_antwoord),
        (f"../../submitted/{slachtoffer.id}/{OPDRACHT}/antwoorden.json", fout_antwoord),
        (f"{slachtoffer.id}/antwoorden.json", fout_antwoord),
        ("nog-een.zip", _zip([("antwoorden.json", fout_antwoord)])),
    ])
    entries += [(lms_naam(formaat, a, f"{OPDRACHT}.ipynb"),
                 notebook(release, "Mijn eigen antwoord, zonder trucs.")),
                (lms_naam(formaat, a, "inlevering.zip"), binnen)]
    # B: duplicates, bad names, a bomb, a file over the limit, half characters
    b_nb = _surrogaat_notebook(release)
    entries += [
        (lms_naam(formaat, b, f"{OPDRACHT}.ipynb"), b_nb),
        (lms_naam(formaat, b, "antwoorden.json"), antwoordbestand({}, BASIS)),
        (lms_naam(formaat, b, "antwoorden-9.json"), antwoordbestand({}, BASIS)),
        (lms_naam(formaat, b, "antwoorden-10.json"), bestanden[EERLIJK[1]]["antwoorden.json"]),
        (lms_naam(formaat, b, "antwoorden-1.json"), antwoordbestand({}, BASIS)),
        (lms_naam(formaat, b, f"{ONGELDIG.decode()}{OPDRACHT}.ipynb"), b"{}"),
        (lms_naam(formaat, b, f"{OPDRACHT}\x1b[2J.ipynb"), b"{}"),
        (lms_naam(formaat, b, "naam\nmet-regel.json"), b"{}"),
        (lms_naam(formaat, b, "antwoorden-2.json"), b"\0" * BOM_BYTES),
        (lms_naam(formaat, b, f"{OPDRACHT}-1.ipynb"), b" " * TE_GROOT_BYTES),
        # the same entry twice: the later one counts
        (lms_naam(formaat, b, "antwoorden-3.json"), antwoordbestand({}, BASIS)),
        (lms_naam(formaat, b, "antwoorden-3.json"), antwoordbestand({}, BASIS)),
    ]
    # C: a line break in the id (the class list), formula names
    entries += [(lms_naam(formaat, c if formaat != "algemeen" else
                          Student("aanvaller\nc", c.voornaam, c.achternaam, c.lms, c.nummer),
                          naam), data) for naam, data in bestanden[EERLIJK[2]].items()]
    archief = cursus / "downloaded" / OPDRACHT / "archive"
    archief.mkdir(parents=True, exist_ok=True)
    (archief / f"{OPDRACHT}-{formaat}-download.zip").write_bytes(_zip(entries))
    return corpus


def _surrogaat_notebook(release: Path) -> bytes:
    """A notebook as JSON with lone surrogates (\\ud83d: half an emoji) in the open answer
    and in a cell the student added: valid JSON, not valid Unicode."""
    tekst = notebook(release, "HALF-EEN", ["HALF-TWEE"]).decode("utf-8")
    tekst = tekst.replace("HALF-EEN", "Mijn antwoord met een half teken \\ud83d en verder, "
                                      "in een paar zinnen over de cliënt en de match.")
    tekst = tekst.replace("HALF-TWEE", "Een eigen cel met \\udc00 erin.")
    return tekst.encode("utf-8")


# --- After collecting: what only arrives another way (USB stick, exchange) ---------------------

def achteraf(cursus: Path, student: str) -> None:
    """A link to /dev/zero, a FIFO and a garbage timestamp.txt in a submission folder."""
    map_ = cursus / "submitted" / student / OPDRACHT
    os.symlink("/dev/zero", map_ / "notities.txt")
    os.mkfifo(map_ / "pijp.json")
    (map_ / "timestamp.txt").write_text("gisteren rond het middaguur\n", encoding="utf-8")


# --- The run: one zip_collect per format, one plain autograde, partly graded by hand ------------

HANDMATIG = {"eerlijk-01": 3.0, "eerlijk-02": 1.5, "eerlijk-03": 2.0}  # the rest still waits


@dataclass
class Lmsklas:
    """Per format: its course folder and what zip_collect did; the Canvas course graded."""

    mappen: dict[str, Path]
    corpora: dict[str, Corpus]
    verzamelen: dict[str, dict]  # per format: returncode, stdout, stderr
    nakijken: dict[str, dict] = field(default_factory=dict)  # step -> returncode, stdout, stderr
    voor: dict[str, set[str]] = field(default_factory=dict)  # per format: files before collect
    na: dict[str, set[str]] = field(default_factory=dict)  # ... and right after it

    @property
    def nagekeken(self) -> Path:
        return self.mappen["canvas"]


def _draai(commando: list[str], map_: Path, env: dict) -> dict:
    import subprocess

    klaar = subprocess.run(commando, cwd=map_, env=env, capture_output=True, text=True,
                           errors="backslashreplace", timeout=1800)
    return {"returncode": klaar.returncode, "stdout": klaar.stdout, "stderr": klaar.stderr}


def bestanden_in(map_: Path) -> set[str]:
    """Every file and link under ``map_`` (relative), without following links."""
    uit = set()
    for wortel, mappen, namen in os.walk(map_, followlinks=False):
        for naam in mappen + namen:
            pad = Path(wortel) / naam
            if not pad.is_dir() or pad.is_symlink():
                uit.add(str(pad.relative_to(map_)))
    return uit


def maak_klas(lege_cursus: Path, basis: Path, bin_: Path, env: dict) -> Lmsklas:
    import shutil

    from nbgrader.api import Gradebook

    klas = Lmsklas({}, {}, {})
    for formaat in FORMATEN:
        map_ = basis / formaat
        shutil.copytree(lege_cursus, map_, symlinks=True)
        klas.corpora[formaat] = download(map_, formaat)
        klas.voor[formaat] = bestanden_in(map_)
        klas.mappen[formaat] = map_
        klas.verzamelen[formaat] = _draai([str(bin_ / "nbgrader"), "zip_collect", OPDRACHT],
                                          map_, env)
        klas.na[formaat] = bestanden_in(map_)
    map_ = klas.nagekeken
    achteraf(map_, "aanvaller-a")
    klas.nakijken["autograde"] = _draai([str(bin_ / "nbgrader"), "autograde", OPDRACHT], map_, env)
    from klasrun import geef_handmatig

    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for student, punten in HANDMATIG.items():
            geef_handmatig(gb, OPDRACHT, student, punten,
                           "Goed dat je de taal van de cliënt noemt. <b>Let op</b> het tempo.")
        gb.db.commit()
    klas.nakijken["feedback"] = _draai([str(bin_ / "nbgrader"), "generate_feedback", OPDRACHT],
                                       map_, env)
    return klas


# --- In the background: the test session starts it beside the class of the tests ---------------

UITKOMST = "lmsklas.json"


def bewaar(klas: Lmsklas, uit: Path) -> None:
    data = {"mappen": {k: str(v) for k, v in klas.mappen.items()},
            "verzamelen": klas.verzamelen, "nakijken": klas.nakijken,
            "voor": {k: sorted(v) for k, v in klas.voor.items()},
            "na": {k: sorted(v) for k, v in klas.na.items()}}
    (uit / UITKOMST).write_text(json.dumps(data), encoding="utf-8")


def lees(uit: Path) -> Lmsklas:
    """The run as bewaar() left it; each format's corpus made again (it is deterministic)."""
    data = json.loads((uit / UITKOMST).read_text(encoding="utf-8"))
    klas = Lmsklas({k: Path(v) for k, v in data["mappen"].items()}, {}, data["verzamelen"],
                   data["nakijken"], {k: set(v) for k, v in data["voor"].items()},
                   {k: set(v) for k, v in data["na"].items()})
    for formaat, map_ in klas.mappen.items():
        corpus = Corpus(formaat, studenten())
        corpus.bestanden, corpus.punten, tijden = inleveringen(map_, map_ / "sleutels")
        if formaat == "brightspace":
            corpus.tijden = tijden
        klas.corpora[formaat] = corpus
    return klas


def _wacht_op(klasmap: Path) -> Path:
    import time

    from klasrun import LEGE_CURSUS_KLAAR

    for _ in range(3600):
        if (klasmap / LEGE_CURSUS_KLAAR).exists():
            return klasmap / "lege-cursus"
        time.sleep(0.5)
    raise SystemExit("De lege cursus van de klas van de tests kwam er niet.")


if __name__ == "__main__":
    import argparse
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import BIN, omgeving

    parser = argparse.ArgumentParser(description="De vijandige klas van issue 19.")
    parser.add_argument("klasmap", type=Path, help="de map van tests/klasrun.py")
    parser.add_argument("uit", type=Path)
    args = parser.parse_args()
    bewaar(maak_klas(_wacht_op(args.klasmap), args.uit, BIN, omgeving()), args.uit)
