"""The course's data as a learner's kernel reads it: a JSON bundle inside the package.

The sources are YAML files in the repository's ``data/`` folder. They are validated once,
at build time, by :mod:`werkalliantie.bouw` (pydantic, pyyaml: the instructor's side), which
writes one JSON file per part into ``werkalliantie/_bundel/``. Reading that bundle needs
nothing but the standard library, so the same code runs in a browser (Pyodide), in Voilà
and in nbgrader's kernels, also from a non-editable install outside the repository.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

BUNDEL = Path(__file__).resolve().parent / "_bundel"


class GegevensFout(RuntimeError):
    """The built course data is missing: a message for whoever installed the course."""


@cache
def lees(deel: str) -> Any:
    """One part of the bundle (``casussen``, ``opgaven``, ...), parsed once per process."""
    pad = BUNDEL / f"{deel}.json"
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GegevensFout(
            f"De cursusgegevens '{deel}' ontbreken ({pad}). Bouw ze met 'make cursus' "
            "(of: python -m werkalliantie.bouw).") from None
