"""The grading rule of kind ``beoordeling``, rating the alliance (issues 3 and 9): right,
wrong, partial, missing and malformed answers. One rule serves the practice feedback and
the autograder, so an answer of any shape gives a result, never an exception."""

from __future__ import annotations

import dataclasses
import math

import pytest

from werkalliantie.leren.opgaven import laad_opgave, nakijken, volledigheid
from werkalliantie.leren.opgaven.soorten.beoordeling import Referentie, dimensiescore, lees, vragenlijst

OPGAVE = laad_opgave("denise-a")
LIJST = vragenlijst(OPGAVE)
ITEMS = [i.id for i in LIJST.items]
SLEUTEL = OPGAVE.sleutel  # doelen 4,3 · taken 2 · band 4,3; margin 1


def beoordeel_werkalliantie(antwoord, sleutel=SLEUTEL):
    return nakijken(OPGAVE, antwoord, sleutel)


def volledigheid_werkalliantie(antwoord):
    return volledigheid(OPGAVE, antwoord)


def score(antwoord, dimensie: str) -> float | None:
    return dimensiescore(lees(OPGAVE, antwoord).scores, LIJST.dimensie(dimensie))


def uitleg(resultaat, dimensie: str, met_referentie: bool) -> str:
    return "\n".join(resultaat.deel(dimensie).regels(met_uitleg=met_referentie))


def antwoord(doelen, taken, band) -> dict[str, object]:
    """An answer with the given three values per dimension, in item order."""
    waarden = {"doelen": doelen, "taken": taken, "band": band}
    return {i.id: w for d in LIJST.dimensies for i, w in zip(d.items, waarden[d.id])}


GOED = {**antwoord((4, 4, 5), (2, 2, 2), (4, 5, 4)), "zwakste": "taken", "bewijs": [6, 7, 8, 9]}
DIMENSIES = ("doelen", "taken", "band")


def punten(resultaat) -> dict[str, float]:
    """The points of the three dimensions (the weakest part and the evidence apart)."""
    return {d.onderdeel: d.punten for d in resultaat.delen if d.onderdeel in DIMENSIES}


# --- right, wrong, partial ---------------------------------------------------------------

def test_goed_antwoord_krijgt_alle_punten():
    r = beoordeel_werkalliantie(GOED, SLEUTEL)
    assert r.punten == r.max_punten == OPGAVE.max_punten == 9
    assert r.meldingen == ()
    assert [score(GOED, d.id) for d in LIJST.dimensies] == [4.33, 2.0, 4.33]
    for d in LIJST.dimensies:
        assert "binnen 1 punt" in uitleg(r, d.id, True)


def test_fout_antwoord_krijgt_nul_punten_met_richting():
    r = beoordeel_werkalliantie(antwoord((1, 1, 1), (5, 5, 5), (1, 2, 1)), SLEUTEL)
    assert r.punten == 0
    assert "lager" in uitleg(r, "doelen", True)
    assert "hoger" in uitleg(r, "taken", True)


def test_deels_goed():
    r = beoordeel_werkalliantie(antwoord((4, 4, 4), (4, 4, 4), (4, 4, 4)), SLEUTEL)
    assert punten(r) == {"doelen": 2, "taken": 0, "band": 2}
    assert sum(punten(r).values()) == 4


@pytest.mark.parametrize("taken, raak", [
    ((3, 3, 3), True),    # 3,0 vs 2,0: exactly the margin counts
    ((3, 3, 4), False),   # 3,33: just outside
    ((1, 1, 1), True),    # 1,0: the margin below
])
def test_grens_van_de_marge(taken, raak):
    r = beoordeel_werkalliantie(antwoord((4, 4, 4), taken, (4, 4, 4)), SLEUTEL)
    assert r.deel("taken").goed is raak


def test_uitleg_met_referentie_noemt_model_en_reden():
    r = beoordeel_werkalliantie(GOED, SLEUTEL)
    tekst = uitleg(r, "taken", met_referentie=True)
    assert "jouw score is 2" in tekst and "Het antwoordmodel geeft 2" in tekst
    assert SLEUTEL.referentie["taken"].toelichting in tekst


def test_uitleg_zonder_referentie_verraadt_de_sleutel_niet():
    r = beoordeel_werkalliantie(antwoord((4, 4, 4), (4, 4, 4), (4, 4, 4)), SLEUTEL)
    for d in LIJST.dimensies:
        tekst = r.toetsuitvoer(d.id)
        assert "antwoordmodel geeft" not in tekst
        assert SLEUTEL.referentie[d.id].toelichting not in tekst
        assert "4,3" not in tekst


# --- missing --------------------------------------------------------------------------------

@pytest.mark.parametrize("leeg", [None, {}])
def test_geen_antwoord(leeg):
    r = beoordeel_werkalliantie(leeg, SLEUTEL)
    assert r.punten == 0
    if leeg is not None:
        assert all(score(leeg, d.id) is None for d in LIJST.dimensies)
        assert all("niet alle stellingen" in uitleg(r, d.id, True) for d in LIJST.dimensies)
    if leeg is None:
        assert any("Opslaan" in m for m in r.meldingen)


def test_ontbrekende_stelling_kost_alleen_die_dimensie():
    onvolledig = dict(GOED)
    del onvolledig["band_open"]
    r = beoordeel_werkalliantie(onvolledig, SLEUTEL)
    assert punten(r) == {"doelen": 2, "taken": 2, "band": 0}
    assert score(onvolledig, "band") is None


def test_volledigheid():
    assert volledigheid_werkalliantie(GOED) == []
    onvolledig = {k: v for k, v in GOED.items() if k not in ("doelen_eens", "doelen_helder",
                                                             "band_begrepen")}
    hints = volledigheid_werkalliantie(onvolledig)
    assert "Doelen: stellingen 1 en 3 zijn nog niet ingevuld." in hints
    assert "Band: stelling 2 is nog niet ingevuld." in hints
    assert volledigheid_werkalliantie(None)  # says that nothing was saved


# --- malformed: any value gives a result, never an exception, never points --------------

ONGELDIG = {
    "tekst": "4",
    "bool": True,
    "halve": 3.5,
    "nan": float("nan"),
    "oneindig": math.inf,
    "none": None,
    "nul": 0,
    "zes": 6,
    "negatief": -4,
    "groot": 10**100,
    "dict": {"waarde": 4},
    "lijst": [4],
}


@pytest.mark.parametrize("soort", ONGELDIG)
def test_ongeldige_waarde_telt_niet_mee(soort):
    slecht = dict(GOED, doelen_eens=ONGELDIG[soort])
    r = beoordeel_werkalliantie(slecht, SLEUTEL)
    assert score(slecht, "doelen") is None
    assert r.deel("doelen").punten == 0
    assert punten(r)["taken"] == punten(r)["band"] == 2
    assert any("geen geldige score" in m for m in r.meldingen)
    assert volledigheid_werkalliantie(slecht)


def test_hele_getallen_als_float_tellen_mee():
    # JSON has no int type of its own: 4.0 is the score 4.
    r = beoordeel_werkalliantie({k: float(v) if isinstance(v, int) else v for k, v in GOED.items()},
                                SLEUTEL)
    assert r.punten == 9 and r.meldingen == ()


def test_extra_sleutels_tellen_niet_mee_en_worden_gemeld():
    r = beoordeel_werkalliantie(dict(GOED, onbekend=5, doelen=1), SLEUTEL)
    assert r.punten == 9
    assert any("niet bij deze vraag horen" in m for m in r.meldingen)


@pytest.mark.parametrize("vorm", [[4] * 9, "4,4,5,2,2,2,4,5,4", 4, 4.0, True, (), set(),
                                  {"antwoorden": GOED}, [GOED]])
def test_verkeerde_vorm(vorm):
    r = beoordeel_werkalliantie(vorm, SLEUTEL)
    assert r.punten == 0
    assert r.meldingen
    assert volledigheid_werkalliantie(vorm)


def test_alle_stellingen_ongeldig_geeft_een_melding_per_soort():
    r = beoordeel_werkalliantie({k: "x" for k in ITEMS}, SLEUTEL)
    assert r.punten == 0
    assert len(r.meldingen) == 1  # the same Dutch message once, not nine times


# --- the result shows itself without leaking HTML ---------------------------------------

KWAAD = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def test_repr_html_ontsnapt_alles():
    sleutel = dataclasses.replace(SLEUTEL, referentie={
        d.id: Referentie(score=3, toelichting=KWAAD) for d in LIJST.dimensies})
    r = beoordeel_werkalliantie(dict(GOED, **{KWAAD: KWAAD}, doelen_eens=KWAAD), sleutel)
    html = r._repr_html_()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert str(r).startswith("Totaal: ")


# --- the weakest part and the evidence ------------------------------------------------------

def test_zwakste_onderdeel_goed_of_fout():
    assert beoordeel_werkalliantie(GOED).deel("zwakste").punten == 1
    fout = beoordeel_werkalliantie(dict(GOED, zwakste="band"))
    assert fout.deel("zwakste").punten == 0
    assert "Je koos Band" in fout.deel("zwakste").feedback[0]
    assert "Het antwoordmodel kiest Taken" in fout.deel("zwakste").uitleg[0]
    onbekend = beoordeel_werkalliantie(dict(GOED, zwakste="<b>x</b>"))
    assert onbekend.deel("zwakste").punten == 0 and onbekend.meldingen


@pytest.mark.parametrize("zinnen, verwacht", [
    ([6, 7, 8, 9], 2.0),      # all four annotated sentences
    ([6, 7], 1.0),            # half of them
    ([6, 7, 8, 1], 1.0),      # three right, one wrong: (3 - 1) / 4 of 2 points
    ([1, 2, 3], 0.0),         # only wrong ones: never below zero
    ([9, 9, 9, 9], 0.5),      # a sentence chosen twice counts once
    ([0, 11], 0.0),           # not sentences of the fragment: a message, no points
    ([True, "6"], 0.0),
])
def test_bewijs_deelpunten(zinnen, verwacht):
    assert beoordeel_werkalliantie(dict(GOED, bewijs=zinnen)).deel("bewijs").punten == verwacht
