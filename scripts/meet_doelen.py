"""Measure the goal checker against the goals labelled by people (issue 24).

Run from the repository root after ``make gegevens``:

    python scripts/meet_doelen.py            # the development set, then the frozen set once
    python scripts/meet_doelen.py --ontwikkel --fouten
                                             # while tuning: the development set only, and
                                             # which of its goals the checker judges otherwise

Not a test: it only prints. Per set and criterion, in one line: the checker's agreement
with the settled labels, the precision and recall of "meets the criterion" (each with its
Wilson 95% lower bound and counts), the two labellers' agreement with each other and
Cohen's kappa. The frozen set is only reported: this script never prints its goals. Look at
its figures after tuning, never tune on them (see werkalliantie/bouwen/doelmeting.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ontwikkel", action="store_true",
                        help="alleen de ontwikkelset (niet de bevroren toetsset)")
    parser.add_argument("--fouten", action="store_true",
                        help="toon de doelen van de ontwikkelset die de checker anders beoordeelt")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from werkalliantie.bouwen import doelmeting
    from werkalliantie.leren.doelen import CRITERIA, beoordeel

    ontwikkel = doelmeting.lees(doelmeting.ONTWIKKEL)
    print(doelmeting.verslag("Ontwikkelset", ontwikkel))
    if args.fouten:
        for doel in ontwikkel:
            b = beoordeel(doel.tekst)
            anders = [c for c in CRITERIA if b.criteria[c] != doel.criteria[c]]
            for c in anders:
                teken = "zegt ja, mensen nee" if b.criteria[c] else "zegt nee, mensen ja"
                print(f"  {doel.id} {c}: {teken}: {doel.tekst}")
    if not args.ontwikkel:
        if doelmeting.sha256(doelmeting.BEVROREN) != doelmeting.BEVROREN_SHA256:
            print("De bevroren toetsset is veranderd: de cijfers erop zeggen niets meer.")
            return 1
        print()
        print(doelmeting.verslag("Bevroren toetsset", doelmeting.lees(doelmeting.BEVROREN)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
