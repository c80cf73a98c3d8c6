"""The group overview: per question what the group answered, beside the reference.

What a question shows comes from its kind (:func:`werkalliantie.leren.opgaven.groepsweergave`:
plain data, :mod:`werkalliantie.leren.opgaven.groep`); this module only draws it:

- ratings (:class:`~werkalliantie.leren.opgaven.groep.Beoordelingen`) on their own scale, per
  statement how many gave each score, with the reference band; the group are raters here,
  and their agreement is an intraclass correlation over these statements only (this
  package's own :func:`~werkalliantie.begeleiden.groepsoverzicht.icc.icc`, Shrout & Fleiss);
- choices (:class:`~werkalliantie.leren.opgaven.groep.Keuzes`) as a bar per option, the
  reference marked; numbers as dots on a line; texts as a list in random order;
- every answer is graded with the question's key where there is one (the practice key, or a
  graded key from the instructor's ``sleutels/``): how many got how many points per part;
- where the group differs most: the discussion starters.

:meth:`Overzicht.html` is one self-contained page (inline SVG and CSS, no script, nothing
from the internet); every text from a file is escaped.
"""

from __future__ import annotations

import random
import statistics
import textwrap
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import werkalliantie.begeleiden.groepsoverzicht.icc as icc_
from werkalliantie.begeleiden.groepsoverzicht.inlezen import Groep
from werkalliantie.leren import opgaven
from werkalliantie.leren.grafieken import RASTER, TEKST, omhulsel
from werkalliantie.leren.opgaven import Opgave, getallen
from werkalliantie.leren.opgaven.groep import Beoordelingen, Getallen, Groepsdeel, Keuzes
from werkalliantie.leren.tekst import html_tekst

MAX_TEKST = 400  # characters of a participant's text shown
GESPREK = 5  # discussion starters shown
KLEUR = "#1f5f99"
KLEUR_REF = "#a4000f"
LETTER = 0.56  # average width of a character, as a share of the font size (sans-serif)


def getal(x: float, decimalen: int = 2) -> str:
    return getallen.getal_nl(x, decimalen)


# --- What the page shows -------------------------------------------------------------------

@dataclass
class Overeenstemming:
    vorm: str
    waarde: float | None
    items: int
    beoordelaars: int
    uitgesloten: int  # raters left out for a missing rating
    melding: str | None = None  # a Dutch reason when there is no value


@dataclass
class Vraag:
    opgave: Opgave
    deelnemers: int
    delen: list[Groepsdeel]
    punten: dict[str, Counter]  # part name -> points -> participants (with a key)
    max_punten: dict[str, float]
    overeenstemming: Overeenstemming | None
    heeft_sleutel: bool = False


def _sleutel(opgave: Opgave, sleutels: Path | None) -> Any:
    if opgave.sleutel is not None:
        return opgave.sleutel
    if sleutels is None:
        return None
    from werkalliantie.begeleiden.nakijken.sleutels import SleutelNietGevonden, lees_sleutel

    try:
        return lees_sleutel(opgave, sleutels)
    except SleutelNietGevonden:
        return None


def overeenstemming(deel: Beoordelingen, vorm: str) -> Overeenstemming:
    """The ICC of the group over the rated statements of ``deel`` (nothing else)."""
    tabel = [list(item.scores) for item in deel.items]
    volledig, houden = icc_.volledig(tabel)
    aantal = len(deel.items[0].scores) if deel.items else 0
    uit = Overeenstemming(icc_.vorm_naam(vorm), None, len(deel.items), len(houden),
                          aantal - len(houden))
    if len(deel.items) < icc_.MIN_DOELEN:
        uit.melding = (f"Te weinig stellingen ({len(deel.items)}): daarvoor zijn er minstens "
                       f"{icc_.MIN_DOELEN} nodig.")
    elif len(houden) < icc_.MIN_BEOORDELAARS:
        uit.melding = (f"Te weinig deelnemers die alles invulden ({len(houden)}): daarvoor zijn "
                       f"er minstens {icc_.MIN_BEOORDELAARS} nodig.")
    else:
        try:
            uit.waarde = icc_.icc(volledig, vorm)
        except icc_.ICCFout as fout:
            uit.melding = str(fout)
    return uit


def vraag(opgave: Opgave, antwoorden: list[Any], sleutels: Path | None, vorm: str) -> Vraag:
    """Everything shown for one question; ``antwoorden``: one per participant."""
    sleutel = _sleutel(opgave, sleutels)
    delen = opgaven.groepsweergave(opgave, antwoorden, sleutel)
    punten: dict[str, Counter] = {}
    maximum: dict[str, float] = {}
    if sleutel is not None:
        for antwoord in antwoorden:
            for deel in opgaven.nakijken(opgave, antwoord, sleutel).delen:
                punten.setdefault(deel.naam, Counter())[deel.punten] += 1
                maximum[deel.naam] = deel.max_punten
    beoordelingen = [d for d in delen if isinstance(d, Beoordelingen)]
    eens = overeenstemming(beoordelingen[0], vorm) if beoordelingen else None
    return Vraag(opgave, len(antwoorden), delen, punten, maximum, eens, sleutel is not None)


# --- Figures (plain SVG, like the exercises' charts) ----------------------------------------

def _regels(tekst: str, breedte: int) -> list[str]:
    """A label over as many lines as it needs: wrapped, never cut."""
    return textwrap.wrap(" ".join(str(tekst).split()), breedte) or [""]


def _tekst(x: float, y: float, tekst: str, *, grootte: int = 14, anker: str = "start",
           kleur: str = TEKST, breedte: int | None = None, gewicht: str = "") -> str:
    """A (wrapped) text; its first line's baseline at ``y``."""
    regels = _regels(tekst, breedte) if breedte else [str(tekst)]
    stijl = f' font-weight="{gewicht}"' if gewicht else ""
    tspans = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else grootte * 1.2:.1f}">'
                     f"{html_tekst(r)}</tspan>" for i, r in enumerate(regels))
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{grootte}" text-anchor="{anker}" '
            f'fill="{kleur}"{stijl}>{tspans}</text>')


LABELBREEDTE = 34  # characters per line of a label left of a chart
RIJ = 20  # px per line of a label


def figuur_beoordelingen(titel: str, deel: Beoordelingen) -> str:
    """Per statement a row on the scale: a circle per score with the number of participants,
    the reference band shaded."""
    laag, hoog = deel.schaal
    waarden = list(range(laag, hoog + 1))
    links, kolom, boven = LABELBREEDTE * 14 * LETTER + 24, 64, 30
    breedte = links + kolom * len(waarden) + 12
    rijen, y, groep = [], boven, None
    for item in deel.items:
        if item.groep != groep:
            groep = item.groep
            rijen.append(("groep", groep, y))
            y += 28
        hoogte = max(44, RIJ * len(_regels(item.tekst, LABELBREEDTE)) + 12)
        rijen.append(("item", item, y + hoogte / 2))
        y += hoogte
    hoogte = y + 46
    grootste = max((Counter(s for s in i.scores if s is not None).most_common(1)[0][1]
                    for i in deel.items if any(s is not None for s in i.scores)), default=1)

    def px(w: float) -> float:
        return links + kolom * (w - laag + 0.5)

    delen = [f'<line x1="{px(w):.1f}" x2="{px(w):.1f}" y1="{boven - 6}" y2="{y:.1f}" '
             f'stroke="{RASTER}"/>' for w in waarden]
    for soort, inhoud, ym in rijen:
        if soort == "groep":
            delen.append(_tekst(8, ym + 18, inhoud, grootte=15, gewicht="bold"))
            continue
        item = inhoud
        regels = _regels(item.tekst, LABELBREEDTE)
        delen.append(_tekst(links - 12, ym - (len(regels) - 1) * RIJ / 2 + 5, item.tekst,
                            anker="end", breedte=LABELBREEDTE))
        if item.band is not None:
            a, b = max(laag, item.band[0]), min(hoog, item.band[1])
            delen.append(f'<rect x="{px(a) - kolom / 2 + 4:.1f}" y="{ym - 19:.1f}" '
                         f'width="{px(b) - px(a) + kolom - 8:.1f}" height="38" rx="6" '
                         f'fill="{KLEUR_REF}" fill-opacity="0.10" stroke="{KLEUR_REF}" '
                         'stroke-dasharray="4 3"/>')
        for w, aantal in sorted(Counter(s for s in item.scores if s is not None).items()):
            r = 7 + 11 * (aantal / grootste) ** 0.5
            delen.append(f'<circle cx="{px(w):.1f}" cy="{ym:.1f}" r="{r:.1f}" fill="{KLEUR}"/>'
                         + _tekst(px(w), ym + 5, str(aantal), grootte=13, anker="middle",
                                  kleur="white", gewicht="bold"))
    for w in waarden:
        delen.append(_tekst(px(w), hoogte - 26, str(w), anker="middle", gewicht="bold"))
        if w in deel.labels:
            delen.append(_tekst(px(w), hoogte - 8, deel.labels[w], grootte=12, anker="middle"))
    return omhulsel(breedte, hoogte, f"{titel}: de scores van de groep per stelling",
                    "Per stelling een rij. Een cirkel per score, met het aantal deelnemers dat "
                    "die score gaf. Het gestippelde vlak is de referentieband.", "".join(delen))


def figuur_keuzes(titel: str, deel: Keuzes) -> str:
    """A bar per option: how many chose it; the reference marked."""
    aantallen = deel.aantallen()
    links, boven, lengte = LABELBREEDTE * 14 * LETTER + 24, 12, 320
    grootste = max(aantallen, default=0) or 1
    delen, y = [], boven
    for optie, aantal in zip(deel.opties, aantallen):
        regels = _regels(optie.tekst, LABELBREEDTE)
        hoogte = max(36, RIJ * len(regels) + 10)
        ym = y + hoogte / 2
        delen.append(_tekst(links - 12, ym - (len(regels) - 1) * RIJ / 2 + 5, optie.tekst,
                            anker="end", breedte=LABELBREEDTE))
        b = lengte * aantal / grootste
        rand = f' stroke="{KLEUR_REF}" stroke-width="3"' if optie.referentie else ""
        delen.append(f'<rect x="{links:.1f}" y="{ym - 11:.1f}" width="{max(b, 2):.1f}" '
                     f'height="22" fill="{KLEUR}"{rand}/>'
                     + _tekst(links + max(b, 2) + 8, ym + 5, str(aantal), gewicht="bold"))
        if optie.referentie:
            delen.append(_tekst(links + max(b, 2) + 40, ym + 5, "✓ referentie",
                                kleur=KLEUR_REF, grootte=13))
        y += hoogte
    breedte = links + lengte + 150
    return omhulsel(breedte, y + 12, f"{titel}: hoeveel deelnemers elke keuze maakten",
                    "Per keuze een balk met het aantal deelnemers. Een rode rand en het woord "
                    "referentie: de keuze van het antwoordmodel.", "".join(delen))


def figuur_getallen(titel: str, deel: Getallen) -> str:
    """Each participant's number as a dot; the reference as a line with its margin."""
    waarden = [w for w in deel.waarden if w is not None]
    alle = waarden + ([deel.referentie] if deel.referentie is not None else [])
    laag, hoog = min(alle), max(alle)
    if hoog - laag < 1:
        laag, hoog = laag - 1, hoog + 1
    marge = (hoog - laag) * 0.08
    laag, hoog = laag - marge, hoog + marge
    links, breedte, ym = 24, 560, 40

    def px(w: float) -> float:
        return links + (w - laag) / (hoog - laag) * (breedte - 2 * links)

    delen = [f'<line x1="{links}" x2="{breedte - links}" y1="{ym + 26}" y2="{ym + 26}" '
             f'stroke="{TEKST}"/>']
    if deel.referentie is not None:
        r = deel.referentie
        if deel.marge:
            delen.append(f'<rect x="{px(r - deel.marge):.1f}" y="{ym - 24:.1f}" '
                         f'width="{px(r + deel.marge) - px(r - deel.marge):.1f}" height="48" '
                         f'fill="{KLEUR_REF}" fill-opacity="0.10"/>')
        delen.append(f'<line x1="{px(r):.1f}" x2="{px(r):.1f}" y1="{ym - 24}" y2="{ym + 26}" '
                     f'stroke="{KLEUR_REF}" stroke-width="3"/>'
                     + _tekst(px(r), ym - 30, f"referentie {getal(r)}", anker="middle",
                              kleur=KLEUR_REF, grootte=13))
    for w, aantal in Counter(waarden).items():
        delen += [f'<circle cx="{px(w):.1f}" cy="{ym + 16 - 9 * k:.1f}" r="4" fill="{KLEUR}">'
                  f"<title>{html_tekst(getal(w))}</title></circle>" for k in range(aantal)]
    for w in (laag + marge, hoog - marge):
        delen.append(_tekst(px(w), ym + 46, getal(w, 1), anker="middle", grootte=13))
    return omhulsel(breedte, ym + 60, f"{titel}: de getallen van de groep",
                    "Een stip per deelnemer op de getallenlijn; de rode streep is de "
                    "referentie.", "".join(delen))


# --- The page ------------------------------------------------------------------------------

@dataclass
class Overzicht:
    groep: Groep
    vragen: list[Vraag]
    namen: bool
    vorm: str
    onbekend: int  # answers to questions the course does not know (left out)

    def naam(self, nr: int) -> str:
        return self.groep.deelnemers[nr - 1].naam if self.namen else f"Deelnemer {nr}"

    def gespreksstarters(self) -> list[tuple[Vraag, str, str]]:
        """(question, what, how the group answered) where the group differs most."""
        kandidaten = []
        for v in self.vragen:
            for deel in v.delen:
                if isinstance(deel, Beoordelingen):
                    for item in deel.items:
                        scores = [s for s in item.scores if s is not None]
                        if len(scores) >= 2 and statistics.pstdev(scores) > 0:
                            verdeling = ", ".join(f"score {w}: {n}" for w, n in
                                                  sorted(Counter(scores).items()))
                            kandidaten.append((statistics.pstdev(scores) / 2, v, item.tekst,
                                               verdeling))
                elif isinstance(deel, Keuzes):
                    n = sum(1 for g in deel.gekozen if g)
                    if n >= 2 and not deel.meer:
                        aantallen = deel.aantallen()
                        spreiding = 1 - max(aantallen) / n
                        if spreiding > 0:
                            verdeling = ", ".join(f"{o.tekst}: {a}" for o, a in
                                                  zip(deel.opties, aantallen) if a)
                            kandidaten.append((spreiding, v, deel.titel, verdeling))
        kandidaten.sort(key=lambda k: -k[0])
        return [(v, wat, hoe) for _, v, wat, hoe in kandidaten[:GESPREK]]

    def samenvatting(self) -> str:
        regels = [f"{len(self.groep.deelnemers)} deelnemers, {len(self.vragen)} vragen."]
        if self.groep.overgeslagen:
            regels.append(f"{getallen.aantal(self.groep.overgeslagen, 'bestand', 'bestanden')} "
                          "overgeslagen (beschadigd of geen antwoordbestand).")
        for v in self.vragen:
            o = v.overeenstemming
            if o and o.waarde is not None:
                regels.append(f"{v.opgave.titel}: {o.vorm} = {getal(o.waarde)} "
                              f"({o.beoordelaars} beoordelaars, {o.items} stellingen)")
        return "\n".join(regels)

    def html(self) -> str:
        delen = [f"<h1>Groepsoverzicht</h1><p>{len(self.groep.deelnemers)} deelnemers. "
                 + ("Namen zijn zichtbaar: laat deze pagina niet rondgaan." if self.namen else
                    "Deelnemers staan er zonder naam in.")
                 + "</p>"]
        if self.groep.overgeslagen:
            delen.append(f"<p>{getallen.aantal(self.groep.overgeslagen, 'bestand kon', 'bestanden konden')} "
                         "niet worden gelezen en tellen niet mee.</p>")
        starters = self.gespreksstarters()
        if starters:
            delen.append("<section><h2>Waar de groep het meest verschilt</h2><p>Goede "
                         "vragen om samen te bespreken:</p><ol>")
            delen += [f"<li><strong>{html_tekst(v.opgave.titel)}</strong>: {html_tekst(wat)} "
                      f"({html_tekst(hoe)}).</li>" for v, wat, hoe in starters]
            delen.append("</ol></section>")
        delen += [self._vraag_html(v) for v in self.vragen]
        delen.append(self._deelnemers_html())
        return PAGINA.format(inhoud="\n".join(delen))

    def _deelnemers_html(self) -> str:
        """Who took part, and how many questions each answered (the names only on request)."""
        rijen = "".join(
            f"<tr><td>{html_tekst(self.naam(nr))}</td><td>{len(d.antwoorden)}</td></tr>"
            for nr, d in enumerate(self.groep.deelnemers, 1))
        return ("<section><h2>Wie deed mee</h2><table><thead><tr><th scope='col'>deelnemer</th>"
                f"<th scope='col'>aantal beantwoorde vragen</th></tr></thead><tbody>{rijen}"
                "</tbody></table></section>")

    def _vraag_html(self, v: Vraag) -> str:
        uit = [f"<section><h2>{html_tekst(v.opgave.titel)}</h2><p>"
               f"{getallen.aantal(v.deelnemers, 'deelnemer', 'deelnemers')} beantwoordden deze vraag."
               + ("" if v.heeft_sleutel else " Er is geen antwoordmodel bij deze vraag.")
               + "</p>"]
        for deel in v.delen:
            uit.append(self._deel_html(v, deel))
        if v.punten:
            uit.append("<table><caption>Punten volgens het antwoordmodel</caption><thead><tr>"
                       "<th scope='col'>onderdeel</th><th scope='col'>punten: aantal deelnemers</th>"
                       "</tr></thead><tbody>")
            for deel, telling in v.punten.items():
                verdeling = ", ".join(f"{opgaven.getal(p)} van {opgaven.getal(v.max_punten[deel])}: "
                                      f"{n}" for p, n in sorted(telling.items()))
                uit.append(f"<tr><td>{html_tekst(deel)}</td><td>{html_tekst(verdeling)}</td></tr>")
            uit.append("</tbody></table>")
        uit.append("</section>")
        return "\n".join(uit)

    def _deel_html(self, v: Vraag, deel: Groepsdeel) -> str:
        if isinstance(deel, Beoordelingen):
            uit = [f"<h3>{html_tekst(deel.titel)}</h3><figure>"
                   f"{figuur_beoordelingen(v.opgave.titel, deel)}<figcaption>Per stelling "
                   "hoeveel deelnemers elke score gaven. Het gestippelde vlak is de "
                   "referentieband.</figcaption></figure>"]
            o = v.overeenstemming
            if o is not None:
                uit.append(_icc_html(o))
            return "".join(uit)
        if isinstance(deel, Keuzes):
            return (f"<h3>{html_tekst(deel.titel)}</h3><figure>{figuur_keuzes(deel.titel, deel)}"
                    "</figure>")
        if isinstance(deel, Getallen):
            if not any(w is not None for w in deel.waarden):
                return ""
            return (f"<h3>{html_tekst(deel.titel)}</h3><figure>{figuur_getallen(deel.titel, deel)}"
                    "</figure>")
        teksten = list(deel.teksten)
        if deel.prive:
            return (f"<h3>{html_tekst(deel.titel)}</h3><p>"
                    f"{getallen.aantal(len(teksten), 'deelnemer schreef', 'deelnemers schreven')} "
                    "hier iets. Wat, blijft van henzelf.</p>")
        random.shuffle(teksten)  # no order that could give away who wrote what
        items = "".join(f"<li>{html_tekst(t, MAX_TEKST)}</li>" for t in teksten)
        return (f"<h3>{html_tekst(deel.titel)}</h3><details><summary>De teksten van de groep "
                f"({len(teksten)}), in willekeurige volgorde</summary><ul>{items}</ul></details>")


def _icc_html(o: Overeenstemming) -> str:
    if o.waarde is None:
        return (f"<p class='icc'><strong>Hoe eensgezind de groep beoordeelt:</strong> niet te "
                f"berekenen. {html_tekst(o.melding)}</p>")
    return (f"<p class='icc'><strong>Hoe eensgezind de groep beoordeelt:</strong> "
            f"{html_tekst(getal(o.waarde))} over {o.items} stellingen en {o.beoordelaars} "
            f"deelnemers. {html_tekst(icc_.UITLEG_KORT[o.vorm])} {_duiding(o.waarde)}"
            + (f" {getallen.aantal(o.uitgesloten, 'deelnemer vulde', 'deelnemers vulden')} niet "
               "alles in en telt hier niet mee." if o.uitgesloten else "")
            + f"<br><small>{html_tekst(icc_.UITLEG[o.vorm])} (Shrout en Fleiss, 1979)</small></p>")


def _duiding(waarde: float) -> str:
    # Koo & Li (2016): below .5 poor, .5-.75 moderate, .75-.9 good, above .9 excellent.
    if waarde < 0.5:
        return "Dat is weinig overeenstemming: de groep beoordeelt dit fragment verschillend."
    if waarde < 0.75:
        return "Dat is matige overeenstemming."
    if waarde < 0.9:
        return "Dat is goede overeenstemming."
    return "Dat is zeer goede overeenstemming."


PAGINA = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Groepsoverzicht</title>
<style>
body {{ font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; max-width: 62em;
       margin: 1em auto; padding: 0 1em; color: #1a1a1a; background: #fff; }}
h1 {{ font-size: 1.8em; }} h2 {{ font-size: 1.35em; margin-top: 2em;
       border-bottom: 2px solid #c9d3df; }}
figure {{ margin: 1em 0; }} figure svg {{ max-width: 100%; height: auto; }}
figcaption {{ font-size: .9em; color: #333; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #c9d3df; padding: .3em .6em; text-align: left; }}
caption {{ text-align: left; font-weight: bold; }}
.icc {{ background: #f3f6fa; padding: .6em .8em; }}
</style></head>
<body><main>
{inhoud}
</main></body></html>
"""


def overzicht(groep: Groep, *, namen: bool = False, vorm: str = "ICC(2,1)",
              sleutels: Path | None = None) -> Overzicht:
    vorm = icc_.vorm_naam(vorm)
    bekend = opgaven.alle_opgaven()
    per_vraag: dict[str, list[Any]] = {}
    onbekend = 0
    for d in groep.deelnemers:
        for vraag_id in d.antwoorden:
            if vraag_id not in bekend:
                onbekend += 1
    volgorde = [i for i in bekend if any(i in d.antwoorden for d in groep.deelnemers)]
    for vraag_id in volgorde:
        per_vraag[vraag_id] = [d.antwoorden.get(vraag_id) for d in groep.deelnemers]
    vragen = [vraag(bekend[i], [a for a in per_vraag[i] if a is not None], sleutels, vorm)
              for i in volgorde]
    return Overzicht(groep, vragen, namen, vorm, onbekend)
