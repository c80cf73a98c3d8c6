"""The exercise engine (issue 9): question records, the kind registry, the grading rules
of every kind, the one result type, and the learner's path in pure Python.

- A broken record is refused at build time with a Dutch message naming file and field.
- Every kind's rule: right, wrong, partial, missing and malformed answers; never raises.
- The engine fails closed: a rule that breaks gives 0 points, never full points.
- What a learner's kernel runs imports no compiled package, and the package works when
  installed (non-editable) outside the checkout.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, omgeving
from werkalliantie.leren import opgaven
from werkalliantie.bouwen.bundel.opgaven import lees_opgavenbestand
from werkalliantie.bouwen.bundel.schema import DataFout
from werkalliantie.begeleiden import cli
from werkalliantie.begeleiden.nakijken import sleutels, toets
from werkalliantie.leren.opgaven import laad_opgave, nakijken
from werkalliantie.leren.opgaven.soorten import SOORTEN, VEREIST, soort

PRAKTIJK = [o for o in opgaven.alle_opgaven().values() if o.sleutel is not None]
KWAAD = "<script>alert(1)</script>"
RARE_ANTWOORDEN = [KWAAD, 10**30, -1, 3.5, float("nan"), True, [], {}, [None] * 3,
                   {"a": {"b": [1, 2]}}, [KWAAD, 1, None], "x" * 100_000]


# --- the registry and the records -----------------------------------------------------------

@pytest.mark.parametrize("naam", SOORTEN)
def test_elke_soort_heeft_alles_wat_de_motor_vraagt(naam):
    module = soort(naam)
    assert [v for v in VEREIST if not hasattr(module, v)] == []


def test_onbekende_soort_in_het_nederlands():
    with pytest.raises(KeyError, match="geen soort opgave 'raadsel'"):
        soort("raadsel")


def test_er_zijn_oefenopgaven_van_drie_soorten():
    assert {o.soort for o in PRAKTIJK} >= {"beoordeling", "meerkeuze", "doeltekst"}


GOED_RECORD = {
    "id": "proef", "soort": "meerkeuze", "vorm": "oefenen", "titel": "Proef",
    "tekst": "Wat klopt?", "punten": 2,
    "opties": {"keuzes": [{"id": "a", "tekst": "A"}, {"id": "b", "tekst": "B"}]},
    "sleutel": {"goed": ["a"], "toelichting": "Omdat."},
}


def _fout(tmp_path: Path, wijzig) -> str:
    record = json.loads(json.dumps(GOED_RECORD))
    wijzig(record)
    pad = tmp_path / "proef.yaml"
    pad.write_text(yaml.safe_dump({"opgaven": [record]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFout) as info:
        lees_opgavenbestand(pad)
    melding = str(info.value)
    assert str(pad) in melding and "klopt niet" in melding
    return melding


def test_een_goed_record_wordt_gelezen(tmp_path):
    pad = tmp_path / "proef.yaml"
    pad.write_text(yaml.safe_dump({"opgaven": [GOED_RECORD]}), encoding="utf-8")
    [opgave] = lees_opgavenbestand(pad)
    assert opgave.punten == {"keuze": 2.0} and opgave.sleutel.goed == ("a",)


@pytest.mark.parametrize(("wijzig", "veld", "bericht"), [
    (lambda r: r.pop("tekst"), "opgaven[1].tekst", "ontbreekt"),
    (lambda r: r.update(tekst=" "), "opgaven[1].tekst", "leeg"),
    (lambda r: r.update(punten="veel"), "opgaven[1].punten", "velden met waarden"),
    (lambda r: r.update(punten={"keuze": -1}), "opgaven[1].punten", "meer dan 0"),
    (lambda r: r.update(soort="raadsel"), "opgaven[1].soort", "geen bekende soort"),
    (lambda r: r.update(vorm="proef"), "opgaven[1].vorm", "niet toegestaan"),
    (lambda r: r.update(kleur="rood"), "opgaven[1].kleur", "kennen we niet"),
    (lambda r: r.update(id="Proef 1"), "opgaven[1].id", "kleine letters"),
    (lambda r: r.pop("sleutel"), "opgaven[1].sleutel", "antwoordmodel"),
    (lambda r: r.update(vorm="beoordeeld"), "opgaven[1].sleutel", "bij de docent"),
    (lambda r: r["opties"].update(keuzes=[{"id": "a", "tekst": "A"}]), "opgaven[1].opties.keuzes",
     "minstens 2"),
    (lambda r: r["opties"]["keuzes"][1].pop("tekst"), "opgaven[1].opties.keuzes[2].tekst", "ontbreekt"),
    (lambda r: r["sleutel"].update(goed=["z"]), "opgaven[1].sleutel.goed", "alleen ids"),
    (lambda r: r.update(casus="henk"), "opgaven[1].casus", "geen casus"),
    (lambda r: r.update(casus="denise", fragment="z"), "opgaven[1].fragment", "geen fragment"),
    (lambda r: r.update(tekst="Wat vindt {iemand}?"), "opgaven[1].tekst", "{iemand}"),
], ids=["zonder-tekst", "lege-tekst", "punten-tekst", "punten-negatief", "onbekende-soort",
        "onbekende-vorm", "onbekend-veld", "id", "oefenen-zonder-sleutel", "sleutel-in-toets",
        "te-weinig-keuzes", "keuze-zonder-tekst", "sleutel-onbekende-keuze", "onbekende-casus",
        "onbekend-fragment", "plaatshouder"])
def test_kapot_record_geeft_nederlandse_fout_met_bestand_en_veld(tmp_path, wijzig, veld, bericht):
    melding = _fout(tmp_path, wijzig)
    assert f"'{veld}'" in melding and bericht in melding


def test_beoordeling_punten_moeten_bij_de_vragenlijst_passen(tmp_path):
    record = {"id": "x", "soort": "beoordeling", "vorm": "beoordeeld", "titel": "X", "tekst": "Y",
              "casus": "denise", "fragment": "a", "opties": {"vragenlijst": "bordin"},
              "punten": {"doelen": 2, "taken": 2}}
    pad = tmp_path / "x.yaml"
    pad.write_text(yaml.safe_dump({"opgaven": [record]}), encoding="utf-8")
    with pytest.raises(DataFout, match=r"'opgaven\[1\].punten'.*doelen, taken, band"):
        lees_opgavenbestand(pad)


# --- every kind's rule ---------------------------------------------------------------------

@pytest.mark.parametrize("opgave", PRAKTIJK, ids=lambda o: o.id)
def test_modelantwoord_krijgt_alle_punten(opgave):
    model = opgaven.modelantwoord(opgave, opgave.sleutel)
    if model is None:  # an open question without example answers: a person grades it
        assert opgave.soort == "open"
        return
    resultaat = nakijken(opgave, model, opgave.sleutel)
    if resultaat.delen:
        assert resultaat.punten == resultaat.max_punten == opgave.max_punten
    assert opgaven.volledigheid(opgave, model) == []


@pytest.mark.parametrize("opgave", PRAKTIJK, ids=lambda o: o.id)
def test_geen_antwoord_geeft_nul_met_melding(opgave):
    resultaat = nakijken(opgave, None, opgave.sleutel)
    assert resultaat.punten == 0
    assert opgaven.GEEN_ANTWOORD in resultaat.meldingen or not resultaat.delen


@pytest.mark.parametrize("antwoord", RARE_ANTWOORDEN, ids=repr)
@pytest.mark.parametrize("opgave", PRAKTIJK, ids=lambda o: o.id)
def test_vreemd_antwoord_geeft_nooit_een_fout_en_geen_punten(opgave, antwoord):
    resultaat = nakijken(opgave, antwoord, opgave.sleutel)
    assert resultaat.punten == 0 or opgave.soort == "doeltekst"  # a text is a goal to judge
    assert 0 <= resultaat.punten <= opgave.max_punten
    opgaven.volledigheid(opgave, antwoord)
    for regel in opgaven.samenvatting(opgave, antwoord):
        assert len(regel) < 2_100


def test_beoordeling_gedeeltelijk_en_fout():
    opgave = laad_opgave("denise-a")
    goed = opgaven.modelantwoord(opgave, opgave.sleutel)
    half = {**goed, "taken_aanpak": 5, "taken_zinvol": 5, "taken_haalbaar": 5}  # 5, band 1..3
    resultaat = nakijken(opgave, half, opgave.sleutel)
    assert {d.onderdeel: d.punten for d in resultaat.delen} == {
        "doelen": 1, "taken": 0, "band": 1, "zwakste": 3, "bewijs": 3}
    assert "ver boven de referentieband" in resultaat.deel("taken").feedback[0]
    onvolledig = {k: v for k, v in goed.items() if k != "band_open"}
    assert nakijken(opgave, onvolledig, opgave.sleutel).deel("band").punten == 0
    assert opgaven.volledigheid(opgave, onvolledig) == ["Band: stelling 3 is nog niet ingevuld."]
    zonder = {k: v for k, v in goed.items() if k not in ("zwakste", "bewijs")}
    assert opgaven.volledigheid(opgave, zonder)[-2:] == [
        "Kies het zwakste onderdeel.", "Kies de zinnen uit het fragment die je keuze laten zien."]


def test_meerkeuze_deelpunten():
    opgave = laad_opgave("bordin-drie-delen")  # three of five right, 3 points
    def punten(antwoord):
        return nakijken(opgave, antwoord, opgave.sleutel).punten
    assert punten(["doelen", "taken", "band"]) == 3
    assert punten(["doelen", "taken"]) == 2
    assert punten(["doelen", "taken", "diagnose"]) == 1  # one right cancelled by one wrong
    assert punten(["diagnose", "contract"]) == 0
    assert punten(["doelen", "onzin"]) == 1
    assert opgaven.volledigheid(opgave, []) == ["Je hebt nog niets gekozen."]


def test_doeltekst_deelpunten_per_criterium():
    opgave = laad_opgave("doel-denise-oefenen")  # 5 points, one per criterion
    vaag = nakijken(opgave, "Het moet beter gaan.", opgave.sleutel)
    assert 0 <= vaag.punten < 5
    assert any("Het moet beter gaan" in r or "beter" in r for r in vaag.deel("doel").feedback)
    assert nakijken(opgave, "   ", opgave.sleutel).punten == 0


def test_motor_faalt_dicht_als_een_regel_breekt(monkeypatch):
    opgave = laad_opgave("bordin-drie-delen")
    module = soort("meerkeuze")

    def stuk(*_):
        raise ZeroDivisionError("een fout in de regel")

    monkeypatch.setattr(module, "nakijken", stuk)
    resultaat = nakijken(opgave, ["doelen", "taken", "band"], opgave.sleutel)
    assert resultaat.punten == 0 and resultaat.max_punten == 3
    assert resultaat.meldingen == (opgaven.ONNAKIJKBAAR,)


# --- the one result type ------------------------------------------------------------------

def test_resultaat_als_html_tekst_en_toetsuitvoer():
    opgave = laad_opgave("denise-a")
    antwoord = {**opgaven.modelantwoord(opgave, opgave.sleutel), KWAAD: 1}
    resultaat = nakijken(opgave, antwoord, opgave.sleutel)
    html_ = resultaat._repr_html_()
    assert "<script" not in html_ and "Totaal: 9 van 9 punten." in html_
    assert "De referentieband loopt van 3,5 tot 5." in str(resultaat)  # practice: the band
    uitvoer = resultaat.toetsuitvoer("taken")
    assert "Taken: je krijgt 1 van 1 punt." in uitvoer
    assert "referentieband loopt" not in uitvoer and "Waarom" not in uitvoer  # never the key
    assert opgave.sleutel.referentie["taken"].toelichting not in uitvoer


# --- a model answer on demand --------------------------------------------------------------

def test_modelantwoord_commando_geeft_volle_punten(tmp_path, capsys):
    cursus = ROOT / "exercises"
    assert cli.main(["modelantwoord", "werkalliantie-denise", "--cursusmap", str(cursus)]) == 0
    uit = capsys.readouterr().out
    data = json.loads(uit)
    assert data["schema"] == "werkalliantie-antwoorden" and set(data["antwoorden"]) == {"denise-b"}
    inlevering = tmp_path / "cursus" / "autograded" / "s1" / "werkalliantie-denise"
    inlevering.mkdir(parents=True)
    (tmp_path / "cursus" / "nbgrader_config.py").write_text("")
    (tmp_path / "cursus" / "sleutels").symlink_to(cursus / "sleutels")
    assert sleutels.bereid_voor(tmp_path / "cursus") == {}  # as the grader does, first
    (inlevering / "antwoorden.json").write_text(uit, encoding="utf-8")
    opgave = laad_opgave("denise-b")
    for deel in opgaven.onderdelen(opgave):
        assert toets.uitslag("denise-b", deel.id, inlevering)[0] == opgave.punten[deel.id]


def test_modelantwoord_commando_onbekende_opdracht(capsys):
    assert cli.main(["modelantwoord", "nee", "--cursusmap", str(ROOT / "exercises")]) == 1
    fout = capsys.readouterr().err
    assert "Onbekende opdracht 'nee'" in fout and "Traceback" not in fout


# --- the learner's path: pure Python, and installed outside the checkout ------------------

GEBLOKKEERD = ["pydantic", "pydantic_core", "yaml", "rapidfuzz", "regex", "numpy", "pandas",
               "matplotlib", "simplemma", "nbgrader", "nbformat"]
BLOKKADE = textwrap.dedent(f"""
    import sys
    class Blokkade:
        def find_spec(self, naam, pad=None, doel=None):
            if naam.split(".")[0] in {GEBLOKKEERD!r}:
                raise ImportError(f"{{naam}} is geblokkeerd: niet beschikbaar in de browser")
    sys.meta_path.insert(0, Blokkade())
""")


def test_leerpad_importeert_geen_gecompileerde_pakketten(tmp_path):
    script = BLOKKADE + textwrap.dedent("""
        from werkalliantie.leren import opgaven
        from werkalliantie.leren.antwoorden import Antwoordenbestand
        from werkalliantie.leren.widgets import oefening
        for vraag in ("denise-a", "bordin-drie-delen", "doel-denise-oefenen", "doelen-herkennen-1",
                      "doelbouwer-peter-oefenen", "gas-peter-oefenen", "zorg-voor-jezelf-oefenen"):
            w = oefening(vraag, ".")
            w.bewaar()
            o = opgaven.laad_opgave(vraag)
            r = opgaven.nakijken(o, opgaven.modelantwoord(o, o.sleutel), o.sleutel)
            assert r.punten == r.max_punten, (vraag, r)
        print("zuiver")
    """)
    klaar = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                           text=True, env=omgeving())
    assert klaar.returncode == 0, klaar.stderr[-3000:]
    assert klaar.stdout.strip() == "zuiver"


@pytest.fixture(scope="module")
def wiel(tmp_path_factory) -> Path:
    """The package's wheel, built as pip builds it for a non-editable install."""
    map_ = tmp_path_factory.mktemp("wiel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                    "-w", str(map_)], check=True, env=omgeving(), capture_output=True)
    [pad] = map_.glob("werkalliantie-*.whl")
    return pad


@pytest.mark.slow  # builds the package's wheel
def test_wiel_bevat_de_gegevens_en_geen_enkele_beoordeelde_sleutel(wiel):
    with zipfile.ZipFile(wiel) as z:
        namen = z.namelist()
        opgaven_json = json.loads(z.read("werkalliantie/leren/_bundel/opgaven.json"))
    assert "werkalliantie/leren/_bundel/casussen.json" in namen
    assert not [n for n in namen if "/sleutels/" in n or n.startswith(("exercises/", "data/"))]
    assert all(o["sleutel"] is None for o in opgaven_json if o["vorm"] == "beoordeeld")


@pytest.mark.slow
def test_geinstalleerd_buiten_de_repository_kijkt_het_een_vraag_na(wiel, tmp_path):
    omgeving_ = tmp_path / "omgeving"
    subprocess.run([sys.executable, "-m", "venv", str(omgeving_)], check=True)
    python = omgeving_ / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(wiel)],
                   check=True, capture_output=True, env=omgeving())
    script = textwrap.dedent("""
        import werkalliantie
        from werkalliantie.leren import opgaven
        o = opgaven.laad_opgave("denise-a")
        r = opgaven.nakijken(o, opgaven.modelantwoord(o, o.sleutel), o.sleutel)
        print(werkalliantie.__file__, r.punten, r.max_punten)
    """)
    ergens = tmp_path / "ergens"
    ergens.mkdir()
    klaar = subprocess.run([python, "-c", script], cwd=ergens, capture_output=True, text=True)
    assert klaar.returncode == 0, klaar.stderr[-3000:]
    pad, punten, maximum = klaar.stdout.split()
    assert Path(pad).is_relative_to(omgeving_) and not Path(pad).is_relative_to(ROOT)
    assert float(punten) == float(maximum) == 9


def test_indelen_een_categorie_en_meer_categorieen():
    import dataclasses

    from werkalliantie.leren.opgaven.soorten.indelen import Opties, Sleutel

    een = laad_opgave("leefwereld-systeemwereld-oefenen")  # 10 statements, 5 points
    goed = opgaven.modelantwoord(een, een.sleutel)
    assert nakijken(een, goed, een.sleutel).punten == 5
    drie_fout = {**goed, "dochters": "systeemwereld", "termijn": "leefwereld", "rust": "systeemwereld"}
    assert nakijken(een, drie_fout, een.sleutel).punten == 3.5
    assert nakijken(een, {**goed, "rust": ["leefwereld", "systeemwereld"]}, een.sleutel).punten == 4.5
    # Several categories per item: every (item, category) decision counts.
    meer = dataclasses.replace(een, opties=Opties(een.opties.items[:2], een.opties.categorieen, meer=True),
                               punten={"indeling": 4.0})
    sleutel = Sleutel({"dochters": ("leefwereld",), "termijn": ("leefwereld", "systeemwereld")})
    assert nakijken(meer, {"dochters": ["leefwereld"], "termijn": ["leefwereld", "systeemwereld"]},
                    sleutel).punten == 4
    assert nakijken(meer, {"dochters": ["leefwereld"], "termijn": ["systeemwereld"]}, sleutel).punten == 3
    assert nakijken(meer, {"dochters": [], "termijn": []}, sleutel).punten == 0  # nothing ticked
    assert nakijken(meer, {"dochters": ["leefwereld"], "termijn": []}, sleutel).punten == 2


def test_punten_in_gewone_taal():
    """'1 van 1 punt', never '1 van 1 punten': the learner reads this after every save."""
    from werkalliantie.leren.opgaven.resultaat import van_punten

    assert van_punten(1, 1) == "1 van 1 punt"
    assert van_punten(0.5, 1) == "0,5 van 1 punt"
    assert van_punten(1.5, 2) == "1,5 van 2 punten"
    assert van_punten(0, 9) == "0 van 9 punten"
