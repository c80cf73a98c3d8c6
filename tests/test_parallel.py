"""What one slow submission gets: a time limit, a report, and nobody else waits.

The slowness is the instructor's own: a hidden test (instructor side, in source/) that
sleeps for one student only, so no real minute passes. Two limits:

- per cell (``--tijdslimiet-cel``): a test that would sleep ten minutes is stopped after
  a few seconds; that cell gets 0, the student's other cells and the other students are
  graded normally;
- per submission (``--tijdslimiet-inlevering``): cells that are each within the cell
  limit but together too slow; once the submission's time is used up, its remaining
  cells are stopped (0 points).
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from conftest import omgeving
from klasrun import kopie_van

from werkalliantie.begeleiden.nakijken.stappen import OPDRACHT

pytestmark = pytest.mark.nbgrader

ELKE_CEL_TRAAG = "s1000002"  # every test cell takes 12 s: together too slow
TRAAG_S, INLEVERING_S = 12, 20  # one test cell fits in the submission's time, two do not
EEN_CEL_HANGT = "s1000003"  # the first test cell would take ten minutes


def _vertraag(bron: str, eerste: bool) -> str:
    vertraging = (f'import pathlib, time\nif pathlib.Path.cwd().parent.name == "{ELKE_CEL_TRAAG}":\n'
                  f"    time.sleep({TRAAG_S})\n")
    if eerste:
        vertraging += f'if pathlib.Path.cwd().parent.name == "{EEN_CEL_HANGT}":\n    time.sleep(600)\n'
    return bron.replace("### BEGIN HIDDEN TESTS\n", "### BEGIN HIDDEN TESTS\n" + vertraging, 1)


def _draai(*args: str, map_: Path) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=map_, env=omgeving(), capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def cursus(lege_cursus, tmp_path_factory) -> Path:
    map_ = kopie_van(lege_cursus, tmp_path_factory.mktemp("tijd") / "cursus")
    pad = map_ / "source" / OPDRACHT / f"{OPDRACHT}.ipynb"
    nb = json.loads(pad.read_text(encoding="utf-8"))
    eerste = True
    for cel in nb["cells"]:
        bron = "".join(cel["source"]) if isinstance(cel["source"], list) else cel["source"]
        if "### BEGIN HIDDEN TESTS" in bron:
            cel["source"] = _vertraag(bron, eerste)
            eerste = False
    pad.write_text(json.dumps(nb), encoding="utf-8")
    klaar = _draai("nbgrader", "generate_assignment", OPDRACHT, "--force", map_=map_)
    assert klaar.returncode == 0, klaar.stderr[-3000:]
    assert _draai("werkalliantie", "klas", "3", "--opdracht", OPDRACHT, map_=map_).returncode == 0
    return map_


def _punten(map_: Path, student: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(OPDRACHT, OPDRACHT, student)
        return {g.name: g.auto_score for g in nb.grades if g.name.startswith("toets-")}


def _verwacht(map_: Path, student: str) -> dict[str, float]:
    klas = json.loads((map_ / "klas.json").read_text(encoding="utf-8"))
    return klas["studenten"][student]["opdrachten"][OPDRACHT]["punten"]


def _fouten(map_: Path, student: str) -> dict[str, str]:
    nb = json.loads((map_ / "autograded" / student / OPDRACHT / f"{OPDRACHT}.ipynb")
                    .read_text(encoding="utf-8"))
    return {c["metadata"]["nbgrader"]["grade_id"]: o["ename"] for c in nb["cells"]
            for o in c.get("outputs", []) if o.get("output_type") == "error"}


def test_een_cel_die_blijft_hangen_wordt_gestopt_en_de_rest_gaat_door(cursus):
    begin = time.perf_counter()
    klaar = _draai("werkalliantie", "nakijken", OPDRACHT, "--tijdslimiet-cel", "3",
                   "--tijdslimiet-inlevering", "200", "--student", EEN_CEL_HANGT,
                   "--student", "s1000001", map_=cursus)
    duur = time.perf_counter() - begin
    assert klaar.returncode == 0, klaar.stdout[-3000:] + klaar.stderr[-3000:]
    assert duur < 300  # not the ten minutes the test would have slept
    assert _punten(cursus, "s1000001") == _verwacht(cursus, "s1000001")
    punten, verwacht = _punten(cursus, EEN_CEL_HANGT), _verwacht(cursus, EEN_CEL_HANGT)
    eerste, *overige = sorted(verwacht, key=list(verwacht).index)
    assert _fouten(cursus, EEN_CEL_HANGT) == {eerste: "CellTimeoutError"}
    assert punten[eerste] == 0
    assert {c: punten[c] for c in overige} == {c: verwacht[c] for c in overige}
    assert "Een cel duurde te lang en is gestopt" in klaar.stdout
    assert "let op" in next(r for r in klaar.stdout.splitlines() if EEN_CEL_HANGT in r)


def test_een_inlevering_die_samen_te_lang_duurt_wordt_gestopt(cursus):
    """The submission's time counts from its first cell: the student's own cells and the first
    slow test cell fit in it (also on a busy computer: starting the kernel does not count),
    the second slow test cell does not, nor any cell after it."""
    klaar = _draai("werkalliantie", "nakijken", OPDRACHT, "--tijdslimiet-cel", "100",
                   "--tijdslimiet-inlevering", str(INLEVERING_S), "--student", ELKE_CEL_TRAAG,
                   map_=cursus)
    assert klaar.returncode == 0, klaar.stdout[-3000:] + klaar.stderr[-3000:]
    punten, verwacht = _punten(cursus, ELKE_CEL_TRAAG), _verwacht(cursus, ELKE_CEL_TRAAG)
    eerste, *overige = list(verwacht)
    assert punten[eerste] == verwacht[eerste]  # 12 s: within the submission's 20 s
    assert _fouten(cursus, ELKE_CEL_TRAAG) == dict.fromkeys(overige, "CellTimeoutError")
    assert all(punten[c] == 0 for c in overige)
    assert "Een cel duurde te lang en is gestopt" in klaar.stdout


def test_de_tijd_van_een_inlevering_telt_vanaf_haar_eerste_cel(monkeypatch):
    """Starting a kernel on a busy server costs the student nothing: the submission's clock
    starts when nbclient asks for its first cell's limit, and again for the next student."""
    from werkalliantie.begeleiden.nakijken import parallel

    nu = [100.0]
    monkeypatch.setattr(parallel.time, "monotonic", lambda: nu[0])
    budget = parallel.Tijdsbudget(per_cel=30, per_inlevering=20)
    budget.begin()
    nu[0] += 50  # the kernel starts slowly
    assert budget(None) == 20
    nu[0] += 15
    assert budget(None) == 5
    nu[0] += 10
    assert budget(None) == 1.0  # used up: nbclient gets its smallest limit, never "none"
    budget.begin()
    nu[0] += 100
    assert budget(None) == 20
