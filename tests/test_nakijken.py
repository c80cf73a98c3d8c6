"""``werkalliantie.nakijken`` and ``werkalliantie.widgets``: what courses made before the
three wings still call (issue 18, item 0).

tests/data/voor-de-vleugels/ holds a course as the package made it before the move: its
``nbgrader_config.py`` (naming ``werkalliantie.nakijken.beveiliging.*`` and
``werkalliantie.nakijken.leeromgeving.Leeromgeving``), its source notebooks (widget cells
calling ``werkalliantie.widgets.opgave``, hidden tests calling
``werkalliantie.nakijken.toets.punten``), its keys, six students' hand-ins, and the points
every cell got when that course was graded then (``punten.json``). Its gradebook is made
from those notebooks and the class is graded with plain ``nbgrader autograde``, now: every
cell must get the same points.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import BIN, ROOT, omgeving

OUD = ROOT / "tests" / "data" / "voor-de-vleugels"


def test_de_oude_namen_bestaan_nog():
    from werkalliantie.nakijken import beveiliging, cijfers, leeromgeving, toets
    from werkalliantie.widgets import oefening, opgave

    assert callable(toets.punten) and callable(opgave) and callable(oefening)
    config = (OUD / "nbgrader_config.py").read_text(encoding="utf-8")
    for naam in ("VeiligNotebookExporter", "ControleerInlevering", "Poortwachter", "EisPunten",
                 "MaakUitvoerOnschadelijk", "RuimFeedbackOp", "MaakOnschadelijk"):
        assert f'"{naam}"' in config and hasattr(beveiliging, naam), naam
    assert hasattr(leeromgeving, "Leeromgeving") and hasattr(cijfers, "Cijferlijst")


@pytest.mark.nbgrader
def test_een_cursus_van_voor_de_vleugels_krijgt_dezelfde_punten(tmp_path):
    cursus = tmp_path / "cursus"
    cursus.mkdir()
    for naam in ("nbgrader_config.py", "sleutels", "source"):
        (shutil.copytree if (OUD / naam).is_dir() else shutil.copy2)(OUD / naam, cursus / naam)
    shutil.copytree(OUD / "ingeleverd", cursus / "submitted")
    for stap in (["generate_assignment", "*"], ["autograde", "*"]):
        klaar = subprocess.run([str(BIN / "nbgrader"), *stap], cwd=cursus, env=omgeving(),
                               capture_output=True, text=True, timeout=600)
        assert klaar.returncode == 0, klaar.stdout[-3000:] + klaar.stderr[-4000:]
    from nbgrader.api import Gradebook

    nu: dict = {}
    with Gradebook(f"sqlite:///{cursus / 'gradebook.db'}") as gb:
        for opdracht in gb.assignments:
            for inlevering in opdracht.submissions:
                for nb in inlevering.notebooks:
                    for g in nb.grades:
                        nu.setdefault(opdracht.name, {}).setdefault(
                            inlevering.student.id, {})[g.name] = g.score
    toen = json.loads((OUD / "punten.json").read_text(encoding="utf-8"))
    assert nu == toen
    assert any(p > 0 for per_student in toen.values() for cellen in per_student.values()
               for p in cellen.values())  # the class has right answers: a real comparison
