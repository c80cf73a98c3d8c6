"""`make oefenen` (issue 22, point 9): Voilà's list of exercises in the learner's order with
their Dutch titles, as the browser site lists them, without the trainer's tools; its port is
a variable (OEFEN_POORT), like the site's (SITE_POORT)."""

from __future__ import annotations

import re
import subprocess
import urllib.request

import pytest

from conftest import ROOT
from werkalliantie.bouwen.site import lees_oefening, oefennotebooks

NOTEBOOKS = ROOT / "notebooks"


def test_poort_is_een_variabele():
    uit = subprocess.run(["make", "-n", "oefenen", "OEFEN_POORT=8899"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert "--Voila.port=8899" in uit and "voila . " in uit
    standaard = subprocess.run(["make", "-n", "oefenen"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout
    assert "--Voila.port=8866" in standaard


@pytest.mark.browser
def test_lijst_in_de_volgorde_van_de_cursist(voila):
    """The list page of a folder with the course's notebooks (and a trainer's tool): the
    site's order and titles, links to the exercises, nothing for trainers."""
    map_ = voila.map(*sorted(NOTEBOOKS.glob("*.ipynb")))
    # The trainer's group overview (moving out of notebooks/): excluded by its name.
    (map_ / "groepsoverzicht.ipynb").write_bytes((NOTEBOOKS / "voortgang.ipynb").read_bytes())
    pagina = urllib.request.urlopen(f"{voila.url}/voila/tree/{map_.name}", timeout=60).read().decode()
    links = re.findall(r'<a href="[^"]*/voila/render/([^"]+)"[^>]*>([^<]+)</a>', pagina)
    verwacht = [(f"{map_.name}/{p.name}", lees_oefening(p).titel) for p in oefennotebooks(map_)]
    assert links == verwacht
    namen = [pad.split("/")[-1].removesuffix(".ipynb") for pad, _ in links]
    assert namen[0] == "kennismaken" and namen[-1] == "voortgang"
    assert "groepsoverzicht" not in namen
    assert all(titel[0].isupper() for _, titel in links)
    assert namen == [p.stem for p in oefennotebooks()]  # the site's own list of exercises
