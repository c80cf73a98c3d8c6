"""Benchmark of the goal checker: import, first call, and time per goal.

Run from the repository root after ``make gegevens``: ``python scripts/benchmark_doelen.py``.
Not a test: it only prints. The goals are the development set of issue 24 and the two old
labelled sets in tests/data (not the frozen test set: nobody reads its goals). Import and
first call are measured in fresh interpreters (the first call reads the bundle, compiles
the rule patterns and builds the typo index); the time per goal in this process, once
with an empty cache of repaired words and then warm.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = ("doelen/doelen_ontwikkel.yaml", "doelen_ontwikkelset.yaml", "doelen_toetsset.yaml")
RONDES = 5
VERSEN = 5  # fresh interpreters for the import and first-call times

_KOUD = """
import json, time
t0 = time.perf_counter()
import werkalliantie.leren.doelen as d
t1 = time.perf_counter()
d.beoordeel("Ik bel morgen de huisarts.")
t2 = time.perf_counter()
print(json.dumps([(t1 - t0) * 1000, (t2 - t1) * 1000]))
"""


def _koude_start() -> tuple[float, float]:
    """Median import time and first-call time in a fresh interpreter, in ms."""
    metingen = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _KOUD], capture_output=True, text=True, check=True,
                cwd=ROOT,
            ).stdout
        )
        for _ in range(VERSEN)
    ]
    return (
        statistics.median(m[0] for m in metingen),
        statistics.median(m[1] for m in metingen),
    )


def _ms(tijden: list[float], kwantiel: float) -> float:
    tijden = sorted(tijden)
    return tijden[min(len(tijden) - 1, int(kwantiel * len(tijden)))] * 1000


def main() -> None:
    sys.path.insert(0, str(ROOT))
    importtijd, eerste = _koude_start()
    print(f"Import van werkalliantie.leren.doelen: {importtijd:.1f} ms (mediaan van {VERSEN})")
    print(f"Eerste aanroep (bundel lezen, patronen en index maken): {eerste:.1f} ms")

    from werkalliantie.leren import doelen, gegevens

    grootte = (gegevens.BUNDEL / "doelregels.json").stat().st_size
    print(f"Regel- en taalgegevens (doelregels.json): {grootte / 1024:.0f} KB")

    teksten = []
    for naam in SETS:
        data = yaml.safe_load((ROOT / "tests" / "data" / naam).read_text(encoding="utf-8"))
        teksten += [d["tekst"] for d in (data["doelen"] if isinstance(data, dict) else data)]
    doelen.beoordeel(teksten[0])
    doelen._regels()._hersteld.clear()
    koud = []
    for tekst in teksten:
        t = time.perf_counter()
        doelen.beoordeel(tekst)
        koud.append(time.perf_counter() - t)
    warm = []
    for _ in range(RONDES):
        for tekst in teksten:
            t = time.perf_counter()
            doelen.beoordeel(tekst)
            warm.append(time.perf_counter() - t)
    lang = "Ik bel morgen de huisarts en ik ga elke week zwemmen. " * 200
    t = time.perf_counter()
    doelen.beoordeel(lang)
    lang_ms = (time.perf_counter() - t) * 1000

    print(f"{len(teksten)} doelen.")
    print(f"Eerste keer:  mediaan {_ms(koud, 0.5):.2f} ms, p99 {_ms(koud, 0.99):.2f} ms per doel")
    print(
        f"Daarna:       mediaan {_ms(warm, 0.5):.2f} ms, p99 {_ms(warm, 0.99):.2f} ms per doel "
        f"({RONDES} rondes)"
    )
    print(f"Invoer van {len(lang)} tekens (afgekapt op {doelen.MAX_TEKENS}): {lang_ms:.2f} ms")


if __name__ == "__main__":
    main()
