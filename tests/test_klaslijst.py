"""The class list into the gradebook: `werkalliantie klaslijst` (issue 19). An id that does
not match the course's one pattern never gets in: the whole list is refused, in Dutch,
naming the rows; the practice class's list carries LMS ids and no live formula."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest

from conftest import BIN, ROOT, omgeving
from werkalliantie.begeleiden.csvbestand import is_formule
from werkalliantie.begeleiden.nakijken import grenzen, klas


def _cursus(tmp_path):
    map_ = tmp_path / "cursus"
    map_.mkdir()
    shutil.copy2(ROOT / "exercises" / "nbgrader_config.py", map_)
    return map_


def _klaslijst(map_, rijen) -> subprocess.CompletedProcess:
    with open(map_ / "studenten.csv", "w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["id", "first_name", "last_name", "email", "lms_user_id"])
        schrijver.writerows(rijen)
    return subprocess.run([str(BIN / "werkalliantie"), "klaslijst", "studenten.csv"], cwd=map_,
                          env=omgeving(), capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("slecht", ["s1\nkwaad", "../buiten", "met spatie", "=1+1", "-s1",
                                    ".verborgen", "a+b", "a/b", "x" * 65, ""])
def test_een_ongeldige_id_wordt_nergens_ingelezen(slecht):
    assert not grenzen.geldige_student_id(slecht)


@pytest.mark.parametrize("goed", ["s1234567", "48213", "jan.jansen@school.nl", "voorbeeld-goed",
                                  "a_b"])
def test_gewone_ids_mogen(goed):
    assert grenzen.geldige_student_id(goed)


def test_de_hele_lijst_wordt_geweigerd_met_de_regel(tmp_path):
    map_ = _cursus(tmp_path)
    klaar = _klaslijst(map_, [["s1", "Sam", "Jansen", "", "1"], ["s2\nkwaad", "Noor", "", "", ""],
                              ["s1", "Dubbel", "", "", ""]])
    assert klaar.returncode == 1 and "Traceback" not in klaar.stderr
    assert "regel 3" in klaar.stderr and "ongeldig" in klaar.stderr
    assert "regel 4" in klaar.stderr and "staat ook op regel 2" in klaar.stderr
    assert not (map_ / "gradebook.db").exists()


def test_een_goede_lijst_komt_in_het_cijferboek(tmp_path):
    from nbgrader.api import Gradebook

    map_ = _cursus(tmp_path)
    klaar = _klaslijst(map_, [["s1", "'=HYPERLINK(1)", "Jansen", "s1@x.nl", "48213"],
                              ["s2", "Noor", "de Vries", "", ""]])
    assert klaar.returncode == 0, klaar.stderr
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        s1 = gb.find_student("s1")
        assert (s1.first_name, s1.lms_user_id) == ("=HYPERLINK(1)", "48213")  # our ' is ours


def test_de_klaslijst_van_de_oefenklas_heeft_lms_ids_en_geen_formules(tmp_path):
    studenten = klas.studenten(12)
    assert all(s.lms_user_id for s in studenten)
    assert len({s.lms_user_id for s in studenten}) == 12
    from werkalliantie.begeleiden.csvbestand import schrijf

    pad = tmp_path / "studenten.csv"
    schrijf(pad, klas.KLASLIJST, [["s9", "=cmd|' /C calc'!A0", "+31", "@x", "9"]])
    with open(pad, encoding="utf-8", newline="") as f:
        assert not [c for rij in csv.reader(f) for c in rij if is_formule(c)]
