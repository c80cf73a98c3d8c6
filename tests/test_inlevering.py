"""The grading path's pure parts, without an nbgrader run (issue 9, points 4-6).

Reading a submission as data, rebuilding it from the course's cells, the allow-list of
files, the independent check before anything runs, and student text made inert as HTML.
The whole path through the real nbgrader commands is in test_beveiliging.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from werkalliantie.begeleiden.nakijken import inlevering, onschadelijk
from werkalliantie.begeleiden.nakijken.inlevering import Cursuscel
from werkalliantie.leren.antwoorden import Antwoordenbestand

GEVAARLIJK = [
    "<script>window.__pwned = 1</script>",
    '<img src="x" onerror="window.__pwned = 1">',
    "[klik](javascript:window.__pwned=1)",
    '<a href="JaVaScRiPt:alert(1)">a</a>',
    '<iframe src="https://example.org"></iframe>',
    '<svg onload="alert(1)"></svg>',
    '<a id="__pwned">klobberen</a>',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("payload", GEVAARLIJK)
def test_markdown_als_blok_laat_geen_uitvoerbare_html_over(payload):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    blok = onschadelijk.markdown_als_blok(f"Mijn antwoord.\n\n{payload}\n\nEinde.")
    weergave = markdown2html_mistune(blok)  # what nbgrader's templates do with the source
    for gevaar in ("<script", "onerror", "onload", "javascript:", "<iframe", "<svg", "id=",
                   "<style"):
        assert gevaar not in weergave.lower(), (payload, weergave)
    assert "Mijn antwoord." in weergave and "Einde." in weergave
    assert onschadelijk.is_blok(blok) and "\n" not in blok


def test_markdown_blijft_opgemaakt_en_wordt_niet_opnieuw_als_markdown_gelezen():
    blok = onschadelijk.markdown_als_blok("**Vet** en een [link](https://example.org).\n\n"
                                          "- een\n- twee\n\nTekst met [x](javascript:y) erin")
    assert "<strong>Vet</strong>" in blok and 'href="https://example.org"' in blok
    assert "<li>een</li>" in blok and "javascript" not in blok
    assert onschadelijk.markdown_als_blok(blok).count("Vet") == 1  # idempotent in content


def test_tekst_als_blok_toont_code_letterlijk_en_onschadelijk():
    blok = onschadelijk.tekst_als_blok("Kop", "</pre><script>x()</script>\n$\\href{javascript:1}$")
    assert "<script" not in blok and "&lt;/pre&gt;&lt;script&gt;" in blok
    assert "tex2jax_ignore" in blok


def test_uitvoer_wordt_opgeschoond():
    uitvoer = onschadelijk.schone_uitvoer({"output_type": "display_data", "data": {
        "text/html": '<b onclick="x()">vet</b><script>y()</script>',
        "application/javascript": "z()", "image/svg+xml": "<svg onload='a()'/>",
        "text/plain": "vet"}})
    assert uitvoer["data"] == {"text/html": "<b>vet</b>", "text/plain": "vet"}


# --- Reading a submitted notebook as data -------------------------------------------------

def _notebook(cellen: list[dict]) -> dict:
    return {"cells": cellen, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def test_lees_notebook_weigert_snelkoppeling_en_te_groot(tmp_path):
    echt = tmp_path / "echt.ipynb"
    echt.write_text(json.dumps(_notebook([])))
    link = tmp_path / "link.ipynb"
    os.symlink(echt, link)
    assert inlevering.lees_notebook(echt)[0] is not None
    data, _, fout = inlevering.lees_notebook(link)
    assert data is None and "snelkoppeling" in fout.docent
    groot = tmp_path / "groot.ipynb"
    with open(groot, "wb") as f:
        f.truncate(inlevering.MAX_NOTEBOOK_BYTES + 1)
    assert "te groot" in inlevering.lees_notebook(groot)[2].docent


@pytest.mark.parametrize("inhoud", [b"{kapot", b"[1]", b'{"nbformat": 3, "cells": []}',
                                    b"[" * 100_000, b"\xff\xfe\x00"])
def test_lees_notebook_geeft_een_reden_en_nooit_een_fout(tmp_path, inhoud):
    pad = tmp_path / "n.ipynb"
    pad.write_bytes(inhoud)
    data, _, fout = inlevering.lees_notebook(pad)
    assert data is None and fout.code == "notebook-onleesbaar"


def test_lees_notebook_van_100000_cellen_houdt_alleen_wat_telt(tmp_path):
    cellen = [{"cell_type": "code", "metadata": {}, "source": ["x", "=1"]}] * 100_000
    cursuscel = {"cell_type": "markdown", "metadata": {"nbgrader": {"grade_id": "a"}},
                 "source": "tekst"}
    pad = tmp_path / "n.ipynb"
    pad.write_text(json.dumps(_notebook(cellen[:60_000] + [cursuscel] + cellen[60_000:])))
    data, aantal, fout = inlevering.lees_notebook(pad)
    assert fout is None and aantal == 100_001
    assert len(data["cells"]) == inlevering.MAX_CELLEN_ZONDER_ID + 1
    assert cursuscel in data["cells"] and data["cells"][0]["source"] == "x=1"


# --- Rebuilding from the course's cells ---------------------------------------------------

CURSUS = [
    Cursuscel("uitleg", "markdown", "# Opdracht", None, True, None, False, False, "# Opdracht"),
    Cursuscel("widget", "code", "toon()", None, True, None, False, False, "toon()"),
    Cursuscel("toets", "code", "# toets\n### BEGIN HIDDEN TESTS\npunten()\n### END HIDDEN TESTS",
              None, True, 2.0, False, False, "# toets"),
    Cursuscel("antwoord", "markdown", "Schrijf hier", None, False, 4.0, True, False,
              "Schrijf hier"),
]


def _cel(gid: str | None, bron: str, soort: str = "code") -> dict:
    meta = {"nbgrader": {"grade_id": gid}} if gid else {"tags": ["skip-execution"]}
    return {"cell_type": soort, "metadata": meta, "source": bron}


def test_herbouw_voert_alleen_cellen_van_de_opdracht_uit():
    ingeleverd = _notebook([
        _cel("uitleg", "# Opdracht", "markdown"), _cel(None, "import os; os.kill(1, 9)"),
        _cel("toets", "# toets"), _cel("widget", "sla_goed_op()"),
        _cel("antwoord", "Mijn antwoord <script>x()</script>", "markdown"),
        _cel("toets", "pass"), _cel("onbekend", "print(1)")])
    uitkomst = inlevering.herbouw(ingeleverd, CURSUS, {"name": "python3"})
    code = [c for c in uitkomst.notebook["cells"] if c["cell_type"] == "code"]
    assert [(c["metadata"]["nbgrader"]["grade_id"], c["source"]) for c in code] == [
        ("widget", "toon()"), ("toets", CURSUS[2].bron)]  # course order, verbatim
    assert inlevering.controleer_uitvoerbaar(uitkomst.notebook, CURSUS) is None
    teksten = " ".join(c["source"] for c in uitkomst.notebook["cells"])
    assert "os.kill" in teksten and "sla_goed_op" in teksten and "print(1)" in teksten
    antwoord = next(c for c in uitkomst.notebook["cells"]
                    if c["metadata"].get("nbgrader", {}).get("grade_id") == "antwoord")
    assert "Mijn antwoord" in antwoord["source"] and "<script" not in antwoord["source"]
    codes = {m.code for m in uitkomst.meldingen}
    assert {"toegevoegde-cel", "dubbele-cel", "vaste-cel-aangepast", "opmaak-met-code"} <= codes
    assert uitkomst.notebook["cells"][0]["metadata"]["werkalliantie"]["soort"] == "meldingen"


def test_herbouw_van_een_onleesbaar_notebook_geeft_de_opdracht_zonder_antwoord():
    melding = inlevering.Melding("notebook-onleesbaar", "kapot", "kapot")
    uitkomst = inlevering.herbouw(None, CURSUS, None, melding)
    cellen = {c["metadata"]["nbgrader"]["grade_id"]: c for c in uitkomst.notebook["cells"]
              if "nbgrader" in c["metadata"]}
    assert set(cellen) == {c.naam for c in CURSUS}
    assert cellen["antwoord"]["source"] == "Schrijf hier"  # the stub: 0 points, no grader
    assert {m.code for m in uitkomst.meldingen} >= {"notebook-onleesbaar",
                                                     "antwoordcel-ontbreekt"}


def test_poort_weigert_wat_niet_van_de_opdracht_is_en_de_dichte_versie_geeft_0():
    goed = inlevering.herbouw(_notebook([]), CURSUS, None).notebook
    assert inlevering.controleer_uitvoerbaar(goed, CURSUS) is None
    zonder_controle = dict(goed, metadata={})
    assert "niet uitgevoerd" in inlevering.controleer_uitvoerbaar(zonder_controle, CURSUS)
    met_tag = json.loads(json.dumps(goed))
    next(c for c in met_tag["cells"] if c["cell_type"] == "code")["metadata"]["tags"] = [
        "skip-execution"]
    assert "extra instellingen" in inlevering.controleer_uitvoerbaar(met_tag, CURSUS)
    extra = json.loads(json.dumps(goed))
    extra["cells"].append(_cel(None, "print(1)"))
    assert "hoort niet bij" in inlevering.controleer_uitvoerbaar(extra, CURSUS)
    dicht = inlevering.dichte_versie(CURSUS, None, inlevering.Melding("x", "x", "x"))
    code = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in dicht["cells"]
            if c["cell_type"] == "code"}
    assert code["widget"] == "" and code["toets"].startswith("raise RuntimeError(")


# --- Files: the allow-list ------------------------------------------------------------------

def test_snoei_houdt_alleen_de_vaste_lijst(tmp_path):
    ingeleverd, nagekeken = tmp_path / "submitted", tmp_path / "autograded"
    for map_ in (ingeleverd, nagekeken):
        (map_ / "werkalliantie").mkdir(parents=True)
        (map_ / "werkalliantie" / "toets.so").write_bytes(b"\x7fELF")
        for naam in ("opdracht.ipynb", "antwoorden.json", "x.py", ".verborgen",
                     "ipython_kernel_config.json"):
            (map_ / naam).write_text('{"schema": "werkalliantie-antwoorden", "antwoorden": {}}')
        (map_ / "data").mkdir()
        (map_ / "data" / "cursus.csv").write_text("a,b")
        (map_ / "data" / "eigen.py").write_text("")
    sleutel = tmp_path / "sleutel.yaml"
    sleutel.write_text("geheim")
    os.symlink(sleutel, ingeleverd / "antwoorden.vorige.json")
    (nagekeken / "antwoorden.vorige.json").write_text("geheim")  # what shutil.copy made
    meldingen = inlevering.snoei(nagekeken, ingeleverd, ["opdracht"], ["data/cursus.csv"])
    over = sorted(str(p.relative_to(nagekeken)) for p in nagekeken.rglob("*"))
    assert over == ["antwoorden.json", "data", "data/cursus.csv", "opdracht.ipynb"]
    codes = {m.code for m in meldingen}
    assert {"antwoordbestand-geweigerd", "bestand-geweigerd", "antwoordbestand-leeg"} <= codes


def test_alleen_de_laatste_goede_versie_ingeleverd(tmp_path):
    """The grading reads antwoorden.vorige.json when antwoorden.json is missing (the answer
    store's fallback): the notice says so, instead of 'no answer file'."""
    ingeleverd, nagekeken = tmp_path / "submitted", tmp_path / "autograded"
    for map_ in (ingeleverd, nagekeken):
        map_.mkdir()
        (map_ / "opdracht.ipynb").write_text("{}")
        (map_ / "antwoorden.vorige.json").write_text(
            '{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {}}')
    meldingen = inlevering.snoei(nagekeken, ingeleverd, ["opdracht"], [])
    codes = [m.code for m in meldingen]
    assert "antwoordbestand-reserve" in codes and "antwoordbestand-ontbreekt" not in codes
    assert "antwoordbestand-leeg" in codes  # the copy is checked as data too
    assert (nagekeken / "antwoorden.vorige.json").is_file()
    assert "laatste goede versie" in next(m.student for m in meldingen
                                          if m.code == "antwoordbestand-reserve")


def test_slot_van_het_antwoordbestand_gaat_stil_weg(tmp_path):
    """The answer store's lock file sits beside every submission: it is dropped, but not
    reported, so an instructor's report names only what a student really added."""
    ingeleverd, nagekeken = tmp_path / "submitted", tmp_path / "autograded"
    for map_ in (ingeleverd, nagekeken):
        map_.mkdir()
        (map_ / "opdracht.ipynb").write_text("{}")
        (map_ / ".antwoorden.json.lock").write_text("")
        (map_ / "eigen.lock").write_text("")
    meldingen = inlevering.snoei(nagekeken, ingeleverd, ["opdracht"], [])
    assert sorted(p.name for p in nagekeken.iterdir()) == ["opdracht.ipynb"]
    geweigerd = [m.docent for m in meldingen if m.code == "bestand-geweigerd"]
    assert geweigerd == ["1 bestand of map uit de inlevering niet gebruikt: eigen.lock."]


@pytest.mark.parametrize("inhoud, code", [
    (b"[" * 10_000 + b"]" * 10_000, "antwoordbestand-beschadigd"),
    (b'{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {"a": {"waarde": NaN}}}',
     "antwoordbestand-ongeldig"),
    (b'{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": '
     b'{"a": {"waarde": 1}, "a": {"waarde": 2}}}', "antwoordbestand-ongeldig"),
    (b'{"schema": 3}', "antwoordbestand-beschadigd"),
    ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {}}'.encode("utf-32"),
     "antwoordbestand-leeg"),
])
def test_antwoordbestand_als_gegevens_gecontroleerd(tmp_path, inhoud, code):
    pad = tmp_path / "antwoorden.json"
    pad.write_bytes(inhoud)
    assert code in {m.code for m in inlevering.controleer_antwoordbestand(pad)}


def test_het_rapport_leest_het_antwoordbestand_zoals_het_nakijken(tmp_path):
    """One reader: a UTF-32 file that grading reads is never called damaged by the report."""
    Antwoordenbestand(tmp_path).bewaar("denise-b", {"zwakste": "doelen"})
    pad = tmp_path / "antwoorden.json"
    pad.write_bytes(pad.read_text(encoding="utf-8").encode("utf-32"))
    assert Antwoordenbestand(tmp_path).lees().waarde("denise-b") == {"zwakste": "doelen"}
    assert inlevering.controleer_antwoordbestand(pad) == []


def test_de_toets_in_de_kernel_laadt_geen_nbgrader_of_nh3():
    programma = ("import sys, werkalliantie.begeleiden.nakijken.toets, werkalliantie.leren.opgaven, "
                 "werkalliantie.leren.widgets\n"
                 "print(sorted(m for m in sys.modules if m.split('.')[0] in "
                 "('nbgrader', 'nh3', 'nbconvert')))")
    uit = subprocess.run([sys.executable, "-c", programma], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert uit == "[]"


# --- Characters that are not text (issue 19) ---------------------------------------------------

def test_halve_tekens_worden_fffd_met_een_melding_en_het_antwoord_blijft(tmp_path):
    pad = tmp_path / "nb.ipynb"
    nb = _notebook([_cel("antwoord", "HALF", "markdown"), _cel(None, "EXTRA", "markdown")])
    pad.write_text(json.dumps(nb).replace("HALF", "Mijn \\ud83d antwoord").replace(
        "EXTRA", "eigen \\udc00 cel"), encoding="utf-8")
    meldingen: list = []
    data, _, fout = inlevering.lees_notebook(pad, meldingen)
    assert fout is None and "\ufffd" in data["cells"][0]["source"]
    assert [m.code for m in meldingen] == ["ongeldige-tekens"]
    assert "2 halve tekens" in meldingen[0].docent
    uitkomst = inlevering.herbouw(data, CURSUS, None, vooraf=meldingen)
    json.dumps(uitkomst.notebook).encode("utf-8")  # every string can be written
    antwoord = next(c for c in uitkomst.notebook["cells"]
                    if c["metadata"].get("nbgrader", {}).get("grade_id") == "antwoord")
    assert antwoord["source"] != "Schrijf hier" and "\ufffd" in antwoord["source"]
    assert antwoord["metadata"]["werkalliantie"]["antwoord"] == "Mijn \ufffd antwoord"


def test_bytes_die_geen_utf8_zijn_worden_fffd(tmp_path):
    pad = tmp_path / "nb.ipynb"
    ruw = json.dumps(_notebook([_cel("antwoord", "XX", "markdown")])).encode().replace(
        b"XX", b"caf\xe9 \xff")
    pad.write_bytes(ruw)
    meldingen: list = []
    data, _, fout = inlevering.lees_notebook(pad, meldingen)
    assert fout is None and data["cells"][0]["source"] == "caf\ufffd \ufffd"
    assert "geen geldige UTF-8" in meldingen[0].docent


def test_dicht_houdt_het_open_antwoord_op_de_lijst_en_blijft_dicht():
    reden = inlevering.Melding("controle-mislukt", "vast", "vast")
    dicht = inlevering.dichte_versie(CURSUS, None, reden, {"antwoord": "Mijn eigen tekst."})
    antwoord = next(c for c in dicht["cells"]
                    if c["metadata"].get("nbgrader", {}).get("grade_id") == "antwoord")
    assert "Mijn eigen tekst." in antwoord["source"]  # not the stub: stays for manual grading
    assert inlevering.is_dicht(dicht).code == "controle-mislukt"
    assert inlevering.antwoordteksten(dicht)["antwoord"] == "Mijn eigen tekst."


# --- The hostile class (lmsklas): no open answer leaves the manual-grading list ----------------

def _open_antwoorden_van_de_lijst(map_, opdracht: str, studenten) -> list[str]:
    """Students whose written open answer is neither on the manual list nor graded by hand."""
    from nbgrader.api import Gradebook

    from werkalliantie.begeleiden.nakijken.inlevering import lees_notebook

    missend = []
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for student in studenten:
            pad = map_ / "submitted" / student / opdracht / f"{opdracht}.ipynb"
            data, _, _ = lees_notebook(pad)
            if data is None:
                continue  # nothing could be read: no answer to keep
            nb = gb.find_submission_notebook(opdracht, opdracht, student)
            stub = {c.name: c.source for c in nb.notebook.source_cells}
            gezien = set()
            for cel in data["cells"]:
                gid = inlevering._grade_id(cel) or ""  # any structure: a student's JSON
                if not gid.startswith("antwoord-") or gid in gezien:
                    continue  # only the first cell with an id counts (as in grading)
                gezien.add(gid)
                if cel.get("cell_type") != "markdown" or cel.get("source") == stub.get(gid):
                    continue
                grade = next(g for g in nb.grades if g.name == gid)
                if grade.manual_score is None and not grade.needs_manual_grade:
                    missend.append(student)
                break
    return missend


@pytest.mark.nbgrader
def test_geen_open_antwoord_verdwijnt_van_de_lijst_om_met_de_hand_na_te_kijken(lmsklas):
    import lmscorpus

    studenten = [*lmscorpus.EERLIJK, "aanvaller-a", "aanvaller-b"]
    assert _open_antwoorden_van_de_lijst(lmsklas.nagekeken, lmscorpus.OPDRACHT, studenten) == []
    # the half characters: shown as U+FFFD, the answer kept
    nb = json.loads((lmsklas.nagekeken / "autograded" / "aanvaller-b" / lmscorpus.OPDRACHT /
                     f"{lmscorpus.OPDRACHT}.ipynb").read_text(encoding="utf-8"))
    antwoord = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get(
        "grade_id", "").startswith("antwoord-"))
    assert "half teken \ufffd en verder" in antwoord["metadata"]["werkalliantie"]["antwoord"]
