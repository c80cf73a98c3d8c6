"""How long the trainer's group overview takes for a big group, today and before.

Not a test: it prints figures. It writes the answer files of N participants (default 200)
into a temporary flat folder, as a download folder has them (``antwoorden.json``,
``antwoorden (1).json``, ...), answering every practice question of the course that is
graded automatically (26) with a mix of right, partly right and wrong answers (the
practice class's own answers: ``werkalliantie.begeleiden.nakijken.klas``; a few of each
kind per question, the ratings varied per participant). Then, for this checkout and for
the commit given with ``--vergelijk`` (default: the commit before the work on issue 21),
each in its own Python processes, on the same folder:

- warm: the library already imported and its data loaded (as in the notebook after its
  first run), then reading, analysing and the finished HTML page of this group, which the
  process has not seen before; the best of three processes;
- cold: a new Python process that imports everything and writes the page;
- and, in the warm process, the same page once more (as when a trainer runs the cell
  again): what the library remembers then counts too.

Wall-clock time depends on what else the computer does; the CPU time of the process
(between brackets) much less, so both are printed.

    python scripts/benchmark_groepsoverzicht.py [N] [--vergelijk COMMIT] [--map MAP]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOOR = "5a66611"  # the commit before the work on issue 21: "today's" overview
SOORTEN = {"goed": 4, "deels": 4, "fout": 2}  # weights of the answers' quality
VARIANTEN = 4  # different answers of each quality per question

# Runs in the measured process; prints JSON. ``koud``: import and write the page at once.
METEN = r"""
import json, sys, time
begin, cpu = time.perf_counter(), time.process_time()
koud = sys.argv[1] == "koud"
map_, uit = sys.argv[2], sys.argv[3]
import werkalliantie
if not koud:
    import werkalliantie.begeleiden.groepsoverzicht.notebook  # the notebook's import
    from werkalliantie.leren import doelen, opgaven
    opgaven.alle_opgaven()
    doelen.beoordeel("Ik wil over twee weken zelf mijn post openen.")  # rules compiled
    begin, cpu = time.perf_counter(), time.process_time()
from werkalliantie.begeleiden.groepsoverzicht import groepsoverzicht
uitkomst = {"pakket": werkalliantie.__file__}
for keer in ("", "_opnieuw")[:1 if koud else 2]:  # warm: once more, as a trainer reruns the cell
    if keer:
        begin, cpu = time.perf_counter(), time.process_time()
    pagina = groepsoverzicht(map_).html()
    with open(uit, "w", encoding="utf-8") as f:
        f.write(pagina)
    uitkomst |= {"wand" + keer: time.perf_counter() - begin, "cpu" + keer: time.process_time() - cpu}
uitkomst["kb"] = len(pagina.encode()) // 1000
print(json.dumps(uitkomst))
"""


def maak_groep(map_: Path, aantal: int, zaad: int = 5) -> int:
    """Answer files of ``aantal`` participants in ``map_``; returns the number of questions."""
    from werkalliantie.begeleiden.nakijken.klas import Vraag
    from werkalliantie.leren import opgaven
    from werkalliantie.leren.antwoorden import Antwoordenbestand

    kans = random.Random(zaad)
    voorraad: dict[str, dict[str, list]] = {}
    beoordelingen = set()
    for opgave in opgaven.alle_opgaven().values():
        if opgave.sleutel is None or all(o.handmatig for o in opgaven.onderdelen(opgave)):
            continue
        vraag = Vraag(opgave, opgave.sleutel, None)
        vraag.model = opgaven.modelantwoord(opgave, opgave.sleutel)
        voorraad[opgave.id] = {soort: [vraag.antwoord(soort, kans)
                                       for _ in range(1 if soort == "goed" else VARIANTEN)]
                               for soort in SOORTEN}
        if opgave.soort == "beoordeling":
            beoordelingen.add(opgave.id)
    for n in range(aantal):
        naam = "antwoorden.json" if n == 0 else f"antwoorden ({n}).json"
        waarden = {}
        for vraag_id, per_soort in voorraad.items():
            soort = kans.choices(list(SOORTEN), weights=list(SOORTEN.values()))[0]
            antwoord = json.loads(json.dumps(kans.choice(per_soort[soort])))
            if vraag_id in beoordelingen and isinstance(antwoord, dict):
                for k, v in antwoord.items():  # raters differ: a point up or down, sometimes
                    if isinstance(v, int) and not isinstance(v, bool) and kans.random() < 0.3:
                        antwoord[k] = min(5, max(1, v + kans.choice([-1, 1])))
            waarden[vraag_id] = antwoord
        Antwoordenbestand(map_ / naam).bewaar_meerdere(waarden)
    return len(voorraad)


def uitgepakt(commit: str, doel: Path) -> Path:
    """The package as it was at ``commit`` (git archive), with this checkout's data bundle."""
    archief = doel / "bron.tar"
    with open(archief, "wb") as f:
        subprocess.run(["git", "-C", str(ROOT), "archive", commit, "werkalliantie"],
                       check=True, stdout=f)
    with tarfile.open(archief) as tar:
        tar.extractall(doel, filter="data")
    bundel = ROOT / "werkalliantie" / "leren" / "_bundel"
    shutil.copytree(bundel, doel / "werkalliantie" / "leren" / "_bundel", dirs_exist_ok=True)
    return doel


def meet(pakketmap: Path | None, modus: str, map_: Path, uit: Path) -> dict:
    """One measured process; ``pakketmap`` None: this checkout."""
    code = METEN
    if pakketmap is not None:  # that tree's package before the installed one
        code = f"import sys; sys.path.insert(0, {str(pakketmap)!r})\n" + METEN
    begin = time.perf_counter()
    klaar = subprocess.run([sys.executable, "-c", code, modus, str(map_), str(uit)],
                           check=True, capture_output=True, text=True)
    uitkomst = json.loads(klaar.stdout.strip().splitlines()[-1])
    if modus == "koud":
        uitkomst["wand"] = time.perf_counter() - begin  # the whole process, start-up included
    if pakketmap is not None:
        assert uitkomst["pakket"].startswith(str(pakketmap)), uitkomst["pakket"]
    return uitkomst


def tijd(metingen: list[dict], keer: str = "") -> str:
    beste = min(metingen, key=lambda m: m["wand" + keer])
    return f"{beste['wand' + keer]:.2f} s ({min(m['cpu' + keer] for m in metingen):.2f} s cpu)"


def main(aantal: int, vergelijk: str | None, map_: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tijdelijk:
        tijdelijk = Path(tijdelijk)
        if map_ is None or not any(map_.glob("*.json")):
            map_ = map_ or tijdelijk / "groep"
            map_.mkdir(parents=True, exist_ok=True)
            vragen = maak_groep(map_, aantal)
            print(f"{aantal} deelnemers, {vragen} vragen", flush=True)
        else:
            print(f"de groep in {map_}: {sum(not p.name.startswith('.') for p in map_.glob('*.json'))} bestanden", flush=True)
        versies = {"nu": None}
        if vergelijk:
            (tijdelijk / "voor").mkdir()
            versies[f"voor ({vergelijk})"] = uitgepakt(vergelijk, tijdelijk / "voor")
        for naam, pakket in versies.items():
            uit = tijdelijk / "uit.html"
            meet(pakket, "koud", map_, uit)  # once, so that both find the files in the cache
            warm = [meet(pakket, "warm", map_, uit) for _ in range(3)]
            koud = [meet(pakket, "koud", map_, uit) for _ in range(3)]
            print(f"{naam:>16}: warm {tijd(warm)}, koud {tijd(koud)}; nog eens in hetzelfde "
                  f"proces {tijd(warm, '_opnieuw')}; de pagina {warm[0]['kb']} kB", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("aantal", nargs="?", type=int, default=200, help="aantal deelnemers (200)")
    parser.add_argument("--vergelijk", default=VOOR, metavar="COMMIT",
                        help=f"meet ook deze versie (standaard {VOOR}: voor issue 21); "
                             "leeg: alleen deze")
    parser.add_argument("--map", type=Path, help="maak de groep hier (of gebruik die als hij er al is)")
    args = parser.parse_args()
    main(args.aantal, args.vergelijk or None, args.map)
