"""The course's data as a learner's kernel reads it: a JSON bundle inside the package.

The sources are YAML files in the repository's ``data/`` folder. They are validated once,
at build time, by :mod:`werkalliantie.bouwen.bundel` (pydantic, pyyaml: the instructor's side), which
writes one JSON file per part into ``werkalliantie/leren/_bundel/``. Reading that bundle needs
nothing but the standard library, so the same code runs in a browser (Pyodide), in Voilà
and in nbgrader's kernels, also from a non-editable install outside the repository.

The structure of every record is declared once, as a standard-library dataclass beside the
code that uses it. The build side validates the YAML against those dataclasses; here
:func:`uit_json` turns the (already validated) JSON back into them.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any

from werkalliantie.leren.fouten import CursusFout

BUNDEL = Path(__file__).resolve().parent / "_bundel"
_map = [BUNDEL]  # where lees() reads; the build side points it at the bundle it writes


class GegevensFout(CursusFout, RuntimeError):
    """The built course data is missing: a message for whoever installed the course."""


_generatie = [0]  # raised by vergeet(): every derived cache starts anew


def vergeet(map_: Path | None = None) -> None:
    """Forget what was read, and read from ``map_`` from now on (default: the package's
    bundle). The build side calls this after writing each part."""
    _map[0] = Path(map_) if map_ is not None else BUNDEL
    lees.cache_clear()
    _generatie[0] += 1


def afgeleid(functie):
    """Cache a function of the bundle (no arguments) until :func:`vergeet` is called."""
    bewaard: dict[int, Any] = {}

    def lees_afgeleid():
        if _generatie[0] not in bewaard:
            bewaard.clear()
            bewaard[_generatie[0]] = functie()
        return bewaard[_generatie[0]]

    lees_afgeleid.__doc__ = functie.__doc__
    lees_afgeleid.__name__ = functie.__name__
    return lees_afgeleid


@cache
def lees(deel: str) -> Any:
    """One part of the bundle (``casussen``, ``opgaven``, ...), parsed once per process."""
    pad = _map[0] / f"{deel}.json"
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GegevensFout(
            f"De cursusgegevens '{deel}' ontbreken ({pad}). Bouw ze met 'make cursus' "
            "(of: python -m werkalliantie.bouwen.bundel).") from None


@cache
def _velden(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def uit_json(soort: Any, data: Any) -> Any:
    """``data`` (parsed JSON written by the build side) as an instance of ``soort``: a
    dataclass, ``list[...]``/``tuple[..., ...]``, ``dict[str, ...]``, ``X | None`` or a
    plain type. The data was validated when the bundle was built, so this only rebuilds."""
    if dataclasses.is_dataclass(soort):
        return soort(**{naam: uit_json(hint, data[naam])
                        for naam, hint in _velden(soort) if naam in data})
    herkomst = typing.get_origin(soort)
    args = typing.get_args(soort)
    if herkomst in (list, tuple):
        onderdeel = args[0]
        waarden = [uit_json(onderdeel, d) for d in data]
        return tuple(waarden) if herkomst is tuple else waarden
    if herkomst is dict:
        sleutel = int if args[0] is int else str  # JSON keys are always text
        return {sleutel(k): uit_json(args[1], v) for k, v in data.items()}
    if herkomst in (typing.Union, types.UnionType):
        if data is None:
            return None
        kandidaten = [a for a in args if a is not type(None)]
        return uit_json(kandidaten[0], data) if len(kandidaten) == 1 else data
    return data  # str, int, float, bool, Literal, Any


def als_json(waarde: Any) -> Any:
    """A dataclass tree as plain JSON data (the inverse of :func:`uit_json`)."""
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        return {f.name: als_json(getattr(waarde, f.name)) for f in dataclasses.fields(waarde)}
    if isinstance(waarde, list | tuple):
        return [als_json(w) for w in waarde]
    if isinstance(waarde, dict):
        return {str(k): als_json(v) for k, v in waarde.items()}
    return waarde
