"""Files a grading run may not copy, set apart before nbgrader copies anything (issue 19).

The rules on their own (links, devices, FIFOs, sizes, a garbage ``timestamp.txt``, a
student folder nbgrader cannot match), and then the hostile class graded by ONE plain
``nbgrader autograde`` through the course's configuration (the session fixture ``lmsklas``):
nothing copied that may not be, nothing in ``submitted/`` deleted, and the class graded.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

import lmscorpus
from werkalliantie.begeleiden.nakijken import grenzen, quarantaine


@pytest.fixture
def inlevering(tmp_path):
    cursus = tmp_path / "cursus"
    map_ = cursus / "submitted" / "s1" / "opdracht"
    map_.mkdir(parents=True)
    (cursus / "nbgrader_config.py").write_text("c = get_config()\n")
    (map_ / "opdracht.ipynb").write_text("{}")
    (map_ / "antwoorden.json").write_text("{}")
    return cursus, map_


def test_links_apparaten_pijpen_en_te_groot_gaan_apart_en_niets_wordt_weggegooid(inlevering):
    cursus, map_ = inlevering
    os.symlink("/dev/zero", map_ / "nul.json")
    os.mkfifo(map_ / "pijp.txt")
    os.mknod(map_ / "apparaat", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    (map_ / "sub").mkdir()
    os.symlink("/etc", map_ / "sub" / "etc")
    with open(map_ / "groot.ipynb", "wb") as f:
        f.truncate(grenzen.MAX_NOTEBOOK_BYTES + 1)  # sparse: no disk space
    (map_ / "timestamp.txt").write_text("morgen of zo")
    voor = {p.name for p in map_.rglob("*")}
    apart = quarantaine.zet_apart(map_, quarantaine.map_van(cursus, "s1", "opdracht"))
    assert {a.pad for a in apart} == {"nul.json", "pijp.txt", "apparaat", "sub/etc",
                                      "groot.ipynb", "timestamp.txt"}
    assert {p.name for p in map_.rglob("*")} == {"opdracht.ipynb", "antwoorden.json", "sub"}
    doel = cursus / grenzen.QUARANTAINE / "s1" / "opdracht"
    na = {p.name for p in doel.rglob("*")} | {p.name for p in map_.rglob("*")}
    assert voor <= na  # moved, never deleted
    assert os.readlink(doel / "nul.json") == "/dev/zero"
    assert stat.S_ISFIFO(os.lstat(doel / "pijp.txt").st_mode)
    redenen = {a.pad: a.reden for a in quarantaine.lees(doel)}
    assert "snelkoppeling" in redenen["nul.json"] and "te groot" in redenen["groot.ipynb"]
    assert "telt als: geen tijd" in redenen["timestamp.txt"]


def test_een_lege_of_goede_tijd_blijft_staan(inlevering):
    cursus, map_ = inlevering
    (map_ / "timestamp.txt").write_text("2030-06-28 17:00:00.000000 UTC\n")
    assert quarantaine.zet_apart(map_, cursus / "q") == []
    (map_ / "timestamp.txt").write_text("")
    assert quarantaine.zet_apart(map_, cursus / "q") == []


def test_de_haak_van_nbgrader_vindt_de_inlevering_zelf(inlevering, monkeypatch):
    cursus, map_ = inlevering
    os.symlink("/dev/zero", map_ / "nul.json")
    monkeypatch.chdir(cursus)
    # nbgrader passes its patterns, not the student: the notebooks say where
    quarantaine.voor_het_kopieren(assignment="opdracht", student="*",
                                  notebooks=[str(map_ / "opdracht.ipynb")])
    assert not os.path.lexists(map_ / "nul.json")
    assert os.path.islink(cursus / grenzen.QUARANTAINE / "s1" / "opdracht" / "nul.json")


def test_een_studentmap_met_een_regeleinde_gaat_apart(inlevering):
    cursus, map_ = inlevering
    slecht = cursus / "submitted" / "s2\nkwaad" / "opdracht"
    slecht.mkdir(parents=True)
    (slecht / "opdracht.ipynb").write_text("{}")
    regels = quarantaine.ruim_mappen_op(cursus)
    assert len(regels) == 1 and "s2\\nkwaad" in regels[0]
    assert sorted(p.name for p in (cursus / "submitted").iterdir()) == ["s1"]
    apart = next((cursus / grenzen.QUARANTAINE).glob("ongeldige-map-*"))
    assert (apart / "opdracht" / "opdracht.ipynb").is_file()
    assert "kan nbgrader niet lezen" in json.loads((apart / quarantaine.LIJST).read_text())[0][
        "reden"]


# --- The hostile class, graded by plain nbgrader autograde --------------------------------------

@pytest.mark.nbgrader
def test_gewone_autograde_stopt_niet_en_kopieert_niets_gevaarlijks(lmsklas):
    uitkomst = lmsklas.nakijken["autograde"]
    assert uitkomst["returncode"] == 0, uitkomst["stderr"][-4000:]
    map_, opdracht = lmsklas.nagekeken, lmscorpus.OPDRACHT
    autograded = map_ / "autograded" / "aanvaller-a" / opdracht
    assert sorted(p.name for p in autograded.iterdir()) == ["antwoorden.json",
                                                            f"{opdracht}.ipynb"]
    apart = map_ / grenzen.QUARANTAINE / "aanvaller-a" / opdracht
    assert os.readlink(apart / "notities.txt") == "/dev/zero"
    assert stat.S_ISFIFO(os.lstat(apart / "pijp.json").st_mode)
    assert (apart / "timestamp.txt").read_text().startswith("gisteren")
    # nothing else in submitted/ was touched
    assert sorted(p.name for p in (map_ / "submitted" / "aanvaller-a" / opdracht).iterdir()) == [
        "antwoorden.json", f"{opdracht}.ipynb"]
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        ingeleverd = {s.student.id for s in gb.find_assignment(opdracht).submissions}
    assert ingeleverd == set(lmscorpus.EERLIJK) | {"aanvaller-a", "aanvaller-b"}


@pytest.mark.nbgrader
def test_de_eerlijke_studenten_zijn_goed_nagekeken(lmsklas):
    from klasrun import cijfers

    gradebook = cijfers(lmsklas.nagekeken, lmscorpus.OPDRACHT)
    corpus = lmsklas.corpora["canvas"]
    for student in lmscorpus.EERLIJK:
        for cel, punten in corpus.punten[student].items():
            assert gradebook[student, cel][0] == punten, (student, cel)
