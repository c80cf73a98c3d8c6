"""An explainable checker for a client goal written in Dutch.

``beoordeel(tekst)`` judges one goal on five criteria (concreet, meetbaar, tijdgebonden,
positief, eigen_regie) and returns a :class:`Beoordeling` with one Dutch hint per unmet
criterion. The hints quote the learner's own words.

All word lists and phrases live in ``data/doelregels.yaml``, so a trainer can read and
extend them; this module only knows how to match them. The rules file is read and
validated once, at first use, with a Dutch error that names the file and the field.

Language tools: ``simplemma`` (Dutch lemmas and a word list, for verb forms and for
telling a typo from a real word) and ``rapidfuzz`` (the nearest rule word for a typo).
Both are imported lazily, at the first call, so importing this module stays cheap.
Time expressions are matched with the rule phrases; a date parser did not help here.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

CRITERIA = ("concreet", "meetbaar", "tijdgebonden", "positief", "eigen_regie")
# Untrusted input: only this many characters are judged.
MAX_TEKENS = 1000

_REGELS_NAAM = "doelregels.yaml"
_LEEG = "_"  # a blanked word: matches no rule word
_GAT = r"(?: [^ ]+){0,4}"  # "..." in a rule: zero to four words
_WOORD = re.compile(r"\d+(?:[.,:/-]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ZINSEINDE = re.compile(r"[.!?;:\n]")
_KOMMA = re.compile(r"[,()]")
_TAG = re.compile(r"<[^<>]{0,300}>")
# Dutch separable-verb particles: "inschrijven" -> "schrijf ... in".
_PARTIKELS = tuple(
    sorted(
        "aan af in op uit door mee terug samen vast weg over bij toe na om los neer rond "
        "langs thuis tegen achter".split(),
        key=len,
        reverse=True,
    )
)
_LABELS = {
    "concreet": "concreet",
    "meetbaar": "meetbaar",
    "tijdgebonden": "tijdgebonden",
    "positief": "positief geformuleerd",
    "eigen_regie": "eigen regie",
}


class DoelregelsFout(ValueError):
    """The rules file is broken; the message names the file and the field."""


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
            regels.append(f"  {teken} {_LABELS[naam]}")
        regels.append(f"{self.aantal_voldaan} van de {len(CRITERIA)} criteria voldaan.")
        if self.feedback:
            regels.append("Tips:")
            regels.extend(f"  - {tip}" for tip in self.feedback)
        return "\n".join(regels)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        e = html.escape
        doel = f"<q>{e(self.tekst)}</q>" if self.tekst else "<em>(leeg)</em>"
        items = "".join(
            f"<li>{'✓' if ok else '✗'} {e(_LABELS[naam])}: "
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
        tekst = str(tekst)
    tekst = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c != "\n" else c
        for c in tekst[: MAX_TEKENS * 2]
    )
    return unicodedata.normalize("NFC", tekst).strip()


@dataclass(frozen=True)
class _Zin:
    """The goal as words, with where each word sits in the text."""

    tekst: str
    woorden: tuple[str, ...]  # normalised, typos repaired
    spans: tuple[tuple[int, int], ...]  # each word's place in ``tekst``
    zin: tuple[int, ...]  # sentence number of each word
    grens: tuple[bool, ...]  # a comma or sentence end follows the word


def _splits(tekst: str, regels: _Regels) -> _Zin:
    zonder_tags = _TAG.sub(lambda m: " " * len(m.group()), tekst)
    woorden, spans, zinnen, grenzen = [], [], [], []
    zin = 0
    treffers = list(_WOORD.finditer(zonder_tags))
    for n, m in enumerate(treffers):
        woorden.append(regels.herstel(_zonder_accent(m.group())))
        spans.append(m.span())
        zinnen.append(zin)
        tot = treffers[n + 1].start() if n + 1 < len(treffers) else len(zonder_tags)
        tussen = zonder_tags[m.end() : tot]
        einde = bool(_ZINSEINDE.search(tussen))
        grenzen.append(einde or bool(_KOMMA.search(tussen)))
        zin += einde
    return _Zin(tekst, tuple(woorden), tuple(spans), tuple(zinnen), tuple(grenzen))


# --- rule matching ----------------------------------------------------------------------


class _Lijst:
    """One named rule list, compiled to a single pattern over the words."""

    def __init__(self, naam: str, patroon: re.Pattern[str]):
        self.naam = naam
        self.patroon = patroon

    def vind(self, woorden: list[str] | tuple[str, ...]) -> list[tuple[int, int]]:
        """Word ranges [start, end) where the list matches."""
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


def _leeg(woorden, reeksen) -> list[str]:
    uit = list(woorden)
    for i, j in reeksen:
        uit[i:j] = [_LEEG] * (j - i)
    return uit


def _stammen(infinitief: str) -> set[str]:
    """Present-tense stems of a regular Dutch verb: maken -> maak, bellen -> bel."""
    if infinitief.endswith("en"):
        stam = infinitief[:-2]
    elif infinitief.endswith("n"):
        return {infinitief[:-1]}  # gaan, doen, staan: short verbs
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
    vormen = {infinitief}
    for s in _stammen(infinitief):
        vormen |= {s, s + "t", s + "de", s + "te", s + "den", s + "ten"}
        for uitgang in ("d", "t") if s[-1] not in "dt" else ("",):
            vormen |= {"ge" + s + uitgang, s + uitgang}
    return vormen


class _Werkwoorden:
    """A list of verbs, matched in any form, also split ("vraag ... aan")."""

    def __init__(self, naam: str, regels: list[str], is_woord):
        self.naam = naam
        self.vol: dict[str, str] = {}  # form -> infinitive
        self.basis: dict[str, list[tuple[str, str]]] = {}  # base form -> (particle, inf)
        self.lemma_vol: set[str] = set()
        self.lemma_basis: dict[str, list[tuple[str, str]]] = {}
        for regel in regels:
            inf, _, extra = regel.partition("|")
            inf = _zonder_accent(inf.strip())
            self.lemma_vol.add(inf)
            for v in _vormen(inf):
                self.vol.setdefault(v, inf)
            for v in (x.strip() for x in extra.split(",")):
                if v:
                    self.vol[_zonder_accent(v)] = inf
            for p in _PARTIKELS:
                rest = inf[len(p) :]
                if inf.startswith(p) and len(rest) >= 4 and is_woord(rest):
                    self.lemma_basis.setdefault(rest, []).append((p, inf))
                    for s in _stammen(rest) | {rest}:
                        self.basis.setdefault(s, []).append((p, inf))
                    for s in _stammen(rest):
                        for uitgang in ("d", "t") if s[-1] not in "dt" else ("",):
                            self.vol.setdefault(p + "ge" + s + uitgang, inf)
                            self.vol.setdefault(p + s + uitgang, inf)
                    break

    def woordvormen(self) -> set[str]:
        return set(self.vol) | set(self.basis)

    def vind(self, zin: _Zin, woorden: list[str], lemma) -> list[tuple[int, int]]:
        treffers = []
        for i, w in enumerate(woorden):
            if w == _LEEG:
                continue
            if w in self.vol or lemma(w) in self.lemma_vol:
                treffers.append((i, i + 1))
                continue
            kandidaten = self.basis.get(w, []) + self.lemma_basis.get(lemma(w), [])
            for partikel, _inf in kandidaten:
                if any(
                    woorden[k] == partikel and zin.zin[k] == zin.zin[i]
                    for k in range(len(woorden))
                    if k != i
                ):
                    treffers.append((i, i + 1))
                    break
        return treffers


class _Regels:
    """The compiled rules file."""

    def __init__(self, data: dict, bron: str):
        self.bron = bron
        import simplemma  # lazy: loads its Dutch dictionary on first use

        self._simplemma = simplemma
        self.data = data
        self.klassen = {
            naam: [str(x) for x in self._lijst(data, "klassen", naam)]
            for naam in self._blok(data, "klassen")
        }
        self.woordenschat: set[str] = set()
        for lijst in self.klassen.values():
            self._leer(lijst)

        for blok in (*CRITERIA, "reden", "feedback"):
            self._blok(data, blok)
        self.c_vaag = self._compileer("concreet", "vaag")
        self.c_uitzondering = self._compileer("concreet", "uitzondering")
        self.c_vulwoorden = {_zonder_accent(w) for w in self._lijst(data, "concreet", "vulwoorden")}
        self.c_handeling = self._werkwoorden("concreet", "handeling")
        self.m_hoeveel = self._compileer("meetbaar", "hoeveel")
        self.m_hoe_vaak = self._compileer("meetbaar", "hoe_vaak")
        self.m_afvinkbaar = self._werkwoorden("meetbaar", "afvinkbaar")
        self.m_resultaat = self._compileer("meetbaar", "resultaat")
        self.m_geen_resultaat_na = {
            _zonder_accent(w) for w in self._lijst(data, "meetbaar", "geen_resultaat_na")
        }
        self.t_termijn = self._compileer("tijdgebonden", "termijn")
        self.t_vaag = self._compileer("tijdgebonden", "vaag")
        self.p_negatief = self._compileer("positief", "negatief")
        self.p_uitzondering = self._compileer("positief", "uitzondering")
        self.e_eigen = self._compileer("eigen_regie", "eigen")
        self.e_derde = self._compileer("eigen_regie", "derde_persoon")
        self.e_onderwerp = self._compileer("eigen_regie", "derde_persoon_onderwerp")
        self.e_opdracht = self._compileer("eigen_regie", "opdracht")
        self.r_begin = self._compileer("reden", "begin")
        self.r_uitzondering = self._compileer("reden", "uitzondering")
        self.feedback = {
            str(k): " ".join(str(v).split()) for k, v in self._blok(data, "feedback").items()
        }
        for sleutel in (
            "leeg te_lang concreet_vaag concreet_leeg meetbaar meetbaar_niet_concreet "
            "tijdgebonden tijdgebonden_vaag tijdgebonden_frequentie positief "
            "eigen_regie_derde eigen_regie_opdracht eigen_regie_geen_ik"
        ).split():
            if sleutel not in self.feedback:
                raise self._fout(f"feedback.{sleutel}", "deze feedbackzin ontbreekt")
        self._woorden_lijst = sorted(w for w in self.woordenschat if len(w) >= 4)

    # -- validation and compilation --

    def _fout(self, veld: str, wat: str) -> DoelregelsFout:
        return DoelregelsFout(f"Fout in {self.bron}, bij '{veld}': {wat}.")

    def _blok(self, data: dict, naam: str) -> dict:
        blok = data.get(naam) if isinstance(data, dict) else None
        if not isinstance(blok, dict):
            raise self._fout(naam, "dit blok ontbreekt of is geen lijst met namen")
        return blok

    def _lijst(self, data: dict, blok: str, naam: str) -> list[str]:
        lijst = self._blok(data, blok).get(naam)
        if not isinstance(lijst, list) or not all(isinstance(x, str | int) for x in lijst):
            raise self._fout(f"{blok}.{naam}", "dit moet een lijst met woorden zijn")
        return [str(x) for x in lijst]

    def _leer(self, regels: list[str]) -> None:
        for regel in regels:
            for w in regel.split():
                w = _zonder_accent(w.strip("*"))
                if w.isalpha():
                    self.woordenschat.add(w)

    def _woord(self, w: str, veld: str, diepte: int) -> str:
        if w.startswith("{") and w.endswith("}"):
            naam = w[1:-1]
            if naam not in self.klassen:
                raise self._fout(veld, f"de woordgroep {{{naam}}} bestaat niet (zie 'klassen')")
            if diepte > 4:
                raise self._fout(veld, f"de woordgroep {{{naam}}} verwijst naar zichzelf")
            delen = [self._frase(x, f"klassen.{naam}", diepte + 1) for x in self.klassen[naam]]
            return "(?:" + "|".join(sorted(delen, key=len, reverse=True)) + ")"
        if w == "#":
            return r"\d+(?:[.,]\d+)*"
        if w == "#-#":
            return r"\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?"
        kaal = _zonder_accent(w)
        if kaal.endswith("*"):
            return re.escape(kaal[:-1]) + r"[^ ]*"
        if kaal.startswith("*"):
            return r"[^ ]*" + re.escape(kaal[1:])
        if not kaal or "*" in kaal or " " in kaal:
            raise self._fout(veld, f"'{w}' is geen geldig woord")
        return re.escape(kaal)

    def _frase(self, frase: str, veld: str, diepte: int = 0) -> str:
        delen = frase.split()
        if not delen or delen[0] == "..." or delen[-1] == "...":
            raise self._fout(veld, f"'{frase}' mag niet leeg zijn of met ... beginnen of eindigen")
        uit = ""
        for d in delen:
            if d == "...":
                uit += _GAT
            else:
                uit += (" " if uit else "") + self._woord(d, veld, diepte)
        return uit

    def _compileer(self, blok: str, naam: str) -> _Lijst:
        regels = self._lijst(self.data, blok, naam)
        self._leer(regels)
        delen = sorted(
            (self._frase(r, f"{blok}.{naam}") for r in regels), key=len, reverse=True
        )
        bron = "(?<![^ ])(?:" + "|".join(delen) + ")(?![^ ])" if delen else r"(?!x)x"
        return _Lijst(f"{blok}.{naam}", re.compile(bron))

    def _werkwoorden(self, blok: str, naam: str) -> _Werkwoorden:
        regels = self._lijst(self.data, blok, naam)
        ww = _Werkwoorden(f"{blok}.{naam}", regels, self.is_woord)
        self.woordenschat |= {w for w in ww.woordvormen() if w.isalpha()}
        return ww

    # -- language tools --

    def is_woord(self, w: str) -> bool:
        return self._simplemma.is_known(w, lang="nl")

    @lru_cache(maxsize=8192)  # noqa: B019 - one _Regels per process
    def lemma(self, w: str) -> str:
        if w == _LEEG or not w.isalpha():
            return w
        return _zonder_accent(self._simplemma.lemmatize(w, lang="nl")).replace("_", "")

    @lru_cache(maxsize=8192)  # noqa: B019 - one _Regels per process
    def herstel(self, w: str) -> str:
        """Repair a typo in a rule word ("weeek" -> "week"), never in a real word."""
        if len(w) < 4 or not w.isalpha() or w in self.woordenschat or self.is_woord(w):
            return w
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        grens = 1 if len(w) < 8 else 2
        beste = process.extractOne(
            w, self._woorden_lijst, scorer=OSA.distance, score_cutoff=grens
        )
        return beste[0] if beste else w


@cache
def _regels() -> _Regels:
    pad = Path(__file__).resolve().parent / "data" / _REGELS_NAAM
    bron = f"werkalliantie/data/{_REGELS_NAAM}"
    try:
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as fout:
        raise DoelregelsFout(f"Kan {bron} niet lezen: {fout}") from fout
    return _Regels(data, bron)


# --- judging ----------------------------------------------------------------------------


def _citaat(zin: _Zin, reeksen: list[tuple[int, int]], max_aantal: int = 2) -> str:
    stukken: list[str] = []
    for i, j in reeksen:
        while i < j and zin.woorden[i] == _LEEG:
            i += 1
        if i >= j:
            continue
        stuk = zin.tekst[zin.spans[i][0] : zin.spans[j - 1][1]]
        stuk = " ".join(stuk.split())
        if f'"{stuk}"' not in stukken:
            stukken.append(f'"{stuk}"')
        if len(stukken) == max_aantal:
            break
    return " en ".join(stukken)


def _hoofdzin(zin: _Zin, r: _Regels) -> list[str]:
    """The words outside a reason clause ("zodat ik minder stress heb")."""
    woorden = list(zin.woorden)
    gezocht = _leeg(woorden, r.r_uitzondering.vind(woorden))
    for i, _ in r.r_begin.vind(gezocht):
        k = i
        while k < len(woorden) - 1 and not zin.grens[k]:
            k += 1
        woorden[i : k + 1] = [_LEEG] * (k + 1 - i)
    return woorden


def _ervoor(negatief, i: int, zin: _Zin) -> bool:
    """A negation earlier in the same sentence ("niet langer ... betalen")."""
    return any(e <= i and zin.zin[s] == zin.zin[i] for s, e in negatief)


def beoordeel(tekst: str) -> Beoordeling:
    """Judge one goal on the five criteria; never raises on learner input."""
    r = _regels()
    schoon = _schoon(tekst)
    te_lang = len(schoon) > MAX_TEKENS
    schoon = schoon[:MAX_TEKENS].strip()
    zin = _splits(schoon, r)
    fb = r.feedback

    if not zin.woorden:
        return Beoordeling(schoon, dict.fromkeys(CRITERIA, False), [fb["leeg"]])

    woorden = list(zin.woorden)
    hoofd = _hoofdzin(zin, r)
    feedback: list[str] = []
    criteria: dict[str, bool] = {}

    # Negations, in the goal itself (not in a reason clause).
    p_tekst = _leeg(hoofd, r.p_uitzondering.vind(hoofd))
    hoe_vaak = r.m_hoe_vaak.vind(woorden)
    termijn = r.t_termijn.vind(_leeg(woorden, hoe_vaak))
    negatief = r.p_negatief.vind(_leeg(p_tekst, termijn))

    # concreet
    c_tekst = _leeg(hoofd, r.c_uitzondering.vind(hoofd))
    vaag = r.c_vaag.vind(c_tekst)
    inhoud = [w for w in c_tekst if w != _LEEG and w not in r.c_vulwoorden]
    if not inhoud:
        criteria["concreet"] = False
        feedback.append(fb["concreet_leeg"])
    elif vaag:
        rest = _leeg(c_tekst, vaag)
        bewijs = (
            r.c_handeling.vind(zin, rest, r.lemma)
            or r.m_afvinkbaar.vind(zin, rest, r.lemma)
            or r.m_hoe_vaak.vind(rest)
            or r.m_hoeveel.vind(rest)
        )
        criteria["concreet"] = bool(bewijs)
        if not bewijs:
            feedback.append(fb["concreet_vaag"].format(woorden=_citaat(zin, vaag)))
    else:
        criteria["concreet"] = True

    # meetbaar: an amount or frequency, or a result you can tick off
    zonder_tijd = _leeg(woorden, termijn)
    afvinkbaar = [
        (i, j)
        for i, j in r.m_afvinkbaar.vind(zin, zonder_tijd, r.lemma)
        + [
            (i, j)
            for i, j in r.m_resultaat.vind(zonder_tijd)
            if not r.m_geen_resultaat_na & set(zonder_tijd[max(0, i - 2) : i])
        ]
        if not _ervoor(negatief, i, zin)
    ]
    maat = hoe_vaak or r.m_hoeveel.vind(zonder_tijd) or afvinkbaar
    criteria["meetbaar"] = criteria["concreet"] and bool(maat)
    if not criteria["meetbaar"]:
        sleutel = "meetbaar" if criteria["concreet"] else "meetbaar_niet_concreet"
        feedback.append(fb[sleutel])

    # tijdgebonden: a deadline, date, period or start; a frequency is not one
    criteria["tijdgebonden"] = bool(termijn)
    if not termijn:
        vaag_tijd = r.t_vaag.vind(_leeg(woorden, hoe_vaak))
        if vaag_tijd:
            feedback.append(fb["tijdgebonden_vaag"].format(woorden=_citaat(zin, vaag_tijd, 1)))
        elif hoe_vaak:
            feedback.append(
                fb["tijdgebonden_frequentie"].format(woorden=_citaat(zin, hoe_vaak, 1))
            )
        else:
            feedback.append(fb["tijdgebonden"])

    # positief: judged on the wording of the goal itself
    criteria["positief"] = not negatief
    if negatief:
        feedback.append(fb["positief"].format(woorden=_citaat(zin, negatief)))

    # eigen_regie
    eigen = r.e_eigen.vind(woorden)
    eerste_eigen = eigen[0][0] if eigen else len(woorden)
    derde = r.e_derde.vind(woorden) + [
        (i, j) for i, j in r.e_onderwerp.vind(woorden) if i < eerste_eigen
    ]
    opdracht = r.e_opdracht.vind(woorden)
    criteria["eigen_regie"] = bool(eigen) and not derde and not opdracht
    if derde:
        derde.sort()
        feedback.append(fb["eigen_regie_derde"].format(woorden=_citaat(zin, derde, 1)))
    elif opdracht:
        feedback.append(fb["eigen_regie_opdracht"].format(woorden=_citaat(zin, opdracht, 1)))
    elif not eigen:
        feedback.append(fb["eigen_regie_geen_ik"])

    if te_lang:
        feedback.append(fb["te_lang"].format(max=MAX_TEKENS))
    return Beoordeling(schoon, {k: criteria[k] for k in CRITERIA}, feedback)
