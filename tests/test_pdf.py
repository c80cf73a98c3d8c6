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
def afdruk(tmp_path_factory, chromium):
    uit = tmp_path_factory.mktemp("pdf")
    # The session's Chromium: a second Playwright cannot start beside the first.
    return boekpdf.maak_pdf(uit=uit, pdf=uit / boekpdf.PDF_NAAM, browser=chromium)


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
