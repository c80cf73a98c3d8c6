"""A question record: everything about one question, declared once in ``data/opgaven/``.

A record names its kind (``soort``), its text, the case and fragment it is about (by
reference to ``data/casussen/``, never a copy), the points of each graded part, the
kind's own settings (``opties``) and, on a practice question, its key inline. A graded
question (``vorm: beoordeeld``) has no key here: its key lives on the instructor's side
(``<cursusmap>/sleutels/<id>.yaml``) and is never part of the package.

The build side validates each record against these dataclasses and the kind's own
``Opties`` and ``Sleutel``; this module reads the validated records from the bundle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from werkalliantie.leren import gegevens
from werkalliantie.leren.fouten import CursusFout

Vorm = Literal["oefenen", "beoordeeld"]
PLAATSHOUDER = re.compile(r"\{(\w+)\}")  # {client}, {professional}: names from the case


@dataclass(frozen=True)
class Onderdeel:
    """A graded part of a question: one hidden test cell in an nbgrader assignment."""

    id: str
    naam: str
    handmatig: bool = False  # graded by a person (the formgrader), not by a rule


@dataclass(frozen=True)
class Opgave:
    __pydantic_config__ = {"extra": "forbid"}

    id: str = field(metadata={"id": True})
    soort: str = field(metadata={"id": True})
    titel: str = field(metadata={"tekst": True, "max": 120})
    tekst: str = field(metadata={"tekst": True})
    vorm: Vorm
    punten: dict[str, float]  # per part (see the kind's onderdelen); a number on one part
    casus: str | None = None
    fragment: str | None = None
    opties: Any = None  # the kind's Opties
    sleutel: Any = None  # the kind's Sleutel, only on a practice question

    @property
    def max_punten(self) -> float:
        return sum(self.punten.values())

    @property
    def vraag(self) -> str:
        """The question's text with the names of the case's people filled in."""
        return self.vul_in(self.tekst)

    def vul_in(self, tekst: str) -> str:
        """``tekst`` with {client} and {professional} replaced by the case's names."""
        if self.casus is None:
            return tekst
        from werkalliantie.leren.casussen import laad_casus

        casus = laad_casus(self.casus)
        namen = {"client": casus.client.naam, "professional": casus.professional.naam}
        return PLAATSHOUDER.sub(lambda m: namen.get(m.group(1), m.group(0)), tekst)


@gegevens.afgeleid
def alle_opgaven() -> dict[str, Opgave]:
    """Every question of the course, by id (from the bundle; typed by its kind)."""
    from werkalliantie.leren.opgaven.soorten import soort  # a kind module may import this one

    opgaven = {}
    for ruw in gegevens.lees("opgaven"):
        s = soort(ruw["soort"])
        opgave = gegevens.uit_json(Opgave, {**ruw, "opties": None, "sleutel": None})
        opgaven[opgave.id] = replace(
            opgave, opties=gegevens.uit_json(s.Opties, ruw["opties"]),
            sleutel=None if ruw["sleutel"] is None else gegevens.uit_json(s.Sleutel, ruw["sleutel"]))
    return opgaven


class OnbekendeOpgave(CursusFout, KeyError):
    """A question or assignment id the course does not know."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


def laad_opgave(opgave_id: str) -> Opgave:
    try:
        return alle_opgaven()[opgave_id]
    except KeyError:
        raise OnbekendeOpgave(f"De cursus kent geen opgave '{opgave_id}'.") from None


@dataclass(frozen=True)
class Opdracht:
    """An nbgrader assignment: an introduction and questions, in order."""

    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    titel: str = field(metadata={"tekst": True})
    inleiding: str = field(metadata={"tekst": True})
    opgaven: tuple[str, ...] = field(metadata={"min": 1})


@gegevens.afgeleid
def alle_opdrachten() -> dict[str, Opdracht]:
    return {o["id"]: gegevens.uit_json(Opdracht, o) for o in gegevens.lees("opdrachten")}


def laad_opdracht(opdracht_id: str) -> Opdracht:
    alle = alle_opdrachten()
    try:
        return alle[opdracht_id]
    except KeyError:
        raise OnbekendeOpgave(f"Onbekende opdracht '{opdracht_id}'. De cursus kent: "
                              + ", ".join(alle) + ".") from None
