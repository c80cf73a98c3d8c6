"""Every notebook runs top to bottom in a fresh kernel (DESIGN.md, quality bars).

Covers the self-study notebooks (notebooks/), the trainer's (trainer/) and the nbgrader
source notebooks (made from data/opdrachten.yaml, as `make opdrachten` makes them). Each runs
in a temporary copy of its folder without any answer file, so a learner's antwoorden.json is
never read or touched, and running must not write one. The book's notebook pages run in the
strict book build (tests/conftest.py: an error or any output on stderr fails it,
_config.yml), not again here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import werkalliantie
from werkalliantie.begeleiden.nakijken import sleutels
from werkalliantie.begeleiden.nakijken.klaarzetten import bronnotebook
from werkalliantie.leren.opgaven.model import alle_opdrachten

ROOT = Path(__file__).resolve().parent.parent
ZELFSTUDIE = ROOT / "notebooks"
TRAINER = ROOT / "trainer"
BRON = ROOT / "exercises" / "source"  # where the source notebooks are made (not tracked)
ANTWOORDBESTANDEN = shutil.ignore_patterns("antwoorden*.json", ".antwoorden*.lock",
                                           "antwoorden-groep", "uitvoer",
                                           ".ipynb_checkpoints", "_build")


def _notebooks() -> list[Path]:
    gevonden = sorted(ZELFSTUDIE.glob("**/*.ipynb")) + sorted(TRAINER.glob("*.ipynb"))
    gevonden += [BRON / o / f"{o}.ipynb" for o in alle_opdrachten()]
    return [p for p in gevonden if ".ipynb_checkpoints" not in p.parts]


NOTEBOOKS = _notebooks()


def _lees(pad: Path) -> nbformat.NotebookNode:
    if BRON in pad.parents:  # made from the records, exactly as `make opdrachten` does
        return bronnotebook(alle_opdrachten()[pad.stem])
    return nbformat.read(pad, as_version=4)


def _is_toetscel(cel) -> bool:
    nbgrader = cel.get("metadata", {}).get("nbgrader", {})
    return (nbgrader.get("grade") and not nbgrader.get("solution")) or (
        "BEGIN HIDDEN TESTS" in cel.get("source", ""))


def _eigen_fouten() -> set[str]:
    """Names of the exceptions the course raises on purpose (Dutch messages)."""
    namen = {"AssertionError"}
    for info in pkgutil.walk_packages(werkalliantie.__path__, "werkalliantie."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        namen |= {naam for naam, obj in vars(module).items()
                  if inspect.isclass(obj) and issubclass(obj, Exception)
                  and obj.__module__.startswith("werkalliantie")}
    return namen


def _id(pad: Path) -> str:
    return pad.relative_to(ROOT).as_posix()


@pytest.mark.slow  # a kernel per notebook: not in make test-snel
@pytest.mark.parametrize("pad", NOTEBOOKS, ids=_id)
def test_notebook_draait_van_boven_naar_beneden(pad, tmp_path):
    map_ = tmp_path / pad.parent.name
    is_bron = BRON in pad.parents
    if is_bron:  # the course folder as autograde sees it: keys beside, nothing else
        map_ = tmp_path / "cursus" / "autograded" / "student" / pad.stem
        map_.mkdir(parents=True)
        shutil.copy(ROOT / "exercises" / "nbgrader_config.py", tmp_path / "cursus")
        shutil.copytree(ROOT / "exercises" / "sleutels", tmp_path / "cursus" / "sleutels")
        assert sleutels.bereid_voor(tmp_path / "cursus") == {}  # as the grader does first
    else:
        shutil.copytree(pad.parent, map_, ignore=ANTWOORDBESTANDEN)
    nb = _lees(pad)
    # An nbgrader source notebook is run as autograde would run it with no submission:
    # its hidden tests must fail then (a missing answer must never score), but only on
    # purpose, with the course's own Dutch error; every other cell must run cleanly.
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=is_bron,
                   resources={"metadata": {"path": str(map_)}}).execute()

    eigen = _eigen_fouten() if is_bron else set()
    problemen = []
    for nummer, cel in enumerate(nb.cells, 1):
        for uit in cel.get("outputs", []):
            if uit.output_type == "error" and not (_is_toetscel(cel) and uit.ename in eigen):
                problemen.append(f"cel {nummer}: {uit.ename}: {uit.evalue}")
            if uit.output_type == "stream" and uit.name == "stderr" and (
                    ZELFSTUDIE in pad.parents or is_bron):
                # Voilà shows stderr to the learner; nbgrader gives 0 points for it.
                problemen.append(f"cel {nummer} schrijft naar stderr: {uit.text[:300]}")
    assert not problemen, f"{_id(pad)}:\n" + "\n".join(problemen)
    assert not list(map_.glob("antwoorden*.json")), "alleen draaien mag geen antwoord opslaan"


@pytest.mark.parametrize("pad", [p for p in NOTEBOOKS if p.suffix == ".ipynb" and BRON not in p.parents],
                         ids=_id)
def test_notebook_opgeslagen_zonder_uitvoer(pad):
    nb = nbformat.read(pad, as_version=4)
    met_uitvoer = [n for n, c in enumerate(nb.cells, 1)
                   if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not met_uitvoer, f"{_id(pad)}: cellen met uitvoer: {met_uitvoer} (wis de uitvoer)"
    assert "widgets" not in nb.metadata, f"{_id(pad)}: bevat opgeslagen widgetstatus"


def test_er_is_een_oefennotebook():
    assert ZELFSTUDIE / "werkalliantie-denise.ipynb" in NOTEBOOKS
    assert ZELFSTUDIE / "kennismaken.ipynb" in NOTEBOOKS
    assert BRON / "werkalliantie-denise" / "werkalliantie-denise.ipynb" in NOTEBOOKS
