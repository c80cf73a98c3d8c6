"""Every assignment of the course through the real nbgrader commands, in ONE autograde run
(issues 10 and 11: each new assignment is graded right, empty and damaged).

A temporary course folder (a copy of exercises/ without generated folders); the source
notebooks made from the records as `make opdrachten` makes them; then the real commands:
``nbgrader generate_assignment``, ``nbgrader db student import``, ``python -m
werkalliantie.leren.opgaven modelantwoord`` for the right answers, and one ``nbgrader autograde
"*"`` for every assignment and student. Per assignment three students hand in:

- ``goed``: the answer file the model-answer command writes → every automatic point;
- ``leeg``: the answer file as the widgets save it when the learner clicks Opslaan without
  answering (each widget's own empty value) → 0 points;
- ``beschadigd``: a damaged answer file → 0 points with a message in the feedback.
"""

from __future__ import annotations

import csv
import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from conftest import omgeving, sleutelteksten, uit_de_sleutel
from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.begeleiden.nakijken.klaarzetten import maak_bron, nieuwe_cursusmap
from werkalliantie.begeleiden.nakijken.toets import BESCHADIGD
from werkalliantie.leren.opgaven import laad_opgave
from werkalliantie.leren.opgaven.model import alle_opdrachten

OPDRACHTEN = list(alle_opdrachten())
STUDENTEN = ("goed", "leeg", "beschadigd")
OPEN_ANTWOORD = "Mijn uitleg bij deze vraag, in een paar zinnen."


@dataclass
class Run:
    map: Path
    seconden: float


def _toetscellen(opdracht: str) -> dict[str, float]:
    """The hidden test cells of an assignment (grade id: points), from the records."""
    cellen = {}
    for vraag in alle_opdrachten()[opdracht].opgaven:
        o = laad_opgave(vraag)
        for deel in opgaven.onderdelen(o):
            if not deel.handmatig:
                cellen[f"toets-{vraag}-{deel.id}"[:64]] = o.punten[deel.id]
    return cellen


def _open_cellen(opdracht: str) -> list[str]:
    return [f"antwoord-{v}" for v in alle_opdrachten()[opdracht].opgaven
            if all(d.handmatig for d in opgaven.onderdelen(laad_opgave(v)))]


def _nbgrader(map_: Path, *args: str) -> subprocess.CompletedProcess:
    klaar = subprocess.run(["nbgrader", *args], cwd=map_, env=omgeving(), capture_output=True,
                           text=True, timeout=900)
    assert klaar.returncode == 0, f"nbgrader {args}:\n{klaar.stdout[-3000:]}\n{klaar.stderr[-5000:]}"
    return klaar


def _lege_antwoorden(opdracht: str, tmp: Path) -> dict:
    """What each widget saves when the learner clicks Opslaan without answering."""
    from werkalliantie.leren.widgets import Opgavewidget

    return {v: Opgavewidget(laad_opgave(v), met_sleutel=False, map=tmp).antwoord
            for v in alle_opdrachten()[opdracht].opgaven
            if not all(d.handmatig for d in opgaven.onderdelen(laad_opgave(v)))}


def _inlevering(map_: Path, student: str, opdracht: str) -> None:
    nb = nbformat.read(map_ / "release" / opdracht / f"{opdracht}.ipynb", as_version=4)
    for cel in nb.cells:  # every student writes something in the open questions
        if cel.metadata.get("nbgrader", {}).get("grade_id") in _open_cellen(opdracht):
            cel.source = OPEN_ANTWOORD
    doel = map_ / "submitted" / student / opdracht
    doel.mkdir(parents=True)
    nbformat.write(nb, doel / f"{opdracht}.ipynb")
    if student == "goed":
        model = subprocess.run(["python", "-m", "werkalliantie.leren.opgaven", "modelantwoord", opdracht],
                               cwd=map_, env=omgeving(), capture_output=True, text=True, check=True)
        (doel / "antwoorden.json").write_text(model.stdout, encoding="utf-8")
    elif student == "leeg":
        Antwoordenbestand(doel).bewaar_meerdere(_lege_antwoorden(opdracht, map_ / "tmp"))
    else:
        (doel / "antwoorden.json").write_bytes(b'{"schema": "werkalliantie-antwoorden", \xff')


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    map_ = tmp_path_factory.mktemp("nbgrader-doelen") / "cursus"
    nieuwe_cursusmap(map_)
    (map_ / "tmp").mkdir()
    for opdracht in OPDRACHTEN:  # as `python -m werkalliantie.begeleiden.nakijken.klaarzetten` writes them
        maak_bron(map_, alle_opdrachten()[opdracht])
    _nbgrader(map_, "generate_assignment", "*", "--force")
    with open(map_ / "studenten.csv", "w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["id", "first_name", "last_name", "email"])
        for student in STUDENTEN:
            schrijver.writerow([student, "Test", student.title(), f"{student}@example.org"])
    _nbgrader(map_, "db", "student", "import", "studenten.csv")
    for opdracht in OPDRACHTEN:
        for student in STUDENTEN:
            _inlevering(map_, student, opdracht)
    begin = time.perf_counter()
    _nbgrader(map_, "autograde", "*")
    seconden = time.perf_counter() - begin
    aantal = len(OPDRACHTEN) * len(STUDENTEN)
    print(f"\nautograde van {aantal} inleveringen ({len(OPDRACHTEN)} opdrachten): {seconden:.1f} s "
          f"({seconden / aantal:.1f} s per inlevering)")
    return Run(map_, seconden)


def _cijfers(run: Run, opdracht: str, student: str) -> dict:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{run.map / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(opdracht, opdracht, student)
        return {g.name: (g.auto_score, g.max_score, g.needs_manual_grade) for g in nb.grades}


def _uitvoer(run: Run, opdracht: str, student: str) -> dict[str, list]:
    nb = nbformat.read(run.map / "autograded" / student / opdracht / f"{opdracht}.ipynb", as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.get("outputs", []) for c in nb.cells
            if "grade_id" in c.metadata.get("nbgrader", {})}


@pytest.mark.nbgrader
@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_goed_krijgt_alle_automatische_punten(run, opdracht):
    cijfers = _cijfers(run, opdracht, "goed")
    verwacht = _toetscellen(opdracht)
    assert verwacht, opdracht
    assert {n: cijfers[n][0] for n in verwacht} == verwacht
    for naam in _open_cellen(opdracht):  # a written open answer waits for a grader
        assert cijfers[naam][2] is True


@pytest.mark.nbgrader
@pytest.mark.parametrize("student", ["leeg", "beschadigd"])
@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_leeg_en_beschadigd_krijgen_nul(run, opdracht, student):
    cijfers = _cijfers(run, opdracht, student)
    assert {n: cijfers[n][0] for n in _toetscellen(opdracht)} == dict.fromkeys(_toetscellen(opdracht), 0.0)
    uitvoer = _uitvoer(run, opdracht, student)
    for naam in _toetscellen(opdracht):
        tekst = "".join(o.get("text", "") for o in uitvoer[naam] if o.output_type == "stream")
        assert not [o for o in uitvoer[naam] if o.output_type == "error" or o.get("name") == "stderr"]
        if student == "beschadigd":
            assert BESCHADIGD in tekst, (opdracht, naam, tekst)


@pytest.mark.nbgrader
def test_toetsuitvoer_bevat_geen_sleutel(run):
    """No hidden test prints a text from a graded key (rationales, examples, the right
    choice's explanation), for any student."""
    teksten = sleutelteksten(run.map / "sleutels", OPDRACHTEN)
    for opdracht in OPDRACHTEN:
        for student in STUDENTEN:
            uit = " ".join(" ".join(json.dumps(o, ensure_ascii=False) for o in v)
                           for n, v in _uitvoer(run, opdracht, student).items() if n.startswith("toets-"))
            assert not uit_de_sleutel(uit, teksten), (opdracht, student)


@pytest.mark.nbgrader
def test_autograde_in_een_run_binnen_de_tijd(run):
    # ~2 s per submission on this machine (RECIPES.md); a generous bound against regressions.
    assert run.seconden < 8 * len(OPDRACHTEN) * len(STUDENTEN)
