"""Grading that no submission can cheat or stop (issue 9, points 4-6).

The corpus of cheating and broken submissions (tests/nakijkcorpus.py) is handed in on one
assignment of the shared class of the tests (tests/klasrun.py), whose keys carry canaries,
and graded in its ONE plain ``nbgrader autograde "*"``, with ``generate_feedback`` and the
export after it. Then: the scores in the gradebook, the files in every folder, the Dutch
report, and two pages in headless Chromium (the feedback page and the formgrader's view of
a submission whose answer holds scripts).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from conftest import BIN, omgeving
from klasrun import CORPUSOPDRACHT
from nakijkcorpus import INLEVERINGEN, KANARIE, TOEGEVOEGD, VALSSPEELCELLEN, Corpusrun, export

from werkalliantie.begeleiden.nakijken.inlevering import NIET_NAGEKEKEN

pytestmark = pytest.mark.nbgrader

SLECHT = [s for s in INLEVERINGEN if not s.startswith(("a-", "z-"))]


@pytest.fixture(scope="module")
def corpus(klas) -> Corpusrun:
    return Corpusrun.uit(klas.map, CORPUSOPDRACHT, INLEVERINGEN)


def _max(run) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{run.map / 'gradebook.db'}") as gb:
        nb = gb.find_notebook(run.notebook, run.opdracht)
        return {c.name: float(c.max_score) for c in nb.grade_cells}


def _autograded(run, student) -> Path:
    return run.map / "autograded" / student / run.opdracht


def _nb(run, student) -> nbformat.NotebookNode:
    return nbformat.read(_autograded(run, student) / f"{run.notebook}.ipynb", as_version=4)


# --- The run completes and everyone is graded --------------------------------------------

def test_de_run_is_afgerond_en_iedereen_is_nagekeken(corpus):
    cijfers = corpus.cijfers()
    assert set(cijfers) == set(corpus.inleveringen)
    for student in corpus.inleveringen:
        assert (_autograded(corpus, student) / f"{corpus.notebook}.ipynb").is_file(), student
        assert all(cijfers[student][c][0] is not None for c in corpus.automatisch), student
    assert set(export(corpus)) >= set(corpus.inleveringen)


def test_eerlijk_goed_krijgt_alle_automatische_punten_ook_na_de_saboteur(corpus):
    cijfers, maximum = corpus.cijfers(), _max(corpus)
    assert corpus.automatisch
    for student in ("a-eerlijk-goed", "z-eerlijk-goed-na-sabotage"):
        assert {c: cijfers[student][c][0] for c in corpus.automatisch} == {
            c: maximum[c] for c in corpus.automatisch}, student


@pytest.mark.parametrize("student", [s for s in INLEVERINGEN if s != "a-eerlijk-goed"])
def test_elke_inlevering_scoort_precies_wat_haar_antwoordbestand_scoort(corpus, student):
    cijfers = corpus.cijfers()
    basis = corpus.basis(student)
    assert {c: cijfers[student][c][0] for c in corpus.automatisch} == {
        c: cijfers[basis][c][0] for c in corpus.automatisch}, (student, basis)


def test_geen_open_antwoord_verdwijnt_van_de_lijst_ook_niet_als_het_dicht_gaat(corpus):
    from test_inlevering import _open_antwoorden_van_de_lijst

    assert _open_antwoorden_van_de_lijst(corpus.map, corpus.opdracht, corpus.inleveringen) == []


def test_het_cijferboek_schrijven_alleen_de_nakijkprogrammas(corpus):
    cijfers = corpus.cijfers()
    assert all(handmatig is None for per_cel in cijfers.values()
               for _, handmatig in per_cel.values())


# --- No key anywhere ---------------------------------------------------------------------

def test_geen_kanarie_in_release_autograded_feedback_export_of_rapport(corpus):
    bestanden = [corpus.map / "cijfers.csv", corpus.map / "nakijkrapport.md",
                 corpus.map / "nbgrader.log"]
    for map_ in ("release", "autograded", "feedback"):
        bestanden += [p for p in (corpus.map / map_).rglob("*") if p.is_file()]
    assert len(bestanden) > 3 * len(corpus.inleveringen)
    for pad in bestanden:
        assert KANARIE.encode() not in pad.read_bytes(), pad


# --- Files: an allow-list ----------------------------------------------------------------

def test_autograded_bevat_alleen_notebooks_en_antwoordbestanden(corpus):
    toegestaan = {f"{corpus.notebook}.ipynb", "antwoorden.json", "antwoorden.vorige.json"}
    for student in corpus.inleveringen:
        for pad in _autograded(corpus, student).rglob("*"):
            assert pad.name in toegestaan and pad.parent == _autograded(corpus, student), pad
            assert pad.is_file() and not pad.is_symlink(), pad
    code = _autograded(corpus, "c-code-bestanden")
    assert sorted(p.name for p in code.iterdir()) == ["antwoorden.json",
                                                     f"{corpus.notebook}.ipynb"]
    assert not (_autograded(corpus, "c-symlink-naar-sleutel") / "antwoorden.json").exists()
    assert not (_autograded(corpus, "d-100-mb") / "antwoorden.json").exists()


def test_feedback_bevat_alleen_de_feedbackpaginas(corpus):
    for student in corpus.inleveringen:
        map_ = corpus.map / "feedback" / student / corpus.opdracht
        assert sorted(p.name for p in map_.rglob("*")) == [f"{corpus.notebook}.html"], student


def test_antwoordbestanden_van_anderen_zijn_onaangeroerd(corpus):
    goed = (corpus.map.parent / "corpusbouw" / "goed" / "antwoorden.json").read_bytes()
    for student in ("a-eerlijk-goed", "z-eerlijk-goed-na-sabotage"):
        for map_ in ("submitted", "autograded"):
            assert (corpus.map / map_ / student / corpus.opdracht / "antwoorden.json"
                    ).read_bytes() == goed, (student, map_)


# --- Cells: only the course's run; the student's stay visible ----------------------------

def _cursuscode(run) -> dict[str, str]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{run.map / 'gradebook.db'}") as gb:
        return {c.name: c.source for c in gb.find_notebook(run.notebook, run.opdracht).source_cells
                if c.cell_type == "code"}


@pytest.mark.parametrize("student", SLECHT)
def test_alleen_cellen_van_de_opdracht_zijn_uitgevoerd(corpus, student):
    cursus = _cursuscode(corpus)
    code = [c for c in _nb(corpus, student).cells if c.cell_type == "code"]
    assert [c.metadata["nbgrader"]["grade_id"] for c in code] == list(cursus)
    for cel in code:
        assert cel.source == cursus[cel.metadata["nbgrader"]["grade_id"]]
    for cel in _nb(corpus, student).cells:
        assert cel.cell_type in ("code", "markdown")


@pytest.mark.parametrize("student", list(VALSSPEELCELLEN))
def test_toegevoegde_cellen_blijven_zichtbaar_gemarkeerd(corpus, student):
    notities = [c.source for c in _nb(corpus, student).cells
                if c.cell_type == "markdown" and TOEGEVOEGD in c.source]
    eerste_regel = VALSSPEELCELLEN[student].strip().splitlines()[-1].strip()
    assert any(eerste_regel.replace("'", "&#x27;").replace('"', "&quot;") in n
               or eerste_regel in n for n in notities), notities


def test_rapport_noemt_elke_slechte_inlevering_met_reden(corpus):
    from werkalliantie.begeleiden.nakijken import rapport

    gemeld = rapport.meldingen(corpus.map)[corpus.opdracht]
    zonder_melding_mogelijk = {"d-verkeerde-types"}  # valid JSON of the right schema
    for student in SLECHT:
        if student in zonder_melding_mogelijk:
            continue
        assert gemeld.get(student), student
        pagina = (corpus.map / "feedback" / student / corpus.opdracht /
                  f"{corpus.notebook}.html").read_text(encoding="utf-8")
        assert "Let op bij het nakijken van deze inlevering" in pagina, student
    for student in ("a-eerlijk-goed", "z-eerlijk-goed-na-sabotage"):
        assert not any(st.get("regels") for nb in gemeld.get(student, {}).values()
                       for st in nb.values()), student
    tekst = (corpus.map / "nakijkrapport.md").read_text(encoding="utf-8")
    assert "# Nakijkrapport" in tekst and "c-schema-versie" in tekst
    assert "<script" not in tekst


# --- Student text is inert as HTML ---------------------------------------------------------

def _feedbackpagina(run, student="c-opmaak-met-script") -> Path:
    return run.map / "feedback" / student / run.opdracht / f"{run.notebook}.html"


def test_feedbackpagina_bevat_geen_uitvoerbare_studenttekst(corpus):
    pagina = _feedbackpagina(corpus).read_text(encoding="utf-8")
    assert "Mijn antwoord aan Denise." in pagina  # the answer is shown ...
    for gevaar in ("<script>window.__pwned", "onerror=", 'href="javascript:', "<iframe",
                   "<svg", 'id="__pwned"', "/api/contents/gehackt"):
        assert gevaar not in _zonder_pre(pagina), gevaar  # ... but nothing of it can run


def _zonder_pre(pagina: str) -> str:
    """The page without the escaped text in <pre> blocks (shown, never parsed as HTML)."""
    return re.sub(r"<pre[^>]*>.*?</pre>", "", pagina, flags=re.S)


@pytest.mark.browser
def test_feedbackpagina_voert_geen_script_uit_in_chromium(corpus, pagina):
    pagina.goto(_feedbackpagina(corpus).as_uri())
    pagina.wait_for_load_state("load")
    pagina.wait_for_timeout(500)
    assert pagina.evaluate("typeof window.__pwned") == "undefined"
    assert pagina.evaluate(
        "document.querySelectorAll('a[href^=\"javascript\" i], iframe, svg, embed, "
        "object').length") == 0
    assert "Mijn antwoord aan Denise." in pagina.inner_text("body")
    assert TOEGEVOEGD in pagina.inner_text("body")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def formgrader(corpus, tmp_path):
    """A Jupyter server with the formgrader on 127.0.0.1, started in the course folder."""
    poort, token = _vrije_poort(), secrets.token_hex(16)
    env = omgeving()
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "config")  # no personal settings
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")
    proces = subprocess.Popen(
        [str(BIN / "jupyter"), "server", "--no-browser", "--allow-root",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={poort}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={corpus.map}"],
        cwd=corpus.map, env=env, stdout=subprocess.DEVNULL, stderr=open(
            tmp_path / "server.log", "w"))
    url = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("De server start niet:\n" + (tmp_path / "server.log").read_text())
        yield url, token
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proces.kill()


@pytest.mark.browser
def test_formgrader_toont_het_antwoord_zonder_script_uit_te_voeren(corpus, formgrader, pagina):
    from nbgrader.api import Gradebook

    url, token = formgrader
    with Gradebook(f"sqlite:///{corpus.map / 'gradebook.db'}") as gb:
        inzending = gb.find_submission_notebook(corpus.notebook, corpus.opdracht,
                                                "c-opmaak-met-script").id
    antwoord = pagina.goto(f"{url}/formgrader/submissions/{inzending}/?token={token}")
    assert antwoord.status == 200
    pagina.wait_for_load_state("load")
    pagina.wait_for_timeout(1500)  # time for any script to run and any request to land
    assert "Mijn antwoord aan Denise." in pagina.inner_text("body")
    assert TOEGEVOEGD in pagina.inner_text("body")
    assert pagina.evaluate("typeof window.__pwned") == "undefined"
    assert pagina.evaluate(
        "document.querySelectorAll('.text_cell_render a[href^=\"javascript\" i], "
        ".text_cell_render iframe, .text_cell_render svg').length") == 0
    assert not (corpus.map / "gehackt.txt").exists()


def test_autograde_via_de_formgrader_gebruikt_dezelfde_controle(corpus, formgrader):
    # The formgrader's autograde button (its REST call), for the cheat with every trick.
    url, token = formgrader
    vraag = urllib.request.Request(
        f"{url}/formgrader/api/submission/{corpus.opdracht}/c-alles-samen/autograde",
        data=b"", method="POST", headers={"Authorization": f"token {token}"})
    uitkomst = json.loads(urllib.request.urlopen(vraag, timeout=300).read())
    assert uitkomst["success"], uitkomst.get("error")
    cijfers = corpus.cijfers()
    assert {c: cijfers["c-alles-samen"][c][0] for c in corpus.automatisch} == {
        c: cijfers["a-eerlijk-fout"][c][0] for c in corpus.automatisch}
    code = [c for c in _nb(corpus, "c-alles-samen").cells if c.cell_type == "code"]
    assert [c.metadata["nbgrader"]["grade_id"] for c in code] == list(_cursuscode(corpus))
    assert not (corpus.map / "gehackt.txt").exists()
    assert os.listdir(_autograded(corpus, "c-alles-samen")) and KANARIE.encode() not in b"".join(
        p.read_bytes() for p in _autograded(corpus, "c-alles-samen").iterdir())


def test_zonder_de_eerste_controle_faalt_het_nakijken_dicht(corpus):
    # As if nbgrader_config.py lacked ControleerInlevering: nbgrader's own sanitising only.
    # The gatekeeper before Execute then runs nothing of the student's and gives 0 for
    # every automatic item (an honest right submission too): never graded as if it passed.
    # Runs last: it grades two students again, and restores them afterwards.
    studenten = ["a-eerlijk-goed", "c-invoertransformator"]
    eigen = [f"--Autograde.sanitize_preprocessors=nbgrader.preprocessors.{naam}" for naam in
             ("ClearOutput", "DeduplicateIds", "OverwriteKernelspec", "OverwriteCells",
              "CheckCellMetadata")]
    uitsluiten = ",".join(s for s in corpus.inleveringen if s not in studenten)

    def autograde(*extra):
        klaar = subprocess.run(
            ["nbgrader", "autograde", corpus.opdracht, "--force",
             f"--CourseDirectory.student_id_exclude={uitsluiten}", *extra],
            cwd=corpus.map, env=omgeving(), capture_output=True, text=True, timeout=600)
        assert klaar.returncode == 0, klaar.stderr[-4000:]

    voor = corpus.cijfers()
    try:
        autograde(*eigen)
        cijfers = corpus.cijfers()
        for student in studenten:
            assert all(cijfers[student][c][0] == 0 for c in corpus.automatisch), student
            code = [c for c in _nb(corpus, student).cells if c.cell_type == "code"]
            assert all(c.source in ("", f"raise RuntimeError({NIET_NAGEKEKEN!r})")
                       for c in code), student
            assert "de controle van de inlevering is niet uitgevoerd" in json.dumps(
                rapport_meldingen(corpus)[student])
    finally:
        autograde()
    assert corpus.cijfers() == voor


def rapport_meldingen(run) -> dict:
    from werkalliantie.begeleiden.nakijken import rapport

    return rapport.meldingen(run.map)[run.opdracht]
