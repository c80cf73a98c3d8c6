"""Benchmark of the in-browser practice area: its size, the time until the first exercise is
usable, and the requests that tried to leave the site.

Run from the repository root after ``make site``: ``python scripts/benchmark_site.py``
(options: ``--site`` the built folder, ``--oefening`` the exercise's name, ``--rondes``).
Not a test: it only prints. Each round is a fresh browser profile (cold cache, empty
storage) opening the exercise page on http://127.0.0.1 in headless Chromium, with every
request to another host aborted and counted (also those of JupyterLite's service worker).
"Usable" is the moment the page shows the exercise: every cell has run and the frame is
revealed. The budget (issue 14): at most 60 MB beside the book, usable within 15 s.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

# Before Playwright starts: see the requests that service workers make (tests/conftest.py).
os.environ["PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS"] = "1"
os.environ.pop("PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK", None)

from playwright.sync_api import sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "site"))
from serveer import serveer  # noqa: E402  (build tooling beside the site, not the package)
MAX_MB, MAX_S = 60, 15
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOKAAL = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _mb(map_: Path) -> float:
    return sum(p.stat().st_size for p in map_.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--oefening", help="naam van de oefening (standaard: de eerste)")
    parser.add_argument("--rondes", type=int, default=3)
    args = parser.parse_args()
    oefenen = args.site / "oefenen"
    if not (oefenen / "index.html").exists():
        print(f"Geen site in {args.site}: bouw hem eerst met 'make site'.", file=sys.stderr)
        return 1
    naam = args.oefening or re.search(
        r'<ul class="oefeningen">\s*<li><a href="([^"]+)\.html"',
        (oefenen / "index.html").read_text(encoding="utf-8")).group(1)

    grootte, boek = _mb(oefenen), _mb(args.site) - _mb(oefenen)
    print(f"Oefenen in de browser: {grootte:.1f} MB naast het boek ({boek:.1f} MB); "
          f"grens {MAX_MB} MB: {'binnen' if grootte <= MAX_MB else 'TE GROOT'}")

    geblokkeerd: list[str] = []

    def bewaker(route):
        doel = route.request.url
        if doel.startswith(("data:", "blob:", "about:")) or urlparse(doel).hostname in LOKAAL:
            route.continue_()
        else:
            geblokkeerd.append(doel)
            route.abort()

    tijden, verzoeken = [], []
    with serveer(args.site) as basis, sync_playwright() as p:
        url = f"{basis}/oefenen/{naam}.html"
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for ronde in range(1, args.rondes + 1):
            context = browser.new_context()  # a fresh profile: cold cache, empty storage
            context.route("**/*", bewaker)
            aantal = []
            context.on("request", lambda verzoek: aantal.append(verzoek.url))
            pagina = context.new_page()
            begin = time.monotonic()
            pagina.goto(url)
            pagina.wait_for_selector("body[data-oefening]", timeout=180_000)
            seconden = time.monotonic() - begin
            toestand = pagina.get_attribute("body", "data-oefening")
            fouten = pagina.frame_locator("iframe#oefening").locator(
                "[data-mime-type='application/vnd.jupyter.stderr']").count()
            verzoeken.append(len(aantal))
            if toestand == "klaar":
                tijden.append(seconden)
                uitkomst = f"bruikbaar na {seconden:.1f} s"
            else:
                uitkomst = f"NIET BRUIKBAAR ({toestand}) na {seconden:.1f} s"
            print(f"ronde {ronde}: {naam} {uitkomst}"
                  f"{f', {fouten} foutmelding(en) in de oefening' if fouten else ''}, "
                  f"{len(aantal)} verzoeken")
            context.close()
        browser.close()
    if tijden:
        mediaan = statistics.median(tijden)
        print(f"Eerste oefening bruikbaar (mediaan van {len(tijden)}, koude cache): "
              f"{mediaan:.1f} s; grens {MAX_S} s: {'binnen' if mediaan <= MAX_S else 'TE TRAAG'}")
    else:
        print(f"De oefening {naam} werd in geen enkele ronde bruikbaar.")
    belasting = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Belasting van deze computer (load average, 1 min): {belasting:.1f} op {os.cpu_count()} kernen")
    print(f"Verzoeken naar een andere host (geblokkeerd): {len(geblokkeerd)}"
          + (f": {sorted(set(geblokkeerd))}" if geblokkeerd else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
