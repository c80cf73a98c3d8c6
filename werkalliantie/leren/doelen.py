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
from functools import cached_property, lru_cache

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
    "concreet_gevoel": frozenset({"woorden"}),
    "meetbaar_stoppen": frozenset({"woorden"}),
    "meetbaar_doorlopend": frozenset({"woorden"}),
    "meetbaar_vaag": frozenset({"woorden"}),
    "tijdgebonden_vaag": frozenset({"woorden"}),
    "tijdgebonden_frequentie": frozenset({"woorden"}),
    "positief": frozenset({"woorden"}),
    "eigen_regie_derde": frozenset({"woorden"}),
    "eigen_regie_opdracht": frozenset({"woorden"}),
}

_LEEG = "_"  # a blanked word: matches no rule word
_GAT = r"(?: [^ ]+){0,4}"  # "..." in a rule: zero to four words
_DEELWOORD = re.compile(r"[a-z]{0,6}ge[a-z]{2,30}(?:d|t|en)")  # gemaakt, aangevraagd
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
    if woord.isascii():  # most words: nothing to strip (the build calls this 750 000 times)
        return woord.lower()
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
            return _DEELWOORD.pattern
        if w.startswith("{") and w.endswith("}"):
            return self._groep(w[1:-1], veld, diepte)
        if w == "#":
            return r"\d+(?:[.,]\d+)*"
        if w == "#-#":
            return r"\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?"
        if w == "#jaar":  # a year: 2027
            return r"(?:19|20)\d\d"
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
    """The words of the rule phrases and word groups: typos of these are repaired. (Not
    every form of every verb: that would make the list of real words that must be left
    alone, ``bestaand``, too long to ship.)"""
    woorden: set[str] = set()
    for lijst in (*deel["klassen"].values(), *deel["lijsten"].values()):
        for regel in lijst:
            for w in regel.split():
                w = _zonder_accent(w.strip("*"))
                if w.isalpha():
                    woorden.add(w)
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
        # Every form of the verbs in the lists: what the client does.
        self.handelingen = frozenset().union(
            *(w.vormen | w.basis.keys() for w in self.werkwoorden.values())
        )
        self.alle_vormen = self.handelingen | self.woorden["positief.hulpwerkwoord"]
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


def _binnen(i: int, reeksen: Reeksen) -> bool:
    return any(s <= i < e for s, e in reeksen)


@dataclass
class _Analyse:
    """What the five criteria share: the words, the goal's own clauses (not a reason or a
    comment), the time phrases, the negations and the coordinated parts."""

    zin: _Zin
    r: _Regels
    woorden: list[str] = field(init=False)

    def __post_init__(self):
        self.woorden = list(self.zin.woorden)

    def _deelzin_einde(self, k: int) -> int:
        """One past the last word of the clause that word ``k`` is in."""
        while k < len(self.woorden) - 1 and not self.zin.grens[k]:
            k += 1
        return k + 1

    def _bijzin_einde(self, k: int) -> int:
        """Where a reason that begins at word ``k`` ends: at the end of its clause or at a
        "maar" ("niet meer gebruiken als ik me rot voel maar iemand bellen")."""
        einde = self._deelzin_einde(k)
        woorden, maar = self.woorden, self.r.woorden["positief.maar"]
        einde = next((n for n in range(k + 1, einde) if woorden[n] in maar), einde)
        if k == 0 or self.zin.zin[k - 1] != self.zin.zin[k]:
            # A condition that opens the sentence without a comma ends where the goal's
            # verb and subject swap: "Als ik uitga | neem ik een maat mee".
            onderwerp = self.r.woorden["positief.onderwerp"]
            for n in range(k + 2, einde - 1):
                if woorden[n + 1] in onderwerp and self.werkwoordachtig(woorden[n]):
                    return n
        return einde

    @cached_property
    def bijzin(self) -> Reeksen:
        """What the goal is for or why, not the goal itself: a reason ("zodat ik minder
        stress heb", "om mijn hoofd leeg te maken") or a comment after a comma ("dan kan
        ze mee", "dat mag niet")."""
        r, woorden, deelzin = self.r, self.woorden, self.zin.deelzin
        gezocht = _leeg(woorden, r.vind("reden.uitzondering", woorden))
        uit = [(i, self._bijzin_einde(i)) for i, _ in r.vind("reden.begin", gezocht)]
        # "om ... te" runs to the end of its clause ("om weg te lopen van een ruzie"), or
        # ends with its verb when a verb of stopping follows ("haar angst om naar buiten te
        # gaan verminderen").
        for i, j in r.vind("reden.infinitief", gezocht):
            einde = self._bijzin_einde(i)
            stopt = j + 1 < einde and r.vind("positief.negatief", woorden[j + 1 : j + 2])
            uit.append((i, j + 1 if stopt else einde))
        for i, _ in r.vind("reden.na_komma", gezocht):
            if i > 0 and deelzin[i] != deelzin[i - 1]:
                uit.append((i, self._deelzin_einde(i)))
        return sorted(uit)

    @cached_property
    def hoofd(self) -> list[str]:
        """The words outside a reason or comment."""
        return _leeg(self.woorden, self.bijzin)

    @cached_property
    def kern(self) -> list[str]:
        """The words that say what the goal is: not a reason, a time phrase or a topic ("een
        gesprek met de huisarts over mijn somberheid", "zonder angst")."""
        r = self.r
        kern = _leeg(self.hoofd, r.vind("concreet.uitzondering", self.hoofd))
        kern = _leeg(kern, self.termijn)
        onderwerp = [
            (j - 1, self._deelzin_einde(j - 1)) for _, j in r.vind("concreet.onderwerp", kern)
        ]
        # "zonder ..." is only what follows it, up to the next preposition: "niet meer
        # zonder boodschappenlijstje naar de winkel", "zonder zich te schamen".
        grens = r.woorden["concreet.zonder_tot"]
        for i, _ in r.vind("concreet.zonder", kern):
            j = i + 1
            while j < self._deelzin_einde(i) and j - i <= 4 and kern[j] not in grens:
                j += 1
            if j < len(kern) and kern[j] == "te":
                j += 2
            onderwerp.append((i, min(j, len(kern))))
        return _leeg(kern, onderwerp)

    @cached_property
    def deel_van(self) -> dict[int, int]:
        """Word index -> number of its coordinated part."""
        return {k: n for n, (s, e) in enumerate(self.delen) for k in range(s, e)}

    @cached_property
    def hoe_vaak(self) -> Reeksen:
        woorden = _leeg(self.woorden, self.r.vind("meetbaar.geen_hoe_vaak", self.woorden))
        return self.r.vind("meetbaar.hoe_vaak", woorden)

    @cached_property
    def termijn(self) -> Reeksen:
        woorden = _leeg(self.woorden, self.hoe_vaak)  # "elke week" is no deadline
        woorden = _leeg(woorden, self.r.vind("tijdgebonden.uitzondering", woorden))
        return self.r.vind("tijdgebonden.termijn", woorden)

    @cached_property
    def bijvoeglijk(self) -> Reeksen:
        """Relative and content clauses whose negation is not the goal's: "mensen die niet
        uit de scene komen", "dat mijn dochter weet dat ik haar niet kan helpen"."""
        r, woorden = self.r, self.woorden
        uit = [
            (i, self._deelzin_einde(i))
            for i, _ in r.vind("positief.bijzin", woorden)
            if i == 0 or woorden[i - 1] != "dat"  # "dat die eraf gaat": "die" is the subject
        ]
        uit += [(j, self._deelzin_einde(j)) for _, j in r.vind("positief.inhoud", woorden)]
        return uit

    @cached_property
    def negatief(self) -> Reeksen:
        """Negations in the goal itself (not in a reason, comment, relative clause or time
        phrase)."""
        r = self.r
        tekst = _leeg(self.hoofd, self.bijvoeglijk)
        tekst = _leeg(_leeg(tekst, r.vind("positief.uitzondering", tekst)), self.termijn)
        return sorted(r.vind("positief.negatief", tekst) + self.stoppen)

    @cached_property
    def stoppen(self) -> Reeksen:
        """Verbs of ending something ("zegt ... op", "opgeheven"): not positive, but a
        one-off action."""
        tekst = _leeg(self.hoofd, self.bijvoeglijk + self.termijn)
        return self.r.werkwoorden["positief.stoppen"].vind(self.zin, tekst)

    def werkwoordachtig(self, w: str) -> bool:
        """A verb form the rules know, or a past participle ("overgestapt")."""
        return w in self.r.alle_vormen or bool(_DEELWOORD.fullmatch(w))

    @cached_property
    def delen(self) -> Reeksen:
        """The goal's coordinated parts: split at a clause boundary, at "maar" and "in plaats
        van", and at "en"/"of" when a new part begins ("minder gamen en meer slapen"; not
        "op vrijdag- en zaterdagnacht", not "mijn moeder en ik"). A "dat" clause after a
        negation stays whole ("niet meer dat mijn moeder en ik ruzie hebben")."""
        r, woorden, grens = self.r, self.woorden, self.zin.grens
        splits = dict(r.vind("positief.splits", woorden))
        nevenschikking = r.woorden["positief.nevenschikking"]
        nieuw_deel = r.woorden["positief.nieuw_deel"]
        onderwerp = r.woorden["positief.onderwerp"]
        negatie_begin = {i for i, _ in self.negatief}
        delen: Reeksen = []
        begin, overslaan = 0, -1
        ontkend = in_dat = werkwoord = False

        def sluit(eind: int, nieuw_begin: int) -> None:
            nonlocal begin, ontkend, in_dat, werkwoord
            if eind > begin:
                delen.append((begin, eind))
            begin, ontkend, in_dat, werkwoord = nieuw_begin, False, False, False

        for k, w in enumerate(woorden):
            if k < overslaan:
                continue
            if k in splits and not in_dat:
                sluit(k, splits[k])
                overslaan = splits[k]
                if grens[splits[k] - 1]:
                    sluit(splits[k], splits[k])
                continue
            if k in negatie_begin:
                ontkend = True
            if w == "dat":
                in_dat, werkwoord = in_dat or ontkend, False
            elif self.werkwoordachtig(w):
                werkwoord = True
            volgende = woorden[k + 1] if k + 1 < len(woorden) else ""
            if (
                w in nevenschikking
                and k > begin
                and not in_dat
                and (volgende in nieuw_deel or self.werkwoordachtig(volgende))
                and (werkwoord or volgende not in onderwerp)
            ):
                sluit(k, k + 1)
            elif grens[k] or k == len(woorden) - 1:
                sluit(k + 1, k + 1)
        return delen

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


def _inhoud(r: _Regels, woorden) -> list[str]:
    vulwoorden = r.woorden["concreet.vulwoorden"]
    return [w for w in woorden if w != _LEEG and w not in vulwoorden]


def _concreet(a: _Analyse) -> Oordeel:
    """An action, behaviour or result; not only a feeling or a vague improvement.

    Each coordinated part is judged on its own; one concrete part is enough ("ik wil
    weten wat er speelt, en ik wil dat zelf vertellen"). A part with a feeling ("me minder
    alleen voelen") or a vague improvement ("minder ruzie", "werken aan") is not concrete. A
    part that is only loosely vague ("iets leuks doen", a feeling in a relative clause) is
    concrete when it also names an action, a result or a number ("elke week iets leuks
    doen met de kinderen").
    """
    r, fb = a.r, a.r.feedback
    kern = a.kern
    if not _inhoud(r, kern):
        return False, fb["concreet_leeg"]
    relatief = a.bijvoeglijk
    gevoel, bijzaak = [], []  # a feeling in a relative clause only describes a thing
    for i, j in r.vind("concreet.gevoel", kern):
        (bijzaak if _binnen(i, relatief) else gevoel).append((i, j))
    vaag = r.vind("concreet.vaag", kern) + _meer_van_iets(a, kern)
    los = r.vind("concreet.vaag_tenzij", kern)
    eerste = True
    for i, j in a.delen:
        if not _inhoud(r, kern[i:j]):
            continue
        if any(i <= s < j for s, _ in gevoel + vaag):
            eerste = False
            continue
        los_hier = [(s, e) for s, e in los if i <= s < j]
        bijzaak_hier = [(s, e) for s, e in bijzaak if i <= s < j]
        # The goal's first part is concrete unless it is vague; a later part ("..., een
        # diagnose") counts when it names an action, a result or a number itself.
        if eerste and not los_hier and not bijzaak_hier:
            return True, None
        if _bewijs(a, kern, (i, j), los_hier, bijzaak_hier):
            return True, None
        eerste = False
    if gevoel:
        return False, fb["concreet_gevoel"].format(woorden=a.citaat(gevoel))
    if vaag or los or bijzaak:
        return False, fb["concreet_vaag"].format(woorden=a.citaat(vaag or los or bijzaak))
    return False, fb["concreet_leeg"]


def _meer_van_iets(a: _Analyse, kern: list[str]) -> Reeksen:
    """ "Meer" or "minder" of a thing, not of an action: "minder rommel", "meer sociale
    contacten" (a vague improvement), unlike "minder drinken" or "meer buiten spelen"
    (behaviour). A word the rules know as a verb, within the clause, makes it behaviour;
    "niet meer", "geen ... meer" and "meer dan" are no comparison at all."""
    r = a.r
    woorden = r.woorden
    uit = []
    for i, w in enumerate(kern):
        if w not in woorden["concreet.meer_minder"]:
            continue
        ervoor = [kern[k] for k in range(max(0, i - 5), i) if a.zin.deelzin[k] == a.zin.deelzin[i]]
        if ervoor and ervoor[-1] in woorden["concreet.geen_vergelijking_na"]:
            continue
        if woorden["concreet.ontkenning"] & set(ervoor):  # "geen ... meer", "niet ... meer"
            continue
        einde = a._deelzin_einde(i)
        volgende = [k for k in range(i + 1, einde) if kern[k] != _LEEG]
        if not volgende or kern[volgende[0]] in woorden["concreet.geen_ding"]:
            continue
        if any(kern[k] in r.handelingen or _DEELWOORD.fullmatch(kern[k]) for k in volgende[:5]):
            continue
        uit.append((i, volgende[min(1, len(volgende) - 1)] + 1))
    return uit


def _bewijs(
    a: _Analyse, kern: list[str], deel: tuple[int, int], vaag: Reeksen, bijzaak: Reeksen
) -> bool:
    """Whether a part names an action, a result or a number besides its vague words."""
    r = a.r
    i, j = deel
    rest = [_LEEG] * i + kern[i:j] + [_LEEG] * (len(kern) - j)
    rest = _leeg(rest, vaag + bijzaak)
    # A verb right after a vague word is part of it: "beter slapen", "rustiger reageren".
    rest = _leeg(rest, [(e, e + 1) for _, e in vaag if e < len(rest) and rest[e] in r.handelingen])
    rest = _leeg(rest, r.vind("meetbaar.uitzondering", rest))  # "Jozias vindt dat"
    geen_resultaat_na = r.woorden["meetbaar.geen_resultaat_na"]
    zwak = r.woorden["concreet.zwak"]
    return bool(
        r.werkwoorden["concreet.handeling"].vind(a.zin, rest)
        or r.werkwoorden["meetbaar.afvinkbaar"].vind(a.zin, rest)
        or r.vind("concreet.bewijs", rest)
        or r.vind("meetbaar.hoe_vaak", rest)
        or r.vind("meetbaar.hoeveel", rest)
        or r.vind("meetbaar.bezoek", rest)
        or [
            (s, e)
            for s, e in r.vind("meetbaar.resultaat", rest)
            if not geen_resultaat_na & set(rest[max(0, s - 2) : s])
            and not zwak & set(rest[s:e])
        ]
    )


def _meetbaar(a: _Analyse, concreet: bool) -> Oordeel:
    """An amount or frequency, or something you can tick off; only for a concrete goal.

    In this order:

    1. an amount or frequency in the goal itself makes it measurable (not in the deadline,
       not in a part that says what stops: "niet meer elke dag"; a limit does count: "niet
       meer dan drie biertjes"; while searching, only how often counts: "een huis met drie
       slaapkamers zoeken" is still searching);
    2. something after "zonder" that you cannot tick off ("zonder angst") makes it not;
    3. an end state makes it measurable, also when it says what is gone ("schulden weg",
       "van de reclassering af", "geen rommel meer in de gang");
    4. so does a result or a one-off action (a verb or noun from the lists, a visit, a
       perfect tense: "heb ... gemaakt", a talk about something), unless its part says
       what stops ("geen ... meer kopen"), has no end ("vaker bellen", "zoeken", "naar de
       kerk gaan") or the goal is a rule for when something happens ("als hij langskomt");
    5. otherwise stopping, an ongoing activity ("sporten") or such a rule is not
       measurable; any other concrete goal names one thing to do, and is.
    """
    r, fb = a.r, a.r.feedback
    if not concreet:
        return False, fb["meetbaar_niet_concreet"]
    kern = _leeg(a.kern, a.bijvoeglijk)  # not what a relative clause says about a thing
    kern = _leeg(kern, r.vind("meetbaar.uitzondering", kern))
    deel = a.deel_van
    # A number in a part without a verb of its own belongs with the part before it ("zoekt
    # een opleiding, niveau 2"; "minder drinken, vooral doordeweeks").
    bij: dict[int, int] = {}
    vorige = 0
    for n, (i, j) in enumerate(a.delen):
        if n == 0 or any(a.werkwoordachtig(w) for w in a.woorden[i:j]):
            vorige = n
        bij.update(dict.fromkeys(range(i, j), vorige))
    stoppen = {s for s, _ in a.stoppen}
    ontkend = {deel.get(i) for i, _ in a.negatief if i not in stoppen}
    zoeken = {deel.get(i) for i, _ in r.vind("meetbaar.zoeken", kern)}
    tellen = _leeg(kern, r.vind("meetbaar.geen_hoe_vaak", kern))
    getallen = [(i, j) for i, j in r.vind("meetbaar.hoe_vaak", tellen) if bij.get(i) not in ontkend]
    getallen += [
        (i, j) for i, j in r.vind("meetbaar.hoeveel", tellen) if bij.get(i) not in ontkend | zoeken
    ]
    if getallen or r.vind("meetbaar.grens", tellen):
        return True, None
    # "zonder ..." in the goal itself, also "zonder dat ..." (not in a reason).
    eigen = _leeg(a.woorden, [(i, j) for i, j in a.bijzin if a.woorden[i] != "zonder"])
    voorbehoud = [
        (i, j)
        for i, _ in r.vind("meetbaar.voorbehoud", eigen)
        for j in [a._deelzin_einde(i)]
        if r.vind("concreet.gevoel", eigen[i:j]) or r.vind("concreet.vaag", eigen[i:j])
    ]
    if voorbehoud:
        return False, fb["meetbaar_vaag"].format(woorden=a.citaat(voorbehoud, 1))
    handelingen = [
        i
        for naam in ("concreet.handeling", "meetbaar.afvinkbaar", "meetbaar.bezigheid")
        for i, _ in r.werkwoorden[naam].vind(a.zin, kern)
    ] + [i for i, w in enumerate(kern) if w in r.woorden["meetbaar.doen"]]
    # An end state, also when worded as what is gone; not when the part says what the client
    # does ("ik haal geen drank meer in huis" is stopping).
    for i, j in r.vind("meetbaar.eindtoestand", kern):
        if not any(deel.get(k) == deel.get(i) and not i <= k < j for k in handelingen):
            return True, None
    if r.vind("meetbaar.uitkomst", kern):  # "uitzoeken of ...": an answer, yes or no
        return True, None
    doorlopend = r.vind("meetbaar.doorlopend", kern)
    # Going somewhere now and then is a habit; starting at a moment is not ("vanaf
    # september naar een oudercursus", "voor mijn verjaardag weer eens zien").
    if not a.termijn:
        doorlopend += r.vind("meetbaar.gewoonte", kern)
    zonder_eind = {deel.get(i) for i, _ in doorlopend} | zoeken
    # A rule for when something happens ("als hij langskomt, zegt ze nee") is a habit;
    # not a condition inside a reason, a relative clause or what is agreed.
    binnen = a.bijvoeglijk + [(i, j) for i, j in a.bijzin if a.woorden[i] not in ("als", "zodra")]
    voorwaarde = [
        (i, j)
        for i, j in r.vind("meetbaar.voorwaarde", a.woorden)
        if not _binnen(i, binnen) and (i == 0 or a.woorden[i - 1] != "voor")
    ]
    eenmalig = [(i, j) for i, j in r.vind("meetbaar.eenmalig", kern) if deel.get(i) not in ontkend]
    if eenmalig:
        return True, None
    geen_resultaat_na = r.woorden["meetbaar.geen_resultaat_na"]
    resultaat = [
        (i, j)
        for i, j in r.werkwoorden["meetbaar.afvinkbaar"].vind(a.zin, kern)
        + r.vind("meetbaar.bezoek", kern)
        + r.vind("meetbaar.voltooid", kern)
        + [
            (i, j)
            for i, j in r.vind("meetbaar.resultaat", kern)
            if not geen_resultaat_na & set(kern[max(0, i - 2) : i])
        ]
        + a.stoppen
        if deel.get(i) not in ontkend  # stopping or avoiding is not a result
    ]
    if not voorwaarde and any(deel.get(i) not in zonder_eind for i, _ in resultaat):
        return True, None
    if a.negatief:
        return False, fb["meetbaar_stoppen"].format(woorden=a.citaat(a.negatief, 1))
    bezig = doorlopend + r.vind("meetbaar.zoeken", kern) + voorwaarde
    bezig = bezig or r.werkwoorden["meetbaar.bezigheid"].vind(a.zin, kern)
    if bezig:
        return False, fb["meetbaar_doorlopend"].format(woorden=a.citaat(sorted(bezig), 1))
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
    """Says what comes or what the client does, not only what must stop, go or lessen.

    Each coordinated part of the goal is judged: the goal is positive when one part with
    content has no negation ("niet meer gebruiken maar iemand bellen"). A part that only
    sets the scene for a wish ("ik moet een enkelband dragen, maar wil dat die eraf gaat")
    does not count.
    """
    r = a.r
    if not a.negatief:
        return True, None
    tekst = _leeg(a.hoofd, a.bijvoeglijk + a.termijn + a.hoe_vaak)
    tekst = _leeg(tekst, r.vind("meetbaar.hoeveel", tekst))  # "tien procent per maand"
    wens = r.woorden["positief.wens"]
    delen = [(i, j) for i, j in a.delen if _inhoud(r, tekst[i:j])]
    # "..., maar ik wil ...": the wish is the goal, what comes before it the situation.
    for n, (i, _) in enumerate(delen):
        if n and a.woorden[i - 1] in r.woorden["positief.maar"] and wens & set(
            tekst[i : delen[n][1]]
        ) and not any(wens & set(tekst[s:e]) for s, e in delen[:n]):
            delen = delen[n:]
            break
    negatief_begin = [i for i, _ in a.negatief]
    if any(not any(i <= n < j for n in negatief_begin) for i, j in delen):
        return True, None
    return False, r.feedback["positief"].format(woorden=a.citaat(a.negatief))


def _eigen_regie(a: _Analyse) -> Oordeel:
    """The client speaks as the owner of the goal, not someone who imposes it."""
    r, fb = a.r, a.r.feedback
    woorden = _leeg(a.woorden, r.vind("eigen_regie.geen_derde", a.woorden))
    eigen = r.vind("eigen_regie.eigen", woorden)
    eerste_eigen = eigen[0][0] if eigen else len(woorden)
    derde = r.vind("eigen_regie.derde_persoon", woorden) + [
        (i, j)
        for i, j in r.vind("eigen_regie.derde_persoon_onderwerp", woorden)
        if i < eerste_eigen
    ]
    if derde:
        return False, fb["eigen_regie_derde"].format(woorden=a.citaat(sorted(derde), 1))
    woorden = _leeg(woorden, r.vind("eigen_regie.uitzondering", woorden))
    opdracht = r.vind("eigen_regie.opdracht", woorden)
    if opdracht:
        return False, fb["eigen_regie_opdracht"].format(woorden=a.citaat(opdracht, 1))
    if not eigen:
        return False, fb["eigen_regie_geen_ik"]
    return True, None


# --- judging ----------------------------------------------------------------------------


def beoordeel(tekst: str) -> Beoordeling:
    """Judge one goal on the five criteria; never raises on learner input.

    The same text under the same rules gives the same judgement, so the last
    ``ONTHOUDEN`` are remembered (a trainer's group overview judges each goal for the view
    and again for the points); every call gets its own copy."""
    r = _regels()
    if not isinstance(tekst, str) or len(tekst) > 2 * MAX_TEKENS:
        return _beoordeel(tekst, r)
    b = _onthouden(tekst, r)
    return Beoordeling(b.tekst, dict(b.criteria), list(b.feedback))


ONTHOUDEN = 2048


@lru_cache(maxsize=ONTHOUDEN)
def _onthouden(tekst: str, r: _Regels) -> Beoordeling:
    return _beoordeel(tekst, r)


def _beoordeel(tekst: str, r: _Regels) -> Beoordeling:
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
