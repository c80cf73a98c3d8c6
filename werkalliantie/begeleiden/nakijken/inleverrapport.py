"""What an instructor should know about one submission, before its grades.

:func:`controleer_inlevering` compares a submitted notebook with the released one (as
data: nothing is run) and reads the answer file, and returns Dutch lines for the
instructor: a locked or test cell that was edited, a cell that was added or removed, a
missing or damaged answer file. These lines only *report*; what is graded is decided by
nbgrader's own steps (locked and test cells come back from the gradebook).
"""

from __future__ import annotations

import json
from pathlib import Path

from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.begeleiden.nakijken.inlevering import MAX_NOTEBOOK_BYTES
from werkalliantie.leren.antwoorden import BESTANDSNAAM, Antwoordenbestand
from werkalliantie.leren.opgaven.getallen import aantal

MAX_GENOEMD = 5


def _lees_notebook(pad: Path) -> dict | None:
    try:
        if pad.is_symlink() or not pad.is_file() or pad.stat().st_size > MAX_NOTEBOOK_BYTES:
            return None
        data = json.loads(pad.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None
    return data


def _tekst(cel: dict) -> str:
    bron = cel.get("source", "")
    if isinstance(bron, list):
        bron = "".join(str(r) for r in bron)
    return str(bron).strip()


def _nbgrader(cel: object) -> dict:
    if not isinstance(cel, dict):
        return {}
    meta = cel.get("metadata")
    meta = meta.get("nbgrader") if isinstance(meta, dict) else None
    return meta if isinstance(meta, dict) else {}


def _namen(namen: list[str]) -> str:
    getoond = ", ".join(f"'{n[:64]}'" for n in namen[:MAX_GENOEMD])
    return getoond + (f" en nog {len(namen) - MAX_GENOEMD}" if len(namen) > MAX_GENOEMD else "")


def vergelijk(vrijgegeven: dict, ingeleverd: dict) -> list[str]:
    """Dutch lines on how ``ingeleverd`` differs from ``vrijgegeven`` (two notebooks)."""
    cellen = {}
    for cel in vrijgegeven.get("cells", []):
        meta = _nbgrader(cel)
        if meta.get("grade_id"):
            cellen[meta["grade_id"]] = (cel, meta)
    gezien, vergrendeld, toets, ander_type, toegevoegd = set(), [], [], [], 0
    for cel in ingeleverd["cells"]:
        meta = _nbgrader(cel)
        naam = meta.get("grade_id")
        if not isinstance(naam, str) or naam not in cellen:
            toegevoegd += 1
            continue
        if naam in gezien:
            toegevoegd += 1  # a copy of a course cell
            continue
        gezien.add(naam)
        origineel, ometa = cellen[naam]
        if not isinstance(cel, dict) or cel.get("cell_type") != origineel.get("cell_type"):
            ander_type.append(naam)
        elif ometa.get("locked") and _tekst(cel) != _tekst(origineel):
            is_toets = ometa.get("grade") and not ometa.get("solution")
            (toets if is_toets else vergrendeld).append(naam)
    regels = []
    if vergrendeld:
        regels.append(f"Vergrendelde cel aangepast: {_namen(vergrendeld)}. Bij het nakijken "
                      "telt de cel zoals je die hebt uitgedeeld.")
    if toets:
        regels.append(f"Toetscel aangepast: {_namen(toets)}. Bij het nakijken telt de toets "
                      "uit het cijferboek.")
    if ander_type:
        regels.append(f"Cel van soort veranderd: {_namen(ander_type)}.")
    weg = [n for n in cellen if n not in gezien]
    if weg:
        regels.append(f"Cel verwijderd: {_namen(weg)}.")
    if toegevoegd:
        regels.append(f"{aantal(toegevoegd, 'cel', 'cellen')} toegevoegd die niet bij de opdracht horen.")
    return regels


def controleer_inlevering(cursus: Cursusmap | Path, opdracht: str, student: str) -> list[str]:
    """Dutch lines for the instructor about ``student``'s submission of ``opdracht``."""
    cursus = Cursusmap.van(cursus)
    map_ = cursus.map("submitted", student, opdracht)
    regels: list[str] = []
    for vrij in sorted(cursus.map("release", ".", opdracht).glob("*.ipynb")):
        pad = map_ / vrij.name
        if not pad.exists():
            regels.append(f"Notebook {vrij.name} ontbreekt.")
            continue
        ingeleverd = _lees_notebook(pad)
        vrijgegeven = _lees_notebook(vrij)
        if ingeleverd is None:
            regels.append(f"Notebook {vrij.name} is beschadigd of te groot.")
        elif vrijgegeven is not None:
            regels.extend(vergelijk(vrijgegeven, ingeleverd))
    inhoud = Antwoordenbestand(map_).lees()
    if not (map_ / BESTANDSNAAM).exists() and not inhoud.uit_reserve:
        regels.append(f"Het antwoordbestand ({BESTANDSNAAM}) ontbreekt: de automatische "
                      "onderdelen krijgen 0 punten.")
    elif inhoud.beschadigd and not inhoud.antwoorden:
        regels.append(f"Het antwoordbestand ({BESTANDSNAAM}) is beschadigd: de automatische "
                      "onderdelen krijgen 0 punten.")
    elif inhoud.uit_reserve:
        regels.append("Het antwoordbestand ontbreekt of is beschadigd; de laatste goede "
                      "versie (antwoorden.vorige.json) is nagekeken.")
    return regels
