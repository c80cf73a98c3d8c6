"""Build part ``vragenlijsten``: the course's own rating questionnaires, by id."""

from __future__ import annotations

from pathlib import Path

from werkalliantie.bouwen.bundel.schema import lees_yaml, uniek, valideer
from werkalliantie.leren.gegevens import als_json
from werkalliantie.leren.opgaven.soorten.beoordeling import Vragenlijst


def bouw(data: Path) -> list:
    pad = data / "vragenlijsten.yaml"
    ruw = lees_yaml(pad)
    lijsten = valideer(tuple[Vragenlijst, ...], (ruw or {}).get("vragenlijsten"), pad,
                       ("vragenlijsten",))
    uniek(pad, "vragenlijsten", [v.id for v in lijsten])
    for n, lijst in enumerate(lijsten, 1):
        uniek(pad, f"vragenlijsten[{n}].items", [i.id for i in lijst.items])
        uniek(pad, f"vragenlijsten[{n}].dimensies", [d.id for d in lijst.dimensies])
    return [als_json(v) for v in lijsten]
