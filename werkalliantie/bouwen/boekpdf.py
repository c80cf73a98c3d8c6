"""The book as one PDF to print (``make pdf``).

Jupyter Book's own routes do not work here: ``pdfhtml`` launches a browser it expects
Playwright to have downloaded, and ``pdflatex`` needs a full TeX installation (and rejects
SVG under ``-W``). So: build the book as one HTML page (Sphinx's ``singlehtml`` builder,
strictly, notebooks executed), serve it on 127.0.0.1, and let the system's Chromium print
it, with every request to another host blocked. The book's print styles (book/_static/
boek.css) hide navigation and widgets, start every chapter on a new page and show each
exercise page's paper version instead of its widget.

For trainers who print parts of it (issue 23): the table of contents shows the page each
chapter starts on, every link in a ``pdf-paginas`` block (the trainer's list of handouts)
gets its page too, and the PDF has a bookmark per chapter, grouped by part. Chromium
writes a named destination for every element id, so after a first print the page of each
chapter is read from the PDF itself; the numbers are written into the page and it is
printed again, until the numbers no longer change (they take no new lines, so the
second print is normally the last).
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


MAX_RONDES = 4  # prints until the page numbers are stable

# Ready to print: after "load" (stylesheets, scripts, images in the HTML) the fonts the
# layout asked for and every image, decoded. Not "network idle": a script on the page that
# keeps asking the server something (or a busy machine) would then stop the print.
KLAAR_JS = """() => Promise.all([document.fonts.ready,
  ...Array.from(document.images, (img) => img.decode().catch(() => null))]).then(() => true)"""

# The page numbers in print: after each chapter in the table of contents (with a dotted
# leader), and as "(p. N)" after each link in a block with the class pdf-paginas.
# (The theme prints the table of contents as a bulleted list with !important rules.)
PAGINASTIJL = """
.bd-main .bd-content #jb-print-toc .section-nav li {
  display: flex !important; align-items: baseline; max-width: 40em; }
.bd-main .bd-content #jb-print-toc .section-nav li > a { flex: 0 1 auto; padding: 0.1em 0; }
.bd-main .bd-content #jb-print-toc .section-nav li > .pdf-stippel { flex: 1 1 auto;
  min-width: 2em; margin: 0 0.4em; border-bottom: 1px dotted #666; }
.bd-main .bd-content #jb-print-toc .section-nav li > .pdf-pagina { flex: none; }
"""

# The structure of the printed book: the parts and chapters of the table of contents, with
# the id each links to and the id of the chapter's section. (A link points at an empty
# anchor just before the section; the section starts the new page, the anchor may still
# sit on the page before.) And the first page's title and id.
STRUCTUUR_JS = """() => {
  const delen = [];
  for (const el of document.querySelectorAll('#jb-print-toc nav > *')) {
    if (el.matches('p.caption')) delen.push({titel: el.textContent.trim(), hoofdstukken: []});
    else if (el.matches('ul') && delen.length)
      for (const a of el.querySelectorAll('li > a[href^="#"]')) {
        const id = decodeURIComponent(a.getAttribute('href').slice(1));
        const doel = document.getElementById(id);
        let sectie = doel;
        if (doel && doel.tagName !== 'SECTION') {
          const volgende = doel.nextElementSibling;
          sectie = volgende && volgende.tagName === 'SECTION' ? volgende : doel;
        }
        delen[delen.length - 1].hoofdstukken.push(
          {titel: a.textContent.trim(), id, sectie: sectie && sectie.id ? sectie.id : id});
      }
  }
  const h1 = document.querySelector('article.bd-article h1');
  const sectie = h1 && h1.closest('section');
  return {begin: sectie ? {titel: h1.firstChild.textContent.trim(), id: sectie.id} : null,
          delen};
}"""

# Write the page numbers (id -> page) after the links that point to those ids.
PAGINAS_JS = """(paginas) => {
  const links = document.querySelectorAll(
    '#jb-print-toc li > a[href^="#"], .pdf-paginas a[href^="#"]');
  for (const a of links) {
    const n = paginas[decodeURIComponent(a.getAttribute('href').slice(1))];
    if (n === undefined) continue;
    const inToc = a.closest('#jb-print-toc') !== null;
    let span = a.nextElementSibling && a.nextElementSibling.classList.contains('pdf-stippel')
      ? a.nextElementSibling.nextElementSibling : a.nextElementSibling;
    if (!span || !span.classList.contains('pdf-pagina')) {
      span = document.createElement('span');
      span.className = 'pdf-pagina';
      a.after(span);
      if (inToc) {
        const stippel = document.createElement('span');
        stippel.className = 'pdf-stippel';
        a.after(stippel);
      }
    }
    span.textContent = inToc ? String(n) : ` (p. ${n})`;
  }
}"""


@dataclass
class Afdruk:
    pdf: Path
    geblokkeerd: list[str] = field(default_factory=list)
    # Every chapter's title and the page it starts on (1-based), in the book's order.
    hoofdstukken: list[tuple[str, int]] = field(default_factory=list)
    rondes: int = 0


def paginas_van_ankers(pdf: Path) -> dict[str, int]:
    """The page (1-based) of every named destination Chromium wrote: one per element id."""
    import pypdf

    lezer = pypdf.PdfReader(str(pdf))
    paginas = {}
    for naam, doel in lezer.named_destinations.items():
        nummer = lezer.get_destination_page_number(doel)
        if nummer is not None and nummer >= 0:
            paginas[str(naam).lstrip("/")] = nummer + 1
    return paginas


def voeg_bladwijzers_toe(pdf: Path, structuur: dict, paginas: dict[str, int]) -> list[tuple[str, int]]:
    """Bookmarks: the first page, then each part with its chapters. Returns the chapters
    (title, page) that got one."""
    import pypdf

    schrijver = pypdf.PdfWriter(clone_from=str(pdf))
    hoofdstukken = []

    def blad(titel: str, anker: str, ouder=None):
        if anker not in paginas:
            raise RuntimeError(f"PDF: geen pagina gevonden voor {titel!r} (#{anker})")
        hoofdstukken.append((titel, paginas[anker]))
        return schrijver.add_outline_item(title=titel, page_number=paginas[anker] - 1, parent=ouder)

    if structuur.get("begin"):
        blad(structuur["begin"]["titel"], structuur["begin"]["id"])
    for deel in structuur["delen"]:
        if not deel["hoofdstukken"]:
            continue
        eerste = deel["hoofdstukken"][0]["sectie"]
        ouder = schrijver.add_outline_item(title=deel["titel"], page_number=paginas[eerste] - 1)
        for h in deel["hoofdstukken"]:
            blad(h["titel"], h["sectie"], ouder)
    schrijver.page_mode = "/UseOutlines"
    with open(pdf, "wb") as uit:
        schrijver.write(uit)
    return hoofdstukken


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
            page.evaluate(KLAAR_JS)
            page.add_style_tag(content=PAGINASTIJL)
            structuur = page.evaluate(STRUCTUUR_JS)
            ankers = {h["id"]: h["sectie"] for d in structuur["delen"] for h in d["hoofdstukken"]}
            vorige: dict[str, int] | None = None
            for ronde in range(1, MAX_RONDES + 1):
                page.pdf(path=str(pdf), format="A4", print_background=True,
                         display_header_footer=True, header_template="<span></span>",
                         footer_template=VOETTEKST,
                         margin={"top": "16mm", "bottom": "18mm", "left": "15mm",
                                 "right": "15mm"})
                paginas = paginas_van_ankers(pdf)
                nu = {link: paginas[sectie] for link, sectie in ankers.items() if sectie in paginas}
                if nu == vorige:
                    break
                page.evaluate(PAGINAS_JS, nu)
                vorige = nu
            else:
                raise RuntimeError("De paginanummers in de inhoudsopgave worden niet stabiel.")
            afdruk.rondes = ronde
            afdruk.hoofdstukken = voeg_bladwijzers_toe(pdf, structuur, paginas)
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
