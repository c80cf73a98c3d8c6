"""The printable book (issue 13): `make pdf` builds one PDF, offline, with every chapter,
each chapter on a new page, and the exercises as questions on paper instead of widgets.

Slow (a second, single-page build of the book, then Chromium prints it): marked ``pdf``;
it runs in ``make test``.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from boektekst import artikel, lees_html, toc_paginas
from conftest import ROOT
from werkalliantie.bouwen import boekpdf
from werkalliantie.leren.opgaven import laad_opgave
from werkalliantie.leren.opgaven.soorten.beoordeling import vragenlijst

PAGINAS = toc_paginas(ROOT)


def _vlak(tekst: str) -> str:
    """PDF text as comparable words: ligatures (ﬂ) undone, one space between words."""
    return " ".join(unicodedata.normalize("NFKC", tekst).split())


@pytest.fixture(scope="module")
def afdruk(boekbouw, chromium):
    # The one-page build beside the session's HTML build: the executed pages come from the
    # same jupyter-cache, so nothing runs twice. The session's Chromium prints it (a second
    # Playwright cannot start beside the first).
    return boekpdf.maak_pdf(uit=boekbouw, pdf=boekbouw / boekpdf.PDF_NAAM, browser=chromium)


@pytest.fixture(scope="module")
def paginateksten(afdruk) -> list[str]:
    import pypdf

    lezer = pypdf.PdfReader(str(afdruk.pdf))
    return [_vlak(p.extract_text() or "") for p in lezer.pages]


def _zonder_labels(tekst: str) -> str:
    """Page text without the bibliography's labels ([1] [2] ...): pypdf extracts that
    column before the heading beside it."""
    return re.sub(r"^(\[\d+\]\s*)+", "", tekst)


def _titel(boek, pagina: str) -> str:
    h1 = artikel(lees_html(boek / f"{pagina}.html")).find("h1")
    return _vlak(h1.get_text().replace("#", ""))


@pytest.mark.pdf
@pytest.mark.browser
@pytest.mark.boek
def test_pdf_gemaakt_zonder_netwerk(afdruk, paginateksten):
    assert afdruk.pdf.exists() and afdruk.pdf.stat().st_size > 100_000
    assert afdruk.geblokkeerd == [], f"verzoeken naar andere hosts: {afdruk.geblokkeerd}"
    assert len(paginateksten) >= 40, f"maar {len(paginateksten)} pagina's"
    print(f"\nPDF: {len(paginateksten)} pagina's, {afdruk.pdf.stat().st_size / 1e6:.1f} MB")


@pytest.mark.pdf
@pytest.mark.browser
@pytest.mark.boek
def test_elk_hoofdstuk_staat_erin_op_een_nieuwe_pagina(boek, paginateksten):
    ontbreekt, niet_bovenaan = [], []
    for pagina in PAGINAS[1:]:  # the first page's title is the theme's cover
        titel = _titel(boek, pagina)
        if not any(titel in tekst for tekst in paginateksten):
            ontbreekt.append(f"  {pagina}: «{titel}»")
        elif not any(_zonder_labels(tekst).startswith(titel) for tekst in paginateksten):
            niet_bovenaan.append(f"  {pagina}: «{titel}»")
    assert not ontbreekt, "hoofdstukken die niet in de PDF staan:\n" + "\n".join(ontbreekt)
    assert not niet_bovenaan, ("hoofdstukken die niet bovenaan een nieuwe pagina beginnen:\n"
                               + "\n".join(niet_bovenaan))


@pytest.mark.pdf
@pytest.mark.browser
@pytest.mark.boek
def test_oefening_op_papier_toont_vragen_en_geen_widget(paginateksten):
    alles = " ".join(paginateksten)
    assert "Op papier." in alles, "de papieren versie van de oefening ontbreekt"
    for item in vragenlijst(laad_opgave("denise-a")).items:
        assert _vlak(item.tekst) in alles, f"stelling ontbreekt op papier: {item.tekst}"
    for code in ("oefening(", "from werkalliantie", "import ipywidgets", "import werkalliantie"):
        assert code not in alles, f"programmacode in de PDF: {code}"
    # (`nbgrader db student import` in the instructors' guide is a command for them, not code)
    # The widget's own controls are hidden in print: its save button label appears only
    # in the instructions, never as a button row with scores and a slider readout.
    assert not re.search(r"\bOpslaan\s+Opslaan\b", alles)


# --- Issue 23: for trainers who print parts of the book --------------------------------------

def _hoofdstukken(boek) -> list[str]:
    return [_titel(boek, p) for p in PAGINAS]


def _beginpagina(paginateksten: list[str], titel: str, vanaf: int = 0) -> int | None:
    """The first page (1-based) from ``vanaf`` whose text starts with the title."""
    for i in range(vanaf, len(paginateksten)):
        if _zonder_labels(paginateksten[i]).startswith(titel):
            return i + 1
    return None


@pytest.mark.pdf
@pytest.mark.browser
@pytest.mark.boek
def test_bladwijzer_per_hoofdstuk_op_de_juiste_pagina(afdruk, boek, paginateksten):
    import pypdf

    lezer = pypdf.PdfReader(str(afdruk.pdf))
    bladwijzers = {}

    def loop(items):
        for item in items:
            if isinstance(item, list):
                loop(item)
            else:
                bladwijzers[_vlak(item.title)] = lezer.get_destination_page_number(item) + 1

    loop(lezer.outline)
    fouten = []
    for titel in _hoofdstukken(boek)[1:]:  # the first page's title is the theme's cover
        if titel not in bladwijzers:
            fouten.append(f"  geen bladwijzer: «{titel}»")
        elif not _zonder_labels(paginateksten[bladwijzers[titel] - 1]).startswith(titel):
            fouten.append(f"  «{titel}»: bladwijzer naar p. {bladwijzers[titel]}, daar begint "
                          "het hoofdstuk niet")
    assert not fouten, "\n".join(fouten)


@pytest.mark.pdf
@pytest.mark.browser
@pytest.mark.boek
def test_inhoudsopgave_met_paginanummers(boek, paginateksten):
    """The table of contents on the first pages gives each chapter's starting page."""
    inhoud = " ".join(paginateksten[:4])
    fouten = []
    vanaf = 0
    for titel in _hoofdstukken(boek)[1:]:
        begin = _beginpagina(paginateksten, titel, vanaf)
        if begin is None:
            fouten.append(f"  «{titel}» begint op geen pagina")
            continue
        vanaf = begin - 1
        if not re.search(re.escape(titel) + rf"\s*{begin}\b", inhoud):
            fouten.append(f"  «{titel}»: in de inhoud niet met p. {begin}")
    assert not fouten, "inhoudsopgave:\n" + "\n".join(fouten)


@pytest.mark.pdf
@pytest.mark.browser
@pytest.mark.boek
def test_trainersgids_noemt_de_pagina_van_elke_handout(boek, paginateksten):
    alles = " ".join(paginateksten)
    begin = alles.find("Rollenspelkaarten (p.")
    assert begin >= 0, "de lijst met hand-outs in de trainersgids heeft geen paginanummers"
    gids = alles[begin:begin + 1500]
    handouts = [p for p in PAGINAS if p.startswith("book/materiaal/")]
    assert handouts
    for pagina in handouts:
        titel = _titel(boek, pagina)
        m = re.search(r"(\w+) \(p\. (\d+)\)", gids[gids.find(titel.split()[0]):])
        assert m and titel.startswith(m.group(1)), f"geen pagina bij «{titel}» in de gids"
        nummer = int(m.group(2))
        assert _zonder_labels(paginateksten[nummer - 1]).startswith(titel), (
            f"«{titel}»: de gids zegt p. {nummer}, daar begint de hand-out niet")


@pytest.mark.pdf
@pytest.mark.browser
def test_een_pagina_die_blijft_vragen_wordt_toch_afgedrukt(tmp_path, chromium):
    # The print waits for what it prints (fonts, images), not for a quiet network: a script
    # that keeps asking the server something must not stop `make pdf` (it did, on a busy
    # CI machine, after 30 s of waiting for "network idle").
    import base64
    import time

    import pypdf

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
    (tmp_path / "stip.png").write_bytes(png)
    (tmp_path / "boek.html").write_text(
        '<!doctype html><html lang="nl"><meta charset="utf-8"><body><article class="bd-article">'
        '<section id="begin"><h1>Proefboek</h1><img src="stip.png" alt="stip" width="40">'
        '<p>Deze pagina vraagt de server steeds iets. <a href="#begin">Naar boven</a></p>'
        "</section></article>"
        "<script>setInterval(() => fetch('vraag?' + Date.now()).catch(() => null), 100)"
        "</script></body></html>", encoding="utf-8")
    begin = time.monotonic()
    afdruk = boekpdf.druk_af(tmp_path, tmp_path / "proef.pdf", "boek.html", browser=chromium)
    assert time.monotonic() - begin < 25, "het afdrukken wachtte op een stil netwerk"
    assert afdruk.hoofdstukken == [("Proefboek", 1)]
    assert "Proefboek" in pypdf.PdfReader(str(afdruk.pdf)).pages[0].extract_text()
