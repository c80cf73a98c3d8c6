"""Benchmark of the in-browser practice area: its size, the time until the first exercise is
usable, and the requests that tried to leave the site.

Run from the repository root after ``make site``::

    python scripts/benchmark_site.py                       # this build, idle and busy
    python scripts/benchmark_site.py --site /tmp/voor/_build/html --naam voor \\
                                     --site _build/html --naam nu

Not a test: it only prints. Each round is a fresh browser profile (cold cache, empty
storage) opening the exercise page on http://127.0.0.1 in headless Chromium, with every
request to another host aborted and counted (also those of JupyterLite's service worker).
"Usable" is the moment the page shows the exercise: every cell has run and the frame is
revealed (the page's own ``data-klaar-na-ms``).

Several sites (``--site``, each with a ``--naam``) are measured in the same run, their rounds
taking turns, so that a figure from before a change and one from after it meet the same
machine. Each site is measured idle and with a CPU-busy process beside it (``--belasting``),
``--rondes`` times each (3). The budget (issue 22): the first exercise usable within 6 s
(median) idle and within 10 s beside a busy process; at most 60 MB beside the book.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlparse

# Before Playwright starts: see the requests that service workers make (tests/conftest.py).
os.environ["PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS"] = "1"
os.environ.pop("PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK", None)

from playwright.sync_api import sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site"))
from serveer import serveer  # noqa: E402  (build tooling beside the site, not the package)

MAX_MB = 60
GRENS_S = {"rustig": 6.0, "belast": 10.0}  # median seconds, per condition
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOKAAL = {"127.0.0.1", "localhost", "::1", "[::1]"}
# One process that keeps one core busy: "a CPU-busy process beside it".
BEZIG = [sys.executable, "-c", "while True: pass"]


def _mb(map_: Path) -> float:
    return sum(p.stat().st_size for p in map_.rglob("*") if p.is_file()) / 1e6


def eerste_oefening(oefenen: Path) -> str:
    return re.search(r'<ul class="oefeningen">\s*<li><a href="([^"]+)\.html"',
                     (oefenen / "index.html").read_text(encoding="utf-8")).group(1)


def belasting() -> str:
    een, vijf, _ = os.getloadavg()
    return f"load {een:.1f} (5 min: {vijf:.1f}) op {os.cpu_count()} kernen"


class Meter:
    """One headless Chromium; a fresh profile per round."""

    def __init__(self, browser):
        self.browser = browser
        self.geblokkeerd: list[str] = []

    def _bewaker(self, route):
        doel = route.request.url
        if doel.startswith(("data:", "blob:", "about:")) or urlparse(doel).hostname in LOKAAL:
            route.continue_()
        else:
            self.geblokkeerd.append(doel)
            route.abort()

    def ronde(self, url: str) -> tuple[float | None, str]:
        context = self.browser.new_context()  # a fresh profile: cold cache, empty storage
        context.route("**/*", self._bewaker)
        try:
            pagina = context.new_page()
            begin = time.monotonic()
            pagina.goto(url)
            pagina.wait_for_selector("body[data-oefening]", timeout=180_000)
            toestand = pagina.get_attribute("body", "data-oefening")
            if toestand != "klaar":
                return None, f"NIET BRUIKBAAR ({toestand}) na {time.monotonic() - begin:.1f} s"
            seconden = int(pagina.get_attribute("body", "data-klaar-na-ms")) / 1000
            fouten = pagina.frame_locator("iframe#oefening").locator(
                "[data-mime-type='application/vnd.jupyter.stderr']").count()
            return seconden, f"bruikbaar na {seconden:.1f} s" + (
                f", {fouten} foutmelding(en) in de oefening" if fouten else "")
        finally:
            context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, action="append",
                        help="een gebouwde site (standaard: _build/html); mag vaker")
    parser.add_argument("--naam", action="append", help="naam per --site, voor de tabel")
    parser.add_argument("--oefening", help="naam van de oefening (standaard: de eerste)")
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--belasting", choices=["rustig", "belast", "beide"], default="beide",
                        help="zonder, met of zonder en met een rekenend proces ernaast")
    args = parser.parse_args()
    sites = args.site or [ROOT / "_build" / "html"]
    namen = args.naam or [s.as_posix() for s in sites]
    if len(namen) != len(sites):
        parser.error("geef bij elke --site een --naam")
    for site in sites:
        if not (site / "oefenen" / "index.html").exists():
            print(f"Geen site in {site}: bouw hem eerst met 'make site'.", file=sys.stderr)
            return 1
    for naam, site in zip(namen, sites):
        grootte, boek = _mb(site / "oefenen"), _mb(site) - _mb(site / "oefenen")
        print(f"{naam}: oefenen in de browser {grootte:.1f} MB naast het boek ({boek:.1f} MB); "
              f"grens {MAX_MB} MB: {'binnen' if grootte <= MAX_MB else 'TE GROOT'}")

    condities = ["rustig", "belast"] if args.belasting == "beide" else [args.belasting]
    tijden: dict[tuple[str, str], list[float]] = {}
    with ExitStack() as stapel:
        browser = stapel.enter_context(sync_playwright()).chromium.launch(
            executable_path=CHROMIUM, args=FLAGS)
        stapel.callback(browser.close)
        meter = Meter(browser)
        urls = [f"{stapel.enter_context(serveer(site))}/oefenen/"
                f"{args.oefening or eerste_oefening(site / 'oefenen')}.html" for site in sites]
        for conditie in condities:
            bezig = subprocess.Popen(BEZIG) if conditie == "belast" else None
            try:
                print(f"\n{conditie}{' (een rekenend proces ernaast)' if bezig else ''}: "
                      f"{belasting()}")
                for ronde in range(1, args.rondes + 1):
                    for naam, url in zip(namen, urls):  # the sites take turns
                        seconden, uitkomst = meter.ronde(url)
                        print(f"  ronde {ronde} {naam}: {uitkomst}", flush=True)
                        if seconden is not None:
                            tijden.setdefault((naam, conditie), []).append(seconden)
                print(f"  na afloop: {belasting()}")
            finally:
                if bezig is not None:
                    bezig.kill()
                    bezig.wait()

    print(f"\nEerste oefening bruikbaar, mediaan van {args.rondes} koude rondes (s):")
    print(f"  {'site':<12}" + "".join(f"{c:>22}" for c in condities))
    for naam in namen:
        cellen = []
        for conditie in condities:
            reeks = tijden.get((naam, conditie), [])
            if len(reeks) < args.rondes:
                cellen.append(f"{'niet bruikbaar':>22}")
                continue
            mediaan = statistics.median(reeks)
            oordeel = "binnen" if mediaan <= GRENS_S[conditie] else "TE TRAAG"
            cellen.append(f"{mediaan:>7.1f} ({oordeel:>8})".rjust(22))
        print(f"  {naam:<12}" + "".join(cellen))
    print(f"  grens: {GRENS_S['rustig']:.0f} s rustig, {GRENS_S['belast']:.0f} s belast")
    print(f"Verzoeken naar een andere host (geblokkeerd): {len(meter.geblokkeerd)}"
          + (f": {sorted(set(meter.geblokkeerd))}" if meter.geblokkeerd else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
