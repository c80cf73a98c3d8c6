"""Build part ``opdrachten``: the nbgrader assignments in ``data/opdrachten.yaml``.

Each assignment names graded questions only (a practice question's key ships with the
course, so it can never earn points), each known to the records.
"""

from __future__ import annotations

from pathlib import Path

from werkalliantie.bouwen.bundel.schema import lees_yaml, uniek, valideer, veldfout
from werkalliantie.leren.gegevens import als_json
from werkalliantie.leren.opgaven.model import Opdracht, alle_opgaven


def bouw(data: Path) -> list:
    pad = data / "opdrachten.yaml"
    opdrachten = valideer(tuple[Opdracht, ...], (lees_yaml(pad) or {}).get("opdrachten"), pad,
                          ("opdrachten",))
    uniek(pad, "opdrachten", [o.id for o in opdrachten])
    bekend = alle_opgaven()
    for n, opdracht in enumerate(opdrachten, 1):
        for m, vraag in enumerate(opdracht.opgaven, 1):
            veld = f"opdrachten[{n}].opgaven[{m}]"
            if vraag not in bekend:
                raise veldfout(pad, veld, f"'{vraag}' is geen opgave in data/opgaven/")
            if bekend[vraag].vorm != "beoordeeld":
                raise veldfout(pad, veld, f"'{vraag}' is een oefenopgave: het antwoordmodel "
                               "daarvan zit in de cursus. Kies een beoordeelde opgave.")
        uniek(pad, f"opdrachten[{n}].opgaven", list(opdracht.opgaven))
    return [als_json(o) for o in opdrachten]
