"""The four cases load; each kind of broken case file gives a Dutch error naming file and field."""

from pathlib import Path

import pytest
import yaml

from werkalliantie.leren import casussen
from werkalliantie.bouwen.bundel.casussen import CasusFout, lees_casusbestand

CASUSSEN_MAP = Path(__file__).resolve().parent.parent / "data" / "casussen"

CASUSSEN = ["denise", "peter", "matthias", "nuestra"]
PROFESSIONALS = {"denise": "Zara", "matthias": "Jozias", "nuestra": "Finn"}


@pytest.mark.parametrize("casus_id", CASUSSEN)
def test_casus_laadt_met_bekende_professional(casus_id):
    casus = lees_casusbestand(CASUSSEN_MAP / f"{casus_id}.yaml")
    assert casus.id == casus_id
    assert casus.client.naam.lower() == casus_id
    if casus_id in PROFESSIONALS:
        assert casus.professional.naam == PROFESSIONALS[casus_id]
        assert casus.professional.herkomst == "rapport"
    else:  # the report does not name Peter's professional: the course does, and says so
        assert casus.professional.herkomst == "cursus"
    assert all(c.wie for c in casus.citaten)


def test_peter_heeft_gemarkeerde_aanvullingen():
    peter = casussen.laad_casus("peter")
    delen = [*peter.levensdomeinen, *peter.wat_hielp, *peter.citaten, *peter.huishouden]
    assert any(d.herkomst == "cursus" for d in delen), "Peter's additions must be marked"


def test_de_vier_casussen_en_een_verzonnen_casus_in_een_gedwongen_kader():
    assert sorted(casussen.alle_casussen()) == sorted([*CASUSSEN, "sem"])
    # Sem is the course's own: every part of his case says so.
    sem = casussen.laad_casus("sem")
    delen = [sem.client, sem.professional, sem.hulpvraag, sem.samenvatting, *sem.huishouden,
             *sem.levensdomeinen, *sem.citaten, *sem.wat_hielp, *sem.fragmenten]
    assert {d.herkomst for d in delen} == {"cursus"}


@pytest.mark.parametrize("casus_id", [*CASUSSEN, "sem"])
def test_elke_casus_heeft_een_oefen_en_een_toetsfragment_van_de_cursus(casus_id):
    fragmenten = {f.id: f for f in casussen.laad_casus(casus_id).fragmenten}
    assert set(fragmenten) == {"a", "b"}
    assert {f.herkomst for f in fragmenten.values()} == {"cursus"}


def test_de_leerling_leest_dezelfde_casus_als_het_bestand_zegt():
    # The learner's side reads the bundle; it must hold exactly what the file validates to.
    for casus_id in [*CASUSSEN, "sem"]:
        assert casussen.laad_casus(casus_id) == lees_casusbestand(CASUSSEN_MAP / f"{casus_id}.yaml")


def _kapotte_kopie(tmp_path: Path, wijzig) -> Path:
    data = yaml.safe_load((CASUSSEN_MAP / "denise.yaml").read_text(encoding="utf-8"))
    wijzig(data)
    pad = tmp_path / "denise.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return pad


def _fout(pad: Path) -> str:
    with pytest.raises(CasusFout) as info:
        lees_casusbestand(pad)
    return str(info.value)


def test_ontbrekend_veld(tmp_path):
    pad = _kapotte_kopie(tmp_path, lambda d: d.pop("hulpvraag"))
    melding = _fout(pad)
    assert str(pad) in melding
    assert "'hulpvraag'" in melding and "ontbreekt" in melding


def test_verkeerd_type(tmp_path):
    pad = _kapotte_kopie(tmp_path, lambda d: d["citaten"][0].update(tekst=["geen", "tekst"]))
    melding = _fout(pad)
    assert str(pad) in melding
    assert "'citaten[1].tekst'" in melding and "tekst" in melding


def test_onbekend_levensdomein(tmp_path):
    pad = _kapotte_kopie(tmp_path, lambda d: d["levensdomeinen"][1].update(domein="Geld"))
    melding = _fout(pad)
    assert str(pad) in melding
    assert "'levensdomeinen[2].domein'" in melding
    assert "'Geld' is hier niet toegestaan" in melding and "Financiën" in melding


def test_onbekende_herkomst_en_onbekend_veld(tmp_path):
    def wijzig(d):
        d["hulpvraag"]["herkomst"] = "internet"
        d["leeftijd"] = 23
    melding = _fout(_kapotte_kopie(tmp_path, wijzig))
    assert "'hulpvraag.herkomst'" in melding and "'internet'" in melding
    assert "'leeftijd'" in melding and "kennen we niet" in melding


def test_yaml_syntaxfout(tmp_path):
    pad = tmp_path / "denise.yaml"
    pad.write_text("id: denise\nclient:\n  naam: [Denise\n  herkomst: rapport\n", encoding="utf-8")
    melding = _fout(pad)
    assert str(pad) in melding
    assert "geen geldige YAML" in melding and "regel" in melding


def test_id_moet_bij_bestandsnaam_passen(tmp_path):
    pad = _kapotte_kopie(tmp_path, lambda d: d.update(id="denise"))
    nieuw = pad.rename(tmp_path / "denise2.yaml")
    assert "'id'" in _fout(nieuw)


def test_leeg_en_ontbrekend_bestand(tmp_path):
    leeg = tmp_path / "leeg.yaml"
    leeg.write_text("", encoding="utf-8")
    assert "bevat geen velden" in _fout(leeg)
    assert "bestaat niet" in _fout(tmp_path / "weg.yaml")


def test_citaat_uit_het_rapport_heeft_een_pagina(tmp_path):
    pad = _kapotte_kopie(tmp_path, lambda d: d["citaten"][0].pop("pagina"))
    melding = _fout(pad)
    assert str(pad) in melding and "'citaten[1].pagina'" in melding


def test_tijdlijn_noemt_alleen_bestaande_fragmenten(tmp_path):
    pad = _kapotte_kopie(tmp_path, lambda d: d["tijdlijn"][3].update(fragment="z"))
    melding = _fout(pad)
    assert "'tijdlijn[4].fragment'" in melding and "'z'" in melding


def test_denise_tijdlijn_plaatst_elke_scene_voor_het_interview():
    """Issue 10: the report has Denise arrive with debts and later say she has none. The
    timeline puts every scene (fragment) in time: after she asked for help, while the
    debts were still there, and before the interview where she says they are gone."""
    denise = casussen.laad_casus("denise")
    momenten = [m.wanneer for m in denise.tijdlijn]
    aanmelding = momenten.index("Bij de aanmelding")
    interview = momenten.index("Bij het interview voor het rapport")
    assert interview == len(momenten) - 1
    geplaatst = {m.fragment: i for i, m in enumerate(denise.tijdlijn) if m.fragment}
    assert set(geplaatst) == {f.id for f in denise.fragmenten}, "elk fragment in de tijd"
    for fragment, plek in geplaatst.items():
        assert aanmelding < plek < interview, f"fragment {fragment} staat verkeerd in de tijd"
        assert "schulden zijn er" in denise.tijdlijn[plek].tekst
