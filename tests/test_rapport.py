"""The one grading report, nakijkrapport.md (issue 19): every student a row, in Dutch,
whatever the names; pairs that may hold copied work named, never a grade change.

Pure checks on the report's own functions, and the hostile class (``lmsklas``: graded by
one plain ``nbgrader autograde``).
"""

from __future__ import annotations

import re

import pytest

import lmscorpus
from werkalliantie.begeleiden.nakijken import rapport


def test_een_rij_voor_elke_student_ook_met_vreemde_namen(tmp_path):
    rapport.noteer(tmp_path, "opdracht", "s1", "nb", "controle", [])
    rapport.noteer(tmp_path, "opdracht", "s2", "nb", "controle",
                   ["'x\udcffy.json' niet gebruikt", "half \ud83d teken | <script>"])
    tekst = (tmp_path / rapport.RAPPORT).read_text(encoding="utf-8")
    rijen = [r for r in tekst.splitlines() if r.startswith("| s")]
    assert len(rijen) == 2 and "Geen bijzonderheden" in rijen[0]
    assert "\ufffd" in rijen[1] and "<script>" not in tekst and rijen[1].count(" | ") == 2


def test_gelijke_open_antwoorden_en_opslagtijden_maar_niet_korte_of_alleen_keuzes(tmp_path):
    lang = "Ik zou eerst vragen wat de cliënt zelf wil bereiken en daarna samen kleine " \
           "stappen afspreken die haalbaar zijn."
    rapport.noteer_kenmerken(tmp_path, "o", "a", "nb", {"antwoord-x": lang}, ["v@1"])
    rapport.noteer_kenmerken(tmp_path, "o", "b", "nb", {"antwoord-x": "  " + lang.replace(" ", "\n")},
                             ["v@2"])
    rapport.noteer_kenmerken(tmp_path, "o", "c", "nb", {"antwoord-x": "Weet ik niet."}, ["v@3"])
    rapport.noteer_kenmerken(tmp_path, "o", "d", "nb", {"antwoord-x": "Weet ik niet."}, ["v@3"])
    paren = rapport.paren(tmp_path, "o")
    assert ("a", "b") in {(x, y) for x, y, _ in paren}
    assert [(x, y) for x, y, r in paren if "opslagtijden" in r] == [("c", "d")]
    assert not any({"c", "d"} == {x, y} and "open antwoord" in r for x, y, r in paren)


@pytest.fixture(scope="module")
def tekst(lmsklas) -> str:
    return (lmsklas.nagekeken / rapport.RAPPORT).read_text(encoding="utf-8")


@pytest.mark.nbgrader
def test_elke_nagekeken_student_heeft_een_rij(lmsklas, tekst):
    studenten = set(re.findall(r"^\| ([^|]+?) \| ", tekst, re.M)) - {"Student", "---",
                                                                        "Studenten"}
    assert set(lmscorpus.EERLIJK) | {"aanvaller-a", "aanvaller-b"} <= studenten
    assert not (lmsklas.nagekeken / "nakijkverslag-juiste-match.txt").exists()


@pytest.mark.nbgrader
def test_aanvallers_staan_erin_met_wat_er_gebeurde(tekst):
    a = next(r for r in tekst.splitlines() if r.startswith("| aanvaller-a |"))
    assert "apart gezet in quarantaine/aanvaller-a/juiste-match/" in a
    assert "notities.txt" in a and "pijp.json" in a and "geen geldige inlevertijd" in a
    b = next(r for r in tekst.splitlines() if r.startswith("| aanvaller-b |"))
    assert "halve tekens" in b and "\ufffd" in b


@pytest.mark.nbgrader
def test_overgenomen_werk_genoemd_maar_niet_gelijke_keuzes(lmsklas, tekst):
    paren = {(a, b): reden for a, b, reden in rapport.paren(lmsklas.nagekeken, lmscorpus.OPDRACHT)}
    assert "open antwoord" in paren[("eerlijk-03", "eerlijk-04")]
    assert "opslagtijden" in paren[("eerlijk-05", "eerlijk-06")]
    assert "opslagtijden" in paren[("aanvaller-b", "eerlijk-02")]  # its winning file is 02's
    assert ("eerlijk-07", "eerlijk-08") not in paren  # the same choices, other moments
    assert "Mogelijk overgenomen werk" in tekst and "| eerlijk-03 en eerlijk-04 |" in tekst
