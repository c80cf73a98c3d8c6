"""Kind ``doelherkennen``: recognise which goal criteria each goal in a round meets.

A round shows up to twelve goals (ten in the course). Per goal the learner ticks each of
the goal checker's five criteria (:data:`werkalliantie.leren.doelen.CRITERIA`) that the goal
meets. Each criterion is one graded part: its points are the share of goals the learner
judged right on that criterion (exactly, to two decimals). So the feedback says which criterion the
learner still finds hard, without saying which goal (the graded key stays hidden).

The key says, per goal, which criteria it meets: a person's judgement, written down. On a
practice round every goal is also explained with the goal checker's own verdict and hints
(:func:`uitleg_per_doel`); the build refuses a practice key that the checker disagrees
with, so the explanation never contradicts the key.

The saved answer maps goal id to the list of criteria ticked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren.opgaven.groep import Keuzes, Optie
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat

# The criteria's names as the learner reads them; the ids are the goal checker's.
NAMEN = {
    "concreet": "Concreet",
    "meetbaar": "Meetbaar",
    "tijdgebonden": "Tijdgebonden",
    "positief": "Positief geformuleerd",
    "eigen_regie": "Eigen regie",
}

UITLEG_DOCENT = (
    "Per criterium (concreet, meetbaar, tijdgebonden, positief, eigen regie) krijgt de "
    "student punten naar het deel van de doelen waarbij hij of zij goed inschat of het doel "
    "eraan voldoet. De feedback zegt niet welk doel fout was.")

@dataclass(frozen=True)
class Doel:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    tekst: str = field(metadata={"tekst": True, "max": 300})


@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    doelen: tuple[Doel, ...] = field(metadata={"min": 2, "max": 12})


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    criteria: dict[str, tuple[str, ...]]  # goal id: the criteria it meets
    uitleg: dict[str, str] = field(default_factory=dict)  # goal id: a note beside the checker's


def criteria() -> tuple[str, ...]:
    from werkalliantie.leren.doelen import CRITERIA

    return tuple(CRITERIA)


def naam(criterium: str) -> str:
    return NAMEN.get(criterium, criterium.replace("_", " ").capitalize())


def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    return [Onderdeel(c, naam(c)) for c in criteria()]


def lees(opgave: Opgave, antwoord: Any) -> tuple[dict[str, frozenset[str]], list[str]]:
    """The valid ticks per goal, and Dutch messages on what was not valid."""
    if not isinstance(antwoord, Mapping):
        return {}, ["Je opgeslagen antwoord heeft een vorm die we niet kennen. "
                    "Vink de criteria opnieuw aan en klik op 'Opslaan'."]
    bekend = set(criteria())
    keuzes, meldingen = {}, set()
    for doel in opgave.opties.doelen:
        waarde = antwoord.get(doel.id)
        if waarde is None:
            continue
        if not isinstance(waarde, list) or not all(isinstance(c, str) and c in bekend for c in waarde):
            meldingen.add("Een van je keuzes hoort niet bij deze vraag; die telt niet mee.")
            continue
        keuzes[doel.id] = frozenset(waarde)
    if set(antwoord) - {d.id for d in opgave.opties.doelen}:
        meldingen.add("Je antwoord bevat onderdelen die niet bij deze vraag horen; die tellen niet mee.")
    return keuzes, sorted(meldingen)


def _doelen(nummers: list[int]) -> str:
    """'Doel 3 is' or 'De doelen 3, 5 en 7 zijn'."""
    if len(nummers) == 1:
        return f"Doel {nummers[0]} is"
    tekst = [str(n) for n in nummers]
    return f"De doelen {', '.join(tekst[:-1])} en {tekst[-1]} zijn"


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    keuzes, meldingen = lees(opgave, antwoord)
    doelen = opgave.opties.doelen
    niets = not any(keuzes.values())  # nothing ticked at all: not an answer yet
    if niets and antwoord is not None and not meldingen:
        meldingen.append("Je hebt nog niets aangevinkt.")
    delen = []
    for c in criteria():
        # A goal missing from the answer is wrong on every criterion.
        anders = [n for n, d in enumerate(doelen, 1) if niets or d.id not in keuzes
                  or (c in keuzes[d.id]) != (c in sleutel.criteria[d.id])]
        goed = len(doelen) - len(anders)
        max_ = opgave.punten[c]
        # Exact shares (2 points over 10 goals: steps of 0,2): rounding to half points would
        # hide a mistake (9 of 10 would earn all points).
        punten = min(round(max_ * goed / len(doelen), 2), max_)
        feedback = (f"{naam(c)}: je beoordeelde {goed} van de {len(doelen)} doelen goed.",)
        wel = [n for n in anders if c in sleutel.criteria[doelen[n - 1].id]]
        niet = [n for n in anders if n not in wel]
        uitleg = () if niets else tuple(
            f"{_doelen(nummers)} {'wel' if nummers is wel else 'niet'} {naam(c).lower()}."
            for nummers in (wel, niet) if nummers)
        delen.append(Deelresultaat(c, naam(c), punten, max_, feedback, uitleg))
    return Resultaat(opgave.id, tuple(delen), tuple(meldingen))


def uitleg_per_doel(opgave: Opgave, sleutel: Sleutel) -> dict[str, list[str]]:
    """Per goal: the key's verdict and the goal checker's own hints (practice only)."""
    from werkalliantie.leren.doelen import beoordeel

    uitleg = {}
    for doel in opgave.opties.doelen:
        juist = sleutel.criteria[doel.id]
        wel = [naam(c).lower() for c in criteria() if c in juist]
        niet = [naam(c).lower() for c in criteria() if c not in juist]
        regels = [("Dit doel is " + ", ".join(wel) + "." if wel else "Dit doel voldoet aan geen "
                   "van de criteria.") + (" Niet: " + ", ".join(niet) + "." if niet else "")]
        if doel.id in sleutel.uitleg:
            regels.append(sleutel.uitleg[doel.id])
        hints = beoordeel(doel.tekst).feedback
        if hints:
            regels.append("De doelcontrole zegt:")
            regels.extend(hints)
        uitleg[doel.id] = regels
    return uitleg


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    keuzes, meldingen = lees(opgave, antwoord)
    if not any(keuzes.values()):
        meldingen.append("Je hebt nog niets aangevinkt.")
    open_ = [n for n, d in enumerate(opgave.opties.doelen, 1) if d.id not in keuzes]
    if keuzes and open_:
        meldingen.append("Deze doelen ontbreken in je antwoord: " + ", ".join(map(str, open_)) + ".")
    return meldingen


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    keuzes, meldingen = lees(opgave, antwoord)
    regels = []
    for n, doel in enumerate(opgave.opties.doelen, 1):
        gekozen = [naam(c).lower() for c in criteria() if c in keuzes.get(doel.id, frozenset())]
        regels.append(f"{n}. {doel.tekst} -> {', '.join(gekozen) if gekozen else 'geen'}")
    return [*regels, *meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """A right answer, a wrong one of the right shape (every tick reversed), and an invalid one."""
    alle = criteria()
    return {"goed": {d.id: [c for c in alle if c in sleutel.criteria[d.id]]
                     for d in opgave.opties.doelen},
            "fout": {d.id: [c for c in alle if c not in sleutel.criteria[d.id]]
                     for d in opgave.opties.doelen},
            "ongeldig": {d.id: "alles" for d in opgave.opties.doelen}}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """Per goal: which criteria the group ticked."""
    from werkalliantie.leren.doelen import CRITERIA, LABELS

    keuzes = [lees(opgave, a)[0] for a in antwoorden]
    delen = []
    for doel in opgave.opties.doelen:
        juist = set(sleutel.criteria.get(doel.id, ())) if sleutel is not None else set()
        opties = tuple(Optie(LABELS[c], c in juist) for c in CRITERIA)
        gekozen = tuple(tuple(CRITERIA.index(c) for c in CRITERIA if c in k.get(doel.id, ()))
                        for k in keuzes)
        delen.append(Keuzes(doel.tekst, opties, gekozen, meer=True))
    return delen


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    problemen = []
    ids = [d.id for d in opgave.opties.doelen]
    if len(set(ids)) != len(ids):
        problemen.append(("opties.doelen", "twee doelen hebben dezelfde id"))
    if sleutel is None:
        return problemen
    problemen.extend(controleer_sleutel(opgave, sleutel))
    return problemen


def controleer_sleutel(opgave: Opgave, sleutel: Sleutel) -> list[tuple[str, str]]:
    """The key names every goal once, only known criteria, and agrees with the goal
    checker (the practice explanation quotes the checker: it must not contradict)."""
    from werkalliantie.leren.doelen import beoordeel

    ids = [d.id for d in opgave.opties.doelen]
    if set(sleutel.criteria) != set(ids):
        return [("sleutel.criteria", "geef elk doel precies één keer zijn criteria")]
    problemen = []
    for doel in opgave.opties.doelen:
        juist = sleutel.criteria[doel.id]
        if not set(juist) <= set(criteria()):
            problemen.append((f"sleutel.criteria.{doel.id}", "kies uit " + ", ".join(criteria())))
            continue
        oordeel = beoordeel(doel.tekst).criteria
        anders = [c for c in criteria() if oordeel[c] != (c in juist)]
        if anders:
            problemen.append((f"sleutel.criteria.{doel.id}",
                              "de doelcontrole oordeelt anders over " + ", ".join(anders)
                              + f" bij '{doel.tekst}'; kies een duidelijker doel"))
    if not set(sleutel.uitleg) <= set(ids):
        problemen.append(("sleutel.uitleg", "noem alleen ids uit opties.doelen"))
    return problemen


def op_papier(opgave: Opgave) -> str:
    kop = "| doel | " + " | ".join(NAMEN.values()) + " |"
    regels = ["Zet een kruisje bij elk criterium waaraan het doel voldoet.", "", kop,
              "| --- |" + " --- |" * len(NAMEN)]
    regels += [f"| {n}. {d.tekst} |" + " ☐ |" * len(NAMEN) for n, d in enumerate(opgave.opties.doelen, 1)]
    return "\n".join(regels)
