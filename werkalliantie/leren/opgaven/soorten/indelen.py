"""Kind ``indelen``: sort statements into categories.

Each item (a statement, or a quote from a case file) gets one category (``meer: false``:
e.g. life world or system world) or every category that fits (``meer: true``: e.g. which
working elements a quote shows, which goal criteria a goal meets). Partial credit: the
share of right decisions, in half points. With one category per item a decision is an
item; with several, a decision is an (item, category) pair: ticked or not.

The saved answer maps item id to a category id (one) or a list of category ids (several).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkalliantie.leren.opgaven.groep import Keuzes, Optie
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat

DEEL = "indeling"

UITLEG_DOCENT = (
    "Bij één categorie per uitspraak: punten naar het deel van de uitspraken dat goed is "
    "ingedeeld. Bij meer categorieën telt elke keuze per uitspraak en categorie (past wel of "
    "past niet); een uitspraak zonder vinkje telt als fout. Punten in halve punten.")

@dataclass(frozen=True)
class Item:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    tekst: str | None = field(default=None, metadata={"tekst": True, "max": 600})
    citaat: str | None = None  # "<casus>/<citaat-id>": a quote from a case file


@dataclass(frozen=True)
class Categorie:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    naam: str = field(metadata={"tekst": True, "max": 80})


@dataclass(frozen=True)
class Opties:
    __pydantic_config__ = {"extra": "forbid"}
    items: tuple[Item, ...] = field(metadata={"min": 2, "max": 20})
    categorieen: tuple[Categorie, ...] = field(metadata={"min": 2, "max": 6})
    meer: bool = False  # an item may belong to several categories


@dataclass(frozen=True)
class Sleutel:
    __pydantic_config__ = {"extra": "forbid"}
    indeling: dict[str, tuple[str, ...]]  # item id: its categories (one unless meer)
    uitleg: dict[str, str] = field(default_factory=dict)  # item id: why


def onderdelen(opgave: Opgave) -> list[Onderdeel]:
    return [Onderdeel(DEEL, "Je indeling")]


def itemtekst(item: Item) -> tuple[str, str | None]:
    """The item's text, and who said it when it is a quote from a case."""
    if item.citaat is None:
        return item.tekst or "", None
    from werkalliantie.leren.casussen import laad_casus

    casus, citaat = item.citaat.split("/", 1)
    c = laad_casus(casus).citaat(citaat)
    return c.tekst, c.wie


def lees(opgave: Opgave, antwoord: Any) -> tuple[dict[str, frozenset[str]], list[str]]:
    """The valid choices per item, and Dutch messages on what was not valid."""
    if not isinstance(antwoord, Mapping):
        return {}, ["Je opgeslagen antwoord heeft een vorm die we niet kennen. "
                    "Deel de uitspraken opnieuw in en klik op 'Opslaan'."]
    categorieen = {c.id for c in opgave.opties.categorieen}
    keuzes, meldingen = {}, set()
    for item in opgave.opties.items:
        waarde = antwoord.get(item.id)
        if waarde is None:
            continue
        gekozen = [waarde] if isinstance(waarde, str) else waarde
        if (not isinstance(gekozen, list) or not all(isinstance(g, str) and g in categorieen for g in gekozen)
                or (not opgave.opties.meer and len(gekozen) > 1)):
            meldingen.add("Een van je keuzes hoort niet bij deze vraag; die telt niet mee.")
            continue
        keuzes[item.id] = frozenset(gekozen)
    if set(antwoord) - {i.id for i in opgave.opties.items}:
        meldingen.add("Je antwoord bevat onderdelen die niet bij deze vraag horen; die tellen niet mee.")
    return keuzes, sorted(meldingen)


def _namen(opgave: Opgave, ids) -> str:
    namen = [c.naam for c in opgave.opties.categorieen if c.id in ids]
    return ", ".join(namen) if namen else "geen"


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Sleutel) -> Resultaat:
    keuzes, meldingen = lees(opgave, antwoord)
    items = opgave.opties.items
    categorieen = [c.id for c in opgave.opties.categorieen]
    goed_items, goed_besluiten = 0, 0
    uitleg = []
    for n, item in enumerate(items, 1):
        juist = frozenset(sleutel.indeling[item.id])
        gekozen = keuzes.get(item.id, frozenset())
        goed_items += gekozen == juist
        # An item with nothing ticked is not answered (every item fits at least one
        # category): it earns nothing, so an empty answer never earns points.
        if gekozen:
            goed_besluiten += sum((c in gekozen) == (c in juist) for c in categorieen)
        regel = f"{n}. Het antwoordmodel: {_namen(opgave, juist)}."
        if item.id in sleutel.uitleg:
            regel += f" {sleutel.uitleg[item.id]}"
        uitleg.append(regel)
    max_ = opgave.punten[DEEL]
    if opgave.opties.meer:
        aandeel = goed_besluiten / (len(items) * len(categorieen))
        feedback = (f"Van je {len(items) * len(categorieen)} keuzes (per uitspraak: past deze "
                    f"categorie of niet) {'is' if goed_besluiten == 1 else 'zijn'} er "
                    f"{goed_besluiten} goed. {goed_items} van de {len(items)} uitspraken "
                    "heb je helemaal goed.",)
    else:
        aandeel = goed_items / len(items)
        feedback = (f"Je hebt {goed_items} van de {len(items)} uitspraken goed ingedeeld.",)
    punten = min(round(max_ * aandeel * 2) / 2, max_)
    return Resultaat(opgave.id, (Deelresultaat(DEEL, "Je indeling", punten, max_, feedback,
                                               tuple(uitleg)),), tuple(meldingen))


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    keuzes, meldingen = lees(opgave, antwoord)
    open_ = [n for n, i in enumerate(opgave.opties.items, 1) if i.id not in keuzes]
    if open_ and not opgave.opties.meer:
        meldingen.append("Deze uitspraken heb je nog niet ingedeeld: " + ", ".join(map(str, open_)) + ".")
    elif not keuzes:
        meldingen.append("Je hebt nog niets aangevinkt.")
    return meldingen


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    keuzes, meldingen = lees(opgave, antwoord)
    regels = []
    for n, item in enumerate(opgave.opties.items, 1):
        tekst, wie = itemtekst(item)
        kort = tekst if len(tekst) <= 60 else tekst[:57] + "..."
        regels.append(f"{n}. {kort} -> {_namen(opgave, keuzes.get(item.id, ()))}")
    return [*regels, *meldingen]


def voorbeelden(opgave: Opgave, sleutel: Sleutel) -> dict[str, Any]:
    """A right answer, a wrong one of the right shape, and an invalid one."""
    ids = [c.id for c in opgave.opties.categorieen]
    if opgave.opties.meer:
        goed = {i.id: list(sleutel.indeling[i.id]) for i in opgave.opties.items}
        fout = {i.id: [c for c in ids if c not in sleutel.indeling[i.id]][:1]
                for i in opgave.opties.items}
    else:
        goed = {i.id: sleutel.indeling[i.id][0] for i in opgave.opties.items}
        fout = {i.id: next(c for c in ids if c not in sleutel.indeling[i.id])
                for i in opgave.opties.items}
    return {"goed": goed, "fout": fout,
            "ongeldig": {i.id: 5 for i in opgave.opties.items}}


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Sleutel | None) -> list:
    """Per statement: how the group sorted it."""
    ids = [c.id for c in opgave.opties.categorieen]
    keuzes = [lees(opgave, a)[0] for a in antwoorden]
    delen = []
    for item in opgave.opties.items:
        juist = set(sleutel.indeling.get(item.id, ())) if sleutel is not None else set()
        opties = tuple(Optie(c.naam, c.id in juist) for c in opgave.opties.categorieen)
        gekozen = tuple(tuple(ids.index(c) for c in sorted(k.get(item.id, ()), key=ids.index))
                        for k in keuzes)
        delen.append(Keuzes(itemtekst(item)[0], opties, gekozen, opgave.opties.meer))
    return delen


def controleer(opgave: Opgave, sleutel: Sleutel | None) -> list[tuple[str, str]]:
    from werkalliantie.leren.casussen import alle_casussen

    problemen = []
    items = [i.id for i in opgave.opties.items]
    categorieen = {c.id for c in opgave.opties.categorieen}
    if len(set(items)) != len(items):
        problemen.append(("opties.items", "twee uitspraken hebben dezelfde id"))
    if len(categorieen) != len(opgave.opties.categorieen):
        problemen.append(("opties.categorieen", "twee categorieën hebben dezelfde id"))
    for n, item in enumerate(opgave.opties.items, 1):
        if (item.tekst is None) == (item.citaat is None):
            problemen.append((f"opties.items[{n}]", "geef precies één van tekst en citaat"))
        elif item.citaat is not None:
            casus, _, citaat = item.citaat.partition("/")
            casussen = alle_casussen()
            bekend = {c.id for c in (*casussen[casus].citaten, *casussen[casus].uitspraken)} if casus in casussen else set()
            if citaat not in bekend:
                problemen.append((f"opties.items[{n}].citaat",
                                  f"'{item.citaat}' is geen citaat in data/casussen/"))
    if sleutel is not None:
        if set(sleutel.indeling) != set(items):
            problemen.append(("sleutel.indeling", "geef elke uitspraak precies één keer een indeling"))
        for item_id, gekozen in sleutel.indeling.items():
            if (not gekozen or not set(gekozen) <= categorieen
                    or (not opgave.opties.meer and len(gekozen) != 1)):
                problemen.append((f"sleutel.indeling.{item_id}",
                                  "kies bestaande categorieën (één, of meer als meer: true)"))
        if not set(sleutel.uitleg) <= set(items):
            problemen.append(("sleutel.uitleg", "noem alleen ids uit opties.items"))
    return problemen


def op_papier(opgave: Opgave) -> str:
    vakjes = "   ".join(f"☐ {c.naam}" for c in opgave.opties.categorieen)
    regels = ["Kruis bij elke uitspraak " + ("alles aan wat past." if opgave.opties.meer else "aan wat past.")]
    for n, item in enumerate(opgave.opties.items, 1):
        tekst, wie = itemtekst(item)
        regels.append(f"{n}. {tekst}" + (f" *({wie})*" if wie else "") + f"  \n   {vakjes}")
    return "\n".join(regels)
