"""Graded keys: ``<cursusmap>/sleutels/<opgave>.yaml``, on the instructor's side only.

A graded key is never in the package, never in an nbgrader ``source/`` folder and never
in a submission. Two sides read it:

- **The grader** (this process: ``werkalliantie nakijken``, ``nbgrader autograde``, the
  formgrader's button): :func:`bereid_voor` validates every key once against its kind's
  ``Sleutel`` (the build wing's validation, pydantic: Dutch errors naming file and field)
  and writes them as plain JSON to ``<cursusmap>/.sleutels.json``, before any kernel runs
  (the preprocessor :class:`~werkalliantie.begeleiden.nakijken.beveiliging.Poortwachter`).
- **The hidden tests**, in each student's kernel: :func:`voorbereide_sleutel` reads that JSON
  with the standard library. So a grading kernel imports neither pydantic nor yaml. It finds
  the course folder by walking up from the submission's folder
  (``autograded/<student>/<opdracht>/``), skipping that folder itself: everything in it came
  from a student.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from werkalliantie.leren import gegevens
from werkalliantie.leren.bestanden import schrijf_atomisch
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven import Opgave, alle_opgaven, onderdelen
from werkalliantie.leren.opgaven.soorten import soort

CONFIG = "nbgrader_config.py"
SLEUTELMAP = "sleutels"
VOORBEREID = ".sleutels.json"  # beside nbgrader_config.py; made by bereid_voor
_VERSIE = 2  # raised when a key's shape changes (issue 20: several raters per key)


class SleutelNietGevonden(CursusFout, RuntimeError):
    """The graded key is not where the course keeps it (a message for the instructor)."""


def cursusmap(werkmap: Path | None = None) -> Path:
    """The course folder above ``werkmap``: the first parent with nbgrader_config.py and
    sleutels/. ``werkmap`` itself never counts (it is the submission)."""
    werkmap = (werkmap or Path.cwd()).resolve()
    for map_ in werkmap.parents:
        if (map_ / CONFIG).is_file() and (map_ / SLEUTELMAP).is_dir():
            return map_
    raise SleutelNietGevonden(
        "Voor de docent: het antwoordmodel is niet gevonden. Geef de nbgrader-opdrachten "
        "in de cursusmap (de map met nbgrader_config.py en de map sleutels/).")


# --- The grader's side: validate (pydantic, yaml) ------------------------------------------

def lees_sleutel(opgave: Opgave, map_: Path) -> Any:
    """The graded key of ``opgave`` from the keys folder ``map_``, validated: its types,
    and the kind's own checks (a practice key passes both when the course is built)."""
    from werkalliantie.bouwen.bundel.schema import DataFout, fout, lees_yaml, valideer

    pad = map_ / f"{opgave.id}.yaml"
    try:
        sleutel = valideer(soort(opgave.soort).Sleutel, lees_yaml(pad), pad)
        problemen = soort(opgave.soort).controleer(opgave, sleutel)
        if problemen:
            raise fout(pad, [f"- veld '{veld.removeprefix('sleutel.')}': {bericht}"
                             for veld, bericht in problemen])
        return sleutel
    except DataFout as probleem:
        raise SleutelNietGevonden(f"Voor de docent: het antwoordmodel van '{opgave.id}' "
                                  f"ontbreekt of klopt niet.\n{probleem}") from None


def _kenmerk(map_: Path) -> list:
    """What the prepared file was made from: the key files and the course's questions."""
    bestanden = sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                       for p in map_.glob("*.yaml"))
    return [_VERSIE, bestanden, sorted(alle_opgaven())]


def bereid_voor(cursus: Path) -> dict[str, str]:
    """Validate every graded key of the course in ``cursus`` and write them as plain JSON
    (``.sleutels.json``) for the hidden tests; skipped when nothing changed.

    Returns the Dutch error per question whose key is missing or wrong (empty: all keys
    are fine). Those questions' hidden tests give 0 points with that message.
    """
    map_ = cursus / SLEUTELMAP
    doel = cursus / VOORBEREID
    kenmerk = _kenmerk(map_)
    try:
        oud = json.loads(doel.read_text(encoding="utf-8"))
        if oud.get("kenmerk") == json.loads(json.dumps(kenmerk)):
            return oud["fouten"]
    except (OSError, ValueError, AttributeError, KeyError):
        pass
    sleutels, fouten = {}, {}
    for opgave in alle_opgaven().values():
        if (opgave.sleutel is not None or opgave.vorm != "beoordeeld"
                or all(o.handmatig for o in onderdelen(opgave))):  # no hidden test asks it
            continue
        try:
            sleutels[opgave.id] = gegevens.als_json(lees_sleutel(opgave, map_))
        except SleutelNietGevonden as fout:
            fouten[opgave.id] = str(fout)
    inhoud = json.dumps({"kenmerk": kenmerk, "sleutels": sleutels, "fouten": fouten},
                        ensure_ascii=False, sort_keys=True)
    schrijf_atomisch(doel, inhoud)  # several graders may prepare at once: the same text
    return fouten


# --- The hidden tests' side: plain JSON, standard library ---------------------------------

def voorbereide_sleutel(opgave: Opgave, werkmap: Path | None = None) -> Any:
    """The key of ``opgave``: the practice key it ships with, or its graded key as
    :func:`bereid_voor` prepared it."""
    if opgave.sleutel is not None:
        return opgave.sleutel
    pad = cursusmap(werkmap) / VOORBEREID
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise SleutelNietGevonden(
            "Voor de docent: de antwoordmodellen zijn niet klaargezet. Kijk na met de "
            "instellingen van de cursus (nbgrader_config.py met de stap Poortwachter), "
            "bijvoorbeeld met 'werkalliantie nakijken'.") from None
    if opgave.id in data.get("fouten", {}):
        raise SleutelNietGevonden(data["fouten"][opgave.id])
    if opgave.id not in data.get("sleutels", {}):
        raise SleutelNietGevonden(
            f"Voor de docent: het antwoordmodel van '{opgave.id}' ontbreekt.")
    return gegevens.uit_json(soort(opgave.soort).Sleutel, data["sleutels"][opgave.id])
