"""The build side of the course data: validate ``data/`` and write the JSON bundle.

``python -m werkalliantie.bouwen.bundel`` reads every source in the repository's ``data/`` folder,
validates it (pydantic, with Dutch errors that name file and field) and writes what the
learner's side needs as JSON into ``werkalliantie/leren/_bundel/`` (see :mod:`werkalliantie.leren.gegevens`).
This side may use compiled packages; the learner's side never imports it.

Each part is one module here with a function ``bouw(data: Path) -> object`` (JSON-able);
``DELEN`` lists them. Adding a part is its module and one line in ``DELEN``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from werkalliantie.leren import gegevens
from werkalliantie.leren.bestanden import schrijf_atomisch
from werkalliantie.leren.gegevens import BUNDEL

DATA = Path(__file__).resolve().parents[3] / "data"


def _delen() -> dict[str, Callable[[Path], object]]:
    """The parts in the order they are built: a part may check references to earlier ones
    (a question to its case and questionnaire), which it reads back from the bundle."""
    from werkalliantie.bouwen.bundel import (
        casussen,
        doelregels,
        opdrachten,
        opgaven,
        sessies,
        vragenlijsten,
    )

    return {
        "casussen": casussen.bouw,
        "vragenlijsten": vragenlijsten.bouw,
        "sessiecheck": sessies.bouw_sessiecheck,
        "sessies": sessies.bouw,
        "doelregels": doelregels.bouw,
        "opgaven": opgaven.bouw,
        "opdrachten": opdrachten.bouw,
    }


def schrijf(naam: str, inhoud: object, doel: Path = BUNDEL) -> Path:
    """Write one part atomically (a kernel may read the bundle while it is rebuilt)."""
    doel.mkdir(parents=True, exist_ok=True)
    pad = doel / f"{naam}.json"
    # every user of a hub reads it
    schrijf_atomisch(pad, json.dumps(inhoud, ensure_ascii=False, separators=(",", ":")),
                     modus=0o644)
    return pad


def bouw(data: Path = DATA, doel: Path = BUNDEL) -> list[Path]:
    """Validate every part and write it; a broken file raises a Dutch DataFout."""
    paden = []
    try:
        for naam, maak in _delen().items():
            paden.append(schrijf(naam, maak(data), doel))
            gegevens.vergeet(doel)  # later parts check references against this one
    finally:
        gegevens.vergeet()
    return paden
