"""Grading a simulated class: plain nbgrader, ``werkalliantie nakijken``, and the floor.

Not a test: it prints figures, side by side in one run. In a temporary copy of
exercises/ it makes the student version of one assignment and a simulated class of N
(``werkalliantie klas N``), then grades three copies of that class:

1. plain ``nbgrader autograde OPDRACHT``: one process, serial, the course's configuration;
2. ``werkalliantie nakijken OPDRACHT --zonder-feedback`` with W workers (the default W,
   or each W given with ``--werkers``);
3. the floor: only executing the same notebooks (as nbgrader executes them: the graded
   notebooks with their outputs cleared, in the student's folder) with nbclient, W
   processes, an ordinary kernel per notebook; no nbgrader at all.

It checks that 1 and 2 wrote identical grades (per student and cell) and prints seconds
per submission and the ratios. Run it with the course's environment active:

    python scripts/benchmark_klas.py [N] [--opdracht ID] [--werkers 2,3,4]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from meten import draai  # scripts/meten.py, beside this script

ROOT = Path(__file__).resolve().parent.parent


def _werkalliantie() -> str:
    return str(Path(sys.executable).parent / "werkalliantie")


def cijfers(map_: Path, opdracht: str) -> dict:
    from nbgrader.api import Gradebook

    uit = {}
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for inlevering in gb.find_assignment(opdracht).submissions:
            for nb in inlevering.notebooks:
                for g in nb.grades:
                    uit[inlevering.student.id, nb.name, g.name] = (
                        g.auto_score, g.manual_score, g.needs_manual_grade)
    return uit


def _voer_uit(pad: str) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(pad, as_version=4)
    for cel in nb.cells:
        if cel.cell_type == "code":
            cel.outputs, cel.execution_count = [], None
    for poging in range(3):  # kernels started side by side can race for a TCP port
        try:
            NotebookClient(nb, timeout=30, allow_errors=True,
                           resources={"metadata": {"path": str(Path(pad).parent)}}).execute()
            return
        except RuntimeError:
            if poging == 2:
                raise


def _stil() -> None:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.dup2(fd, 2)


def vloer(map_: Path, opdracht: str, werkers: int) -> float:
    """Execute every graded notebook again with nbclient alone, ``werkers`` at a time."""
    paden = sorted(str(p) for p in (map_ / "autograded").glob(f"*/{opdracht}/*.ipynb"))
    begin = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(werkers, initializer=_stil) as pool:
        pool.map(_voer_uit, paden, chunksize=1)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("aantal", type=int, nargs="?", default=100)
    parser.add_argument("--opdracht", default=None)
    parser.add_argument("--werkers", default=None, help="bijvoorbeeld 2,3,4")
    args = parser.parse_args()
    from werkalliantie.begeleiden.nakijken.klaarzetten import nieuwe_cursusmap
    from werkalliantie.leren.opgaven.model import alle_opdrachten
    from werkalliantie.begeleiden.nakijken.parallel import standaard_werkers

    opdracht = args.opdracht or next(iter(alle_opdrachten()))
    reeks = [int(w) for w in args.werkers.split(",")] if args.werkers else [standaard_werkers()]
    n = args.aantal
    print(f"{n} inleveringen van {opdracht}, {os.cpu_count()} kernen, "
          f"belasting vooraf {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory() as tijdelijk:
        basis = Path(tijdelijk) / "basis"
        nieuwe_cursusmap(basis)
        draai(_werkalliantie(), "klaarzetten", opdracht, map_=basis)
        draai(_werkalliantie(), "klas", str(n), "--opdracht", opdracht, map_=basis)

        gewoon = Path(tijdelijk) / "nbgrader"
        shutil.copytree(basis, gewoon)
        t_gewoon = draai("nbgrader", "autograde", opdracht, map_=gewoon)
        print(f"nbgrader autograde (serieel):        {t_gewoon:7.1f} s = "
              f"{t_gewoon / n:.2f} s per inlevering", flush=True)
        referentie = cijfers(gewoon, opdracht)

        for w in reeks:
            ons = Path(tijdelijk) / f"werkalliantie-{w}"
            shutil.copytree(basis, ons)
            t_ons = draai(_werkalliantie(), "nakijken", opdracht, "--werkers", str(w),
                           "--zonder-feedback", map_=ons)
            gelijk = cijfers(ons, opdracht) == referentie
            t_vloer = vloer(gewoon, opdracht, w)
            print(f"werkalliantie nakijken ({w} werkers):  {t_ons:7.1f} s = {t_ons / n:.2f} s "
                  f"per inlevering; cijfers gelijk aan nbgrader: {'ja' if gelijk else 'NEE'}")
            print(f"vloer: nbclient alleen ({w} werkers): {t_vloer:7.1f} s = {t_vloer / n:.2f} s "
                  "per inlevering")
            print(f"  verhouding ons / nbgrader:   {t_ons / t_gewoon:.2f}")
            print(f"  verhouding vloer / nbgrader: {t_vloer / t_gewoon:.2f}")
            print(f"  verhouding ons / vloer:      {t_ons / t_vloer:.2f}", flush=True)
            shutil.rmtree(ons)
    print(f"belasting achteraf {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
