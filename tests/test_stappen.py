"""The whole graded course, as the instructor's guide tells it, for a simulated class.

The run is the shared class of the tests (tests/klasrun.py): one temporary course folder
through every step of ``STAPPEN`` (the guide's steps) with the real commands, including the
JupyterHub's exchange steps and ``werkalliantie nakijken``. On the guide's assignment:

- 12 students from ``werkalliantie klas 12``, covering every kind of bad submission
  (``klasmodule.SCENARIOS``), handed in through nbgrader's exchange and collected;
- 2 students whose right answers (``werkalliantie modelantwoord``) come from a Brightspace
  download through ``nbgrader zip_collect``.

The due date lies before every submission: the course's late-penalty choice ("none")
keeps the points. Then: manual grades as the formgrader saves them, feedback, feedback
through the exchange, the grade export, and a regrade after a corrected key that keeps
every manual grade. A copy taken before grading is graded with plain ``nbgrader
autograde``: the gradebooks must agree cell by cell.
"""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import omgeving
from klasrun import AANTAL, BRIGHTSPACE, HANDMATIG, VOORBEELDROLLEN, VOORBEELDSTUDENTEN
from klasrun import cijfers as _cijfers

from werkalliantie.begeleiden.nakijken import klas as klasmodule
from werkalliantie.begeleiden.nakijken.stappen import OPDRACHT, STAPPEN

pytestmark = pytest.mark.nbgrader


@pytest.fixture(scope="module")
def levensloop(klas):
    return klas


def test_elke_stap_van_de_handleiding_draaide(levensloop):
    assert set(levensloop.uitvoer) >= {s.id for s in STAPPEN if s.commando and not s.interactief}


def test_klas_heeft_elke_soort_inlevering(levensloop):
    assert {levensloop.scenario(s) for s in levensloop.klas} == set(klasmodule.SCENARIOS)


def test_alle_inleveringen_kwamen_binnen_via_uitwisselmap_en_leeromgeving(levensloop):
    ingeleverd = {p.parent.name for p in (levensloop.map / "submitted").glob(f"*/{OPDRACHT}")}
    ingeleverd -= set(VOORBEELDSTUDENTEN)  # handed in by hand (tests/klasrun.py)
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


def _rijen(map_: Path, opdracht: str) -> dict[str, str]:
    """Per student, the text of its row(s) in the one grading report (nakijkrapport.md)."""
    tekst = (map_ / "nakijkrapport.md").read_text(encoding="utf-8")
    deel = tekst.split(f"## {opdracht}\n", 1)[1].split("\n## ", 1)[0]
    rijen: dict[str, str] = {}
    for student, regel in re.findall(r"^\| (\S+) \| [^|]+ \| (.*) \|$", deel, re.M):
        rijen[student] = rijen.get(student, "") + " " + regel
    return rijen


def test_nakijkrapport_noemt_elke_kapotte_inlevering(levensloop):
    """One grading report per run, in Dutch: every student a row, what was wrong in it."""
    per_student = _rijen(levensloop.map, OPDRACHT)
    verwacht = {
        "zonder-antwoordbestand": "Geen antwoordbestand",
        "beschadigd-antwoordbestand": "niet te gebruiken",
        "diep-genest-antwoordbestand": "niet te gebruiken",
        "vergrendelde-cel-aangepast": "vaste (vergrendelde) cel",
        "toetscel-aangepast": "Toetscel aangepast",
        "cel-toegevoegd": "door de student toegevoegd",
    }
    for student in levensloop.klas:
        scenario = levensloop.scenario(student)
        assert student in per_student, student
        if scenario in verwacht:
            assert verwacht[scenario] in per_student[student], (student, scenario)
        elif scenario in ("goed", "deels", "fout", "leeg", "groot-antwoordbestand"):
            assert per_student[student].strip() == "Geen bijzonderheden.", (
                student, scenario, per_student[student])
    assert "NIET nagekeken" not in levensloop.uitvoer["nakijken"].stdout
    totaal = AANTAL + len(BRIGHTSPACE) + len(VOORBEELDROLLEN[OPDRACHT])
    assert f"{totaal} inleveringen nagekeken" in levensloop.uitvoer["nakijken"].stdout
    assert not list(levensloop.map.glob("nakijkverslag-*"))  # no second report


def test_feedback_voor_iedereen_ook_via_de_uitwisselmap(levensloop):
    for student in [*levensloop.klas, *BRIGHTSPACE]:
        html = levensloop.map / "feedback" / student / OPDRACHT / f"{OPDRACHT}.html"
        assert html.is_file(), student
    teruggegeven = list((levensloop.uitwisselmap / "werkalliantie" / "feedback").glob("*.html"))
    assert len(teruggegeven) == AANTAL


def test_feedback_bevat_de_punten_die_met_de_hand_gegeven_zijn(levensloop):
    import html

    from werkalliantie.leren.opgaven.resultaat import getal

    student = next(s for s in levensloop.klas if levensloop.scenario(s) == "goed")
    bron = (levensloop.map / "feedback" / student / OPDRACHT / f"{OPDRACHT}.html").read_text(
        encoding="utf-8")
    bron = re.sub(r"<style>.*?</style>", "", bron, flags=re.S)
    tekst = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", bron)).split())
    # the course's feedback page: per part "<name>: 4 van 4 punten", the grader's comment
    assert f": {getal(HANDMATIG['goed'])} van " in tekst
    assert "Opmerking van je docent: Mooi: je sluit aan bij wat Denise zelf zegt." in tekst


def _wacht(map_: Path, opdracht: str) -> set[str]:
    """The students with an answer of ``opdracht`` still waiting for manual grading."""
    return {s for (s, _), v in _cijfers(map_, opdracht).items()
            if isinstance(v, tuple) and v[1] is None and (v[2] or v[0] is None)}


def test_cijferexport_een_regel_per_student(levensloop):
    with open(levensloop.map / "cijfers.csv", encoding="utf-8-sig", newline="") as f:
        rijen = {r["student_id"]: r for r in csv.DictReader(f)}
    assert set(rijen) >= set(levensloop.klas) | set(BRIGHTSPACE)
    wacht = _wacht(levensloop.map, OPDRACHT)
    assert wacht and wacht != set(levensloop.klas)  # partly graded by hand
    for student, rij in levensloop.klas.items():
        if student in wacht:  # not graded yet: empty, never 0 or the automatic points alone
            assert rijen[student][OPDRACHT] == "" and rijen[student]["totaal"] == "", student
            continue
        auto = sum(rij["opdrachten"][OPDRACHT]["punten"].values())
        handmatig = HANDMATIG.get(rij["opdrachten"][OPDRACHT]["scenario"], 0.0)
        assert float(rijen[student][OPDRACHT]) == auto + handmatig, student
    assert "wachten nog op nakijken met de hand" in levensloop.uitvoer["exporteren"].stdout


KOPPEN = {  # the columns before the assignments; the assignments; the columns after them
    "canvas": (["Student", "ID", "SIS User ID", "SIS Login ID", "Section"], "{}", []),
    "brightspace": (["OrgDefinedId", "Username"], "{} Points Grade", ["End-of-Line Indicator"]),
    "moodle": (["Voornaam", "Achternaam", "ID-nummer", "E-mailadres"], "{}", []),
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
        voor, opdracht, na = KOPPEN[formaat]
        assert lezer.fieldnames[:len(voor)] == voor and lezer.fieldnames[len(lezer.fieldnames) - len(na):] == na
        assert opdracht.format(OPDRACHT) in lezer.fieldnames
        rijen = {r[ID_KOLOM[formaat]]: r for r in lezer}
    with open(levensloop.map / "cijfers.csv", encoding="utf-8-sig", newline="") as f:
        algemeen = {r["student_id"]: r for r in csv.DictReader(f)}
    assert set(rijen) == set(algemeen)
    for student, rij in rijen.items():
        assert rij[PUNTEN_KOLOM[formaat]] == algemeen[student][OPDRACHT], student
    if formaat == "brightspace":
        assert {r["End-of-Line Indicator"] for r in rijen.values()} == {"#"}
    if formaat == "canvas":
        s = klasmodule.studenten(AANTAL)[0]
        assert rijen[s.id]["Student"] == f"{s.achternaam}, {s.voornaam}"
        assert rijen[s.id]["ID"] == "48000"  # lms_user_id from the class list


def test_parallel_en_serieel_geven_dezelfde_cijfers(levensloop):
    """Plain `nbgrader autograde` (serial, the course's configuration) on a copy of the
    same class gives the same points, late data and manual-grade flags, cell by cell."""
    serieel = _cijfers(levensloop.kopie_voor_nakijken, OPDRACHT)
    assert serieel == levensloop.cijfers_na_nakijken
    assert len(serieel) >= (AANTAL + len(BRIGHTSPACE)) * 4


@pytest.fixture
def kopie(levensloop, tmp_path):
    """The graded course (its guide's assignment), copied: a test that changes it never
    changes the class other tests read."""
    import shutil

    return shutil.copytree(levensloop.map, tmp_path / "cursus", symlinks=True, ignore=lambda d, n: [
        x for x in n if Path(d).parent.name == "submitted" and x != OPDRACHT])


def test_opnieuw_nakijken_na_verbeterd_antwoordmodel_houdt_handmatige_punten(levensloop, kopie):
    sleutelpad = kopie / "sleutels" / "denise-b.yaml"
    sleutel = yaml.safe_load(sleutelpad.read_text(encoding="utf-8"))
    doelen = ("doelen_eens", "doelen_eigen", "doelen_helder")
    oud = sum(sleutel["beoordelingen"][0]["scores"][i] for i in doelen) / len(doelen)
    for beoordeling in sleutel["beoordelingen"]:  # the corrected key: another band for doelen
        beoordeling["scores"].update(dict.fromkeys(doelen, 5 if oud <= 3 else 1))
    sleutel["zwakste"]["dimensie"] = "band" if oud <= 3 else "doelen"  # follows from the ratings
    sleutelpad.write_text(yaml.safe_dump(sleutel, allow_unicode=True), encoding="utf-8")
    voor = _cijfers(kopie, OPDRACHT)
    klaar = subprocess.run(["werkalliantie", "nakijken", OPDRACHT, "--opnieuw"],
                           cwd=kopie, env=omgeving(), capture_output=True, text=True,
                           timeout=900)
    assert klaar.returncode == 0, klaar.stdout[-3000:] + klaar.stderr[-3000:]
    na = _cijfers(kopie, OPDRACHT)
    handmatig = [k for k, v in voor.items() if isinstance(v, tuple) and v[1] is not None]
    assert len(handmatig) >= 3
    for sleutel_ in handmatig:
        assert na[sleutel_][1] == voor[sleutel_][1], sleutel_  # every manual grade kept
        # nbgrader marks a regraded cell with a manual grade for review (the guide says so)
        assert na[sleutel_][2] is True
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{kopie / 'gradebook.db'}") as gb:
        opmerkingen = [c.manual_comment for s in gb.find_assignment(OPDRACHT).submissions
                       for nb in s.notebooks for c in nb.comments if c.manual_comment]
    assert len(opmerkingen) == len(handmatig)  # the grader's comments are kept too
    # the export counts what really waits (in the whole course): a regraded answer with a
    # manual grade does not
    with Gradebook(f"sqlite:///{kopie / 'gradebook.db'}") as gb:
        alle = [g for a in gb.assignments for s in a.submissions for nb in s.notebooks
                for g in nb.grades]
        wachtend = [g for g in alle
                    if g.manual_score is None and (g.needs_manual_grade or g.auto_score is None)]
        gemarkeerd = [g for g in alle if g.needs_manual_grade]  # what nbgrader flags
    assert len(gemarkeerd) >= len(wachtend) + len(handmatig)  # regraded: flagged, not waiting
    export = subprocess.run(["werkalliantie", "cijfers", "--uit", str(kopie / "na.csv")],
                            cwd=kopie, env=omgeving(), capture_output=True, text=True)
    assert export.returncode == 0, export.stderr
    from werkalliantie.leren.opgaven.getallen import aantal

    assert f"{aantal(len(wachtend), 'antwoord wacht', 'antwoorden wachten')} nog op nakijken" \
        in export.stdout, export.stdout
    goed = [s for s in levensloop.klas if levensloop.scenario(s) == "goed"]
    for student in goed:  # right under the old key, wrong under the corrected one
        assert voor[student, "toets-denise-b-doelen"][0] > 0
        assert na[student, "toets-denise-b-doelen"][0] == 0
        assert na[student, "toets-denise-b-taken"][0] == voor[student, "toets-denise-b-taken"][0]


# --- What the instructor hands out, and what comes back --------------------------------------

def _cellen(nb) -> dict:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells
            if "grade_id" in c.metadata.get("nbgrader", {})}


def _uitvoer(cel) -> str:
    return "".join(o.get("text", "") for o in cel.get("outputs", []) if o.output_type == "stream")


def test_studentversie_zonder_verborgen_toetsen_en_met_nederlandse_stub(levensloop):
    import json

    import nbformat

    nb = nbformat.read(levensloop.map / "release" / OPDRACHT / f"{OPDRACHT}.ipynb", as_version=4)
    tekst = json.dumps(nb)
    assert "HIDDEN TESTS" not in tekst and "punten(" not in tekst
    open_cel = next(c for gid, c in _cellen(nb).items() if gid.startswith("antwoord-"))
    assert open_cel.source == "Schrijf hier je antwoord. Dubbelklik op deze cel om te typen."
    assert not list((levensloop.map / "release").rglob("antwoorden*.json"))


def test_zip_collect_haalt_notebook_en_antwoordbestand_op(levensloop):
    for student in BRIGHTSPACE:
        map_ = levensloop.map / "submitted" / student / OPDRACHT
        assert {p.name for p in map_.iterdir()} >= {f"{OPDRACHT}.ipynb", "antwoorden.json"}


def test_toetscellen_geven_hun_punten_zonder_stderr_en_zonder_sleutel(levensloop):
    import nbformat

    for student, rij in levensloop.klas.items():
        verwacht = rij["opdrachten"][OPDRACHT]["punten"]
        nb = nbformat.read(levensloop.autograded(student, OPDRACHT) / f"{OPDRACHT}.ipynb",
                           as_version=4)
        cellen = _cellen(nb)
        for naam, punten in verwacht.items():
            uitvoer = cellen[naam].outputs
            assert not [o for o in uitvoer if o.output_type == "error"
                        or o.get("name") == "stderr"], (student, naam)
            assert [o.data["text/plain"] for o in uitvoer if o.output_type == "execute_result"
                    ] == [repr(float(punten))], (student, naam)
            assert "antwoordmodel geeft" not in _uitvoer(cellen[naam])


def test_aangepaste_vergrendelde_cel_wordt_gemeld_en_teruggezet(levensloop):
    """Autograde rebuilds each notebook from the gradebook's cells and reports every locked
    cell a student changed: in nakijkrapport.md, the nbgrader log and the summary of
    `werkalliantie nakijken`; the cell runs as released, so the edit saved nothing."""
    import nbformat

    from werkalliantie.begeleiden.nakijken import rapport
    from werkalliantie.leren.antwoorden import Antwoordenbestand

    student = next(s for s in levensloop.klas if levensloop.scenario(s) == "vergrendelde-cel-aangepast")
    gemeld = {s for s, notebooks in rapport.meldingen(levensloop.map).get(OPDRACHT, {}).items()
              for stappen in notebooks.values()
              for regel in stappen.get("controle", {}).get("regels", [])
              if "vaste (vergrendelde) cel" in regel}
    assert student in gemeld
    assert student in (levensloop.map / "nakijkrapport.md").read_text(encoding="utf-8")
    assert "1 vaste (vergrendelde) cel aangepast" in (levensloop.map / "nbgrader.log").read_text(
        encoding="utf-8")
    assert "vaste (vergrendelde) cel" in _rijen(levensloop.map, OPDRACHT)[student]
    vrij = nbformat.read(levensloop.map / "release" / OPDRACHT / f"{OPDRACHT}.ipynb", as_version=4)
    nagekeken = nbformat.read(levensloop.autograded(student, OPDRACHT) / f"{OPDRACHT}.ipynb",
                              as_version=4)
    widget = next(g for g in _cellen(vrij) if g.startswith("opgave-"))
    assert _cellen(nagekeken)[widget].source == _cellen(vrij)[widget].source
    ingeleverd = Antwoordenbestand(levensloop.map / "submitted" / student / OPDRACHT).lees()
    assert Antwoordenbestand(levensloop.autograded(student, OPDRACHT)).lees().antwoorden == (
        ingeleverd.antwoorden)


@pytest.mark.parametrize("map_", ["release", "feedback"])
def test_geen_sleuteltekst_in_release_en_feedback(levensloop, map_):
    import html

    from conftest import sleutelteksten, uit_de_sleutel

    teksten = sleutelteksten(levensloop.map / "sleutels", [OPDRACHT])
    bestanden = [p for p in (levensloop.map / map_).rglob("*") if p.is_file()
                 and OPDRACHT in p.parts]
    assert bestanden
    for pad in bestanden:
        schoon = " ".join(html.unescape(pad.read_text(encoding="utf-8", errors="replace")).split())
        gevonden = uit_de_sleutel(schoon, teksten)
        if gevonden and map_ == "feedback":  # what the student wrote may be a key's example
            ingeleverd = levensloop.map / "submitted" / pad.parts[-3] / OPDRACHT / pad.with_suffix(".ipynb").name
            eigen = " ".join(ingeleverd.read_text(encoding="utf-8").replace("\\n", " ").split())
            gevonden = [stuk for stuk in gevonden if stuk not in eigen]
        assert not gevonden, (pad, gevonden[:3])


def test_feedback_toont_antwoord_punten_en_uitleg(levensloop):
    import html

    student = next(s for s in levensloop.klas if levensloop.scenario(s) == "goed")
    pad = levensloop.map / "feedback" / student / OPDRACHT / f"{OPDRACHT}.html"
    tekst = " ".join(html.unescape(pad.read_text(encoding="utf-8")).split())
    assert "Je opgeslagen antwoord" in tekst  # the summary printed by the widget cell
    assert "je krijgt" in tekst and "punten" in tekst  # each part's points, in Dutch
