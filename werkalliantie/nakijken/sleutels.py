"""Graded keys: ``<cursusmap>/sleutels/<opgave>.yaml``, on the instructor's side only.

A graded key is never in the package, never in an nbgrader ``source/`` folder and never
in a submission. The hidden tests find the course folder by walking up from the
submission's folder (``autograded/<student>/<opdracht>/``), skipping that folder itself:
everything in it came from a student. The key is validated against its kind's
``Sleutel`` (Dutch error naming file and field).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from werkalliantie.opgaven import Opgave
from werkalliantie.opgaven.soorten import soort

CONFIG = "nbgrader_config.py"
SLEUTELMAP = "sleutels"


class SleutelNietGevonden(RuntimeError):
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


def lees_sleutel(opgave: Opgave, map_: Path) -> Any:
    """The graded key of ``opgave`` from the keys folder ``map_``, validated."""
    from werkalliantie.bouw.schema import DataFout, lees_yaml, valideer

    pad = map_ / f"{opgave.id}.yaml"
    try:
        return valideer(soort(opgave.soort).Sleutel, lees_yaml(pad), pad)
    except DataFout as fout:
        raise SleutelNietGevonden(f"Voor de docent: het antwoordmodel van '{opgave.id}' "
                                  f"ontbreekt of klopt niet.\n{fout}") from None


def sleutel(opgave: Opgave, werkmap: Path | None = None) -> Any:
    """The key of ``opgave``: the practice key it ships with, or its graded key."""
    if opgave.sleutel is not None:
        return opgave.sleutel
    return lees_sleutel(opgave, cursusmap(werkmap) / SLEUTELMAP)
