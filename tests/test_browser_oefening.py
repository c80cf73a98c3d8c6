"""The practice exercise in a real browser (issue 3): headless Chromium, every request to
another host blocked.

1. The built book page: the widget renders from the book's own widget scripts.
2. The learner's front end (Voilà, as `make oefenen` starts it, on a temporary copy of the
   practice notebook): choose the scores with the keyboard, click Opslaan, then the answer
   file holds exactly those values and the page shows the feedback with the reference.
   A screenshot is always kept in tests/artefacten/oefening-denise.png.
"""

from __future__ import annotations

import json
import time

import pytest

from conftest import ARTEFACTEN, ROOT, Verkeer, schermafbeelding
from opslaanlus import VOILA_LADEN_MS
from werkalliantie.leren.opgaven import laad_opgave
from werkalliantie.leren.opgaven.soorten.beoordeling import vragenlijst

NOTEBOOK = ROOT / "notebooks" / "werkalliantie-denise.ipynb"
SCREENSHOT = ARTEFACTEN / "oefening-denise.png"
LIJST = vragenlijst(laad_opgave("denise-a"))
ITEMS = [i.id for i in LIJST.items]
KEUZELIJST = ".widget-dropdown select"
# doelen 4,3 and band 4,3 inside the bands of the practice key; taken 3,3 just above its band
# 1..3 (half its points).
WAARDEN = dict(zip(ITEMS, [4, 5, 4, 3, 4, 3, 4, 4, 5]))
# Voilà's own templates link Font Awesome on a CDN; `make oefenen` uses the course's override
# (share/jupyter/voila/templates/werkalliantie, found through JUPYTER_PATH): no request may
# leave the computer.
VOILA_SJABLONEN = ROOT / "share" / "jupyter"
@pytest.mark.browser
@pytest.mark.boek
def test_boekpagina_toont_de_oefening_zonder_netwerk(boekserver, pagina):
    pagina.goto(f"{boekserver}/book/oefeningen/werkalliantie-denise.html", wait_until="load")
    pagina.wait_for_selector(KEUZELIJST, timeout=20_000)
    assert pagina.locator(KEUZELIJST).count() == len(ITEMS) + 1  # and the weakest part
    for s in pagina.locator(KEUZELIJST).all():
        assert s.is_visible()
    widget = pagina.locator(".wa-opgave").first  # the rating; the open question follows
    assert widget.get_by_role("button", name="Opslaan", exact=True).is_visible()
    assert widget.get_by_text("Fragment: Het budgetplan").is_visible()
    # Within the widget: the page also holds the statements for paper (hidden on screen).
    # the numbered statement as shown (its control is named by it too, in a hidden label)
    assert widget.get_by_text(f"1. {LIJST.items[0].tekst}", exact=True).is_visible()
    # Built with no answer file: no learner's answer is baked into the page.
    assert widget.get_by_text("Je hebt nog geen antwoord opgeslagen.").is_visible()
    # The widget scripts come from the book itself: not a single request left the host.
    assert pagina.netwerk.geblokkeerd == []
    fouten = [r for r in pagina.console_regels
              if r.startswith("[pageerror]")]
    assert fouten == []


# --- Voilà ---------------------------------------------------------------------------------

def _kies(pagina, nummer: int, doel: int) -> None:
    """Choose score ``doel`` in drop-down ``nummer`` with the keyboard, as a learner can."""
    lijst = pagina.locator(KEUZELIJST).nth(nummer)
    lijst.focus()
    huidig = lijst.evaluate("s => s.selectedIndex")  # 0: "kies een score", then 1..5
    toets = "ArrowDown" if doel > huidig else "ArrowUp"
    for _ in range(abs(doel - huidig)):
        lijst.press(toets)
    pagina.wait_for_function(
        "([i, w]) => document.querySelectorAll('.widget-dropdown select')[i]"
        ".selectedIndex === w", arg=[nummer, doel], timeout=5_000)


@pytest.mark.browser
def test_oefenen_in_voila_opslaan_en_feedback(voila, pagina):
    map_ = voila.map(NOTEBOOK)
    begin = time.monotonic()
    try:
        pagina.goto(f"{voila.url}/voila/render/{map_.name}/{NOTEBOOK.name}", wait_until="load",
                    timeout=VOILA_LADEN_MS)
        pagina.wait_for_selector(KEUZELIJST, timeout=60_000)
        assert pagina.locator(KEUZELIJST).count() == len(ITEMS) + 1  # and the weakest part
        oefening = pagina.locator(".wa-opgave").first  # the rating; the open question follows
        assert oefening.get_by_text("Nog niet opgeslagen.").is_visible()
        # Voilà strips the code: the learner sees no Python.
        assert "oefening(" not in pagina.content()

        for nummer, item_id in enumerate(ITEMS):
            _kies(pagina, nummer, WAARDEN[item_id])
        oefening.get_by_role("button", name="Opslaan", exact=True).click()
        # Wait for the status line: the widget changes it last, after the feedback (each
        # change reaches the browser as its own message), so then everything is on screen.
        oefening.locator(".wa-status [data-toestand='opgeslagen']").wait_for(timeout=15_000)
        # The weakest part is still open: trying comes first, the model answer on request.
        assert "Opgeslagen om " in oefening.inner_text()
        assert "Vul eerst alles in." in oefening.inner_text()
        assert "Vergelijk met het antwoordmodel" not in oefening.inner_text()
        oefening.get_by_role("button", name="Toon het antwoordmodel", exact=True).click()
        oefening.get_by_role("button", name="Ja, toon het antwoordmodel", exact=True).click()
        oefening.get_by_text("Het antwoordmodel staat onder je antwoord.").wait_for(timeout=15_000)
        assert "Vergelijk met het antwoordmodel" in oefening.inner_text()

        bestand = json.loads((map_ / "antwoorden.json").read_text(encoding="utf-8"))
        assert bestand["antwoorden"]["denise-a"]["waarde"] == WAARDEN
        tekst = pagina.inner_text("body")
        assert "Doelen: jouw score is 4,3. Die ligt in de referentieband" in tekst
        assert "Taken: jouw score is 3,3. Die ligt net boven de referentieband" in tekst
        assert ("De referentieband loopt van 1 tot 3. De 4 beoordelaars gaven: 2; 2; 2; 2. "
                "Waarom: Over de aanpak zijn ze het niet eens.") in tekst
        assert "Totaal: 2,5 van 9 punten." in tekst  # the weakest part and the evidence: open
        assert pagina.netwerk.geblokkeerd == [], (
            f"verzoeken naar een andere host: {pagina.netwerk.geblokkeerd}")
        assert not [r for r in pagina.console_regels if r.startswith("[pageerror]")]
    finally:
        print(f"\nVoilà-oefening in de browser: {time.monotonic() - begin:.1f} s")
        schermafbeelding(pagina, SCREENSHOT)


@pytest.mark.browser
def test_voila_lijst_in_het_nederlands_zonder_netwerk(voila, pagina):
    """The page `make oefenen` opens first: a Dutch list of the exercises, nothing loaded from
    another host (Voilà's own list page links Font Awesome on a CDN)."""
    map_ = voila.map(NOTEBOOK)
    verkeer = Verkeer(pagina)
    pagina.goto(f"{voila.url}/voila/tree/{map_.name}", wait_until="load")
    verkeer.wacht_tot_stil()
    assert pagina.locator("html").get_attribute("lang") == "nl"
    assert pagina.get_by_role("heading", name="Oefeningen").is_visible()
    link = pagina.get_by_role("link", name="Oefening: de werkalliantie met Denise")
    assert link.get_attribute("href").endswith(f"/voila/render/{map_.name}/{NOTEBOOK.name}")
    tekst = pagina.inner_text("body")
    assert "Select items" not in tekst and "Voilà Home" not in pagina.title()
    assert pagina.netwerk.geblokkeerd == []
    with pagina.context.expect_page() as nieuw:
        link.click()
    oefening = nieuw.value
    oefening.wait_for_selector(KEUZELIJST, timeout=60_000)
    assert oefening.locator("html").get_attribute("lang") == "nl"
    assert pagina.netwerk.geblokkeerd == [], pagina.netwerk.geblokkeerd
    # axe (WCAG 2.1 A/AA): nothing serious or critical but ipywidgets' own slider handles.
    from test_site import UITZONDERINGEN_FRAME, _axe

    problemen = _axe(pagina.main_frame, []) + _axe(oefening.main_frame, UITZONDERINGEN_FRAME)
    assert not problemen, "\n".join(problemen)


@pytest.mark.browser
def test_voila_zegt_in_het_nederlands_dat_de_oefening_laadt(voila, pagina, tmp_path):
    """While the cells run, Voilà shows a loading text; its own is English ("Running …",
    "Executing 2 of 3"). On a slow computer a learner reads it for many seconds."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import time\ntime.sleep(4)"),
        nbformat.v4.new_code_cell("time.sleep(4)"),
        nbformat.v4.new_markdown_cell("Klaar.")])
    bestand = tmp_path / "traag.ipynb"
    nbformat.write(nb, bestand)
    map_ = voila.map(bestand)
    pagina.goto(f"{voila.url}/voila/render/{map_.name}/{bestand.name}", wait_until="commit")
    tekst = pagina.locator("#loading_text")
    # Before the first cell is done (the kernel starts, the cell sleeps 4 s), then while
    # the second one runs (4 s): each text stays long enough to be read here.
    tekst.filter(has_text="klaargezet").wait_for(timeout=60_000)
    assert tekst.inner_text() in ("De oefening wordt klaargezet…",
                                  "De oefening wordt klaargezet… (stap 1 van 3)")
    tekst.filter(has_text="stap 1 van 3").wait_for(timeout=60_000)
    assert tekst.inner_text() == "De oefening wordt klaargezet… (stap 1 van 3)"
    pagina.get_by_text("Klaar.").wait_for(timeout=60_000)
    assert pagina.locator("#loading").count() == 0  # gone once the page is ready
