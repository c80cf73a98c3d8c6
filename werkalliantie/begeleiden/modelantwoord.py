"""A fully right answer file for an assignment, from its graded keys
(``werkalliantie modelantwoord OPDRACHT``).

For instructors: an ``antwoorden.json`` that answers every automatically graded question of
an assignment as its graded key says, so you can check a set-up before the class hands in.
Open questions are graded by a person and are not in the answer file. Each kind makes its
own right answer (``voorbeelden()["goed"]`` of the kind: see
:mod:`werkalliantie.leren.opgaven.soorten`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.begeleiden.nakijken.sleutels import lees_sleutel
from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.leren.opgaven.model import laad_opdracht


def modelantwoorden(opdracht_id: str, cursus: Cursusmap | Path) -> str:
    """The text of a right answer file for assignment ``opdracht_id``."""
    cursus = Cursusmap.van(cursus)
    waarden = {}
    for vraag in laad_opdracht(opdracht_id).opgaven:
        opgave = opgaven.laad_opgave(vraag)
        if all(o.handmatig for o in opgaven.onderdelen(opgave)):
            continue
        sleutel = lees_sleutel(opgave, cursus.sleutels)
        waarden[vraag] = opgaven.voorbeelden(opgave, sleutel)["goed"]
    with tempfile.TemporaryDirectory() as tmp:  # the answer store writes the one format
        bestand = Antwoordenbestand(Path(tmp))
        bestand.bewaar_meerdere(waarden)
        return bestand.pad.read_text(encoding="utf-8")
