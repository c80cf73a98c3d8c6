"""The book keeps its quotations honest (issues 13 and 23).

A quotation marked as coming from a source ({citaat} with :bron:) stands in that source
word for word, is short, and names its page where the source has pages (the report). It
is checked strictly (boektekst.citaatfout): where it stops before its source's sentence
ends, or starts inside one, it shows the cut with "…"; it never closes with a full stop
where the source goes on. The quotes in the case files are held to the same rule. A
quotation the course wrote ({citaat} with :verzonnen:) carries the label "verzonnen".
Every block quotation in the book is one of the two, and running text holds no quotation
of five words or more outside them: so no invented quote can pass for a real one.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from boektekst import (AANGEHAALD, artikel, citaatfout, citaatvorm, lees_html, staat_in_bron,
                       toc_paginas)
from conftest import ROOT
from werkalliantie.leren import casussen
from werkalliantie.bouwen.boek import BRONTEKSTEN, LABEL, MET_PAGINAS

BRONNEN = ROOT.parent / "shared" / "bronnen"
PAGINAS = toc_paginas(ROOT)
MAX_WOORDEN = 40  # a short quotation; longer needs paraphrase
MAX_WOORDEN_TUSSEN_AANHALINGSTEKENS = 4  # a term or a title in quotes, not a quotation
# Quoted words inside these name a question or a heading; they quote no one.
GEEN_CITAAT = "h1, h2, h3, h4, h5, h6, strong, th, pre, code, script, style"
# The goal criteria's definitions quote example goals (the course's own, in the exact wording
# the independent labellers were shown: tests/data/doelen/instructie-labelaars.md).
VOORBEELDDOELEN = "section#de-doelcontrole-van-de-cursus"


@functools.cache
def brontekst(sleutel: str) -> str:
    nummer = BRONTEKSTEN[sleutel]
    gevonden = sorted(BRONNEN.glob(f"{nummer}_*.txt"))
    if not gevonden:
        pytest.skip(f"De brontekst {nummer} ontbreekt in {BRONNEN}")
    return gevonden[0].read_text(encoding="utf-8")


def test_elke_bron_heeft_een_tekst():
    for sleutel in BRONTEKSTEN:
        assert brontekst(sleutel).strip(), sleutel


# --- The comparison itself ----------------------------------------------------------------

def test_exact_citaat_wordt_gevonden():
    bron = "Ze zei: ‘Het klikte  meteen. Ze begrijpt mijn situatie.’ En verder."
    assert staat_in_bron("Het klikte meteen. Ze begrijpt mijn situatie.", bron)
    assert staat_in_bron("het klikte meteen", bron)  # the case of the first letter
    assert staat_in_bron("„Ze begrijpt mijn situatie.”", bron)


# Matthias in the report (p. 10-11): the sentence goes on after "manier".
MATTHIAS = ("volgende belangrijk voor Matthias: \"Het contact met Jozias gaat vanzelf, hij komt "
            "wel vertrouwd over. Hij bespreekt serieuze situaties op een serieuze manier en "
            "benadrukt de consequenties op een rustige toon. Hij legt de dingen goed uit.\"")


def test_afgekapt_citaat_zonder_weglatingsteken_faalt():
    """Issue 23: cut after "manier", with a full stop added and no "…", the quote used
    to pass. Now it fails, and says why."""
    afgekapt = "Hij bespreekt serieuze situaties op een serieuze manier."
    fout = citaatfout(afgekapt, MATTHIAS)
    assert fout and "…" in fout, fout
    assert not staat_in_bron(afgekapt, MATTHIAS)


@pytest.mark.parametrize("goed", [
    "Hij bespreekt serieuze situaties op een serieuze manier en benadrukt de consequenties "
    "op een rustige toon.",
    "Hij bespreekt serieuze situaties op een serieuze manier …",
    "… serieuze situaties op een serieuze manier en benadrukt de consequenties op een "
    "rustige toon.",
    "Het contact met Jozias gaat vanzelf, hij komt wel vertrouwd over. … Hij legt de "
    "dingen goed uit.",
])
def test_citaat_met_zichtbare_weglating_of_tot_het_zinseinde_klopt(goed):
    assert citaatfout(goed, MATTHIAS) is None


@pytest.mark.parametrize("fout", [
    "serieuze situaties op een serieuze manier en benadrukt de consequenties op een rustige "
    "toon.",  # starts inside a sentence without "…"
    "Hij legt de dingen goed uit. … Het contact met Jozias gaat vanzelf.",  # out of order
    "Hij legt de dingen goed uit!",  # another closing mark
])
def test_citaat_dat_de_bron_verandert_faalt(fout):
    assert citaatfout(fout, MATTHIAS) is not None


@pytest.mark.parametrize("fout", [
    "Het klikte direct. Ze begrijpt mijn situatie.",   # one word changed
    "Het klikte meteen, ze begrijpt mijn situatie.",   # punctuation inside changed
    "Het klikte meteen. Ze begrijpt mijn situatie echt.",  # a word added
    "",
])
def test_afwijkend_citaat_wordt_niet_gevonden(fout):
    bron = "Ze zei: ‘Het klikte meteen. Ze begrijpt mijn situatie.’ En verder."
    assert not staat_in_bron(fout, bron)


# --- The case files (no build needed) -------------------------------------------------------

@pytest.mark.parametrize("casus_id", sorted(casussen.alle_casussen()))
def test_casuscitaten_uit_het_rapport_staan_er_letterlijk_in(casus_id):
    casus = casussen.laad_casus(casus_id)
    rapport = brontekst("vanarum2018")
    for c in casus.citaten:
        if c.herkomst == "rapport":
            assert c.pagina, f"{casus_id}: citaat '{c.id}' mist een paginanummer"
            fout = citaatfout(c.tekst, rapport)
            assert fout is None, f"{casus_id}: citaat '{c.id}' klopt niet met het rapport: {fout}"


# --- The built book -----------------------------------------------------------------------

@functools.cache
def _soep(pad: Path):
    return lees_html(pad)


def _citaten(boek: Path, pagina: str):
    pad = boek / f"{pagina}.html"
    if not pad.exists():
        pytest.fail(f"{pagina}: geen gebouwde pagina")
    return artikel(_soep(pad))


@pytest.mark.boek
@pytest.mark.parametrize("pagina", PAGINAS)
def test_citaten_kloppen_met_hun_bron_of_zijn_gemarkeerd(boek, pagina):
    art = _citaten(boek, pagina)
    fouten = []
    for blok in art.find_all("blockquote"):
        klassen = set(blok.get("class") or [])
        tekst_el = blok.select_one("p.citaat-tekst")
        tekst = tekst_el.get_text(" ") if tekst_el else blok.get_text(" ")
        kort = " ".join(tekst.split())[:80]
        if "citaat" not in klassen:
            fouten.append(f"  een blokcitaat zonder herkomst (gebruik {{citaat}}): «{kort}»")
            continue
        if "citaat-verzonnen" in klassen:
            if not blok.select_one(".verzonnen-label"):
                fouten.append(f"  verzonnen citaat zonder het label '{LABEL}': «{kort}»")
            continue
        bronnen = [k.removeprefix("bron-") for k in klassen if k.startswith("bron-")]
        if len(bronnen) != 1 or bronnen[0] not in BRONTEKSTEN:
            fouten.append(f"  citaat zonder bekende bron: «{kort}»")
            continue
        bron = bronnen[0]
        woorden = len(citaatvorm(tekst).split())
        if woorden > MAX_WOORDEN:
            fouten.append(f"  citaat van {woorden} woorden (meer dan {MAX_WOORDEN}): «{kort}»")
        fout = citaatfout(tekst, brontekst(bron))
        if fout:
            fouten.append(f"  klopt niet met {bron} ({BRONTEKSTEN[bron]}): {fout}")
        bijschrift = blok.select_one("p.attribution")
        if bijschrift is None or not bijschrift.select_one(".bibtex-citation a"):
            fouten.append(f"  citaat zonder verwijzing naar de bron: «{kort}»")
        elif bron in MET_PAGINAS and not re.search(r"p\. ?\d", bijschrift.get_text()):
            fouten.append(f"  citaat uit {bron} zonder paginanummer: «{kort}»")
    assert not fouten, f"{pagina}:\n" + "\n".join(fouten)


@pytest.mark.boek
@pytest.mark.parametrize("pagina", PAGINAS)
def test_geen_losse_citaten_in_de_lopende_tekst(boek, pagina):
    """A quotation of five words or more in running text must be a {citaat} block, so it
    shows where it comes from (a source and page) or that the course wrote it."""
    from bs4 import BeautifulSoup

    art = BeautifulSoup(str(_citaten(boek, pagina)), "html.parser")
    # A whole block marked as invented (a scene, a dialogue, an exercise on paper) may hold
    # its own quotes.
    for papier in art.select(".op-papier"):
        assert papier.select_one(".verzonnen-label"), f"{pagina}: op papier zonder label"
    for el in art.select("blockquote.citaat, .admonition.verzonnen, .op-papier, "
                         f"{VOORBEELDDOELEN}, " + GEEN_CITAAT):
        el.decompose()
    tekst = " ".join(art.get_text(" ").split())
    los = [m.group(0) for m in AANGEHAALD.finditer(tekst)
           if len(m.group(1).split()) > MAX_WOORDEN_TUSSEN_AANHALINGSTEKENS]
    assert not los, (
        f"{pagina}: tekst tussen aanhalingstekens die op een citaat lijkt. Maak er een "
        "{citaat} van (met bron en pagina, of :verzonnen:), of schrijf het zonder "
        "aanhalingstekens:\n" + "\n".join(f"  {s[:100]}" for s in los))
