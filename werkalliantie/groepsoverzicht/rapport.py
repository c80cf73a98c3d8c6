"""The group overview: per question the group's answers against the reference.

Works from the question records for any kind, with the engine's own functions:

- every answer is graded with the question's key (the practice key it ships with, or a
  graded key from the instructor's ``sleutels/``): how many participants got how many
  points per part;
- every answer is laid out as positions and values (a rated statement and its score, a
  sorted item and its category, a multiple choice): the distribution per position, with
  the reference value (from the key's model answer) marked;
- where the values are numbers on three or more positions (a questionnaire), the group
  are raters: their agreement is an intraclass correlation (pingouin, checked against
  this package's own :func:`~werkalliantie.groepsoverzicht.icc.icc`);
- the positions where the group differs most are the discussion starters.

:meth:`Overzicht.html` is one self-contained page (inline SVG and CSS, no script, nothing
from the internet): only what is shown is in it, and every text from a file is escaped.
"""

from __future__ import annotations

import dataclasses
import html
import math
import statistics
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from werkalliantie import opgaven
from werkalliantie.grafieken import RASTER, TEKST, omhulsel
from werkalliantie.groepsoverzicht import icc as icc_
from werkalliantie.groepsoverzicht.inlezen import Groep
from werkalliantie.opgaven import Opgave
from werkalliantie.opgaven import getallen

MAX_TEKST = 400  # characters of a participant's text shown
MAX_WAARDEN = 12  # distinct values on a position before it counts as free text
GESPREK = 5  # discussion starters shown


def e(tekst: Any) -> str:
    return html.escape(opgaven.leesbaar(str(tekst), 2000), quote=True)


def voorbereiden() -> None:
    """Import the heavy libraries now (a notebook's first cell), not during the first run."""
    import pandas  # noqa: F401
    import pingouin  # noqa: F401


# --- Answers as positions and values -------------------------------------------------------

def plat(antwoord: Any, pad: str = "") -> list[tuple[str, Any]]:
    """An answer as (position, value) pairs: dicts by key, lists by a shared position."""
    if isinstance(antwoord, dict):
        uit = []
        for k, v in antwoord.items():
            uit.extend(plat(v, f"{pad}/{k}" if pad else str(k)))
        return uit
    if isinstance(antwoord, list):
        uit = []
        for v in antwoord:
            if isinstance(v, (dict, list)):
                continue
            uit.append((pad or "keuze", v))
        return uit
    if antwoord is None:
        return []
    return [(pad or "antwoord", antwoord)]


def _is_getal(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def labels(opgave: Opgave) -> dict[str, str]:
    """Readable texts for the ids in a question's options (items, choices, categories)."""
    gevonden: dict[str, str] = {}

    def loop(x: Any) -> None:
        if dataclasses.is_dataclass(x) and not isinstance(x, type):
            waarden = {f.name: getattr(x, f.name) for f in dataclasses.fields(x)}
            tekst = next((waarden[n] for n in ("tekst", "naam", "titel", "label")
                          if isinstance(waarden.get(n), str)), None)
            if isinstance(waarden.get("id"), str) and tekst:
                gevonden.setdefault(waarden["id"], tekst)
            for w in waarden.values():
                loop(w)
        elif isinstance(x, (list, tuple)):
            for w in x:
                loop(w)
        elif isinstance(x, dict):
            for w in x.values():
                loop(w)

    loop(opgave.opties)
    naam = getattr(opgave.opties, "vragenlijst", None)
    if isinstance(naam, str):
        try:
            from werkalliantie.opgaven.soorten.beoordeling import vragenlijsten

            loop(vragenlijsten().get(naam))
        except Exception:  # noqa: BLE001 - labels are a nicety
            pass
    return gevonden


# --- What the page shows -------------------------------------------------------------------

@dataclass
class Positie:
    id: str
    tekst: str
    waarden: Counter  # value -> participants
    referentie: set = field(default_factory=set)  # the model answer's value(s)
    numeriek: bool = False
    per_deelnemer: dict[int, Any] = field(default_factory=dict)  # participant no. -> value

    @property
    def n(self) -> int:
        return sum(self.waarden.values())

    @property
    def spreiding(self) -> float:
        """Standard deviation (numbers) or the share outside the most chosen value."""
        if self.n < 2:
            return 0.0
        if self.numeriek:
            return statistics.pstdev(list(self.waarden.elements()))
        return 1 - max(self.waarden.values()) / self.n


@dataclass
class Overeenstemming:
    vorm: str
    waarde: float | None
    zelf: float | None  # this package's own function, for the same table
    items: int
    beoordelaars: int
    uitgesloten: int  # raters left out for a missing rating
    melding: str | None = None  # a Dutch reason when there is no value


@dataclass
class Vraag:
    opgave: Opgave
    deelnemers: int
    posities: list[Positie]
    punten: dict[str, Counter]  # part name -> points -> participants (with a key)
    max_punten: dict[str, float]
    teksten: list[tuple[int, str]]  # (participant no., free text)
    overeenstemming: Overeenstemming | None
    dimensies: list[tuple[str, list[float], float | None, float]]  # name, means, reference, margin
    heeft_sleutel: bool = False


def _sleutel(opgave: Opgave, sleutels: Path | None) -> Any:
    if opgave.sleutel is not None:
        return opgave.sleutel
    if sleutels is None:
        return None
    from werkalliantie.nakijken.sleutels import SleutelNietGevonden, lees_sleutel

    try:
        return lees_sleutel(opgave, sleutels)
    except SleutelNietGevonden:
        return None


def _overeenstemming(posities: list[Positie], deelnemers: list[int], vorm: str) -> Overeenstemming:
    tabel = [[p.per_deelnemer.get(d) for d in deelnemers] for p in posities]
    volledig, houden = icc_.volledig(tabel)
    uit = Overeenstemming(icc_.vorm_naam(vorm), None, None, len(posities), len(houden),
                          len(deelnemers) - len(houden))
    if len(posities) < icc_.MIN_DOELEN:
        uit.melding = (f"Te weinig beoordeelde items ({len(posities)}): voor een ICC zijn er "
                       f"minstens {icc_.MIN_DOELEN} nodig.")
        return uit
    if len(houden) < icc_.MIN_BEOORDELAARS:
        uit.melding = (f"Te weinig deelnemers die alles invulden ({len(houden)}): voor een ICC "
                       f"zijn er minstens {icc_.MIN_BEOORDELAARS} nodig.")
        return uit
    try:
        uit.zelf = icc_.icc(volledig, vorm)
    except icc_.ICCFout as fout:
        uit.melding = str(fout)
        return uit
    uit.waarde = icc_pingouin(volledig, vorm)
    return uit


PINGOUIN_RIJ = {"ICC(1,1)": 0, "ICC(2,1)": 1, "ICC(3,1)": 2, "ICC(1,k)": 3, "ICC(2,k)": 4,
                "ICC(3,k)": 5}


def icc_pingouin(tabel: list[list[float]], vorm: str) -> float:
    """The same ICC from pingouin (a maintained statistics library). Its six rows are, in
    order, Shrout & Fleiss's ICC(1,1), (2,1), (3,1), (1,k), (2,k), (3,k)."""
    import pandas as pd
    import pingouin

    lang = pd.DataFrame([(i, j, x) for i, rij in enumerate(tabel) for j, x in enumerate(rij)],
                        columns=["item", "beoordelaar", "score"])
    with warnings.catch_warnings():  # pingouin's own deprecation notices are not the trainer's
        warnings.simplefilter("ignore")
        uitkomst = pingouin.intraclass_corr(lang, targets="item", raters="beoordelaar",
                                            ratings="score")
    return float(uitkomst["ICC"].iloc[PINGOUIN_RIJ[icc_.vorm_naam(vorm)]])


def _dimensies(opgave: Opgave, sleutel: Any, antwoorden: dict[int, Any]):
    try:
        from werkalliantie.opgaven.soorten.beoordeling import dimensiescore, vragenlijst

        lijst = vragenlijst(opgave)
    except Exception:  # noqa: BLE001 - not a questionnaire
        return []
    uit = []
    for d in lijst.dimensies:
        gemiddelden = []
        for antwoord in antwoorden.values():
            if isinstance(antwoord, dict):
                scores = {k: v for k, v in antwoord.items() if _is_getal(v)}
                s = dimensiescore(scores, d)
                if s is not None:
                    gemiddelden.append(s)
        ref = None
        referentie = getattr(sleutel, "referentie", None) if sleutel is not None else None
        if isinstance(referentie, dict) and d.id in referentie:
            ref = getattr(referentie[d.id], "score", None)
        uit.append((d.naam, gemiddelden, ref, float(getattr(opgave.opties, "marge", 0) or 0)))
    return uit


def vraag(opgave: Opgave, antwoorden: dict[int, Any], sleutels: Path | None,
          vorm: str) -> Vraag:
    """Everything shown for one question; ``antwoorden``: participant no. -> answer."""
    sleutel = _sleutel(opgave, sleutels)
    teksten_van = labels(opgave)
    referentie: dict[str, set] = {}
    if sleutel is not None:
        try:
            for pos, waarde in plat(opgaven.modelantwoord(opgave, sleutel)):
                referentie.setdefault(pos, set()).add(waarde)
        except Exception:  # noqa: BLE001
            referentie = {}
    posities: dict[str, Positie] = {}
    teksten: list[tuple[int, str]] = []
    for nr, antwoord in antwoorden.items():
        for pos, waarde in plat(antwoord):
            if isinstance(waarde, str) and (" " in waarde.strip() or len(waarde) > 40):
                teksten.append((nr, waarde))
                continue
            if not (_is_getal(waarde) or isinstance(waarde, (str, bool))):
                continue
            p = posities.setdefault(pos, Positie(pos, teksten_van.get(pos.split("/")[-1], pos),
                                                 Counter(), referentie.get(pos, set())))
            p.waarden[waarde] += 1
            p.per_deelnemer[nr] = waarde
    for p in posities.values():
        p.numeriek = all(_is_getal(w) for w in p.waarden)
    zichtbaar = [p for p in posities.values() if len(p.waarden) <= MAX_WAARDEN or p.numeriek]
    punten: dict[str, Counter] = {}
    maximum: dict[str, float] = {}
    if sleutel is not None:
        for antwoord in antwoorden.values():
            for deel in opgaven.nakijken(opgave, antwoord, sleutel).delen:
                punten.setdefault(deel.naam, Counter())[deel.punten] += 1
                maximum[deel.naam] = deel.max_punten
    numeriek = [p for p in zichtbaar if p.numeriek]
    overeenstemming = (_overeenstemming(numeriek, sorted(antwoorden), vorm)
                       if numeriek else None)
    return Vraag(opgave, len(antwoorden), zichtbaar, punten, maximum, teksten,
                 overeenstemming, _dimensies(opgave, sleutel, antwoorden),
                 heeft_sleutel=sleutel is not None)


# --- Figures (plain SVG, like the exercises' charts) ----------------------------------------
# Drawn by hand, not with matplotlib: 30 figures for 200 participants took 1.4 s there,
# here a few milliseconds, and the page stays one self-contained file.

KLEUR = "#1f5f99"
KLEUR_REF = "#a4000f"
LETTER = 0.56  # average width of a character, as a share of the font size (sans-serif)


def _kort(tekst: str, n: int = 60) -> str:
    tekst = " ".join(str(tekst).split())
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _tekst(x: float, y: float, tekst: str, *, grootte: int = 12, anker: str = "start",
           kleur: str = TEKST, extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{grootte}" text-anchor="{anker}" '
            f'fill="{kleur}"{extra}>{e(tekst)}</text>')


def figuur_posities(v: Vraag, namen: dict[Any, str]) -> str:
    """Per position a row of circles: how many chose each value; the reference outlined."""
    posities = v.posities
    waarden = sorted({w for p in posities for w in p.waarden}, key=lambda w: (not _is_getal(w), w if _is_getal(w) else str(w)))
    rijlabels = [_kort(p.tekst) for p in posities]
    kolomlabels = [_kort(namen.get(w, w), 18) for w in waarden]
    kolom, rij, boven = max(76.0, 12 * LETTER * max(map(len, kolomlabels), default=1) + 12), 44, 24
    links = 12 * LETTER * max(map(len, rijlabels), default=1) + 24
    breedte = links + kolom * len(waarden) + 8
    hoogte = boven + rij * len(posities) + 30
    grootste = max((max(p.waarden.values()) for p in posities), default=1)
    x = {w: links + kolom * (i + 0.5) for i, w in enumerate(waarden)}

    def straal(aantal: int) -> float:  # area grows with the number of participants
        return 8 + 11 * math.sqrt(aantal / grootste)

    delen = []
    for i, (p, label) in enumerate(zip(posities, rijlabels)):
        y = boven + rij * (i + 0.5)
        delen.append(f'<line x1="{links:.1f}" x2="{breedte - 8:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="{RASTER}"/>' + _tekst(links - 12, y + 4, label, anker="end"))
        for w, aantal in p.waarden.items():
            delen.append(f'<circle cx="{x[w]:.1f}" cy="{y:.1f}" r="{straal(aantal):.1f}" '
                         f'fill="{KLEUR}" fill-opacity="0.85"/>'
                         + _tekst(x[w], y + 4, str(aantal), grootte=11, anker="middle", kleur="white"))
        delen += [f'<circle cx="{x[w]:.1f}" cy="{y:.1f}" r="{straal(p.waarden.get(w, 0)) + 4:.1f}" '
                  f'fill="none" stroke="{KLEUR_REF}" stroke-width="2.5"/>'
                  for w in p.referentie if w in x]
    delen += [_tekst(x[w], hoogte - 10, label, anker="middle") for w, label in zip(waarden, kolomlabels)]
    return omhulsel(breedte, hoogte, f"{v.opgave.titel}: hoeveel deelnemers elk antwoord kozen",
                    "Per onderdeel een rij, per antwoord een cirkel met het aantal deelnemers. "
                    "Een rode rand: het antwoord van het antwoordmodel.", "".join(delen))


def figuur_dimensies(v: Vraag, schaal: tuple[float, float]) -> str:
    """Each participant's mean per dimension (a dot), the reference (a line) and its margin."""
    namen = [d[0] for d in v.dimensies]
    links = 12 * LETTER * max(map(len, namen), default=1) + 24
    breedte, rij, boven = links + 440, 44, 12
    hoogte = boven + rij * len(namen) + 44
    laag, hoog = schaal[0] - 0.2, schaal[1] + 0.2

    def px(w: float) -> float:
        return links + (w - laag) / (hoog - laag) * (breedte - links - 12)

    delen = []
    for w in range(math.ceil(schaal[0]), math.floor(schaal[1]) + 1):
        delen.append(f'<line x1="{px(w):.1f}" x2="{px(w):.1f}" y1="{boven}" y2="{hoogte - 40}" '
                     f'stroke="{RASTER}"/>' + _tekst(px(w), hoogte - 26, str(w), anker="middle"))
    delen.append(_tekst((links + breedte) / 2, hoogte - 8, "gemiddelde score", anker="middle"))
    for i, (naam, gemiddelden, ref, marge) in enumerate(v.dimensies):
        y = boven + rij * (i + 0.5)
        delen.append(_tekst(links - 12, y + 4, naam, anker="end"))
        if ref is not None:
            delen.append(f'<rect x="{px(ref - marge):.1f}" y="{y - rij * 0.45:.1f}" '
                         f'width="{px(ref + marge) - px(ref - marge):.1f}" height="{rij * 0.9:.1f}" '
                         f'fill="{KLEUR_REF}" fill-opacity="0.10"/>'
                         f'<line x1="{px(ref):.1f}" x2="{px(ref):.1f}" y1="{y - rij * 0.4:.1f}" '
                         f'y2="{y + rij * 0.4:.1f}" stroke="{KLEUR_REF}" stroke-width="3"/>')
        for waarde, aantal in Counter(gemiddelden).items():  # equal means stacked in the row
            delen += [f'<circle cx="{px(waarde):.1f}" cy="{y - rij * 0.35 + rij * 0.7 * (k + 0.5) / aantal:.1f}" '
                      f'r="2.5" fill="{KLEUR}" fill-opacity="0.8"><title>{opgaven.getal(waarde)}</title></circle>'
                      for k in range(aantal)]
    return omhulsel(breedte, hoogte, f"{v.opgave.titel}: het gemiddelde van elke deelnemer per onderdeel",
                    "Per onderdeel een stip voor elke deelnemer. Rode streep: het antwoordmodel, "
                    "roze: de marge.", "".join(delen))


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

    def gespreksstarters(self) -> list[tuple[Vraag, Positie]]:
        kandidaten = [(v, p) for v in self.vragen for p in v.posities if p.n >= 2]
        getallen = sorted((c for c in kandidaten if c[1].numeriek), key=lambda c: -c[1].spreiding)
        keuzes = sorted((c for c in kandidaten if not c[1].numeriek), key=lambda c: -c[1].spreiding)
        return [c for c in getallen[:GESPREK] + keuzes[:GESPREK] if c[1].spreiding > 0]

    def samenvatting(self) -> str:
        regels = [f"{len(self.groep.deelnemers)} deelnemers, {len(self.vragen)} vragen."]
        if self.groep.overgeslagen:
            regels.append(f"{getallen.aantal(self.groep.overgeslagen, 'bestand', 'bestanden')} overgeslagen (beschadigd of "
                          "geen antwoordbestand).")
        for v in self.vragen:
            o = v.overeenstemming
            if o and o.waarde is not None:
                regels.append(f"{v.opgave.titel}: {o.vorm} = {o.waarde:.2f} "
                              f"({o.beoordelaars} beoordelaars, {o.items} items)")
        return "\n".join(regels)

    def html(self) -> str:
        delen = [f"<h1>Groepsoverzicht</h1><p>{len(self.groep.deelnemers)} deelnemers. "
                 + ("Namen zijn zichtbaar: laat deze pagina niet rondgaan." if self.namen else
                    "Deelnemers staan er zonder naam in: Deelnemer 1, 2, enzovoort.")
                 + "</p>"]
        if self.groep.overgeslagen:
            delen.append(f"<p>{getallen.aantal(self.groep.overgeslagen, 'bestand kon', 'bestanden konden')} niet worden gelezen "
                         "en tellen niet mee.</p>")
        starters = self.gespreksstarters()
        if starters:
            delen.append("<section><h2>Waar de groep het meest verschilt</h2><p>Goede "
                         "vragen om samen te bespreken:</p><ol>")
            for v, p in starters:
                verdeling = ", ".join(f"{e(_kort(labels(v.opgave).get(str(w), w), 30))}: {n}"
                                      for w, n in sorted(p.waarden.items(), key=lambda x: str(x[0])))
                ref = (f" Het antwoordmodel: {e(', '.join(str(labels(v.opgave).get(str(r), r)) for r in sorted(p.referentie, key=str)))}."
                       if p.referentie else "")
                delen.append(f"<li><strong>{e(v.opgave.titel)}</strong>: {e(p.tekst)} "
                             f"({verdeling}).{ref}</li>")
            delen.append("</ol></section>")
        for v in self.vragen:
            delen.append(self._vraag_html(v))
        return PAGINA.format(inhoud="\n".join(delen))

    def _vraag_html(self, v: Vraag) -> str:
        uit = [f"<section><h2>{e(v.opgave.titel)}</h2><p>{v.deelnemers} deelnemers "
               "beantwoordden deze vraag."
               + ("" if v.heeft_sleutel else " Er is geen antwoordmodel bij deze vraag.")
               + "</p>"]
        namen = labels(v.opgave)
        if v.dimensies and any(g for _, g, _, _ in v.dimensies):
            schaal = (1.0, 5.0)
            try:
                from werkalliantie.opgaven.soorten.beoordeling import vragenlijst

                s = vragenlijst(v.opgave).schaal
                schaal = (s.min, s.max)
            except Exception:  # noqa: BLE001
                pass
            uit.append(f"<figure>{figuur_dimensies(v, schaal)}<figcaption>Per onderdeel het "
                       "gemiddelde van elke deelnemer (een stip) en het antwoordmodel (de rode "
                       "streep, met de marge in roze).</figcaption></figure>")
        if v.posities:
            uit.append(f"<figure>{figuur_posities(v, namen)}<figcaption>Per onderdeel hoeveel "
                       "deelnemers elk antwoord gaven (het getal in de cirkel). Een rode rand "
                       "is het antwoord van het antwoordmodel.</figcaption></figure>")
        if v.punten:
            uit.append("<table><caption>Punten volgens het antwoordmodel</caption><thead><tr>"
                       "<th scope='col'>onderdeel</th><th scope='col'>punten: aantal deelnemers</th>"
                       "</tr></thead><tbody>")
            for deel, telling in v.punten.items():
                verdeling = ", ".join(f"{opgaven.getal(p)} van {opgaven.getal(v.max_punten[deel])}: "
                                      f"{n}" for p, n in sorted(telling.items()))
                uit.append(f"<tr><td>{e(deel)}</td><td>{e(verdeling)}</td></tr>")
            uit.append("</tbody></table>")
        o = v.overeenstemming
        if o is not None:
            uitleg = e(icc_.UITLEG[o.vorm])
            if o.waarde is None:
                uit.append(f"<p class='icc'><strong>Overeenstemming als beoordelaars:</strong> "
                           f"geen ICC. {e(o.melding)}</p>")
            else:
                uit.append(f"<p class='icc'><strong>Overeenstemming als beoordelaars:</strong> "
                           f"{e(o.vorm)} = {o.waarde:.2f} over {o.items} items en "
                           f"{o.beoordelaars} deelnemers ({uitleg}; berekend met pingouin). "
                           + (f"{o.uitgesloten} deelnemer(s) vulden niet alles in en tellen "
                              "hier niet mee. " if o.uitgesloten else "")
                           + f"{_duiding(o.waarde)}</p>")
        if v.teksten:
            uit.append(f"<details><summary>De teksten van de groep ({len(v.teksten)})</summary><ul>")
            for nr, tekst in sorted(v.teksten):
                uit.append(f"<li><strong>{e(self.naam(nr))}</strong>: "
                           f"{e(_kort(tekst, MAX_TEKST))}</li>")
            uit.append("</ul></details>")
        uit.append("</section>")
        return "\n".join(uit)


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
    per_vraag: dict[str, dict[int, Any]] = {}
    onbekend = 0
    for nr, d in enumerate(groep.deelnemers, 1):
        for vraag_id, antwoord in d.antwoorden.items():
            if vraag_id in bekend:
                per_vraag.setdefault(vraag_id, {})[nr] = antwoord
            else:
                onbekend += 1
    volgorde = list(bekend)
    vragen = [vraag(bekend[i], per_vraag[i], sleutels, vorm)
              for i in sorted(per_vraag, key=volgorde.index)]
    return Overzicht(groep, vragen, namen, vorm, onbekend)
