"""Reading the built book as a reader meets it: pages, running text, sentences, words.

Pure functions over the built HTML, so the quality tests in test_boek.py stay short and
each rule (what counts as running text, where a sentence ends, what is a word) is written
once, here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

# --- Pages -------------------------------------------------------------------------------

BRONTYPEN = (".md", ".ipynb")


def toc_paginas(root: Path) -> list[str]:
    """Every page the table of contents names, as docname (path without extension)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    namen: list[str] = [_zonder_extensie(toc["root"])]

    def loop(items):
        for item in items or []:
            if "file" in item:
                namen.append(_zonder_extensie(item["file"]))
            elif "glob" in item:
                for pad in sorted(root.glob(item["glob"])):
                    if pad.suffix in BRONTYPEN:
                        namen.append(pad.relative_to(root).with_suffix("").as_posix())
            for sleutel in ("chapters", "sections", "parts"):
                loop(item.get(sleutel))

    loop(toc.get("parts"))
    loop(toc.get("chapters"))
    return list(dict.fromkeys(namen))


def _zonder_extensie(naam: str) -> str:
    for ext in BRONTYPEN:
        naam = naam.removesuffix(ext)
    return naam


def lees_html(pad: Path) -> BeautifulSoup:
    return BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser")


def artikel(soep: BeautifulSoup) -> Tag:
    """The page's own content: the theme's <article>, without navigation and footers."""
    gevonden = soep.select_one("article.bd-article") or soep.find("article")
    assert gevonden is not None, "geen <article> in de pagina: is het thema veranderd?"
    return gevonden


# --- What counts as running text -----------------------------------------------------------

# A <p> inside one of these is not running text (lists, tables, quotations, captions,
# code, admonition titles, the glossary, the bibliography, footnotes).
GEEN_LOPENDE_TEKST = ", ".join([
    "li", "table", "blockquote", "figcaption", ".caption", "pre", "code",
    "dl.glossary", ".citation-list", ".bibliography", "[role=doc-biblioentry]",
    ".footnote-list", "aside.footnote",
])
# Removed from a paragraph before counting: a reader skips a reference in brackets.
VERWIJZINGEN = ".bibtex-citation, .footnote-reference, a.headerlink"
# Not the author's text: quotations marked as such, the bibliography, footnote lists.
GEEN_EIGEN_TEKST = "blockquote, .citation-list, .bibliography, [role=doc-biblioentry], a.headerlink"


def lopende_tekst(art: Tag) -> list[str]:
    """The text of every running-text paragraph of an article."""
    alineas = []
    for p in art.find_all("p"):
        if p.css.match("p.admonition-title") or _in_uitgesloten(p, art):
            continue
        kopie = BeautifulSoup(str(p), "html.parser")
        for el in kopie.select(VERWIJZINGEN):
            el.decompose()
        tekst = " ".join(kopie.get_text().split())
        if tekst:
            alineas.append(tekst)
    return alineas


def _in_uitgesloten(p: Tag, art: Tag) -> bool:
    for voorouder in p.parents:
        if voorouder is art or voorouder is None:
            return False
        if voorouder.css.match(GEEN_LOPENDE_TEKST):
            return True
    return False


def eigen_tekst(soep: BeautifulSoup) -> str:
    """All text a reader sees in the article that the authors wrote or generated, plus the
    texts inside the page's widgets; without marked quotations and the bibliography."""
    art = BeautifulSoup(str(artikel(soep)), "html.parser")
    for el in art.select(GEEN_EIGEN_TEKST):
        el.decompose()
    delen = [art.get_text(" ")]
    delen.extend(widgetteksten(soep))
    return "\n".join(delen)


WIDGETSLEUTELS = {"value", "description", "placeholder", "tooltip", "_options_labels",
                  "options", "children_titles", "_titles"}


def widgetteksten(soep: BeautifulSoup) -> list[str]:
    """The texts inside embedded ipywidgets (labels, HTML values, options): a reader sees
    them once the widget renders, but they are not in the page's text nodes."""
    teksten: list[str] = []

    def verzamel(waarde):
        if isinstance(waarde, str):
            teksten.append(BeautifulSoup(waarde, "html.parser").get_text(" ")
                           if "<" in waarde else waarde)
        elif isinstance(waarde, list):
            for w in waarde:
                verzamel(w)
        elif isinstance(waarde, dict):
            for w in waarde.values():
                verzamel(w)

    for script in soep.find_all("script", type="application/vnd.jupyter.widget-state+json"):
        try:
            toestand = json.loads(script.string or "{}")
        except json.JSONDecodeError:
            continue
        for model in toestand.get("state", {}).values():
            for sleutel, waarde in model.get("state", {}).items():
                if sleutel in WIDGETSLEUTELS:
                    verzamel(waarde)
    return teksten


# --- Sentences and words -------------------------------------------------------------------

# Abbreviations whose full stop does not end a sentence (lower case, without the last dot).
# Dutch words that can end a sentence ("al", "vol", "tel", "red") are left out on purpose.
AFKORTINGEN = {
    "bijv", "bv", "e.a", "o.a", "dr", "drs", "mr", "mevr", "dhr", "prof", "ing", "ir",
    "d.w.z", "m.a.w", "i.p.v", "t.o.v", "o.b.v", "m.b.t", "n.a.v", "z.g.a.n", "a.s",
    "enz", "etc", "incl", "excl", "ca", "nr", "blz", "pp", "vs", "jl", "vgl", "zgn",
    "evt", "resp", "e.d", "i.v.m", "t.a.v", "v.a", "t/m", "o.m", "eds", "jr", "sr",
    "cf", "e.g", "i.e",
}
_EINDE = re.compile(r"(\.\.\.|…|[.!?]+)([\"'”’»)\]]*)(?=\s|$)")
_WOORD = re.compile(r"[^\W_]")


def zinnen(alinea: str) -> list[str]:
    """Split a paragraph into sentences on . ! ? — not after an abbreviation or an initial,
    not inside a number (1.5), not at an ellipsis that the sentence goes on after."""
    resultaat: list[str] = []
    begin = 0
    for m in _EINDE.finditer(alinea):
        teken = m.group(1)
        voor = alinea[begin:m.start()]
        na = alinea[m.end():].lstrip()
        if teken == ".":
            laatste = [w.lower().lstrip("(\"'‘“") for w in voor.split()[-2:]]
            if laatste and (laatste[-1] in AFKORTINGEN
                            or re.fullmatch(r"[a-zà-ÿ]", laatste[-1])
                            or laatste == ["et", "al"]):
                continue  # bijv. / e.a. / et al. / an initial such as "S." or "p."
        if teken in ("...", "…") and na and not na[0].isupper():
            continue  # "ik dacht… nou ja": the sentence goes on
        resultaat.append(alinea[begin:m.end()].strip())
        begin = m.end()
    rest = alinea[begin:].strip()
    if rest:
        resultaat.append(rest)
    return [z for z in resultaat if woorden(z)]


def woorden(tekst: str) -> list[str]:
    """Tokens with at least one letter or digit."""
    return [t for t in tekst.split() if _WOORD.search(t)]


@dataclass(frozen=True)
class Zinslengte:
    pagina: str
    zinnen: int
    woorden: int

    @property
    def gemiddeld(self) -> float | None:
        return self.woorden / self.zinnen if self.zinnen else None


def zinslengte(pagina: str, alineas: list[str]) -> tuple[Zinslengte, list[str]]:
    """The average sentence length of a page, and its sentences longest first."""
    alle = [z for a in alineas for z in zinnen(a)]
    return (Zinslengte(pagina, len(alle), sum(len(woorden(z)) for z in alle)),
            sorted(alle, key=lambda z: -len(woorden(z))))


# --- Shingles (copied runs) ----------------------------------------------------------------

_TOKEN = re.compile(r"[a-zà-ÿ0-9']+")
_APOSTROFS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


def tokens(tekst: str) -> list[str]:
    """Lower-case words; curly and straight apostrophes alike (smartquotes change them)."""
    gevonden = _TOKEN.findall(tekst.lower().translate(_APOSTROFS))
    return [t for t in (g.strip("'") for g in gevonden) if t]


def shingles(woordenlijst: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(woordenlijst[i:i + n]) for i in range(len(woordenlijst) - n + 1)}


def gekopieerde_stukken(tekst: str, bron: set[tuple[str, ...]], n: int) -> list[str]:
    """Every maximal run of at least n words of tekst that also stands in a source."""
    w = tokens(tekst)
    treffers = [i for i in range(len(w) - n + 1) if tuple(w[i:i + n]) in bron]
    stukken: list[str] = []
    begin = vorige = None
    for i in treffers + [None]:
        if i is not None and vorige is not None and i == vorige + 1:
            vorige = i
            continue
        if begin is not None:
            stukken.append(" ".join(w[begin:vorige + n]))
        begin = vorige = i
    return stukken


# --- Quotations ----------------------------------------------------------------------------

_AANHALINGSTEKENS = str.maketrans({c: "" for c in "„“”\"«»"})
_STREEPJES = str.maketrans({"–": "-", "—": "-", "‑": "-"})
_RAND = " .,;:!?-…'"


def citaatvorm(tekst: str) -> str:
    """A text as quotations are compared: one space between words, one kind of apostrophe
    and dash, no double quotation marks. Case and inner punctuation stay: a quotation
    must keep the source's wording."""
    tekst = tekst.translate(_APOSTROFS).translate(_AANHALINGSTEKENS).translate(_STREEPJES)
    return " ".join(tekst.split())


# A cut in a quotation: "…" (or "...", "[…]", "(…)").
_WEGLATING = re.compile(r"\s*(?:\[…\]|\(…\)|\[\.\.\.\]|…|\.\.\.)\s*")
# What may stand just before a quotation that does not open with "…": the end of a
# sentence or clause, a colon, an opening quote or bracket.
_VOOR_BEGIN = ".!?:;'("
_ZINSEINDE = ".!?…"


def _genormaliseerd(bron: str) -> tuple[str, set[int]]:
    """The source as quotations are compared (citaatvorm), and where its lines begin:
    a line break (a heading, a list item, a paragraph) is a boundary like a full stop."""
    tekst, begins = "", set()
    for regel in bron.splitlines():
        stuk = citaatvorm(regel)
        if not stuk:
            continue
        if tekst:
            tekst += " "
        begins.add(len(tekst))
        tekst += stuk
    return tekst, begins


def _begint_op_grens(tekst: str, begins: set[int], i: int) -> bool:
    if i in begins:
        return True
    voor = tekst[:i].rstrip()
    if not voor:
        return True
    if voor[-1] in _VOOR_BEGIN:
        return True
    # After a list marker at the start of a line ("- ", "1. ").
    regelbegin = max((b for b in begins if b <= i), default=0)
    return bool(re.fullmatch(r"(?:[-•*]|\d+[.)])", tekst[regelbegin:i].strip()))


def _eindigt_op_grens(tekst: str, begins: set[int], j: int, slot: str) -> bool:
    """Whether the source's sentence (or line) ends right after position j, with the
    same closing mark as the quotation (``slot``: its last . ! ? or "")."""
    volgende = min((b for b in begins if b > j), default=len(tekst) + 1) - 1
    na = tekst[j:volgende].strip()
    na_zonder_haakjes = na.lstrip("')")
    if not na_zonder_haakjes:  # the line ends here (a heading, a list item)
        return slot in ("", ".")
    if na_zonder_haakjes[0] not in _ZINSEINDE:
        return False
    return not slot or slot == na_zonder_haakjes[0]


def citaatfout(citaat: str, bron: str) -> str | None:
    """Why a quotation does not stand in its source as quoted, or None when it does.

    Strict (issue 23): every part stands in the source word for word; only the case of a
    part's first letter may differ. A quotation that stops before its source's sentence
    ends must show the cut with "…" (and one that starts inside a sentence, too); it may
    not close with a full stop where the source goes on. Parts around a "…" stand in the
    source in that order."""
    tekst = citaatvorm(citaat).strip()
    stukken = _WEGLATING.split(tekst)
    open_begin, open_eind = stukken[0].strip() == "", stukken[-1].strip() == ""
    delen = [s for s in (s.strip() for s in stukken) if s.strip(_RAND)]
    if not delen:
        return "het citaat is leeg"
    bron_n, begins = _genormaliseerd(bron)
    vanaf = 0
    for n, deel in enumerate(delen):
        eerste, laatste = n == 0, n == len(delen) - 1
        kern = deel.strip(_RAND)
        staart = deel[len(deel.rstrip(_RAND)):]
        slot = next((c for c in staart if c in ".!?"), "")
        kandidaten = {kern, kern[0].swapcase() + kern[1:]}
        gevonden, fouten = False, set()
        for vorm in kandidaten:
            i = bron_n.find(vorm, vanaf)
            while i != -1:
                j = i + len(vorm)
                if eerste and not open_begin and not _begint_op_grens(bron_n, begins, i):
                    fouten.add("begin")
                elif laatste and not open_eind and not _eindigt_op_grens(bron_n, begins, j, slot):
                    fouten.add("eind")
                else:
                    gevonden, vanaf = True, j
                    break
                i = bron_n.find(vorm, i + 1)
            if gevonden:
                break
        if not gevonden:
            if "eind" in fouten:
                return (f"«…{kern[-40:]}»: de zin gaat in de bron verder of eindigt anders; "
                        "laat de weglating zien met …")
            if "begin" in fouten:
                return f"«{kern[:40]}…» begint midden in een zin; laat de weglating zien met …"
            waar = " (na het vorige stuk)" if n else ""
            return f"«{kern[:60]}» staat niet letterlijk in de bron{waar}"
    return None


def staat_in_bron(citaat: str, bron: str) -> bool:
    """Whether the quotation stands in the source as quoted (see ``citaatfout``)."""
    return citaatfout(citaat, bron) is None


# Spans in double quotation marks: a quotation written into running text. (Single marks
# are left out: in Dutch the same character is an apostrophe, as in "zo'n" and "'s avonds".)
AANGEHAALD = re.compile(r"[„“\"]([^„“”\"]{2,400}?)[”\"]")
