"""Kind ``beoordeling``: rate the working alliance in a fragment of a case.

The learner gives each of the course's own items a score on the questionnaire's scale
(``data/vragenlijsten.yaml``: Bordin's goals, tasks and bond; Menger's four
characteristics for a mandated setting). A dimension's score is the mean of its items;
it earns its points when it lies within ``marge`` of the reference. Optional parts, when
the record gives them points: ``zwakste`` (which dimension is weakest) and ``bewijs``
(the sentences of the fragment that show it; partial credit).

The saved answer is a mapping: item id to score, plus ``zwakste`` (a dimension id) and
``bewijs`` (sentence numbers, from 1) when those parts are asked.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren import gegevens
from werkalliantie.leren.opgaven.getallen import aantal
from werkalliantie.leren.opgaven.groep import Beoordelingen, Keuzes, Optie, Schaalitem
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat, getal

ZWAKSTE = "zwakste"
BEWIJS = "bewijs"


# --- The questionnaires (course-wide data, referred to by name) ----------------------------
UITLEG_DOCENT = (
    "De student geeft bij elke stelling een score. De stellingen horen bij de onderdelen van "
    "de werkalliantie. De score van een onderdeel is het gemiddelde van de stellingen. Ligt "
    "dat gemiddelde hooguit de marge (meestal 1 punt) van het antwoordmodel? Dan krijgt de "
    "student alle punten van dat onderdeel, anders 0. Een onderdeel met een open stelling "
    "krijgt 0. Een voorbeeld met een antwoordmodel van 3: een student die 4, 4 en 3 geeft, "
    "zit op 3,7 en krijgt de punten; 5, 4 en 4 geeft 4,3 en dus 0 punten. Het zwakste "
    "onderdeel is goed of fout. Bij het bewijs krijgt de student punten voor elke zin die ook "
    "in het antwoordmodel staat, min een voor elke zin die er niet in staat (nooit minder dan "
    "0, in halve punten).")

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
    marge: float = 1.0  # a dimension within this distance of the reference earns its points


@dataclass(frozen=True)
class Referentie:
    __pydantic_config__ = {"extra": "forbid"}
    score: float
    toelichting: str = field(metadata={"tekst": True})


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
    zwakste: Keuzereferentie | None = None
    bewijs: Bewijsreferentie | None = None


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


def _dimensie(opgave: Opgave, d: Dimensie, score: float | None, sleutel: Sleutel) -> Deelresultaat:
    max_ = opgave.punten[d.id]
    ref = sleutel.referentie[d.id]
    marge = opgave.opties.marge
    if score is None:
        return Deelresultaat(d.id, d.naam, 0.0, max_, (
            f"{d.naam}: je hebt niet alle stellingen beantwoord.",))
    raak = abs(score - ref.score) <= marge + 1e-9
    if raak:
        oordeel = f"Dat ligt binnen {getal(marge)} punt van het antwoordmodel."
    else:
        richting = "hoger" if score > ref.score else "lager"
        oordeel = f"Dat is meer dan {getal(marge)} punt {richting} dan het antwoordmodel."
    return Deelresultaat(
        d.id, d.naam, max_ if raak else 0.0, max_,
        (f"{d.naam}: jouw score is {getal(score)}. {oordeel}",),
        (f"Het antwoordmodel geeft {getal(ref.score)}. Waarom: {ref.toelichting}",))


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
         + ("Dat klopt met het antwoordmodel." if goed else "Het antwoordmodel kiest een ander onderdeel."),),
        (f"Het antwoordmodel kiest {lijst.dimensie(sleutel.zwakste.dimensie).naam}. "
         f"Waarom: {sleutel.zwakste.toelichting}",))


def _bewijs(opgave: Opgave, gelezen: Gelezen, sleutel: Sleutel) -> Deelresultaat:
    """Partial credit: the share of annotated sentences found, minus wrong picks."""
    max_ = opgave.punten[BEWIJS]
    naam = "Bewijs in het fragment"
    if not gelezen.bewijs:
        return Deelresultaat(BEWIJS, naam, 0.0, max_, ("Je hebt geen zinnen als bewijs gekozen.",))
    juist = set(sleutel.bewijs.zinnen)
    gekozen = set(gelezen.bewijs)
    raak, mis = len(gekozen & juist), len(gekozen - juist)
    aandeel = max(0.0, (raak - mis) / len(juist))
    punten = round(max_ * aandeel * 2) / 2  # half points: readable, never above the maximum
    return Deelresultaat(
        BEWIJS, naam, min(punten, max_), max_,
        (f"Je koos {aantal(len(gekozen), 'zin', 'zinnen')}. Daarvan {'is' if raak == 1 else 'zijn'} er {raak} "
         f"ook gekozen in het antwoordmodel, en {mis} niet.",),
        ("Het antwoordmodel kiest zin " + ", ".join(map(str, sorted(juist)))
         + f". Waarom: {sleutel.bewijs.toelichting}",))


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    lijst = vragenlijst(opgave)
    gelezen = lees(opgave, antwoord)
    delen = [_dimensie(opgave, d, dimensiescore(gelezen.scores, d), sleutel) for d in lijst.dimensies]
    if ZWAKSTE in opgave.punten:
        delen.append(_zwakste(opgave, gelezen, sleutel, lijst))
    if BEWIJS in opgave.punten:
        delen.append(_bewijs(opgave, gelezen, sleutel))
    return Resultaat(opgave.id, tuple(delen), gelezen.meldingen)


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    lijst = vragenlijst(opgave)
    gelezen = lees(opgave, antwoord)
    hints = list(gelezen.meldingen)
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
    """A right answer (item scores whose dimension means equal the reference, rounded to the
    scale), a wrong one of the right shape (every item at the far end of the scale, another
    dimension as weakest, sentences the key does not choose), and an invalid one."""
    lijst = vragenlijst(opgave)
    goed: dict[str, Any] = {}
    fout: dict[str, Any] = {}
    for d in lijst.dimensies:
        doel = sleutel.referentie[d.id].score
        n = len(d.items)
        basis, rest = divmod(round(doel * n), n)
        ver = (lijst.schaal.min if doel - lijst.schaal.min > lijst.schaal.max - doel
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
        fout[BEWIJS] = [z for z in range(1, _aantal_zinnen(opgave) + 1)
                        if z not in sleutel.bewijs.zinnen][:2]
    ongeldig = {lijst.items[0].id: "veel", ZWAKSTE: 7, BEWIJS: "zin 3"}
    return {"goed": goed, "fout": fout, "ongeldig": ongeldig}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """The statements as ratings on the scale (with the reference band), the weakest part
    and the evidence sentences as choices (the reference marked)."""
    lijst = vragenlijst(opgave)
    laag, hoog = lijst.schaal.min, lijst.schaal.max
    gelezen = [lees(opgave, a) for a in antwoorden]
    items = []
    for d in lijst.dimensies:
        band = None
        if sleutel is not None:
            ref = sleutel.referentie[d.id].score
            band = (max(laag, ref - opgave.opties.marge), min(hoog, ref + opgave.opties.marge))
        items += [Schaalitem(item.tekst, d.naam, tuple(g.scores.get(item.id) for g in gelezen),
                             band) for item in d.items]
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
        elif not lijst.schaal.min <= sleutel.referentie[d.id].score <= lijst.schaal.max:
            problemen.append((f"sleutel.referentie.{d.id}.score", "deze score valt buiten de schaal"))
    for extra in set(sleutel.referentie) - {d.id for d in lijst.dimensies}:
        problemen.append((f"sleutel.referentie.{extra}", "dit onderdeel hoort niet bij de vragenlijst"))
    for deel, ref in ((ZWAKSTE, sleutel.zwakste), (BEWIJS, sleutel.bewijs)):
        if (deel in opgave.punten) != (ref is not None):
            problemen.append((f"sleutel.{deel}", "hoort er te staan precies als punten."
                              f"{deel} er staat"))
    if sleutel.zwakste is not None and sleutel.zwakste.dimensie not in {d.id for d in lijst.dimensies}:
        problemen.append(("sleutel.zwakste.dimensie", "dit is geen onderdeel van de vragenlijst"))
    elif sleutel.zwakste is not None and not problemen:
        # The weakest part must follow from the reference scores themselves, unambiguously.
        sterktes = {d.id: sterkte(sleutel.referentie[d.id].score, d, lijst) for d in lijst.dimensies}
        laagste = min(sterktes.values())
        if [d for d, s in sterktes.items() if s == laagste] != [sleutel.zwakste.dimensie]:
            problemen.append(("sleutel.zwakste.dimensie", "dit volgt niet uit de referentiescores: "
                              "het zwakste onderdeel heeft als enige de laagste score"))
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
