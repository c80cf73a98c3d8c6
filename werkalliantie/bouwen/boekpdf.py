"""The book as one PDF to print (``make pdf``).

Jupyter Book's own routes do not work here: ``pdfhtml`` launches a browser it expects
Playwright to have downloaded, and ``pdflatex`` needs a full TeX installation (and rejects
SVG under ``-W``). So: build the book as one HTML page (Sphinx's ``singlehtml`` builder,
strictly, notebooks executed), serve it on 127.0.0.1, and let the system's Chromium print
it, with every request to another host blocked. The book's print styles (book/_static/
boek.css) hide navigation and widgets, start every chapter on a new page and show each
exercise page's paper version instead of its widget.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PDF_NAAM = "werken-aan-de-werkalliantie.pdf"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VOETTEKST = ('<div style="font-size:8pt;width:100%;text-align:center;color:#333;">'
             'Werken aan de werkalliantie · <span class="pageNumber"></span> van '
             '<span class="totalPages"></span></div>')


@dataclass
class Afdruk:
    pdf: Path
    geblokkeerd: list[str] = field(default_factory=list)


def bouw_enkele_pagina(bron: Path = ROOT, uit: Path = ROOT) -> Path:
    """Build the book as one HTML page (strict); return the folder with the HTML."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    resultaat = subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(bron), "--builder", "singlehtml",
         "-W", "-n", "--keep-going", "--path-output", str(uit)],
        capture_output=True, text=True, env=env)
    if resultaat.returncode != 0:
        raise RuntimeError("De boekbouw voor de PDF faalt:\n"
                           + resultaat.stdout[-4000:] + resultaat.stderr[-4000:])
    return Path(uit) / "_build" / "singlehtml"


def startpagina(html_map: Path, bron: Path = ROOT) -> str:
    """The single page, placed where its links work.

    Jupyter Book writes it under the table of contents' root name (book/intro.html), but
    Sphinx's singlehtml builder makes its links (_static/, _images/) relative to the
    build folder itself. A copy at the top of the folder has every link right."""
    toc = yaml.safe_load((Path(bron) / "_toc.yml").read_text(encoding="utf-8"))
    bronpagina = Path(html_map) / (str(toc["root"]).removesuffix(".md") + ".html")
    naam = "boek-op-papier.html"
    shutil.copyfile(bronpagina, Path(html_map) / naam)
    return naam


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def chromium() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"


def druk_af(html_map: Path, pdf: Path, pagina: str, browser=None) -> Afdruk:
    """Print the single-page build to ``pdf`` with headless Chromium, offline. Pass a
    running Playwright ``browser`` to reuse it (a test session has one already)."""
    pdf = Path(pdf)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_StilleHandler, directory=str(html_map))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    adres = f"http://127.0.0.1:{httpd.server_address[1]}"
    afdruk = Afdruk(pdf)

    def alleen_lokaal(route):
        if route.request.url.startswith(adres):
            route.continue_()
        else:
            afdruk.geblokkeerd.append(route.request.url)
            route.abort()

    def print_met(browser) -> None:
        page = browser.new_page()
        try:
            page.route("**/*", alleen_lokaal)
            page.goto(f"{adres}/{pagina}", wait_until="load")
            page.wait_for_load_state("networkidle")
            page.evaluate("document.fonts.ready")
            page.pdf(path=str(pdf), format="A4", print_background=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template=VOETTEKST,
                     margin={"top": "16mm", "bottom": "18mm", "left": "15mm",
                             "right": "15mm"})
        finally:
            page.close()

    try:
        if browser is not None:
            print_met(browser)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                eigen = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
                try:
                    print_met(eigen)
                finally:
                    eigen.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return afdruk


def maak_pdf(uit: Path = ROOT, pdf: Path | None = None, browser=None) -> Afdruk:
    html_map = bouw_enkele_pagina(ROOT, uit)
    pdf = pdf or Path(uit) / "_build" / "pdf" / PDF_NAAM
    return druk_af(html_map, pdf, startpagina(html_map, ROOT), browser=browser)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak het boek als één PDF om te printen.")
    parser.add_argument("--uit", type=Path, default=ROOT,
                        help="map waarin _build/ komt (standaard: de cursusmap)")
    args = parser.parse_args(argv)
    afdruk = maak_pdf(args.uit)
    for url in afdruk.geblokkeerd:
        print(f"let op: verzoek naar een andere host tegengehouden: {url}", file=sys.stderr)
    print(f"De PDF staat in {afdruk.pdf}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
