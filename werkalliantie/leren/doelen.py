"""An explainable checker for a client goal written in Dutch.

``beoordeel(tekst)`` judges one goal on five criteria (concreet, meetbaar, tijdgebonden,
positief, eigen_regie) and returns a :class:`Beoordeling` with one Dutch hint per unmet
criterion. The hints quote the learner's own words.

The word lists and phrases live in ``data/doelregels.yaml`` (a trainer can read and extend
them). The build side (:mod:`werkalliantie.bouwen.bundel.doelregels`) validates that file and
compiles it, with the Dutch word forms it needs from a lemmatizer, into the bundle part
``doelregels``; this module reads that part and only matches. It imports nothing but the
standard library, so it runs in a learner's kernel, also in the browser (Pyodide).

Each criterion is one function below (``_concreet``, ``_meetbaar``, ...). They share one
:class:`_Analyse` of the goal: its words, the reason clause, the time phrases, the
negations.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from werkalliantie.leren import gegevens
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.tekst import html_tekst

CRITERIA = ("concreet", "meetbaar", "tijdgebonden", "positief", "eigen_regie")
# Untrusted input: only this many characters are judged.
MAX_TEKENS = 1000
# The placeholders each feedback sentence may and must have (checked at build time).
FEEDBACK_INVULPLEKKEN: dict[str, frozenset[str]] = {
    "te_lang": frozenset({"max"}),
    "concreet_vaag": frozenset({"woorden"}),
    "meetbaar_stoppen": frozenset({"woorden"}),
    "meetbaar_doorlopend": frozenset({"woorden"}),
    "tijdgebonden_vaag": frozenset({"woorden"}),
    "tijdgebonden_frequentie": frozenset({"woorden"}),
    "positief": frozenset({"woorden"}),
    "eigen_regie_derde": frozenset({"woorden"}),
    "eigen_regie_opdracht": frozenset({"woorden"}),
}

_LEEG = "_"  # a blanked word: matches no rule word
_GAT = r"(?: [^ ]+){0,4}"  # "..." in a rule: zero to four words
_WOORD = re.compile(r"\d+(?:[.,:/-]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ZINSEINDE = re.compile(r"[.!?;:\n]")
_KOMMA = re.compile(r"[,()]")
_TAG = re.compile(r"<[^<>]{0,300}>")
LABELS = {
    "concreet": "concreet",
    "meetbaar": "meetbaar",
    "tijdgebonden": "tijdgebonden",
    "positief": "positief geformuleerd",
    "eigen_regie": "eigen regie",
}

Reeksen = list[tuple[int, int]]  # word ranges [start, end)


class DoelregelsFout(CursusFout, ValueError):
    """The rules are broken; the message (Dutch) names the file and the field."""


@dataclass(frozen=True)
class Beoordeling:
    """The judgement of one goal: five criteria and the hints for the unmet ones."""

    tekst: str
    criteria: dict[str, bool]
    feedback: list[str]

    @property
    def aantal_voldaan(self) -> int:
        return sum(self.criteria.values())

    def __str__(self) -> str:
        regels = [f'Doel: "{self.tekst}"' if self.tekst else "Doel: (leeg)"]
        for naam in CRITERIA:
            teken = "✓" if self.criteria[naam] else "✗"
            regels.append(f"  {teken} {LABELS[naam]}")
        regels.append(f"{self.aantal_voldaan} van de {len(CRITERIA)} criteria voldaan.")
        if self.feedback:
            regels.append("Tips:")
            regels.extend(f"  - {tip}" for tip in self.feedback)
        return "\n".join(regels)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        e = html_tekst
        doel = f"<q>{e(self.tekst)}</q>" if self.tekst else "<em>(leeg)</em>"
        items = "".join(
            f"<li>{'✓' if ok else '✗'} {e(LABELS[naam])}: "
            f"<strong>{'voldaan' if ok else 'nog niet'}</strong></li>"
            for naam, ok in self.criteria.items()
        )
        tips = "".join(f"<li>{e(tip)}</li>" for tip in self.feedback)
        tips_html = f"<p>Tips:</p><ul>{tips}</ul>" if tips else ""
        return (
            '<div class="werkalliantie-doel">'
            f"<p><strong>Doel:</strong> {doel}</p>"
            f"<ul>{items}</ul>"
            f"<p>{self.aantal_voldaan} van de {len(CRITERIA)} criteria voldaan.</p>"
            f"{tips_html}</div>"
        )


# --- text preparation -------------------------------------------------------------------


def _zonder_accent(woord: str) -> str:
    kaal = unicodedata.normalize("NFKD", woord)
    return "".join(c for c in kaal if not unicodedata.combining(c)).lower().replace("’", "'")


def _schoon(tekst: object) -> str:
    """Untrusted input to a plain string: no control characters, bounded in length."""
    if tekst is None:
        return ""
    if not isinstance(tekst, str):
        try:
            tekst = str(tekst)
        except Exception:  # noqa: BLE001 - any object a learner's code passes in
            return ""
    tekst = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c != "\n" else c
        for c in tekst[: MAX_TEKENS * 2]
    )
    return unicodedata.normalize("NFC", tekst).strip()


# --- typo repair (pure Python; the build side lists the real words to leave alone) ------


def _weglatingen(w: str) -> set[str]:
    return {w} | {w[:i] + w[i + 1 :] for i in range(len(w))}


def maak_herstelindex(woorden) -> dict[str, tuple[str, ...]]:
    """Rule words by every form with one letter left out (a symmetric-delete index)."""
    index: dict[str, list[str]] = {}
    for w in sorted(woorden):
        if len(w) >= 4:
            for k in _weglatingen(w):
                index.setdefault(k, []).append(w)
    return {k: tuple(v) for k, v in index.items()}


def _osa(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus swapping two neighbours)."""
    vorige2: list[int] = []
    vorige = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        rij = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            kost = a[i - 1] != b[j - 1]
            rij[j] = min(vorige[j] + 1, rij[j - 1] + 1, vorige[j - 1] + kost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rij[j] = min(rij[j], vorige2[j - 2] + 1)
        vorige2, vorige = vorige, rij
    return vorige[-1]


def kandidaten_voor_herstel(w: str, index: dict[str, tuple[str, ...]]) -> list[str]:
    """Rule words within reach of ``w`` (one edit, two for long words), nearest first."""
    if len(w) < 4:
        return []
    grens = 1 if len(w) < 8 else 2
    gezien = {v for k in _weglatingen(w) for v in index.get(k, ())}
    if not gezien:
        return []
    afstanden = sorted((_osa(w, v), v) for v in gezien if abs(len(v) - len(w)) <= grens)
    return [v for d, v in afstanden if d <= grens]


# --- the rule phrases as regular expressions -------------------------------------------


class _Patronen:
    """Turns rule phrases into patterns over space-joined words. The grammar (``...``,
    ``*``, ``#``, ``{group}``) is explained at the top of ``data/doelregels.yaml``; the
    build side uses this class too, to refuse a broken phrase with a Dutch error."""

    def __init__(self, klassen: dict[str, list[str]], bron: str):
        self.klassen = klassen
        self.bron = bron
        self._groepen: dict[str, str] = {}

    def fout(self, veld: str, wat: str) -> DoelregelsFout:
        return DoelregelsFout(f"Fout in {self.bron}, bij '{veld}': {wat}.")

    def _groep(self, naam: str, veld: str, diepte: int) -> str:
        if naam not in self.klassen:
            raise self.fout(veld, f"de woordgroep {{{naam}}} bestaat niet (zie 'klassen')")
        if diepte > 4:
            raise self.fout(veld, f"de woordgroep {{{naam}}} verwijst naar zichzelf")
        if naam not in self._groepen:
            delen = [self.frase(x, f"klassen.{naam}", diepte + 1) for x in self.klassen[naam]]
            self._groepen[naam] = "(?:" + "|".join(sorted(delen, key=len, reverse=True)) + ")"
        return self._groepen[naam]

    def woord(self, w: str, veld: str, diepte: int) -> str:
        if w == "{deelwoord}":  # a past participle: gemaakt, gehad, aangevraagd, geweest
            return r"[a-z]{0,6}ge[a-z]{2,30}(?:d|t|en)"
        if w.startswith("{") and w.endswith("}"):
            return self._groep(w[1:-1], veld, diepte)
        if w == "#":
            return r"\d+(?:[.,]\d+)*"
        if w == "#-#":
            return r"\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?"
        kaal = _zonder_accent(w)
        if kaal.endswith("*") and len(kaal) > 1 and "*" not in kaal[:-1]:
            return re.escape(kaal[:-1]) + r"[^ ]*"
        if kaal.startswith("*") and len(kaal) > 1 and "*" not in kaal[1:]:
            return r"[^ ]*" + re.escape(kaal[1:])
        if not kaal or "*" in kaal or "{" in kaal or "}" in kaal:
            raise self.fout(veld, f"'{w}' is geen geldig woord")
        return re.escape(kaal)

    def frase(self, frase: str, veld: str, diepte: int = 0) -> str:
        delen = frase.split()
        if not delen or delen[0] == "..." or delen[-1] == "...":
            raise self.fout(veld, f"'{frase}' mag niet leeg zijn of met ... beginnen of eindigen")
        uit = ""
        for d in delen:
            if d == "...":
                uit += _GAT
            else:
                uit += (" " if uit else "") + self.woord(d, veld, diepte)
        return uit

    def lijst(self, regels: list[str], veld: str) -> str:
        """One list as one pattern; it matches whole words only."""
        delen = sorted({self.frase(r, veld) for r in regels}, key=len, reverse=True)
        return "(?<![^ ])(?:" + "|".join(delen) + ")(?![^ ])" if delen else r"(?!x)x"


def woordenschat(deel: dict) -> set[str]:
    """Every word the rules know: typos of these are repaired."""
    woorden: set[str] = set()
    for lijst in (*deel["klassen"].values(), *deel["lijsten"].values()):
        for regel in lijst:
            for w in regel.split():
                w = _zonder_accent(w.strip("*"))
                if w.isalpha():
                    woorden.add(w)
    for ww in deel["werkwoorden"].values():
        woorden.update(w for w in (*ww["vormen"], *ww["basis"]) if w.isalpha())
    return woorden


# --- the compiled rules -----------------------------------------------------------------


class _Lijst:
    """One named rule list: a single pattern over the words joined by spaces."""

    def __init__(self, patroon: str):
        self.patroon = re.compile(patroon)

    def vind(self, woorden: list[str] | tuple[str, ...]) -> Reeksen:
        tekst = " ".join(woorden)
        begins, pos = [], 0
        for w in woorden:
            begins.append(pos)
            pos += len(w) + 1
        return [
            (bisect_right(begins, m.start()) - 1, bisect_left(begins, m.end()))
            for m in self.patroon.finditer(tekst)
            if m.end() > m.start()
        ]


class _Werkwoorden:
    """A list of verbs, matched in any form, also split ("vraag ... aan")."""

    def __init__(self, data: dict):
        self.vormen = frozenset(data["vormen"])  # every form, also "ingeschreven"
        self.basis: dict[str, list[str]] = data["basis"]  # "vraag" -> ["aan"]

    def vind(self, zin: _Zin, woorden: list[str]) -> Reeksen:
        treffers = []
        for i, w in enumerate(woorden):
            if w == _LEEG:
                continue
            if w in self.vormen:
                treffers.append((i, i + 1))
                continue
            for partikel in self.basis.get(w, ()):
                if any(
                    woorden[k] == partikel and zin.zin[k] == zin.zin[i]
                    for k in range(len(woorden))
                    if k != i
                ):
                    treffers.append((i, i + 1))
                    break
        return treffers


class _Regels:
    """The rules as the bundle holds them, ready to match."""

    def __init__(self, data: dict, bron: str = "de bundel doelregels"):
        patronen = _Patronen(data["klassen"], bron)
        self.lijst = {
            naam: _Lijst(patronen.lijst(regels, naam)) for naam, regels in data["lijsten"].items()
        }
        self.werkwoorden = {naam: _Werkwoorden(d) for naam, d in data["werkwoorden"].items()}
        self.woorden = {naam: frozenset(ws) for naam, ws in data["woorden"].items()}
        self.feedback: dict[str, str] = data["feedback"]
        self.woordenschat = frozenset(woordenschat(data))
        self.bestaand = frozenset(data["bestaand"])
        self._index = maak_herstelindex(self.woordenschat)
        self._hersteld: dict[str, str] = {}

    def vind(self, naam: str, woorden) -> Reeksen:
        return self.lijst[naam].vind(woorden)

    def herstel(self, w: str) -> str:
        """Repair a typo in a rule word ("weeek" -> "week"), never in a real word."""
        if len(w) < 4 or not w.isalpha() or w in self.woordenschat or w in self.bestaand:
            return w
        if w not in self._hersteld:
            if len(self._hersteld) > 20_000:
                self._hersteld.clear()
            kandidaten = kandidaten_voor_herstel(w, self._index)
            self._hersteld[w] = kandidaten[0] if kandidaten else w
        return self._hersteld[w]


@gegevens.afgeleid  # rebuilt when the bundle is rebuilt, like every other derived table
def _regels() -> _Regels:
    return _Regels(gegevens.lees("doelregels"))


# --- the goal, analysed once ------------------------------------------------------------


@dataclass(frozen=True)
class _Zin:
    """The goal as words, with where each word sits in the text."""

    tekst: str
    woorden: tuple[str, ...]  # normalised, typos repaired
    spans: tuple[tuple[int, int], ...]  # each word's place in ``tekst``
    zin: tuple[int, ...]  # sentence number of each word
    grens: tuple[bool, ...]  # a comma or sentence end follows the word
    deelzin: tuple[int, ...]  # clause number of each word (split at commas and ends)


def _splits(tekst: str, r: _Regels) -> _Zin:
    zonder_tags = _TAG.sub(lambda m: " " * len(m.group()), tekst)
    woorden, spans, zinnen, grenzen, deelzinnen = [], [], [], [], []
    zin = deelzin = 0
    treffers = list(_WOORD.finditer(zonder_tags))
    for n, m in enumerate(treffers):
        woorden.append(r.herstel(_zonder_accent(m.group())))
        spans.append(m.span())
        zinnen.append(zin)
        deelzinnen.append(deelzin)
        tot = treffers[n + 1].start() if n + 1 < len(treffers) else len(zonder_tags)
        tussen = zonder_tags[m.end() : tot]
        einde = bool(_ZINSEINDE.search(tussen))
        grenzen.append(einde or bool(_KOMMA.search(tussen)))
        zin += einde
        deelzin += grenzen[-1]
    return _Zin(
        tekst, tuple(woorden), tuple(spans), tuple(zinnen), tuple(grenzen), tuple(deelzinnen)
    )


def _leeg(woorden, reeksen: Reeksen) -> list[str]:
    uit = list(woorden)
    for i, j in reeksen:
        uit[i:j] = [_LEEG] * (j - i)
    return uit


@dataclass
class _Analyse:
    """What the five criteria share: the words, the main clause, time and negation."""

    zin: _Zin
    r: _Regels
    woorden: list[str] = field(init=False)

    def __post_init__(self):
        self.woorden = list(self.zin.woorden)

    @cached_property
    def hoofd(self) -> list[str]:
        """The words outside a reason clause ("zodat ik minder stress heb")."""
        woorden = list(self.woorden)
        gezocht = _leeg(woorden, self.r.vind("reden.uitzondering", woorden))
        for i, _ in self.r.vind("reden.begin", gezocht):
            k = i
            while k < len(woorden) - 1 and not self.zin.grens[k]:
                k += 1
            woorden[i : k + 1] = [_LEEG] * (k + 1 - i)
        return woorden

    @cached_property
    def hoe_vaak(self) -> Reeksen:
        return self.r.vind("meetbaar.hoe_vaak", self.woorden)

    @cached_property
    def termijn(self) -> Reeksen:
        woorden = _leeg(self.woorden, self.hoe_vaak)  # "elke week" is no deadline
        woorden = _leeg(woorden, self.r.vind("tijdgebonden.uitzondering", woorden))
        return self.r.vind("tijdgebonden.termijn", woorden)

    @cached_property
    def negatief(self) -> Reeksen:
        """Negations in the goal itself (not in a reason clause, not in a time phrase)."""
        p_tekst = _leeg(self.hoofd, self.r.vind("positief.uitzondering", self.hoofd))
        return self.r.vind("positief.negatief", _leeg(p_tekst, self.termijn))

    def ontkend(self, i: int, j: int) -> bool:
        """A negation in the same clause, outside the words themselves ("niet langer ...
        betalen", "ik raak mijn huis niet meer kwijt"; not "van mijn schulden af")."""
        deelzin = self.zin.deelzin
        return any(
            (e <= i or s >= j) and deelzin[s] == deelzin[i] for s, e in self.negatief
        )

    def citaat(self, reeksen: Reeksen, max_aantal: int = 2) -> str:
        zin = self.zin
        stukken: list[str] = []
        for i, j in reeksen:
            while i < j and zin.woorden[i] == _LEEG:
                i += 1
            if i >= j:
                continue
            stuk = " ".join(zin.tekst[zin.spans[i][0] : zin.spans[j - 1][1]].split())
            if f'"{stuk}"' not in stukken:
                stukken.append(f'"{stuk}"')
            if len(stukken) == max_aantal:
                break
        return " en ".join(stukken)


# --- one function per criterion: (met, hint or None) ------------------------------------

Oordeel = tuple[bool, str | None]


def _concreet(a: _Analyse) -> Oordeel:
    """An action, behaviour or result; not only a feeling or a vague improvement."""
    r, fb = a.r, a.r.feedback
    tekst = _leeg(a.hoofd, r.vind("concreet.uitzondering", a.hoofd))
    vulwoorden = r.woorden["concreet.vulwoorden"]
    if not [w for w in tekst if w != _LEEG and w not in vulwoorden]:
        return False, fb["concreet_leeg"]
    vaag = r.vind("concreet.vaag", tekst)
    if not vaag:
        return True, None
    rest = _leeg(_leeg(tekst, vaag), a.termijn)  # a number in the deadline is no action
    rest = _leeg(rest, r.vind("meetbaar.uitzondering", rest))  # "Jozias vindt dat"
    # A verb right after a vague word is part of it: "beter slapen", "rustiger reageren".
    werkwoorden = _leeg(rest, [(j, j + 1) for _, j in vaag])
    bewijs = (
        r.werkwoorden["concreet.handeling"].vind(a.zin, werkwoorden)
        or r.werkwoorden["meetbaar.afvinkbaar"].vind(a.zin, werkwoorden)
        or r.vind("meetbaar.hoe_vaak", rest)
        or r.vind("meetbaar.hoeveel", rest)
    )
    if bewijs:
        return True, None
    return False, fb["concreet_vaag"].format(woorden=a.citaat(vaag))


def _meetbaar(a: _Analyse, concreet: bool) -> Oordeel:
    """An amount or frequency, or something you can tick off; only for a concrete goal.

    In this order: an amount or frequency (not in the deadline) makes it measurable; so
    does a result or one-off action (a verb or noun from the lists, a visit, a perfect
    tense: "heb ... gemaakt"), unless negated in its clause ("geen ... meer kopen") or
    without end ("vaker bellen"). Otherwise stopping or avoiding ("stoppen met blowen"),
    "vaker"/"regelmatig", and an ongoing activity ("sporten", "zoeken") are not measurable;
    any other concrete goal names one thing to do, and is.
    """
    r, fb = a.r, a.r.feedback
    if not concreet:
        return False, fb["meetbaar_niet_concreet"]
    zonder_tijd = _leeg(a.woorden, a.termijn)  # a number in the deadline is no amount
    zonder_tijd = _leeg(zonder_tijd, r.vind("meetbaar.uitzondering", zonder_tijd))
    if a.hoe_vaak or r.vind("meetbaar.hoeveel", zonder_tijd):
        return True, None
    deelzin = a.zin.deelzin
    doorlopend = {deelzin[i] for i, _ in r.vind("meetbaar.doorlopend", zonder_tijd)}
    geen_resultaat_na = r.woorden["meetbaar.geen_resultaat_na"]
    resultaat = [
        (i, j)
        for i, j in r.werkwoorden["meetbaar.afvinkbaar"].vind(a.zin, zonder_tijd)
        + r.vind("meetbaar.bezoek", zonder_tijd)
        + [
            (i, j)
            for i, j in r.vind("meetbaar.resultaat", zonder_tijd)
            if not geen_resultaat_na & set(zonder_tijd[max(0, i - 2) : i])
        ]
        if not a.ontkend(i, j)  # stopping or avoiding is not a result
    ]
    # A perfect tense is a result, unless what is done is stopping ("ben gestopt met").
    resultaat += [
        (i, j)
        for i, j in r.vind("meetbaar.voltooid", zonder_tijd)
        if not any(deelzin[s] == deelzin[i] for s, _ in a.negatief)
    ]
    if any(deelzin[i] not in doorlopend for i, _ in resultaat):
        return True, None
    if a.negatief:
        return False, fb["meetbaar_stoppen"].format(woorden=a.citaat(a.negatief, 1))
    zonder_eind = r.vind("meetbaar.doorlopend", zonder_tijd) or r.werkwoorden[
        "meetbaar.bezigheid"
    ].vind(a.zin, zonder_tijd)
    if zonder_eind:
        return False, fb["meetbaar_doorlopend"].format(woorden=a.citaat(zonder_eind, 1))
    return True, None


def _tijdgebonden(a: _Analyse) -> Oordeel:
    """A deadline, date, period or start; a frequency is not one."""
    r, fb = a.r, a.r.feedback
    if a.termijn:
        return True, None
    vaag = r.vind("tijdgebonden.vaag", _leeg(a.woorden, a.hoe_vaak))
    if vaag:
        return False, fb["tijdgebonden_vaag"].format(woorden=a.citaat(vaag, 1))
    if a.hoe_vaak:
        return False, fb["tijdgebonden_frequentie"].format(woorden=a.citaat(a.hoe_vaak, 1))
    return False, fb["tijdgebonden"]


def _positief(a: _Analyse) -> Oordeel:
    """Says what comes or what the client does, not what must stop, go or lessen."""
    if not a.negatief:
        return True, None
    return False, a.r.feedback["positief"].format(woorden=a.citaat(a.negatief))


def _eigen_regie(a: _Analyse) -> Oordeel:
    """The client speaks as the owner of the goal, not someone who imposes it."""
    r, fb = a.r, a.r.feedback
    eigen = r.vind("eigen_regie.eigen", a.woorden)
    eerste_eigen = eigen[0][0] if eigen else len(a.woorden)
    derde = r.vind("eigen_regie.derde_persoon", a.woorden) + [
        (i, j)
        for i, j in r.vind("eigen_regie.derde_persoon_onderwerp", a.woorden)
        if i < eerste_eigen
    ]
    if derde:
        return False, fb["eigen_regie_derde"].format(woorden=a.citaat(sorted(derde), 1))
    woorden = _leeg(a.woorden, r.vind("eigen_regie.uitzondering", a.woorden))
    opdracht = r.vind("eigen_regie.opdracht", woorden)
    if opdracht:
        return False, fb["eigen_regie_opdracht"].format(woorden=a.citaat(opdracht, 1))
    if not eigen:
        return False, fb["eigen_regie_geen_ik"]
    return True, None


# --- judging ----------------------------------------------------------------------------


def beoordeel(tekst: str) -> Beoordeling:
    """Judge one goal on the five criteria; never raises on learner input."""
    r = _regels()
    schoon = _schoon(tekst)
    te_lang = len(schoon) > MAX_TEKENS
    schoon = schoon[:MAX_TEKENS].strip()
    zin = _splits(schoon, r)
    if not zin.woorden:
        return Beoordeling(schoon, dict.fromkeys(CRITERIA, False), [r.feedback["leeg"]])

    a = _Analyse(zin, r)
    concreet = _concreet(a)
    oordelen = {
        "concreet": concreet,
        "meetbaar": _meetbaar(a, concreet[0]),
        "tijdgebonden": _tijdgebonden(a),
        "positief": _positief(a),
        "eigen_regie": _eigen_regie(a),
    }
    feedback = [tip for _, tip in oordelen.values() if tip]
    if te_lang:
        feedback.append(r.feedback["te_lang"].format(max=MAX_TEKENS))
    return Beoordeling(schoon, {k: oordelen[k][0] for k in CRITERIA}, feedback)
