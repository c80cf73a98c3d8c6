"""The whole graded course, as the instructor's guide tells it, for a simulated class.

One temporary course folder goes through every step of ``STAPPEN`` (the guide's steps)
with the real commands, including the JupyterHub's exchange steps (with a temporary
exchange folder) and ``werkalliantie nakijken``. The class:

- 12 students from ``werkalliantie klas 12``, covering every kind of bad submission
  (``klas.SCENARIOS``), handed in through nbgrader's exchange (nbgrader's own submit
  code, with each student's id) and collected with ``nbgrader collect``;
- 2 students whose right answers (``werkalliantie modelantwoord``) come from a
  Brightspace download through ``nbgrader zip_collect``.

The due date lies before every submission: the course's late-penalty choice ("none")
keeps the points. Then: manual grades as the formgrader saves them, feedback, feedback
through the exchange, the grade export, and a regrade after a corrected key that keeps
every manual grade. A copy taken before grading is graded with plain ``nbgrader
autograde``: the gradebooks must agree cell by cell.
"""

from __future__ import annotations

import csv
import json
import re
import shlex
import shutil
import subprocess
import time
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, omgeving

from werkalliantie.begeleiden.nakijken import klas
from werkalliantie.begeleiden.nakijken.stappen import OPDRACHT, STAPPEN

pytestmark = pytest.mark.nbgrader

CURSUS = ROOT / "exercises"
GEGENEREERD = {"source", "release", "submitted", "autograded", "feedback", "downloaded",
               "gradebook.db", "nbgrader.log", "studenten.csv", "cijfers.csv", "__pycache__",
               "klas.json"}
AANTAL = 12
BRIGHTSPACE = {"s2000001": ("Yara", "van Dijk"), "s2000002": ("Ilias", "Haddou")}
VERLOPEN = datetime(2020, 1, 6, 12, 0)  # the due date the class misses
HANDMATIG = {"goed": 4.0, "deels": 2.0, "cel-toegevoegd": 1.0}  # open-question points by scenario


@dataclass
class Levensloop:
    map: Path
    uitwisselmap: Path
    uitvoer: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    seconden: dict[str, float] = field(default_factory=dict)
    cijfers_na_nakijken: dict = field(default_factory=dict)
    kopie_voor_nakijken: Path | None = None

    @property
    def klas(self) -> dict:
        return json.loads((self.map / "klas.json").read_text(encoding="utf-8"))["studenten"]

    def scenario(self, student: str) -> str:
        return self.klas[student]["opdrachten"][OPDRACHT]["scenario"]


def _cijfers(map_: Path) -> dict:
    from nbgrader.api import Gradebook

    uit = {}
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for inlevering in gb.find_assignment(OPDRACHT).submissions:
            uit[inlevering.student.id, "te laat (s)"] = inlevering.total_seconds_late > 0
            uit[inlevering.student.id, "aftrek"] = inlevering.late_submission_penalty
            for nb in inlevering.notebooks:
                for g in nb.grades:
                    uit[inlevering.student.id, g.name] = (g.auto_score, g.manual_score,
                                                          g.needs_manual_grade)
    return uit


def _inleveren_via_uitwisselmap(run: Levensloop) -> None:
    """Every student of the simulated class hands in through the exchange, with nbgrader's
    own submit code (as `nbgrader submit OPDRACHT --student=ID` does)."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeSubmit
    from traitlets.config import Config

    werkmappen = run.map.parent / "studenten"
    for student in sorted((run.map / "submitted").iterdir()):
        c = Config()
        c.CourseDirectory.course_id = "werkalliantie"
        c.Exchange.root = str(run.uitwisselmap)
        c.Exchange.cache = str(werkmappen / ".cache")
        c.Exchange.assignment_dir = str(werkmappen / student.name)
        (werkmappen / student.name).mkdir(parents=True)
        map_ = CourseDirectory(config=c)
        map_.assignment_id, map_.student_id = OPDRACHT, student.name
        if student.name == "s1000001":  # one student fetches it the way students do
            ExchangeFetchAssignment(coursedir=map_, authenticator=Authenticator(config=c),
                                    config=c).start()
            shutil.rmtree(werkmappen / student.name / OPDRACHT)
        shutil.move(student / OPDRACHT, werkmappen / student.name / OPDRACHT)
        student.rmdir()
        ExchangeSubmit(coursedir=map_, authenticator=Authenticator(config=c), config=c).start()


def _brightspace_zip(run: Levensloop) -> None:
    """Two students' right answers, named as a Brightspace download names them."""
    archief = run.map / "downloaded" / OPDRACHT / "archive"
    archief.mkdir(parents=True)
    vrij = run.map / "release" / OPDRACHT / f"{OPDRACHT}.ipynb"
    with zipfile.ZipFile(archief / f"{OPDRACHT} Download Jun 30, 2030 1130 AM.zip", "w") as z:
        z.writestr("index.html", "<html><body>Brightspace</body></html>")
        for n, (student, (voor, achter)) in enumerate(BRIGHTSPACE.items(), 1):
            model = run.map / f"model-{student}.json"
            subprocess.run(["werkalliantie", "modelantwoord", OPDRACHT, "--uit", str(model)],
                           cwd=run.map, env=omgeving(), check=True, capture_output=True)
            voorvoegsel = f"{4410 + n}-{8800 + n} - {voor} {achter} - Jun 29, 2030 {900 + n} AM - "
            z.write(vrij, voorvoegsel + vrij.name)
            z.write(model, voorvoegsel + "antwoorden.json")
            model.unlink()


def _handmatig(run: Levensloop) -> None:
    """What a grader saves in the formgrader: points for the written open answers."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{run.map / 'gradebook.db'}") as gb:
        for student, rij in run.klas.items():
            punten = HANDMATIG.get(rij["opdrachten"][OPDRACHT]["scenario"])
            if punten is None:
                continue
            nb = gb.find_submission_notebook(OPDRACHT, OPDRACHT, student)
            for g in nb.grades:
                if g.name.startswith("antwoord-"):
                    g.manual_score, g.needs_manual_grade = punten, False
            for c in nb.comments:
                if c.name.startswith("antwoord-"):
                    c.manual_comment = "Mooi: je sluit aan bij wat Denise zelf zegt."
        gb.db.commit()


def _voorbereiding(run: Levensloop, stap_id: str) -> None:
    if stap_id == "studenten":
        with open(run.map / "studenten.csv", "w", newline="", encoding="utf-8") as f:
            schrijver = csv.writer(f)
            schrijver.writerow(["id", "first_name", "last_name", "email", "lms_user_id"])
            for n, s in enumerate(klas.studenten(AANTAL)):  # their Canvas ids, as the guide says
                schrijver.writerow([s.id, s.voornaam, s.achternaam, s.email, 48000 + n])
            for student, (voor, achter) in BRIGHTSPACE.items():
                schrijver.writerow([student, voor, achter, f"{student}@example.org", ""])
    elif stap_id == "inleveren":
        subprocess.run(["werkalliantie", "klas", str(AANTAL), "--opdracht", OPDRACHT],
                       cwd=run.map, env=omgeving(), check=True, capture_output=True)
        _inleveren_via_uitwisselmap(run)
    elif stap_id == "ophalen":
        _brightspace_zip(run)
    elif stap_id == "nakijken":
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{run.map / 'gradebook.db'}") as gb:
            gb.update_or_create_assignment(OPDRACHT, duedate=VERLOPEN)
        run.kopie_voor_nakijken = run.map.parent / "serieel"
        shutil.copytree(run.map, run.kopie_voor_nakijken)
    elif stap_id == "feedback":
        _handmatig(run)


@pytest.fixture(scope="module")
def levensloop(tmp_path_factory) -> Levensloop:
    basis = tmp_path_factory.mktemp("levensloop")
    map_ = basis / "cursus"
    shutil.copytree(CURSUS, map_, ignore=lambda _, namen: [n for n in namen if n in GEGENEREERD])
    run = Levensloop(map_, basis / "uitwisselmap")
    run.uitwisselmap.mkdir()
    for stap in STAPPEN:
        _voorbereiding(run, stap.id)
        if stap.commando is None or stap.interactief:
            continue
        commando = shlex.split(stap.commando)
        if stap.uitwisselmap:
            commando.append(f"--Exchange.root={run.uitwisselmap}")
        if stap.id == "feedback-hub":  # only for what came in through the exchange
            commando.append(f"--CourseDirectory.student_id_exclude={','.join(BRIGHTSPACE)}")
        begin = time.perf_counter()
        klaar = subprocess.run(commando, cwd=map_, env=omgeving(), capture_output=True,
                               text=True, timeout=900)
        run.seconden[stap.id] = time.perf_counter() - begin
        run.uitvoer[stap.id] = klaar
        assert klaar.returncode == 0, (
            f"'{stap.commando}' faalt:\n{klaar.stdout[-4000:]}\n{klaar.stderr[-6000:]}")
        if stap.id == "nakijken":
            run.cijfers_na_nakijken = _cijfers(map_)
    print(f"\nwerkalliantie nakijken: {run.seconden['nakijken']:.1f} s voor "
          f"{AANTAL + len(BRIGHTSPACE)} inleveringen")
    return run


def test_elke_stap_van_de_handleiding_draaide(levensloop):
    assert set(levensloop.uitvoer) == {s.id for s in STAPPEN if s.commando and not s.interactief}


def test_klas_heeft_elke_soort_inlevering(levensloop):
    assert {levensloop.scenario(s) for s in levensloop.klas} == set(klas.SCENARIOS)


def test_alle_inleveringen_kwamen_binnen_via_uitwisselmap_en_leeromgeving(levensloop):
    ingeleverd = {p.name for p in (levensloop.map / "submitted").iterdir()}
    assert ingeleverd == set(levensloop.klas) | set(BRIGHTSPACE)
    for student in ingeleverd:  # both channels record when it was handed in
        assert (levensloop.map / "submitted" / student / OPDRACHT / "timestamp.txt").is_file()


def test_punten_per_cel_zoals_de_regels_zeggen(levensloop):
    cijfers = levensloop.cijfers_na_nakijken
    for student, rij in levensloop.klas.items():
        for cel, punten in rij["opdrachten"][OPDRACHT]["punten"].items():
            assert cijfers[student, cel][0] == punten, (student, rij["opdrachten"][OPDRACHT]["scenario"], cel)
    toetscellen = [c for c in next(iter(levensloop.klas.values()))["opdrachten"][OPDRACHT]["punten"]]
    for student in BRIGHTSPACE:  # the model answer earns every automatic point
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{levensloop.map / 'gradebook.db'}") as gb:
            maximum = {g.name: g.max_score for g in
                       gb.find_submission_notebook(OPDRACHT, OPDRACHT, student).grades}
        for cel in toetscellen:
            assert cijfers[student, cel][0] == maximum[cel] > 0, (student, cel)


def test_te_laat_maar_de_cursus_trekt_geen_punten_af(levensloop):
    cijfers = levensloop.cijfers_na_nakijken
    for student in [*levensloop.klas, *BRIGHTSPACE]:
        assert cijfers[student, "te laat (s)"] is True, student
        assert cijfers[student, "aftrek"] == 0, student


def test_nakijkverslag_noemt_elke_kapotte_inlevering(levensloop):
    verslag = (levensloop.map / f"nakijkverslag-{OPDRACHT}.txt").read_text(encoding="utf-8")
    per_student = dict(re.findall(r"^- (\S+):\n((?:    .*\n?)+)", verslag, re.M))
    verwacht = {
        "zonder-antwoordbestand": "ontbreekt",
        "beschadigd-antwoordbestand": "is beschadigd",
        "diep-genest-antwoordbestand": "is beschadigd",
        "vergrendelde-cel-aangepast": "Vergrendelde cel aangepast",
        "toetscel-aangepast": "Toetscel aangepast",
        "cel-toegevoegd": "toegevoegd",
    }
    for student in levensloop.klas:
        scenario = levensloop.scenario(student)
        if scenario in verwacht:
            assert verwacht[scenario] in per_student.get(student, ""), (student, scenario)
        elif scenario in ("goed", "deels", "fout", "leeg", "groot-antwoordbestand"):
            assert student not in per_student, (student, scenario, per_student.get(student))
    assert "NIET nagekeken" not in levensloop.uitvoer["nakijken"].stdout
    assert f"{AANTAL + len(BRIGHTSPACE)} inleveringen nagekeken" in verslag


def test_feedback_voor_iedereen_ook_via_de_uitwisselmap(levensloop):
    for student in [*levensloop.klas, *BRIGHTSPACE]:
        html = levensloop.map / "feedback" / student / OPDRACHT / f"{OPDRACHT}.html"
        assert html.is_file(), student
    teruggegeven = list((levensloop.uitwisselmap / "werkalliantie" / "feedback").glob("*.html"))
    assert len(teruggegeven) == AANTAL


def test_feedback_bevat_de_punten_die_met_de_hand_gegeven_zijn(levensloop):
    import html

    student = next(s for s in levensloop.klas if levensloop.scenario(s) == "goed")
    tekst = html.unescape((levensloop.map / "feedback" / student / OPDRACHT /
                           f"{OPDRACHT}.html").read_text(encoding="utf-8"))
    # nbgrader's feedback shows each graded cell as "Score: 4.0 / 4.0"
    assert f"Score: {HANDMATIG['goed']:.1f} / " in " ".join(tekst.split())


def test_cijferexport_een_regel_per_student(levensloop):
    with open(levensloop.map / "cijfers.csv", encoding="utf-8-sig", newline="") as f:
        rijen = {r["student_id"]: r for r in csv.DictReader(f)}
    assert set(rijen) == set(levensloop.klas) | set(BRIGHTSPACE)
    cijfers = levensloop.cijfers_na_nakijken
    for student, rij in levensloop.klas.items():
        auto = sum(rij["opdrachten"][OPDRACHT]["punten"].values())
        handmatig = HANDMATIG.get(rij["opdrachten"][OPDRACHT]["scenario"], 0.0)
        assert float(rijen[student][OPDRACHT]) == auto + handmatig, student
        assert float(rijen[student]["totaal"]) == auto + handmatig
    assert cijfers  # the export ran after grading


KOPPEN = {
    "canvas": ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", OPDRACHT],
    "brightspace": ["OrgDefinedId", "Username", f"{OPDRACHT} Points Grade", "End-of-Line Indicator"],
    "moodle": ["Voornaam", "Achternaam", "ID-nummer", "E-mailadres", OPDRACHT],
}
ID_KOLOM = {"canvas": "SIS User ID", "brightspace": "OrgDefinedId", "moodle": "ID-nummer"}
PUNTEN_KOLOM = {"canvas": OPDRACHT, "brightspace": f"{OPDRACHT} Points Grade", "moodle": OPDRACHT}


@pytest.mark.parametrize("formaat", KOPPEN)
def test_cijfers_voor_elke_leeromgeving(levensloop, formaat, tmp_path):
    uit = tmp_path / f"{formaat}.csv"
    klaar = subprocess.run(["werkalliantie", "cijfers", "--formaat", formaat, "--uit", str(uit)],
                           cwd=levensloop.map, env=omgeving(), capture_output=True, text=True)
    assert klaar.returncode == 0, klaar.stderr
    assert not uit.read_bytes().startswith(b"\xef\xbb\xbf")  # an LMS reads the first name exactly
    with open(uit, encoding="utf-8", newline="") as f:
        lezer = csv.DictReader(f)
        assert lezer.fieldnames == KOPPEN[formaat]
        rijen = {r[ID_KOLOM[formaat]]: r for r in lezer}
    with open(levensloop.map / "cijfers.csv", encoding="utf-8-sig", newline="") as f:
        algemeen = {r["student_id"]: r for r in csv.DictReader(f)}
    assert set(rijen) == set(algemeen)
    for student, rij in rijen.items():
        assert float(rij[PUNTEN_KOLOM[formaat]]) == float(algemeen[student][OPDRACHT]), student
    if formaat == "brightspace":
        assert {r["End-of-Line Indicator"] for r in rijen.values()} == {"#"}
    if formaat == "canvas":
        s = klas.studenten(AANTAL)[0]
        assert rijen[s.id]["Student"] == f"{s.achternaam}, {s.voornaam}"
        assert rijen[s.id]["ID"] == "48000"  # lms_user_id from the class list


def test_parallel_en_serieel_geven_dezelfde_cijfers(levensloop):
    """Plain `nbgrader autograde` (serial, the course's configuration) on a copy of the
    same class gives the same points, late data and manual-grade flags, cell by cell."""
    klaar = subprocess.run(["nbgrader", "autograde", OPDRACHT], cwd=levensloop.kopie_voor_nakijken,
                           env=omgeving(), capture_output=True, text=True, timeout=900)
    assert klaar.returncode == 0, klaar.stderr[-4000:]
    serieel = _cijfers(levensloop.kopie_voor_nakijken)
    assert serieel == levensloop.cijfers_na_nakijken
    assert len(serieel) >= (AANTAL + len(BRIGHTSPACE)) * 4


def test_opnieuw_nakijken_na_verbeterd_antwoordmodel_houdt_handmatige_punten(levensloop):
    sleutelpad = levensloop.map / "sleutels" / "denise-b.yaml"
    sleutel = yaml.safe_load(sleutelpad.read_text(encoding="utf-8"))
    doelen = ("doelen_eens", "doelen_eigen", "doelen_helder")
    oud = sum(sleutel["beoordelingen"][0]["scores"][i] for i in doelen) / len(doelen)
    for beoordeling in sleutel["beoordelingen"]:  # the corrected key: another band for doelen
        beoordeling["scores"].update(dict.fromkeys(doelen, 5 if oud <= 3 else 1))
    sleutel["zwakste"]["dimensie"] = "band" if oud <= 3 else "doelen"  # follows from the ratings
    sleutelpad.write_text(yaml.safe_dump(sleutel, allow_unicode=True), encoding="utf-8")
    voor = _cijfers(levensloop.map)
    klaar = subprocess.run(["werkalliantie", "nakijken", OPDRACHT, "--opnieuw"],
                           cwd=levensloop.map, env=omgeving(), capture_output=True, text=True,
                           timeout=900)
    assert klaar.returncode == 0, klaar.stdout[-3000:] + klaar.stderr[-3000:]
    na = _cijfers(levensloop.map)
    handmatig = [k for k, v in voor.items() if isinstance(v, tuple) and v[1] is not None]
    assert len(handmatig) >= 3
    for sleutel_ in handmatig:
        assert na[sleutel_][1] == voor[sleutel_][1], sleutel_  # every manual grade kept
        # nbgrader marks a regraded cell with a manual grade for review (the guide says so)
        assert na[sleutel_][2] is True
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{levensloop.map / 'gradebook.db'}") as gb:
        opmerkingen = [c.manual_comment for s in gb.find_assignment(OPDRACHT).submissions
                       for nb in s.notebooks for c in nb.comments if c.manual_comment]
    assert len(opmerkingen) == len(handmatig)  # the grader's comments are kept too
    goed = [s for s in levensloop.klas if levensloop.scenario(s) == "goed"]
    for student in goed:  # right under the old key, wrong under the corrected one
        assert voor[student, "toets-denise-b-doelen"][0] > 0
        assert na[student, "toets-denise-b-doelen"][0] == 0
        assert na[student, "toets-denise-b-taken"][0] == voor[student, "toets-denise-b-taken"][0]
