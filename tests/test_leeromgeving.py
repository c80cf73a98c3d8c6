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


# --- The hostile class (issue 19): one zip_collect per format ------------------------------
# tests/lmscorpus.py: 20 students per format, 3 of them attack; the session fixture lmsklas
# ran one `nbgrader zip_collect` per format in its own copy of the fresh course.

import lmscorpus  # noqa: E402
from lmscorpus import AANVALLERS, EERLIJK, FORMATEN  # noqa: E402

from werkalliantie.begeleiden.nakijken import grenzen  # noqa: E402
from werkalliantie.begeleiden.nakijken.leeromgeving import (  # noqa: E402
    Naam,
    naamfout,
    ontleed,
    rangorde,
    volgnummer,
)


def _nieuw(lmsklas, formaat) -> set[str]:
    """What zip_collect wrote into the course (outside its own downloaded/ folder)."""
    return {p for p in lmsklas.na[formaat] - lmsklas.voor[formaat]
            if not p.startswith("downloaded/")}


@pytest.mark.nbgrader
@pytest.mark.parametrize("formaat", FORMATEN)
def test_geen_zip_collect_stopt(lmsklas, formaat):
    uitkomst = lmsklas.verzamelen[formaat]
    assert uitkomst["returncode"] == 0, uitkomst["stderr"][-4000:]


@pytest.mark.nbgrader
@pytest.mark.parametrize("formaat", FORMATEN)
def test_alleen_wat_de_leeromgeving_neerzette_in_de_eigen_map(lmsklas, formaat):
    """0 files in another student's folder or outside submitted/: every file written is
    exactly one of the student's own, from the LMS's own layout."""
    opdracht = lmscorpus.OPDRACHT
    nieuw = _nieuw(lmsklas, formaat)
    verwacht = {f"submitted/{s}/{opdracht}/{n}" for s in EERLIJK + AANVALLERS[:2]
                 for n in (f"{opdracht}.ipynb", "antwoorden.json")}
    if formaat == "brightspace":  # the LMS's time of each hand-in
        verwacht |= {f"submitted/{s}/{opdracht}/timestamp.txt" for s in EERLIJK + AANVALLERS[:2]}
    assert nieuw == verwacht, (sorted(nieuw - verwacht), sorted(verwacht - nieuw))
    map_ = lmsklas.mappen[formaat]
    corpus = lmsklas.corpora[formaat]
    for student in EERLIJK:  # the victim of the nested zip too: its own files, unchanged
        for naam, data in corpus.bestanden[student].items():
            assert (map_ / "submitted" / student / opdracht / naam).read_bytes() == data, student


@pytest.mark.nbgrader
@pytest.mark.parametrize("formaat", FORMATEN)
def test_aanvallers_krijgen_alleen_hun_eigen_bestanden(lmsklas, formaat):
    map_, opdracht = lmsklas.mappen[formaat], lmscorpus.OPDRACHT
    corpus = lmsklas.corpora[formaat]
    a = map_ / "submitted" / "aanvaller-a" / opdracht
    # the one top-level file of its own zip, taken for the zip's owner, nothing else
    assert b"ZZZ-geen-keuze" in (a / "antwoorden.json").read_bytes()
    b = map_ / "submitted" / "aanvaller-b" / opdracht
    # duplicates: Canvas's -N compared as a number, -10 beats -9 and -1
    assert (b / "antwoorden.json").read_bytes() == corpus.bestanden[EERLIJK[1]]["antwoorden.json"]
    assert not (map_ / "submitted" / lmscorpus.NIEUWE_REGEL_ID).exists()
    assert not any("\n" in p.name for p in (map_ / "submitted").iterdir())


MELDINGEN = {
    "geneste zip naar een klasgenoot": "is genoemd naar een andere student",
    "pad naar buiten": "'..'",
    "map in de zip": "staat in een map",
    "zip in de zip": "archief in een archief",
    "dubbele namen": "leverde antwoorden.json 5 keer in",
    "zelfde naam twee keer": "staat twee keer in de download",
    "geen UTF-8": "geen geldige tekst, geen UTF-8",
    "stuurtekens": "stuurtekens",
    "bom": "verdacht sterk ingepakt",
    "te groot": "is te groot",
}


@pytest.mark.nbgrader
@pytest.mark.parametrize("formaat", FORMATEN)
def test_elke_aanval_een_nederlandse_melding_met_de_student(lmsklas, formaat):
    uitvoer = lmsklas.verzamelen[formaat]["stdout"] + lmsklas.verzamelen[formaat]["stderr"]
    for aanval, tekst in MELDINGEN.items():
        regels = [r for r in uitvoer.splitlines() if tekst in r]
        assert regels, (aanval, tekst)
        if aanval not in ("geen UTF-8", "stuurtekens"):  # the name itself is the problem
            assert any("aanvaller-a" in r or "aanvaller-b" in r for r in regels), (aanval, regels)
    # the id with a line break: refused, never guessed (the general pattern: a bad name)
    if formaat == "algemeen":
        assert "stuurtekens" in uitvoer and "aanvaller\\nc" in uitvoer
    else:
        assert "geen geldige id" in uitvoer and "aanvaller\\nc" in uitvoer


@pytest.mark.nbgrader
@pytest.mark.parametrize("formaat", FORMATEN)
def test_uitgepakt_binnen_de_grenzen_en_nooit_een_zip_van_een_student(lmsklas, formaat):
    uitgepakt = lmsklas.mappen[formaat] / "downloaded" / lmscorpus.OPDRACHT / "extracted"
    bestanden = [p for p in uitgepakt.rglob("*") if p.is_file()]
    assert bestanden
    for pad in bestanden:
        assert pad.stat().st_size <= grenzen.max_bytes_uitpakken(pad.name), pad
        assert not pad.name.lower().endswith(".zip"), pad
        assert pad.suffix in (".ipynb", ".json"), pad
        rel = pad.relative_to(uitgepakt)
        assert not any(d in ("..", ".") for d in rel.parts)
        binnen = [d for d in rel.parts if d.endswith(".inhoud")]
        assert len(binnen) <= 1 and (not binnen or rel.parts[-2] == binnen[0]), rel


@pytest.mark.nbgrader
def test_brightspace_tijden_komen_bij_de_goede_student(lmsklas):
    from nbgrader.utils import parse_utc

    map_, corpus = lmsklas.mappen["brightspace"], lmsklas.corpora["brightspace"]
    for student, tijd in corpus.tijden.items():
        stempel = (map_ / "submitted" / student / lmscorpus.OPDRACHT / "timestamp.txt").read_text()
        verwacht = parse_utc(tijd.strftime("%Y-%m-%d %H:%M:%S Europe/Amsterdam"))
        assert parse_utc(stempel.strip()) == verwacht, student


# --- The rules themselves, without nbgrader -------------------------------------------------

def test_volgnummer_wordt_als_getal_vergeleken():
    verwacht = {"antwoorden.json"}
    namen = ["antwoorden.json", "antwoorden-1.json", "antwoorden-9.json", "antwoorden-10.json"]
    naam = Naam("canvas", "canvas:1", "x", "", None)
    winnaar = max(namen, key=lambda n: rangorde(naam, n, verwacht, n))
    assert winnaar == "antwoorden-10.json"
    assert volgnummer("antwoorden-10.json", verwacht) == ("antwoorden.json", 10)
    assert volgnummer("notities-3.json", verwacht) == ("notities-3.json", 0)


def test_bij_gelijk_volgnummer_telt_de_tijd_van_de_leeromgeving_dan_de_naam():
    from datetime import datetime

    vroeg = Naam("brightspace", "b", "x", "antwoorden.json", datetime(2030, 1, 1, 9))
    laat = Naam("brightspace", "b", "x", "antwoorden.json", datetime(2030, 1, 2, 9))
    verwacht = {"antwoorden.json"}
    assert rangorde(laat, "antwoorden.json", verwacht, "a") > rangorde(vroeg, "antwoorden.json",
                                                                       verwacht, "z")
    zonder = Naam("moodle", "m", "x", "antwoorden.json")
    assert rangorde(zonder, "antwoorden.json", verwacht, "b") > rangorde(zonder, "antwoorden.json",
                                                                         verwacht, "a")


@pytest.mark.parametrize("naam", ["a/../b.json", "/etc/passwd", "a\nb.json", "a\x1b[2Jb.json",
                                  "a\\b.json", "x" * 300 + ".json", "a/./b.json", "a\u202eb.json"])
def test_slechte_namen_worden_geweigerd(naam):
    assert naamfout(naam.split("/")) or naam.startswith("/")


def test_elke_leeromgeving_ontleed():
    assert ontleed("jansensam_48213_3302211_antwoorden-1.json").leeromgeving == "canvas"
    assert ontleed("Sam Jansen_17_assignsubmission_file_/x.ipynb").eigenaar == \
        "moodle:Sam Jansen_17_assignsubmission_file_"
    assert ontleed("1-2 - Sam Jansen - Jun 29, 2030 901 AM - x.ipynb").tijd.hour == 9
    assert ontleed("s1234567_inlevering.zip").leeromgeving == "algemeen"
    assert ontleed("willekeurig.ipynb") is None
