"""Following the alliance over ten sessions (issue 10): the session check, every case's
series, the rule of kind ``sessies`` and its charts.

- Each case's series validates (ten sessions, both raters, scores 0 to 10); a broken file
  gives a Dutch error that names the file, the row and the column.
- The right answers follow from the series and the check's rules; the rule grades right,
  wrong, partial, missing and malformed answers without raising.
- The chart is SVG with an accessible name and description, telling lines apart without
  colour.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from werkalliantie.leren import grafieken, sessies
from werkalliantie.bouwen.bundel.schema import DataFout
from werkalliantie.bouwen.bundel.sessies import lees_reeks, lees_sessiecheck
from werkalliantie.leren.opgaven import laad_opgave, modelantwoord, nakijken, volledigheid
from werkalliantie.leren.opgaven.soorten import sessies as soort

DATA = ROOT / "data"
CASUSSEN = ["denise", "peter", "matthias", "nuestra", "sem"]
CHECK = lees_sessiecheck(DATA)


@pytest.mark.parametrize("casus", CASUSSEN)
def test_elke_casus_heeft_een_reeks_van_tien_sessies(casus):
    reeks = sessies.reeks(casus)
    for wie in sessies.BEOORDELAARS:
        scores = getattr(reeks, wie)
        assert len(scores) == 10 and all(len(s) == 4 for s in scores)
        assert all(CHECK.MIN <= x <= CHECK.MAX for s in scores for x in s)
    totalen = reeks.totalen("client")
    # Each series shows what the exercise asks: exactly one drop, and a first session at
    # or above the threshold.
    assert len(sessies.dalingen(totalen, CHECK)) == 1
    assert sessies.eerst_boven(totalen, CHECK) is not None
    assert sessies.hoger(reeks) in ("client", "professional")


def _kopie(tmp_path: Path, wijzig) -> Path:
    pad = tmp_path / "denise-sessies.csv"
    with open(DATA / "casussen" / "denise-sessies.csv", encoding="utf-8") as f:
        rijen = list(csv.reader(f))
    wijzig(rijen)
    with open(pad, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rijen)
    return pad


@pytest.mark.parametrize(("wijzig", "waar"), [
    (lambda r: r[3].__setitem__(4, "11"), "rij 4, kolom 'haalbaar'"),
    (lambda r: r[5].__setitem__(2, "veel"), "rij 6, kolom 'eerlijk'"),
    (lambda r: r[2].__setitem__(1, "buurvrouw"), "rij 3, kolom 'wie'"),
    (lambda r: r[7].__setitem__(0, "12"), "rij 8, kolom 'sessie'"),
    (lambda r: r.__delitem__(20), "sessies 10 van professional ontbreken"),
    (lambda r: r[0].__setitem__(5, "samen"), "rij 1"),
    (lambda r: r[4].pop(), "rij 5"),
    (lambda r: r.append(r[1]), "sessie 1 van client staat er al"),
], ids=["te-hoog", "geen-getal", "onbekende-wie", "sessie-13", "ontbrekende-sessie",
        "kolomnaam", "te-kort", "dubbel"])
def test_kapotte_reeks_geeft_nederlandse_fout_met_bestand_rij_en_kolom(tmp_path, wijzig, waar):
    pad = _kopie(tmp_path, wijzig)
    with pytest.raises(DataFout) as info:
        lees_reeks(pad, CHECK)
    assert str(pad) in str(info.value) and waar in str(info.value)


def test_reeks_van_een_onbekende_casus_wordt_geweigerd(tmp_path):
    from werkalliantie.bouwen.bundel.sessies import bouw

    shutil.copytree(DATA, tmp_path / "data")
    shutil.copy(DATA / "casussen" / "denise-sessies.csv", tmp_path / "data" / "casussen" / "henk-sessies.csv")
    with pytest.raises(DataFout, match="geen casus 'henk'"):
        bouw(tmp_path / "data")


# --- the rule ---------------------------------------------------------------------------------

OPGAVE = laad_opgave("sessies-denise")  # drop at 6; below 28 in 1, 2, 6; first above in 3


def test_de_goede_antwoorden_volgen_uit_de_reeks():
    assert soort.juist(OPGAVE) == {"daling": 6, "hoger": "professional", "onder": [1, 2, 6],
                                   "groei": 3}


def test_goed_fout_en_deels():
    goed = modelantwoord(OPGAVE, OPGAVE.sleutel)
    r = nakijken(OPGAVE, goed, OPGAVE.sleutel)
    assert r.punten == r.max_punten == 5
    fout = nakijken(OPGAVE, {"daling": 5, "hoger": "client", "onder": [3, 4], "groei": 1},
                    OPGAVE.sleutel)
    assert fout.punten == 0
    deels = nakijken(OPGAVE, {**goed, "onder": [1, 6, 7]}, OPGAVE.sleutel)
    assert deels.deel("onder").punten == 0.5  # (2 right - 1 wrong) / 3 of 2 points
    assert deels.punten == 3.5
    # The feedback without the key: whether it is right, never the right session.
    assert "sessie 6" not in fout.toetsuitvoer("daling")
    assert "Het antwoordmodel: sessie 6." in fout.deel("daling").uitleg


@pytest.mark.parametrize("antwoord", [None, {}, [], "6", {"daling": "6"}, {"daling": 0},
                                      {"daling": True}, {"onder": "1,2"}, {"onder": [1, 99]},
                                      {"hoger": "<b>jij</b>"}, {"rollenspel": {"x": 1}}])
def test_ontbrekend_of_vreemd_antwoord_geeft_nooit_punten_en_geen_fout(antwoord):
    r = nakijken(OPGAVE, antwoord, OPGAVE.sleutel)
    assert r.punten == 0
    volledigheid(OPGAVE, antwoord)


def test_rollenspel_telt_niet_mee_maar_wordt_bewaard_en_gelezen():
    goed = modelantwoord(OPGAVE, OPGAVE.sleutel)
    met = {**goed, "rollenspel": {"1": {"client": [8, 7, 6, 7], "professional": [9, 9, 9, 9]},
                                  "2": {"client": [1, 2, 3, 99]}, "11": {"client": [1, 1, 1, 1]}}}
    assert nakijken(OPGAVE, met, OPGAVE.sleutel).punten == 5
    assert soort.rollenspel(met) == {1: {"client": [8, 7, 6, 7], "professional": [9, 9, 9, 9]}}


# --- the charts -----------------------------------------------------------------------------

def test_grafiek_heeft_naam_beschrijving_en_lijnstijlen():
    from werkalliantie.leren.widgets.bediening.sessies import grafiek

    svg = grafiek(OPGAVE, {1: {"client": [8, 7, 6, 7]}})
    assert svg.startswith("<svg") and 'role="img"' in svg and "aria-labelledby" in svg
    assert "<title" in svg and "<desc" in svg and "24, 27, 30" in svg  # the totals, in words
    # Lines told apart without colour: solid, dashed and dotted strokes, and markers.
    assert 'stroke-dasharray=""' in svg and 'stroke-dasharray="7 4"' in svg
    assert "<circle" in svg and "<rect" in svg and "<polygon" in svg
    assert "signaalgrens (28)" in svg and "rollenspel: cliënt" in svg


def test_grafiek_ontsnapt_namen():
    lijn = grafieken.Lijn("<script>x</script>", (1, 2), *grafieken.CLIENT)
    svg = grafieken.lijngrafiek([lijn], maximum=4, drempel=None, titel="<b>", beschrijving="&",
                                ylabel="y")
    assert "<script" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg
