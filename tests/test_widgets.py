"""The alliance rating widget without a browser (issue 3): its state is exposed as
attributes, so a test sets a slider and asserts, as ipywidgets' own tests do.

What matters most: restoring never writes the answer file, saving writes exactly what the
sliders show, a damaged file loses nothing, and nothing from the file reaches the page
unescaped."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import ipywidgets as widgets
import pytest

from werkalliantie import widgets as module
from werkalliantie.alliantie import oefensleutel, vragenlijst
from werkalliantie.antwoorden import Antwoordenbestand, AntwoordenFout
from werkalliantie.widgets import WerkalliantieOefening, samenvatting_tekst

VRAAG = "denise-a"
LIJST = vragenlijst()
ITEMS = [i.id for i in LIJST.items]
ANTWOORD = dict(zip(ITEMS, [4, 4, 5, 2, 1, 2, 4, 5, 3]))


def oefening(map_: Path, sleutel: bool = True) -> WerkalliantieOefening:
    return WerkalliantieOefening(VRAAG, "denise", "a",
                                 sleutel=oefensleutel(VRAAG) if sleutel else None, map=map_)


def html_waarden(widget) -> list[str]:
    """Every text the widget tree shows: HTML and Label values, descriptions, tooltips."""
    teksten = []
    if isinstance(widget, widgets.HTML | widgets.Label):
        teksten.append(widget.value)
    for naam in ("description", "tooltip"):
        if getattr(widget, naam, None):
            teksten.append(getattr(widget, naam))
    for kind in getattr(widget, "children", ()):
        teksten.extend(html_waarden(kind))
    return teksten


def momentopname(map_: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in map_.iterdir()}


def opgeslagen(map_: Path) -> dict:
    return json.loads((map_ / "antwoorden.json").read_text(encoding="utf-8"))["antwoorden"]


# --- construction and restoring ------------------------------------------------------------

def test_zonder_bestand_schrijft_niets(tmp_path):
    w = oefening(tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert "Nog niet opgeslagen" in w.status.value
    assert "nog geen antwoord opgeslagen" in w.samenvatting.lower()
    assert w.resultaat is None and w.feedback.value == ""


def test_bouwen_geeft_geen_waarschuwing(tmp_path):
    # In nbgrader anything on stderr scores 0: the graded cell builds this widget.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        oefening(tmp_path, sleutel=False)


def test_een_schuifbalk_per_stelling_met_leesbare_tekst(tmp_path):
    w = oefening(tmp_path)
    assert list(w.sliders) == ITEMS
    for s in w.sliders.values():
        assert (s.min, s.max) == (LIJST.schaal.min, LIJST.schaal.max)
        assert s.description == ""  # a description truncates: the text sits beside it
    teksten = "\n".join(html_waarden(w))
    for item in LIJST.items:
        assert item.tekst in teksten  # whole, in a widget that wraps
    for d in LIJST.dimensies:
        assert f"<h4>{d.naam} " in teksten
    assert all(label in teksten for label in LIJST.schaal.labels.values())
    assert "Het budgetplan" in teksten and "Denise zucht." in teksten


def test_schaallabel_volgt_de_schuifbalk(tmp_path):
    w = oefening(tmp_path)
    w.sliders["taken_aanpak"].value = 1
    assert "helemaal niet" in w._schaallabels["taken_aanpak"].value


def test_terugzetten_schrijft_niets(tmp_path):
    Antwoordenbestand(tmp_path).bewaar(VRAAG, ANTWOORD)
    Antwoordenbestand(tmp_path).bewaar("andere-vraag", "blijft staan")
    voor = momentopname(tmp_path)
    w = oefening(tmp_path)
    assert w.antwoord == ANTWOORD
    assert "staat weer klaar" in w.status.value
    assert momentopname(tmp_path) == voor  # no write, no new file, no lock file
    # Moving a slider only marks the answer as changed; only the button saves.
    w.sliders["band_open"].value = 1
    assert momentopname(tmp_path) == voor
    assert "nog niet opgeslagen" in w.status.value
    assert w.resultaat is None


def test_sleutel_van_een_andere_vraag_wordt_geweigerd(tmp_path):
    with pytest.raises(ValueError, match="hoort bij vraag"):
        WerkalliantieOefening("denise-b", "denise", "b", sleutel=oefensleutel(VRAAG), map=tmp_path)


# --- saving --------------------------------------------------------------------------------

def test_opslaan_schrijft_precies_de_schuifbalken(tmp_path):
    Antwoordenbestand(tmp_path).bewaar("andere-vraag", [1, 2])
    w = oefening(tmp_path)
    for item_id, waarde in ANTWOORD.items():
        w.sliders[item_id].value = waarde
    assert w.bewaar() is True
    bestand = opgeslagen(tmp_path)
    assert bestand[VRAAG]["waarde"] == ANTWOORD
    assert all(type(v) is int for v in bestand[VRAAG]["waarde"].values())
    assert bestand["andere-vraag"]["waarde"] == [1, 2]
    assert re.search(r"Opgeslagen om \d\d:\d\d\.", w.status.value)
    assert "Doelen (taakalliantie): gemiddeld 4,3" in w.samenvatting
    assert w.samenvatting == samenvatting_tekst(VRAAG, tmp_path)


def test_knop_doet_wat_bewaar_doet(tmp_path):
    w = oefening(tmp_path)
    w.knop.click()
    assert opgeslagen(tmp_path)[VRAAG]["waarde"] == w.antwoord


def test_oefenversie_toont_feedback_met_referentie(tmp_path):
    w = oefening(tmp_path)
    for item_id, waarde in dict(ANTWOORD, band_vertrouwen=1, band_begrepen=2, band_open=1).items():
        w.sliders[item_id].value = waarde
    w.bewaar()
    assert w.resultaat is not None
    assert {d.dimensie: d.punten for d in w.resultaat.dimensies} == {
        "doelen": 2, "taken": 2, "band": 0}  # band 1,3 vs 4,3: more than 1 lower
    feedback = w.feedback.value
    for d in w.resultaat.dimensies:
        assert f"het antwoordmodel geeft {module.getal(d.referentie)}" in feedback
        assert module._e(d.toelichting) in feedback
    assert "Totaal: 4 van 6 punten." in feedback


def test_toetsversie_toont_alleen_volledigheid(tmp_path):
    w = oefening(tmp_path, sleutel=False)
    w.bewaar()
    assert w.resultaat is None and w.hints == []
    assert "alle stellingen ingevuld" in w.feedback.value
    assert "antwoordmodel" not in "\n".join(html_waarden(w))


def test_opslaan_mislukt_zonder_uitzondering(tmp_path, monkeypatch):
    w = oefening(tmp_path)

    def weigert(self, vraag_id, waarde):
        raise AntwoordenFout("Je antwoorden konden niet worden opgeslagen: het bestand is bezet.")

    monkeypatch.setattr(Antwoordenbestand, "bewaar", weigert)
    assert w.bewaar() is False
    assert "bezet" in w.status.value and "Let op" in w.status.value
    assert w.resultaat is None

    def stuk(self, vraag_id, waarde):
        raise RuntimeError("onverwacht")

    monkeypatch.setattr(Antwoordenbestand, "bewaar", stuk)
    assert w.bewaar() is False
    assert "niet worden opgeslagen" in w.status.value


# --- damaged and too new files -----------------------------------------------------------

def test_beschadigd_bestand_wordt_gemeld_en_niets_gaat_verloren(tmp_path):
    (tmp_path / "antwoorden.json").write_text("{ dit is geen json", encoding="utf-8")
    voor = momentopname(tmp_path)
    w = oefening(tmp_path)
    assert "beschadigd" in w.status.value and "Let op" in w.status.value
    assert momentopname(tmp_path) == voor
    w.sliders["doelen_eens"].value = 5
    assert w.bewaar() is True
    assert "apart onder een nieuwe naam" in w.status.value
    apart = list(tmp_path.glob("antwoorden.beschadigd-*.json"))
    assert [p.read_text(encoding="utf-8") for p in apart] == ["{ dit is geen json"]
    assert opgeslagen(tmp_path)[VRAAG]["waarde"]["doelen_eens"] == 5


def test_beschadigd_bestand_valt_terug_op_laatste_goede_versie(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar(VRAAG, ANTWOORD)
    bestand.bewaar("andere-vraag", 1)  # now antwoorden.vorige.json holds ANTWOORD
    (tmp_path / "antwoorden.json").write_bytes(b"\x00\xff kapot")
    w = oefening(tmp_path)
    assert w.antwoord == ANTWOORD
    assert "laatste goede versie" in w.status.value


def test_te_nieuw_bestand_wordt_gelezen_en_eerst_apart_gekopieerd(tmp_path):
    inhoud = json.dumps({"schema": "werkalliantie-antwoorden", "versie": 99, "antwoorden": {
        VRAAG: {"waarde": ANTWOORD, "opgeslagen": "2026-01-01T10:00:00+01:00"}}})
    (tmp_path / "antwoorden.json").write_text(inhoud, encoding="utf-8")
    w = oefening(tmp_path)
    assert "nieuwere versie" in w.status.value
    assert w.antwoord == ANTWOORD  # read as far as possible
    w.sliders["doelen_eens"].value = 1
    assert w.bewaar() is True
    [kopie] = tmp_path.glob("antwoorden.kopie-*.json")
    assert kopie.read_text(encoding="utf-8") == inhoud
    assert kopie.name in w.status.value
    assert opgeslagen(tmp_path)[VRAAG]["waarde"]["doelen_eens"] == 1


# --- hostile content in the file ----------------------------------------------------------

KWAAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
VIJANDIG = {
    "doelen_eens": KWAAD,
    "doelen_eigen": "x" * 10_000,
    "doelen_helder": "😀\x00\x1b[31m\u202e",
    "taken_aanpak": {"genest": [KWAAD]},
    "taken_zinvol": 4,
    KWAAD: 3,
    "😀" * 50: "\x07",
}


def schrijf_ruw(map_: Path, waarde, opgeslagen_op="2026-01-01T10:00:00+01:00"):
    data = {"schema": "werkalliantie-antwoorden", "versie": 1,
            "antwoorden": {VRAAG: {"waarde": waarde, "opgeslagen": opgeslagen_op}}}
    (map_ / "antwoorden.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("waarde", [VIJANDIG, KWAAD, [KWAAD] * 3, 10**30, None, {}, "x" * 10_000],
                         ids=["velden", "tekst", "lijst", "getal", "none", "leeg", "lang"])
@pytest.mark.parametrize("tijd", ["2026-01-01T10:00:00+01:00", KWAAD])
def test_vijandige_inhoud_wordt_ontsnapt(tmp_path, waarde, tijd):
    schrijf_ruw(tmp_path, waarde, tijd)
    voor = momentopname(tmp_path)
    w = oefening(tmp_path)
    assert momentopname(tmp_path) == voor
    getoond = "\n".join(html_waarden(w))
    tekst = samenvatting_tekst(VRAAG, tmp_path)
    for uitvoer in (getoond, tekst):
        assert "<script" not in uitvoer and "<img" not in uitvoer
        assert "x" * 100 not in uitvoer and "\x00" not in uitvoer and "\x1b" not in uitvoer
    if isinstance(waarde, dict) and waarde:
        assert w.sliders["taken_zinvol"].value == 4  # the one valid value is restored
        assert "geen geldige score" in tekst
    # The learner can still save; the hostile values are replaced by the sliders' values.
    assert w.bewaar() is True
    assert opgeslagen(tmp_path)[VRAAG]["waarde"] == w.antwoord


def test_samenvatting_tekst_voor_de_nakijker(tmp_path):
    assert "nog geen antwoord opgeslagen" in samenvatting_tekst(VRAAG, tmp_path).lower()
    assert not (tmp_path / "antwoorden.json").exists()
    onvolledig = {k: v for k, v in ANTWOORD.items() if k != "band_open"}
    Antwoordenbestand(tmp_path).bewaar(VRAAG, onvolledig)
    tekst = samenvatting_tekst(VRAAG, tmp_path)
    assert "Doelen (taakalliantie): gemiddeld 4,3" in tekst
    assert "Score: 5 (helemaal)" in tekst
    assert "Ze kunnen eerlijk en open tegen elkaar zijn. Score: niet ingevuld." in tekst
    assert "Band (persoonlijke alliantie): geen gemiddelde" in tekst
    # The graded cell prints the summary: it must never show a reference.
    assert "antwoordmodel" not in tekst
