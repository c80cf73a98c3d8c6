"""The grading rule of kind ``beoordeling``, rating the alliance (issues 3, 9 and 20):
right, far, near, missing and malformed answers against the reference band. One rule
serves the practice feedback and the autograder, so an answer of any shape gives a
result, never an exception."""

from __future__ import annotations

import dataclasses
import math

import pytest

from werkalliantie.leren import opgaven
from werkalliantie.leren.opgaven import laad_opgave, nakijken, volledigheid
from werkalliantie.leren.opgaven.soorten.beoordeling import Referentie, dimensiescore, lees, vragenlijst

OPGAVE = laad_opgave("denise-a")
LIJST = vragenlijst(OPGAVE)
ITEMS = [i.id for i in LIJST.items]
SLEUTEL = OPGAVE.sleutel  # bands: doelen 3,5..5 · taken 1..3 · band 3,17..5


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
        assert "in de referentieband: dicht bij" in uitleg(r, d.id, True)
        assert r.deel(d.id).oordeel == "dicht bij de referentieband"


def test_ver_van_de_band_geeft_nul_punten_met_richting():
    r = beoordeel_werkalliantie(antwoord((1, 1, 1), (5, 5, 5), (1, 2, 1)), SLEUTEL)
    assert r.punten == 0
    assert "ver onder de referentieband" in uitleg(r, "doelen", True)
    assert "ver boven de referentieband" in uitleg(r, "taken", True)
    assert r.deel("taken").oordeel == "ver van de referentieband"
    # ... and says what to look at, from the questionnaire (never the key's own reason)
    assert LIJST.dimensie("taken").let_op in "\n".join(r.deel("taken").feedback)


def test_deels_in_de_band():
    r = beoordeel_werkalliantie(antwoord((4, 4, 4), (4, 4, 4), (4, 4, 4)), SLEUTEL)
    assert punten(r) == {"doelen": 1, "taken": 0, "band": 1}  # taken 4: 1 above 1..3


@pytest.mark.parametrize("taken, verwacht", [
    ((3, 3, 3), 1.0),     # 3,0: the top of the band 1..3 still counts
    ((3, 3, 4), 0.5),     # 3,33: just above it, close: half
    ((3, 4, 4), 0.0),     # 3,67: more than half a point above: far
    ((1, 1, 1), 1.0),     # 1,0: the band is clipped to the scale, not beyond
])
def test_grenzen_van_de_band(taken, verwacht):
    r = beoordeel_werkalliantie(antwoord((4, 4, 4), taken, (4, 4, 4)), SLEUTEL)
    assert r.deel("taken").punten == verwacht


def test_precies_een_half_punt_buiten_de_band_is_nog_dichtbij():
    r = beoordeel_werkalliantie(antwoord((3, 3, 3), (2, 2, 2), (4, 4, 4)), SLEUTEL)
    assert r.deel("doelen").punten == 0.5  # 3,0 vs the band 3,5..5
    assert "net onder de referentieband" in uitleg(r, "doelen", True)


def test_uitleg_met_referentie_noemt_band_beoordelaars_en_reden():
    r = beoordeel_werkalliantie(GOED, SLEUTEL)
    tekst = uitleg(r, "taken", met_referentie=True)
    assert "jouw score is 2" in tekst
    assert "De referentieband loopt van 1 tot 3. De 4 beoordelaars gaven: 2; 2; 2; 2." in tekst
    assert SLEUTEL.referentie["taken"].toelichting in tekst


def test_uitleg_zonder_referentie_verraadt_de_sleutel_niet():
    r = beoordeel_werkalliantie(antwoord((4, 4, 4), (4, 4, 4), (4, 4, 4)), SLEUTEL)
    for d in LIJST.dimensies:
        tekst = r.toetsuitvoer(d.id)
        assert "referentieband loopt" not in tekst and "beoordelaars gaven" not in tekst
        assert SLEUTEL.referentie[d.id].toelichting not in tekst
        assert "3,5" not in tekst and "3,2" not in tekst


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
    assert punten(r) == {"doelen": 1, "taken": 1, "band": 0}
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
    assert punten(r)["taken"] == punten(r)["band"] == 1
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
        d.id: Referentie(toelichting=KWAAD) for d in LIJST.dimensies})
    r = beoordeel_werkalliantie(dict(GOED, **{KWAAD: KWAAD}, doelen_eens=KWAAD), sleutel)
    html = r._repr_html_()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert str(r).startswith("Totaal: ")


# --- the weakest part and the evidence ------------------------------------------------------

def test_zwakste_onderdeel_goed_of_niet():
    assert beoordeel_werkalliantie(GOED).deel("zwakste").punten == 3
    fout = beoordeel_werkalliantie(dict(GOED, zwakste="band"))
    assert fout.deel("zwakste").punten == 0
    assert "Je koos Band" in fout.deel("zwakste").feedback[0]
    assert "Het antwoordmodel kiest Taken" in fout.deel("zwakste").uitleg[0]
    onbekend = beoordeel_werkalliantie(dict(GOED, zwakste="<b>x</b>"))
    assert onbekend.deel("zwakste").punten == 0 and onbekend.meldingen


@pytest.mark.parametrize("zinnen, verwacht", [
    ([6, 7, 8, 9], 3.0),      # all four annotated sentences
    ([6, 7], 1.5),            # half of them
    ([6, 7, 8, 1], 1.5),      # three right, one wrong: (3 - 1) / 4 of 3 points
    ([1, 2, 3], 0.0),         # only wrong ones: never below zero
    ([9, 9, 9, 9], 1.0),      # a sentence chosen twice counts once: 0,75, in half points
    ([0, 11], 0.0),           # not sentences of the fragment: a message, no points
    ([True, "6"], 0.0),
])
def test_bewijs_deelpunten(zinnen, verwacht):
    assert beoordeel_werkalliantie(dict(GOED, bewijs=zinnen)).deel("bewijs").punten == verwacht


def test_een_zin_die_de_meeste_beoordelaars_kozen_kost_niets():
    """Sem-a: the key chooses sentences 8 and 9; all three independent raters also chose 4
    ("Dus jij bent eigenlijk de politie.")."""
    opgave = laad_opgave("sem-a")
    goed = opgaven.modelantwoord(opgave, opgave.sleutel)
    met = nakijken(opgave, dict(goed, bewijs=[4, 8, 9]), opgave.sleutel).deel("bewijs")
    assert met.punten == met.max_punten
    assert "kozen ook de meeste andere beoordelaars. Die kost geen punt." in met.feedback[0]
    anders = nakijken(opgave, dict(goed, bewijs=[1, 8, 9]), opgave.sleutel).deel("bewijs")
    assert anders.punten == anders.max_punten / 2  # (2 - 1) / 2


# --- the reference band from several raters (issue 20) --------------------------------------

from collections import Counter  # noqa: E402

from conftest import ROOT  # noqa: E402
from werkalliantie.begeleiden.nakijken.sleutels import lees_sleutel  # noqa: E402
from werkalliantie.leren.opgaven import afwijkingen, groepsweergave  # noqa: E402
from werkalliantie.leren.opgaven.groep import (  # noqa: E402
    Afwijking,
    Beoordelingen,
    groepsneigingen,
    neigingen,
)
from werkalliantie.leren.opgaven.soorten.beoordeling import (  # noqa: E402
    BEWIJS,
    DATUM,
    ZWAKSTE,
    itemband,
    referentieband,
)

BEOORDELINGEN = [o for o in opgaven.alle_opgaven().values() if o.soort == "beoordeling"]
BEOORDEELD = [o for o in BEOORDELINGEN if o.vorm == "beoordeeld"]


def sleutel_van(opgave):
    return opgave.sleutel or lees_sleutel(opgave, ROOT / "exercises" / "sleutels")


@pytest.mark.parametrize("waarden, band", [
    ([2, 2, 2, 2], (1, 3, 2)),                  # all agree: ±1 around the median
    ([4.33, 4.67, 4.33, 4.67], (3.5, 5, 4.5)),  # clipped to the top of the scale
    ([1, 5, 3], (1, 5, 3)),                     # wider than ±1: the range itself
    ([4.67, 3, 3, 3], (2, 4.67, 3)),            # one rater apart: the range reaches them
])
def test_de_referentieband(waarden, band):
    b = referentieband(waarden, 1, 5)
    assert (b.laag, b.hoog, b.midden) == band
    assert b.afstand(b.laag) == b.afstand(b.hoog) == 0
    assert b.afstand(b.hoog + 1) == 1 and b.afstand(b.laag - 1) == -1


@pytest.mark.parametrize("opgave", BEOORDELINGEN, ids=lambda o: o.id)
def test_elk_fragment_heeft_drie_beoordelingen_per_stelling(opgave):
    """The course's own and at least two independent raters, each with a date and what
    they saw; every statement rated by every one of them."""
    sleutel = sleutel_van(opgave)
    lijst = vragenlijst(opgave)
    for item in lijst.items:
        assert sum(item.id in b.scores for b in sleutel.beoordelingen) >= 3, item.id
    onafhankelijk = [b for b in sleutel.beoordelingen if b.onafhankelijk]
    eigen = [b for b in sleutel.beoordelingen if not b.onafhankelijk]
    assert len(onafhankelijk) >= 2 and len(eigen) == 1
    assert len({b.door for b in sleutel.beoordelingen}) == len(sleutel.beoordelingen)
    for b in onafhankelijk:
        assert DATUM.match(b.datum) and "alleen het fragment" in b.werkwijze
        assert "antwoordmodel" in b.werkwijze  # ... and that they did not see it
    assert "cursus" in eigen[0].door and DATUM.match(eigen[0].datum)


@pytest.mark.parametrize("opgave", BEOORDELINGEN, ids=lambda o: o.id)
def test_het_zwakste_onderdeel_is_waar_de_beoordelaars_het_over_eens_zijn(opgave):
    """The part that earns most points is one a majority of the independent raters chose."""
    sleutel = sleutel_van(opgave)
    keuzes = Counter(b.zwakste for b in sleutel.beoordelingen if b.onafhankelijk)
    keuze, aantal = keuzes.most_common(1)[0]
    assert keuze == sleutel.zwakste.dimensie and aantal * 2 > sum(keuzes.values())


@pytest.mark.parametrize("opgave", BEOORDEELD, ids=lambda o: o.id)
def test_scores_hooguit_een_derde_van_de_punten(opgave):
    """The graded alliance exercises: the ratings at most a third of the points, the weakest
    part and the evidence most of them."""
    scores = sum(opgave.punten[d.id] for d in vragenlijst(opgave).dimensies)
    assert scores * 3 <= opgave.max_punten
    assert (opgave.punten[ZWAKSTE] + opgave.punten[BEWIJS]) * 2 > opgave.max_punten


@pytest.mark.parametrize("opgave", BEOORDELINGEN, ids=lambda o: o.id)
def test_nooit_fout_over_een_score_in_de_band(opgave):
    """Every rater's own ratings lie inside the band: full points for the ratings, and not
    once the word "fout", in the feedback or the explanation, whatever else is chosen."""
    sleutel = sleutel_van(opgave)
    lijst = vragenlijst(opgave)
    for b in sleutel.beoordelingen:
        for extra in ({}, {ZWAKSTE: sleutel.zwakste.dimensie, BEWIJS: [1]},
                      {ZWAKSTE: next(d.id for d in lijst.dimensies if d.id != sleutel.zwakste.dimensie)}):
            r = nakijken(opgave, {**b.scores, **extra}, sleutel)
            for d in lijst.dimensies:
                assert r.deel(d.id).punten == r.deel(d.id).max_punten, (b.door, d.id)
            assert "fout" not in str(r).lower()
            assert "fout" not in r._repr_html_().lower()


@pytest.mark.parametrize("opgave", BEOORDELINGEN, ids=lambda o: o.id)
def test_de_groepsweergave_toont_de_band_per_stelling(opgave):
    sleutel = sleutel_van(opgave)
    lijst = vragenlijst(opgave)
    [stellingen] = [d for d in groepsweergave(opgave, [], sleutel) if isinstance(d, Beoordelingen)]
    for schaalitem, item in zip(stellingen.items, lijst.items, strict=True):
        b = itemband(sleutel, item, lijst)
        assert schaalitem.band == (b.laag, b.hoog)
        assert all(b.laag <= s.scores[item.id] <= b.hoog for s in sleutel.beoordelingen)


def test_band_van_een_stelling_uit_de_scores_van_de_beoordelaars():
    # doelen_eens in denise-a: the course 4, the raters 5, 4 and 5: median 4,5
    item = LIJST.items[0]
    assert [b.scores[item.id] for b in SLEUTEL.beoordelingen] == [4, 5, 4, 5]
    b = itemband(SLEUTEL, item, LIJST)
    assert (b.laag, b.hoog) == (3.5, 5)


# --- a rater's own lean: the data behind it ----------------------------------------------------

def test_afwijkingen_per_onderdeel():
    te_hoog = antwoord((4, 4, 5), (4, 4, 4), (4, 4, 5))  # taken 4 above the band 1..3
    uit = afwijkingen(OPGAVE, te_hoog, SLEUTEL)
    assert [(a.groep, a.positie) for a in uit] == [
        ("bordin.doelen", 0), ("bordin.taken", 1), ("bordin.band", 0)]
    taken = uit[1]
    assert taken.band == (1, 3) and taken.midden == 2 and taken.afstand == 2
    assert afwijkingen(OPGAVE, {k: v for k, v in te_hoog.items() if not k.startswith("band")},
                       SLEUTEL)[-1].groep == "bordin.taken"  # an open part has no lean
    assert afwijkingen(OPGAVE, "kapot", SLEUTEL) == []
    assert afwijkingen(OPGAVE, te_hoog, None) == []


def _afwijking(score, band=(2, 4), groep="bordin.band", omgekeerd=False):
    return Afwijking(groep, "Band", "wat de cliënt zegt over vertrouwen", omgekeerd, score,
                     band, (band[0] + band[1]) / 2)


@pytest.mark.parametrize("scores, richting, zin", [
    ([5, 5, 3], "boven", "Bij Band zit je vaak boven de referentie."),
    ([1, 1.5, 3, 3], "onder", "Bij Band zit je vaak onder de referentie."),
    ([3, 3, 5], "binnen", "Bij Band zit je meestal in de referentieband."),
    ([5, 1, 3], "wisselend", "Bij Band zit je soms boven en soms onder de referentie."),
])
def test_neiging_in_gewone_taal(scores, richting, zin):
    [n] = neigingen([_afwijking(s) for s in scores])
    assert n.richting == richting and n.zinnen[0] == zin and len(n.zinnen) == 2
    if richting == "boven":
        assert n.zinnen[1] == "Let de volgende keer ook op wat schuurt: wat de cliënt zegt over vertrouwen."
    if richting == "onder":
        assert "wat goed gaat" in n.zinnen[1]


def test_neiging_bij_stroefheid_omgekeerd():
    """Above the band on friction is a weaker alliance than the raters saw."""
    [n] = neigingen([_afwijking(5, omgekeerd=True)] * 3)
    assert n.richting == "boven" and "wat goed gaat" in n.zinnen[1]


def test_geen_neiging_voor_drie_fragmenten():
    assert neigingen([_afwijking(5)] * 2) == []
    assert len(neigingen([_afwijking(5)] * 3)) == 1


def test_de_spreiding_van_neigingen_in_een_groep_is_anoniem():
    groep = groepsneigingen([
        [_afwijking(5)] * 3,             # leans high
        [_afwijking(3)] * 4,             # inside
        [_afwijking(5)] * 2,             # too few fragments: no lean
        [_afwijking(1), _afwijking(1), _afwijking(3)],
    ])
    [band] = groep
    assert band.naam == "Band" and band.richtingen == ("boven", "binnen", None, "onder")
    assert band.gemiddelden[0] == 2 and band.gemiddelden[2] is None
    assert band.aantallen() == {"boven": 1, "binnen": 1, "onder": 1, "wisselend": 0}


def test_een_beoordelaar_zonder_alle_stellingen_is_een_fout_voor_de_docent(tmp_path):
    """A graded key is checked like a practice key: a rater without every statement, or too
    few independent raters, is a Dutch error naming the file and the field."""
    import yaml

    from werkalliantie.begeleiden.nakijken.sleutels import SleutelNietGevonden

    opgave = laad_opgave("denise-b")
    ruw = yaml.safe_load((ROOT / "exercises" / "sleutels" / "denise-b.yaml").read_text("utf-8"))
    del ruw["beoordelingen"][1]["scores"]["band_open"]
    for b in ruw["beoordelingen"][2:]:
        b["onafhankelijk"] = False
    (tmp_path / "denise-b.yaml").write_text(yaml.safe_dump(ruw, allow_unicode=True), "utf-8")
    with pytest.raises(SleutelNietGevonden) as fout:
        lees_sleutel(opgave, tmp_path)
    melding = str(fout.value)
    assert "denise-b.yaml" in melding
    assert "veld 'beoordelingen[2].scores': geef elke stelling precies één score; er mist band_open" in melding
    assert "minstens 2 beoordelingen horen onafhankelijk te zijn" in melding


def test_het_voorbeeld_in_de_handleiding_klopt():
    from werkalliantie.leren.opgaven.soorten.beoordeling import NABIJ, UITLEG_DOCENT

    b = referentieband([2, 2.33, 2.67, 3], 1, 5)
    assert (b.laag, b.hoog) == (1.5, 3.5) and "van 1,5 tot 3,5" in UITLEG_DOCENT
    assert b.afstand(3.33) == 0 and 0 < b.afstand(3.67) <= NABIJ < b.afstand(4.33)
