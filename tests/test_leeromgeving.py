"""Submissions from a learning environment's download, through `nbgrader zip_collect`.

One fixture per download layout the course supports (``tests/data/leeromgeving/*.yaml``):
the names inside the LMS's zip, the class list, and where each file must land. For each,
a zip with those names (real notebooks and answer files) goes into a temporary course's
``downloaded/<opdracht>/archive/`` and the real ``nbgrader zip_collect`` runs with the
course's configuration (the collector plugin :class:`~werkalliantie.begeleiden.nakijken.leeromgeving.Leeromgeving`).
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, omgeving
from klasrun import kopie_van

from werkalliantie.begeleiden.modelantwoord import modelantwoorden
from werkalliantie.begeleiden.nakijken.leeromgeving import Klaslijst, herken
from werkalliantie.begeleiden.nakijken.stappen import OPDRACHT

FIXTURES = sorted((ROOT / "tests" / "data" / "leeromgeving").glob("*.yaml"))
VERWACHT = {f"{OPDRACHT}.ipynb", "antwoorden.json"}


def _fixture(pad: Path) -> dict:
    return yaml.safe_load(pad.read_text(encoding="utf-8"))


@pytest.mark.parametrize("pad", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_namen_herkend_zonder_te_raden(pad):
    gegevens = _fixture(pad)
    lijst = Klaslijst(gegevens["studenten"])
    for naam, doel in gegevens["bestanden"].items():
        info = herken(f"/x/extracted/{naam}", lijst, VERWACHT)
        if doel is None:  # not part of the assignment, or a student we cannot be sure of
            assert info is None or not info["student_id"] or info["file_id"] not in VERWACHT, naam
            continue
        assert info["leeromgeving"] == gegevens["leeromgeving"], naam
        assert (info["student_id"], info["file_id"]) == (doel["student"], doel["bestand"]), naam


def test_gewone_namen_gaan_naar_nbgraders_eigen_patroon():
    lijst = Klaslijst([{"id": "s1234567", "first_name": "Sam", "last_name": "Jansen"}])
    assert herken("/x/s1234567_inlevering_antwoorden.json", lijst, VERWACHT) is None


@pytest.fixture(scope="module")
def cursus(lege_cursus, tmp_path_factory) -> Path:
    """The shared fresh course (every assignment made), with a right answer file."""
    map_ = kopie_van(lege_cursus, tmp_path_factory.mktemp("lms") / "cursus")
    (map_ / "model.json").write_text(modelantwoorden(OPDRACHT, map_), encoding="utf-8")
    return map_


@pytest.mark.nbgrader
@pytest.mark.parametrize("pad", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_zip_collect_zet_elke_download_op_de_goede_plek(cursus, pad, tmp_path):
    from nbgrader.api import Gradebook
    from nbgrader.utils import parse_utc

    gegevens = _fixture(pad)
    map_ = tmp_path / "cursus"
    shutil.copytree(cursus, map_)
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for s in gegevens["studenten"]:
            gb.update_or_create_student(s["id"], **{k: v for k, v in s.items() if k != "id"})
    archief = map_ / "downloaded" / OPDRACHT / "archive"
    archief.mkdir(parents=True)
    inhoud = {".ipynb": (map_ / "release" / OPDRACHT / f"{OPDRACHT}.ipynb").read_bytes(),
              ".json": (map_ / "model.json").read_bytes()}
    with zipfile.ZipFile(archief / "download.zip", "w") as z:
        for naam in gegevens["bestanden"]:
            z.writestr(naam, inhoud.get(Path(naam).suffix, b"<html></html>"))
    klaar = subprocess.run(["nbgrader", "zip_collect", OPDRACHT], cwd=map_, env=omgeving(),
                           capture_output=True, text=True, timeout=300)
    assert klaar.returncode == 0, klaar.stderr[-4000:]

    verwacht: dict[str, set[str]] = {}
    tijden: dict[str, datetime] = {}
    for doel in gegevens["bestanden"].values():
        if doel:
            verwacht.setdefault(doel["student"], set()).add(doel["bestand"])
            if "tijd" in doel:
                tijden[doel["student"]] = datetime.fromisoformat(doel["tijd"])
    gevonden = {p.parent.name: {f.name for f in p.iterdir() if f.name != "timestamp.txt"}
                for p in (map_ / "submitted").glob(f"*/{OPDRACHT}")}
    assert gevonden == verwacht
    for student, bestanden in verwacht.items():
        for naam in bestanden:
            assert (map_ / "submitted" / student / OPDRACHT / naam).read_bytes() == inhoud[Path(naam).suffix]
        stempel = map_ / "submitted" / student / OPDRACHT / "timestamp.txt"
        if student in tijden:  # Brightspace names the time: nbgrader's late penalty uses it
            assert parse_utc(stempel.read_text().strip()) == tijden[student]
    # a notebook or answer file that is skipped is named in a warning; other files
    # (an LMS's index.html, a picture) are no submission files and skipped silently
    if any(d is None and Path(n).suffix in (".ipynb", ".json")
           for n, d in gegevens["bestanden"].items()):
        assert "Overgeslagen" in klaar.stderr
