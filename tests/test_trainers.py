"""The trainer's programme can be run as written (issue 13): four dagdelen, each with a
goal, a timed plan whose minutes add up to 210, work forms, exercises, discussion
questions with what a good answer contains, handouts that the book prints, a reading set,
and time for participants to practise leading a block; an evaluation at the end.

Exercises that others are still building are marked in book/trainers.md with a comment
``<!-- oefening: ID -->``; once ``book/oefeningen/ID.md`` exists, the guide must link it.
"""

from __future__ import annotations

import re

import pytest

from boektekst import toc_paginas
from conftest import ROOT

GIDS = ROOT / "book" / "trainers.md"
DAGDEEL_MINUTEN = 210
CASUSSEN = ("denise", "peter", "matthias", "nuestra")
BEKENDE_OEFENINGEN = {
    *(f"werkalliantie-{c}" for c in (*CASUSSEN, "gedwongen-kader")),
    *(f"sessies-{c}" for c in CASUSSEN),
    *(f"doelen-formuleren-{c}" for c in CASUSSEN),
    "werkzame-elementen", "doelen-herkennen", "juiste-match", "leefwereld-systeemwereld",
    "zelfregie-volgen", "zorg-voor-jezelf", "groepsoverzicht", "voortgang",
}
MARKERING = re.compile(r"<!--\s*oefening:\s*([a-z0-9-]+)\s*-->")


def _tekst() -> str:
    return GIDS.read_text(encoding="utf-8")


def _dagdelen() -> dict[int, str]:
    delen = re.split(r"^## Dagdeel (\d): .*$", _tekst(), flags=re.MULTILINE)
    gevonden = {int(delen[i]): delen[i + 1].split("\n## ", 1)[0]
                for i in range(1, len(delen), 2)}
    return gevonden


def test_vier_dagdelen():
    assert sorted(_dagdelen()) == [1, 2, 3, 4]


@pytest.mark.parametrize("nummer", [1, 2, 3, 4])
def test_tijdschema_telt_op(nummer):
    deel = _dagdelen()[nummer]
    regels = [r for r in deel.splitlines() if re.match(r"^\| *\**\d+\**\s*\|", r)]
    minuten = [int(re.search(r"\d+", r.split("|")[1]).group()) for r in regels]
    blokken, totaal = minuten[:-1], minuten[-1]
    assert "**" in regels[-1], f"dagdeel {nummer}: de laatste regel moet het totaal zijn"
    assert sum(blokken) == totaal == DAGDEEL_MINUTEN, (
        f"dagdeel {nummer}: de blokken tellen op tot {sum(blokken)}, het totaal zegt "
        f"{totaal}, een dagdeel duurt {DAGDEEL_MINUTEN} minuten")
    assert any("Pauze" in r for r in regels), f"dagdeel {nummer}: geen pauze"


@pytest.mark.parametrize("nummer", [1, 2, 3, 4])
def test_elk_dagdeel_is_compleet(nummer):
    deel = _dagdelen()[nummer]
    for kop in ("**Doel.**", "**Leesset vooraf.**", "**Hand-outs.**", "**Tijdschema**",
                "**Zo begeleid je de blokken**", "**Oefeningen**", "**Gespreksvragen**"):
        assert kop in deel, f"dagdeel {nummer} mist {kop}"
    vragen = deel.split("**Gespreksvragen**", 1)[1]
    genummerd = re.findall(r"^\d+\. ", vragen, flags=re.MULTILINE)
    antwoorden = " ".join(vragen.split()).count("Een goed antwoord")
    assert genummerd and antwoorden == len(genummerd), (
        f"dagdeel {nummer}: {len(genummerd)} gespreksvragen, {antwoorden} keer wat een "
        "goed antwoord bevat")


def test_deelnemers_oefenen_zelf_als_trainer_en_evalueren():
    delen = _dagdelen()
    for nummer in (2, 3, 4):
        assert re.search(r"Proef(blok|training)", delen[nummer]), (
            f"dagdeel {nummer}: geen tijd om zelf een blok te geven")
        assert "feedbackformulier" in delen[nummer]
    assert "evaluatieformulier" in delen[4].lower()


def test_handouts_staan_in_het_boek_en_zijn_gelinkt():
    materiaal = sorted(p.stem for p in (ROOT / "book" / "materiaal").glob("*.md"))
    assert materiaal, "geen hand-outs in book/materiaal/"
    paginas = toc_paginas(ROOT)
    for naam in materiaal:
        assert f"book/materiaal/{naam}" in paginas, f"{naam} staat niet in _toc.yml"
        assert f"materiaal/{naam}.md" in _tekst(), f"de gids linkt {naam} niet"


def test_oefeningen_gemarkeerd_en_gelinkt_zodra_ze_bestaan():
    gemarkeerd = MARKERING.findall(_tekst())
    assert gemarkeerd, "geen markeringen <!-- oefening: ID -->"
    onbekend = sorted(set(gemarkeerd) - BEKENDE_OEFENINGEN)
    assert not onbekend, f"onbekende oefeningen gemarkeerd: {onbekend}"
    niet_gelinkt = [i for i in gemarkeerd
                    if (ROOT / "book" / "oefeningen" / f"{i}.md").exists()
                    and f"oefeningen/{i}.md" not in _tekst()]
    assert not niet_gelinkt, f"deze oefeningen bestaan nu: link ze in de gids: {niet_gelinkt}"


# --- Issue 23: one title per dagdeel, groups for 6 to 25, the browser, the handouts ---------

def _sectie(kop: str) -> str:
    return _tekst().split(f"## {kop}", 1)[1].split("\n## ", 1)[0]


@pytest.mark.boek
def test_een_titel_per_dagdeel(boek):
    """The overview table and the headings of the built page name each dagdeel alike."""
    from boektekst import artikel, lees_html

    art = artikel(lees_html(boek / "book" / "trainers.html"))
    koppen = {}
    for h2 in art.find_all("h2"):
        m = re.match(r"Dagdeel (\d): (.+)", " ".join(h2.get_text().replace("#", "").split()))
        if m:
            koppen[int(m.group(1))] = m.group(2)
    tabel = art.find("table")
    rijen = {}
    for tr in tabel.find_all("tr"):
        cellen = [" ".join(td.get_text().split()) for td in tr.find_all("td")]
        if cellen and cellen[0].isdigit():
            rijen[int(cellen[0])] = cellen[1]
    assert sorted(koppen) == [1, 2, 3, 4]
    assert koppen == rijen, f"koppen {koppen} en overzicht {rijen} verschillen"


MIN_DEELNEMERS, MAX_DEELNEMERS = 6, 25
DRIETALLEN_VANAF = 22       # "Vanaf 22 deelnemers maak je drietallen."
BLOKKEN_PER_RUIMTE = 4      # the proeftraining in dagdeel 4: four blocks of 15 minutes
MAX_RUIMTES = 2
PROEFBLOKKEN_EERDER = 2     # one group in dagdeel 2, one in dagdeel 3


def groepjes(deelnemers: int) -> tuple[int, int]:
    """(duos, trios) by the rule in the guide."""
    if deelnemers < DRIETALLEN_VANAF:
        drie = deelnemers % 2          # an odd number: one trio
        return (deelnemers - 3 * drie) // 2, drie
    drie = deelnemers // 3
    while (deelnemers - 3 * drie) % 2:  # the rest in duos
        drie -= 1
    return (deelnemers - 3 * drie) // 2, drie


@pytest.mark.parametrize("deelnemers", range(MIN_DEELNEMERS, MAX_DEELNEMERS + 1))
def test_elk_groepje_geeft_een_blok(deelnemers):
    twee, drie = groepjes(deelnemers)
    assert 2 * twee + 3 * drie == deelnemers
    in_dagdeel_4 = twee + drie - PROEFBLOKKEN_EERDER
    assert in_dagdeel_4 >= 1
    assert in_dagdeel_4 <= BLOKKEN_PER_RUIMTE * MAX_RUIMTES, (
        f"{deelnemers} deelnemers: {twee + drie} groepjes passen niet in de proefblokken")


def test_de_regels_en_de_tabel_voor_groepjes_kloppen():
    sectie = _sectie("Groepjes voor het proefblok")
    assert f"Vanaf {DRIETALLEN_VANAF} deelnemers maak je drietallen" in sectie
    assert "6 tot 25 deelnemers" in sectie
    rijen = re.findall(r"^\| (\d+) \| ([^|]+) \| (\d+) \| (\d+) \|$", sectie, flags=re.MULTILINE)
    assert rijen, "geen tabel met voorbeelden"
    for deelnemers, tekst, beurt, ruimtes in rijen:
        twee = sum(int(n) for n in re.findall(r"(\d+) duo", tekst))
        drie = sum(int(n) for n in re.findall(r"(\d+) drietal", tekst))
        assert (twee, drie) == groepjes(int(deelnemers)), f"{deelnemers}: {tekst}"
        assert int(beurt) == twee + drie - PROEFBLOKKEN_EERDER, deelnemers
        assert int(ruimtes) == -(-int(beurt) // BLOKKEN_PER_RUIMTE), deelnemers
    assert "elk duo" not in _tekst()


def test_deelnemers_oefenen_in_de_browser_zonder_installatie():
    techniek = _sectie("De techniek in de groep")
    assert "Oefen nu in je" in techniek and "niets te installeren" in techniek
    for woord in ("README", "make ", "installeert de cursus"):
        assert woord not in techniek, f"de techniek voor deelnemers noemt {woord!r}"


def test_handouts_op_een_rij_met_hun_pagina_in_de_pdf():
    sectie = _sectie("Hand-outs om te printen")
    assert "```{container} pdf-paginas" in sectie
    for naam in sorted(p.stem for p in (ROOT / "book" / "materiaal").glob("*.md")):
        assert f"(materiaal/{naam}.md)" in sectie, f"{naam} ontbreekt in de lijst met hand-outs"
