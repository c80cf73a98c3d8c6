"""The group overview as one HTML page: made to be projected, and to be printed.

**On a screen** (the projection view) the page is a row of screens, each exactly as tall
as the window (CSS ``scroll-snap``): one part of one question per screen, drawn so that
at 1280 by 720 pixels it fits and no text is smaller than 24 pixels, with that screen's
discussion question in large type at the bottom. Arrow keys, Page Up/Down and the space
bar go to the next or previous screen; every screen also has plain links to both, so it
works without any script. A question whose chart is too tall for one screen continues on
the next ("deel 2 van 2"): nothing is shrunk, nothing cut.

**On paper** (the print view, Ctrl+P) the screens follow each other, each question
starting on a new page; long lists are printed in full.

One self-contained file: inline CSS and SVG and one small inline script, allowed by its
hash in the page's content security policy, which forbids every request (no font, no
image, nothing from another host). Every text from a file is escaped; texts are shown in
random order, without names; one participant adds at most :data:`MAX_TEKST` characters
per text to the page (the page says how many texts were shortened).
"""

from __future__ import annotations

import base64
import hashlib
import math
import random
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import werkalliantie.begeleiden.groepsoverzicht.icc as icc_
from werkalliantie.begeleiden.groepsoverzicht import figuren
from werkalliantie.begeleiden.groepsoverzicht.figuren import Kolom, Raster, Rij, Staaf
from werkalliantie.leren.opgaven.getallen import aantal, getal_nl
from werkalliantie.leren.opgaven.groep import (
    BINNEN,
    BOVEN,
    ONDER,
    WISSELEND,
    Beoordelingen,
    Getallen,
    Keuzes,
    Teksten,
)
from werkalliantie.leren.tekst import html_tekst

if TYPE_CHECKING:
    from werkalliantie.begeleiden.groepsoverzicht.rapport import Overeenstemming, Overzicht, Vraag

MAX_TEKST = 400  # characters of one participant's text shown on the page
GESPREK = 4  # places where the group differs most, on the screen of that name
SCHERM = 720  # px: the height every screen is drawn for (a projector of 1280 by 720)
BREED = 1200  # px: the width of a screen's content at 1280
KORT = 16  # characters: options this short get upright bars side by side
RANGTELWOORDEN = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende",
                  "achtste", "negende", "tiende")


def _spreiding(waarden: list[int]) -> float:
    """The population standard deviation, in floating point (statistics.pstdev is exact,
    and slow for a big group)."""
    gemiddeld = sum(waarden) / len(waarden)
    return math.sqrt(sum((w - gemiddeld) ** 2 for w in waarden) / len(waarden))


def _e(tekst: object) -> str:
    return html_tekst(tekst, 20_000)


def _regels(tekst: str, grootte: int) -> int:
    """Lines ``tekst`` takes at ``grootte`` px across a screen."""
    return len(figuren.regels(tekst, BREED - 40, grootte))


def _citaat(tekst: str) -> str:
    """``tekst`` between Dutch quotation marks, unless it is a quote already."""
    return tekst if tekst[:1] in "„“\"" else f"„{tekst}”"


def _kort(tekst: str, nummer: int) -> str:
    """An option named in a sentence: quoted when short, else by its own short name
    before a colon ("Zin 3: ..."), else by its place."""
    if len(tekst) <= 45:
        return _citaat(tekst)
    voor = tekst.split(":", 1)[0]
    if ":" in tekst and len(voor) <= 12:
        return voor[:1].lower() + voor[1:]
    return f"de {RANGTELWOORDEN[nummer]} keuze" if nummer < len(RANGTELWOORDEN) else f"keuze {nummer + 1}"


# --- A screen -------------------------------------------------------------------------------

@dataclass
class Dia:
    titel: str  # plain text: the screen's heading
    inhoud: str = ""  # HTML, every text in it escaped
    kop: str = ""  # plain text: the question it belongs to, small above the heading
    gespreksvraag: str | None = None  # plain text, in large type
    nieuwe_vraag: bool = False  # on paper: a new page
    anker: str = ""


def ruimte(titel: str, gespreksvraag: bool = True, extra: float = 0) -> float:
    """The height (px) left for a chart on a screen of :data:`SCHERM` with this heading, a
    discussion question (two lines), ``extra`` px of text, the question's title above and
    the links below."""
    vast = 16 + 34 + 12 + 42 + 8  # padding, the question's title, margins, the links
    kop = _regels(titel, 36) * 44
    vraag = 2 * 40 + 30 if gespreksvraag else 0
    return SCHERM - vast - kop - vraag - extra - 32


def _in_delen(hoogten: list[float], ruimte_: float, vast: float) -> list[tuple[int, int]]:
    """Consecutive (begin, end) runs of rows whose height, with ``vast`` once, fits."""
    delen, begin, som = [], 0, vast
    for i, h in enumerate(hoogten):
        if i > begin and som + h > ruimte_:
            delen.append((begin, i))
            begin, som = i, vast
        som += h
    delen.append((begin, len(hoogten)))
    return delen


def _labelbreedte(kolommen: int, minimum: float, maximum: float) -> float:
    """The width of a grid's labels, leaving each column at least 130 px (where it can)."""
    return max(minimum, min(maximum, figuren.BREEDTE - 16 - 130 * kolommen))


def _figuur(svg: str, onderschrift: str) -> str:
    return f'<figure>{svg}<figcaption>{_e(onderschrift)}</figcaption></figure>'


def _titel(tekst: str, kort: str) -> tuple[str, str, float]:
    """(heading, HTML above the chart, its height): a question too long for a heading of
    two lines is shown in smaller type under the heading ``kort``."""
    if _regels(tekst, 36) <= 2:
        return tekst, "", 0
    return kort, f"<p class='vraagtekst'>{_e(tekst)}</p>", _regels(tekst, 24) * 32 + 6


def _deel_van(titel: str, i: int, n: int) -> str:
    return titel if n == 1 else f"{titel} (deel {i} van {n})"


# --- Ratings ------------------------------------------------------------------------------

def _kolommen_band(band: tuple[float, float] | None, laag: int, hoog: int) -> tuple[int, int] | None:
    """The columns (0 = the scale's lowest value) of the scores inside ``band``, within
    the scale; None when no score is."""
    if band is None:
        return None
    binnen = [w for w in range(laag, hoog + 1) if band[0] - 1e-6 <= w <= band[1] + 1e-6]
    return (binnen[0] - laag, binnen[-1] - laag) if binnen else None


def _vraag_beoordelingen(items, laag: int, hoog: int) -> str:
    def buiten(item) -> int:
        if item.band is None:
            return 0
        return sum(1 for s in item.scores if s is not None
                   and not item.band[0] - 1e-6 <= s <= item.band[1] + 1e-6)

    gegeven = [(i, [s for s in i.scores if s is not None]) for i in items]
    gegeven = [(i, s) for i, s in gegeven if s]
    if not gegeven:
        return "Niemand scoorde deze stellingen. Wat maakte het moeilijk?"
    item, scores = max(gegeven, key=lambda p: (buiten(p[0]), _spreiding(p[1])))
    if buiten(item) * 3 >= len(scores) and buiten(item):
        return (f"{_citaat(item.tekst)}: {buiten(item)} van de {len(scores)} scoren buiten de band. "
                "Welke zin gaf voor jou de doorslag?")
    item, scores = max(gegeven, key=lambda p: _spreiding(p[1]))
    if min(scores) == max(scores):
        return "Hier gaf iedereen dezelfde scores. Wat maakte het zo duidelijk?"
    return (f"{_citaat(item.tekst)}: scores van {min(scores)} tot {max(scores)}. Welke zin gaf voor "
            "jou de doorslag?")


def dias_beoordelingen(deel: Beoordelingen, kop: str) -> list[Dia]:
    laag, hoog = deel.schaal
    raster = Raster(tuple(Kolom("", str(w)) for w in range(laag, hoog + 1)), labelbreedte=600)
    rijen: list[Rij] = []
    groepen: list[list[int]] = []
    for n, item in enumerate(deel.items):
        nieuw = not groepen or deel.items[groepen[-1][0]].groep != item.groep
        if nieuw:
            groepen.append([])
        groepen[-1].append(n)
        tellen = Counter(s for s in item.scores if s is not None)
        rijen.append(Rij(item.tekst, tuple(tellen.get(w, 0) for w in range(laag, hoog + 1)),
                         band=_kolommen_band(item.band, laag, hoog),
                         kop=item.groep if nieuw else None))
    schaal = " · ".join(f"{w} {deel.labels[w]}" for w in range(laag, hoog + 1) if w in deel.labels)
    heeft_band = any(i.band is not None for i in deel.items)
    onderschrift = (("Gestippeld: de referentieband. " if heeft_band else "")
                    + (f"Schaal: {schaal}." if schaal else ""))
    # A screen per part of the questionnaire (as many parts as fit), a long part split.
    ruimte_ = ruimte(f"{deel.titel}: {deel.items[0].groep}", extra=2 * 34 - 45)
    stukken: list[list[int]] = []
    for groep in groepen:
        hoogten = [raster.rijhoogte(rijen[i]) for i in groep]
        vorige = stukken[-1] if stukken else None
        if vorige is not None and raster.hoogte(tuple(rijen[i] for i in vorige + groep)) <= ruimte_:
            vorige += groep
            continue
        for a, b in _in_delen(hoogten, ruimte_, raster.kophoogte + 8):
            stukken.append(groep[a:b])
    dias = []
    for stuk in stukken:
        delen = []
        getoond = []
        meer = len({deel.items[i].groep for i in stuk}) > 1
        for i in stuk:  # a heading above each part's first statement, when there are more
            eerste = meer and (not getoond or deel.items[getoond[-1]].groep != deel.items[i].groep)
            delen.append(Rij(rijen[i].label, rijen[i].aantallen, band=rijen[i].band,
                             kop=deel.items[i].groep if eerste else None))
            getoond.append(i)
        namen = list(dict.fromkeys(deel.items[i].groep for i in stuk))
        titel = f"{deel.titel}: {' en '.join(namen)}"
        figuur = figuren.telraster(
            Raster(raster.kolommen, tuple(delen), raster.labelbreedte),
            f"{kop}: {titel}",
            "Per stelling een rij, per score een kolom. In elke cel het aantal deelnemers dat "
            "die score gaf." + (" Het gestippelde vlak is de referentieband." if heeft_band else ""))
        dias.append(Dia(titel, _figuur(figuur.svg, onderschrift), kop,
                        _vraag_beoordelingen([deel.items[i] for i in stuk], laag, hoog)))
    return dias


def _icc_html(o: Overeenstemming) -> str:
    if o.waarde is None:
        return (f"<p class='groot'>Niet te berekenen.</p><p>{_e(o.melding)}</p>")
    return (f"<p class='getal'>{_e(getal_nl(o.waarde))}</p>"
            f"<p>{_e(icc_.UITLEG_KORT[o.vorm])} {_e(_duiding(o.waarde))}</p>"
            f"<p>Over {aantal(o.items, 'stelling', 'stellingen')} en "
            f"{aantal(o.beoordelaars, 'deelnemer', 'deelnemers')}."
            + (f" {aantal(o.uitgesloten, 'deelnemer vulde', 'deelnemers vulden')} niet alles "
               "in en " + ("telt" if o.uitgesloten == 1 else "tellen") + " hier niet mee."
               if o.uitgesloten else "")
            + " Een 1 is helemaal eens; onder 0,5 is weinig.</p>"
            f"<p><small>{_e(icc_.UITLEG[o.vorm])} (Shrout en Fleiss, 1979).</small></p>")


def _duiding(waarde: float) -> str:
    # Koo & Li (2016): below .5 poor, .5-.75 moderate, .75-.9 good, above .9 excellent.
    if waarde < 0.5:
        return "Dat is weinig overeenstemming: de groep beoordeelt dit fragment verschillend."
    if waarde < 0.75:
        return "Dat is matige overeenstemming."
    if waarde < 0.9:
        return "Dat is goede overeenstemming."
    return "Dat is zeer goede overeenstemming."


def dia_icc(o: Overeenstemming, kop: str) -> Dia:
    if o.waarde is not None and o.waarde >= 0.75:
        vraag = "Jullie zijn het vaak eens. Bij welke stelling twijfelde je toch, en waarom?"
    else:
        vraag = ("Bij welke stelling waren jullie het minst eens? Wat zag de een dat de ander "
                 "niet zag?")
    return Dia("Hoe eensgezind beoordeelt de groep?", f"<div class='icc'>{_icc_html(o)}</div>",
               kop, vraag)


# --- Choices ------------------------------------------------------------------------------

def _namen(nummers: list[int], deel: Keuzes) -> str:
    namen = [_kort(deel.opties[i].tekst, i) for i in nummers]
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def _vraag_keuzes(deel: Keuzes) -> str:
    tellen = deel.aantallen()
    n = sum(1 for g in deel.gekozen if g)
    if not n:
        return "Niemand koos hier iets. Wat maakte het moeilijk?"
    ref = [i for i, o in enumerate(deel.opties) if o.referentie]
    top = max(range(len(tellen)), key=lambda i: tellen[i])
    if deel.meer:
        if ref:
            return (f"De referentie kiest {_namen(ref, deel)}. Welke keuze vind jij het "
                    "sterkst, en waarom?")
        return (f"{_kort(deel.opties[top].tekst, top)[:1].upper()}{_kort(deel.opties[top].tekst, top)[1:]} "
                f"komt het vaakst voor: bij {tellen[top]} van de {n} deelnemers. Wat valt je op?")
    if ref:
        anders = n - sum(tellen[i] for i in ref)
        if anders * 3 <= n:
            return (f"De meesten kozen {_namen(ref, deel)}, net als de referentie. Wat gaf voor "
                    "jou de doorslag?")
        return (f"De referentie kiest {_namen(ref, deel)}. {anders} van de {n} deelnemers kozen "
                "iets anders. Wat zie jij dat een ander niet ziet?")
    return f"De meesten kozen {_kort(deel.opties[top].tekst, top)}. Waarom?"


def dias_keuzes(deel: Keuzes, kop: str) -> list[Dia]:
    tellen = deel.aantallen()
    n = sum(1 for g in deel.gekozen if g)
    heeft_ref = any(o.referentie for o in deel.opties)
    onderschrift = (f"Per keuze het aantal deelnemers, van de {n}"
                    + (", soms meer dan één keuze per deelnemer" if deel.meer else "") + ". "
                    + ("✓ en een rode rand: de keuze van de referentie." if heeft_ref else ""))
    vraag = _vraag_keuzes(deel)
    staven = [Staaf(o.tekst, a, o.referentie) for o, a in zip(deel.opties, tellen)]
    beschrijving = ("Per keuze hoeveel deelnemers die kozen."
                    + (" De keuze van de referentie heeft een rode rand en een vinkje."
                       if heeft_ref else ""))
    if all(len(o.tekst) <= KORT for o in deel.opties):
        raster = Raster(tuple(Kolom(o.tekst) for o in deel.opties),
                        (Rij("aantal deelnemers", tuple(tellen),
                             frozenset(i for i, o in enumerate(deel.opties) if o.referentie)),),
                        labelbreedte=_labelbreedte(len(deel.opties), 160, 300))
        if raster.kolombreedte >= 90:
            figuur = figuren.telraster(raster, f"{kop}: {deel.titel}", beschrijving)
            onderschrift = onderschrift.replace("✓ en een rode rand", "Een rode ring")
            titel, boven, _ = _titel(deel.titel, "Hoe de groep koos")
            return [Dia(titel, boven + _figuur(figuur.svg, onderschrift), kop, vraag)]
    titel, boven, hoogte = _titel(deel.titel, "Hoe de groep koos")
    ruimte_ = ruimte(titel, extra=34 + hoogte)
    label = figuren.staaflabel(staven)
    stukken = _in_delen([figuren.staafhoogte(s, label) for s in staven], ruimte_, 4)
    return [Dia(_deel_van(titel, i, len(stukken)),
                boven + _figuur(figuren.staven(staven[a:b], f"{kop}: {deel.titel}", beschrijving,
                                               label).svg, onderschrift), kop, vraag)
            for i, (a, b) in enumerate(stukken, 1)]


def dias_raster_keuzes(delen: list[Keuzes], kop: str) -> list[Dia]:
    """Several choices among the same options (statements to sort, goals to judge): one
    grid, a row per statement."""
    opties = delen[0].opties
    rijen = []
    for d in delen:
        rijen.append(Rij(d.titel, tuple(d.aantallen()),
                         frozenset(i for i, o in enumerate(d.opties) if o.referentie)))
    heeft_ref = any(r.referentie for r in rijen)
    raster = Raster(tuple(Kolom(o.tekst) for o in opties), tuple(rijen),
                    labelbreedte=_labelbreedte(len(opties), 360, 700))
    titel = "Hoe de groep koos"
    ruimte_ = ruimte(titel, extra=34)
    stukken = _in_delen([raster.rijhoogte(r) for r in rijen], ruimte_, raster.kophoogte + 8)
    onderschrift = ("Per regel hoeveel deelnemers elke keuze maakten."
                    + (" Een rode ring: de keuze van de referentie." if heeft_ref else ""))

    def vraag(stuk: list[Rij], delen_: list[Keuzes]) -> str:
        def anders(paar) -> int:
            rij, deel = paar
            return sum(1 for g in deel.gekozen if g and set(g) != set(rij.referentie))

        paren = list(zip(stuk, delen_))
        if heeft_ref:
            rij, deel = max(paren, key=anders)
            n = sum(1 for g in deel.gekozen if g)
            if anders((rij, deel)):
                return (f"Bij {_citaat(rij.label)} kozen {anders((rij, deel))} van de {n} deelnemers "
                        "anders dan de referentie. Hoe kijk jij ernaar?")
            return "Hier koos bijna iedereen als de referentie. Wat hielp je daarbij?"
        return "Waar twijfelde je het meest? Vertel waarom."

    return [Dia(_deel_van(titel, i, len(stukken)),
                _figuur(figuren.telraster(Raster(raster.kolommen, tuple(rijen[a:b]),
                                                 raster.labelbreedte),
                                          f"{kop}: {titel}",
                                          "Per regel een rij, per keuze een kolom. In elke cel "
                                          "het aantal deelnemers." + (
                                              " Een rode ring: de keuze van de referentie."
                                              if heeft_ref else "")).svg, onderschrift),
                kop, vraag(rijen[a:b], delen[a:b]))
            for i, (a, b) in enumerate(stukken, 1)]


# --- Numbers and texts ------------------------------------------------------------------------

def dia_getallen(deel: Getallen, kop: str) -> Dia | None:
    waarden = [w for w in deel.waarden if w is not None]
    if not waarden:
        return None
    figuur = figuren.histogram(waarden, deel.referentie, deel.marge, f"{kop}: {deel.titel}",
                               "Hoeveel deelnemers elk getal gaven."
                               + (" De rode streep is de referentie." if deel.referentie is not None else ""))
    if deel.referentie is not None:
        goed = sum(1 for w in waarden if abs(w - deel.referentie) <= deel.marge + 1e-9)
        vraag = (f"{goed} van de {len(waarden)} deelnemers komen op {getal_nl(deel.referentie)}"
                 + (" of dichtbij" if deel.marge else "") + ". Hoe kom je op dit getal? Loop de "
                 "stappen samen na.")
        onderschrift = ("Hoeveel deelnemers elk getal gaven. De rode streep: de referentie"
                        + (f"; het vlak eromheen telt ook als goed (tot {getal_nl(deel.marge)} "
                           "ernaast)." if deel.marge else "."))
    else:
        vraag = (f"De groep geeft {getal_nl(min(waarden))} tot {getal_nl(max(waarden))}. "
                 "Wat maakt voor jou het verschil?")
        onderschrift = "Hoeveel deelnemers elk getal gaven."
    return Dia(deel.titel, _figuur(figuur.svg, onderschrift), kop, vraag)


def dia_teksten(deel: Teksten, kop: str, telling: Counter) -> Dia:
    titel, boven, _ = _titel(deel.titel, "De antwoorden van de groep")
    if deel.prive:
        return Dia(titel, boven + f"<p class='groot'>{_e(aantal(len(deel.teksten), 'deelnemer schreef', 'deelnemers schreven'))} "
                   "hier iets. Wat, blijft van henzelf.</p>", kop,
                   "Wat neem je mee uit deze oefening? Vertel alleen wat je wilt delen.")
    teksten = list(deel.teksten)
    random.SystemRandom().shuffle(teksten)  # no order that could give away who wrote what
    items = []
    for t in teksten:
        if len(t) > MAX_TEKST:
            telling["ingekort"] += 1
        items.append(f"<li>{html_tekst(t, MAX_TEKST)}</li>")
    lijst = (f"<ul class='lijst' tabindex='0' role='region' aria-label='De antwoorden, in "
             f"willekeurige volgorde'>{''.join(items)}</ul>" if items
             else "<p>Niemand schreef hier iets.</p>")
    uitleg = (f"<p class='klein'>{_e(aantal(len(teksten), 'antwoord', 'antwoorden'))}, in "
              "willekeurige volgorde, zonder namen.</p>") if items else ""
    return Dia(titel, boven + uitleg + lijst, kop,
               "Lees de antwoorden. Welk antwoord zou jij willen geven, en waarom?")


# --- The leans ---------------------------------------------------------------------------------

RICHTINGEN = ((ONDER, "vaak onder de referentie"), (BINNEN, "meestal in de band"),
              (BOVEN, "vaak boven de referentie"), (WISSELEND, "soms boven, soms onder"))


def dia_neigingen(o: Overzicht) -> Dia | None:
    if not o.neigingen:
        return None
    rijen = tuple(Rij(n.naam, tuple(n.aantallen()[r] for r, _ in RICHTINGEN)) for n in o.neigingen)
    raster = Raster(tuple(Kolom(label) for _, label in RICHTINGEN), rijen, labelbreedte=360)
    figuur = figuren.telraster(raster, "De eigen neiging per onderdeel",
                               "Per onderdeel een rij: hoeveel deelnemers vaak onder, meestal in, "
                               "vaak boven of soms boven en soms onder de referentie scoren.")
    weinig = max((sum(1 for r in n.richtingen if r is None) for n in o.neigingen), default=0)
    uitleg = ("Wie een onderdeel in minstens drie fragmenten scoorde, heeft daar een eigen "
              "neiging: meestal in de referentieband, vaak erboven of eronder, of wisselend."
              + (f" {aantal(weinig, 'deelnemer scoorde', 'deelnemers scoorden')} minder "
                 "fragmenten en " + ("staat" if weinig == 1 else "staan") + " er niet in."
                 if weinig else ""))
    naam, richting, k = max(((n.naam, r, n.aantallen()[r]) for n in o.neigingen
                             for r in (BOVEN, ONDER)), key=lambda t: t[2])
    if k:
        vraag = (f"Bij {naam} scoren {k} deelnemers vaak {richting} de referentie. Waar let "
                 "je op als je dit onderdeel scoort?")
    else:
        vraag = "Waar let je op als je een fragment scoort? Wat doe je als je twijfelt?"
    return Dia("Hoe de groep scoort: de eigen neiging", _figuur(figuur.svg, uitleg), "", vraag)


# --- The whole page ------------------------------------------------------------------------------

def dias_vraag(v: Vraag, nummer: int, totaal: int, telling: Counter) -> list[Dia]:
    kop = f"Vraag {nummer} van {totaal}: {v.opgave.titel}" + (
        "" if v.heeft_sleutel else " (zonder referentie: geef de map met antwoordmodellen)")
    dias: list[Dia] = []
    delen = list(v.delen)
    i = 0
    while i < len(delen):
        deel = delen[i]
        if isinstance(deel, Beoordelingen):
            dias += dias_beoordelingen(deel, kop)
            if v.overeenstemming is not None:
                dias.append(dia_icc(v.overeenstemming, kop))
        elif isinstance(deel, Keuzes):
            zelfde = [deel]  # choices among the same options: one grid
            while (i + 1 < len(delen) and isinstance(delen[i + 1], Keuzes)
                   and [o.tekst for o in delen[i + 1].opties] == [o.tekst for o in deel.opties]):
                i += 1
                zelfde.append(delen[i])
            dias += dias_raster_keuzes(zelfde, kop) if len(zelfde) > 1 else dias_keuzes(deel, kop)
        elif isinstance(deel, Getallen):
            dia = dia_getallen(deel, kop)
            if dia is not None:
                dias.append(dia)
        elif isinstance(deel, Teksten):
            dias.append(dia_teksten(deel, kop, telling))
        i += 1
    if not dias:
        dias.append(Dia(v.opgave.titel, "<p>Hier is niets te tonen.</p>", kop))
    dias[0].nieuwe_vraag = True
    return dias


def gespreksstarters(o: Overzicht) -> list[tuple[float, int, str]]:
    """(spread, question number, sentence) where the group differs most."""
    kandidaten = []
    for nr, v in enumerate(o.vragen, 1):
        for deel in v.delen:
            if isinstance(deel, Beoordelingen):
                for item in deel.items:
                    scores = [s for s in item.scores if s is not None]
                    if len(scores) >= 2 and _spreiding(scores) > 0:
                        tellen = sorted(Counter(scores).items())
                        verdeling = ", ".join(f"{aantal(n, 'keer', 'keer')} een {w}" for w, n in tellen)
                        kandidaten.append((_spreiding(scores) / 2, nr,
                                           f"{_citaat(item.tekst)}: {verdeling}."))
            elif isinstance(deel, Keuzes) and not deel.meer:
                n = sum(1 for g in deel.gekozen if g)
                tellen = deel.aantallen()
                if n >= 2 and 1 - max(tellen) / n > 0:
                    verdeling = ", ".join(f"{_kort(o_.tekst, j)}: {a}" for j, (o_, a)
                                          in enumerate(zip(deel.opties, tellen)) if a)
                    kandidaten.append((1 - max(tellen) / n, nr, f"{deel.titel} {verdeling}."
                                       if deel.titel.endswith("?") else f"{deel.titel}: {verdeling}."))
    kandidaten.sort(key=lambda k: -k[0])
    return kandidaten[:GESPREK]


def pagina(o: Overzicht) -> str:
    telling: Counter = Counter()
    vragen = [dias_vraag(v, nr, len(o.vragen), telling) for nr, v in enumerate(o.vragen, 1)]
    neiging = dia_neigingen(o)
    starters = gespreksstarters(o)

    begin = Dia("Groepsoverzicht")
    inhoud = Dia("De vragen")
    verschil = Dia("Waar de groep het meest verschilt") if starters else None
    wie = Dia("Wie deed mee")
    alle = [begin, inhoud, *([verschil] if verschil else []), *([neiging] if neiging else []),
            *(d for lijst in vragen for d in lijst), wie]
    for n, dia in enumerate(alle, 1):
        dia.anker = f"dia-{n}"

    meldingen = list(o.groep.meldingen)
    if o.onbekend:
        meldingen.append(f"{aantal(o.onbekend, 'antwoord hoort', 'antwoorden horen')} bij een "
                         "vraag die deze cursus niet kent en " + ("telt" if o.onbekend == 1 else "tellen")
                         + " niet mee.")
    if telling["ingekort"]:
        meldingen.append(f"{aantal(telling['ingekort'], 'tekst was', 'teksten waren')} langer dan "
                         f"{MAX_TEKST} tekens. Op deze pagina staat alleen het begin.")
    begin.inhoud = (
        f"<p class='groot'>{_e(aantal(len(o.groep.deelnemers), 'deelnemer', 'deelnemers'))}, "
        f"{_e(aantal(len(o.vragen), 'vraag', 'vragen'))}.</p>"
        + ("<p class='let-op'><strong>Met namen.</strong> Toon deze pagina niet in de zaal en "
           "deel hem niet.</p>" if o.namen else
           "<p>Zonder namen: je ziet Deelnemer 1, Deelnemer 2, enzovoort. Het nummer zegt niets "
           "over wie het is.</p>")
        + "".join(f"<p class='melding'>{_e(m)}</p>" for m in meldingen)
        + "<p class='klein'>Bladeren: pijltje naar rechts of links, Page Down of Page Up, of "
          "de links onderaan. Printen geeft elke vraag op een nieuwe pagina.</p>")
    eerste = {id(lijst[0]): lijst[0].anker for lijst in vragen}
    inhoud.inhoud = ("<ol class='lijst inhoud' tabindex='0' role='region' aria-label='De vragen'>"
                     + "".join(f"<li><a href='#{eerste[id(lijst[0])]}'>{_e(v.opgave.titel)}</a></li>"
                               for v, lijst in zip(o.vragen, vragen))
                     + "</ol>")
    if verschil is not None:
        verschil.inhoud = ("<ol class='starters'>" + "".join(
            f"<li><a href='#{vragen[nr - 1][0].anker}'>{_e(o.vragen[nr - 1].opgave.titel)}</a>: "
            f"{_e(zin)}</li>" for _, nr, zin in starters) + "</ol>")
        verschil.gespreksvraag = "Kies er een. Wat zag jij, en wat zag de ander?"
    rijen = "".join(f"<tr><td>{_e(o.naam(d))}</td><td>{len([v for v in d.antwoorden])}</td></tr>"
                    for d in o.groep.deelnemers)
    wie.inhoud = ("<div class='lijst' tabindex='0' role='region' aria-label='Wie deed mee'>"
                  "<table><thead><tr><th scope='col'>deelnemer</th><th scope='col'>aantal "
                  f"beantwoorde vragen</th></tr></thead><tbody>{rijen}</tbody></table></div>")
    delen = [_dia_html(d, n, alle) for n, d in enumerate(alle)]
    return PAGINA.format(csp=CSP, stijl=STIJL, inhoud="\n".join(delen), script=SCRIPT)


def _dia_html(dia: Dia, n: int, alle: list[Dia]) -> str:
    kop = f"<p class='kop'>{_e(dia.kop)}</p>" if dia.kop else ""
    niveau = "h1" if n == 0 else "h2"
    vraag = (f"<p class='gesprek'><span class='weg'>Vraag aan de groep: </span>"
             f"{_e(dia.gespreksvraag)}</p>" if dia.gespreksvraag else "")
    vorige = (f"<a href='#{alle[n - 1].anker}' rel='prev'>← Vorige</a>" if n else "<span></span>")
    volgende = (f"<a href='#{alle[n + 1].anker}' rel='next'>Volgende →</a>" if n + 1 < len(alle)
                else "<span></span>")
    klasse = "dia nieuwe-vraag" if dia.nieuwe_vraag else "dia"
    return (f"<section class='{klasse}' id='{dia.anker}' tabindex='-1' "
            f"aria-labelledby='{dia.anker}-titel'>{kop}<{niveau} id='{dia.anker}-titel'>"
            f"{_e(dia.titel)}</{niveau}><div class='inhoud'>{dia.inhoud}</div>{vraag}"
            f"<nav class='verder' aria-label='Bladeren'>{vorige}<span>{n + 1} van {len(alle)}"
            f"</span>{volgende}</nav></section>")


# --- CSS, the script, the policy -------------------------------------------------------------------

STIJL = """
:root { --blauw: #1f5f99; --rood: #a4000f; --grijs: #3d4a57; }
html { scroll-snap-type: y mandatory; }
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif;
       font-size: 28px; line-height: 1.35; color: #1a1a1a; background: #fff; }
main { max-width: 1280px; margin: 0 auto; }
.dia { scroll-snap-align: start; min-height: 100vh; box-sizing: border-box;
       padding: 16px 40px 8px; display: flex; flex-direction: column; }
.dia:focus { outline: none; }
.kop { font-size: 24px; color: var(--grijs); margin: 0; }
h1 { font-size: 52px; margin: 8px 0 12px; }
h2 { font-size: 36px; line-height: 1.2; margin: 4px 0 8px; }
.inhoud { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }
figure { margin: 0; }
figure svg { display: block; height: auto; }
figcaption, .klein, small { font-size: 24px; color: #333; }
figcaption { margin-top: 6px; }
.groot { font-size: 36px; margin: .3em 0; }
.getal { font-size: 96px; font-weight: bold; line-height: 1; margin: 4px 0; color: var(--blauw); }
.icc p { margin: .25em 0; }
.vraagtekst { font-size: 24px; margin: 0 0 6px; }
.gesprek { font-size: 30px; font-weight: 600; line-height: 1.3; margin: 10px 0 0;
           padding: 10px 18px; border-left: 8px solid var(--blauw); background: #eef3f9; }
.weg { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.lijst { flex: 1 1 0; min-height: 120px; overflow: auto; margin: 0; padding: 4px 8px 4px 1.6em;
         border: 2px solid #c9d3df; }
.lijst:focus { outline: 3px solid var(--blauw); }
div.lijst { padding: 0; }
ul.lijst li { margin: 0 0 .5em; }
.inhoud ol.inhoud { columns: 2; column-gap: 48px; font-size: 24px; }
.starters { font-size: 24px; } .starters li { margin-bottom: .4em; }
.melding { font-size: 24px; border-left: 6px solid var(--rood); padding-left: 12px; }
.let-op { border-left: 6px solid var(--rood); padding-left: 12px; }
table { border-collapse: collapse; width: 100%; font-size: 24px; }
th, td { border-bottom: 1px solid #c9d3df; padding: 4px 12px; text-align: left; }
a { color: var(--blauw); }
nav.verder { display: flex; justify-content: space-between; font-size: 24px; margin-top: 8px;
             color: var(--grijs); }
@media print {
  html { scroll-snap-type: none; }
  body { font-size: 11pt; }
  .dia { min-height: 0; padding: 0 0 12pt; break-inside: avoid; display: block; }
  .dia.nieuwe-vraag { break-before: page; }
  h1 { font-size: 22pt; } h2 { font-size: 15pt; }
  .inhoud { display: block; }
  .kop, figcaption, .klein, small, .vraagtekst, .melding, table, .inhoud ol.inhoud,
  .starters { font-size: 9.5pt; }
  .groot { font-size: 14pt; } .getal { font-size: 40pt; }
  .gesprek { font-size: 13pt; background: none; }
  figure svg { width: 100%; max-width: 100%; }
  .lijst { flex: none; overflow: visible; border: none; max-height: none; }
  nav.verder { display: none; }
  @page { size: A4; margin: 14mm; }
}
"""

SCRIPT = """(function () {
  "use strict";
  var dias = Array.prototype.slice.call(document.querySelectorAll("section.dia"));
  if (!dias.length) { return; }
  function nu() {
    var y = window.scrollY + window.innerHeight / 3, n = 0;
    dias.forEach(function (d, i) { if (d.offsetTop <= y) { n = i; } });
    return n;
  }
  function ga(i) {
    var d = dias[Math.max(0, Math.min(dias.length - 1, i))];
    d.scrollIntoView({block: "start"});
    d.focus({preventScroll: true});
    if (window.history && history.replaceState) { history.replaceState(null, "", "#" + d.id); }
  }
  var stappen = {ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1};
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) { return; }
    var k = e.key, lijst = e.target && e.target.closest && e.target.closest(".lijst");
    if (lijst && (k === "PageDown" || k === "PageUp" || k === " ")) { return; }
    var stap = k === " " ? (e.shiftKey ? -1 : 1) : stappen[k];
    if (k === "Home" || k === "End") { stap = null; ga(k === "Home" ? 0 : dias.length - 1); }
    else if (stap) { ga(nu() + stap); }
    else { return; }
    e.preventDefault();
  });
})();"""

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
       + base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
       + "'; base-uri 'none'; form-action 'none'")

PAGINA = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Groepsoverzicht</title>
<style>{stijl}</style></head>
<body><main>
{inhoud}
</main>
<script>{script}</script>
</body></html>
"""
