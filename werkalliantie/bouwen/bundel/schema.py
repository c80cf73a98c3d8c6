"""Validation of a data file against the dataclasses that declare its records.

The structure of a record is declared once, as a standard-library dataclass next to the
code that uses it (the learner's side reads it without pydantic). Here pydantic checks a
YAML file against that declaration (types, required and unknown fields), and a small walk
checks what a type cannot say, from each field's ``metadata``:

- ``{"tekst": True}``: text that must not be empty;
- ``{"id": True}``: an id of lowercase letters, digits, ``-`` and ``_``;
- ``{"min": n}`` / ``{"max": n}``: at least / at most n items (lists) or characters (text).

Every problem comes back as a :class:`DataFout` in Dutch that names the file and the field,
e.g. ``veld 'citaten[2].tekst': deze tekst is leeg``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from werkalliantie.leren.fouten import CursusFout

T = TypeVar("T")
ID = re.compile(r"^[a-z][a-z0-9_-]*$")


class DataFout(CursusFout, ValueError):
    """A data file that cannot be used; the Dutch message names the file and the field."""


_BERICHTEN = {
    "missing": "dit veld ontbreekt, maar is verplicht",
    "missing_argument": "dit veld ontbreekt, maar is verplicht",
    "extra_forbidden": "dit veld kennen we niet (typfout?)",
    "unexpected_keyword_argument": "dit veld kennen we niet (typfout?)",
    "string_type": "hier hoort tekst te staan",
    "int_type": "hier hoort een geheel getal te staan",
    "int_parsing": "hier hoort een geheel getal te staan",
    "int_from_float": "hier hoort een geheel getal te staan",
    "float_type": "hier hoort een getal te staan",
    "float_parsing": "hier hoort een getal te staan",
    "bool_type": "hier hoort ja of nee (true of false) te staan",
    "bool_parsing": "hier hoort ja of nee (true of false) te staan",
    "list_type": "hier hoort een lijst te staan",
    "tuple_type": "hier hoort een lijst te staan",
    "dataclass_type": "hier horen velden met waarden te staan",
    "dataclass_args_type": "hier horen velden met waarden te staan",
    "model_type": "hier horen velden met waarden te staan",
    "dict_type": "hier horen velden met waarden te staan",
}


def veldnaam(loc: tuple) -> str:
    """``('citaten', 1, 'tekst')`` as readers count: ``citaten[2].tekst``."""
    naam = ""
    for deel in loc:
        if isinstance(deel, int):
            naam += f"[{deel + 1}]"
        elif not str(deel).startswith(("function-", "tagged-union[")):
            naam += f".{deel}" if naam else str(deel)
    return naam or "(hele bestand)"


def _bericht(fout: dict) -> str:
    if fout["type"] == "literal_error":
        keuzes = fout["ctx"]["expected"].replace(" or ", " of ")
        return f"'{fout['input']}' is hier niet toegestaan; kies uit {keuzes}"
    return _BERICHTEN.get(fout["type"], f"ongeldige waarde ({fout['msg']})")


def fout(pad: Path | str, regels: list[str]) -> DataFout:
    return DataFout(f"Het bestand {pad} klopt niet:\n" + "\n".join(regels))


def veldfout(pad: Path | str, veld: str, bericht: str) -> DataFout:
    return fout(pad, [f"- veld '{veld}': {bericht}"])


def lees_yaml(pad: Path) -> Any:
    """A YAML file's content, or a DataFout in Dutch (missing, not UTF-8, syntax error)."""
    try:
        # libyaml's safe loader where PyYAML has it (its wheels do): the same safe subset,
        # ten times faster on the large labelled goal sets
        return yaml.load(Path(pad).read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise DataFout(f"Het bestand {pad} bestaat niet.") from None
    except UnicodeDecodeError:
        raise DataFout(f"Het bestand {pad} is geen UTF-8-tekst.") from None
    except yaml.YAMLError as probleem:
        plek = getattr(probleem, "problem_mark", None)
        waar = f" (regel {plek.line + 1}, kolom {plek.column + 1})" if plek else ""
        uitleg = getattr(probleem, "problem", None) or "onleesbare YAML"
        raise DataFout(f"Het bestand {pad} is geen geldige YAML{waar}: {uitleg}.") from None


@cache
def _adapter(soort: Any) -> TypeAdapter:
    return TypeAdapter(soort)


def _controleer_metadata(waarde: Any, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(waarde, list | tuple):
        for i, w in enumerate(waarde):
            yield from _controleer_metadata(w, (*loc, i))
        return
    if isinstance(waarde, dict):
        for k, w in waarde.items():
            yield from _controleer_metadata(w, (*loc, k))
        return
    if not dataclasses.is_dataclass(waarde):
        return
    for veld in dataclasses.fields(waarde):
        w, meta, hier = getattr(waarde, veld.name), veld.metadata, (*loc, veld.name)
        if w is None:
            continue
        if meta.get("tekst") and isinstance(w, str) and not w.strip():
            yield hier, "deze tekst is leeg"
        if meta.get("id") and isinstance(w, str) and not ID.match(w):
            yield hier, f"'{w}' mag alleen kleine letters, cijfers, - en _ bevatten"
        if "min" in meta and len(w) < meta["min"]:
            yield hier, ("deze lijst is leeg" if meta["min"] == 1 and not isinstance(w, str)
                         else f"hier horen er minstens {meta['min']} te staan")
        if "max" in meta and len(w) > meta["max"]:
            yield hier, (f"deze tekst is te lang (hooguit {meta['max']} tekens)"
                         if isinstance(w, str) else f"hier horen er hooguit {meta['max']} te staan")
        yield from _controleer_metadata(w, hier)


def valideer(soort: type[T] | Any, ruw: Any, pad: Path | str, plek: tuple = ()) -> T:
    """``ruw`` (parsed YAML) as a ``soort``, or a DataFout naming ``pad`` and the field.
    ``plek`` is the location of ``ruw`` inside the file, for the field names."""
    try:
        waarde = _adapter(soort).validate_python(ruw)
    except ValidationError as probleem:
        raise fout(pad, [f"- veld '{veldnaam((*plek, *f['loc']))}': {_bericht(f)}"
                         for f in probleem.errors()]) from None
    problemen = list(_controleer_metadata(waarde, plek))
    if problemen:
        raise fout(pad, [f"- veld '{veldnaam(loc)}': {bericht}" for loc, bericht in problemen])
    return waarde


def uniek(pad: Path | str, veld: str, ids: list[str]) -> None:
    """A DataFout when an id occurs twice among ``ids``."""
    gezien: set[str] = set()
    for i in ids:
        if i in gezien:
            raise veldfout(pad, veld, f"id '{i}' komt meer dan eens voor")
        gezien.add(i)
