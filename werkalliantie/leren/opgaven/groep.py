"""What the trainer's group overview shows of one question: plain data, given by its kind.

Each kind's ``groepsweergave(opgave, antwoorden, sleutel)`` turns a group's answers (a
list, one per participant, always in the same order, without names) into a list of the
parts below. The trainer's wing (:mod:`werkalliantie.begeleiden.groepsoverzicht`) draws
them; it never reaches into a kind. Everything here is data, Dutch and ready to show:
labels are the texts a learner saw, never internal ids.

A rater's own lean spans questions: a kind that has reference bands gives, per answer,
where each of its parts lies against the band (:class:`Afwijking`, through
``werkalliantie.leren.opgaven.afwijkingen``). :func:`neigingen` turns one learner's
deviations into a lean per part (the progress page shows it), :func:`groepsneigingen` a
group's into the spread of leans per part, one anonymous entry per participant (for the
trainer's overview).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Schaalitem:
    """One rated statement: each participant's score (None: not rated)."""

    tekst: str
    groep: str  # the part it belongs to (a dimension), as the learner saw it
    scores: tuple[int | None, ...]
    band: tuple[float, float] | None = None  # the reference band (low, high), within the scale


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


# --- A rater's own lean, across the fragments they rated ------------------------------------

MINIMUM = 3  # fragments rated on a part before its lean is shown: fewer say too little
BOVEN, ONDER, BINNEN, WISSELEND = "boven", "onder", "binnen", "wisselend"
_MARGE = 1e-6


@dataclass(frozen=True)
class Afwijking:
    """Where one rater's score on one part (a dimension) of one fragment lies against that
    fragment's reference band."""

    groep: str  # which part: the same on every fragment rated with the same questions
    naam: str  # the part's name, as the learner saw it
    let_op: str  # what to look at on this part (the second half of a sentence)
    omgekeerd: bool  # a higher score means a weaker alliance (friction)
    score: float
    band: tuple[float, float]  # the reference band (low, high)
    midden: float  # the median of the reference ratings
    volgorde: int = 0  # the part's place among its questionnaire's parts, to show them in order

    @property
    def positie(self) -> int:
        """+1 above the band, -1 below it, 0 inside."""
        if self.score > self.band[1] + _MARGE:
            return 1
        if self.score < self.band[0] - _MARGE:
            return -1
        return 0

    @property
    def afstand(self) -> float:
        """The score minus the middle of the reference ratings: the lean in points."""
        return self.score - self.midden


@dataclass(frozen=True)
class Neiging:
    """A rater's lean on one part across the fragments they rated on it."""

    groep: str
    naam: str
    let_op: str
    omgekeerd: bool
    boven: int  # fragments scored above the band
    binnen: int
    onder: int
    gemiddeld: float  # mean distance to the middle of the reference ratings (+: higher)

    @property
    def fragmenten(self) -> int:
        return self.boven + self.binnen + self.onder

    @property
    def richting(self) -> str:
        """boven / onder: often on that side of the band (at least half of the fragments,
        and more often than on the other side); binnen: mostly inside; else wisselend."""
        n = self.fragmenten
        if self.boven * 2 >= n and self.boven > self.onder:
            return BOVEN
        if self.onder * 2 >= n and self.onder > self.boven:
            return ONDER
        return BINNEN if self.binnen * 2 > n else WISSELEND

    @property
    def zinnen(self) -> tuple[str, ...]:
        """The lean in plain Dutch, with one sentence on what to look at."""
        if self.richting == BINNEN:
            return (f"Bij {self.naam} zit je meestal in de referentieband.",
                    "Je kijkt daar ongeveer zoals de andere beoordelaars.")
        if self.richting == WISSELEND:
            return (f"Bij {self.naam} zit je soms boven en soms onder de referentie.",
                    f"Kijk bij elk fragment naar dezelfde dingen: {self.let_op}.")
        # Above the band is a stronger alliance than the raters saw, unless the scale is
        # reversed (friction): then it is a weaker one.
        sterker = (self.richting == BOVEN) != self.omgekeerd
        kijk = ("Let de volgende keer ook op wat schuurt" if sterker
                else "Let de volgende keer ook op wat goed gaat")
        return (f"Bij {self.naam} zit je vaak {self.richting} de referentie.",
                f"{kijk}: {self.let_op}.")


def neigingen(afwijkingen: list[Afwijking], minimum: int = MINIMUM) -> list[Neiging]:
    """One rater's lean per part, from their deviations on every fragment they rated (one
    per fragment and part), in the order the parts first appear; only the parts rated on
    at least ``minimum`` fragments."""
    per_groep: dict[str, list[Afwijking]] = {}
    for a in afwijkingen:
        per_groep.setdefault(a.groep, []).append(a)
    volgorde = {a.groep: a.volgorde for a in afwijkingen}
    per_groep = dict(sorted(per_groep.items(), key=lambda g: _plaats(g[0], volgorde)))
    uit = []
    for groep, lijst in per_groep.items():
        if len(lijst) < minimum:
            continue
        eerste = lijst[0]
        posities = [a.positie for a in lijst]
        uit.append(Neiging(groep, eerste.naam, eerste.let_op, eerste.omgekeerd,
                           posities.count(1), posities.count(0), posities.count(-1),
                           round(sum(a.afstand for a in lijst) / len(lijst), 2)))
    return uit


@dataclass(frozen=True)
class Groepsneiging:
    """The spread of leans in a group on one part: per participant (anonymous, in the
    order given) their lean, or None with fewer than ``MINIMUM`` fragments rated."""

    groep: str
    naam: str
    richtingen: tuple[str | None, ...]  # boven, onder, binnen, wisselend or None
    gemiddelden: tuple[float | None, ...]  # mean distance to the reference's middle

    def aantallen(self) -> dict[str, int]:
        """How many participants lean which way (those with too few fragments left out)."""
        return {r: self.richtingen.count(r) for r in (BOVEN, BINNEN, ONDER, WISSELEND)}


def _plaats(groep: str, volgorde: dict[str, int]) -> tuple[int, int]:
    """Parts in their questionnaire's order, questionnaires in the order they were met."""
    lijsten = list(dict.fromkeys(g.split(".")[0] for g in volgorde))
    return lijsten.index(groep.split(".")[0]), volgorde[groep]


def groepsneigingen(per_deelnemer: list[list[Afwijking]],
                    minimum: int = MINIMUM) -> list[Groepsneiging]:
    """A group's spread of leans per part: ``per_deelnemer`` holds each participant's
    deviations over all fragments they rated (no names: only the order is kept)."""
    alle = [neigingen(lijst, minimum) for lijst in per_deelnemer]
    namen: dict[str, str] = {}
    volgorde: dict[str, int] = {}
    for lijst in per_deelnemer:
        for a in lijst:
            namen.setdefault(a.groep, a.naam)
            volgorde.setdefault(a.groep, a.volgorde)
    uit = []
    for groep, naam in sorted(namen.items(), key=lambda g: _plaats(g[0], volgorde)):
        per = [next((n for n in lijst if n.groep == groep), None) for lijst in alle]
        if any(n is not None for n in per):
            uit.append(Groepsneiging(groep, naam, tuple(n.richting if n else None for n in per),
                                     tuple(n.gemiddeld if n else None for n in per)))
    return uit
