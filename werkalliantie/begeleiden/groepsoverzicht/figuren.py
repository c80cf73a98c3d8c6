"""The group overview's charts: plain SVG, drawn to be projected.

Every chart is drawn at its real size in pixels, at most :data:`BREEDTE` wide, so on a
screen of 1280 by 720 it is shown without shrinking and its smallest text is
:data:`LETTER` (24) pixels. Labels are the Dutch texts the learners saw, in full: wrapped
over as many lines as they need, never cut. Each chart says how tall it is, so that the
page can give it a screen of its own (:mod:`.pagina`).

- :func:`telraster`: rows against a few columns, a circle with the number of participants
  in each cell: ratings on their scale (the reference band shaded, only within the
  scale), several sorting questions with the same categories, the spread of leans;
- :func:`staven`: a bar per option with how many chose it, the reference marked;
- :func:`histogram`: numbers on their line, the reference and its margin marked.

Colour is never the only signal: the reference has a ring or a border *and* a word.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache

from werkalliantie.leren.grafieken import RASTER, TEKST, omhulsel
from werkalliantie.leren.opgaven.getallen import getal_nl
from werkalliantie.leren.tekst import html_tekst

LETTER = 24  # px: the smallest text on a projected screen
GROOT = 28
REGEL = round(LETTER * 1.2)  # px per line of a label
TEKENBREEDTE = 0.56  # a character's mean width, as a share of the font size (sans-serif)
BREEDTE = 1180  # px: the widest chart (a screen of 1280 minus the page's margins)
KLEUR = "#1f5f99"
KLEUR_REF = "#a4000f"
BAND = "#fbe9eb"


def regels(tekst: str, breedte: float, grootte: int = LETTER) -> list[str]:
    """``tekst`` over as many lines of ``breedte`` px as it needs: wrapped, never cut."""
    return list(_regels(str(tekst), max(6, int(breedte / (grootte * TEKENBREEDTE)))))


@lru_cache(maxsize=4096)
def _regels(tekst: str, tekens: int) -> tuple[str, ...]:
    return tuple(textwrap.wrap(" ".join(tekst.split()), tekens)) or ("",)


def tekst(x: float, y: float, lijnen: list[str] | str, *, grootte: int = LETTER,
          anker: str = "start", kleur: str = TEKST, vet: bool = False) -> str:
    """Text in SVG, its first line's baseline at ``y``."""
    lijnen = [lijnen] if isinstance(lijnen, str) else lijnen
    stijl = ' font-weight="bold"' if vet else ""
    delen = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else round(grootte * 1.2)}">'
                    f"{html_tekst(r)}</tspan>" for i, r in enumerate(lijnen))
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{grootte}" text-anchor="{anker}" '
            f'fill="{kleur}"{stijl}>{delen}</text>')


@dataclass(frozen=True)
class Figuur:
    svg: str
    hoogte: float  # px at full size


# --- A grid of counts -----------------------------------------------------------------------

@dataclass(frozen=True)
class Rij:
    """One row of a grid: a label, and per column how many participants."""

    label: str
    aantallen: tuple[int, ...]
    referentie: frozenset[int] = frozenset()  # columns the reference chose (a ring)
    band: tuple[int, int] | None = None  # first and last column inside the band (shaded)
    kop: str | None = None  # a heading above this row (a part of a questionnaire)


@dataclass(frozen=True)
class Kolom:
    label: str
    getal: str | None = None  # a scale value, shown large above the label


@dataclass(frozen=True)
class Raster:
    kolommen: tuple[Kolom, ...]
    rijen: tuple[Rij, ...] = field(default_factory=tuple)
    labelbreedte: float = 520

    @property
    def kolombreedte(self) -> float:
        return min(200, (BREEDTE - self.labelbreedte - 16) / len(self.kolommen))

    @property
    def kophoogte(self) -> float:
        lijnen = max(len(regels(k.label, self.kolombreedte - 8)) if k.label else 0
                     for k in self.kolommen)
        return 8 + (GROOT * 1.25 if any(k.getal for k in self.kolommen) else 0) + lijnen * REGEL

    def rijhoogte(self, rij: Rij) -> float:
        lijnen = len(regels(rij.label, self.labelbreedte - 16))
        return max(72, lijnen * REGEL + 18) + (REGEL + 16 if rij.kop else 0)

    def hoogte(self, rijen: tuple[Rij, ...] | None = None) -> float:
        return self.kophoogte + sum(map(self.rijhoogte, self.rijen if rijen is None else rijen)) + 8


def _straal(aantal: int, grootste: int) -> float:
    cijfers = len(str(aantal))
    return min(30, max(8 + 7 * cijfers, 12 + 18 * math.sqrt(aantal / max(grootste, 1))))


def telraster(raster: Raster, titel: str, beschrijving: str) -> Figuur:
    """Rows against columns, each cell a circle with its count (none for 0)."""
    links, kolom = raster.labelbreedte, raster.kolombreedte
    breedte = links + kolom * len(raster.kolommen) + 8
    grootste = max((a for r in raster.rijen for a in r.aantallen), default=1)
    delen = []

    def x(j: int) -> float:
        return links + kolom * (j + 0.5)

    y = 4.0
    for j, k in enumerate(raster.kolommen):
        yk = y + GROOT
        if k.getal is not None:
            delen.append(tekst(x(j), yk, k.getal, grootte=GROOT, anker="middle", vet=True))
            yk += REGEL + 2
        if k.label:
            delen.append(tekst(x(j), yk, regels(k.label, kolom - 8), anker="middle"))
    y = raster.kophoogte
    delen.append(f'<line x1="{links:.1f}" x2="{breedte - 8:.1f}" y1="{y - 2:.1f}" '
                 f'y2="{y - 2:.1f}" stroke="{TEKST}"/>')
    for rij in raster.rijen:
        if rij.kop:
            delen.append(tekst(0, y + REGEL + 4, rij.kop, grootte=LETTER, vet=True))
            y += REGEL + 16
        hoogte = raster.rijhoogte(rij) - (REGEL + 16 if rij.kop else 0)
        midden = y + hoogte / 2
        lijnen = regels(rij.label, links - 16)
        delen.append(tekst(links - 16, midden - (len(lijnen) - 1) * REGEL / 2 + 8, lijnen,
                           anker="end"))
        if rij.band is not None:
            a, b = rij.band
            delen.append(f'<rect x="{links + kolom * a + 3:.1f}" y="{y + 3:.1f}" '
                         f'width="{kolom * (b - a + 1) - 6:.1f}" height="{hoogte - 6:.1f}" rx="8" '
                         f'fill="{BAND}" stroke="{KLEUR_REF}" stroke-width="2" '
                         'stroke-dasharray="8 5"/>')
        for j, aantal in enumerate(rij.aantallen):
            r = _straal(aantal, grootste)
            if j in rij.referentie:
                delen.append(f'<circle cx="{x(j):.1f}" cy="{midden:.1f}" r="{(r if aantal else 10) + 6:.1f}" '
                             f'fill="none" stroke="{KLEUR_REF}" stroke-width="4"/>')
            if aantal:
                delen.append(f'<circle cx="{x(j):.1f}" cy="{midden:.1f}" r="{r:.1f}" fill="{KLEUR}"/>'
                             + tekst(x(j), midden + 8, str(aantal), anker="middle", kleur="white",
                                     vet=True))
        y += hoogte
        delen.append(f'<line x1="0" x2="{breedte - 8:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{RASTER}"/>')
    for j in range(len(raster.kolommen) + 1):
        xl = links + kolom * j
        delen.insert(0, f'<line x1="{xl:.1f}" x2="{xl:.1f}" y1="{raster.kophoogte - 2:.1f}" '
                        f'y2="{y:.1f}" stroke="{RASTER}"/>')
    return Figuur(omhulsel(breedte, y + 8, titel, beschrijving, "".join(delen)), y + 8)


# --- Bars ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Staaf:
    label: str
    aantal: int
    referentie: bool = False


LABEL_STAAF = 740  # px at most for an option's text
REF_STAAF = 180  # px at the right for the word that marks the reference


def staaflabel(rijen: list[Staaf]) -> float:
    """The width of the options' texts: what the longest needs, at most LABEL_STAAF."""
    langste = max((len(s.label) for s in rijen), default=0)
    return max(240.0, min(LABEL_STAAF, langste * LETTER * TEKENBREEDTE + 32))


def staafhoogte(staaf: Staaf, label: float = LABEL_STAAF) -> float:
    return max(48, len(regels(staaf.label, label - 16)) * REGEL + 14)


def staven(rijen: list[Staaf], titel: str, beschrijving: str, label: float = LABEL_STAAF) -> Figuur:
    """A bar per option (in the options' own order) with the number of participants; the
    reference's bars have a red border, and the word at the right."""
    grootste = max((s.aantal for s in rijen), default=0) or 1
    lengte_max = BREEDTE - label - 70 - REF_STAAF
    delen, y = [], 0.0
    for s in rijen:
        hoogte = staafhoogte(s, label)
        midden = y + hoogte / 2
        lijnen = regels(s.label, label - 16)
        delen.append(tekst(label - 16, midden - (len(lijnen) - 1) * REGEL / 2 + 8, lijnen,
                           anker="end"))
        lengte = max(3, lengte_max * s.aantal / grootste)
        rand = f' stroke="{KLEUR_REF}" stroke-width="5"' if s.referentie else ""
        delen.append(f'<rect x="{label:.1f}" y="{midden - 15:.1f}" width="{lengte:.1f}" '
                     f'height="30" fill="{KLEUR}"{rand}/>')
        delen.append(tekst(label + lengte + 12, midden + 8, str(s.aantal), vet=True))
        if s.referentie:
            delen.append(tekst(BREEDTE - 4, midden + 8, "✓ referentie", anker="end",
                               kleur=KLEUR_REF, vet=True))
        y += hoogte
    delen.append(f'<line x1="{label:.1f}" x2="{label:.1f}" y1="0" y2="{y:.1f}" stroke="{TEKST}"/>')
    return Figuur(omhulsel(BREEDTE, y + 4, titel, beschrijving, "".join(delen)), y + 4)


# --- Numbers --------------------------------------------------------------------------------------

HISTOGRAM_HOOGTE = 300


def _bakken(waarden: list[float], referentie: float | None) -> tuple[float, float, float, bool]:
    """(low, high, width, whole numbers) of the bins: one per whole number when the numbers are whole
    (at least seven, never below 0 when no number is); else about sixteen of a round width,
    with an empty one either side."""
    alle = waarden + ([referentie] if referentie is not None else [])
    laag, hoog = min(alle), max(alle)
    if all(float(w).is_integer() for w in alle) and hoog - laag <= 24:
        laag, hoog = laag - 1, hoog + 1  # an empty one either side
        if laag < 0 <= min(alle):
            laag = 0
        return laag - 0.5, hoog + 0.5, 1.0, True
    if hoog - laag < 1e-6:
        laag, hoog = laag - 1, hoog + 1
    ruw = (hoog - laag) / 16
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(m * macht for m in (1, 2, 2.5, 5, 10) if m * macht >= ruw)
    begin = math.floor(laag / stap) * stap - stap
    eind = begin + stap * (math.floor((hoog - begin) / stap) + 2)
    return begin, eind, stap, False


def histogram(waarden: list[float], referentie: float | None, marge: float, titel: str,
              beschrijving: str) -> Figuur:
    """How many participants gave each number (bins on the number line); the reference a
    line with its value, the margin around it shaded."""
    laag, hoog, stap, heel = _bakken(waarden, referentie)
    n = max(1, round((hoog - laag) / stap))
    tellen = [0] * n
    for w in waarden:
        tellen[min(n - 1, max(0, int((w - laag) // stap)))] += 1
    links, rechts, boven, onder = 60, 40, 84, 60
    b, h = BREEDTE - links - rechts, HISTOGRAM_HOOGTE - boven - onder

    def px(w: float) -> float:
        return links + (w - laag) / (hoog - laag) * b

    grootste = max(tellen) or 1
    delen = []
    if referentie is not None and marge:
        a, z = max(laag, referentie - marge), min(hoog, referentie + marge)
        delen.append(f'<rect x="{px(a):.1f}" y="{boven:.1f}" width="{px(z) - px(a):.1f}" '
                     f'height="{h:.1f}" fill="{BAND}"/>')
    for i, aantal in enumerate(tellen):
        if not aantal:
            continue
        hb = h * aantal / grootste
        x0, x1 = px(laag + i * stap) + 2, px(laag + (i + 1) * stap) - 2
        delen.append(f'<rect x="{x0:.1f}" y="{boven + h - hb:.1f}" width="{x1 - x0:.1f}" '
                     f'height="{hb:.1f}" fill="{KLEUR}"/>'
                     + tekst((x0 + x1) / 2, boven + h - hb - 8, str(aantal), anker="middle", vet=True))
    delen.append(f'<line x1="{links}" x2="{links + b}" y1="{boven + h:.1f}" y2="{boven + h:.1f}" '
                 f'stroke="{TEKST}" stroke-width="2"/>')
    # ticks: under each whole number (every other one when many), else on the bins' edges
    if heel:
        merken = [laag + 0.5 + i for i in range(0, n, 1 if n <= 13 else 2)]
    else:
        merken = [laag + i * stap for i in range(0, n + 1, 2 if n > 9 else 1)]
    for w in merken:
        delen.append(f'<line x1="{px(w):.1f}" x2="{px(w):.1f}" y1="{boven + h:.1f}" '
                     f'y2="{boven + h + 8:.1f}" stroke="{TEKST}"/>'
                     + tekst(px(w), boven + h + 8 + LETTER, getal_nl(w, 2), anker="middle"))
    if referentie is not None:
        delen.append(f'<line x1="{px(referentie):.1f}" x2="{px(referentie):.1f}" y1="{LETTER + 8:.1f}" '
                     f'y2="{boven + h:.1f}" stroke="{KLEUR_REF}" stroke-width="4" stroke-dasharray="10 6"/>')
        anker = "start" if px(referentie) < BREEDTE / 2 else "end"
        delen.append(tekst(px(referentie) + (8 if anker == "start" else -8), LETTER,
                           f"referentie: {getal_nl(referentie)}", anker=anker, kleur=KLEUR_REF,
                           vet=True))
    return Figuur(omhulsel(BREEDTE, HISTOGRAM_HOOGTE, titel, beschrijving, "".join(delen)),
                  HISTOGRAM_HOOGTE)
