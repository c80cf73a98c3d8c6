"""The trainer's group overview: layouts, anonymity, escaping, agreement, errors.

The group's files are written by the course's own answer store, as the practice
exercises save them, for a practice questionnaire (its key ships), a multiple-choice
question, a sorting question and a goal text.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import omgeving

from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.begeleiden.groepsoverzicht import Overzichtfout, groepsoverzicht, lees_groep

NAMEN = ["Ayla Demir", "Bram de Wit", "Chantal Pinas", "Dirk Zwart", "Eva <img src=x onerror=alert(1)>"]
SCRIPT = "<script>alert('lek')</script> Ik wil volgende maand elke week sporten."


def _antwoorden(opgave_id: str, kans: random.Random):
    opgave = opgaven.laad_opgave(opgave_id)
    model = opgaven.modelantwoord(opgave, opgave.sleutel)
    if isinstance(model, dict):
        return {k: (min(5, max(1, v + kans.choice([-1, 0, 0, 1]))) if isinstance(v, int) else v)
                for k, v in model.items()}
    return model


def _vragen() -> list[str]:
    alle = opgaven.alle_opgaven().values()
    gekozen = []
    for soort in ("beoordeling", "meerkeuze", "indelen", "doeltekst"):
        gekozen += [o.id for o in alle if o.soort == soort and o.sleutel is not None][:1]
    return gekozen


def _schrijf_groep(map_: Path, indeling: str) -> None:
    kans = random.Random(3)
    for n, naam in enumerate(NAMEN):
        if indeling == "plat":  # a download folder: every file has the same name
            doel = map_ / ("antwoorden.json" if n == 0 else f"antwoorden ({n}).json")
        elif indeling == "nbgrader":
            doel = map_ / "submitted" / naam / "oefenen" / "antwoorden.json"
        else:
            doel = map_ / naam / "antwoorden.json"
        doel.parent.mkdir(parents=True, exist_ok=True)
        waarden = {v: _antwoorden(v, kans) for v in _vragen()}
        for v in waarden:
            if opgaven.laad_opgave(v).soort == "doeltekst":
                waarden[v] = SCRIPT if n == 1 else waarden[v]
        Antwoordenbestand(doel).bewaar_meerdere(waarden)


@pytest.fixture(params=["plat", "per-map", "nbgrader", "zip"])
def groep(request, tmp_path) -> Path:
    map_ = tmp_path / "groep"
    _schrijf_groep(map_, "per-map" if request.param == "zip" else request.param)
    kapot = (map_ / "submitted" / "Kapot" / "oefenen" / "antwoorden.json"
             if request.param == "nbgrader" else map_ / "kapot.json")
    kapot.parent.mkdir(parents=True, exist_ok=True)
    kapot.write_text("{niet af", encoding="utf-8")
    if request.param == "zip":
        zip_pad = tmp_path / "groep.zip"
        with zipfile.ZipFile(zip_pad, "w") as z:
            for pad in map_.rglob("*"):
                if pad.is_file():
                    z.write(pad, pad.relative_to(map_).as_posix())
        shutil.rmtree(map_)
        return zip_pad
    return map_


def test_elke_indeling_geeft_dezelfde_groep(groep):
    gelezen = lees_groep(groep)
    assert len(gelezen.deelnemers) == len(NAMEN)
    assert gelezen.overgeslagen == 1  # kapot.json
    overzicht = groepsoverzicht(groep)
    assert [v.opgave.id for v in overzicht.vragen] == sorted(
        _vragen(), key=list(opgaven.alle_opgaven()).index)
    beoordeling = next(v for v in overzicht.vragen if v.opgave.soort == "beoordeling")
    assert beoordeling.deelnemers == len(NAMEN)
    assert beoordeling.overeenstemming.waarde is not None


def test_namen_alleen_als_de_trainer_erom_vraagt(groep):
    anoniem = groepsoverzicht(groep).html()
    for naam in NAMEN:
        assert naam.split()[0] not in anoniem
    assert "antwoorden (" not in anoniem and "kapot" not in anoniem
    assert "Deelnemer 1" in anoniem
    if groep.suffix != ".zip" and not (groep / "antwoorden.json").exists():
        met_namen = groepsoverzicht(groep, namen=True).html()
        assert "Ayla Demir" in met_namen
        assert "<img" not in met_namen and "&lt;img src=x onerror=alert(1)&gt;" in met_namen


def test_tekst_van_een_deelnemer_blijft_onschadelijk(groep):
    pagina = groepsoverzicht(groep).html()
    assert "<script" not in pagina.lower()
    assert "&lt;script&gt;alert(&#x27;lek&#x27;)&lt;/script&gt;" in pagina


def test_een_pagina_zonder_iets_van_buiten(groep):
    pagina = groepsoverzicht(groep).html()
    assert pagina.startswith("<!DOCTYPE html>") and '<html lang="nl">' in pagina
    zonder_naamruimte = pagina.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    # nothing is loaded: no source or link but the SVG's own markers (#id), no web address
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)|@import|url\((?!#)|https?://""",
                         zonder_naamruimte)
    assert pagina.count("<svg") >= 2 and pagina.count('role="img"') == pagina.count("<svg")
    assert pagina.count("<title id=") == pagina.count("<svg")  # every figure has a name


def test_deelnemers_niet_op_volgorde_van_naam(tmp_path):
    _schrijf_groep(tmp_path, "per-map")
    volgorde = [d.naam for d in lees_groep(tmp_path).deelnemers]
    assert sorted(volgorde) == sorted(NAMEN) and volgorde != sorted(NAMEN)


def test_ontbrekende_scores_en_te_weinig_beoordelaars(tmp_path):
    vraag = next(v for v in _vragen() if opgaven.laad_opgave(v).soort == "beoordeling")
    model = opgaven.modelantwoord(opgaven.laad_opgave(vraag), opgaven.laad_opgave(vraag).sleutel)
    Antwoordenbestand(tmp_path / "a" / "antwoorden.json").bewaar(vraag, model)
    onvolledig = dict(list(model.items())[1:])
    Antwoordenbestand(tmp_path / "b" / "antwoorden.json").bewaar(vraag, onvolledig)
    overzicht = groepsoverzicht(tmp_path)
    o = next(v for v in overzicht.vragen if v.opgave.soort == "beoordeling").overeenstemming
    assert (o.waarde, o.beoordelaars, o.uitgesloten) == (None, 1, 1)
    assert "Te weinig deelnemers die alles invulden (1)" in o.melding
    assert "niet te berekenen. Te weinig deelnemers" in overzicht.html()


def test_vorm_is_te_kiezen(tmp_path):
    _schrijf_groep(tmp_path, "per-map")
    def overeenstemming(vorm):
        return next(v for v in groepsoverzicht(tmp_path, vorm=vorm).vragen
                    if v.opgave.soort == "beoordeling").overeenstemming

    a, b = overeenstemming("ICC(3,1)"), overeenstemming("ICC(2,1)")
    assert a.vorm == "ICC(3,1)" and a.waarde != b.waarde
    assert "ICC(3,1) = ICC(C,1)" in groepsoverzicht(tmp_path, vorm="ICC(C,1)").html()
    with pytest.raises(Overzichtfout, match="Onbekende vorm"):
        groepsoverzicht(tmp_path, vorm="ICC(9,9)")


def test_lege_map_geeft_een_duidelijke_melding(tmp_path):
    (tmp_path / "leeg").mkdir()
    with pytest.raises(Overzichtfout, match="geen bruikbare antwoordbestanden"):
        groepsoverzicht(tmp_path / "leeg")
    with pytest.raises(Overzichtfout, match="bestaat niet"):
        groepsoverzicht(tmp_path / "nergens")


def test_opdrachtregel_schrijft_de_pagina(tmp_path):
    _schrijf_groep(tmp_path / "groep", "plat")
    klaar = subprocess.run(["werkalliantie", "groepsoverzicht", "groep", "--uit", "zaal.html"],
                           cwd=tmp_path, env=omgeving(), capture_output=True, text=True)
    assert klaar.returncode == 0, klaar.stderr
    assert "5 deelnemers" in klaar.stdout and (tmp_path / "zaal.html").is_file()
    (tmp_path / "leeg").mkdir()
    leeg = subprocess.run(["werkalliantie", "groepsoverzicht", "leeg"], cwd=tmp_path,
                          env=omgeving(), capture_output=True, text=True)
    assert leeg.returncode == 1 and "geen bruikbare antwoordbestanden" in leeg.stderr
    assert "Traceback" not in leeg.stderr
