"""The learner's feedback page (issue 19, item 4), made by nbgrader's generate_feedback with
the course's template: per part its Dutch name, points and the kind's feedback text, the
open answer escaped; no code, no widget repr, no English labels of nbgrader, no request to
another host, and nothing serious for axe.

The pages are those of the hostile class (``lmsklas``), partly graded by hand.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import pytest

import lmscorpus
from werkalliantie.begeleiden.nakijken.feedback import gegevens

pytestmark = pytest.mark.nbgrader

# nbgrader's own labels in its feedback template, and what a widget or a code cell leaves
ENGELS = ("Test cell", "Student's answer", "Written response", "Coding free-response",
          "Grade cell", "Late submission penalty", "Comments:", "Score:", "(Top)", "Task")
CODE = ("opgave(", "punten(", "import ", "Opgavewidget(", "children=", "BEGIN HIDDEN",
        "input_area", "code_cell", "jp-CodeCell", "highlight")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ERNSTIG = ("serious", "critical")


def _pagina(lmsklas, student: str) -> Path:
    return (lmsklas.nagekeken / "feedback" / student / lmscorpus.OPDRACHT
            / f"{lmscorpus.OPDRACHT}.html")


def _tekst(pad: Path) -> str:
    """What a reader sees: the page without its tags and style, entities read."""
    bron = re.sub(r"<style>.*?</style>", "", pad.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", bron)).split())


def test_voor_iedereen_een_pagina(lmsklas):
    assert lmsklas.nakijken["feedback"]["returncode"] == 0, lmsklas.nakijken["feedback"]["stderr"][-3000:]
    for student in [*lmscorpus.EERLIJK, "aanvaller-a", "aanvaller-b"]:
        assert _pagina(lmsklas, student).is_file(), student


@pytest.mark.parametrize("student", ["eerlijk-01", "eerlijk-04", "aanvaller-a", "aanvaller-b"])
def test_geen_code_geen_widget_geen_engels(lmsklas, student):
    pagina = _pagina(lmsklas, student).read_text(encoding="utf-8")
    for woord in ENGELS + CODE:
        assert woord not in pagina, (student, woord)
    assert '<html lang="nl">' in pagina
    assert "<script" not in pagina and "mathjax" not in pagina.lower()
    assert not re.search(r"(src|href)=\"(https?:)?//", pagina)


def test_per_onderdeel_naam_punten_en_uitleg_en_het_open_antwoord(lmsklas):
    tekst = _tekst(_pagina(lmsklas, "eerlijk-01"))
    assert "Feedback: De juiste match" in tekst
    assert "Je keuze: 2 van 2 punten" in tekst and "Je keuze is goed." in tekst
    assert "Antwoord 1:" in tekst  # the open answer, as the student wrote it
    assert "3 van 3 punten" in tekst  # graded by hand
    assert "Opmerking van je docent" in tekst and "<b>Let op</b>" in tekst  # shown as typed
    assert "&lt;b&gt;Let op" in _pagina(lmsklas, "eerlijk-01").read_text(encoding="utf-8")


def test_een_open_antwoord_dat_nog_wacht_heeft_nog_geen_punten(lmsklas):
    tekst = _tekst(_pagina(lmsklas, "eerlijk-09"))
    assert "nog niet nagekeken" in tekst and "nog niet alles nagekeken" in tekst


def test_studenttekst_is_geescaped_en_slechte_tekens_zijn_fffd(lmsklas):
    pagina = _pagina(lmsklas, "aanvaller-b").read_text(encoding="utf-8")
    assert "Mijn antwoord met een half teken \ufffd en verder" in pagina
    assert "Let op bij het nakijken van deze inlevering" in pagina
    assert "Door de student toegevoegd — niet uitgevoerd" in pagina


def test_gegevens_van_een_onbekende_opdracht_zonder_code():
    nb = {"cells": [{"cell_type": "code", "source": "import os", "outputs": [
        {"output_type": "stream", "name": "stdout", "text": "<b>goed</b>\n"}],
        "metadata": {"nbgrader": {"grade": True, "grade_id": "t1", "points": 2, "score": 1}}}],
        "metadata": {}}
    data = gegevens(nb, {"nbgrader": {"assignment": "eigen-opdracht", "student": "s1",
                                      "score": 1, "max_score": 2}})
    deel = data["vragen"][0]["delen"][0]
    assert deel["feedback_html"] == ["&lt;b&gt;goed&lt;/b&gt;"] and deel["punten"] == "1 van 2 punten"


@functools.cache
def _axe() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("student", ["eerlijk-01", "aanvaller-b"])
def test_in_chromium_zonder_netwerk_en_toegankelijk(lmsklas, pagina, student):
    pagina.goto(_pagina(lmsklas, student).as_uri(), wait_until="load")
    pagina.wait_for_timeout(300)
    assert pagina.evaluate("document.querySelectorAll('script, iframe, object, embed').length") == 0
    assert pagina.evaluate("document.querySelectorAll('.code_cell, .jp-CodeCell, pre.highlight,"
                           " .input_area').length") == 0
    pagina.add_script_tag(content=_axe())
    uitkomst = pagina.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", AXE_TAGS)
    ernstig = [f"{v['id']}: {v['help']}" for v in uitkomst["violations"]
               if v.get("impact") in ERNSTIG]
    assert not ernstig, ernstig
    assert pagina.netwerk.geblokkeerd == []
