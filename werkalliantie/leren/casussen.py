"""The cases (Denise, Peter, Matthias, Nuestra, ...) as typed, read-only data.

A case is written once, in ``data/casussen/<id>.yaml``. These dataclasses declare its
structure: the build side (:mod:`werkalliantie.bouwen.bundel.casussen`) validates each file against
them with a Dutch error naming file and field, and this module reads the validated cases
from the bundle, with nothing but the standard library.

Every piece of text carries ``herkomst``: ``rapport`` when it is paraphrased from the
Movisie report (Van Arum, Verweij & Van der Veer, 2018), ``cursus`` when the course
invented it (the report is silent there). A reader can so tell source from invention.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from werkalliantie.leren import gegevens

# The life domains of the Zelfredzaamheid-Matrix, used as labels only.
LEVENSDOMEINEN = (
    "Financiën",
    "Werk & opleiding",
    "Tijdsbesteding",
    "Huisvesting",
    "Huiselijke relaties",
    "Geestelijke gezondheid",
    "Lichamelijke gezondheid",
    "Middelengebruik",
    "Basale ADL",
    "Instrumentele ADL",
    "Sociaal netwerk",
    "Maatschappelijke participatie",
    "Justitie",
)
Levensdomein = Literal[LEVENSDOMEINEN]  # type: ignore[valid-type]
Herkomst = Literal["rapport", "cursus"]

TEKST = {"tekst": True}
ID = {"id": True}
VERPLICHT = {"min": 1}


class _Strikt:
    # Read by pydantic on the build side: an unknown field is a typing error in a case file.
    __pydantic_config__ = {"extra": "forbid"}


@dataclass(frozen=True)
class Onderdeel(_Strikt):
    tekst: str = field(metadata=TEKST)
    herkomst: Herkomst


@dataclass(frozen=True)
class Persoon(_Strikt):
    naam: str = field(metadata=TEKST)
    beschrijving: str = field(metadata=TEKST)
    herkomst: Herkomst


@dataclass(frozen=True)
class Professional(_Strikt):
    naam: str = field(metadata=TEKST)
    rol: str = field(metadata=TEKST)
    herkomst: Herkomst


@dataclass(frozen=True)
class Domeinsituatie(_Strikt):
    domein: Levensdomein
    situatie: str = field(metadata=TEKST)
    herkomst: Herkomst


@dataclass(frozen=True)
class Citaat(_Strikt):
    """A short quote of a (fictional) person, shown as a marked quotation. A quote from
    the report (``herkomst: rapport``) stands there word for word, on page ``pagina``."""

    id: str = field(metadata=ID)
    tekst: str = field(metadata={"tekst": True, "max": 400})
    wie: str = field(metadata=TEKST)
    herkomst: Herkomst
    pagina: str | None = field(default=None, metadata=TEKST)


@dataclass(frozen=True)
class Moment(_Strikt):
    """One step in the case's timeline; ``fragment`` names the scene that happens then."""

    wanneer: str = field(metadata=TEKST)
    tekst: str = field(metadata=TEKST)
    herkomst: Herkomst
    fragment: str | None = field(default=None, metadata=ID)


@dataclass(frozen=True)
class Fragment(_Strikt):
    """A scene from the case, written by the course, used by an exercise."""

    id: str = field(metadata=ID)
    titel: str = field(metadata=TEKST)
    zinnen: tuple[str, ...] = field(metadata=VERPLICHT)
    herkomst: Herkomst


@dataclass(frozen=True)
class Casus(_Strikt):
    id: str = field(metadata=ID)
    client: Persoon
    huishouden: tuple[Persoon, ...] = field(metadata=VERPLICHT)
    professional: Professional
    hulpvraag: Onderdeel
    samenvatting: Onderdeel
    levensdomeinen: tuple[Domeinsituatie, ...] = field(metadata=VERPLICHT)
    citaten: tuple[Citaat, ...] = field(metadata=VERPLICHT)
    wat_hielp: tuple[Onderdeel, ...] = field(metadata=VERPLICHT)
    tijdlijn: tuple[Moment, ...] = ()
    fragmenten: tuple[Fragment, ...] = ()
    # Short statements the course wrote for exercises (recognising working elements), in the
    # people's own voice; not shown in the chapter. Always herkomst: cursus.
    uitspraken: tuple[Citaat, ...] = ()

    def citaat(self, citaat_id: str) -> Citaat:
        for c in (*self.citaten, *self.uitspraken):
            if c.id == citaat_id:
                return c
        raise KeyError(citaat_id)

    def fragment(self, fragment_id: str) -> Fragment:
        for f in self.fragmenten:
            if f.id == fragment_id:
                return f
        raise KeyError(fragment_id)


@gegevens.afgeleid
def alle_casussen() -> dict[str, Casus]:
    """Every case of the course, by id, in the order of their file names."""
    return {i: gegevens.uit_json(Casus, c) for i, c in gegevens.lees("casussen").items()}


def laad_casus(casus_id: str) -> Casus:
    try:
        return alle_casussen()[casus_id]
    except KeyError:
        raise KeyError(f"De cursus kent geen casus '{casus_id}'.") from None
