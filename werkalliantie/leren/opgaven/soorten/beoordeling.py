"""Kind ``beoordeling``: rate the working alliance in a fragment of a case.

The learner gives each of the course's own items a score on the questionnaire's scale
(``data/vragenlijsten.yaml``: Bordin's goals, tasks and bond; Menger's four
characteristics for a mandated setting). A dimension's score is the mean of its items.
Optional parts, when the record gives them points: ``zwakste`` (which dimension is
weakest) and ``bewijs`` (the sentences of the fragment that show it; partial credit).

**The reference band.** Rating an alliance from a fragment is a judgement on which
thoughtful professionals differ, so a key holds several ratings of every item
(``Sleutel.beoordelingen``: the course's own and at least two independent raters'). The
band of a list of ratings (:func:`referentieband`, the one definition) is their range,
widened to at least ``BREEDTE`` either side of their median, within the scale. A
dimension's band comes from the raters' dimension scores, an item's from their item
scores. A dimension inside its band earns its points ("dicht bij"), one at most
``NABIJ`` outside half of them, one further out none ("ver van"); the feedback never calls
a rating wrong.

**Evidence.** A sentence of the key earns; a sentence that at least half of the
independent raters also chose is defensible and costs nothing; any other costs one.

The saved answer is a mapping: item id to score, plus ``zwakste`` (a dimension id) and
``bewijs`` (sentence numbers, from 1) when those parts are asked.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren import gegevens
from werkalliantie.leren.opgaven.getallen import aantal
from werkalliantie.leren.opgaven.groep import Afwijking, Beoordelingen, Keuzes, Optie, Schaalitem
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat, getal

ZWAKSTE = "zwakste"
BEWIJS = "bewijs"
BREEDTE = 1.0  # the band reaches at least this far either side of the raters' median
NABIJ = 0.5  # a dimension this close outside its band still earns half its points
MIN_BEOORDELINGEN = 3  # ratings per fragment in a key: the course's own and independent ones
MIN_ONAFHANKELIJK = 2
_MARGE = 1e-6  # scores are rounded to two decimals; compare with room for that


# --- The questionnaires (course-wide data, referred to by name) ----------------------------
UITLEG_DOCENT = (
    "De student geeft bij elke stelling een score. De stellingen horen bij de onderdelen van "
    "de werkalliantie. De score van een onderdeel is het gemiddelde van de stellingen. Het "
    "antwoordmodel heeft per fragment de scores van minstens drie beoordelaars: de cursus zelf "
    "en twee of meer onafhankelijke beoordelaars. Daaruit volgt per onderdeel een "
    "referentieband: van de laagste tot de hoogste score van de beoordelaars, en minstens "
    "1 punt boven en onder hun middelste score (de mediaan). Ligt het gemiddelde van de student "
    "in de band? Dan krijgt de student alle punten van dat onderdeel. Ligt het hooguit een "
    "half punt buiten de band? Dan de helft. Verder weg: 0. Een onderdeel met een open "
    "stelling krijgt 0. Een voorbeeld: de beoordelaars geven 2, 2,3, 2,7 en 3. De band loopt "
    "dan van 1,5 tot 3,5. Een student die 3, 3 en 4 geeft (3,3), krijgt alle punten; 4, 4 en "
    "3 (3,7) geeft de helft; 5, 4 en 4 (4,3) geeft 0. De scores samen zijn hooguit een derde "
    "van de punten. De meeste punten gaan naar het zwakste onderdeel en het bewijs. Het "
    "zwakste onderdeel is goed of niet. Bij het bewijs krijgt de student punten voor elke zin "
    "die ook in het antwoordmodel staat, min een voor elke zin die er niet in staat (nooit "
    "minder dan 0, in halve punten). Een zin die ook de meeste onafhankelijke beoordelaars "
    "kozen, kost niets.")

@dataclass(frozen=True)
class Item:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    tekst: str = field(metadata={"tekst": True})


@dataclass(frozen=True)
class Dimensie:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    naam: str = field(metadata={"tekst": True})
    alliantie: str = field(metadata={"tekst": True})
    let_op: str = field(metadata={"tekst": True})  # what to look at: "Let op <let_op>."
    items: tuple[Item, ...] = field(metadata={"min": 2, "max": 4})
    # Higher scores mean a weaker alliance (Menger's friction): reversed for "weakest".
    omgekeerd: bool = False


@dataclass(frozen=True)
class Schaal:
    __pydantic_config__ = {"extra": "forbid"}
    min: int
    max: int
    labels: dict[int, str]


@dataclass(frozen=True)
class Vragenlijst:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    naam: str = field(metadata={"tekst": True})
    schaal: Schaal
    dimensies: tuple[Dimensie, ...] = field(metadata={"min": 2})

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for d in self.dimensies for i in d.items)

    def dimensie(self, dimensie_id: str) -> Dimensie:
        for d in self.dimensies:
            if d.id == dimensie_id:
                return d
        raise KeyError(dimensie_id)


@gegevens.afgeleid
def vragenlijsten() -> dict[str, Vragenlijst]:
    return {v["id"]: gegevens.uit_json(Vragenlijst, v) for v in gegevens.lees("vragenlijsten")}


def vragenlijst(opgave: Opgave) -> Vragenlijst:
    return vragenlijsten()[opgave.opties.vragenlijst]


# --- The record's settings and its key ---------------------------------------------------

@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    vragenlijst: str = field(metadata={"id": True})


@dataclass(frozen=True)
class Referentie:
    """Why a dimension is as strong as the course's reference says (the rationale)."""

    __pydantic_config__ = {"extra": "forbid"}
    toelichting: str = field(metadata={"tekst": True})


@dataclass(frozen=True)
class Beoordeling:
    """One rater's rating of the fragment: a score per item, and what they saw.

    ``onafhankelijk``: rated from the fragment alone (its short context and the
    statements), without the key or the other raters; False for the course's own."""

    __pydantic_config__ = {"extra": "forbid"}
    door: str = field(metadata={"tekst": True})
    onafhankelijk: bool
    datum: str = field(metadata={"tekst": True})  # YYYY-MM-DD
    werkwijze: str = field(metadata={"tekst": True})  # what the rater saw, and how
    scores: dict[str, int]
    zwakste: str | None = None  # the dimension the rater found weakest
    bewijs: tuple[int, ...] | None = None  # the sentences the rater chose as evidence
    toelichting: str | None = None  # the rater's own reasons


@dataclass(frozen=True)
class Keuzereferentie:
    __pydantic_config__ = {"extra": "forbid"}
    dimensie: str = field(metadata={"id": True})
    toelichting: str = field(metadata={"tekst": True})


@dataclass(frozen=True)
class Bewijsreferentie:
    __pydantic_config__ = {"extra": "forbid"}
    zinnen: tuple[int, ...] = field(metadata={"min": 1})  # sentence numbers, from 1
    toelichting: str = field(metadata={"tekst": True})


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    referentie: dict[str, Referentie]
    beoordelingen: tuple[Beoordeling, ...] = field(metadata={"min": MIN_BEOORDELINGEN})
    zwakste: Keuzereferentie | None = None
    bewijs: Bewijsreferentie | None = None


# --- The reference band (defined once: grading, feedback, group view, book) ---------------

@dataclass(frozen=True)
class Band:
    """Where the reference ratings lie, widened: from ``laag`` to ``hoog``; ``midden`` is
    their median."""

    laag: float
    hoog: float
    midden: float
    waarden: tuple[float, ...]  # the ratings it was made from, in the key's order

    def afstand(self, score: float) -> float:
        """How far ``score`` lies outside the band: 0 inside, above positive, below negative."""
        if score > self.hoog + _MARGE:
            return round(score - self.hoog, 2)
        if score < self.laag - _MARGE:
            return round(score - self.laag, 2)
        return 0.0


def referentieband(waarden: Sequence[float], laagste: float, hoogste: float) -> Band:
    """The band of some ratings of one thing: from their lowest to their highest, widened
    to at least ``BREEDTE`` either side of their median, within the scale
    (``laagste``..``hoogste``)."""
    midden = statistics.median(waarden)
    laag = max(laagste, min(min(waarden), midden - BREEDTE))
    hoog = min(hoogste, max(max(waarden), midden + BREEDTE))
    return Band(round(laag, 2), round(hoog, 2), round(midden, 2), tuple(waarden))


def dimensieband(sleutel: Sleutel, dimensie: Dimensie, lijst: Vragenlijst) -> Band:
    """The band of a dimension: from each rater's score of it (the mean of its items)."""
    return referentieband([dimensiescore(b.scores, dimensie) for b in sleutel.beoordelingen],
                          lijst.schaal.min, lijst.schaal.max)


_BANDEN: dict[int, tuple[Sleutel, Vragenlijst, dict[str, Band]]] = {}


def dimensiebanden(sleutel: Sleutel, lijst: Vragenlijst) -> dict[str, Band]:
    """Every dimension's band for this key, worked out once per key: a trainer's group
    overview asks for it with every answer. The key and the questionnaire are kept beside
    the bands, so a remembered entry is never another key's."""
    bewaard = _BANDEN.get(id(sleutel))
    if bewaard is None or bewaard[0] is not sleutel or bewaard[1] is not lijst:
        if len(_BANDEN) >= 256:
            _BANDEN.clear()
        bewaard = (sleutel, lijst, {d.id: dimensieband(sleutel, d, lijst) for d in lijst.dimensies})
        _BANDEN[id(sleutel)] = bewaard
    return bewaard[2]


def itemband(sleutel: Sleutel, item: Item, lijst: Vragenlijst) -> Band:
    """The band of one statement: from each rater's score of it."""
    return referentieband([b.scores[item.id] for b in sleutel.beoordelingen],
                          lijst.schaal.min, lijst.schaal.max)


# --- The rule ------------------------------------------------------------------------------

def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    lijst = vragenlijst(opgave)
    delen = [Onderdeel(d.id, d.naam) for d in lijst.dimensies]
    if ZWAKSTE in opgave.punten:
        delen.append(Onderdeel(ZWAKSTE, "Zwakste onderdeel"))
    if BEWIJS in opgave.punten:
        delen.append(Onderdeel(BEWIJS, "Bewijs in het fragment"))
    return delen


def _score(waarde: object, lijst: Vragenlijst) -> int | None:
    """A valid rating, or None for anything else (text, bool, NaN, out of range)."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return None
    if isinstance(waarde, float) and (not math.isfinite(waarde) or not waarde.is_integer()):
        return None
    if not lijst.schaal.min <= waarde <= lijst.schaal.max:
        return None
    return int(waarde)


@dataclass(frozen=True)
class Gelezen:
    """The usable parts of an answer, and Dutch messages on what was not usable."""

    scores: dict[str, int]
    zwakste: str | None
    bewijs: tuple[int, ...] | None
    meldingen: tuple[str, ...]


def lees(opgave: Opgave, antwoord: Any) -> Gelezen:
    lijst = vragenlijst(opgave)
    if not isinstance(antwoord, Mapping):
        return Gelezen({}, None, None, ("Je opgeslagen antwoord heeft een vorm die we niet "
                                        "kennen. Vul de stellingen opnieuw in en klik op 'Opslaan'.",))
    meldingen = set()
    scores = {}
    for item in lijst.items:
        if item.id in antwoord:
            score = _score(antwoord[item.id], lijst)
            if score is None:
                meldingen.add("Een van je antwoorden is geen geldige score van "
                              f"{lijst.schaal.min} tot {lijst.schaal.max}; die telt niet mee.")
            else:
                scores[item.id] = score
    zwakste = antwoord.get(ZWAKSTE)
    if zwakste is not None and zwakste not in {d.id for d in lijst.dimensies}:
        meldingen.add("Je keuze voor het zwakste onderdeel is geen onderdeel van deze vraag.")
        zwakste = None
    bewijs = antwoord.get(BEWIJS)
    zinnen = _aantal_zinnen(opgave)
    if bewijs is not None:
        if (isinstance(bewijs, list) and len(bewijs) <= zinnen
                and all(isinstance(z, int) and not isinstance(z, bool) and 1 <= z <= zinnen
                        for z in bewijs)):
            bewijs = tuple(sorted(set(bewijs)))
        else:
            meldingen.add("Je gekozen zinnen zijn geen zinnen uit het fragment; die tellen niet mee.")
            bewijs = None
    bekend = {i.id for i in lijst.items} | {ZWAKSTE, BEWIJS}
    if set(antwoord) - bekend:
        meldingen.add("Je antwoord bevat onderdelen die niet bij deze vraag horen; "
                      "die tellen niet mee.")
    return Gelezen(scores, zwakste, bewijs, tuple(sorted(meldingen)))


def _aantal_zinnen(opgave: Opgave) -> int:
    from werkalliantie.leren.casussen import laad_casus

    if opgave.casus is None or opgave.fragment is None:
        return 0
    return len(laad_casus(opgave.casus).fragment(opgave.fragment).zinnen)


def dimensiescore(scores: Mapping[str, int], dimensie: Dimensie) -> float | None:
    """The mean of a dimension's items, or None when an item is missing."""
    waarden = [scores.get(i.id) for i in dimensie.items]
    if any(w is None for w in waarden):
        return None
    return round(sum(waarden) / len(waarden), 2)


def sterkte(score: float, dimensie: Dimensie, lijst: Vragenlijst) -> float:
    """How strong the alliance is on a dimension (friction reversed)."""
    return lijst.schaal.min + lijst.schaal.max - score if dimensie.omgekeerd else score


def _dimensie(opgave: Opgave, d: Dimensie, score: float | None, sleutel: Sleutel,
              lijst: Vragenlijst) -> Deelresultaat:
    """In the band: all points; at most NABIJ outside it: half; further: none. The feedback
    (shown after grading, also on graded items) says where, never the band itself; the
    explanation (practice items only) gives the band, the raters' scores and the reason."""
    max_ = opgave.punten[d.id]
    if score is None:
        return Deelresultaat(d.id, d.naam, 0.0, max_, (
            f"{d.naam}: je hebt niet alle stellingen beantwoord.",), oordeel="niet ingevuld")
    band = dimensieband(sleutel, d, lijst)
    afstand = band.afstand(score)
    kant = "boven" if afstand > 0 else "onder"
    if afstand == 0:
        punten, oordeel = max_, "dicht bij de referentieband"
        zin = ("Die ligt in de referentieband: dicht bij wat de beoordelaars van de cursus "
               "zagen.")
    elif abs(afstand) <= NABIJ + _MARGE:
        punten, oordeel = max_ / 2, "net buiten de referentieband"
        zin = f"Die ligt net {kant} de referentieband: nog dicht bij."
    else:
        punten, oordeel = 0.0, "ver van de referentieband"
        zin = (f"Die ligt ver {kant} de referentieband. Kijk nog eens naar het fragment: "
               f"let op {d.let_op}.")
    scores = "; ".join(getal(w) for w in band.waarden)
    return Deelresultaat(
        d.id, d.naam, punten, max_, (f"{d.naam}: jouw score is {getal(score)}. {zin}",),
        (f"De referentieband loopt van {getal(band.laag)} tot {getal(band.hoog)}. De "
         f"{len(band.waarden)} beoordelaars gaven: {scores}. Waarom: "
         f"{sleutel.referentie[d.id].toelichting}",), oordeel)


def _zwakste(opgave: Opgave, gelezen: Gelezen, sleutel: Sleutel, lijst: Vragenlijst) -> Deelresultaat:
    max_ = opgave.punten[ZWAKSTE]
    naam = "Zwakste onderdeel"
    if gelezen.zwakste is None:
        return Deelresultaat(ZWAKSTE, naam, 0.0, max_, ("Je hebt geen zwakste onderdeel gekozen.",))
    gekozen = lijst.dimensie(gelezen.zwakste).naam
    goed = gelezen.zwakste == sleutel.zwakste.dimensie
    return Deelresultaat(
        ZWAKSTE, naam, max_ if goed else 0.0, max_,
        (f"Je koos {gekozen} als zwakste onderdeel. "
         + ("Dat klopt met het antwoordmodel." if goed else "Het antwoordmodel kiest een ander "
            "onderdeel. Kijk nog eens welk onderdeel het minst sterk is, en waarom."),),
        (f"Het antwoordmodel kiest {lijst.dimensie(sleutel.zwakste.dimensie).naam}. "
         f"Waarom: {sleutel.zwakste.toelichting}",))


def verdedigbaar(sleutel: Sleutel) -> frozenset[int]:
    """Sentences outside the key that at least half of the independent raters chose as
    evidence: defensible, so they cost nothing."""
    onafhankelijk = [b for b in sleutel.beoordelingen if b.onafhankelijk]
    tellen: dict[int, int] = {}
    for b in onafhankelijk:
        for z in set(b.bewijs or ()):
            tellen[z] = tellen.get(z, 0) + 1
    return frozenset(z for z, n in tellen.items()
                     if n * 2 >= len(onafhankelijk) and z not in sleutel.bewijs.zinnen)


def _bewijs(opgave: Opgave, gelezen: Gelezen, sleutel: Sleutel) -> Deelresultaat:
    """Partial credit: the share of annotated sentences found, minus picks that no
    majority of raters would defend."""
    max_ = opgave.punten[BEWIJS]
    naam = "Bewijs in het fragment"
    if not gelezen.bewijs:
        return Deelresultaat(BEWIJS, naam, 0.0, max_, ("Je hebt geen zinnen als bewijs gekozen.",))
    juist = set(sleutel.bewijs.zinnen)
    gekozen = set(gelezen.bewijs)
    ook = gekozen & verdedigbaar(sleutel)
    raak, mis = len(gekozen & juist), len(gekozen - juist - ook)
    aandeel = max(0.0, (raak - mis) / len(juist))
    punten = round(max_ * aandeel * 2) / 2  # half points: readable, never above the maximum
    zinnen = [f"Je koos {aantal(len(gekozen), 'zin', 'zinnen')}. Daarvan {'is' if raak == 1 else 'zijn'} "
              f"er {raak} ook gekozen in het antwoordmodel, en {len(gekozen - juist)} niet."]
    if ook:
        zinnen.append(f"{aantal(len(ook), 'zin', 'zinnen')} daarvan kozen ook de meeste andere "
                      "beoordelaars. " + ("Die kost" if len(ook) == 1 else "Die kosten")
                      + " geen punt.")
    return Deelresultaat(
        BEWIJS, naam, min(punten, max_), max_, (" ".join(zinnen),),
        ("Het antwoordmodel kiest zin " + ", ".join(map(str, sorted(juist)))
         + f". Waarom: {sleutel.bewijs.toelichting}",))


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    lijst = vragenlijst(opgave)
    gelezen = lees(opgave, antwoord)
    delen = [_dimensie(opgave, d, dimensiescore(gelezen.scores, d), sleutel, lijst)
             for d in lijst.dimensies]
    if ZWAKSTE in opgave.punten:
        delen.append(_zwakste(opgave, gelezen, sleutel, lijst))
    if BEWIJS in opgave.punten:
        delen.append(_bewijs(opgave, gelezen, sleutel))
    return Resultaat(opgave.id, tuple(delen), gelezen.meldingen)


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    return [*lees(opgave, antwoord).meldingen, *onbeantwoord(opgave, antwoord)]


def onbeantwoord(opgave: Opgave, antwoord: Any) -> list[str]:
    """The statements, the weakest part and the evidence still open."""
    lijst = vragenlijst(opgave)
    gelezen = lees(opgave, antwoord)
    hints = []
    for d in lijst.dimensies:
        open_ = [n for n, i in enumerate(d.items, 1) if i.id not in gelezen.scores]
        if len(open_) == 1:
            hints.append(f"{d.naam}: stelling {open_[0]} is nog niet ingevuld.")
        elif open_:
            nummers = ", ".join(map(str, open_[:-1])) + f" en {open_[-1]}"
            hints.append(f"{d.naam}: stellingen {nummers} zijn nog niet ingevuld.")
    if ZWAKSTE in opgave.punten and gelezen.zwakste is None:
        hints.append("Kies het zwakste onderdeel.")
    if BEWIJS in opgave.punten and not gelezen.bewijs:
        hints.append("Kies de zinnen uit het fragment die je keuze laten zien.")
    return hints


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    lijst = vragenlijst(opgave)
    gelezen = lees(opgave, antwoord)
    regels = []
    for d in lijst.dimensies:
        score = dimensiescore(gelezen.scores, d)
        gemiddeld = (f"gemiddeld {getal(score)}" if score is not None
                     else "geen gemiddelde: niet alle stellingen hebben een score")
        regels.append(f"{d.naam} ({d.alliantie}): {gemiddeld}")
        for n, item in enumerate(d.items, 1):
            s = gelezen.scores.get(item.id)
            woord = f"{s} ({lijst.schaal.labels.get(s, '')})" if s is not None else "niet ingevuld"
            regels.append(f"  {n}. {item.tekst} Score: {woord}.")
    if ZWAKSTE in opgave.punten:
        naam = lijst.dimensie(gelezen.zwakste).naam if gelezen.zwakste else "niet gekozen"
        regels.append(f"Zwakste onderdeel: {naam}.")
    if BEWIJS in opgave.punten:
        zinnen = ", ".join(map(str, gelezen.bewijs)) if gelezen.bewijs else "geen"
        regels.append(f"Gekozen zinnen als bewijs: {zinnen}.")
    return [*regels, *gelezen.meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """A right answer (item scores whose dimension means are the middle of the band,
    rounded to the scale), a wrong one of the right shape (every item at the end of the
    scale furthest from the band, another dimension as weakest, sentences the key does not
    choose), and an invalid one."""
    lijst = vragenlijst(opgave)
    goed: dict[str, Any] = {}
    fout: dict[str, Any] = {}
    for d in lijst.dimensies:
        band = dimensieband(sleutel, d, lijst)
        doel = band.midden
        n = len(d.items)
        basis, rest = divmod(round(doel * n), n)
        ver = (lijst.schaal.min if band.laag - lijst.schaal.min > lijst.schaal.max - band.hoog
               else lijst.schaal.max)
        for k, item in enumerate(d.items):
            goed[item.id] = min(max(basis + (1 if k < rest else 0), lijst.schaal.min),
                                lijst.schaal.max)
            fout[item.id] = ver
    if ZWAKSTE in opgave.punten:
        goed[ZWAKSTE] = sleutel.zwakste.dimensie
        fout[ZWAKSTE] = next(d.id for d in lijst.dimensies if d.id != sleutel.zwakste.dimensie)
    if BEWIJS in opgave.punten:
        goed[BEWIJS] = list(sleutel.bewijs.zinnen)
        te_verdedigen = verdedigbaar(sleutel)
        fout[BEWIJS] = [z for z in range(1, _aantal_zinnen(opgave) + 1)
                        if z not in sleutel.bewijs.zinnen and z not in te_verdedigen][:2]
    ongeldig = {lijst.items[0].id: "veel", ZWAKSTE: 7, BEWIJS: "zin 3"}
    return {"goed": goed, "fout": fout, "ongeldig": ongeldig}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """The statements as ratings on the scale (each with its reference band), the weakest
    part and the evidence sentences as choices (the reference marked). A group's spread of
    leans spans questions: see :func:`afwijkingen` and ``groep.groepsneigingen``."""
    lijst = vragenlijst(opgave)
    laag, hoog = lijst.schaal.min, lijst.schaal.max
    gelezen = [lees(opgave, a) for a in antwoorden]
    items = []
    for d in lijst.dimensies:
        for item in d.items:
            band = None
            if sleutel is not None:
                b = itemband(sleutel, item, lijst)
                band = (b.laag, b.hoog)
            items.append(Schaalitem(item.tekst, d.naam,
                                    tuple(g.scores.get(item.id) for g in gelezen), band))
    delen: list = [Beoordelingen("De stellingen", (laag, hoog), dict(lijst.schaal.labels),
                                 tuple(items))]
    ids = [d.id for d in lijst.dimensies]
    if ZWAKSTE in opgave.punten:
        ref = sleutel.zwakste.dimensie if sleutel is not None else None
        delen.append(Keuzes("Het zwakste onderdeel",
                            tuple(Optie(d.naam, d.id == ref) for d in lijst.dimensies),
                            tuple((ids.index(g.zwakste),) if g.zwakste else () for g in gelezen)))
    if BEWIJS in opgave.punten:
        from werkalliantie.leren.casussen import laad_casus

        zinnen = laad_casus(opgave.casus).fragment(opgave.fragment).zinnen
        juist = set(sleutel.bewijs.zinnen) if sleutel is not None else set()
        delen.append(Keuzes("De zinnen die het laten zien",
                            tuple(Optie(f"Zin {n}: {z}", n in juist)
                                  for n, z in enumerate(zinnen, 1)),
                            tuple(tuple(z - 1 for z in g.bewijs or ()) for g in gelezen),
                            meer=True))
    return delen


def afwijkingen(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> list[Afwijking]:
    """Where each fully rated dimension of ``antwoord`` lies against its reference band: a
    rater's lean over several fragments is made of these (``groep.neigingen``)."""
    lijst = vragenlijst(opgave)
    gelezen = lees(opgave, antwoord)
    banden = dimensiebanden(sleutel, lijst)
    uit = []
    for volgorde, d in enumerate(lijst.dimensies):
        score = dimensiescore(gelezen.scores, d)
        if score is None:
            continue
        band = banden[d.id]
        uit.append(Afwijking(f"{lijst.id}.{d.id}", d.naam, d.let_op, d.omgekeerd, score,
                             (band.laag, band.hoog), band.midden, volgorde))
    return uit


DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _controleer_beoordelingen(opgave: Opgave, sleutel: Sleutel,
                              lijst: Vragenlijst) -> list[tuple[str, str]]:
    problemen = []
    items = {i.id for i in lijst.items}
    dimensies = {d.id for d in lijst.dimensies}
    zinnen = _aantal_zinnen(opgave)
    for n, b in enumerate(sleutel.beoordelingen, 1):
        plek = f"sleutel.beoordelingen[{n}]"
        if not DATUM.match(b.datum):
            problemen.append((f"{plek}.datum", "schrijf de datum als JJJJ-MM-DD, tussen aanhalingstekens"))
        if set(b.scores) != items:
            mist = sorted(items - set(b.scores))
            problemen.append((f"{plek}.scores", "geef elke stelling precies één score"
                              + (f"; er mist {', '.join(mist)}" if mist else "")))
        if any(not lijst.schaal.min <= s <= lijst.schaal.max for s in b.scores.values()):
            problemen.append((f"{plek}.scores", "een score valt buiten de schaal"))
        if b.zwakste is not None and b.zwakste not in dimensies:
            problemen.append((f"{plek}.zwakste", "dit is geen onderdeel van de vragenlijst"))
        if b.bewijs is not None and any(not 1 <= z <= zinnen for z in b.bewijs):
            problemen.append((f"{plek}.bewijs", f"het fragment heeft {zinnen} zinnen"))
    if sum(b.onafhankelijk for b in sleutel.beoordelingen) < MIN_ONAFHANKELIJK:
        problemen.append(("sleutel.beoordelingen", f"minstens {MIN_ONAFHANKELIJK} beoordelingen "
                          "horen onafhankelijk te zijn (onafhankelijk: true)"))
    if all(b.onafhankelijk for b in sleutel.beoordelingen):
        problemen.append(("sleutel.beoordelingen", "de eigen beoordeling van de cursus ontbreekt "
                          "(onafhankelijk: false)"))
    return problemen


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    problemen = []
    if opgave.opties.vragenlijst not in vragenlijsten():
        return [("opties.vragenlijst", f"'{opgave.opties.vragenlijst}' is geen bekende "
                 "vragenlijst; kies uit " + ", ".join(vragenlijsten()))]
    if opgave.casus is None or opgave.fragment is None:
        problemen.append(("fragment", "een beoordeling hoort bij een casus en een fragment"))
    if sleutel is None:
        return problemen
    lijst = vragenlijst(opgave)
    for d in lijst.dimensies:
        if d.id not in sleutel.referentie:
            problemen.append((f"sleutel.referentie.{d.id}", "deze referentie ontbreekt"))
    problemen += _controleer_beoordelingen(opgave, sleutel, lijst)
    for extra in set(sleutel.referentie) - {d.id for d in lijst.dimensies}:
        problemen.append((f"sleutel.referentie.{extra}", "dit onderdeel hoort niet bij de vragenlijst"))
    for deel, ref in ((ZWAKSTE, sleutel.zwakste), (BEWIJS, sleutel.bewijs)):
        if (deel in opgave.punten) != (ref is not None):
            problemen.append((f"sleutel.{deel}", "hoort er te staan precies als punten."
                              f"{deel} er staat"))
    if sleutel.zwakste is not None and sleutel.zwakste.dimensie not in {d.id for d in lijst.dimensies}:
        problemen.append(("sleutel.zwakste.dimensie", "dit is geen onderdeel van de vragenlijst"))
    elif sleutel.zwakste is not None and not problemen:
        # The weakest part must follow from the ratings themselves, unambiguously: it alone
        # has the weakest middle of its band.
        sterktes = {d.id: sterkte(dimensieband(sleutel, d, lijst).midden, d, lijst)
                    for d in lijst.dimensies}
        laagste = min(sterktes.values())
        if [d for d, s in sterktes.items() if s == laagste] != [sleutel.zwakste.dimensie]:
            problemen.append(("sleutel.zwakste.dimensie", "dit volgt niet uit de beoordelingen: "
                              "het zwakste onderdeel heeft als enige het zwakste midden van "
                              "zijn referentieband"))
    if sleutel.bewijs is not None:
        zinnen = _aantal_zinnen(opgave)
        if any(not 1 <= z <= zinnen for z in sleutel.bewijs.zinnen):
            problemen.append(("sleutel.bewijs.zinnen", f"het fragment heeft {zinnen} zinnen"))
    return problemen


def op_papier(opgave: Opgave) -> str:
    """The question on paper (MyST): the statements with a place for the score."""
    lijst = vragenlijst(opgave)
    schaal = ", ".join(f"{w} = {t}" for w, t in lijst.schaal.labels.items())
    regels = [f"Geef bij elke stelling een score ({schaal})."]
    nummer = 0
    for d in lijst.dimensies:
        regels.append(f"\n*{d.naam}*\n")
        for item in d.items:
            nummer += 1
            regels.append(f"{nummer}. {item.tekst} Score: ……")
    if ZWAKSTE in opgave.punten:
        regels.append("\nWelk onderdeel is het zwakst? ……………………")
    if BEWIJS in opgave.punten:
        regels.append("\nWelke zinnen uit het fragment laten dat zien? ……………………")
    return "\n".join(regels)
