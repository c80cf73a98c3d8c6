"""The graded Denise assignment through the real nbgrader commands (issues 3 and 9).

Modelled on nbgrader's own integration tests: a temporary course folder (a copy of
exercises/ without generated folders), the real commands, submissions named after their
scenario, and assertions on files and scores. The commands are the ones the instructor's
guide shows (``werkalliantie.begeleiden.nakijken.stappen.STAPPEN``), run in that order, so the guide
cannot drift from what is tested. One autograde run grades every submission.

The quick checks at the top (the source notebook made from the records, key location,
hidden-test entry point) need no nbgrader run and carry no marker.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shlex
import shutil
import subprocess
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
import yaml
from conftest import ROOT, omgeving, sleutelteksten, uit_de_sleutel

from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.begeleiden.nakijken import sleutels, toets
from werkalliantie.begeleiden.nakijken.klaarzetten import bronnotebook, nieuwe_cursusmap
from werkalliantie.leren.opgaven.model import alle_opdrachten
from werkalliantie.begeleiden.nakijken.stappen import OPDRACHT, STAPPEN
from werkalliantie.leren.opgaven import laad_opgave

CURSUS = ROOT / "exercises"
SLEUTEL = CURSUS / "sleutels" / "denise-b.yaml"
VRAAG = "denise-b"
OPEN = "denise-b-wat-zeg-je"
TOETSCELLEN = ("toets-denise-b-doelen", "toets-denise-b-taken", "toets-denise-b-band",
               "toets-denise-b-zwakste", "toets-denise-b-bewijs")
WIDGETCEL = "opgave-denise-b"
OPEN_VRAAG = "antwoord-denise-b-wat-zeg-je"

# Answers per scenario. The graded key's bands: doelen 1..3, taken 3,17..5, band 3..5; the
# weakest is doelen, and sentences 2, 3, 4 and 5 show it.
GOED = {"doelen_eens": 1, "doelen_eigen": 2, "doelen_helder": 3,      # 2.0
        "taken_aanpak": 5, "taken_zinvol": 4, "taken_haalbaar": 4,    # 4.33
        "band_vertrouwen": 3, "band_begrepen": 4, "band_open": 4,     # 3.67
        "zwakste": "doelen", "bewijs": [2, 3, 4, 5]}
FOUT = {"doelen_eens": 5, "doelen_eigen": 5, "doelen_helder": 4,      # 4.67
        "taken_aanpak": 1, "taken_zinvol": 2, "taken_haalbaar": 1,    # 1.33
        "band_vertrouwen": 1, "band_begrepen": 1, "band_open": 2,     # 1.33
        "zwakste": "band", "bewijs": [8, 9]}
HALF = {"doelen_eens": 4, "doelen_eigen": 3, "doelen_helder": 3,      # 3.33: just above: half
        "taken_aanpak": 4, "taken_zinvol": 4}                         # one item open; no band
PUNTEN = {d: f"toets-denise-b-{d}" for d in ("doelen", "taken", "band", "zwakste", "bewijs")}
MAX = {"doelen": 1.0, "taken": 1.0, "band": 1.0, "zwakste": 3.0, "bewijs": 3.0}
VOL = {PUNTEN[d]: p for d, p in MAX.items()}
OPEN_ANTWOORD = ("Denise, ik heb nog eens nagedacht over wat je zei: het plan voelt niet "
                 "als jouw plan. Wat vind jij nu het belangrijkste? Jij beslist mee.")


@dataclass(frozen=True)
class Scenario:
    antwoord: dict | None  # saved through the real answer store; None: no answer file
    punten: dict[str, float]  # expected points per hidden test cell
    open_antwoord: str | None = None


SCENARIO = {
    "volledig-goed": Scenario(GOED, VOL, OPEN_ANTWOORD),
    "fout": Scenario(FOUT, dict.fromkeys(TOETSCELLEN, 0.0)),
    "half": Scenario(HALF, {**dict.fromkeys(TOETSCELLEN, 0.0), PUNTEN["doelen"]: 0.5}),
    "zonder-antwoordbestand": Scenario(None, dict.fromkeys(TOETSCELLEN, 0.0)),
    "beschadigd-antwoordbestand": Scenario(None, dict.fromkeys(TOETSCELLEN, 0.0)),
    # Wrong answers, and the locked widget cell rewritten to save the right ones.
    "vergrendelde-cel-aangepast": Scenario(FOUT, dict.fromkeys(TOETSCELLEN, 0.0)),
    # Wrong answers, plus a key that agrees with them and a fake grading package.
    "sleutel-gekopieerd": Scenario(FOUT, dict.fromkeys(TOETSCELLEN, 0.0)),
}
VIA_LEEROMGEVING = "volledig-goed"  # arrives through `nbgrader zip_collect`
HANDMATIG = 3.0  # what the simulated formgrader gives volledig-goed's open answer


# --- Quick checks: no nbgrader run --------------------------------------------------------

def _cellen(nb=None) -> dict[str, nbformat.NotebookNode]:
    nb = nb or bronnotebook(alle_opdrachten()[OPDRACHT])
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def test_source_staat_niet_in_git_en_bevat_nooit_een_antwoordbestand():
    assert not (CURSUS / "source").exists() or not list((CURSUS / "source").rglob("antwoorden*.json"))
    getrackt = subprocess.run(["git", "ls-files", "exercises/source"], cwd=ROOT,
                              capture_output=True, text=True).stdout
    assert getrackt == "", "de opdrachten in source/ worden gemaakt uit data/, niet bijgehouden"


def test_bronnotebook_uit_de_records_met_een_verborgen_toets_per_onderdeel():
    nb = bronnotebook(alle_opdrachten()[OPDRACHT])
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in nb.cells if c.cell_type == "code")
    cellen = _cellen(nb)
    assert all(c.metadata["nbgrader"]["locked"] for gid, c in cellen.items() if gid != OPEN_VRAAG)
    toetsen_ = {gid: c for gid, c in cellen.items() if c.metadata["nbgrader"].get("grade")
                and c.cell_type == "code"}
    assert set(toetsen_) == set(TOETSCELLEN)
    for gid, cel in toetsen_.items():
        verborgen = re.search(r"### BEGIN HIDDEN TESTS\n(.*)### END HIDDEN TESTS", cel.source, re.S)
        assert verborgen, gid
        regels = verborgen.group(1).strip().splitlines()
        onderdeel = gid.removeprefix(f"toets-{VRAAG}-")
        assert regels == ["from werkalliantie.begeleiden.nakijken.toets import punten",
                          f'punten("{VRAAG}", "{onderdeel}")'], gid
    # the same records give the same notebook: nothing random in what nbgrader stores
    assert nbformat.writes(nb) == nbformat.writes(bronnotebook(alle_opdrachten()[OPDRACHT]))


def test_punten_in_de_metadata_komen_uit_de_records():
    cellen = _cellen()
    opgave = laad_opgave(VRAAG)
    for onderdeel, punten in opgave.punten.items():
        assert cellen[f"toets-{VRAAG}-{onderdeel}"].metadata["nbgrader"]["points"] == punten
    assert cellen[OPEN_VRAAG].metadata["nbgrader"]["points"] == laad_opgave(OPEN).max_punten


def test_open_vraag_handmatig_met_de_vraag_in_een_aparte_vergrendelde_cel():
    cellen = _cellen()
    vraag, antwoord = cellen[f"vraag-{OPEN}"], cellen[OPEN_VRAAG]
    assert vraag.cell_type == antwoord.cell_type == "markdown"
    assert vraag.metadata["nbgrader"]["locked"] and "Wat zeg of doe je nu?" in vraag.source
    assert laad_opgave(OPEN).vraag in vraag.source  # the text comes from the record
    meta = antwoord.metadata["nbgrader"]
    assert meta["solution"] and meta["grade"] and not meta["locked"] and meta["points"] > 0
    widget = cellen[WIDGETCEL]
    assert widget.metadata["nbgrader"]["locked"] and not widget.metadata["nbgrader"]["grade"]
    assert widget.source.splitlines()[-1] == f'opgave("{VRAAG}")'


def test_met_de_hand_geschreven_bron_wordt_nooit_overschreven(tmp_path):
    from werkalliantie.begeleiden.nakijken.klaarzetten import Klaarzetfout, maak_bron

    map_ = tmp_path / "source" / OPDRACHT
    map_.mkdir(parents=True)
    (tmp_path / "nbgrader_config.py").write_text("")
    eigen = map_ / f"{OPDRACHT}.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), eigen)
    voor = eigen.read_bytes()
    with pytest.raises(Klaarzetfout, match="niet door de cursus gemaakt"):
        maak_bron(tmp_path, alle_opdrachten()[OPDRACHT])
    assert eigen.read_bytes() == voor


def test_sleutel_staat_aan_de_kant_van_de_docent():
    sleutel = sleutels.lees_sleutel(laad_opgave(VRAAG), CURSUS / "sleutels")
    assert set(sleutel.referentie) == {"doelen", "taken", "band"}
    pakket = ROOT / "werkalliantie"
    assert not list(pakket.rglob(SLEUTEL.name))
    assert "denise-b" not in {o["id"] for o in json.loads(
        (pakket / "leren" / "_bundel" / "opgaven.json").read_text(encoding="utf-8")) if o["sleutel"]}


def test_elke_vraag_met_punten_heeft_een_antwoordmodel_bij_de_docent():
    """Every graded question has its key in sleutels/: the automatic ones to grade with, the
    open ones with example answers (the guide promises them beside the public rubric)."""
    from werkalliantie.leren import opgaven

    for opgave in opgaven.alle_opgaven().values():
        if opgave.vorm != "beoordeeld":
            continue
        sleutel = sleutels.lees_sleutel(opgave, CURSUS / "sleutels")
        if opgave.soort == "open":
            niveaus = [v.niveau for v in sleutel.voorbeelden]
            assert len(niveaus) >= 2 and all(v.tekst.strip() for v in sleutel.voorbeelden), opgave.id


def test_config_zonder_bijwerkingen_en_beschermt_het_antwoordbestand(tmp_path):
    from traitlets.config.loader import PyFileConfigLoader

    cursus = nieuwe_cursusmap(tmp_path / "cursus")
    (cursus / "source" / OPDRACHT).mkdir(parents=True)
    voor = dict(os.environ)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(cursus)).load_config()
    assert dict(os.environ) == voor, "nbgrader_config.py mag de omgeving niet veranderen"
    assert config.CourseDirectory.root == str(cursus)
    assert config.CourseDirectory.db_url.endswith("/gradebook.db?timeout=30")
    assert "antwoorden.json" in config.Autograde.exclude_overwriting[OPDRACHT]
    assert "SCHRIJF HIER" in config.ClearSolutions.code_stub["python"]
    assert "Schrijf hier je antwoord" in config.ClearSolutions.text_stub


def test_verborgen_toets_vindt_de_sleutels_vanuit_de_nagekeken_map():
    map_ = CURSUS / "autograded" / "iemand" / OPDRACHT  # need not exist
    assert sleutels.cursusmap(map_) == CURSUS


def test_beoordelingsmodel_telt_op_tot_de_punten_van_de_open_vraag():
    open_ = laad_opgave(OPEN)
    assert len(open_.opties.rubriek) >= 3
    assert sum(c.punten for c in open_.opties.rubriek) == open_.max_punten


def test_handleiding_toont_de_stappen_en_geen_sleutel():
    handleiding = (ROOT / "book" / "docenten.md").read_text(encoding="utf-8")
    assert "{% for stap in nbgrader_stappen %}" in handleiding
    _geen_sleutelinhoud(handleiding, "book/docenten.md")


@pytest.fixture
def inlevering(tmp_path, monkeypatch):
    """A course folder with one submission folder as working directory."""
    cursus = tmp_path / "cursus"
    (cursus / "sleutels").mkdir(parents=True)
    shutil.copy(SLEUTEL, cursus / "sleutels")
    (cursus / "nbgrader_config.py").write_text("")
    sleutels.bereid_voor(cursus)  # as the grader does before any kernel runs
    map_ = cursus / "autograded" / "student" / OPDRACHT
    map_.mkdir(parents=True)
    monkeypatch.chdir(map_)
    return map_


def test_punten_geeft_punten_en_uitleg_zonder_sleutel(inlevering, capsys):
    Antwoordenbestand(inlevering).bewaar(VRAAG, GOED)
    assert {d: toets.punten(VRAAG, d) for d in MAX} == MAX
    uit = capsys.readouterr()
    assert uit.err == ""
    assert "Doelen: jouw score is 2. Die ligt in de referentieband" in uit.out
    assert "fout" not in uit.out.lower()
    _geen_sleutelinhoud(uit.out, "uitvoer van punten()")


@pytest.mark.parametrize("inhoud", [None, b"{kapot", b"\xff\xfe", b'{"schema": 3}'])
def test_punten_zonder_of_met_beschadigd_antwoordbestand_geeft_0_met_melding(
        inlevering, capsys, inhoud):
    if inhoud is not None:
        (inlevering / "antwoorden.json").write_bytes(inhoud)
    assert toets.punten(VRAAG, "band") == 0.0
    uit = capsys.readouterr()
    assert uit.err == ""
    melding = "Heb je op 'Opslaan' geklikt?" if inhoud is None else "is beschadigd"
    assert melding in uit.out and "Band: je krijgt 0 van 1 punt." in uit.out


def test_beschadigd_antwoordbestand_met_goede_vorige_versie_telt_die_versie(inlevering, capsys):
    bestand = Antwoordenbestand(inlevering)
    bestand.bewaar(VRAAG, GOED)
    bestand.bewaar(VRAAG, GOED)  # the second save keeps a copy of the first
    bestand.pad.write_text("{kapot", encoding="utf-8")
    assert toets.punten(VRAAG, "taken") == 1.0
    assert "laatste goede versie" in capsys.readouterr().out


def test_ontbrekend_antwoordbestand_met_vorige_versie_telt_die_versie(inlevering, capsys):
    bestand = Antwoordenbestand(inlevering)
    bestand.bewaar(VRAAG, GOED)
    bestand.bewaar("andere-vraag", 1)  # antwoorden.vorige.json now holds GOED
    bestand.pad.unlink()
    assert toets.punten(VRAAG, "taken") == 1.0
    uit = capsys.readouterr().out
    assert "ontbreekt" in uit and "laatste goede versie" in uit


def test_sleutel_in_de_inlevering_zelf_telt_niet(inlevering):
    nep = inlevering / "sleutels"
    nep.mkdir()
    (nep / SLEUTEL.name).write_text("nep")
    (inlevering / "nbgrader_config.py").write_text("")
    assert sleutels.cursusmap() == inlevering.parents[2]


def test_zonder_sleutel_een_fout_voor_de_docent(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(sleutels.SleutelNietGevonden, match="Voor de docent"):
        toets.punten(VRAAG, "doelen")


# --- The whole course, once, through the real commands ------------------------------------

@dataclass
class Cursusrun:
    map: Path
    uitvoer: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    seconden: dict[str, float] = field(default_factory=dict)


def _vrijgegeven(map_: Path) -> nbformat.NotebookNode:
    return nbformat.read(map_ / "release" / OPDRACHT / f"{OPDRACHT}.ipynb", as_version=4)


def _inlevering(map_: Path, student: str, scenario: Scenario) -> Path:
    """The released notebook as the student hands it in, with the answer file."""
    nb = _vrijgegeven(map_)
    if scenario.open_antwoord is not None:
        for cel in nb.cells:
            if cel.metadata.get("nbgrader", {}).get("grade_id") == OPEN_VRAAG:
                cel.source = scenario.open_antwoord
    if student == "vergrendelde-cel-aangepast":
        for cel in nb.cells:
            if cel.metadata.get("nbgrader", {}).get("grade_id") == WIDGETCEL:
                cel.source = ("from werkalliantie.leren.antwoorden import Antwoordenbestand\n"
                              f"Antwoordenbestand().bewaar({VRAAG!r}, {GOED!r})")
    doel = map_ / "inleveringen" / student
    doel.mkdir(parents=True)
    nbformat.write(nb, doel / f"{OPDRACHT}.ipynb")
    if scenario.antwoord is not None:
        Antwoordenbestand(doel).bewaar(VRAAG, scenario.antwoord)
    if student == "beschadigd-antwoordbestand":
        (doel / "antwoorden.json").write_text('{"schema": "werkalliantie-antwoorden", "ver',
                                             encoding="utf-8")
    if student == "sleutel-gekopieerd":
        nep = yaml.safe_load(SLEUTEL.read_text(encoding="utf-8"))
        for beoordeling in nep["beoordelingen"]:  # a key that agrees with the wrong answer
            beoordeling["scores"] = {k: v for k, v in FOUT.items() if k not in ("zwakste", "bewijs")}
        (doel / "sleutels").mkdir()
        (doel / "sleutels" / SLEUTEL.name).write_text(yaml.safe_dump(nep), encoding="utf-8")
        (doel / "nbgrader_config.py").write_text("c = get_config()\n")
        (doel / "werkalliantie").mkdir()
        (doel / "werkalliantie" / "__init__.py").write_text("")
        (doel / "werkalliantie" / "nakijken").mkdir()
        (doel / "werkalliantie" / "nakijken" / "__init__.py").write_text("")
        (doel / "werkalliantie" / "nakijken" / "toets.py").write_text(
            "def punten(*_):\n    return 2.0\n")
    return doel


def _voorbereiding(map_: Path, stap_id: str) -> None:
    """What the instructor (or a student) does by hand before a step."""
    if stap_id == "studenten":
        with open(map_ / "studenten.csv", "w", newline="", encoding="utf-8") as f:
            schrijver = csv.writer(f)
            schrijver.writerow(["id", "first_name", "last_name", "email"])
            for student in SCENARIO:
                schrijver.writerow([student, "Test", student.title(), f"{student}@example.org"])
    elif stap_id == "inleveren":
        for student, scenario in SCENARIO.items():
            bron = _inlevering(map_, student, scenario)
            if student != VIA_LEEROMGEVING:
                shutil.copytree(bron, map_ / "submitted" / student / OPDRACHT)
    elif stap_id == "ophalen":
        archief = map_ / "downloaded" / OPDRACHT / "archive"
        archief.mkdir(parents=True)
        bron = map_ / "inleveringen" / VIA_LEEROMGEVING
        with zipfile.ZipFile(archief / "inleveringen-uit-de-leeromgeving.zip", "w") as z:
            for pad in bron.iterdir():
                z.write(pad, f"{VIA_LEEROMGEVING}_inlevering_{pad.name}")
    elif stap_id == "feedback":  # what a grader does in the formgrader
        from nbgrader.api import Gradebook

        with Gradebook(_db_url(map_)) as gb:
            cijfer = gb.find_grade(OPEN_VRAAG, OPDRACHT, OPDRACHT, VIA_LEEROMGEVING)
            cijfer.manual_score = HANDMATIG
            cijfer.needs_manual_grade = False  # as the formgrader does when you save a score
            gb.db.commit()


def _db_url(map_: Path) -> str:
    return f"sqlite:///{map_ / 'gradebook.db'}"


@pytest.fixture(scope="module")
def cursus(tmp_path_factory) -> Cursusrun:
    run = Cursusrun(nieuwe_cursusmap(tmp_path_factory.mktemp("nbgrader") / "cursus"))
    for stap in STAPPEN:
        _voorbereiding(run.map, stap.id)
        # one computer: the JupyterHub's exchange steps run in tests/test_levensloop.py
        if stap.commando is None or stap.interactief or stap.uitwisselmap:
            continue
        begin = time.perf_counter()
        klaar = subprocess.run(shlex.split(stap.commando), cwd=run.map, env=omgeving(),
                               capture_output=True, text=True, timeout=900)
        run.seconden[stap.id] = time.perf_counter() - begin
        run.uitvoer[stap.id] = klaar
        assert klaar.returncode == 0, (
            f"'{stap.commando}' faalt:\n{klaar.stdout[-4000:]}\n{klaar.stderr[-6000:]}")
    per_inlevering = run.seconden["nakijken"] / len(SCENARIO)
    print(f"\nautograde: {run.seconden['nakijken']:.1f} s voor {len(SCENARIO)} inleveringen "
          f"({per_inlevering:.1f} s per inlevering, opstarten inbegrepen)")
    return run


def _autograded(cursus: Cursusrun, student: str) -> nbformat.NotebookNode:
    return nbformat.read(cursus.map / "autograded" / student / OPDRACHT / f"{OPDRACHT}.ipynb",
                         as_version=4)


def _uitvoer(cel) -> str:
    return "".join(o.get("text", "") for o in cel.get("outputs", []) if o.output_type == "stream")



@pytest.mark.nbgrader
def test_elke_stap_met_een_opdracht_is_uitgevoerd(cursus):
    verwacht = {s.id for s in STAPPEN if s.commando and not s.interactief and not s.uitwisselmap}
    assert set(cursus.uitvoer) == verwacht
    assert {"studenten", "maken", "ophalen", "nakijken", "feedback", "exporteren"} <= verwacht


@pytest.mark.nbgrader
def test_studentversie_zonder_verborgen_toetsen_en_met_nederlandse_stub(cursus):
    nb = _vrijgegeven(cursus.map)
    tekst = json.dumps(nb)
    assert "HIDDEN TESTS" not in tekst and "punten(" not in tekst
    cellen = {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells}
    assert cellen[OPEN_VRAAG].source == ("Schrijf hier je antwoord. Dubbelklik op deze cel "
                                         "om te typen.")
    assert not list((cursus.map / "release").rglob("antwoorden*.json"))


@pytest.mark.nbgrader
def test_zip_collect_haalt_notebook_en_antwoordbestand_op(cursus):
    map_ = cursus.map / "submitted" / VIA_LEEROMGEVING / OPDRACHT
    assert {p.name for p in map_.iterdir()} >= {f"{OPDRACHT}.ipynb", "antwoorden.json"}


@pytest.mark.nbgrader
def test_elke_inlevering_is_nagekeken_en_de_run_brak_niet_af(cursus):
    from nbgrader.api import Gradebook

    with Gradebook(_db_url(cursus.map)) as gb:
        nagekeken = {s.student.id for s in gb.find_assignment(OPDRACHT).submissions}
    assert nagekeken == set(SCENARIO)
    for student in SCENARIO:
        assert (cursus.map / "autograded" / student / OPDRACHT / f"{OPDRACHT}.ipynb").exists()


@pytest.mark.nbgrader
@pytest.mark.parametrize("student", SCENARIO)
def test_punten_per_cel(cursus, student):
    from nbgrader.api import Gradebook

    with Gradebook(_db_url(cursus.map)) as gb:
        cijfers = {g.name: g for g in gb.find_submission_notebook(OPDRACHT, OPDRACHT,
                                                                   student).grades}
        punten = {naam: cijfers[naam].auto_score for naam in TOETSCELLEN}
        open_vraag = cijfers[OPEN_VRAAG]
        assert punten == SCENARIO[student].punten
        # An open answer left as the stub scores 0 by itself; a written one waits for a grader.
        assert open_vraag.needs_manual_grade == (
            SCENARIO[student].open_antwoord is not None and open_vraag.manual_score is None)


@pytest.mark.nbgrader
@pytest.mark.parametrize("student", SCENARIO)
def test_toetscellen_schrijven_niets_naar_stderr_en_tonen_geen_sleutel(cursus, student):
    cellen = {c.metadata["nbgrader"]["grade_id"]: c for c in _autograded(cursus, student).cells
              if "grade_id" in c.metadata.get("nbgrader", {})}
    for naam in TOETSCELLEN:
        uitvoer = cellen[naam].outputs
        assert not [o for o in uitvoer if o.output_type == "error"
                    or o.get("name") == "stderr"], (student, naam)
        assert [o.data["text/plain"] for o in uitvoer if o.output_type == "execute_result"] == [
            repr(SCENARIO[student].punten[naam])]
        assert "het antwoordmodel geeft" not in _uitvoer(cellen[naam])
    samenvatting = _uitvoer(cellen[WIDGETCEL])
    if SCENARIO[student].antwoord is not None:
        assert "Je opgeslagen antwoord" in samenvatting
    meldingen = {
        "zonder-antwoordbestand": "We vinden geen opgeslagen antwoord",
        "beschadigd-antwoordbestand": "Je antwoordbestand (antwoorden.json) is beschadigd",
    }
    if student in meldingen:
        assert meldingen[student] in _uitvoer(cellen[PUNTEN["doelen"]])


@pytest.mark.nbgrader
def test_aangepaste_vergrendelde_cel_wordt_gemeld_en_teruggezet(cursus):
    # Autograde rebuilds each notebook from the gradebook's cells and reports, in the
    # course folder's nakijkrapport.md and the nbgrader log, every locked cell a student
    # changed. The hidden tests are not in that list: they differ from the released cells
    # for everyone.
    from werkalliantie.begeleiden.nakijken import rapport

    gemeld = {student for student, notebooks in
              rapport.meldingen(cursus.map).get(OPDRACHT, {}).items()
              for stappen in notebooks.values()
              for regel in stappen.get("controle", {}).get("regels", [])
              if "vaste (vergrendelde) cel" in regel}
    assert gemeld == {"vergrendelde-cel-aangepast"}
    assert "vergrendelde-cel-aangepast" in (cursus.map / "nakijkrapport.md").read_text(
        encoding="utf-8")
    assert "1 vaste (vergrendelde) cel aangepast" in (cursus.map / "nbgrader.log").read_text(
        encoding="utf-8")
    # The summary of `werkalliantie nakijken` names it too, per student.
    verslag = (cursus.map / f"nakijkverslag-{OPDRACHT}.txt").read_text(encoding="utf-8")
    per_student = dict(re.findall(r"^- (\S+):\n((?:    .*\n?)+)", verslag, re.M))
    gemeld = {s for s, regels in per_student.items() if "Vergrendelde cel aangepast" in regels}
    assert gemeld == {"vergrendelde-cel-aangepast"}
    assert f"'{WIDGETCEL}'" in per_student["vergrendelde-cel-aangepast"]
    # ... and grades the cell as it was released: the edit saved nothing.
    def widgetcel(nb):
        return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == WIDGETCEL)

    nagekeken = _autograded(cursus, "vergrendelde-cel-aangepast")
    assert widgetcel(nagekeken).source == widgetcel(_vrijgegeven(cursus.map)).source
    opgeslagen = Antwoordenbestand(cursus.map / "autograded" / "vergrendelde-cel-aangepast"
                                   / OPDRACHT).waarde(VRAAG)
    assert opgeslagen == FOUT


@pytest.mark.nbgrader
def test_meegestuurde_sleutel_en_code_komen_niet_in_autograded(cursus):
    map_ = cursus.map / "autograded" / "sleutel-gekopieerd" / OPDRACHT
    assert not (map_ / "sleutels").exists()
    assert not list(map_.rglob("*.py"))


@pytest.mark.nbgrader
def test_antwoordbestand_van_de_student_blijft_onaangeroerd(cursus):
    for student, scenario in SCENARIO.items():
        if scenario.antwoord is None or student == "beschadigd-antwoordbestand":
            continue
        for map_ in ("submitted", "autograded"):
            assert Antwoordenbestand(cursus.map / map_ / student / OPDRACHT).waarde(
                VRAAG) == scenario.antwoord, (student, map_)


def _geen_sleutelinhoud(tekst: str, waar: str) -> None:
    """The graded key's rationale texts (and its file name) must not appear in ``tekst``."""
    schoon = " ".join(html.unescape(tekst).split())
    assert SLEUTEL.name not in schoon, waar
    gevonden = uit_de_sleutel(schoon, sleutelteksten(CURSUS / "sleutels", [OPDRACHT]))
    assert not gevonden, f"{waar} bevat uit het antwoordmodel: {gevonden[:3]!r}"


@pytest.mark.nbgrader
@pytest.mark.parametrize("map_", ["release", "feedback"])
def test_geen_sleutel_in_release_en_feedback(cursus, map_):
    bestanden = [p for p in (cursus.map / map_).rglob("*") if p.is_file()]
    assert bestanden
    for pad in bestanden:
        _geen_sleutelinhoud(pad.read_text(encoding="utf-8", errors="replace"), str(pad))


@pytest.mark.nbgrader
def test_feedback_toont_antwoord_punten_en_uitleg(cursus):
    pad = cursus.map / "feedback" / VIA_LEEROMGEVING / OPDRACHT / f"{OPDRACHT}.html"
    tekst = " ".join(html.unescape(pad.read_text(encoding="utf-8")).split())
    assert "Je opgeslagen antwoord" in tekst  # the summary printed by the widget cell
    assert "Taken: jouw score is 4,3. Die ligt in de referentieband" in tekst
    assert OPEN_ANTWOORD in tekst
    for student in SCENARIO:
        assert (cursus.map / "feedback" / student / OPDRACHT / f"{OPDRACHT}.html").exists()


@pytest.mark.nbgrader
def test_export_naar_csv(cursus):
    # One row per student, the points per assignment and the total (werkalliantie cijfers).
    with open(cursus.map / "cijfers.csv", encoding="utf-8-sig") as f:
        rijen = {r["student_id"]: r for r in csv.DictReader(f)}
    assert set(rijen) == set(SCENARIO)
    for student, scenario in SCENARIO.items():
        rij = rijen[student]
        verwacht = sum(scenario.punten.values()) + (HANDMATIG if student == VIA_LEEROMGEVING else 0)
        assert (float(rij[OPDRACHT]), float(rij["totaal"])) == (verwacht, verwacht), student
        assert rij["achternaam"] == student.title()  # from studenten.csv


@pytest.mark.nbgrader
def test_opnieuw_nakijken_na_nieuwe_punten_houdt_handmatige_punten(tmp_path):
    """The instructor's guide (issue 20): a class graded with the old points of the rating
    question is regraded with the new ones after `werkalliantie klaarzetten` and
    `werkalliantie nakijken --opnieuw`; the manual grade stays. Skipping the first step
    fails loudly, never with silently wrong points."""
    from nbgrader.api import Gradebook

    oud = {"doelen": 2, "taken": 2, "band": 2, "zwakste": 1, "bewijs": 2}  # before issue 20
    map_ = nieuwe_cursusmap(tmp_path / "cursus")

    def draai(*commando: str) -> subprocess.CompletedProcess:
        return subprocess.run(commando, cwd=map_, env=omgeving(), capture_output=True,
                              text=True, timeout=600)

    def stand() -> dict[str, tuple]:
        with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
            inlevering = gb.find_submission(OPDRACHT, "s1")
            return {g.name: (g.score, g.max_score, g.manual_score)
                    for nb in inlevering.notebooks for g in nb.grades}

    nb = bronnotebook(alle_opdrachten()[OPDRACHT])
    for cel in nb.cells:
        onderdeel = cel.metadata["nbgrader"]["grade_id"].removeprefix(f"toets-{VRAAG}-")
        if onderdeel in oud:
            cel.metadata["nbgrader"]["points"] = oud[onderdeel]
    (map_ / "source" / OPDRACHT).mkdir(parents=True)
    nbformat.write(nb, map_ / "source" / OPDRACHT / f"{OPDRACHT}.ipynb")
    for commando in (("nbgrader", "generate_assignment", OPDRACHT, "--force"),
                     ("nbgrader", "db", "student", "add", "s1", "--first-name=S", "--last-name=Een")):
        assert draai(*commando).returncode == 0
    inlevering = map_ / "submitted" / "s1" / OPDRACHT
    inlevering.mkdir(parents=True)
    vrijgegeven = _vrijgegeven(map_)
    for cel in vrijgegeven.cells:
        if cel.metadata.get("nbgrader", {}).get("grade_id") == OPEN_VRAAG:
            cel.source = OPEN_ANTWOORD
    nbformat.write(vrijgegeven, inlevering / f"{OPDRACHT}.ipynb")
    Antwoordenbestand(inlevering).bewaar(VRAAG, GOED)

    # New records, old gradebook: the hidden tests give more than the cells allow.
    assert "Niet gelukt" in draai("werkalliantie", "nakijken", OPDRACHT).stdout
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        cijfer = gb.find_grade(OPEN_VRAAG, OPDRACHT, OPDRACHT, "s1")
        cijfer.manual_score = HANDMATIG
        gb.db.commit()

    assert draai("werkalliantie", "klaarzetten", OPDRACHT).returncode == 0
    klaar = draai("werkalliantie", "nakijken", OPDRACHT, "--opnieuw")
    assert klaar.returncode == 0 and "Niet gelukt" not in klaar.stdout, klaar.stdout[-3000:]
    na = stand()
    assert {naam: na[naam][:2] for naam in TOETSCELLEN} == {
        PUNTEN[d]: (p, p) for d, p in MAX.items()}
    assert na[OPEN_VRAAG][2] == HANDMATIG
