"""The alliance exercises in a real browser (issue 10): choosing the evidence in a fragment,
and reading and filling in the session check, in Voilà as `make oefenen` serves them, with
every request to another host blocked. The answer file must hold what the page shows."""

from __future__ import annotations

import json

import pytest

from conftest import ARTEFACTEN, ROOT, schermafbeelding
from opslaanlus import VOILA_LADEN_MS

pytestmark = pytest.mark.browser


def _open(pagina, voila, notebook: str):
    map_ = voila.map(ROOT / "notebooks" / f"{notebook}.ipynb")
    voila.open(pagina, map_, f"{notebook}.ipynb")
    return map_


def _opgeslagen(map_, vraag: str):
    return json.loads((map_ / "antwoorden.json").read_text(encoding="utf-8"))["antwoorden"][vraag]["waarde"]


def _foto(pagina, naam: str) -> None:
    schermafbeelding(pagina, ARTEFACTEN / naam)


def _eerste_oefening(pagina):
    return pagina.locator(".wa-opgave").first


def _wacht_tot_opgeslagen(oefening) -> None:
    """Wait for the status line, not for the feedback: the widget changes the status last
    (each change reaches the browser as its own message; the profile chart comes after the
    feedback), so then the feedback, the chart and the summary are all on screen."""
    oefening.locator(".wa-status [data-toestand='opgeslagen']").wait_for(timeout=20_000)
    assert "Vergelijk met het antwoordmodel" in oefening.inner_text()


def test_bewijs_en_zwakste_onderdeel_kiezen(pagina, voila):
    map_ = _open(pagina, voila, "werkalliantie-denise")
    oefening = _eerste_oefening(pagina)
    lijsten = oefening.locator(".widget-dropdown select")
    scores = [4, 4, 5, 2, 2, 2, 4, 5, 4]  # inside the bands: doelen 4,3 · taken 2 · band 4,3
    for nummer, score in enumerate(scores):
        lijst = lijsten.nth(nummer)
        lijst.focus()
        for _ in range(score):  # by keyboard, from "kies een score"
            pagina.keyboard.press("ArrowDown")
    lijsten.nth(9).select_option(label="Taken")  # the weakest part, with the mouse
    for zin in (6, 7, 8, 9):  # the evidence: tick sentences by clicking their labels
        oefening.get_by_role("checkbox", name=f"Zin {zin}", exact=True).click()
    oefening.get_by_role("button", name="Opslaan", exact=True).click()
    _wacht_tot_opgeslagen(oefening)

    antwoord = _opgeslagen(map_, "denise-a")
    assert antwoord["zwakste"] == "taken" and antwoord["bewijs"] == [6, 7, 8, 9]
    assert [antwoord[k] for k in list(antwoord)[:9]] == scores
    tekst = oefening.inner_text()
    assert "Totaal: 9 van 9 punten." in tekst
    assert "Bewijs in het fragment (goed: 3 van 3 punten)" in tekst
    assert "Taken (dicht bij de referentieband: 1 van 1 punt)" in tekst
    # The profile: your scores beside the band, as a chart with a text alternative.
    profiel = oefening.get_by_role("img", name="Jouw beoordeling naast de referentieband")
    assert profiel.is_visible()
    assert pagina.netwerk.geblokkeerd == []
    _foto(pagina, "oefening-bewijs.png")


def test_sessiecheck_lezen_en_zelf_invullen(pagina, voila):
    map_ = _open(pagina, voila, "sessies-denise")
    oefening = _eerste_oefening(pagina)
    grafiek = oefening.get_by_role("img", name="De sessiecheck van Denise en Zara")
    assert grafiek.is_visible()
    lijsten = oefening.locator(".widget-dropdown select")
    lijsten.nth(0).select_option(label="Sessie 6")  # the drop
    oefening.get_by_role("radio", name="De professional").check()
    for sessie in (1, 2, 6):
        oefening.get_by_role("checkbox", name=f"Sessie {sessie}", exact=True).click()
    lijsten.nth(1).select_option(label="Sessie 3")  # first above the threshold
    # The role-play: the client's four scores, each in a list named by its statement.
    from werkalliantie.leren.sessies import sessiecheck

    for thema, score in zip(sessiecheck().themas, [8, 7, 6, 7], strict=True):
        lijst = oefening.get_by_role("combobox", name=f"De cliënt: {thema.client}", exact=True)
        lijst.select_option(label=str(score))
    oefening.get_by_text("rollenspel: cliënt").wait_for(timeout=20_000)  # in the legend
    oefening.get_by_role("button", name="Opslaan", exact=True).click()
    _wacht_tot_opgeslagen(oefening)

    antwoord = _opgeslagen(map_, "sessies-denise")
    assert {k: antwoord[k] for k in ("daling", "hoger", "onder", "groei")} == {
        "daling": 6, "hoger": "professional", "onder": [1, 2, 6], "groei": 3}
    assert antwoord["rollenspel"]["1"]["client"] == [8, 7, 6, 7]
    assert "Totaal: 5 van 5 punten." in oefening.inner_text()
    assert pagina.netwerk.geblokkeerd == []
    _foto(pagina, "oefening-sessies.png")


def _mild(vraag: str) -> dict:
    """A right answer to a practice rating, but Band at 5 on every statement: above the
    band on most fragments, so the lean shows once three are rated."""
    from werkalliantie.leren import opgaven

    opgave = opgaven.laad_opgave(vraag)
    goed = opgaven.modelantwoord(opgave, opgave.sleutel)
    return {k: 5 if k.startswith("band_") else v for k, v in goed.items()}


def test_neiging_op_de_voortgangspagina_na_drie_fragmenten(pagina, voila):
    """The progress page in Voilà (issue 20): with two rated fragments it says when the lean
    comes, with three it shows it; the page is the learner's one call, run on each load."""
    from werkalliantie.leren.antwoorden import Antwoordenbestand

    map_ = voila.map(ROOT / "notebooks" / "voortgang.ipynb")
    bestand = Antwoordenbestand(map_)
    for vraag in ("denise-a", "peter-a"):
        bestand.bewaar(vraag, _mild(vraag))
    pagina.goto(f"{voila.url}/voila/render/{map_.name}/voortgang.ipynb", wait_until="load",
                timeout=VOILA_LADEN_MS)
    pagina.get_by_text("Hoe jij beoordeelt").wait_for(timeout=60_000)
    tekst = pagina.inner_text("body")
    assert "Nu heb je er 2." in tekst and "zit je vaak" not in tekst

    bestand.bewaar("matthias-a", _mild("matthias-a"))  # a third fragment
    pagina.reload(wait_until="load", timeout=VOILA_LADEN_MS)
    neiging = pagina.get_by_text("Bij Band zit je vaak boven de referentie.")
    neiging.wait_for(timeout=60_000)
    tekst = pagina.inner_text("body")
    assert "Je hebt 3 fragmenten beoordeeld." in tekst
    assert "Let de volgende keer ook op wat schuurt" in tekst
    assert "import " not in tekst  # Voilà shows no code
    assert pagina.netwerk.geblokkeerd == []
    assert not [r for r in pagina.console_regels if r.startswith("[pageerror]")]
    _foto(pagina, "voortgang-neiging.png")
