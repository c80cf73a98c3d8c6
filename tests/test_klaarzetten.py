"""The graded Denise assignment's parts that need no nbgrader run (issues 3 and 9): the
source notebook made from the records, where the keys are, and the hidden tests' entry
point. The assignment through the real commands is tests/test_stappen.py (the shared
class of the tests, tests/klasrun.py).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess

import nbformat
import pytest
from conftest import ROOT, omgeving, sleutelteksten, uit_de_sleutel

from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.begeleiden.nakijken import sleutels, toets
from werkalliantie.begeleiden.nakijken.klaarzetten import bronnotebook, nieuwe_cursusmap
from werkalliantie.leren.opgaven.model import alle_opdrachten
from werkalliantie.begeleiden.nakijken.stappen import OPDRACHT
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
PUNTEN = {d: f"toets-denise-b-{d}" for d in ("doelen", "taken", "band", "zwakste", "bewijs")}
MAX = {"doelen": 1.0, "taken": 1.0, "band": 1.0, "zwakste": 3.0, "bewijs": 3.0}
OPEN_ANTWOORD = ("Denise, ik heb nog eens nagedacht over wat je zei: het plan voelt niet "
                 "als jouw plan. Wat vind jij nu het belangrijkste? Jij beslist mee.")


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


def _geen_sleutelinhoud(tekst: str, waar: str) -> None:
    """The graded key's rationale texts (and its file name) must not appear in ``tekst``."""
    schoon = " ".join(html.unescape(tekst).split())
    assert SLEUTEL.name not in schoon, waar
    gevonden = uit_de_sleutel(schoon, sleutelteksten(CURSUS / "sleutels", [OPDRACHT]))
    assert not gevonden, f"{waar} bevat uit het antwoordmodel: {gevonden[:3]!r}"


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
    vrijgegeven = nbformat.read(map_ / "release" / OPDRACHT / f"{OPDRACHT}.ipynb", as_version=4)
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
