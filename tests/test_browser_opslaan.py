"""What the status says is saved is exactly what is on screen (issue 9, point 3), in a
real browser, in Voilà and in JupyterLab.

A hurried learner changes values (arrow keys, several presses; a choice with the mouse;
typing in a text field) and clicks "Opslaan" at once. Without the barrier
(werkalliantie/slagboom.py) the kernel gets the click before the last value and saves an
older one. The rounds live in tests/opslaanlus.py, shared with scripts/opslaan_lus.py
(the long loop). Exercises: the real Denise practice notebook (drop-down lists), the
session check's role-play (drop-down lists of 0 to 10) and a small test
notebook with a text field (tests/data/opslaan-tekst.ipynb).
"""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

import opslaanlus as ol

RONDES = 12  # per exercise and front end; the kinds of change take turns
SEED = 20240917


SERVER = {"voila": "voila", "lab": "jupyterlab"}  # the session's servers (conftest.py)


@pytest.fixture(params=ol.FRONTENDS)
def frontend_server(request):
    """The session's Voilà or JupyterLab."""
    return request.getfixturevalue(SERVER[request.param])


def _open(pagina, server, oefening: ol.Oefening):
    """A fresh copy of the exercise in its own folder (its own answer file), opened."""
    map_ = server.map()
    ol.kopieer(oefening, map_)
    server.open(pagina, map_, oefening.bestandsnaam)
    return map_


def _geen_paginafouten(pagina):
    fouten = [r for r in pagina.console_regels if r.startswith("[pageerror]")]
    assert not fouten, fouten


@pytest.mark.browser
@pytest.mark.parametrize("naam", ["denise", "tekst", "cijfers"])
def test_wijzigen_en_meteen_opslaan(frontend_server, pagina, naam):
    """Change-then-click at once, RONDES times: after each click the status says saved
    and the answer file holds exactly what the page showed at that instant."""
    oefening = ol.OEFENINGEN[naam]
    begin = time.monotonic()
    map_ = _open(pagina, frontend_server, oefening)
    # The barrier's Play is rendered (its view starts the answer) and hidden: no layout,
    # no tab stop, nothing in the accessibility tree.
    assert pagina.locator(".widget-play").count() == 1
    assert pagina.locator(".widget-play").is_hidden()
    uitslag = ol.lus(pagina, oefening, map_, RONDES, random.Random(SEED))
    print(f"\n{frontend_server.frontend} {naam}: {len(uitslag.fouten)} van {RONDES} rondes "
          f"mislukt, {time.monotonic() - begin:.1f} s")
    assert not uitslag.fouten, "opslaan klopt niet met het scherm:\n" + uitslag.verslag()
    assert len(uitslag.rondes) == RONDES
    assert {r.soort for r in uitslag.rondes} == set(oefening.soorten)  # every kind ran
    _geen_paginafouten(pagina)


@pytest.mark.browser
def test_wijzigen_na_de_klik_laat_de_status_niet_liegen(frontend_server, pagina):
    """A key pressed right after the click: either the save includes it, or the status
    says "veranderd en nog niet opgeslagen" — never "opgeslagen" over a different file."""
    map_ = _open(pagina, frontend_server, ol.DENISE)
    rng = random.Random(SEED)
    rondes = [ol.ronde_wijzigen_na_klik(pagina, ol.DENISE, map_, rng, nummer=i + 1)
              for i in range(6)]
    fouten = [r for r in rondes if not r.gelukt]
    assert not fouten, "\n".join(f"ronde {r.nummer} ({r.wat}): {r.melding}" for r in fouten)


@pytest.mark.browser
@pytest.mark.parametrize("frontend,naam,soort", [("voila", "denise", "kiezen"),
                                                  ("lab", "tekst", "typen")])
def test_pagina_sluiten_zodra_opgeslagen(request, pagina, frontend, naam, soort):
    """The learner closes the tab the moment the status says saved; then the kernel
    goes. The file holds what the page showed."""
    server = request.getfixturevalue(SERVER[frontend])
    oefening = ol.OEFENINGEN[naam]
    map_ = server.map()
    ol.kopieer(oefening, map_)
    gesloten = []

    def sluit():
        pagina.close(run_before_unload=True)  # as closing the tab: beforeunload runs
        gesloten.append(time.monotonic())

    voor = set(server.kernels())
    server.open(pagina, map_, oefening.bestandsnaam)
    kernels = sorted(set(server.kernels()) - voor)
    assert kernels, "er draait geen kernel voor de oefening"
    uitkomst = ol.ronde(pagina, oefening, map_, soort, random.Random(SEED), na_opgeslagen=sluit)
    assert gesloten, uitkomst.melding
    # The kernel is ended at once, as when the server stops: nothing more can be written.
    # (Voilà would shut the kernel down on its own when the tab closes, but its request is
    # refused here: voila-dashboards/voila#1458, "_xsrf argument missing".)
    for pid in kernels:
        os.kill(pid, signal.SIGKILL)
    assert uitkomst.gelukt, uitkomst.melding
