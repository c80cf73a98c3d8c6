"""The barrier's kernel side without a browser (issue 9, point 3).

A front end's answer is simulated the way ipywidgets applies one: ``set_state`` with the
Play's new value. What the real front end does is proven in tests/test_browser_opslaan.py.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from werkalliantie.leren.widgets.slagboom import Slagboom


def in_eigen_lus(coroutine):
    """Run ``coroutine`` on a fresh event loop in its own thread: the browser tests'
    Playwright keeps a loop running in the main thread of the same pytest session."""
    with ThreadPoolExecutor(1) as uitvoerder:
        return uitvoerder.submit(asyncio.run, coroutine).result()


def antwoord(slagboom: Slagboom, waarde: int | None = None) -> None:
    """One answer of the front end's Play: value = the last round asked (its max)."""
    slagboom.set_state({"value": slagboom.max if waarde is None else waarde})


def doorloop(slagboom: Slagboom) -> None:
    """Answer every round trip until no request is open."""
    for _ in range(10):
        if not slagboom.open_verzoeken:
            return
        antwoord(slagboom)
    raise AssertionError("de slagboom blijft vragen")


def test_verborgen_en_zonder_herhaalknop():
    s = Slagboom()
    assert s.layout.display == "none"
    assert not s.show_repeat and not s.repeat and not s.playing


def test_callback_pas_na_twee_rondes():
    """The second round is asked while the first answer is handled: that covers a click
    and values handled on two kernel threads (JupyterLab's comms over subshells)."""
    s = Slagboom()
    gebeurd = []
    ronde = s.na_synchronisatie(lambda: gebeurd.append("klaar"))
    assert ronde == 1 and s.max == 1 and s.playing
    assert gebeurd == [] and s.open_verzoeken == 1
    antwoord(s)
    assert s.max == 2 and gebeurd == [] and s.open_verzoeken == 1
    antwoord(s)
    assert gebeurd == ["klaar"] and s.open_verzoeken == 0


def test_een_ronde_als_gevraagd():
    s = Slagboom(rondes=1)
    gebeurd = []
    s.na_synchronisatie(lambda: gebeurd.append("klaar"))
    antwoord(s)
    assert gebeurd == ["klaar"] and s.max == 1
    with pytest.raises(ValueError):
        Slagboom(rondes=0)


def test_verzoeken_op_volgorde_en_een_oud_antwoord_telt_niet_voor_later():
    s = Slagboom()
    gebeurd = []
    for naam in "abc":
        s.na_synchronisatie(lambda n=naam: gebeurd.append(n))
    assert s.max == 3
    antwoord(s, 1)  # a stale animation step: only round 1 has passed
    assert gebeurd == [] and s.max == 4  # a's second round
    antwoord(s, 3)  # b and c pass their first round
    assert gebeurd == [] and s.max == 5
    antwoord(s, 4)
    assert gebeurd == ["a"]
    antwoord(s, 5)
    assert gebeurd == ["a", "b", "c"]
    antwoord(s, 5)  # nothing left, nothing runs twice
    assert gebeurd == ["a", "b", "c"] and s.open_verzoeken == 0


def test_elke_aanvraag_zet_playing_uit_en_weer_aan(monkeypatch):
    """The view must see False -> True each time, whatever the kernel thinks."""
    s = Slagboom()
    verzonden = []
    monkeypatch.setattr(s, "_send", lambda msg, buffers=None: verzonden.append(msg["state"]))
    s.na_synchronisatie(lambda: None)
    s.na_synchronisatie(lambda: None)  # the kernel still thinks it is playing
    assert verzonden == [{"playing": False}, {"max": 1, "playing": True},
                         {"playing": False}, {"max": 2, "playing": True}]


def test_fout_in_een_callback_houdt_de_andere_niet_tegen():
    s = Slagboom()
    gebeurd = []
    s.na_synchronisatie(lambda: 1 / 0)
    s.na_synchronisatie(lambda: gebeurd.append("b"))
    antwoord(s)
    with pytest.raises(ZeroDivisionError):
        antwoord(s)
    assert gebeurd == ["b"] and s.open_verzoeken == 0


def test_annuleer_en_close_vergeten_alles():
    s = Slagboom()
    gebeurd = []
    s.na_synchronisatie(lambda: gebeurd.append("a"))
    s.annuleer()
    antwoord(s)
    assert gebeurd == []
    s.na_synchronisatie(lambda: gebeurd.append("b"))
    s.close()
    assert s.open_verzoeken == 0


def test_zonder_antwoord_meldt_de_wachttijd_en_een_laat_antwoord_telt_nog():
    async def scenario():
        s = Slagboom(wachttijd=0.05)
        gebeurd = []
        s.na_synchronisatie(lambda: gebeurd.append("klaar"),
                            bij_verlopen=lambda: gebeurd.append("verlopen"))
        await asyncio.sleep(0.2)
        assert gebeurd == ["verlopen"]  # once, and the request stays open
        doorloop(s)
        return gebeurd

    assert in_eigen_lus(scenario()) == ["verlopen", "klaar"]


def test_op_tijd_antwoord_annuleert_de_wachttijd():
    async def scenario():
        s = Slagboom(wachttijd=0.05)
        gebeurd = []
        s.na_synchronisatie(lambda: gebeurd.append("klaar"),
                            bij_verlopen=lambda: gebeurd.append("verlopen"))
        doorloop(s)
        await asyncio.sleep(0.2)
        return gebeurd

    assert in_eigen_lus(scenario()) == ["klaar"]


def test_in_een_echte_kernel_zonder_browser_zegt_de_status_niet_opgeslagen(tmp_path):
    """A kernel whose front end never answers (nothing renders the widget): the click
    saves nothing, and after the waiting time the status says so, in Dutch."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import asyncio, json\n"
        "from werkalliantie.leren.widgets import oefening\n"
        "w = oefening('denise-a')\n"
        "w.slagboom.wachttijd = 0.2\n"
        "w.knop.click()\n"
        "bezig = w.status.value\n"
        "await asyncio.sleep(0.6)\n"
        "print(json.dumps([bezig, w.status.value, w.slagboom.open_verzoeken]))")]
    NotebookClient(nb, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    bezig, status, open_ = json.loads(nb.cells[0].outputs[0]["text"])
    assert 'data-toestand="bezig"' in bezig
    assert 'data-toestand="fout"' in status and "nog niet opgeslagen" in status
    assert "Opgeslagen" not in status and open_ == 1
    assert not (tmp_path / "antwoorden.json").exists()
