"""How long the trainer's group overview takes for a big group.

Not a test: it prints figures. It writes the answer files of N participants (default
200) into a temporary flat folder, as a download folder has them (``antwoorden.json``,
``antwoorden (1).json``, ...), answering every practice question of the course with a
mix of right, partly right and wrong answers. Then:

- warm: the library already imported, as in the notebook (``werkalliantie.begeleiden.groepsoverzicht.notebook``
  loads pandas and pingouin when it is imported): reading, analysing and the
  finished HTML page, best of three;
- cold: a new Python process that imports everything and writes the page.

    python scripts/benchmark_groepsoverzicht.py [N]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def maak_groep(map_: Path, aantal: int) -> int:
    from werkalliantie.leren import opgaven
    from werkalliantie.leren.antwoorden import Antwoordenbestand
    from werkalliantie.begeleiden.nakijken.klas import Vraag

    vragen = []
    for opgave in opgaven.alle_opgaven().values():
        if opgave.sleutel is None or all(o.handmatig for o in opgaven.onderdelen(opgave)):
            continue
        vraag = Vraag(opgave, opgave.sleutel, None)
        vraag.model = opgaven.modelantwoord(opgave, opgave.sleutel)
        vragen.append(vraag)
    kans = random.Random(5)
    for n in range(aantal):
        naam = "antwoorden.json" if n == 0 else f"antwoorden ({n}).json"
        soort = kans.choices(["goed", "deels", "fout"], weights=[4, 4, 2])[0]
        Antwoordenbestand(map_ / naam).bewaar_meerdere(
            {v.opgave.id: v.antwoord(soort, kans) for v in vragen})
    return len(vragen)


def main(aantal: int = 200) -> None:
    with tempfile.TemporaryDirectory() as tijdelijk:
        map_ = Path(tijdelijk) / "groep"
        map_.mkdir()
        vragen = maak_groep(map_, aantal)
        print(f"{aantal} deelnemers, {vragen} vragen", flush=True)

        begin = time.perf_counter()
        import werkalliantie.begeleiden.groepsoverzicht.notebook  # noqa: F401 - the notebook's import
        from werkalliantie.begeleiden.groepsoverzicht import groepsoverzicht
        importeren = time.perf_counter() - begin
        tijden = []
        for _ in range(3):
            begin = time.perf_counter()
            pagina = groepsoverzicht(map_).html()
            tijden.append(time.perf_counter() - begin)
        print(f"warm (bibliotheek al geladen): {min(tijden):.2f} s tot de HTML "
              f"({len(pagina) // 1000} kB); importeren zelf: {importeren:.2f} s")

        code = ("from werkalliantie.begeleiden.groepsoverzicht import groepsoverzicht\n"
                f"open({str(Path(tijdelijk) / 'uit.html')!r}, 'w').write("
                f"groepsoverzicht({str(map_)!r}).html())\n")
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        print(f"koud (nieuw Python-proces, alles importeren): {time.perf_counter() - begin:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("aantal", nargs="?", type=int, default=200, help="aantal deelnemers (200)")
    main(parser.parse_args().aantal)
