"""How long `nbgrader autograde` takes per submission of the graded assignment.

Not a test: it prints figures. It copies exercises/ into a temporary folder, builds the
student version, and autogrades twice: one submission (mostly nbgrader's start-up), then
N submissions. Run it with the course's environment active:

    python scripts/benchmark_nakijken.py [N]      (default N = 10)
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.begeleiden.nakijken.klaarzetten import nieuwe_cursusmap
from werkalliantie.begeleiden.nakijken.stappen import OPDRACHT
from werkalliantie.leren.opgaven import laad_opgave
from werkalliantie.leren.opgaven.soorten.beoordeling import vragenlijst

from meten import draai  # scripts/meten.py, beside this script

ROOT = Path(__file__).resolve().parent.parent


def _cursus(doel: Path, aantal: int) -> Path:
    nieuwe_cursusmap(doel)
    draai(str(Path(sys.executable).parent / "werkalliantie"), "klaarzetten", OPDRACHT, map_=doel)
    vrijgegeven = doel / "release" / OPDRACHT
    lijst = vragenlijst(laad_opgave("denise-b"))
    kans = random.Random(1)
    for n in range(1, aantal + 1):
        map_ = doel / "submitted" / f"student-{n:03d}" / OPDRACHT
        shutil.copytree(vrijgegeven, map_)
        Antwoordenbestand(map_).bewaar("denise-b", {
            i.id: kans.randint(lijst.schaal.min, lijst.schaal.max) for i in lijst.items})
    return doel


def main(aantal: int = 10) -> None:
    with tempfile.TemporaryDirectory() as tijdelijk:
        metingen = {}
        for n in (1, aantal):
            map_ = _cursus(Path(tijdelijk) / f"cursus-{n}", n)
            metingen[n] = draai("nbgrader", "autograde", OPDRACHT, map_=map_)
    een, alle = metingen[1], metingen[aantal]
    print(f"autograde, 1 inlevering: {een:.1f} s (vooral het opstarten van nbgrader)")
    print(f"autograde, {aantal} inleveringen: {alle:.1f} s = {alle / aantal:.2f} s per inlevering")
    if aantal > 1:
        print(f"elke extra inlevering: {(alle - een) / (aantal - 1):.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("aantal", nargs="?", type=int, default=10, help="aantal inleveringen (10)")
    main(parser.parse_args().aantal)
