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
