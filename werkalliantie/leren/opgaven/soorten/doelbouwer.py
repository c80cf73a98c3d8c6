"""Kind ``doelbouwer``: formulate a goal with the client of a case, as a small plan.

The learner plays the case's professional and fills in, with the client: the life domain
(one of the case's), the goal in the client's words, the first small step, what the client
does and what the professional does, how important and how reachable the client finds the
goal (0 to 10), and whether they agreed on it. Optionally (``opties.gas``) the learner
makes the goal concrete with Goal Attainment Scaling: one indicator and five levels, −2 to
+2, each with a number on that indicator and a short description.

Graded parts, each a rule anyone may read (the book publishes them):

- ``doel``: the goal checker's five criteria (:mod:`werkalliantie.leren.doelen`), the share met;
- ``plan``: the rest of the plan is complete (seven things to fill in), the share filled in;
- ``gas`` (only when the record gives it points): the levels are complete, use one
  indicator throughout, and run in order from −2 to +2; the share of these three checks.

Whether the goal is realistic for this client and in the client's words is graded by a
person: an ``open`` question beside this one, with its rubric. The key is an example plan
and why it works (shown after a practice answer is saved). Low importance or
reachability, or no agreement, gives a hint but costs no points: the learner may have
good reasons, which the open question asks for.

The saved answer is a mapping: ``domein``, ``doel``, ``stap``, ``client_doet``,
``professional_doet`` (text), ``belang`` and ``haalbaar`` (0 to 10), ``afgesproken``
(true or false) and ``gas``: ``{"indicator": text, "niveaus": [five times {"waarde":
number or text, "tekst": text}, from −2 to +2]}``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren.opgaven.getallen import getal_nl, lees_getal
from werkalliantie.leren.opgaven.groep import Getallen, Keuzes, Optie, Teksten
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat

DOEL, PLAN, GAS = "doel", "plan", "gas"
NIVEAUS = ("−2", "−1", "0", "+1", "+2")  # as the learner reads them
MAX_TEKENS = 1000  # per text field
SCHAAL = range(0, 11)  # importance and reachability: 0 to 10
LAAG = 5  # at or below: a hint to talk about it
TEKSTVELDEN = ("doel", "stap", "client_doet", "professional_doet")
# A number in a text; times (9:00) and dates (15-3, 1/4) are not numbers on a scale.
_GETAL = re.compile(r"(?<![\w,.:/-])[+-]?\d+(?:[.,]\d+)?(?!(?!x\b)[\w:/-]|[.,]\d)")
_WOORDGETALLEN = {
    0: ("nul", "geen", "nooit", "niets", "niks", "niet"), 1: ("één",), 2: ("twee",),
    3: ("drie",), 4: ("vier",), 5: ("vijf",), 6: ("zes",), 7: ("zeven",), 8: ("acht",),
    9: ("negen",), 10: ("tien",), 11: ("elf",), 12: ("twaalf",), 20: ("twintig",)}


# --- The record's settings and its key ------------------------------------------------------
UITLEG_DOCENT = (
    "Het doel krijgt punten van de doelencheck (het deel van de vijf criteria waaraan het "
    "voldoet). Het plan krijgt punten als het compleet is: eerste stap, wat de cliënt doet en "
    "wat de professional doet, belang, haalbaarheid en of het doel is afgesproken. Een laag "
    "belang of een lage haalbaarheid geeft een tip, maar kost geen punten.")

@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    gas: bool = True  # show the optional Goal Attainment Scaling part


@dataclass(frozen=True)
class Niveau:
    __pydantic_config__ = {"extra": "forbid"}
    waarde: float
    tekst: str = field(metadata={"tekst": True, "max": 300})


@dataclass(frozen=True)
class Schaal:
    __pydantic_config__ = {"extra": "forbid"}
    indicator: str = field(metadata={"tekst": True, "max": 300})
    niveaus: tuple[Niveau, ...] = field(metadata={"min": 5, "max": 5})  # −2 .. +2


@dataclass(frozen=True)
class Plan:
    __pydantic_config__ = {"extra": "forbid"}
    domein: str = field(metadata={"tekst": True})
    doel: str = field(metadata={"tekst": True, "max": MAX_TEKENS})
    stap: str = field(metadata={"tekst": True, "max": MAX_TEKENS})
    client_doet: str = field(metadata={"tekst": True, "max": MAX_TEKENS})
    professional_doet: str = field(metadata={"tekst": True, "max": MAX_TEKENS})
    belang: int
    haalbaar: int
    afgesproken: bool
    gas: Schaal | None = None


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    voorbeeld: Plan
    toelichting: str = field(metadata={"tekst": True})


# --- Reading an answer -------------------------------------------------------------------

def namen(opgave: Opgave) -> tuple[str, str]:
    """The client's and the professional's names in the question's case."""
    from werkalliantie.leren.casussen import laad_casus

    casus = laad_casus(opgave.casus)
    return casus.client.naam, casus.professional.naam


def domeinen(opgave: Opgave) -> tuple[str, ...]:
    """The life domains the case describes: the learner chooses one of these."""
    from werkalliantie.leren.casussen import laad_casus

    return tuple(d.domein for d in laad_casus(opgave.casus).levensdomeinen)


def _tekst(waarde: Any) -> str:
    return waarde[:MAX_TEKENS] if isinstance(waarde, str) else ""


def _schaalwaarde(waarde: Any) -> int | None:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return None
    if isinstance(waarde, float) and (not math.isfinite(waarde) or not waarde.is_integer()):
        return None
    return int(waarde) if int(waarde) in SCHAAL else None


@dataclass(frozen=True)
class Gelezen:
    """The usable parts of an answer (empty text, None: not filled in) and messages."""

    domein: str | None
    teksten: dict[str, str]
    belang: int | None
    haalbaar: int | None
    afgesproken: bool | None
    indicator: str
    niveaus: tuple[tuple[float | None, str], ...]  # five (number, description)
    meldingen: tuple[str, ...]

    @property
    def gas_begonnen(self) -> bool:
        return bool(self.indicator.strip()) or any(w is not None or t.strip() for w, t in self.niveaus)


def lees(opgave: Opgave, antwoord: Any) -> Gelezen:
    meldingen = []
    if not isinstance(antwoord, Mapping):
        meldingen.append("Je opgeslagen antwoord heeft een vorm die we niet kennen. Vul je plan "
                         "opnieuw in en klik op 'Opslaan'.")
        antwoord = {}
    domein = antwoord.get("domein")
    if domein is not None and domein not in domeinen(opgave):
        meldingen.append("Het levensdomein in je antwoord hoort niet bij deze casus; het telt niet mee.")
        domein = None
    belang, haalbaar = _schaalwaarde(antwoord.get("belang")), _schaalwaarde(antwoord.get("haalbaar"))
    if (antwoord.get("belang") is not None and belang is None) or (
            antwoord.get("haalbaar") is not None and haalbaar is None):
        meldingen.append("Een score in je antwoord ligt niet tussen 0 en 10; die telt niet mee.")
    afgesproken = antwoord.get("afgesproken")
    if not isinstance(afgesproken, bool):
        afgesproken = None
    gas = antwoord.get("gas")
    gas = gas if isinstance(gas, Mapping) else {}
    ruwe_niveaus = gas.get("niveaus")
    ruwe_niveaus = ruwe_niveaus if isinstance(ruwe_niveaus, list) else []
    niveaus = []
    for i in range(len(NIVEAUS)):
        n = ruwe_niveaus[i] if i < len(ruwe_niveaus) and isinstance(ruwe_niveaus[i], Mapping) else {}
        niveaus.append((lees_getal(n.get("waarde")), _tekst(n.get("tekst"))))
    return Gelezen(domein, {v: _tekst(antwoord.get(v)) for v in TEKSTVELDEN}, belang, haalbaar,
                   afgesproken, _tekst(gas.get("indicator")), tuple(niveaus), tuple(meldingen))


# --- The rules ---------------------------------------------------------------------------

def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    delen = [Onderdeel(DOEL, "Je doel"), Onderdeel(PLAN, "Je plan")]
    if GAS in opgave.punten:
        delen.append(Onderdeel(GAS, "Je GAS-niveaus"))
    return delen


def ontbreekt(opgave: Opgave, g: Gelezen, met_doel: bool = True) -> list[str]:
    """What the plan still lacks, in Dutch; empty when it is complete. Without the goal
    itself (``met_doel=False``) there are seven things: the plan's points."""
    client, professional = namen(opgave)
    open_ = []
    if g.domein is None:
        open_.append("het levensdomein")
    if met_doel and not g.teksten["doel"].strip():
        open_.append("het doel")
    for veld, wat in (("stap", "de eerste kleine stap"),
                      ("client_doet", f"wat {client} doet"),
                      ("professional_doet", f"wat jij ({professional}) doet")):
        if not g.teksten[veld].strip():
            open_.append(wat)
    if g.belang is None:
        open_.append(f"hoe belangrijk {client} het doel vindt")
    if g.haalbaar is None:
        open_.append(f"hoe haalbaar {client} het doel vindt")
    if g.afgesproken is None:
        open_.append("of jullie het eens zijn over het doel")
    return open_


PLANVELDEN = 7  # what ontbreekt(met_doel=False) can name


def signalen(opgave: Opgave, g: Gelezen) -> list[str]:
    """Hints on the client's own view of the goal; they cost no points."""
    client, _ = namen(opgave)
    regels = []
    if g.belang is not None and g.belang <= LAAG:
        regels.append(f"{client} vindt dit doel niet zo belangrijk ({g.belang} van 10). Is het "
                      f"wel het doel van {client}? Vraag wat voor {client} belangrijker is.")
    if g.haalbaar is not None and g.haalbaar <= LAAG:
        regels.append(f"{client} vindt het doel moeilijk haalbaar ({g.haalbaar} van 10). Maak het "
                      "doel of de eerste stap kleiner. Met de vijf niveaus van GAS maak je samen "
                      "concreet wat haalbaar is.")
    if g.afgesproken is False:
        regels.append(f"Jullie zijn het nog niet eens over dit doel. Zonder afspraak samen is het "
                      f"nog geen gedeeld doel. Vraag {client} wat er anders moet.")
    return regels


def _noemt(tekst: str, waarde: float) -> bool:
    """Does ``tekst`` name the number ``waarde`` (in digits, or as a Dutch word)?"""
    getallen = [lees_getal(g) for g in _GETAL.findall(tekst)]
    if any(g is not None and abs(g - waarde) < 1e-9 for g in getallen):
        return True
    woorden = set(re.findall(r"[^\W\d_]+", tekst.lower()))
    return waarde.is_integer() and bool(woorden & set(_WOORDGETALLEN.get(int(waarde), ())))


def gas_controle(g: Gelezen) -> dict[str, str | None]:
    """The three checks of the GAS levels: None when met, else a Dutch hint."""
    open_ = [NIVEAUS[i] for i, (w, t) in enumerate(g.niveaus) if w is None or not t.strip()]
    compleet = None
    if not g.indicator.strip():
        compleet = "Schrijf op waaraan jullie het resultaat meten: de indicator."
    elif open_:
        compleet = ("Vul bij elk niveau een getal en een korte beschrijving in. Nog open: niveau "
                    + ", ".join(open_) + ".")
    waarden = [w for w, _ in g.niveaus]
    indicator = None
    if compleet is not None:
        indicator = "Dat kunnen we pas nakijken als alle vijf niveaus zijn ingevuld."
    else:
        toegestaan = [lees_getal(x) for x in _GETAL.findall(g.indicator)]
        for naam, (w, t) in zip(NIVEAUS, g.niveaus, strict=True):
            if not _noemt(t, w):
                indicator = (f"Bij niveau {naam} noem je het getal {getal_nl(w)} niet in de beschrijving. "
                             "Beschrijf elk niveau met zijn eigen getal op dezelfde indicator.")
                break
            anders = [x for x in (lees_getal(y) for y in _GETAL.findall(t))
                      if x is not None and abs(x - w) > 1e-9
                      and not any(a is not None and abs(a - x) < 1e-9 for a in toegestaan)]
            if anders:
                indicator = (f"Bij niveau {naam} noem je ook {getal_nl(anders[0])}. Houd het bij één "
                             "indicator: één getal per niveau, op dezelfde maat.")
                break
    volgorde = None
    if any(w is None for w in waarden):
        volgorde = "Vul bij alle vijf niveaus een getal in, dan kijken we de volgorde na."
    else:
        stappen = [b - a for a, b in zip(waarden, waarden[1:])]
        if not (all(s > 0 for s in stappen) or all(s < 0 for s in stappen)):
            volgorde = ("De getallen lopen niet steeds op (of steeds af) van −2 naar +2: "
                        + ", ".join(getal_nl(w) for w in waarden) + ". Niveau +2 is het beste "
                        "resultaat, −2 het slechtste, en geen twee niveaus zijn gelijk.")
    return {"compleet": compleet, "indicator": indicator, "volgorde": volgorde}


def _deel(opgave: Opgave, onderdeel: str, naam: str, aandeel: float, feedback, uitleg=()) -> Deelresultaat:
    max_ = opgave.punten[onderdeel]
    return Deelresultaat(onderdeel, naam, min(round(max_ * aandeel * 2) / 2, max_), max_,
                         tuple(feedback), tuple(uitleg))


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    from werkalliantie.leren.doelen import CRITERIA, beoordeel

    g = lees(opgave, antwoord)
    v = sleutel.voorbeeld if sleutel else None
    client, professional = namen(opgave)

    doel = g.teksten["doel"]
    if doel.strip():
        oordeel = beoordeel(doel)
        voldaan = sum(oordeel.criteria.values())
        doelfeedback = [f"Je doel voldoet aan {voldaan} van de {len(CRITERIA)} criteria.", *oordeel.feedback]
    else:
        voldaan, doelfeedback = 0, ["Je hebt nog geen doel geschreven."]
    uitleg = [f"Een voorbeeld: '{v.doel}' {sleutel.toelichting}"] if v else []
    delen = [_deel(opgave, DOEL, "Je doel", voldaan / len(CRITERIA), doelfeedback, uitleg)]

    open_ = ontbreekt(opgave, g, met_doel=False)
    planfeedback = (["Je plan is compleet."] if not open_ else
                    ["Nog niet ingevuld: " + ", ".join(open_) + "."])
    planuitleg = ([f"In het voorbeeld is de eerste stap: '{v.stap}'", f"{client} doet: '{v.client_doet}'",
                   f"{professional} doet: '{v.professional_doet}'"] if v else [])
    delen.append(_deel(opgave, PLAN, "Je plan", 1 - len(open_) / PLANVELDEN,
                       [*planfeedback, *signalen(opgave, g)], planuitleg))

    if GAS in opgave.punten:
        controle = gas_controle(g)
        fouten = [h for h in controle.values() if h]
        gasfeedback = ["Je niveaus zijn compleet, gebruiken één indicator en staan in de goede "
                       "volgorde."] if not fouten else list(dict.fromkeys(fouten))
        gasuitleg = []
        if v and v.gas:
            gasuitleg = [f"In het voorbeeld is de indicator: '{v.gas.indicator}'",
                         *(f"{n}: {nv.tekst}" for n, nv in zip(NIVEAUS, v.gas.niveaus, strict=True))]
        delen.append(_deel(opgave, GAS, "Je GAS-niveaus",
                           sum(h is None for h in controle.values()) / len(controle),
                           gasfeedback, gasuitleg))
    return Resultaat(opgave.id, tuple(delen), g.meldingen)


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    from werkalliantie.leren.doelen import beoordeel

    g = lees(opgave, antwoord)
    hints = list(g.meldingen)
    open_ = ontbreekt(opgave, g)
    if open_:
        hints.append("Nog niet ingevuld: " + ", ".join(open_) + ".")
    if g.teksten["doel"].strip():
        hints.extend(beoordeel(g.teksten["doel"]).feedback)
    hints.extend(signalen(opgave, g))
    if opgave.opties.gas and g.gas_begonnen:
        hints.extend(dict.fromkeys(h for h in gas_controle(g).values() if h))
    return hints


def onbeantwoord(opgave: Opgave, antwoord: Any) -> list[str]:
    """The plan's fields still empty; the goal checker's hints, the signals and the
    optional GAS levels are advice."""
    open_ = ontbreekt(opgave, lees(opgave, antwoord))
    return ["Nog niet ingevuld: " + ", ".join(open_) + "."] if open_ else []


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    g = lees(opgave, antwoord)
    client, professional = namen(opgave)

    def t(tekst: str) -> str:
        return tekst if tekst.strip() else "(leeg)"

    def s(score: int | None) -> str:
        return "(leeg)" if score is None else f"{score} van 10"

    regels = [
        f"Levensdomein: {g.domein or '(leeg)'}",
        f"Doel: {t(g.teksten['doel'])}",
        f"Eerste stap: {t(g.teksten['stap'])}",
        f"Wat {client} doet: {t(g.teksten['client_doet'])}",
        f"Wat {professional} doet: {t(g.teksten['professional_doet'])}",
        f"Hoe belangrijk {client} het vindt: {s(g.belang)}",
        f"Hoe haalbaar {client} het vindt: {s(g.haalbaar)}",
        "Samen afgesproken: " + {True: "ja", False: "nee", None: "(leeg)"}[g.afgesproken],
    ]
    if g.gas_begonnen:
        regels.append(f"GAS, indicator: {t(g.indicator)}")
        regels.extend(f"  {n}: {'?' if w is None else getal_nl(w)} – {t(tekst)}"
                      for n, (w, tekst) in zip(NIVEAUS, g.niveaus, strict=True))
    return [*regels, *g.meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """The key's example plan, a plan of the right shape that meets nothing (a vague goal,
    nothing else filled in, GAS levels empty), and an invalid answer."""
    v = sleutel.voorbeeld
    goed = {"domein": v.domein, "doel": v.doel, "stap": v.stap, "client_doet": v.client_doet,
            "professional_doet": v.professional_doet, "belang": v.belang,
            "haalbaar": v.haalbaar, "afgesproken": v.afgesproken}
    if v.gas is not None:
        goed["gas"] = {"indicator": v.gas.indicator,
                       "niveaus": [{"waarde": n.waarde, "tekst": n.tekst} for n in v.gas.niveaus]}
    fout = {"domein": None, "doel": "Minder stress.", "stap": "", "client_doet": "",
            "professional_doet": "", "belang": None, "haalbaar": None, "afgesproken": None,
            "gas": {"indicator": "", "niveaus": [{"waarde": "", "tekst": ""} for _ in NIVEAUS]}}
    return {"goed": goed, "fout": fout, "ongeldig": "mijn plan"}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """The group's goals, what the goal checker found in them, and how important and how
    reachable the clients found them."""
    from werkalliantie.leren.doelen import CRITERIA, LABELS, beoordeel

    gelezen = [lees(opgave, a) for a in antwoorden]
    doelen = [g.teksten["doel"] for g in gelezen if g.teksten["doel"].strip()]
    gekozen = tuple(tuple(i for i, c in enumerate(CRITERIA) if beoordeel(d).criteria[c])
                    for d in doelen)
    return [Teksten("De doelen van de groep", tuple(doelen)),
            Keuzes("Wat de doelcontrole in deze doelen vond",
                   tuple(Optie(LABELS[c]) for c in CRITERIA), gekozen, meer=True),
            Getallen("Hoe belangrijk de cliënt het doel vindt (0 tot 10)",
                     tuple(g.belang for g in gelezen)),
            Getallen("Hoe haalbaar de cliënt het doel vindt (0 tot 10)",
                     tuple(g.haalbaar for g in gelezen))]


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    if opgave.casus is None:
        return [("casus", "een doelbouwer hoort bij een casus")]
    problemen = []
    if GAS in opgave.punten and not opgave.opties.gas:
        problemen.append(("punten.gas", "punten voor GAS kan alleen met opties.gas: true"))
    if sleutel is not None:
        problemen.extend(controleer_sleutel(opgave, sleutel))
    return problemen


def controleer_sleutel(opgave: Opgave, sleutel: Sleutel) -> list[tuple[str, str]]:
    """The example plan must itself earn every point."""
    from werkalliantie.leren.doelen import beoordeel

    v = sleutel.voorbeeld
    problemen = []
    if v.domein not in domeinen(opgave):
        problemen.append(("sleutel.voorbeeld.domein", "kies een levensdomein uit de casus: "
                          + ", ".join(domeinen(opgave))))
    if not all(beoordeel(v.doel).criteria.values()):
        problemen.append(("sleutel.voorbeeld.doel", "het voorbeeld voldoet zelf niet aan alle criteria"))
    if v.belang not in SCHAAL or v.haalbaar not in SCHAAL:
        problemen.append(("sleutel.voorbeeld", "belang en haalbaar liggen tussen 0 en 10"))
    if opgave.opties.gas and v.gas is None:
        problemen.append(("sleutel.voorbeeld.gas", "geef ook een voorbeeld van de GAS-niveaus"))
    elif v.gas is not None:
        fouten = [h for h in gas_controle(lees(opgave, voorbeelden(opgave, sleutel)["goed"])).values() if h]
        if fouten:
            problemen.append(("sleutel.voorbeeld.gas", fouten[0]))
    return problemen


def op_papier(opgave: Opgave) -> str:
    return "\n".join([
        "- Levensdomein: ……………………",
        "- Het doel, in de woorden van de cliënt: ……………………………………………",
        "- De eerste kleine stap: ……………………………………………",
        "- Wat doet de cliënt? ……………………  Wat doet de professional? ……………………",
        "- Hoe belangrijk vindt de cliënt het (0 tot 10)? ……  Hoe haalbaar (0 tot 10)? ……",
        "- Hebben jullie het samen afgesproken? ja / nee",
    ])
