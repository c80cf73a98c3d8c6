"""The learner's progress page (notebooks/voortgang.ipynb): saved, feedback, what is left.

It reads the question records and the learner's own answer file, and must stay pure
Python: it will run in the browser.
"""

from __future__ import annotations

import ast
from pathlib import Path

from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.leren.voortgang import voortgang

OEFENEN = [o for o in opgaven.alle_opgaven().values() if o.vorm == "oefenen"]


def test_zonder_antwoordbestand_is_alles_nog_te_doen(tmp_path):
    v = voortgang(tmp_path)
    assert v.opgeslagen == [] and len(v.te_doen) == len(OEFENEN)
    assert f"0 van de {len(OEFENEN)} oefeningen" in v._repr_html_()


def test_opgeslagen_met_feedback_en_wat_nog_rest(tmp_path):
    goed, half = OEFENEN[0], next(o for o in OEFENEN if o.soort == "beoordeling")
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar(goed.id, opgaven.modelantwoord(goed, goed.sleutel))
    model = opgaven.modelantwoord(half, half.sleutel)
    bestand.bewaar(half.id, dict(list(model.items())[:2]))  # two statements only
    v = voortgang(tmp_path)
    regels = {r.opgave.id: r for r in v.regels}
    assert regels[goed.id].klaar
    assert regels[goed.id].samenvatting == opgaven.nakijken(goed, opgaven.modelantwoord(
        goed, goed.sleutel), goed.sleutel).kop
    assert regels[half.id].opgeslagen and not regels[half.id].klaar
    assert regels[half.id].nog_doen  # which statements are still open
    # Trying comes first: a partial answer shows no score, here as in the exercise.
    assert regels[half.id].samenvatting is None and regels[half.id].feedback == []
    te_doen = {r.opgave.id for r in v.te_doen}
    assert half.id in te_doen and goed.id not in te_doen
    tekst = str(v)
    assert f"Je hebt 1 van de {len(OEFENEN)} oefeningen af." in tekst and "Nog te doen:" in tekst


LEEG = {"beoordeling": {}, "sessies": {}, "meerkeuze": [], "doeltekst": "", "open": "",
        "indelen": {}, "doelherkennen": {}, "doelbouwer": {}, "gasscore": {}, "invullen": {}}


def test_lege_antwoorden_tellen_niet_mee(tmp_path):
    """Saving an empty form of every practice question: saved, but nothing done, no score
    and no model answer on the page (issue 22)."""
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar_meerdere({o.id: LEEG[o.soort] for o in OEFENEN})
    v = voortgang(tmp_path)
    assert len(v.opgeslagen) == len(OEFENEN)
    assert v.af == [] and len(v.te_doen) == len(OEFENEN)
    assert all(r.samenvatting is None for r in v.regels)
    pagina = v._repr_html_()
    assert f"Je hebt 0 van de {len(OEFENEN)} oefeningen af." in pagina
    assert "Totaal:" not in pagina and "punt" not in pagina
    print(f"\nLege antwoorden: {len(v.opgeslagen)} opgeslagen, {len(v.af)} tellen mee als af")


def test_half_ingevuld_telt_niet_mee_ook_niet_met_punten(tmp_path):
    """Partial answers of every kind with more than one required part: not done."""
    bestand = Antwoordenbestand(tmp_path)
    delen = {}
    for o in OEFENEN:
        model = opgaven.modelantwoord(o, o.sleutel)
        if isinstance(model, dict) and len(model) > 1:
            delen[o.id] = dict(list(model.items())[:1])
    bestand.bewaar_meerdere(delen)
    v = voortgang(tmp_path)
    gedeeltelijk = [r for r in v.regels if r.opgave.id in delen and not opgaven.onbeantwoord(
        r.opgave, delen[r.opgave.id]) == []]
    assert gedeeltelijk and all(not r.klaar and r.samenvatting is None for r in gedeeltelijk)


def test_tekst_uit_het_antwoordbestand_wordt_geescaped(tmp_path):
    doel = next(o for o in OEFENEN if o.soort == "doeltekst")
    Antwoordenbestand(tmp_path).bewaar(doel.id, "<script>alert(1)</script> Ik ga elke week sporten.")
    pagina = voortgang(tmp_path)._repr_html_()
    assert "<script" not in pagina


def test_beschadigd_bestand_geeft_een_melding(tmp_path):
    (tmp_path / "antwoorden.json").write_text("{kapot", encoding="utf-8")
    v = voortgang(tmp_path)
    assert v.melding and "beschadigd" in v.melding and len(v.te_doen) == len(OEFENEN)


def test_alleen_standaardbibliotheek_en_de_cursus():
    bron = Path(__import__("werkalliantie.leren.voortgang", fromlist=["x"]).__file__).read_text()
    modules = {n.module.split(".")[0] for n in ast.walk(ast.parse(bron))
               if isinstance(n, ast.ImportFrom) and n.module}
    modules |= {a.name.split(".")[0] for n in ast.walk(ast.parse(bron))
                if isinstance(n, ast.Import) for a in n.names}
    assert modules <= {"__future__", "html", "dataclasses", "pathlib", "typing", "werkalliantie"}


# --- a rater's own lean (issue 20) ---------------------------------------------------------

BORDIN = [o for o in OEFENEN if o.soort == "beoordeling" and o.opties.vragenlijst == "bordin"]


def _mild(opgave) -> dict:
    """A right answer, but every statement of Band at 5: above the band on most fragments."""
    goed = opgaven.modelantwoord(opgave, opgave.sleutel)
    return {k: 5 if k.startswith("band_") else v for k, v in goed.items()}


def test_neiging_pas_na_drie_beoordeelde_fragmenten(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    assert len(BORDIN) >= 3
    for n, opgave in enumerate(BORDIN[:3], 1):
        bestand.bewaar(opgave.id, _mild(opgave))
        v = voortgang(tmp_path)
        pagina = v._repr_html_()
        if n < 3:
            assert v.neigingen == []
            assert "zit je vaak" not in pagina and "zit je vaak" not in str(v)
            assert f"Nu heb je er {n}." in pagina  # what comes, and when
        else:
            assert "Hoe jij beoordeelt" in pagina
            assert "<strong>Bij Band zit je vaak boven de referentie.</strong>" in pagina
            assert "Let de volgende keer ook op wat schuurt" in pagina
            assert "Bij Band zit je vaak boven de referentie." in str(v)
            assert [n.naam for n in v.neigingen] == ["Doelen", "Taken", "Band"]
            assert v.beoordeeld == 3


def test_zonder_beoordeelde_fragmenten_geen_neiging(tmp_path):
    v = voortgang(tmp_path)
    assert v.neigingen == [] and "Hoe jij beoordeelt" not in v._repr_html_()


def test_onvolledig_onderdeel_telt_niet_mee_voor_de_neiging(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    for opgave in BORDIN[:3]:
        antwoord = _mild(opgave)
        if opgave is BORDIN[0]:
            del antwoord["band_open"]  # Band not complete here: two fragments for Band
        bestand.bewaar(opgave.id, antwoord)
    v = voortgang(tmp_path)
    assert [n.naam for n in v.neigingen] == ["Doelen", "Taken"]
