"""Issue 11: the goal exercises and an exercise for every other recommendation.

The rules of the four kinds added here (right, wrong, partial, missing and malformed
answers beyond the engine's shared checks in test_opgaven.py), what the graded feedback
may show, how the keys agree with the goal checker and with Kiresuk and Sherman's formula,
and that every exercise has its practice notebook, book page and assignment.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from conftest import ROOT
from werkalliantie.bouwen import boek
from werkalliantie.leren import opgaven
from werkalliantie.begeleiden.nakijken.sleutels import lees_sleutel
from werkalliantie.leren.opgaven import laad_opgave, nakijken
from werkalliantie.leren.opgaven.model import alle_opdrachten
from werkalliantie.leren.opgaven.soorten import doelbouwer, doelherkennen, gasscore

SLEUTELS = ROOT / "exercises" / "sleutels"
# The exercise ids the trainer's guide refers to (issue 11, point 7).
OEFENINGEN = ["doelen-herkennen", "doelen-formuleren-denise", "doelen-formuleren-peter",
              "doelen-formuleren-matthias", "doelen-formuleren-nuestra", "juiste-match",
              "leefwereld-systeemwereld", "zelfregie-volgen", "zorg-voor-jezelf"]
CASUSSEN = ["denise", "peter", "matthias", "nuestra"]


def graded_sleutel(vraag: str):
    return lees_sleutel(laad_opgave(vraag), SLEUTELS)


# --- doelherkennen ------------------------------------------------------------------------

def test_doelherkennen_per_criterium_en_deelpunten():
    o = laad_opgave("doelen-herkennen-1")  # ten goals, 2 points per criterion
    goed = opgaven.modelantwoord(o, o.sleutel)
    assert {d.onderdeel: d.punten for d in nakijken(o, goed, o.sleutel).delen} == dict.fromkeys(
        doelherkennen.criteria(), 2.0)
    # Three goals judged wrong on "meetbaar" only: 7 of 10 → 1,4 points.
    fout = dict(goed)
    for doel in ("corporaties", "beter", "schulden"):
        fout[doel] = sorted(set(goed[doel]) ^ {"meetbaar"})
    r = nakijken(o, fout, o.sleutel)
    assert r.deel("meetbaar").punten == 1.4 and r.deel("concreet").punten == 2
    assert r.deel("meetbaar").feedback == ("Meetbaar: je beoordeelde 7 van de 10 doelen goed.",)
    assert r.deel("meetbaar").uitleg == ("Doel 1 is wel meetbaar.", "De doelen 2 en 4 zijn niet meetbaar.")
    # Everything the other way round: nothing right.
    omgekeerd = {d: [c for c in doelherkennen.criteria() if c not in v] for d, v in goed.items()}
    assert nakijken(o, omgekeerd, o.sleutel).punten == 0


def test_doelherkennen_niets_aangevinkt_of_doelen_weg_geeft_geen_punten():
    o = laad_opgave("doelen-herkennen-1")
    leeg = {d.id: [] for d in o.opties.doelen}  # "no goal meets anything" is not an answer
    r = nakijken(o, leeg, o.sleutel)
    assert r.punten == 0 and "Je hebt nog niets aangevinkt." in r.meldingen
    half = {d: v for d, v in opgaven.modelantwoord(o, o.sleutel).items() if d != "beter"}
    assert nakijken(o, half, o.sleutel).deel("concreet").punten == 1.8  # 9 of 10: no rounding up
    assert "ontbreken in je antwoord: 2." in opgaven.volledigheid(o, half)[0]


@pytest.mark.parametrize("antwoord", [{"beter": "concreet"}, {"beter": ["vaag"]}, {"beter": [3]}],
                         ids=["tekst", "onbekend", "getal"])
def test_doelherkennen_kapotte_keuze_telt_niet(antwoord):
    o = laad_opgave("doelen-herkennen-1")
    r = nakijken(o, {**opgaven.modelantwoord(o, o.sleutel), **antwoord}, o.sleutel)
    assert "Een van je keuzes hoort niet bij deze vraag; die telt niet mee." in r.meldingen
    assert r.deel("concreet").feedback == ("Concreet: je beoordeelde 9 van de 10 doelen goed.",)


def test_doelherkennen_toetsuitvoer_zegt_niet_welk_doel():
    o = laad_opgave("doelen-herkennen")
    sleutel = graded_sleutel("doelen-herkennen")
    antwoord = {d.id: ["concreet"] for d in o.opties.doelen}
    r = nakijken(o, antwoord, sleutel)
    for c in doelherkennen.criteria():
        uitvoer = r.toetsuitvoer(c)
        assert "doelen goed" in uitvoer and not re.search(r"[Dd]oel(en)? \d", uitvoer)


def test_doelherkennen_uitleg_met_de_eigen_feedback_van_de_doelcontrole():
    from werkalliantie.leren.doelen import beoordeel

    o = laad_opgave("doelen-herkennen-1")
    uitleg = doelherkennen.uitleg_per_doel(o, o.sleutel)
    assert uitleg["corporaties"] == ["Dit doel is concreet, meetbaar, tijdgebonden, positief "
                                     "geformuleerd, eigen regie."]
    assert uitleg["beter"][0] == ("Dit doel is positief geformuleerd, eigen regie. Niet: concreet, "
                                  "meetbaar, tijdgebonden.")
    assert uitleg["beter"][-len(beoordeel("Ik wil me beter voelen.").feedback):] == \
        beoordeel("Ik wil me beter voelen.").feedback
    assert o.sleutel.uitleg["reclassering"] in uitleg["reclassering"]


@pytest.mark.parametrize("vraag", ["doelen-herkennen-1", "doelen-herkennen-2", "doelen-herkennen"])
def test_doelherkennen_sleutel_en_doelcontrole_zijn_het_eens(vraag):
    o = laad_opgave(vraag)
    sleutel = o.sleutel or graded_sleutel(vraag)
    assert doelherkennen.controleer_sleutel(o, sleutel) == []
    # Every criterion is met by some goals and missed by others: no round is one-sided.
    for c in doelherkennen.criteria():
        aantal = sum(c in v for v in sleutel.criteria.values())
        assert 2 <= aantal <= len(o.opties.doelen) - 2, (vraag, c, aantal)


def test_doelherkennen_bouw_weigert_een_sleutel_die_de_doelcontrole_tegenspreekt():
    o = laad_opgave("doelen-herkennen-1")
    verkeerd = dataclasses.replace(o.sleutel, criteria={**o.sleutel.criteria, "beter": ("concreet",)})
    [(veld, bericht)] = doelherkennen.controleer(o, verkeerd)
    assert veld == "sleutel.criteria.beter" and "de doelcontrole oordeelt anders" in bericht


# --- doelbouwer ---------------------------------------------------------------------------

def plan(**wijziging) -> dict:
    o = laad_opgave("doelbouwer-peter-oefenen")
    return {**opgaven.modelantwoord(o, o.sleutel), **wijziging}


def test_doelbouwer_goed_deels_en_leeg():
    o = laad_opgave("doelbouwer-peter-oefenen")  # doel 5, plan 2
    r = nakijken(o, plan(), o.sleutel)
    assert (r.deel("doel").punten, r.deel("plan").punten) == (5, 2)
    assert r.deel("plan").feedback == ("Je plan is compleet.",)
    # A vague goal (2 of 5 criteria) and three things left open (4 of 7 → 1,1 → 1 point).
    deels = plan(doel="Ik wil me beter voelen.", stap="", client_doet="  ", belang=None)
    r = nakijken(o, deels, o.sleutel)
    assert r.deel("doel").punten == 2 and r.deel("plan").punten == 1
    assert r.deel("plan").feedback[0] == ("Nog niet ingevuld: de eerste kleine stap, wat Peter "
                                          "doet, hoe belangrijk Peter het doel vindt.")
    assert "Een voorbeeld: 'Voor 1 maart heb ik" in r.deel("doel").uitleg[0]
    assert nakijken(o, {}, o.sleutel).punten == 0


def test_doelbouwer_signalen_kosten_geen_punten():
    o = laad_opgave("doelbouwer-peter-oefenen")
    r = nakijken(o, plan(belang=3, haalbaar=2, afgesproken=False), o.sleutel)
    assert r.punten == r.max_punten
    tekst = " ".join(r.deel("plan").feedback)
    assert "niet zo belangrijk (3 van 10)" in tekst and "moeilijk haalbaar (2 van 10)" in tekst
    assert "nog niet eens over dit doel" in tekst
    assert any("moeilijk haalbaar" in h for h in opgaven.volledigheid(o, plan(haalbaar=2)))


@pytest.mark.parametrize(("wijziging", "melding"), [
    ({"domein": "Justitie"}, "hoort niet bij deze casus"),
    ({"belang": 11}, "niet tussen 0 en 10"),
    ({"haalbaar": "acht"}, "niet tussen 0 en 10"),
    ({"belang": True}, "niet tussen 0 en 10"),
], ids=["domein-van-een-andere-casus", "belang-11", "haalbaar-tekst", "belang-bool"])
def test_doelbouwer_kapotte_velden_tellen_niet(wijziging, melding):
    o = laad_opgave("doelbouwer-peter-oefenen")
    r = nakijken(o, plan(**wijziging), o.sleutel)
    assert any(melding in m for m in r.meldingen)
    assert r.deel("plan").punten < 2


def test_doelbouwer_afgesproken_moet_ja_of_nee_zijn():
    o = laad_opgave("doelbouwer-peter-oefenen")
    r = nakijken(o, plan(afgesproken="ja"), o.sleutel)
    assert "of jullie het eens zijn over het doel" in r.deel("plan").feedback[0]


def gas(*niveaus, indicator="Aantal dagen per week dat Peter voor 9:00 opstaat") -> dict:
    return {"indicator": indicator,
            "niveaus": [{"waarde": w, "tekst": t} for w, t in niveaus]}


GOEDE_GAS = gas(("0", "Peter staat geen enkele dag voor 9:00 op."), ("1", "1 dag per week"),
                ("3", "3 dagen"), ("4", "Peter staat 4 dagen per week op tijd op"), ("5", "5 dagen"))


@pytest.mark.parametrize(("niveaus", "fout"), [
    (GOEDE_GAS, set()),
    (gas(("8", "Na 8 weken"), ("6", "Na 6 weken"), ("4", "Na 4 weken"), ("3", "Na 3 weken"),
         ("2", "Na 2 weken"), indicator="Weken tot de aanvraag"), set()),  # lower is better
    (gas(("0", "nooit"), ("1", "één keer"), ("2", "twee keer"), ("3", "drie keer"),
         ("4,5", "4,5 keer"), indicator="keer per week"), set()),  # number words and decimals
    (gas(("0", "geen"), ("1", "1 dag"), ("", ""), ("4", "4 dagen"), ("5", "5 dagen")),
     {"compleet", "indicator", "volgorde"}),
    (gas(("0", "geen"), ("1", "1 dag"), ("3", "3 dagen"), ("4", "4 dagen"), ("5", "5 dagen"),
         indicator=" "), {"compleet", "indicator"}),
    (gas(("0", "geen"), ("1", "1 dag"), ("3", "Peter voelt zich beter"), ("4", "4 dagen"),
         ("5", "5 dagen")), {"indicator"}),
    (gas(("0", "geen"), ("1", "1 dag"), ("3", "3 dagen"), ("4", "4 dagen en 2 sollicitaties"),
         ("5", "5 dagen")), {"indicator"}),
    (gas(("0", "geen"), ("3", "3 dagen"), ("1", "1 dag"), ("4", "4 dagen"), ("5", "5 dagen")),
     {"volgorde"}),
    (gas(("0", "geen"), ("1", "1 dag"), ("1", "1 dag"), ("4", "4 dagen"), ("5", "5 dagen")),
     {"volgorde"}),
    (gas(("0", "geen"), ("1", "1 dag"), ("drie", "drie dagen"), ("4", "4 dagen"), ("5", "5 dagen")),
     {"compleet", "indicator", "volgorde"}),
], ids=["goed", "aflopend", "woorden-en-decimalen", "niveau-leeg", "geen-indicator",
        "beschrijving-zonder-getal", "tweede-indicator", "volgorde", "twee-gelijk",
        "getal-in-woorden"])
def test_gas_controle(niveaus, fout):
    o = laad_opgave("doelbouwer-peter-oefenen")
    controle = doelbouwer.gas_controle(doelbouwer.lees(o, plan(gas=niveaus)))
    assert {k for k, v in controle.items() if v} == fout, controle


def test_gas_punten_alleen_als_het_record_ze_geeft():
    o = laad_opgave("doelbouwer-peter-oefenen")
    assert "gas" not in {d.id for d in opgaven.onderdelen(o)}
    met_gas = dataclasses.replace(o, punten={**o.punten, "gas": 3.0})
    r = nakijken(met_gas, plan(), o.sleutel)
    assert r.deel("gas").punten == 3 and "In het voorbeeld is de indicator" in r.deel("gas").uitleg[0]
    kapot = gas(("0", "geen"), ("3", "3 dagen"), ("1", "1 dag"), ("4", "4 dagen"), ("5", "5 dagen"))
    assert nakijken(met_gas, plan(gas=kapot), o.sleutel).deel("gas").punten == 2  # 2 of 3 checks
    assert nakijken(met_gas, plan(gas="kapot"), o.sleutel).deel("gas").punten == 0
    zonder = dataclasses.replace(met_gas, opties=doelbouwer.Opties(gas=False))
    assert ("punten.gas", "punten voor GAS kan alleen met opties.gas: true") in \
        doelbouwer.controleer(zonder, None)


def test_doelbouwer_samenvatting_voor_de_nakijker():
    o = laad_opgave("doelbouwer-peter-oefenen")
    regels = opgaven.samenvatting(o, plan(gas=GOEDE_GAS))
    assert regels[0] == "Levensdomein: Financiën"
    assert "Wat Ruben doet: Ruben zoekt uit waar Peter recht op heeft en gaat mee naar de afspraak." in regels
    assert "Hoe haalbaar Peter het vindt: 6 van 10" in regels and "Samen afgesproken: ja" in regels
    assert "  +1: 4 – Peter staat 4 dagen per week op tijd op" in regels
    assert opgaven.samenvatting(o, {})[1] == "Doel: (leeg)"


@pytest.mark.parametrize("casus", CASUSSEN)
def test_doelbouwer_voorbeelden_halen_alle_punten(casus):
    for vraag in (f"doelbouwer-{casus}-oefenen", f"doelbouwer-{casus}"):
        o = laad_opgave(vraag)
        sleutel = o.sleutel or graded_sleutel(vraag)
        assert doelbouwer.controleer_sleutel(o, sleutel) == []
        met_gas = dataclasses.replace(o, punten={**o.punten, "gas": 3.0})
        r = nakijken(met_gas, opgaven.modelantwoord(o, sleutel), sleutel)
        assert r.punten == r.max_punten, (vraag, r)
    # practice and graded keys give different examples: the practice key gives nothing away
    oefen = laad_opgave(f"doelbouwer-{casus}-oefenen").sleutel.voorbeeld
    assert oefen.doel != graded_sleutel(f"doelbouwer-{casus}").voorbeeld.doel


# --- gasscore -----------------------------------------------------------------------------

def test_gas_referentie_volgens_kiresuk_en_sherman():
    # Hand-computed: Σwx = 3·1 + 2·0 + 1·(−1) = 2; Σw² = 14; Σw = 6;
    # T = 50 + 10·2 / √(0,7·14 + 0,3·36) = 50 + 20 / √20,6 = 50 + 20 / 4,5387 = 54,41.
    r = gasscore.referentie(laad_opgave("gas-denise-oefenen"))
    assert (r["teller"], r["kwadraten"], r["som"]) == (2, 14, 6)
    assert r["t"] == pytest.approx(54.4065, abs=1e-4)
    # Equal weights: Σwx = 3, Σw² = 3, Σw = 3: T = 50 + 30 / √(2,1 + 2,7) = 63,69.
    assert gasscore.referentie(laad_opgave("gas-peter-oefenen"))["t"] == pytest.approx(63.693, abs=1e-3)
    # One goal: T = 50 + 10·x.
    een = dataclasses.replace(laad_opgave("gas-peter-oefenen"),
                              opties=gasscore.Opties((gasscore.Doel("Eén doel", 2, -1),)))
    assert gasscore.referentie(een)["t"] == pytest.approx(40)


def test_gasscore_binnen_marge_en_daarbuiten():
    o = laad_opgave("gas-denise-oefenen")  # T = 54,41; marge 0,5; 2 points
    def punten(t):
        return nakijken(o, {"t": t}, o.sleutel).punten
    assert punten("54,41") == punten("54.9") == punten(54) == 2
    assert punten("55") == punten("50") == 0
    r = nakijken(o, {"t": "abc"}, o.sleutel)
    assert r.punten == 0 and "Je T-score is geen getal." in r.meldingen[0]
    assert nakijken(o, {"teller": "2"}, o.sleutel).deel("tscore").feedback == (
        "Je hebt nog geen T-score ingevuld.",)
    assert opgaven.volledigheid(o, {}) == ["Vul je T-score in."]


def test_gasscore_oefening_helpt_per_stap_en_toets_verraadt_niets():
    o = laad_opgave("gas-denise-oefenen")
    r = nakijken(o, {"teller": "2", "kwadraten": "15", "som": "6", "t": "60"}, o.sleutel)
    uitleg = r.deel("tscore").uitleg
    assert "Je tussenstap Σ wᵢ·xᵢ = 2: klopt." in uitleg
    assert "Je tussenstap Σ wᵢ² = 15: dat moet 14 zijn." in uitleg
    assert "Σ wᵢ·xᵢ = 3·1 + 2·0 + 1·(−1) = 2" in uitleg
    assert "T = 50 + 10·2 / 4,539 = 54,41" in uitleg
    # The graded feedback says only whether the T-score lies within the margin.
    toets = laad_opgave("gas-denise")
    uit = nakijken(toets, {"t": "60"}, graded_sleutel("gas-denise")).toetsuitvoer("tscore")
    t = gasscore.referentie(toets)["t"]
    assert "verder dan 0,5" in uit and f"{t:.2f}".replace(".", ",") not in uit and "moet" not in uit


# --- invullen -----------------------------------------------------------------------------

def test_invullen_alleen_of_het_is_ingevuld():
    o = laad_opgave("zorg-voor-jezelf-oefenen")  # four questions, 2 points
    alles = {"signaal": "Ik slaap slecht", "collega": "Sanne", "vorm": "Intervisie", "deze-maand": "Wandelen"}
    assert nakijken(o, alles, o.sleutel).punten == 2
    assert nakijken(o, {**alles, "vorm": " ", "deze-maand": "."}, o.sleutel).punten == 1
    assert nakijken(o, {"signaal": 3}, o.sleutel).punten == 0
    r = nakijken(o, alles, o.sleutel)
    assert "Wat je schrijft, wordt niet beoordeeld." in r.deel("ingevuld").feedback[1]
    assert opgaven.volledigheid(o, {**alles, "collega": ""}) == [
        "Deze vragen heb je nog niet ingevuld: 2."]


def test_invullen_prive_de_nakijker_ziet_alleen_of_het_is_ingevuld():
    o = laad_opgave("zorg-voor-jezelf")
    assert o.opties.prive
    geheim = "Ik pieker elke nacht over mevrouw J."
    regels = opgaven.samenvatting(o, {"signaal": geheim, "collega": ""})
    assert not any(geheim in r for r in regels)
    assert regels[0].endswith("-> ingevuld") and regels[1].endswith("-> nog niet ingevuld")
    open_ = dataclasses.replace(o, opties=dataclasses.replace(o.opties, prive=False))
    assert any(geheim in r for r in opgaven.samenvatting(open_, {"signaal": geheim}))


# --- every exercise: notebook, book page, assignment ----------------------------------------

@pytest.mark.parametrize("oefening", OEFENINGEN)
def test_elke_oefening_heeft_notebook_boekpagina_en_opdracht(oefening):
    nb = nbformat.read(ROOT / "notebooks" / f"{oefening}.ipynb", as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    aanroepen = [re.fullmatch(r'(?:from werkalliantie\.leren\.widgets import oefening\n\n)?'
                              r'oefening\("([a-z0-9-]+)"\)', c) for c in code]
    assert code and all(aanroepen), f"{oefening}: elke cel is één aanroep oefening(...)"
    vragen = [m.group(1) for m in aanroepen]
    assert all(laad_opgave(v).vorm == "oefenen" for v in vragen)
    # the book page is made from the notebook: the same practice widgets
    assert f'oefenpagina("{oefening}"' in (ROOT / "book" / "oefeningen" / f"{oefening}.md").read_text(
        encoding="utf-8")
    pagina = boek.oefenpagina(f"book/oefeningen/{oefening}", oefening)
    assert re.findall(r'oefening\("([a-z0-9-]+)"\)', pagina) == vragen
    assert f"book/oefeningen/{oefening}" in (ROOT / "_toc.yml").read_text(encoding="utf-8")
    opdracht = alle_opdrachten()[oefening]
    assert all(laad_opgave(v).vorm == "beoordeeld" for v in opdracht.opgaven)
    for vraag in opdracht.opgaven:  # every graded key exists and matches its kind
        lees_sleutel(laad_opgave(vraag), SLEUTELS)


def test_hoofdstukken_linken_naar_de_oefeningen():
    boek = ROOT / "book"
    gelinkt = set()
    for pad in boek.glob("*.md"):
        gelinkt |= set(re.findall(r"\(oefeningen/([a-z0-9-]+)\.md\)", pad.read_text(encoding="utf-8")))
    assert set(OEFENINGEN) <= gelinkt
    assert "book/doelen" in (ROOT / "_toc.yml").read_text(encoding="utf-8")


def test_oefen_en_toetsvragen_verschillen():
    """A practice key ships: no graded question may be answerable from it."""
    paren = [("leefwereld-systeemwereld-oefenen", "leefwereld-systeemwereld"),
             ("zelfregie-volgen-oefenen", "zelfregie-volgen"), ("juiste-match-oefenen", "juiste-match"),
             *((f"gas-{c}-oefenen", f"gas-{c}") for c in CASUSSEN)]
    for oefen, toets in paren:
        a, b = laad_opgave(oefen).opties, laad_opgave(toets).opties
        assert json.dumps(dataclasses.asdict(a)) != json.dumps(dataclasses.asdict(b)), toets
    teksten = [d.tekst for v in ("doelen-herkennen-1", "doelen-herkennen-2")
               for d in laad_opgave(v).opties.doelen]
    assert not {d.tekst for d in laad_opgave("doelen-herkennen").opties.doelen} & set(teksten)


def test_sleutelbestanden_zijn_geldige_yaml_met_commentaar():
    for vraag in {v for o in OEFENINGEN for v in alle_opdrachten()[o].opgaven}:
        tekst = (SLEUTELS / f"{vraag}.yaml").read_text(encoding="utf-8")
        assert tekst.startswith("# Graded key") and yaml.safe_load(tekst) is not None
    assert Path(SLEUTELS).is_dir()


# --- the controls --------------------------------------------------------------------------

def test_doelhints_wachten_tot_het_typen_pauzeert(monkeypatch):
    """In a kernel (an asyncio loop) the hints wait for a pause and run once, for the last
    text; nothing is saved."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import ipywidgets as widgets

    from werkalliantie.leren import doelen
    from werkalliantie.leren.widgets import doelhints

    monkeypatch.setattr(doelhints, "PAUZE", 0.05)
    beoordeeld = []
    echt = doelen.beoordeel
    monkeypatch.setattr(doelen, "beoordeel", lambda t: beoordeeld.append(t) or echt(t))

    async def typen():
        vak = widgets.Textarea()
        hints = doelhints.Doelhints(vak, lambda: vak.value)
        for tekst in ("I", "Ik w", "Ik wil me beter voelen"):
            vak.value = tekst
            await asyncio.sleep(0.01)
        assert hints.html.value == "" and beoordeeld == []
        await asyncio.sleep(0.15)
        return hints.html.value

    # A loop of its own: another test's browser may already run one in this thread.
    with ThreadPoolExecutor(1) as draad:
        html_ = draad.submit(asyncio.run, typen()).result()
    assert beoordeeld == ["Ik wil me beter voelen"]
    assert "✘ concreet" in html_ and 'aria-live="polite"' in html_


def test_doelherkennen_toont_onder_elk_doel_de_uitleg_na_opslaan(tmp_path):
    from werkalliantie.leren.widgets import oefening

    w = oefening("doelen-herkennen-1", tmp_path)
    assert all(h.value == "" for h in w.bediening.uitleg_per_doel.values())
    for c in ("concreet", "positief", "eigen_regie"):  # the key: positief, eigen regie
        w.bediening.vinkjes["beter"][c].value = True
    w.bewaar()
    beter = w.bediening.uitleg_per_doel["beter"].value
    assert "Je oordeel verschilt bij: concreet." in beter and "De doelcontrole zegt:" in beter
    assert "Je oordeel klopt." not in beter
    assert "Je oordeel verschilt bij: concreet, meetbaar, tijdgebonden, positief geformuleerd, " \
           "eigen regie." in w.bediening.uitleg_per_doel["corporaties"].value


def test_doelherkennen_toetsversie_toont_geen_uitleg(tmp_path):
    from werkalliantie.leren.widgets import Opgavewidget

    w = Opgavewidget(laad_opgave("doelen-herkennen"), met_sleutel=False, map=tmp_path)
    w.bediening.vinkjes["kamer"]["concreet"].value = True
    w.bewaar()
    assert all(h.value == "" for h in w.bediening.uitleg_per_doel.values())


def test_doelbouwer_bediening_herstelt_alles_zoals_getypt(tmp_path):
    from werkalliantie.leren.antwoorden import Antwoordenbestand
    from werkalliantie.leren.widgets import oefening

    antwoord = plan(gas=gas(("0", "geen"), ("1", "1 dag"), ("3,5", "3,5 dag"), ("4", "4"), ("abc", "x")))
    Antwoordenbestand(tmp_path).bewaar("doelbouwer-peter-oefenen", antwoord)
    w = oefening("doelbouwer-peter-oefenen", tmp_path)
    b = w.bediening
    assert w.antwoord == antwoord  # "3,5" and even "abc" come back as typed
    assert b.domein.value == "Financiën" and b.belang.value == 10 and b.afgesproken.value is True
    assert "✔ concreet" in b.doelhints.html.value  # the hints of the restored goal, at once
    assert [o[0] for o in b.domein.options][1:] == list(doelbouwer.domeinen(laad_opgave("doelbouwer-peter-oefenen")))


def test_doelbouwer_toetsversie_geeft_hints_maar_geen_voorbeeld(tmp_path):
    from werkalliantie.leren.widgets import Opgavewidget

    w = Opgavewidget(laad_opgave("doelbouwer-nuestra"), met_sleutel=False, map=tmp_path)
    w.bediening.doel.value = "Ik wil minder ruzie."
    w.bewaar()
    assert any("Nog niet ingevuld: het levensdomein" in h for h in w.hints)
    assert any("moet stoppen" in h or "minder" in h for h in w.hints)  # the checker's own hint
    assert "Een voorbeeld:" not in w.feedback.value and "In het voorbeeld" not in w.feedback.value


def test_gasscore_bediening_toont_het_scenario(tmp_path):
    from werkalliantie.leren.widgets import oefening
    from test_widgets import html_waarden

    w = oefening("gas-matthias-oefenen", tmp_path)
    teksten = "\n".join(html_waarden(w))
    assert '<th scope="row"' in teksten and "Elke maandag de post openmaken" in teksten
    assert "−1 (minder dan verwacht)" in teksten and "ρ (rho) = 0,3" in teksten
    assert [v.description for v in w.bediening.velden.values()][-1] == "De T-score"
