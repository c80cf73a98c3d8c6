"""The alliance rating question: the course's own items, and the reference keys.

The items, scale, tolerance and points are defined once, in ``data/alliantie.yaml``.
A key (reference score and short rationale per dimension) is loaded from a YAML file:
practice keys ship in ``data/oefensleutels/``; graded keys live on the instructor's side
(``exercises/sleutels/``), never in the package or in an nbgrader ``source/`` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

DATA = Path(__file__).resolve().parent / "data"
Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(_Model):
    id: str
    tekst: Tekst


class Dimensie(_Model):
    id: str
    naam: Tekst
    alliantie: Tekst
    punten: float = Field(gt=0)
    items: tuple[Item, ...] = Field(min_length=3, max_length=4)


class Schaal(_Model):
    min: int
    max: int
    labels: dict[int, Tekst]


class Vragenlijst(_Model):
    schaal: Schaal
    marge: float = Field(gt=0)
    dimensies: tuple[Dimensie, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for d in self.dimensies for i in d.items)

    def dimensie(self, dimensie_id: str) -> Dimensie:
        for d in self.dimensies:
            if d.id == dimensie_id:
                return d
        raise KeyError(dimensie_id)

    @property
    def max_punten(self) -> float:
        return sum(d.punten for d in self.dimensies)


class Referentie(_Model):
    score: float
    toelichting: Tekst


class Sleutel(_Model):
    vraag: str
    casus: str
    fragment: str
    referentie: dict[str, Referentie]

    @model_validator(mode="after")
    def _alle_dimensies(self):
        ontbrekend = {d.id for d in vragenlijst().dimensies} - set(self.referentie)
        if ontbrekend:
            raise ValueError(f"referentie mist: {', '.join(sorted(ontbrekend))}")
        return self


class SleutelFout(ValueError):
    """A key file that cannot be used (Dutch message naming the file)."""


def _lees_yaml(pad: Path):
    try:
        return yaml.safe_load(Path(pad).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SleutelFout(f"Het bestand {pad} bestaat niet.") from None
    except yaml.YAMLError:
        raise SleutelFout(f"Het bestand {pad} is geen geldige YAML.") from None


@cache
def vragenlijst() -> Vragenlijst:
    return Vragenlijst.model_validate(_lees_yaml(DATA / "alliantie.yaml"))


def lees_sleutel(pad: str | Path) -> Sleutel:
    try:
        return Sleutel.model_validate(_lees_yaml(Path(pad)))
    except ValidationError as fout:
        velden = "; ".join(".".join(map(str, f["loc"])) or "(hele bestand)" for f in fout.errors())
        raise SleutelFout(f"Het sleutelbestand {pad} klopt niet (velden: {velden}).") from None


def oefensleutel(vraag_id: str) -> Sleutel:
    """The shipped reference of a practice question."""
    return lees_sleutel(DATA / "oefensleutels" / f"{vraag_id}.yaml")
