"""The widget base and each kind's controls without a browser (issues 3 and 9): state is
exposed as attributes, so a test sets a control and asserts, as ipywidgets' own tests do.

What matters most, for every kind: restoring never writes the answer file, saving writes
exactly what the controls show, a damaged file loses nothing, nothing from the file
reaches the page unescaped, and every control has an accessible name.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import ipywidgets as widgets
import pytest

from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoordenbestand, AntwoordenFout
from werkalliantie.leren.opgaven import laad_opgave
from werkalliantie.leren.opgaven.soorten.beoordeling import vragenlijst
from werkalliantie.leren.widgets import Opgavewidget, oefening, opgave
from werkalliantie.leren.widgets.basis import samenvatting_tekst

VRAAG = "denise-a"
LIJST = vragenlijst(laad_opgave(VRAAG))
ITEMS = [i.id for i in LIJST.items]
ANTWOORD = dict(zip(ITEMS, [4, 4, 5, 2, 1, 2, 4, 5, 3]))
# One practice question per kind, and an answer that its controls can show.
VOORBEELDEN = {
    "denise-a": ANTWOORD,
    "bordin-drie-delen": ["doelen", "band"],
    "doel-denise-oefenen": "Ik bel voor vrijdag twee woningcorporaties.",
    "leefwereld-systeemwereld-oefenen": {"dochters": "leefwereld", "termijn": "leefwereld"},
    "doelen-herkennen-1": {d.id: ["concreet", "eigen_regie"][: n % 3]
                           for n, d in enumerate(laad_opgave("doelen-herkennen-1").opties.doelen)},
    "doelbouwer-peter-oefenen": {
        "domein": "Financiën", "doel": "Voor 1 maart vraag ik een uitkering aan.",
        "stap": "Morgen zoek ik mijn paspoort.", "client_doet": "Peter belt de gemeente.",
        "professional_doet": "Ruben gaat mee.", "belang": 9, "haalbaar": 4, "afgesproken": False,
        "gas": {"indicator": "Aantal weken tot de aanvraag", "niveaus": [
            {"waarde": "8", "tekst": "Na 8 weken"}, {"waarde": "6", "tekst": "Na 6 weken"},
            {"waarde": "", "tekst": ""}, {"waarde": "3,5", "tekst": "Na 3,5 week"},
            {"waarde": "2", "tekst": "Na 2 weken"}]}},
    "gas-peter-oefenen": {"teller": "3", "kwadraten": "3", "som": "", "t": "63,7"},
    "zorg-voor-jezelf-oefenen": {"signaal": "Ik slaap slecht.", "collega": "", "vorm": "Intervisie",
                                 "deze-maand": "Wandelen"},
    "sessies-denise": {"daling": 6, "groei": 3, "hoger": "professional", "onder": [1, 2, 6]},
    "denise-a-wat-zeg-je": "Ik vraag Denise wat de cursus voor haar lastig maakt.",
}
# An empty form of each kind, as its controls save it.
LEEG = {"beoordeling": {}, "meerkeuze": [], "doeltekst": "", "open": "", "indelen": {},
        "doelherkennen": None, "doelbouwer": None, "gasscore": None, "invullen": None, "sessies": None}


def html_waarden(widget) -> list[str]:
    """Every text the widget tree shows: HTML and Label values, descriptions, tooltips,
    options and the values of text fields."""
    teksten = []
    if isinstance(widget, widgets.HTML | widgets.Label | widgets.Textarea):
        teksten.append(widget.value)
    for naam in ("description", "tooltip", "placeholder"):
        if getattr(widget, naam, None):
            teksten.append(getattr(widget, naam))
    teksten.extend(str(o) for o in getattr(widget, "_options_labels", ()))
    for kind in getattr(widget, "children", ()):
        teksten.extend(html_waarden(kind))
    return teksten


def bedieningen(widget) -> list[widgets.Widget]:
    """The controls a learner uses (everything with a value that is not text to read, nor
    the hidden barrier)."""
    gevonden = []
    if (isinstance(widget, widgets.ValueWidget) and not isinstance(widget, widgets.HTML | widgets.Label)
            and widget.layout.display != "none"):
        gevonden.append(widget)
    for kind in getattr(widget, "children", ()):
        gevonden.extend(bedieningen(kind))
    return gevonden


def zet(w: Opgavewidget, waarde) -> None:
    """Set the controls of ``w`` to ``waarde`` as a learner would."""
    b = w.bediening
    if w.opgave.soort == "beoordeling":
        for item_id, score in waarde.items():
            if item_id in b.keuzelijsten:
                b.keuzelijsten[item_id].value = score
            elif item_id == "zwakste":
                b.zwakste.value = score
            elif item_id == "bewijs":
                for n, vinkje in b.bewijs.items():
                    vinkje.value = n in score
    elif w.opgave.soort == "meerkeuze":
        for k, vinkje in b.vinkjes.items():
            vinkje.value = k in waarde
    elif w.opgave.soort == "indelen":
        for item_id, rondje in b.rondjes.items():
            rondje.value = waarde.get(item_id)
    elif w.opgave.soort == "doelherkennen":
        for doel_id, vinkjes in b.vinkjes.items():
            for c, vinkje in vinkjes.items():
                vinkje.value = c in waarde.get(doel_id, ())
    elif w.opgave.soort == "doelbouwer":
        for veld in ("domein", "doel", "stap", "client_doet", "professional_doet", "belang",
                     "haalbaar", "afgesproken"):
            getattr(b, veld).value = waarde.get(veld, getattr(b, veld).value)
        gas = waarde.get("gas", {})
        b.indicator.value = gas.get("indicator", b.indicator.value)
        for (getal, tekst), niveau in zip(b.niveaus, gas.get("niveaus", []), strict=False):
            getal.value, tekst.value = niveau["waarde"], niveau["tekst"]
    elif w.opgave.soort == "gasscore":
        for veld, tekst in waarde.items():
            b.velden[veld].value = tekst
    elif w.opgave.soort == "invullen":
        for vraag, tekst in waarde.items():
            b.vakken[vraag].value = tekst
    elif w.opgave.soort == "sessies":
        for deel, keuze in waarde.items():
            if deel == "onder":
                for sessie, vinkje in b.onder.items():
                    vinkje.value = sessie in keuze
            elif deel in b.keuzes:
                b.keuzes[deel].value = keuze
    else:
        b.vak.value = waarde


def momentopname(map_: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in map_.iterdir()}


def opgeslagen(map_: Path) -> dict:
    return json.loads((map_ / "antwoorden.json").read_text(encoding="utf-8"))["antwoorden"]


# --- every kind: construction, restoring, saving ------------------------------------------

@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_zonder_bestand_schrijft_niets(tmp_path, vraag):
    w = oefening(vraag, tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert "Nog niet opgeslagen" in w.status.value
    assert 'role="status"' in w.status.value and 'aria-live="polite"' in w.status.value
    assert "nog geen antwoord opgeslagen" in w.samenvatting.lower()
    assert w.resultaat is None and w.feedback.value == ""


@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_elke_bediening_heeft_een_nederlandse_naam(tmp_path, vraag):
    """Every control's name is its own label (ipywidgets' description, shown or read only):
    a tooltip is no name, browsers take the empty label before it (issue 22). The browser
    check of the same: tests/test_browser_bediening.py."""
    w = oefening(vraag, tmp_path)
    controls = bedieningen(w)
    assert controls
    for c in controls:
        if isinstance(c, widgets.RadioButtons):  # each option's text labels its radio button
            assert all(label.strip() for label in c._options_labels)
            continue
        assert c.description.strip(), f"{type(c).__name__} zonder toegankelijke naam"
        assert not c.description_allow_html  # plain text: never markup in a name
        assert not getattr(c, "tooltip", None), f"{c.description}: een tooltip is geen naam"
    assert not [c for c in controls if isinstance(c, widgets.IntSlider | widgets.FloatSlider)]
    assert w.knop.description == "Opslaan"


@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_bouwen_geeft_geen_waarschuwing(tmp_path, vraag):
    # In nbgrader anything on stderr scores 0: a graded cell builds this widget.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Opgavewidget(laad_opgave(vraag), met_sleutel=False, map=tmp_path)


@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_terugzetten_schrijft_niets_en_veranderen_ook_niet(tmp_path, vraag):
    Antwoordenbestand(tmp_path).bewaar(vraag, VOORBEELDEN[vraag])
    Antwoordenbestand(tmp_path).bewaar("andere-vraag", "blijft staan")
    voor = momentopname(tmp_path)
    w = oefening(vraag, tmp_path)
    assert w.antwoord == VOORBEELDEN[vraag]
    assert "staat weer klaar" in w.status.value
    assert momentopname(tmp_path) == voor  # no write, no new file, no lock file
    # Changing a control only marks the answer as changed; only the button saves.
    anders = {"denise-a": {ITEMS[0]: 1}, "bordin-drie-delen": ["taken"],
              "leefwereld-systeemwereld-oefenen": {"rust": "leefwereld"},
              "doelen-herkennen-1": {"beter": ["meetbaar"]},
              "doelbouwer-peter-oefenen": {"stap": "Iets anders."},
              "gas-peter-oefenen": {"t": "50"}, "zorg-voor-jezelf-oefenen": {"vorm": "Coaching"},
              "sessies-denise": {"daling": 2}}
    zet(w, anders.get(vraag, "iets anders"))
    assert momentopname(tmp_path) == voor
    assert "nog niet opgeslagen" in w.status.value
    assert w.resultaat is None


@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_opslaan_schrijft_precies_wat_de_bediening_toont(tmp_path, vraag):
    Antwoordenbestand(tmp_path).bewaar("andere-vraag", [1, 2])
    w = oefening(vraag, tmp_path)
    zet(w, VOORBEELDEN[vraag])
    w.knop.click()  # the button saves (through the barrier) what the controls show
    antwoord_van_de_browser(w)
    bestand = opgeslagen(tmp_path)
    assert bestand[vraag]["waarde"] == VOORBEELDEN[vraag] == w.antwoord
    assert bestand["andere-vraag"]["waarde"] == [1, 2]
    assert re.search(r"Opgeslagen om \d\d:\d\d\.", w.status.value)
    assert w.samenvatting == samenvatting_tekst(w.opgave, Antwoordenbestand(tmp_path).lees())
    if opgaven.onbeantwoord(w.opgave, w.antwoord):  # trying comes first: no model answer yet
        assert w.resultaat is None and "Nog niet compleet" in w.feedback.value
        assert w.toon_model.layout.display == "flex"
    else:
        assert w.resultaat is not None and "Vergelijk met het antwoordmodel" in w.feedback.value


@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_eerst_proberen_dan_het_antwoordmodel(tmp_path, vraag):
    """An empty save is saved, but shows no score and no model answer, only what is still
    open and "Toon het antwoordmodel"; that asks first, and "Nee" goes back (issue 22)."""
    w = oefening(vraag, tmp_path)
    leeg = LEEG[w.opgave.soort]
    if leeg is not None:
        zet(w, leeg)
    assert w.bewaar() is True
    assert opgaven.onbeantwoord(w.opgave, w.antwoord)
    assert vraag in opgeslagen(tmp_path)  # saved all the same
    assert 'data-toestand="opgeslagen"' in w.status.value and "nog niet compleet" in w.status.value
    assert w.resultaat is None and "Totaal" not in w.feedback.value
    assert not re.search(r"\d van \d+ punt", w.feedback.value)
    assert w.toon_model.layout.display == "flex" and w.bevestiging.layout.display == "none"
    w.toon_model.click()
    assert w.toon_model.layout.display == "none" and w.bevestiging.layout.display == "flex"
    assert w.resultaat is None
    w.niet_tonen.click()
    assert w.toon_model.layout.display == "flex" and w.bevestiging.layout.display == "none"
    assert w.resultaat is None
    w.toon_model.click()
    w.wel_tonen.click()
    assert w.resultaat is not None and "Vergelijk met het antwoordmodel" in w.feedback.value
    assert w.toon_model.layout.display == "none" and w.bevestiging.layout.display == "none"
    # Asked once, the model answer shows after every later save of this page.
    assert w.bewaar() is True and w.resultaat is not None


def test_volledig_antwoord_toont_meteen_het_antwoordmodel(tmp_path):
    opgave_ = laad_opgave(VRAAG)
    w = oefening(VRAAG, tmp_path)
    zet(w, opgaven.modelantwoord(opgave_, opgave_.sleutel))
    assert w.bewaar() is True
    assert "Totaal: 9 van 9 punten." in w.feedback.value
    assert w.toon_model.layout.display == "none"


@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_toetsversie_toont_alleen_volledigheid(tmp_path, vraag):
    w = Opgavewidget(laad_opgave(vraag), met_sleutel=False, map=tmp_path)
    zet(w, VOORBEELDEN[vraag])
    assert w.bewaar() is True
    assert w.resultaat is None and w.hints is not None
    assert "antwoordmodel" not in "\n".join(html_waarden(w))


@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_opslaan_mislukt_zonder_uitzondering(tmp_path, monkeypatch, vraag):
    w = oefening(vraag, tmp_path)

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


def antwoord_van_de_browser(w: Opgavewidget) -> None:
    """What the front end does for a Slagboom request: its Play answers each round trip
    with value = max (tests/test_slagboom.py)."""
    while w.slagboom.open_verzoeken:
        w.slagboom.set_state({"value": w.slagboom.max})


@pytest.mark.parametrize("vraag", VOORBEELDEN)
def test_knop_bewaart_pas_als_de_browser_bij_is(tmp_path, vraag):
    w = oefening(vraag, tmp_path)
    w.knop.click()
    # The click alone saves nothing: values may still be on their way from the browser.
    assert not (tmp_path / "antwoorden.json").exists()
    assert 'data-toestand="bezig"' in w.status.value and "Opgeslagen" not in w.status.value
    zet(w, VOORBEELDEN[vraag])  # values that arrive after the click, before the answer
    antwoord_van_de_browser(w)
    assert opgeslagen(tmp_path)[vraag]["waarde"] == w.antwoord == VOORBEELDEN[vraag]
    assert 'data-toestand="opgeslagen"' in w.status.value


def test_snel_twee_keer_klikken_bewaart_een_keer(tmp_path):
    w = oefening(VRAAG, tmp_path)
    w.knop.click()
    zet(w, {ITEMS[0]: 1})
    w.knop.click()
    w.slagboom.set_state({"value": 1})  # the first round of the first click
    w.slagboom.set_state({"value": 3})  # ... its second round: it does not save
    assert not (tmp_path / "antwoorden.json").exists()
    assert 'data-toestand="bezig"' in w.status.value
    antwoord_van_de_browser(w)
    assert opgeslagen(tmp_path)[VRAAG]["waarde"][ITEMS[0]] == 1


def test_verandering_na_opslaan_zegt_niet_meer_opgeslagen(tmp_path):
    w = oefening(VRAAG, tmp_path)
    w.knop.click()
    antwoord_van_de_browser(w)
    zet(w, {ITEMS[0]: 1})
    assert 'data-toestand="veranderd"' in w.status.value


def test_beoordeelde_opgave_heeft_geen_oefensleutel(tmp_path):
    with pytest.raises(ValueError, match="beoordeeld"):
        oefening("denise-b", tmp_path)


def test_opgave_toont_de_widget_en_print_de_samenvatting(tmp_path, capsys):
    Antwoordenbestand(tmp_path).bewaar("denise-b", ANTWOORD)
    opgave("denise-b", tmp_path)
    uit = capsys.readouterr()
    assert uit.err == ""
    assert "Je opgeslagen antwoord" in uit.out and "Doelen (taakalliantie): gemiddeld 4,3" in uit.out
    assert "antwoordmodel" not in uit.out


# --- the alliance rating's controls --------------------------------------------------------

def test_een_keuzelijst_per_stelling_die_leeg_begint(tmp_path):
    w = oefening(VRAAG, tmp_path)
    assert list(w.bediening.keuzelijsten) == ITEMS
    assert all(k.value == 0 and k.label == "kies een score" for k in w.bediening.keuzelijsten.values())
    assert w.antwoord == {}  # nothing looks answered that was not
    teksten = "\n".join(html_waarden(w))
    for n, item in enumerate(LIJST.items, 1):
        assert item.tekst in teksten  # whole, in a widget that wraps
        assert w.bediening.keuzelijsten[item.id].description == f"Stelling {n}: {item.tekst}"
    for d in LIJST.dimensies:
        assert f"<h4>{d.naam} " in teksten
    assert all(label in teksten for label in LIJST.schaal.labels.values())
    assert "Het budgetplan" in teksten and "Denise zucht." in teksten


def test_oefenversie_toont_feedback_met_referentie(tmp_path):
    w = oefening(VRAAG, tmp_path)
    zet(w, dict(ANTWOORD, band_vertrouwen=1, band_begrepen=2, band_open=1))
    w.bewaar()
    assert w.resultaat is None  # the weakest part and the evidence are still open
    w.toon_model.click()
    w.wel_tonen.click()  # the learner asks for the model answer, and confirms
    assert {d.onderdeel: d.punten for d in w.resultaat.delen} == {
        "doelen": 1, "taken": 1, "band": 0,  # band 1,3: far below its band 3,2..5
        "zwakste": 0, "bewijs": 0}  # not chosen
    feedback = w.feedback.value
    assert "De referentieband loopt van 3,2 tot 5." in feedback
    assert "Waarom: Denise voelt zich gehoord" in feedback
    assert "(ver van de referentieband: 0 van 1 punt)" in feedback
    assert "(dicht bij de referentieband: 1 van 1 punt)" in feedback
    assert "Totaal: 2 van 9 punten." in feedback and "fout" not in feedback.lower()
    # ... and the profile: your scores beside the band, as a chart with a description.
    profiel = w.bediening.profiel.value
    assert 'role="img"' in profiel and "Taken: jij 1,7, referentieband van 1 tot 3" in profiel


def test_onvolledig_antwoord_in_de_toetsversie(tmp_path):
    w = Opgavewidget(laad_opgave("denise-b"), met_sleutel=False, map=tmp_path)
    zet(w, {k: v for k, v in ANTWOORD.items() if k != "band_open"})
    w.bewaar()
    assert w.hints[0] == "Band: stelling 3 is nog niet ingevuld."
    assert "Kies het zwakste onderdeel." in w.hints


def test_samenvatting_tekst_voor_de_nakijker(tmp_path):
    onvolledig = {k: v for k, v in ANTWOORD.items() if k != "band_open"}
    Antwoordenbestand(tmp_path).bewaar(VRAAG, onvolledig)
    tekst = samenvatting_tekst(laad_opgave(VRAAG), Antwoordenbestand(tmp_path).lees())
    assert "Doelen (taakalliantie): gemiddeld 4,3" in tekst
    assert "Score: 5 (helemaal)" in tekst
    assert "Ze kunnen eerlijk en open tegen elkaar zijn. Score: niet ingevuld." in tekst
    assert "Band (persoonlijke alliantie): geen gemiddelde" in tekst
    assert "antwoordmodel" not in tekst  # a graded cell prints it: never a reference


# --- damaged files -----------------------------------------------------------------------

def test_beschadigd_bestand_wordt_gemeld_en_niets_gaat_verloren(tmp_path):
    (tmp_path / "antwoorden.json").write_text("{ dit is geen json", encoding="utf-8")
    voor = momentopname(tmp_path)
    w = oefening(VRAAG, tmp_path)
    assert "beschadigd" in w.status.value and "Let op" in w.status.value
    assert momentopname(tmp_path) == voor
    zet(w, {"doelen_eens": 5})
    assert w.bewaar() is True
    assert "apart onder een nieuwe naam" in w.status.value
    apart = list(tmp_path.glob("antwoorden.beschadigd-*.json"))
    assert [p.read_text(encoding="utf-8") for p in apart] == ["{ dit is geen json"]
    assert opgeslagen(tmp_path)[VRAAG]["waarde"] == {"doelen_eens": 5}


def test_beschadigd_bestand_valt_terug_op_laatste_goede_versie(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar(VRAAG, ANTWOORD)
    bestand.bewaar("andere-vraag", 1)  # now antwoorden.vorige.json holds ANTWOORD
    (tmp_path / "antwoorden.json").write_bytes(b"\x00\xff kapot")
    w = oefening(VRAAG, tmp_path)
    assert w.antwoord == ANTWOORD
    assert "laatste goede versie" in w.status.value


def test_te_nieuw_bestand_wordt_gelezen_en_eerst_apart_gekopieerd(tmp_path):
    inhoud = json.dumps({"schema": "werkalliantie-antwoorden", "versie": 99, "antwoorden": {
        VRAAG: {"waarde": ANTWOORD, "opgeslagen": "2026-01-01T10:00:00+01:00"}}})
    (tmp_path / "antwoorden.json").write_text(inhoud, encoding="utf-8")
    w = oefening(VRAAG, tmp_path)
    assert "nieuwere versie" in w.status.value
    assert w.antwoord == ANTWOORD  # read as far as possible
    zet(w, {"doelen_eens": 1})
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
    "zwakste": KWAAD,
    "bewijs": [KWAAD, 10**30],
    KWAAD: 3,
    "😀" * 50: "\x07",
}


def schrijf_ruw(map_: Path, vraag: str, waarde, opgeslagen_op="2026-01-01T10:00:00+01:00"):
    data = {"schema": "werkalliantie-antwoorden", "versie": 1,
            "antwoorden": {vraag: {"waarde": waarde, "opgeslagen": opgeslagen_op}}}
    (map_ / "antwoorden.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("vraag", VOORBEELDEN)
@pytest.mark.parametrize("waarde", [VIJANDIG, KWAAD, [KWAAD] * 3, 10**30, None, {},
                                    "x" * 10_000 + "\x00\x1b" + KWAAD],
                         ids=["velden", "tekst", "lijst", "getal", "none", "leeg", "lang"])
@pytest.mark.parametrize("tijd", ["2026-01-01T10:00:00+01:00", KWAAD])
def test_vijandige_inhoud_wordt_ontsnapt(tmp_path, vraag, waarde, tijd):
    schrijf_ruw(tmp_path, vraag, waarde, tijd)
    voor = momentopname(tmp_path)
    w = oefening(vraag, tmp_path)
    assert momentopname(tmp_path) == voor
    html_ = [t for t in html_waarden(w)
             if not t.startswith("<style>") and t != getattr(getattr(w.bediening, "vak", None), "value", None)]
    tekst = samenvatting_tekst(w.opgave, Antwoordenbestand(tmp_path).lees())
    for uitvoer in html_:  # shown as HTML: escaped
        assert "<script" not in uitvoer and "<img" not in uitvoer
    for uitvoer in (*html_, tekst):  # also plain text: readable and bounded
        assert "\x00" not in uitvoer and "\x1b" not in uitvoer
        assert len(uitvoer) < 25_000
    if vraag == "denise-a" and isinstance(waarde, dict) and waarde:
        assert w.bediening.keuzelijsten["taken_zinvol"].value == 4  # the valid value is restored
        assert "geen geldige score" in tekst
    # The learner can still save; the hostile values are replaced by what the controls show.
    assert w.bewaar() is True
    assert opgeslagen(tmp_path)[vraag]["waarde"] == w.antwoord
