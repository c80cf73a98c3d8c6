"""The trainer's group overview: layouts, names and numbers, escaping, the right numbers,
a chart per kind, limits, speed of the page's path, git kept clean, and the projection
view in a real browser.

The group's files are written by the course's own answer store, as the practice
exercises save them, for a practice questionnaire (its key ships), a multiple-choice
question, a sorting question and a goal text.
"""

from __future__ import annotations

import html.parser
import json
import random
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ARTEFACTEN, ROOT, omgeving

import werkalliantie.begeleiden.groepsoverzicht.pagina as opmaak
from werkalliantie.begeleiden.groepsoverzicht import Overzichtfout, groepsoverzicht, lees_groep
from werkalliantie.begeleiden.groepsoverzicht.inlezen import ZOUTBESTAND
from werkalliantie.begeleiden.groepsoverzicht.icc import icc
from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import MAX_BESTAND_BYTES, NAAMVELD, Antwoordenbestand
from werkalliantie.leren.opgaven.getallen import getal_nl
from werkalliantie.leren.opgaven.soorten import beoordeling

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
    assert pagina.lower().count("<script") == 1 and f"<script>{opmaak.SCRIPT}</script>" in pagina
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
    assert "Niet te berekenen." in overzicht.html()
    assert "Te weinig deelnemers die alles invulden" in overzicht.html()


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


# --- Right numbers: the ICC over the rated statements, and nothing else ---------------------

VRAGENLIJST = "denise-a"  # a practice questionnaire with the weakest part and evidence


def _beoordelingsgroep(map_: Path, scores: list[dict[str, int]], bewijs: list[list[int]]) -> None:
    opgave = opgaven.laad_opgave(VRAGENLIJST)
    zwakste = [d.id for d in beoordeling.vragenlijst(opgave).dimensies]
    for n, (s, b) in enumerate(zip(scores, bewijs)):
        Antwoordenbestand(map_ / f"p{n}" / "antwoorden.json").bewaar(
            VRAGENLIJST, {**s, "zwakste": zwakste[n % len(zwakste)], "bewijs": b})


def test_icc_alleen_over_de_stellingen(tmp_path):
    """The evidence question (sentence numbers 1 to 10) would change the ICC if it were
    taken as an item; the page's ICC is the one over the statements only."""
    opgave = opgaven.laad_opgave(VRAGENLIJST)
    items = [i.id for i in beoordeling.vragenlijst(opgave).items]
    kans = random.Random(21)
    basis = {i: kans.randint(1, 5) for i in items}  # raters who mostly agree, with noise
    scores = [{i: min(5, max(1, basis[i] + kans.choice([-1, 0, 0, 1]))) for i in items}
              for _ in range(10)]
    bewijs_a = [sorted(kans.sample(range(1, 11), 3)) for _ in scores]
    bewijs_b = [[10] if n % 2 else [1, 2] for n in range(len(scores))]
    tabel = [[s[i] for s in scores] for i in items]  # rows: statements, columns: raters
    verwacht = icc(tabel, "ICC(2,1)")
    # what the old overview did: the last sentence each participant ticked as a tenth item
    for bewijs in (bewijs_a, bewijs_b):
        assert abs(icc(tabel + [[b[-1] for b in bewijs]], "ICC(2,1)") - verwacht) > 0.05
    waarden = []
    for naam, bewijs in (("a", bewijs_a), ("b", bewijs_b)):
        _beoordelingsgroep(tmp_path / naam, scores, bewijs)
        overzicht = groepsoverzicht(tmp_path / naam)
        o = next(v for v in overzicht.vragen if v.opgave.id == VRAGENLIJST).overeenstemming
        assert (o.items, o.beoordelaars, o.uitgesloten) == (len(items), len(scores), 0)
        assert o.waarde == pytest.approx(verwacht, abs=1e-12)
        waarden.append(o.waarde)
        tekst = _zichtbare_tekst(overzicht.html())
        assert getal_nl(verwacht) in tekst and "Shrout en Fleiss, 1979" in tekst
        assert "hoe goed de deelnemers het eens zijn over de scores zelf" in tekst
    assert waarden[0] == pytest.approx(waarden[1], abs=1e-12)


# --- What the page shows: Dutch text, no internal key, no decimal point ----------------------

class _Tekst(html.parser.HTMLParser):
    """The text a reader sees: text nodes outside <style> and <script>."""

    def __init__(self):
        super().__init__()
        self.delen: list[str] = []
        self._weg = 0

    def handle_starttag(self, tag, attrs):
        self._weg += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._weg -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._weg and data.strip():
            self.delen.append(data.strip())


def _zichtbare_tekst(pagina_: str) -> str:
    """One line per text node; an SVG label's wrapped lines as one."""
    lezer = _Tekst()
    lezer.feed(re.sub(r"</tspan><tspan[^>]*>", " ", pagina_))
    return "\n".join(lezer.delen)


def _alle_soorten(map_: Path, aantal: int = 12, zaad: int = 4) -> list[str]:
    """A group that answers a question of every kind the overview draws differently."""
    vragen = ["denise-a", "peter-a", "matthias-a", "nuestra-a",  # ratings (and leans)
              "juiste-match-oefenen", "leefwereld-systeemwereld-oefenen",
              "gas-denise-oefenen", "denise-a-wat-zeg-je", "zorg-voor-jezelf-oefenen"]
    bekend = opgaven.alle_opgaven()
    vragen = [v for v in vragen if v in bekend]
    kans = random.Random(zaad)
    for n in range(aantal):
        waarden = {}
        for v in vragen:
            opgave = bekend[v]
            if opgave.soort == "open":
                waarden[v] = f"Antwoord {n}: ik zou vragen wat Denise zelf wil. <b>{n}</b>"
                continue
            voorbeelden = opgaven.voorbeelden(opgave, opgave.sleutel)
            waarde = json.loads(json.dumps(voorbeelden["goed" if kans.random() < .6 else "fout"]))
            if opgave.soort == "beoordeling":  # leaning above the band on the first few
                for k, w in waarde.items():
                    if isinstance(w, int) and k not in ("zwakste", "bewijs"):
                        waarde[k] = min(5, w + (2 if n < 4 else kans.choice([-1, 0, 1])))
            waarden[v] = waarde
        Antwoordenbestand(map_ / f"deelnemer-{n}" / "antwoorden.json").bewaar_meerdere(waarden)
    return vragen


@pytest.fixture
def alle_soorten(tmp_path) -> tuple[Path, str]:
    map_ = tmp_path / "groep"
    _alle_soorten(map_)
    return map_, groepsoverzicht(map_).html()


def test_geen_interne_sleutels_en_geen_decimale_punt(alle_soorten):
    map_, pagina_ = alle_soorten
    tekst = _zichtbare_tekst(pagina_)
    regels = set(tekst.splitlines())
    intern = {"bewijs", "zwakste", "doelen", "taken", "band", "leefwereld", "systeemwereld"}
    assert not regels & intern, regels & intern  # no part id as a label
    ids = set(opgaven.alle_opgaven())
    for lijst in beoordeling.vragenlijsten().values():
        ids |= {i.id for i in lijst.items} | {d.id for d in lijst.dimensies if "_" in d.id}
    assert not [i for i in ids if "-" in i or "_" in i if re.search(rf"\b{re.escape(i)}\b", tekst)]
    assert not re.search(r"\d\.\d", tekst), re.findall(r".{20}\d\.\d.{20}", tekst)
    assert re.search(r"\b0,\d", tekst)  # the ICC, with a decimal comma
    assert "pingouin" not in pagina_ and "pandas" not in pagina_
    assert "antwoorden (" not in tekst


def test_een_grafiek_per_soort_vraag(alle_soorten):
    map_, pagina_ = alle_soorten
    schermen = re.findall(r"<section class='dia[^']*' id='dia-\d+'.*?</section>", pagina_, re.S)
    titels = {re.search(r"<h[12][^>]*>(.*?)</h[12]>", s).group(1): s for s in schermen}

    def scherm(begin: str) -> str:
        return next(s for t, s in titels.items() if t.startswith(begin))

    # ratings on their own scale, one screen per part of the questionnaire, the band shaded
    stellingen = scherm("De stellingen: Doelen")
    assert stellingen.count('stroke-dasharray="8 5"') == 3  # a band on every statement
    for w in range(1, 6):
        assert f">{w}</tspan>" in stellingen
    assert "Hoe eensgezind beoordeelt de groep?" in titels
    # the weakest part: counts per dimension, the reference ringed
    zwakste = scherm("Het zwakste onderdeel")
    assert all(f">{d}</tspan>" in zwakste for d in ("Doelen", "Taken", "Band"))
    assert 'stroke="#a4000f" stroke-width="4"' in zwakste
    # evidence: a bar per sentence, in the sentences' order, the reference marked
    bewijs = "".join(s for s in schermen if "De werkalliantie met Denise" in s
                     and "De zinnen die het laten zien" in s)
    nummers = [int(n) for n in re.findall(r">Zin (\d+):", bewijs)]
    assert nummers == sorted(nummers) and len(nummers) >= 9
    assert "✓ referentie" in bewijs
    # open answers: a list of escaped texts, no chart
    open_ = next(s for s in schermen if "Antwoord 3: ik zou vragen" in s)
    assert "<svg" not in open_ and "&lt;b&gt;3&lt;/b&gt;" in open_ and "<b>" not in open_
    # numbers on their line, the reference marked with its value (decimal comma)
    assert "referentie: " in scherm("De T-score")
    # the spread of leans per part
    neiging = _zichtbare_tekst(scherm("Hoe de groep scoort: de eigen neiging")).splitlines()
    assert "vaak boven de referentie" in neiging and "Doelen" in neiging
    assert any(r.startswith("Bij ") and "vaak boven de referentie" in r for r in neiging)
    # every screen has its discussion question
    assert all("class='gesprek'" in s for s in schermen[2:-1])


def test_band_alleen_binnen_de_schaal():
    assert opmaak._kolommen_band((0.5, 6.2), 1, 5) == (0, 4)
    assert opmaak._kolommen_band((1.5, 3.5), 1, 5) == (1, 2)
    assert opmaak._kolommen_band((4.0, 5.0), 1, 5) == (3, 4)
    assert opmaak._kolommen_band(None, 1, 5) is None


def test_open_antwoorden_in_willekeurige_volgorde(tmp_path):
    _alle_soorten(tmp_path, aantal=10)
    volgordes = set()
    for _ in range(3):
        teksten = re.findall(r"Antwoord (\d+): ik zou", groepsoverzicht(tmp_path).html())
        assert sorted(teksten, key=int) == [str(n) for n in range(10)]
        volgordes.add(tuple(teksten))
    assert len(volgordes) > 1


# --- Numbers, names and privacy -------------------------------------------------------------

def test_nummers_uit_een_zout_bij_de_groep(tmp_path):
    for groep_ in ("een", "twee"):
        for n in range(30):
            Antwoordenbestand(tmp_path / groep_ / f"persoon-{n:02d}" / "antwoorden.json").bewaar(
                "bordin-drie-delen", ["doelen"])
    eerste = {d.sleutel: d.nummer for d in lees_groep(tmp_path / "een").deelnemers}
    assert sorted(eerste.values()) == list(range(1, 31))
    assert list(eerste) != sorted(eerste)  # the numbers follow no name
    assert (tmp_path / "een" / ZOUTBESTAND).is_file()
    assert {d.sleutel: d.nummer for d in lees_groep(tmp_path / "een").deelnemers} == eerste
    # the same folder layout elsewhere: another salt, other numbers
    tweede = {d.sleutel: d.nummer for d in lees_groep(tmp_path / "twee").deelnemers}
    assert tweede != eerste
    # a participant added later gets the next number; nobody else's changes
    Antwoordenbestand(tmp_path / "een" / "laat" / "antwoorden.json").bewaar(
        "bordin-drie-delen", ["taken"])
    later = {d.sleutel: d.nummer for d in lees_groep(tmp_path / "een").deelnemers}
    assert later.pop("laat/antwoorden.json") == 31 and later == eerste
    # the anonymous page shows the numbers, never a name
    assert "persoon-" not in groepsoverzicht(tmp_path / "een").html()


def test_namen_van_nbgrader_dan_eigen_naam_dan_map(tmp_path, monkeypatch):
    import nbgrader.api

    cursus = tmp_path / "cursus"
    (cursus / "submitted").mkdir(parents=True)
    (cursus / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    monkeypatch.setattr(nbgrader.api, "get_alembic_version", lambda: "0")
    with nbgrader.api.Gradebook(f"sqlite:///{cursus / 'gradebook.db'}") as gb:
        gb.add_student("s101", first_name="Ayla", last_name="Demir")
        gb.add_student("s102")
    for student, eigen in (("s101", "Ayla D."), ("s102", None), ("s103", "Bram")):
        waarden = {"bordin-drie-delen": ["doelen"], **({NAAMVELD: eigen} if eigen else {})}
        Antwoordenbestand(cursus / "submitted" / student / "oefenen" / "antwoorden.json"
                          ).bewaar_meerdere(waarden)
    namen = {d.student: d.naam for d in lees_groep(cursus, namen=True).deelnemers}
    assert namen == {"s101": "Ayla Demir", "s102": "s102", "s103": "s103"}

    los = tmp_path / "downloads"
    Antwoordenbestand(los / "antwoorden.json").bewaar_meerdere(
        {"bordin-drie-delen": ["taken"], NAAMVELD: "  Chantal\n  Pinas "})
    Antwoordenbestand(los / "antwoorden (1).json").bewaar("bordin-drie-delen", ["band"])
    Antwoordenbestand(los / "Dirk" / "antwoorden.json").bewaar("bordin-drie-delen", ["band"])
    overzicht = groepsoverzicht(los, namen=True)
    getoond = {overzicht.naam(d) for d in overzicht.groep.deelnemers}
    nummer = next(d.nummer for d in overzicht.groep.deelnemers if d.sleutel == "antwoorden (1).json")
    assert getoond == {"Chantal Pinas", "Dirk", f"Deelnemer {nummer} (naam onbekend)"}
    tekst = _zichtbare_tekst(overzicht.html())
    assert "antwoorden (1)" not in tekst and "Met namen." in tekst
    # the name for the trainer is no answer: it never counts as an unknown question
    assert overzicht.onbekend == 0 and "Chantal" not in groepsoverzicht(los).html()


def test_grenzen_aan_bestanden_en_aan_een_deelnemer(tmp_path):
    groot = tmp_path / "groep" / "groot.json"
    groot.parent.mkdir(parents=True)
    with open(groot, "wb") as f:
        f.truncate(MAX_BESTAND_BYTES + 1)  # never read: only its size is looked at
    vragen = [o for o in opgaven.alle_opgaven().values() if o.soort in ("open", "invullen")
              and o.sleutel is not None]
    gewoon = {o.id: ("Kort." if o.soort == "open" else {v.id: "Kort." for v in o.opties.vragen})
              for o in vragen}
    Antwoordenbestand(tmp_path / "groep" / "a" / "antwoorden.json").bewaar_meerdere(gewoon)
    klein = len(groepsoverzicht(tmp_path / "groep").html().encode())
    lang = "Heel lang verhaal. " * 1000  # 19,000 characters: as much as one answer may hold
    Antwoordenbestand(tmp_path / "groep" / "b" / "antwoorden.json").bewaar_meerdere(
        {o.id: (lang if o.soort == "open" else {v.id: lang for v in o.opties.vragen})
         for o in vragen})
    overzicht = groepsoverzicht(tmp_path / "groep")
    pagina_ = overzicht.html()
    # shown: every open answer; the private ones (invullen) are only counted
    teksten = sum(1 for o in vragen if o.soort == "open")
    erbij = len(pagina_.encode()) - klein
    assert erbij < teksten * (opmaak.MAX_TEKST + 400), erbij  # the texts' beginnings only
    tekst = _zichtbare_tekst(pagina_)
    assert f"{teksten} teksten waren langer dan {opmaak.MAX_TEKST} tekens" in tekst
    assert "1 bestand was groter dan 10 MB" in tekst
    assert overzicht.groep.te_groot == 1 and len(overzicht.groep.deelnemers) == 2


def test_pagina_zonder_pandas_en_pingouin(tmp_path):
    _alle_soorten(tmp_path, aantal=3)
    code = ("import sys\nfrom werkalliantie.begeleiden.groepsoverzicht import groepsoverzicht\n"
            f"groepsoverzicht({str(tmp_path)!r}).html()\n"
            "print(sorted(m for m in ('pandas', 'pingouin', 'numpy') if m in sys.modules))")
    klaar = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=omgeving(), check=True)
    assert klaar.stdout.strip() == "[]"


def test_notebook_laat_git_schoon(tmp_path):
    """The trainer's notebook, run in a checkout with a group's files, leaves nothing that
    git would commit: the group's folder and the page are ignored."""
    import nbformat
    from nbclient import NotebookClient

    kloon = tmp_path / "kloon"
    bestanden = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                               capture_output=True, check=True).stdout.decode().split("\0")
    for naam in filter(None, bestanden):
        if (ROOT / naam).is_file() and not naam.startswith(("book/", "data/", "tests/")):
            (kloon / naam).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / naam, kloon / naam)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=kloon, check=True)
    subprocess.run(["git", "add", "-A"], cwd=kloon, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "kloon"], cwd=kloon, check=True)
    trainer = kloon / "trainer"
    _schrijf_groep(trainer / "antwoorden-groep", "plat")
    nb = nbformat.read(trainer / "groepsoverzicht.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(trainer)}}).execute()
    uit = "".join(o.get("data", {}).get("text/plain", "") for c in nb.cells
                  for o in c.get("outputs", []))
    assert "5 deelnemers" in uit, uit
    assert (trainer / "uitvoer" / "groepsoverzicht.html").is_file()
    assert (trainer / "antwoorden-groep" / ZOUTBESTAND).is_file()
    status = subprocess.run(["git", "status", "--porcelain", "--ignored=no"], cwd=kloon,
                            capture_output=True, text=True, check=True).stdout
    assert status == ""


# --- The projection view, in a real browser ------------------------------------------------

SCHERMAFBEELDINGEN = ARTEFACTEN / "groepsoverzicht"


@pytest.mark.browser
def test_projectie_een_vraag_per_scherm(alle_soorten, pagina):
    """At 1280 by 720: every screen fits, no text under 24 px (SVG text as drawn), the
    keyboard goes to the next and previous screen, the inline script runs under the
    page's content security policy, nothing is requested; the print view starts every
    question on a new page. Screenshots of each kind of screen for a person to look at."""
    map_, pagina_ = alle_soorten
    bestand = map_.parent / "groepsoverzicht.html"
    bestand.write_text(pagina_, encoding="utf-8")
    pagina.set_viewport_size({"width": 1280, "height": 720})
    pagina.goto(bestand.as_uri())
    schermen = pagina.evaluate("""() => Array.from(document.querySelectorAll('section.dia'))
        .map(d => [d.id, d.getBoundingClientRect().height, d.querySelector('h1, h2').textContent])""")
    te_hoog = [(i, h, t) for i, h, t in schermen if h > 720.5]
    assert not te_hoog, te_hoog
    klein = pagina.evaluate("""() => {
        const uit = [];
        for (const el of document.querySelectorAll('body *')) {
            if (el.closest('svg') && el.tagName !== 'text') continue;
            const eigen = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
            if (!eigen && el.tagName !== 'text') continue;
            let px = parseFloat(getComputedStyle(el).fontSize);
            if (el.tagName === 'text') px = parseFloat(el.getAttribute('font-size')) * el.getScreenCTM().a;
            if (px < 23.99) uit.push([el.tagName, px, el.textContent.slice(0, 40)]);
        }
        return uit;
    }""")
    assert not klein, klein[:10]
    assert pagina.evaluate("getComputedStyle(document.documentElement).scrollSnapType") == "y mandatory"
    groot = pagina.evaluate("parseFloat(getComputedStyle(document.querySelector('.gesprek')).fontSize)")
    assert groot >= 28

    def huidig() -> str:
        return pagina.evaluate("""() => { const y = window.scrollY;
            return Array.from(document.querySelectorAll('section.dia'))
                .find(d => Math.abs(d.offsetTop - y) < 2).id; }""")

    pagina.locator("body").click(position={"x": 5, "y": 5})
    pagina.keyboard.press("ArrowRight")
    pagina.keyboard.press("ArrowRight")
    assert huidig() == "dia-3"
    pagina.keyboard.press("ArrowLeft")
    assert huidig() == "dia-2"
    pagina.keyboard.press("End")
    assert huidig() == schermen[-1][0]

    SCHERMAFBEELDINGEN.mkdir(parents=True, exist_ok=True)
    soorten = {  # a screen of each kind: its heading, and something on it
        "stellingen": ("De stellingen: Doelen", ""), "overeenstemming": ("Hoe eensgezind", ""),
        "zwakste": ("Het zwakste onderdeel", ""), "bewijs": ("De zinnen die het laten zien", ""),
        "neiging": ("Hoe de groep scoort", ""), "indelen": ("Hoe de groep koos", "Leefwereld"),
        "meerkeuze": ("Hoe de groep koos", "✓ referentie"), "getallen": ("De T-score", ""),
        "open": ("De antwoorden van de groep", "<ul"), "start": ("Groepsoverzicht", ""),
        "verschil": ("Waar de groep het meest verschilt", "")}
    for naam, (kop, inhoud) in soorten.items():
        dia = pagina.evaluate("""([kop, inhoud]) => Array.from(document.querySelectorAll('section.dia'))
            .find(d => d.querySelector('h1, h2').textContent.startsWith(kop)
                       && d.innerHTML.includes(inhoud)).id""", [kop, inhoud])
        pagina.evaluate(f"document.getElementById('{dia}').scrollIntoView()")
        pagina.screenshot(path=str(SCHERMAFBEELDINGEN / f"{naam}.png"))
    assert pagina.netwerk.geblokkeerd == []
    assert not [r for r in pagina.console_regels if "error" in r.lower() or "refused" in r.lower()]

    pagina.emulate_media(media="print")
    afdruk = pagina.evaluate("""() => [
        getComputedStyle(document.querySelector('.dia.nieuwe-vraag')).breakBefore,
        getComputedStyle(document.querySelector('nav.verder')).display,
        getComputedStyle(document.querySelector('ul.lijst')).overflow]""")
    assert afdruk == ["page", "none", "visible"]
    pagina.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    pagina.evaluate("window.scrollTo(0, 0)")
    pagina.screenshot(path=str(SCHERMAFBEELDINGEN / "afdruk.png"))
