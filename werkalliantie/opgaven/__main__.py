"""``python -m werkalliantie.opgaven modelantwoord OPDRACHT``: a fully right answer file.

For instructors: it writes (to standard output) an ``antwoorden.json`` that answers every
automatically graded question of an assignment as its graded key says, so you can check a
set-up before the class hands in. Run it in the course folder (the folder with
nbgrader_config.py and sleutels/), or name that folder with ``--cursusmap``. Open
questions are graded by a person and are not in the answer file.

The output's name and format are stable: tests and checks build right submissions with it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from werkalliantie.antwoorden import Antwoordenbestand


def modelantwoorden(opdracht_id: str, cursusmap: Path) -> str:
    """The text of a right answer file for assignment ``opdracht_id``."""
    from werkalliantie import opgaven
    from werkalliantie.nakijken.klaarzetten import alle_opdrachten
    from werkalliantie.nakijken.sleutels import SLEUTELMAP, lees_sleutel

    opdrachten = alle_opdrachten()
    if opdracht_id not in opdrachten:
        raise SystemExit(f"Onbekende opdracht '{opdracht_id}'. De cursus kent: "
                         + ", ".join(opdrachten) + ".")
    waarden = {}
    for vraag in opdrachten[opdracht_id].opgaven:
        opgave = opgaven.laad_opgave(vraag)
        if all(o.handmatig for o in opgaven.onderdelen(opgave)):
            continue
        sleutel = lees_sleutel(opgave, cursusmap / SLEUTELMAP)
        waarden[vraag] = opgaven.modelantwoord(opgave, sleutel)
    with tempfile.TemporaryDirectory() as tmp:  # the answer store writes the one format
        bestand = Antwoordenbestand(Path(tmp))
        bestand.bewaar_meerdere(waarden)
        return bestand.pad.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m werkalliantie.opgaven",
        description="Hulpmiddelen voor docenten bij de opgaven van de cursus.")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="OPDRACHT")
    model = verbs.add_parser("modelantwoord", help="schrijf een volledig goed antwoordbestand",
                             description=__doc__.split("\n\n")[1])
    model.add_argument("opdracht", help="de naam van de opdracht, bijvoorbeeld werkalliantie-denise")
    model.add_argument("--cursusmap", type=Path, default=Path.cwd(),
                       help="de map met nbgrader_config.py en sleutels/ (standaard: deze map)")
    args = parser.parse_args(argv)
    sys.stdout.write(modelantwoorden(args.opdracht, args.cursusmap))
    return 0


if __name__ == "__main__":
    sys.exit(main())
