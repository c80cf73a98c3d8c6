"""Kind ``sessies``: read the alliance over ten sessions (a case's session series).

The learner reads both lines (client and professional, with the signal threshold) and
answers: in which session the alliance dropped (``daling``), who rates higher
(``hoger``), in which sessions the client's total fell below the threshold (``onder``,
partial credit) and in which session it first reached the threshold (``groei``). The
right answers follow from the series and the session check's rules
(:mod:`werkalliantie.leren.sessies`); the key holds the explanation per part.

The learner can also fill in the session check for a role-play (``rollenspel``): it is
saved and drawn beside the case's lines, but never graded.

The saved answer: {"daling": 6, "hoger": "professional", "onder": [1, 2, 6], "groei": 3,
"rollenspel": {"1": {"client": [8, 7, 6, 7], "professional": [...]}, ...}}.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren import sessies
from werkalliantie.leren.opgaven.getallen import aantal
from werkalliantie.leren.opgaven.groep import Keuzes, Optie
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat

DELEN = {
    "daling": "De daling",
    "hoger": "Wie scoort hoger",
    "onder": "Onder de signaalgrens",
    "groei": "Boven de grens",
}
VRAGEN = {
    "daling": "In welke sessie daalde de werkalliantie?",
    "hoger": "Wie scoort over de tien sessies hoger?",
    "onder": "In welke sessies lag het totaal van de cliënt onder de signaalgrens?",
    "groei": "In welke sessie kwam het totaal van de cliënt voor het eerst boven de signaalgrens?",
}
HOGER = {"client": "de cliënt", "professional": "de professional", "gelijk": "allebei even hoog"}
ROLLENSPEL = "rollenspel"

UITLEG_DOCENT = (
    "De goede antwoorden volgen uit de reeks van de casus en de regels van de sessiecheck "
    "(signaalgrens en daling). De daling, wie hoger scoort en de eerste sessie boven de grens "
    "zijn goed of fout. Bij de sessies onder de grens krijgt de student punten voor elke goede "
    "sessie, min een voor elke foute (nooit minder dan 0, in halve punten). Het rollenspel "
    "telt niet mee.")

@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    rollenspel: bool = True  # offer the session check for a role-play (never graded)


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    toelichting: dict[str, str] = field(default_factory=dict)  # per part: why


def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    return [Onderdeel(d, n) for d, n in DELEN.items() if d in opgave.punten]


def juist(opgave: Opgave) -> dict[str, Any]:
    """The right answer to every part, from the case's series."""
    check = sessies.sessiecheck()
    reeks = sessies.reeks(opgave.casus)
    client = reeks.totalen("client")
    dalingen = sessies.dalingen(client, check)
    return {"daling": dalingen[0] if dalingen else None, "hoger": sessies.hoger(reeks),
            "onder": sessies.onder_drempel(client, check), "groei": sessies.eerst_boven(client, check)}


def _sessie(waarde: Any) -> int | None:
    if isinstance(waarde, int) and not isinstance(waarde, bool) and 1 <= waarde <= 10:
        return waarde
    return None


def lees(opgave: Opgave, antwoord: Any) -> tuple[dict[str, Any], list[str]]:
    """The usable answers per part, and Dutch messages on what was not usable."""
    if not isinstance(antwoord, Mapping):
        return {}, ["Je opgeslagen antwoord heeft een vorm die we niet kennen. "
                    "Vul de vragen opnieuw in en klik op 'Opslaan'."]
    gelezen, meldingen = {}, set()
    for deel in ("daling", "groei"):
        if antwoord.get(deel) is not None:
            if _sessie(antwoord[deel]) is None:
                meldingen.add("Een van je antwoorden is geen sessie van 1 tot 10; die telt niet mee.")
            else:
                gelezen[deel] = antwoord[deel]
    if antwoord.get("hoger") is not None:
        if antwoord["hoger"] in HOGER:
            gelezen["hoger"] = antwoord["hoger"]
        else:
            meldingen.add("Je antwoord op 'wie scoort hoger' is geen keuze uit de lijst.")
    if antwoord.get("onder") is not None:
        onder = antwoord["onder"]
        if isinstance(onder, list) and all(_sessie(s) for s in onder):
            gelezen["onder"] = sorted(set(onder))
        else:
            meldingen.add("Je gekozen sessies onder de grens zijn geen sessies van 1 tot 10.")
    return gelezen, sorted(meldingen)


def rollenspel(antwoord: Any) -> dict[int, dict[str, list[int]]]:
    """The role-play's valid sessions: {session: {rater: [4 scores]}}, anything else left out."""
    ruw = antwoord.get(ROLLENSPEL) if isinstance(antwoord, Mapping) else None
    if not isinstance(ruw, Mapping):
        return {}
    check = sessies.sessiecheck()
    sessies_ = {}
    for sleutel, rij in ruw.items():
        if not (isinstance(sleutel, str) and sleutel.isdigit() and 1 <= int(sleutel) <= 10):
            continue
        if not isinstance(rij, Mapping):
            continue
        geldig = {w: list(s) for w, s in rij.items()
                  if w in sessies.BEOORDELAARS and isinstance(s, list) and len(s) == len(check.themas)
                  and all(isinstance(x, int) and not isinstance(x, bool) and check.MIN <= x <= check.MAX
                          for x in s)}
        if geldig:
            sessies_[int(sleutel)] = geldig
    return dict(sorted(sessies_.items()))


def _sessies(lijst: list[int]) -> str:
    if not lijst:
        return "geen"
    return ", ".join(map(str, lijst[:-1])) + (" en " if len(lijst) > 1 else "") + str(lijst[-1])


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    gelezen, meldingen = lees(opgave, antwoord)
    goed = juist(opgave)
    delen = []
    for onderdeel in onderdelen(opgave):
        d, max_ = onderdeel.id, opgave.punten[onderdeel.id]
        waarde = gelezen.get(d)
        if d == "onder":
            juist_, gekozen = set(goed["onder"]), set(waarde or ())
            raak, mis = len(gekozen & juist_), len(gekozen - juist_)
            punten = round(max_ * max(0.0, (raak - mis) / max(len(juist_), 1)) * 2) / 2
            feedback = (f"Je koos sessie {_sessies(sorted(gekozen))}: {raak} goed en {mis} fout.",)
            model = f"Onder de grens: sessie {_sessies(goed['onder'])}."
        elif d == "hoger":
            punten = max_ if waarde == goed["hoger"] else 0.0
            feedback = (f"Je koos: {HOGER.get(waarde, 'niets')}. "
                        + ("Dat klopt." if punten else "Dat klopt niet."),)
            model = f"Over de tien sessies scoort {HOGER[goed['hoger']]} hoger."
        else:
            punten = max_ if waarde is not None and waarde == goed[d] else 0.0
            feedback = ((f"Je koos sessie {waarde}. " if waarde else "Je koos nog geen sessie. ")
                        + ("Dat klopt." if punten else "Dat klopt niet."),)
            model = f"Het antwoordmodel: sessie {goed[d]}."
        uitleg = (model, *([sleutel.toelichting[d]] if sleutel and d in sleutel.toelichting else []))
        delen.append(Deelresultaat(d, onderdeel.naam, min(punten, max_), max_, feedback, uitleg))
    return Resultaat(opgave.id, tuple(delen), tuple(meldingen))


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    gelezen, meldingen = lees(opgave, antwoord)
    for onderdeel in onderdelen(opgave):
        if onderdeel.id == "onder":
            continue  # no session below the threshold is also an answer
        if onderdeel.id not in gelezen:
            meldingen.append(f"Beantwoord nog: {onderdeel.naam.lower()}")
    return meldingen


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    gelezen, meldingen = lees(opgave, antwoord)
    regels = []
    for onderdeel in onderdelen(opgave):
        waarde = gelezen.get(onderdeel.id)
        if onderdeel.id == "hoger":
            tekst = HOGER.get(waarde, "niet ingevuld")
        elif onderdeel.id == "onder":
            tekst = "sessie " + _sessies(waarde) if waarde else "geen sessie gekozen"
        else:
            tekst = f"sessie {waarde}" if waarde else "niet ingevuld"
        regels.append(f"{onderdeel.naam}: {tekst}")
    spel = rollenspel(antwoord)
    if spel:
        regels.append(f"Rollenspel: {aantal(len(spel), 'sessie', 'sessies')} ingevuld (telt niet mee voor de punten).")
    return [*regels, *meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """The right answers, wrong ones of the right shape, and an invalid answer."""
    goed = juist(opgave)
    anders = {"client": "professional", "professional": "client", "gelijk": "client"}
    fout = {"daling": _andere_sessie(goed["daling"]), "hoger": anders[goed["hoger"]],
            "onder": [s for s in range(1, 11) if s not in goed["onder"]][:1],
            "groei": _andere_sessie(goed["groei"])}
    return {"goed": {d: goed[d] for d in DELEN if d in opgave.punten},
            "fout": {d: fout[d] for d in DELEN if d in opgave.punten},
            "ongeldig": {"daling": "elf", "hoger": 3, "onder": "alle", "groei": -1}}


def _andere_sessie(sessie: int | None) -> int:
    return 1 if sessie != 1 else 2


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """Per question: the sessions (or the choice) the group gave, the right one marked."""
    goed = juist(opgave)
    gelezen = [lees(opgave, a)[0] for a in antwoorden]
    sessies_ = tuple(range(1, 11))
    delen = []
    for deel in DELEN:
        if deel not in opgave.punten:
            continue
        if deel == "hoger":
            ids = list(HOGER)
            opties = tuple(Optie(t, i == goed["hoger"]) for i, t in HOGER.items())
            gekozen = tuple((ids.index(g["hoger"]),) if "hoger" in g else () for g in gelezen)
            delen.append(Keuzes(VRAGEN[deel], opties, gekozen))
            continue
        juiste = set(goed[deel] if deel == "onder" else [goed[deel]])
        opties = tuple(Optie(f"Sessie {s}", s in juiste) for s in sessies_)
        gekozen = tuple(tuple(s - 1 for s in (g[deel] if deel == "onder" else [g[deel]]))
                        if deel in g else () for g in gelezen)
        delen.append(Keuzes(VRAGEN[deel], opties, gekozen, meer=deel == "onder"))
    return delen


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    if opgave.casus not in sessies.reeksen():
        return [("casus", f"casus '{opgave.casus}' heeft geen reeks in "
                 f"data/casussen/{opgave.casus}-sessies.csv")]
    goed = juist(opgave)
    problemen = []
    if "daling" in opgave.punten and goed["daling"] is None:
        problemen.append(("punten.daling", "in deze reeks daalt de werkalliantie nergens"))
    if "groei" in opgave.punten and goed["groei"] is None:
        problemen.append(("punten.groei", "in deze reeks komt de cliënt nooit boven de grens"))
    if sleutel is not None and not set(sleutel.toelichting) <= set(DELEN):
        problemen.append(("sleutel.toelichting", "noem alleen: " + ", ".join(DELEN)))
    return problemen


def op_papier(opgave: Opgave) -> str:
    """The series as a table (a chart needs the computer) and the four questions."""
    reeks = sessies.reeks(opgave.casus)
    check = sessies.sessiecheck()
    kop = "| | " + " | ".join(str(s) for s in reeks.sessies) + " |"
    regels = [f"Het totaal van de sessiecheck per sessie (signaalgrens: {check.drempel}).", "",
              kop, "| --- |" + " --- |" * len(reeks.sessies)]
    for wie in sessies.BEOORDELAARS:
        regels.append(f"| {sessies.NAMEN[wie]} | " + " | ".join(map(str, reeks.totalen(wie))) + " |")
    regels.append("")
    regels.extend(f"- {VRAGEN[d.id]} ……" for d in onderdelen(opgave))
    return "\n".join(regels)
