"""Benchmark of the goal checker: import time, first call, and time per goal.

Run from the repository root: ``python scripts/benchmark_doelen.py``. Not a test: it only
prints. The goals are both labelled sets in tests/data.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = ("doelen_ontwikkelset.yaml", "doelen_toetsset.yaml")
RONDES = 5


def _importtijd() -> float:
    """Median import time of the module in a fresh interpreter, in ms."""
    code = (
        "import time; t = time.perf_counter(); import werkalliantie.doelen; "
        "print((time.perf_counter() - t) * 1000)"
    )
    tijden = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(tijden)


def _ms(tijden: list[float], kwantiel: float) -> float:
    tijden = sorted(tijden)
    return tijden[min(len(tijden) - 1, int(kwantiel * len(tijden)))] * 1000


def main() -> None:
    sys.path.insert(0, str(ROOT))
    print(f"Import van werkalliantie.doelen: {_importtijd():.0f} ms (mediaan van 5)")

    from werkalliantie import doelen

    teksten = [
        d["tekst"]
        for naam in SETS
        for d in yaml.safe_load((ROOT / "tests" / "data" / naam).read_text(encoding="utf-8"))
    ]
    t = time.perf_counter()
    doelen.beoordeel(teksten[0])
    print(f"Eerste aanroep (regels en woordenboek laden): {(time.perf_counter() - t) * 1000:.0f} ms")

    r = doelen._regels()
    r.herstel.cache_clear()
    r.lemma.cache_clear()
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
    print(f"Lege cache:  mediaan {_ms(koud, 0.5):.2f} ms, p95 {_ms(koud, 0.95):.2f} ms per doel")
    print(
        f"Warme cache: mediaan {_ms(warm, 0.5):.2f} ms, p95 {_ms(warm, 0.95):.2f} ms per doel "
        f"({RONDES} rondes)"
    )
    print(f"Invoer van {len(lang)} tekens (afgekapt op {doelen.MAX_TEKENS}): {lang_ms:.2f} ms")


if __name__ == "__main__":
    main()
