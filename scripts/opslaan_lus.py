"""Change-then-click at once, many times, in a real browser: prints how often the answer
file did not hold what the page showed when the status said saved (0 expected).

    .venv/bin/python scripts/opslaan_lus.py                     # 50 rounds, Voilà, both exercises
    .venv/bin/python scripts/opslaan_lus.py --frontend lab --aantal 100 --oefening denise
    .venv/bin/python scripts/opslaan_lus.py --zonder-slagboom   # the old button: shows the bug

The rounds are those of tests/test_browser_opslaan.py (shared code: tests/opslaanlus.py):
changes by arrow keys, by choosing with the mouse and by typing, the kinds taking turns, on the
Denise practice notebook and on a small notebook with a text field. Each exercise runs in
its own temporary folder, with a fresh server and a fresh headless Chromium page.
Exit status 1 when any round failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import opslaanlus as ol  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aantal", type=int, default=50, help="rondes per oefening (50)")
    parser.add_argument("--frontend", choices=ol.FRONTENDS, default="voila")
    parser.add_argument("--oefening", choices=[*ol.OEFENINGEN, "alle"], default="alle")
    parser.add_argument("--zonder-slagboom", action="store_true",
                        help="de knop slaat meteen op, zoals voor de reparatie (meten)")
    parser.add_argument("--rondes", type=int, default=None,
                        help="rondreizen van de slagboom (standaard die van de oefening)")
    parser.add_argument("--seed", type=int, default=None, help="voor een herhaalbare reeks")
    parser.add_argument("--stil", action="store_true", help="alleen mislukte rondes tonen")
    args = parser.parse_args(argv)
    if args.aantal < 1:
        parser.error("--aantal moet minstens 1 zijn")
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    namen = list(ol.OEFENINGEN) if args.oefening == "alle" else [args.oefening]

    from playwright.sync_api import sync_playwright

    totaal_fout = 0
    regels = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=ol.CHROMIUM, args=ol.CHROMIUM_FLAGS)
        try:
            for naam in namen:
                oefening = ol.OEFENINGEN[naam]
                with tempfile.TemporaryDirectory(prefix="opslaan-lus-") as tmp:
                    map_ = Path(tmp) / "oefeningen"
                    ol.kopieer(oefening, map_, zonder_slagboom=args.zonder_slagboom,
                               rondes=args.rondes)
                    with ol.server(args.frontend, map_, Path(tmp) / "werk") as srv:
                        context = browser.new_context(
                            viewport={"width": 1280, "height": 1000}, locale="nl-NL")
                        pagina = context.new_page()
                        begin = time.monotonic()
                        ol.open_oefening(pagina, args.frontend, srv.url, oefening.bestandsnaam)

                        def toon(r: ol.Ronde) -> None:
                            if not r.gelukt or not args.stil:
                                teken = "ok  " if r.gelukt else "FOUT"
                                print(f"{teken} {naam} ronde {r.nummer}: {r.wat}"
                                      + (f" -- {r.melding}" if r.melding else ""), flush=True)

                        uitslag = ol.lus(pagina, oefening, map_, args.aantal,
                                         random.Random(f"{seed}-{naam}"), bij_ronde=toon)
                        duur = time.monotonic() - begin
                        context.close()
                fout = len(uitslag.fouten)
                totaal_fout += fout
                regels.append(f"{args.frontend} {naam}: {fout} van {args.aantal} rondes mislukt "
                              f"({duur:.0f} s)")
        finally:
            browser.close()
    soort = ("zonder slagboom" if args.zonder_slagboom else "met slagboom"
             + (f" met {args.rondes} rondreizen" if args.rondes else ""))
    print(f"\nseed {seed}, {soort}:")
    for regel in regels:
        print("  " + regel)
    print(f"mislukt: {totaal_fout}")
    return 1 if totaal_fout else 0


if __name__ == "__main__":
    sys.exit(main())
