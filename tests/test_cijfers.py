"""Grades an instructor can import blind (issue 19, item 3): `werkalliantie cijfers` and the
course's plugin for plain `nbgrader export`.

- The hostile class (``lmsklas``, partly graded by hand): for each LMS format, the file is
  read back with pandas; every student's number is checked against the gradebook (graded:
  its points; waiting for manual grading: empty, never 0; nothing handed in: 0), and the
  columns against the LMS's documented import format. No cell anywhere starts a formula.
- The same small gradebook in SQLite and in PostgreSQL (the hub's set-up): the same file.
"""

from __future__ import annotations

import csv
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

import lmscorpus
from conftest import BIN, ROOT, omgeving
from werkalliantie.begeleiden.csvbestand import is_formule

OPDRACHT = lmscorpus.OPDRACHT

# The columns each LMS documents for its grade import (see "Cijfers in je leeromgeving" in
# the instructor's guide): before the assignment columns, the assignment's header, after.
KOPPEN = {
    "algemeen": (["student_id", "voornaam", "achternaam", "email"], "{}", ["totaal"]),
    "canvas": (["Student", "ID", "SIS User ID", "SIS Login ID", "Section"], "{}", []),
    "brightspace": (["OrgDefinedId", "Username"], "{} Points Grade", ["End-of-Line Indicator"]),
    "moodle": (["Voornaam", "Achternaam", "ID-nummer", "E-mailadres"], "{}", []),
}
ID_KOLOM = {"algemeen": "student_id", "canvas": "SIS User ID", "brightspace": "OrgDefinedId",
            "moodle": "ID-nummer"}


def _cijfers(map_: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "werkalliantie"), "cijfers", *args], cwd=map_,
                          env=env or omgeving(), capture_output=True, text=True, timeout=300)


def _lees(pad: Path):
    import pandas as pd

    return pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _verwacht(map_: Path, db_url: str | None = None) -> dict[str, str]:
    """Per student, what the cell of OPDRACHT must say, from the gradebook itself."""
    from nbgrader.api import Gradebook, MissingEntry

    uit = {}
    with Gradebook(db_url or f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for s in gb.students:
            try:
                inlevering = gb.find_submission(OPDRACHT, s.id)
            except MissingEntry:
                uit[s.id] = "" if (map_ / "submitted" / s.id / OPDRACHT).is_dir() else "0"
                continue
            wacht = any(g.manual_score is None and (g.needs_manual_grade or g.auto_score is None)
                        for nb in inlevering.notebooks for g in nb.grades)
            uit[s.id] = "" if wacht else f"{max(0.0, inlevering.score - (inlevering.late_submission_penalty or 0)):g}"
    return uit


def _geen_formules(pad: Path) -> None:
    with open(pad, encoding="utf-8-sig", newline="") as f:
        cellen = [c for rij in csv.reader(f) for c in rij]
    assert cellen and not [c for c in cellen if is_formule(c)], pad


@pytest.mark.nbgrader
@pytest.mark.parametrize("formaat", KOPPEN)
def test_elke_leeromgeving_klopt_met_het_cijferboek(lmsklas, formaat, tmp_path):
    map_ = lmsklas.nagekeken
    uit = tmp_path / f"{formaat}.csv"
    klaar = _cijfers(map_, "--formaat", formaat, "--uit", str(uit))
    assert klaar.returncode == 0, klaar.stderr
    tabel = _lees(uit)
    voor, opdracht, na = KOPPEN[formaat]
    kolom = opdracht.format(OPDRACHT)
    assert list(tabel.columns) == [*voor, kolom, *na]  # only assignments with a hand-in
    verwacht = _verwacht(map_)
    gelezen = dict(zip(tabel[ID_KOLOM[formaat]], tabel[kolom]))
    assert gelezen == verwacht
    assert "" in gelezen.values() and "0" in gelezen.values() and any(
        v not in ("", "0") for v in gelezen.values())  # all three kinds are in this class
    if formaat == "brightspace":
        assert set(tabel["End-of-Line Indicator"]) == {"#"}
    if formaat == "canvas":
        canvas = dict(zip(tabel["SIS User ID"], tabel["ID"]))
        for s in lmscorpus.studenten().values():
            if s.id != "aanvaller-c":
                assert canvas[s.id] == s.lms, s.id
        zonder = [s for s, i in canvas.items() if not i]
        assert zonder and all(s in klaar.stdout for s in zonder)  # named in a warning
    # the students still waiting are listed
    for student, waarde in verwacht.items():
        if waarde == "":
            assert student in klaar.stdout, student
    _geen_formules(uit)


@pytest.mark.nbgrader
def test_formulenamen_krijgen_een_aanhalingsteken(lmsklas, tmp_path):
    uit = tmp_path / "moodle.csv"
    assert _cijfers(lmsklas.nagekeken, "--formaat", "moodle", "--uit", str(uit)).returncode == 0
    tabel = _lees(uit)
    namen = set(tabel["Voornaam"]) | set(tabel["Achternaam"])
    for voor, achter in lmscorpus.FORMULENAMEN.values():
        assert "'" + voor in namen and "'" + achter in namen


@pytest.mark.nbgrader
def test_alleen_compleet_schrijft_niets_zolang_er_iets_wacht(lmsklas, tmp_path):
    uit = tmp_path / "cijfers.csv"
    klaar = _cijfers(lmsklas.nagekeken, "--alleen-compleet", "--uit", str(uit))
    assert klaar.returncode == 1 and "Niets geschreven" in klaar.stderr
    assert "Traceback" not in klaar.stderr and not uit.exists()


@pytest.mark.nbgrader
def test_gewone_nbgrader_export_via_de_plugin_van_de_cursus(lmsklas, tmp_path):
    uit = tmp_path / "grades.csv"
    klaar = subprocess.run([str(BIN / "nbgrader"), "export", "--to", str(uit)],
                           cwd=lmsklas.nagekeken, env=omgeving(), capture_output=True, text=True,
                           timeout=300)
    assert klaar.returncode == 0, klaar.stderr[-3000:]
    tabel = _lees(uit)
    assert list(tabel.columns) == ["assignment", "duedate", "timestamp", "student_id",
                                   "last_name", "first_name", "email", "raw_score",
                                   "late_submission_penalty", "score", "max_score"]
    rijen = tabel[tabel["assignment"] == OPDRACHT]
    assert dict(zip(rijen["student_id"], rijen["score"].map(lambda x: x and f"{float(x):g}"))) \
        == _verwacht(lmsklas.nagekeken)
    assert "nooit 0" in klaar.stderr
    _geen_formules(uit)


# --- The same gradebook in SQLite and in PostgreSQL ------------------------------------------

def _vul(gb) -> None:
    """A small gradebook: graded, waiting, graded again after a regrade, not handed in."""
    gb.add_assignment(OPDRACHT)
    gb.add_notebook(OPDRACHT, OPDRACHT)
    gb.add_grade_cell("toets", OPDRACHT, OPDRACHT, max_score=2, cell_type="code")
    gb.add_grade_cell("antwoord", OPDRACHT, OPDRACHT, max_score=3, cell_type="markdown")
    gb.add_solution_cell("antwoord", OPDRACHT, OPDRACHT)
    staten = {"klaar": (2.0, 3.0, False), "wacht": (1.0, None, True),
              "opnieuw": (2.0, 1.0, True), "niet": None, "alleen-map": None}
    for student, staat in staten.items():
        gb.add_student(student, first_name="=1+1" if student == "klaar" else "Ans",
                       last_name="-Achter", lms_user_id=f"7{len(student)}")
        if staat is None:
            continue
        gb.add_submission(OPDRACHT, student)
        nb = gb.find_submission_notebook(OPDRACHT, OPDRACHT, student)
        for g in nb.grades:
            g.auto_score = staat[0] if g.name == "toets" else None
            g.needs_manual_grade = False  # as nbgrader's SaveAutoGrades leaves a test cell
            if g.name == "antwoord":
                g.manual_score, g.needs_manual_grade = staat[1], staat[2]
    gb.db.commit()


def _cursus(tmp_path: Path) -> Path:
    map_ = tmp_path / "cursus"
    map_.mkdir(parents=True)
    shutil.copy2(ROOT / "exercises" / "nbgrader_config.py", map_)
    (map_ / "submitted" / "alleen-map" / OPDRACHT).mkdir(parents=True)
    return map_


@pytest.fixture(scope="module")
def postgres(tmp_path_factory):
    """A temporary PostgreSQL cluster on 127.0.0.1 (as the hub's gradebook), trust login."""
    if os.geteuid() != 0:
        pytest.skip("PostgreSQL starten vraagt root (runuser postgres)")
    pg = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                key=lambda p: int(p.parent.parent.name))[-1].parent
    # pytest's own folders are root's alone: the cluster lives where its owner can reach it
    basis = Path(tempfile.mkdtemp(prefix="werkalliantie-pg-", dir="/tmp"))
    basis.chmod(0o755)
    data = basis / "data"
    data.mkdir(mode=0o700)
    eigenaar = pwd.getpwnam("postgres")
    for pad in (basis, data):
        os.chown(pad, eigenaar.pw_uid, eigenaar.pw_gid)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    subprocess.run(["runuser", "-u", "postgres", "--", pg / "initdb", "-D", data, "-U",
                    "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale"], cwd="/",
                   check=True, capture_output=True)
    with (data / "postgresql.conf").open("a") as f:
        f.write(f"listen_addresses = '127.0.0.1'\nport = {poort}\nunix_socket_directories = ''\n"
                "fsync = off\n")
    subprocess.run(["runuser", "-u", "postgres", "--", pg / "pg_ctl", "-D", data, "-l",
                    basis / "log", "-w", "-t", "60", "start"], cwd="/", check=True,
                   capture_output=True)
    try:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=poort, user="postgres", dbname="postgres",
                             autocommit=True) as db:
            db.execute("CREATE DATABASE cijfers")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{poort}/cijfers"
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", pg / "pg_ctl", "-D", data, "-m",
                        "immediate", "stop"], cwd="/", capture_output=True)
        shutil.rmtree(basis, ignore_errors=True)


@pytest.mark.slow
def test_postgresql_geeft_hetzelfde_als_sqlite(postgres, tmp_path, monkeypatch):
    from nbgrader.api import Gradebook

    from werkalliantie.begeleiden.cursusmap import Cursusmap
    from werkalliantie.begeleiden.nakijken.cijfers import exporteer

    uitkomsten = {}
    for soort, url in (("sqlite", None), ("postgresql", postgres)):
        map_ = _cursus(tmp_path / soort)
        url = url or f"sqlite:///{map_ / 'gradebook.db'}"
        with Gradebook(url) as gb:
            _vul(gb)
        # the course's nbgrader_config.py reads the gradebook's address from here (the hub)
        monkeypatch.setenv("WERKALLIANTIE_CIJFERBOEK", url)
        per_formaat, meldingen = {}, []
        for formaat in KOPPEN:
            uit = map_ / f"{formaat}.csv"
            exporteer(Cursusmap(map_), uit, formaat, melding=meldingen.append)
            _geen_formules(uit)
            per_formaat[formaat] = uit.read_text(encoding="utf-8-sig")
        # after a regrade the answer with a manual grade waits no more: 1, not 2
        assert "1 antwoord wacht nog op nakijken met de hand (in de Formgrader)." in meldingen
        tabel = _lees(map_ / "algemeen.csv")
        assert dict(zip(tabel["student_id"], tabel[OPDRACHT])) == {
            "klaar": "5", "wacht": "", "opnieuw": "3", "niet": "0", "alleen-map": ""}
        assert _verwacht(map_, url) == dict(zip(tabel["student_id"], tabel[OPDRACHT]))
        assert "'=1+1" in set(tabel["voornaam"]) and "'-Achter" in set(tabel["achternaam"])
        uitkomsten[soort] = per_formaat
    assert uitkomsten["sqlite"] == uitkomsten["postgresql"]


def test_inleveringen_in_submitted_en_in_de_uitwisselmap(tmp_path):
    from werkalliantie.begeleiden.nakijken.cijfers import ingeleverd

    (tmp_path / "submitted" / "s2" / OPDRACHT).mkdir(parents=True)
    inbound = tmp_path / "uitwisseling" / "werkalliantie" / "inbound"
    (inbound / f"s1+{OPDRACHT}+2030-06-28 09:00:00.000000 UTC+a1b2").mkdir(parents=True)
    (inbound / "s3+andere-opdracht+2030-06-28 09:00:00.000000 UTC+c3d4").mkdir()
    gevonden = ingeleverd(tmp_path / "submitted", tmp_path / "uitwisseling", "werkalliantie",
                          [OPDRACHT])
    assert gevonden == {OPDRACHT: {"s1", "s2"}}
