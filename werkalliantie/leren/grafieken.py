"""Charts the learner sees in an exercise, as SVG made with plain Python.

The exercises run in the learner's browser too (Pyodide), where matplotlib is not
available, so these charts are SVG text: shown in a widget, in the static book and in
the browser alike. Every chart has Dutch labels, an accessible name and description
(``role="img"`` with a title and a description that says what it shows), and tells
its lines and bars apart without colour (line style and marker, fill pattern).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from werkalliantie.leren.opgaven.getallen import getal_nl
from werkalliantie.leren.tekst import html_tekst

TEKST = "#1a1a1a"
RASTER = "#d5d9de"
_volgnummer = itertools.count(1)


@dataclass(frozen=True)
class Lijn:
    naam: str
    waarden: tuple[float | None, ...]  # one per session; None: no value
    kleur: str
    streep: str  # SVG stroke-dasharray: "" is a solid line
    merkteken: str  # rondje | vierkant | driehoek | ruit


CLIENT = ("#1f4e79", "", "rondje")
PROFESSIONAL = ("#9c4a00", "7 4", "vierkant")
ROLLENSPEL_CLIENT = ("#2e6b2e", "2 3", "driehoek")
ROLLENSPEL_PROFESSIONAL = ("#6a2c70", "10 3 2 3", "ruit")


def _merk(soort: str, x: float, y: float, kleur: str) -> str:
    if soort == "rondje":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{kleur}"/>'
    if soort == "vierkant":
        return (f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="white" '
                f'stroke="{kleur}" stroke-width="2"/>')
    if soort == "driehoek":
        return (f'<polygon points="{x:.1f},{y - 5.5:.1f} {x - 5:.1f},{y + 4:.1f} {x + 5:.1f},{y + 4:.1f}" '
                f'fill="{kleur}"/>')
    return (f'<polygon points="{x:.1f},{y - 5.5:.1f} {x + 5.5:.1f},{y:.1f} {x:.1f},{y + 5.5:.1f} '
            f'{x - 5.5:.1f},{y:.1f}" fill="white" stroke="{kleur}" stroke-width="2"/>')


def omhulsel(breedte: float, hoogte: float, titel: str, beschrijving: str, inhoud: str) -> str:
    """One chart: an accessible SVG (title and description) that scales with the page."""
    n = next(_volgnummer)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte:.0f} {hoogte:.0f}" '
            f'width="100%" style="max-width:{breedte:.0f}px;font-family:sans-serif" role="img" '
            f'aria-labelledby="wa-t{n} wa-d{n}"><title id="wa-t{n}">{html_tekst(titel)}</title>'
            f'<desc id="wa-d{n}">{html_tekst(beschrijving)}</desc>{inhoud}</svg>')


def lijngrafiek(lijnen: list[Lijn], *, maximum: float, drempel: float | None, titel: str,
                beschrijving: str, ylabel: str, xlabel: str = "Sessie") -> str:
    """Lines over sessions 1..n on a scale from 0 to ``maximum``, with a dotted threshold."""
    n = max(len(lijn.waarden) for lijn in lijnen)
    links, rechts, boven, onder = 56, 16, 16, 44
    breedte, hoogte = 640, 300
    legenda_hoogte = 22 * ((len(lijnen) + (drempel is not None) + 1) // 2)
    b, h = breedte - links - rechts, hoogte - boven - onder

    def px(sessie: int) -> float:
        return links + (sessie - 1) * b / max(n - 1, 1)

    def py(waarde: float) -> float:
        return boven + h - waarde / maximum * h

    delen = []
    stap = maximum / 4
    for i in range(5):  # grid and y labels
        w = i * stap
        delen.append(f'<line x1="{links}" x2="{links + b}" y1="{py(w):.1f}" y2="{py(w):.1f}" '
                     f'stroke="{RASTER}"/>')
        delen.append(f'<text x="{links - 8}" y="{py(w) + 4:.1f}" font-size="12" text-anchor="end" '
                     f'fill="{TEKST}">{w:g}</text>')
    for s in range(1, n + 1):
        delen.append(f'<text x="{px(s):.1f}" y="{boven + h + 18}" font-size="12" '
                     f'text-anchor="middle" fill="{TEKST}">{s}</text>')
    delen.append(f'<text x="{links + b / 2:.1f}" y="{hoogte - 6}" font-size="13" '
                 f'text-anchor="middle" fill="{TEKST}">{html_tekst(xlabel)}</text>')
    delen.append(f'<text transform="translate(14 {boven + h / 2:.1f}) rotate(-90)" font-size="13" '
                 f'text-anchor="middle" fill="{TEKST}">{html_tekst(ylabel)}</text>')
    if drempel is not None:
        delen.append(f'<line x1="{links}" x2="{links + b}" y1="{py(drempel):.1f}" y2="{py(drempel):.1f}" '
                     f'stroke="{TEKST}" stroke-width="1.5" stroke-dasharray="1 4" stroke-linecap="round"/>')
    for lijn in lijnen:
        punten = [(px(s), py(w)) for s, w in enumerate(lijn.waarden, 1) if w is not None]
        if len(punten) > 1:
            pad = " ".join(f"{x:.1f},{y:.1f}" for x, y in punten)
            delen.append(f'<polyline points="{pad}" fill="none" stroke="{lijn.kleur}" '
                         f'stroke-width="2.5" stroke-dasharray="{lijn.streep}"/>')
        delen.extend(_merk(lijn.merkteken, x, y, lijn.kleur) for x, y in punten)
    # The legend below the chart, two entries per row.
    items = [(lijn.naam, lijn) for lijn in lijnen]
    if drempel is not None:
        items.append((f"signaalgrens ({drempel:g})", None))
    for k, (naam, lijn) in enumerate(items):
        x, y = links + (k % 2) * (b / 2), hoogte + 16 + 22 * (k // 2)
        if lijn is None:
            teken = (f'<line x1="{x}" x2="{x + 34}" y1="{y}" y2="{y}" stroke="{TEKST}" stroke-width="1.5" '
                     f'stroke-dasharray="1 4" stroke-linecap="round"/>')
        else:
            teken = (f'<line x1="{x}" x2="{x + 34}" y1="{y}" y2="{y}" stroke="{lijn.kleur}" '
                     f'stroke-width="2.5" stroke-dasharray="{lijn.streep}"/>'
                     + _merk(lijn.merkteken, x + 17, y, lijn.kleur))
        delen.append(teken + f'<text x="{x + 42}" y="{y + 4}" font-size="13" fill="{TEKST}">{html_tekst(naam)}</text>')
    return omhulsel(breedte, hoogte + legenda_hoogte + 8, titel, beschrijving, "".join(delen))


def profiel(dimensies: list[tuple[str, float | None, tuple[float, float] | None]], *,
            minimum: float, maximum: float, titel: str, beschrijving: str) -> str:
    """Per dimension the learner's score (a solid bar) and, if given, the reference band
    (a hatched stretch from its low to its high end). ``dimensies``: (name, yours, band)."""
    links, rechts, rij = 170, 110, 58  # room on the right for the labels
    breedte = 680
    hoogte = 24 + rij * len(dimensies) + 30
    b = breedte - links - rechts

    def px(w: float) -> float:
        return links + (w - minimum) / (maximum - minimum) * b

    n = next(_volgnummer)
    delen = [f'<defs><pattern id="wa-arcering{n}" width="6" height="6" patternUnits="userSpaceOnUse" '
             f'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#9c4a00" '
             f'stroke-width="3"/></pattern></defs>']
    for w in range(int(minimum), int(maximum) + 1):
        delen.append(f'<line x1="{px(w):.1f}" x2="{px(w):.1f}" y1="16" y2="{hoogte - 30}" stroke="{RASTER}"/>'
                     f'<text x="{px(w):.1f}" y="{hoogte - 14}" font-size="12" text-anchor="middle" '
                     f'fill="{TEKST}">{w}</text>')
    for i, (naam, jouw, band) in enumerate(dimensies):
        y = 20 + i * rij
        delen.append(f'<text x="{links - 10}" y="{y + 24}" font-size="13" text-anchor="end" '
                     f'fill="{TEKST}">{html_tekst(naam)}</text>')
        if jouw is not None:
            delen.append(f'<rect x="{links}" y="{y}" width="{max(px(jouw) - links, 1):.1f}" height="18" '
                         f'fill="#1f4e79" stroke="{TEKST}" stroke-width="0.5"/>'
                         f'<text x="{px(jouw) + 6:.1f}" y="{y + 14}" font-size="12" fill="{TEKST}">'
                         f'jij {getal_nl(jouw, 1)}</text>')
        if band is not None:
            laag, hoog = band
            delen.append(f'<rect x="{px(laag):.1f}" y="{y + 22}" width="{max(px(hoog) - px(laag), 1):.1f}" '
                         f'height="18" fill="url(#wa-arcering{n})" stroke="{TEKST}" stroke-width="0.5"/>'
                         f'<text x="{px(hoog) + 6:.1f}" y="{y + 36}" font-size="12" '
                         f'fill="{TEKST}">band {getal_nl(laag, 1)}–{getal_nl(hoog, 1)}</text>')
    return omhulsel(breedte, hoogte, titel, beschrijving, "".join(delen))
