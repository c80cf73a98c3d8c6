"""Every assignment of the course through the real nbgrader commands, in ONE plain
``nbgrader autograde "*"`` (the shared class of the tests, tests/klasrun.py).

Per assignment one to three example students hand in the answer files every kind makes of
its own questions (``voorbeelden()``: ``goed``, ``fout`` of the right shape, ``ongeldig``),
every kind each of its three at least once (klasrun.voorbeeldrollen), and a written answer to
every open question. The gradebook must hold, cell by cell, exactly what
the course's pure rules give those answers: the hidden tests grade with the same
functions, with keys the grader validated and handed over as plain data (the kernels of
this run cannot import pydantic or yaml: tests/kernelblokkade).
"""

from __future__ import annotations

import json

import nbformat
import pytest
from conftest import sleutelteksten, uit_de_sleutel
from klasrun import VOORBEELDEN, VOORBEELDROLLEN, voorbeeldstudent

from werkalliantie.leren import opgaven
from werkalliantie.leren.opgaven import laad_opgave
from werkalliantie.leren.opgaven.model import alle_opdrachten

pytestmark = pytest.mark.nbgrader

OPDRACHTEN = list(alle_opdrachten())


def _toetscellen(opdracht: str) -> dict[str, float]:
    """The hidden test cells of an assignment (grade id: points), from the records."""
    cellen = {}
    for vraag in alle_opdrachten()[opdracht].opgaven:
        o = laad_opgave(vraag)
        for deel in opgaven.onderdelen(o):
            if not deel.handmatig:
                cellen[f"toets-{vraag}-{deel.id}"] = o.punten[deel.id]
    return cellen


def _open_cellen(opdracht: str) -> list[str]:
    return [f"antwoord-{v}" for v in alle_opdrachten()[opdracht].opgaven
            if all(d.handmatig for d in opgaven.onderdelen(laad_opgave(v)))]


def _cijfers(klas, opdracht: str, student: str) -> dict:
    from nbgrader.api import Gradebook

    with Gradebook(klas.db_url) as gb:
        nb = gb.find_submission_notebook(opdracht, opdracht, student)
        return {g.name: (g.auto_score, g.max_score, g.needs_manual_grade) for g in nb.grades}


def _uitvoer(klas, opdracht: str, student: str) -> dict[str, list]:
    nb = nbformat.read(klas.autograded(student, opdracht) / f"{opdracht}.ipynb", as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.get("outputs", []) for c in nb.cells
            if "grade_id" in c.metadata.get("nbgrader", {})}


# Who handed in what: (assignment, example student, {question: example}).
INLEVERINGEN = [(opdracht, voorbeeldstudent(n), rollen)
                for opdracht, studenten in VOORBEELDROLLEN.items()
                for n, rollen in enumerate(studenten, 1)]
SOORTEN = sorted({laad_opgave(v).soort for _, _, rollen in INLEVERINGEN for v in rollen})


@pytest.mark.parametrize("opdracht, student", [(o, s) for o, s, _ in INLEVERINGEN])
def test_de_punten_zijn_wat_de_regels_zeggen(klas, opdracht, student):
    cijfers = _cijfers(klas, opdracht, student)
    verwacht = klas.verwacht[opdracht][student]
    assert set(verwacht) == set(_toetscellen(opdracht)), opdracht
    assert {n: cijfers[n][0] for n in verwacht} == verwacht
    for naam in _open_cellen(opdracht):  # a written open answer waits for a grader
        assert cijfers[naam][2] is True


def test_elke_nagekeken_soort_leverde_alle_drie_voorbeelden_in():
    """Every kind of automatically graded question hands in its right, wrong and invalid
    example somewhere in the run: no kind is graded by nbgrader on one example only."""
    per_soort: dict[str, set[str]] = {}
    for opdracht in OPDRACHTEN:
        for vraag in alle_opdrachten()[opdracht].opgaven:
            o = laad_opgave(vraag)
            if not all(d.handmatig for d in opgaven.onderdelen(o)):
                per_soort.setdefault(o.soort, set())
    for _, _, rollen in INLEVERINGEN:
        for vraag, voorbeeld in rollen.items():
            per_soort[laad_opgave(vraag).soort].add(voorbeeld)
    assert per_soort and all(v == set(VOORBEELDEN) for v in per_soort.values()), per_soort
    assert {o for o, _, _ in INLEVERINGEN} == set(OPDRACHTEN)  # every assignment is graded


@pytest.mark.parametrize("soort", SOORTEN)
def test_goed_alles_fout_minder_ongeldig_niets(klas, soort):
    """Each kind's examples are what they say, wherever they were handed in: the right one
    earns every automatic point, the wrong one less on every part, the invalid one nothing
    (with a Dutch message)."""
    maximum = {o: _toetscellen(o) for o in OPDRACHTEN}
    for opdracht, student, rollen in INLEVERINGEN:
        punten = klas.verwacht[opdracht][student]
        uitvoer = _uitvoer(klas, opdracht, student)
        for vraag, voorbeeld in rollen.items():
            if laad_opgave(vraag).soort != soort:
                continue
            cellen = [n for n in maximum[opdracht] if n.startswith(f"toets-{vraag}-")]
            assert cellen, (opdracht, vraag)
            for naam in cellen:
                plek = (opdracht, student, naam)
                if voorbeeld == "goed":
                    assert punten[naam] == maximum[opdracht][naam], plek
                elif voorbeeld == "fout":
                    assert punten[naam] < maximum[opdracht][naam], plek
                else:
                    assert punten[naam] == 0, plek
                    assert not [o for o in uitvoer[naam]
                                if o.output_type == "error" or o.get("name") == "stderr"], plek
                    tekst = "".join(o.get("text", "") for o in uitvoer[naam]
                                    if o.output_type == "stream")
                    assert "je krijgt 0 van" in tekst, (plek, tekst)


def test_geen_nakijkkernel_importeerde_pydantic_of_yaml(klas):
    """The grader validates the keys; the kernels get them as plain data (issue 18)."""
    log = klas.map.parent / "blokkade.log"
    assert not log.exists(), log.read_text(encoding="utf-8")
    assert (klas.map / ".sleutels.json").is_file()


def test_toetsuitvoer_bevat_geen_sleutel(klas):
    """No hidden test prints a text from a graded key (rationales, examples, the right
    choice's explanation), for any student."""
    teksten = sleutelteksten(klas.map / "sleutels", OPDRACHTEN)
    for opdracht, student, _ in INLEVERINGEN:
        uit = " ".join(" ".join(json.dumps(o, ensure_ascii=False) for o in v)
                       for n, v in _uitvoer(klas, opdracht, student).items()
                       if n.startswith("toets-"))
        assert not uit_de_sleutel(uit, teksten), (opdracht, student)
