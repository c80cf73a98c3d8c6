"""What the trainer's group overview shows of one question: plain data, given by its kind.

Each kind's ``groepsweergave(opgave, antwoorden, sleutel)`` turns a group's answers (a
list, one per participant, always in the same order, without names) into a list of the
parts below. The trainer's wing (:mod:`werkalliantie.begeleiden.groepsoverzicht`) draws
them; it never reaches into a kind. Everything here is data, Dutch and ready to show:
labels are the texts a learner saw, never internal ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Schaalitem:
    """One rated statement: each participant's score (None: not rated)."""

    tekst: str
    groep: str  # the part it belongs to (a dimension), as the learner saw it
    scores: tuple[int | None, ...]
    band: tuple[float, float] | None = None  # the reference band, within the scale


@dataclass(frozen=True)
class Beoordelingen:
    """Ratings on one scale: the statements of a questionnaire. The group are raters here:
    their agreement (an ICC) is computed over these items, and only these."""

    titel: str
    schaal: tuple[int, int]
    labels: dict[int, str]
    items: tuple[Schaalitem, ...]


@dataclass(frozen=True)
class Optie:
    tekst: str
    referentie: bool = False  # chosen by the reference answer


@dataclass(frozen=True)
class Keuzes:
    """A choice among fixed options; per participant the positions chosen in ``opties``
    (more than one when ``meer``)."""

    titel: str
    opties: tuple[Optie, ...]
    gekozen: tuple[tuple[int, ...], ...]
    meer: bool = False

    def aantallen(self) -> list[int]:
        """How many participants chose each option, in the order of ``opties``."""
        tellen = [0] * len(self.opties)
        for keuze in self.gekozen:
            for i in set(keuze):
                tellen[i] += 1
        return tellen


@dataclass(frozen=True)
class Getallen:
    """A number per participant (None: none given), with the reference value if any."""

    titel: str
    waarden: tuple[float | None, ...]
    referentie: float | None = None
    marge: float = 0.0  # a value within this distance of the reference counts as right


@dataclass(frozen=True)
class Teksten:
    """Participants' own texts (empty ones left out). Shown as a list, never counted."""

    titel: str
    teksten: tuple[str, ...] = field(default_factory=tuple)
    prive: bool = False  # only whether something was written is shown


Groepsdeel = Beoordelingen | Keuzes | Getallen | Teksten
