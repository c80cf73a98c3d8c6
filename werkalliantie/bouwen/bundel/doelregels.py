"""Build the goal checker's rules: ``data/doelregels.yaml`` to JSON-able data.

The rule file is a trainer's file: word lists and phrases per criterion, and the feedback
sentences. Here it is read (pyyaml), validated (pydantic, with a Dutch error that names the
file and the field, also for a feedback sentence's placeholders; every phrase is compiled
once to catch a broken one) and turned into what the learner's side
(:mod:`werkalliantie.leren.doelen`, pure Python) needs. Language data comes from simplemma's
Dutch dictionary, here at build time, so that the learner's side needs no lemmatizer:

- ``klassen``, ``lijsten``: the word groups and phrase lists, as written (normalised); a
  single word in the lists of ``_MET_VORMEN`` (``concreet.gevoel``, ``concreet.vaag``,
  ``meetbaar.resultaat``, ...) also gets its other forms (afspraak: afspraken; boos: boze);
- ``werkwoorden``: each verb list (``_WERKWOORDEN``) as all its forms (``ingeschreven``,
  ``vroeg``) and the bases of separable verbs with their particles (``vraag`` ... ``aan``),
  never a form that is also a little word ("met" of "meten");
- ``woorden``: plain word sets (``_WOORDEN``);
- ``bestaand``: real Dutch words that look like a rule word, so that they are never
  "repaired" into one (``stappen`` stays, ``weeek`` becomes ``week``);
- ``feedback``: the sentences, on one line each.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, field_validator

from werkalliantie.leren.doelen import (
    FEEDBACK_INVULPLEKKEN,
    DoelregelsFout,
    _Patronen,
    _zonder_accent,
    kandidaten_voor_herstel,
    maak_herstelindex,
    woordenschat,
)

BESTAND = "doelregels.yaml"
VERSIE = 1

# Dutch separable-verb particles: "inschrijven" -> "schrijf ... in".
_PARTIKELS = tuple(
    sorted(
        "aan af in op uit door mee terug samen vast weg over bij toe na om los neer rond "
        "langs thuis tegen achter".split(),
        key=len,
        reverse=True,
    )
)


# Little words that a generated verb form must never be (see _werkwoorden).
_KLEINE_WOORDEN = frozenset(
    "de het een en of in op aan te om als dan met weg van voor na bij uit tot door over naar "
    "al nu zo er maar dat die wat wie waar hier daar ik je jij hij zij ze we wij u mijn ons "
    "is ben zijn was had heb wil kan mag moet zal ga gaat kom lat laat rust adem les".split()
)

# Lists whose single words also match in their other forms (plural, diminutive, inflected).
_MET_VORMEN = {"concreet.vaag", "concreet.vaag_tenzij", "concreet.gevoel", "meetbaar.resultaat"}
# Lists of verbs (found in every form, also split: "vraag ... aan") and of plain words.
_WERKWOORDEN = {
    "concreet.handeling", "meetbaar.afvinkbaar", "meetbaar.bezigheid", "positief.stoppen",
}
_WOORDEN = {
    "concreet.vulwoorden", "concreet.zwak", "concreet.zonder_tot", "concreet.meer_minder",
    "concreet.geen_vergelijking_na", "concreet.ontkenning", "concreet.geen_ding", "meetbaar.geen_resultaat_na",
    "meetbaar.doen", "positief.nevenschikking",
    "positief.nieuw_deel", "positief.onderwerp", "positief.hulpwerkwoord", "positief.maar",
    "positief.wens",
}


__all__ = ["BESTAND", "DoelregelsFout", "Regelbestand", "bouw", "lees", "vertaal"]


# --- the model of the rule file ---------------------------------------------------------


def _als_tekst(waarde: object) -> object:
    # YAML reads "- 12" as a number; a rule word is text.
    return str(waarde) if isinstance(waarde, int) and not isinstance(waarde, bool) else waarde


Regel = Annotated[str, BeforeValidator(_als_tekst)]
Lijst = list[Regel]


class _Blok(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class Concreet(_Blok):
    gevoel: Lijst
    vaag: Lijst
    vaag_tenzij: Lijst
    bewijs: Lijst
    zwak: Lijst
    zonder: Lijst
    zonder_tot: Lijst
    meer_minder: Lijst
    geen_vergelijking_na: Lijst
    ontkenning: Lijst
    geen_ding: Lijst
    onderwerp: Lijst
    uitzondering: Lijst
    vulwoorden: Lijst
    handeling: Lijst


class Meetbaar(_Blok):
    hoeveel: Lijst
    hoe_vaak: Lijst
    geen_hoe_vaak: Lijst
    grens: Lijst
    voorbehoud: Lijst
    eindtoestand: Lijst
    uitkomst: Lijst
    doen: Lijst
    eenmalig: Lijst
    zoeken: Lijst
    gewoonte: Lijst
    voorwaarde: Lijst
    afvinkbaar: Lijst
    bezoek: Lijst
    voltooid: Lijst
    bezigheid: Lijst
    resultaat: Lijst
    geen_resultaat_na: Lijst
    uitzondering: Lijst
    doorlopend: Lijst


class Tijdgebonden(_Blok):
    termijn: Lijst
    uitzondering: Lijst
    vaag: Lijst


class Positief(_Blok):
    negatief: Lijst
    stoppen: Lijst
    uitzondering: Lijst
    bijzin: Lijst
    inhoud: Lijst
    splits: Lijst
    nevenschikking: Lijst
    nieuw_deel: Lijst
    onderwerp: Lijst
    hulpwerkwoord: Lijst
    maar: Lijst
    wens: Lijst


class EigenRegie(_Blok):
    eigen: Lijst
    derde_persoon: Lijst
    derde_persoon_onderwerp: Lijst
    geen_derde: Lijst
    opdracht: Lijst
    uitzondering: Lijst


class Reden(_Blok):
    begin: Lijst
    infinitief: Lijst
    na_komma: Lijst
    uitzondering: Lijst


def _invulplekken(zin: str) -> set[str]:
    try:
        return {naam for _, naam, _, _ in string.Formatter().parse(zin) if naam is not None}
    except ValueError:
        raise ValueError(
            "de accolades kloppen niet: schrijf een invulplek als {woorden}, zonder "
            "losse { of }"
        ) from None


class Feedback(_Blok):
    leeg: str
    te_lang: str
    concreet_vaag: str
    concreet_gevoel: str
    concreet_leeg: str
    meetbaar_stoppen: str
    meetbaar_doorlopend: str
    meetbaar_vaag: str
    meetbaar_niet_concreet: str
    tijdgebonden: str
    tijdgebonden_vaag: str
    tijdgebonden_frequentie: str
    positief: str
    eigen_regie_derde: str
    eigen_regie_opdracht: str
    eigen_regie_geen_ik: str

    @field_validator("*")
    @classmethod
    def _plekken_kloppen(cls, zin: str, info) -> str:
        nodig = FEEDBACK_INVULPLEKKEN.get(info.field_name, frozenset())
        gevonden = _invulplekken(zin)
        if gevonden - nodig:
            vreemd = ", ".join(f"{{{n}}}" for n in sorted(gevonden - nodig))
            mag = ", ".join(f"{{{n}}}" for n in sorted(nodig)) or "geen invulplek"
            raise ValueError(f"onbekende invulplek {vreemd}; hier mag alleen {mag}")
        if nodig - gevonden:
            mist = ", ".join(f"{{{n}}}" for n in sorted(nodig - gevonden))
            raise ValueError(f"de invulplek {mist} ontbreekt (daar komt het citaat uit het doel)")
        if not zin.strip():
            raise ValueError("de zin is leeg")
        return " ".join(zin.split())


class Regelbestand(_Blok):
    klassen: dict[str, Lijst]
    concreet: Concreet
    meetbaar: Meetbaar
    tijdgebonden: Tijdgebonden
    positief: Positief
    eigen_regie: EigenRegie
    reden: Reden
    feedback: Feedback


_MELDINGEN = {
    "missing": "dit ontbreekt",
    "extra_forbidden": "deze naam kent de checker niet (een tikfout?)",
    "list_type": "dit moet een lijst met woorden zijn",
    "string_type": "dit moet tekst zijn",
    "dict_type": "dit moet een blok met namen zijn",
    "model_type": "dit moet een blok met namen zijn",
    "model_attributes_type": "dit moet een blok met namen zijn",
}


def _nederlands(fout: ValidationError, bron: str) -> DoelregelsFout:
    regels = []
    for e in fout.errors():
        veld = ".".join(str(x) for x in e["loc"]) or "(het hele bestand)"
        if e["type"] == "value_error":
            wat = str(e.get("ctx", {}).get("error", e["msg"]))
        else:
            wat = _MELDINGEN.get(e["type"], f"ongeldige waarde ({e['type']})")
        regels.append(f"Fout in {bron}, bij '{veld}': {wat}.")
    return DoelregelsFout("\n".join(regels))


# --- verbs ------------------------------------------------------------------------------


@cache
def _woordenboek() -> dict[str, str]:
    """simplemma's Dutch dictionary (form -> lemma), normalised like the learner's words."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    ruw = DefaultDictionaryFactory().get_dictionary("nl")
    uit: dict[str, str] = {}
    for vorm in ruw:
        uit.setdefault(_zonder_accent(vorm), _zonder_accent(ruw[vorm]).replace("_", ""))
    return uit


@cache
def _vormen_van() -> dict[str, set[str]]:
    """lemma -> its forms in the dictionary."""
    uit: dict[str, set[str]] = {}
    for vorm, lemma in _woordenboek().items():
        uit.setdefault(lemma, set()).add(vorm)
    return uit


def _stammen(infinitief: str) -> set[str]:
    """Present-tense stems of a regular Dutch verb: maken -> maak, bellen -> bel."""
    if infinitief.endswith("en"):
        stam = infinitief[:-2]
    elif infinitief.endswith("aan"):
        return {infinitief[:-2]}  # gaan, staan: ga, sta
    elif infinitief.endswith("n"):
        return {infinitief[:-1]}  # doen, zien: short verbs
    else:
        return {infinitief}
    stammen = {stam}
    if len(stam) >= 2 and stam[-1] == stam[-2] and stam[-1] not in "aeiou":
        stammen = {stam[:-1]}
    m = re.search(r"(?:^|[^aeiou])([aeou])([^aeiouyj])$", stam)
    if m:  # open syllable: the vowel doubles (vragen -> vraag)
        stammen.add(stam[: m.start(1)] + m.group(1) * 2 + stam[m.start(2) :])
    uit = set()
    for s in stammen:
        if s.endswith("v"):
            s = s[:-1] + "f"
        elif s.endswith("z"):
            s = s[:-1] + "s"
        uit.add(s)
    if m:
        uit.add(stam)  # e.g. "open" for "openen": keep the plain form too
    return uit


def _vormen(infinitief: str) -> set[str]:
    """The regular forms of a verb, plus every form the dictionary gives for it."""
    vormen = {infinitief} | _vormen_van().get(infinitief, set())
    for s in _stammen(infinitief):
        vormen |= {s, s + "t", s + "de", s + "te", s + "den", s + "ten"}
        for uitgang in ("d", "t") if s[-1] not in "dt" else ("",):
            vormen |= {"ge" + s + uitgang, s + uitgang}
    return vormen


def _werkwoorden(regels: list[str], veld: str, fout) -> dict:
    """A verb list as ``vormen`` (every form) and ``basis`` (the base of a separable verb
    -> its particles, found when the particle is in the same sentence)."""
    vormen: set[str] = set()
    basis: dict[str, list[str]] = {}
    for regel in regels:
        inf, _, extra = regel.partition("|")
        inf = _zonder_accent(inf.strip())
        if not inf.isalpha():
            raise fout(veld, f"'{regel}' is geen werkwoord (schrijf: inschrijven | schreef)")
        vormen |= _vormen(inf)
        for vorm in (x.strip() for x in extra.split(",")):
            if vorm:
                if not _zonder_accent(vorm).isalpha():
                    raise fout(veld, f"'{vorm}' is geen geldige werkwoordsvorm")
                vormen.add(_zonder_accent(vorm))
        for p in _PARTIKELS:
            rest = inf[len(p) :]
            # The rest must itself be a verb the dictionary knows ("openen" is not "op enen").
            if inf.startswith(p) and len(rest) >= 4 and rest.endswith("n") and (
                rest in _vormen_van()
            ):
                stammen = _stammen(rest)
                vervoegd = {s + u for s in stammen for u in ("t", "te", "de", "ten", "den")}
                for s in stammen | vervoegd | {rest} | _vormen_van().get(rest, set()):
                    if p not in basis.setdefault(s, []):
                        basis[s].append(p)
                for s in _stammen(rest):
                    for uitgang in ("d", "t") if s[-1] not in "dt" else ("",):
                        vormen |= {p + "ge" + s + uitgang, p + s + uitgang}
                break
    # A form that is also a common little word ("met" of "meten", "weg" of "wegen") would
    # match that word: leave it out.
    vormen -= _KLEINE_WOORDEN
    basis = {k: v for k, v in basis.items() if k not in _KLEINE_WOORDEN and len(k) > 2}
    return {"vormen": sorted(vormen), "basis": {k: sorted(v) for k, v in sorted(basis.items())}}


# --- the language data: which words may be repaired -------------------------------------


def _bestaande_lijkers(bekend: set[str]) -> list[str]:
    """Real Dutch words that the learner's side would otherwise "repair" to a rule word."""
    index = maak_herstelindex(bekend)
    return sorted(
        w
        for w in _woordenboek().keys() | _vormen_van().keys()
        if w not in bekend and kandidaten_voor_herstel(w, index)
    )


# --- the part ---------------------------------------------------------------------------


def lees(pad: Path) -> Regelbestand:
    """Read and validate the rule file, or raise :class:`DoelregelsFout` (Dutch)."""
    bron = f"data/{pad.name}"
    try:
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as fout:
        raise DoelregelsFout(f"Kan {bron} niet lezen: {fout}") from fout
    try:
        return Regelbestand.model_validate(data if data is not None else {})
    except ValidationError as fout:
        raise _nederlands(fout, bron) from None


def vertaal(regels: Regelbestand, bron: str = f"data/{BESTAND}") -> dict:
    """The validated rules as the learner's side reads them (JSON-able)."""
    patronen = _Patronen(regels.klassen, bron)
    klassen = {naam: [" ".join(r.split()) for r in lijst] for naam, lijst in regels.klassen.items()}
    for naam in klassen:  # also a group that no rule uses yet
        patronen.woord(f"{{{naam}}}", f"klassen.{naam}", 0)
    lijsten, werkwoorden, woorden = {}, {}, {}
    for blok in ("concreet", "meetbaar", "tijdgebonden", "positief", "eigen_regie", "reden"):
        for naam, lijst in getattr(regels, blok):
            veld = f"{blok}.{naam}"
            if veld in _WERKWOORDEN:
                werkwoorden[veld] = _werkwoorden(lijst, veld, patronen.fout)
            elif veld in _WOORDEN:
                woorden[veld] = sorted({_zonder_accent(w) for w in lijst})
            else:
                lijst = [" ".join(r.split()) for r in lijst]
                if veld in _MET_VORMEN:
                    lijst += _andere_vormen(lijst)
                patronen.lijst(lijst, veld)  # a broken phrase fails here, with its field
                lijsten[veld] = lijst
    deel = {
        "versie": VERSIE,
        "klassen": klassen,
        "lijsten": lijsten,
        "werkwoorden": werkwoorden,
        "woorden": woorden,
        "feedback": regels.feedback.model_dump(),
    }
    deel["bestaand"] = _bestaande_lijkers(woordenschat(deel))
    return deel


def _andere_vormen(lijst: list[str]) -> list[str]:
    """The dictionary's other forms of each single plain word in ``lijst``: plurals,
    diminutives, inflections. Not verb forms of a look-alike verb ("inkomt", "boost")."""
    uit: set[str] = set()
    for regel in lijst:
        kaal = _zonder_accent(regel)
        if kaal.isalpha():
            uit |= {
                v
                for v in _vormen_van().get(kaal, set())
                if v.startswith(kaal[: max(2, len(kaal) - 2)])
                and not (v[-1] in "dt" and kaal[-1] not in "dt")
            }
    return sorted(uit - {_zonder_accent(r) for r in lijst})


def bouw(data: Path) -> dict:
    """The bundle part ``doelregels`` from ``data/doelregels.yaml``."""
    return vertaal(lees(data / BESTAND), f"data/{BESTAND}")
