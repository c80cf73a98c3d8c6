"""The goal builder in a real browser (issue 11): headless Chromium on Voilà, as `make
oefenen` starts it, on a temporary copy of the practice notebook; every request to another
host blocked.

Every field is found by its accessible name, as a screen reader finds it. Type a goal with
the keyboard, see the goal checker's hints appear after a pause in typing
(in the kernel, asyncio), fill in the plan, click Opslaan, see the feedback; then reload
the page and see everything restored from the answer file. A screenshot is always kept in
tests/artefacten/oefening-doelbouwer.png.
"""

from __future__ import annotations

import json
import time

import pytest

from conftest import ARTEFACTEN, ROOT, schermafbeelding
from opslaanlus import VOILA_LADEN_MS

NOTEBOOK = ROOT / "notebooks" / "doelen-formuleren-peter.ipynb"
SCREENSHOT = ARTEFACTEN / "oefening-doelbouwer.png"
VAAG = "Ik wil me beter voelen"
DOEL = "Voor 1 maart vraag ik samen met Ruben een uitkering aan."


def _open(pagina, voila, map_):
    pagina.goto(f"{voila.url}/voila/render/{map_.name}/{NOTEBOOK.name}", wait_until="load",
                timeout=VOILA_LADEN_MS)
    doel = pagina.get_by_label("Het doel, in de woorden van Peter")
    doel.wait_for(timeout=60_000)
    return doel


@pytest.mark.browser
def test_doelbouwer_typen_hints_opslaan_en_terugzien(voila, pagina):
    map_ = voila.map(NOTEBOOK)
    begin = time.monotonic()
    try:
        doel = _open(pagina, voila, map_)
        assert "oefening(" not in pagina.content()  # Voilà strips the code
        assert pagina.get_by_text("Nog niet opgeslagen.").first.is_visible()

        # Typing: the checker's hints follow after a pause, in the kernel.
        doel.click()
        doel.press_sequentially(VAAG, delay=20)
        pagina.get_by_text("✘ concreet").wait_for(timeout=15_000)
        assert pagina.get_by_text("✔ eigen regie").is_visible()
        doel.fill("")
        doel.press_sequentially(DOEL, delay=10)
        pagina.get_by_text("✔ concreet").wait_for(timeout=15_000)
        for criterium in ("meetbaar", "tijdgebonden", "positief", "eigen regie"):
            assert pagina.get_by_text(f"✔ {criterium}").is_visible()
        assert not pagina.get_by_text("✘ concreet").is_visible()

        # The rest of the plan, with the keyboard where a learner would use it.
        pagina.get_by_label("Over welk levensdomein gaat het doel?").select_option(label="Financiën")
        pagina.get_by_label("De eerste kleine stap").fill("Morgen zoek ik mijn paspoort op.")
        pagina.get_by_label("Wat doet Peter?").fill("Peter belt de gemeente.")
        pagina.get_by_label("Wat doe jij (Ruben)?").fill("Ruben gaat mee naar de afspraak.")
        belang = pagina.get_by_label("Hoe belangrijk vindt Peter dit doel?")
        belang.focus()
        # The prompt first ("kies een score", index 0); then 0, 1, ... 9: one key at a time.
        assert belang.evaluate("s => s.selectedIndex") == 0  # "kies een score"
        for stap in range(1, 11):
            belang.press("ArrowDown")
            belang.evaluate("(s, w) => new Promise((klaar, mis) => { const t = Date.now();"
                            " (function kijk() { if (s.selectedIndex === w) klaar();"
                            " else if (Date.now() - t > 5000) mis(new Error('index ' + s.selectedIndex));"
                            " else setTimeout(kijk, 20); })(); })", stap)
        pagina.get_by_label("Hoe haalbaar vindt Peter dit doel?").select_option(label="7")
        pagina.get_by_text("Ja, we zijn het eens over dit doel").click()
        pagina.get_by_text("Je antwoord is veranderd en nog niet opgeslagen").first.wait_for(timeout=10_000)

        pagina.get_by_role("button", name="Opslaan", exact=True).first.click()
        pagina.get_by_text("Vergelijk met het antwoordmodel").wait_for(timeout=15_000)
        tekst = pagina.inner_text("body")
        assert "Je doel voldoet aan 5 van de 5 criteria." in tekst
        assert "Je plan is compleet." in tekst
        opgeslagen = json.loads((map_ / "antwoorden.json").read_text(encoding="utf-8"))
        waarde = opgeslagen["antwoorden"]["doelbouwer-peter-oefenen"]["waarde"]
        assert (waarde["doel"], waarde["domein"], waarde["belang"], waarde["haalbaar"],
                waarde["afgesproken"]) == (DOEL, "Financiën", 9, 7, True)

        # Reload: everything comes back from the answer file, hints included.
        pagina.reload(wait_until="load", timeout=VOILA_LADEN_MS)
        doel = pagina.get_by_label("Het doel, in de woorden van Peter")
        doel.wait_for(timeout=60_000)
        pagina.get_by_text("Je opgeslagen antwoord staat weer klaar.").first.wait_for(timeout=15_000)
        assert doel.input_value() == DOEL
        assert pagina.get_by_label("Over welk levensdomein gaat het doel?").evaluate(
            "s => s.options[s.selectedIndex].text") == "Financiën"
        assert pagina.get_by_label("Wat doet Peter?").input_value() == "Peter belt de gemeente."
        assert pagina.get_by_text("✔ concreet").is_visible()

        assert pagina.netwerk.geblokkeerd == [], (
            f"verzoeken naar een andere host: {pagina.netwerk.geblokkeerd}")
        assert not [r for r in pagina.console_regels if r.startswith("[pageerror]")]
    finally:
        print(f"\nDoelbouwer in Voilà: {time.monotonic() - begin:.1f} s")
        schermafbeelding(pagina, SCREENSHOT, max_hoogte=8000)
