"""The alliance rating exercise as a widget: the fragment, one slider per item, a save
button, a status line, a summary of the saved answer and, on a practice item, feedback.

The widget holds no rules: it reads and writes the answer file (:mod:`antwoorden`) and
calls the grading rule (:mod:`nakijken.regels`). It saves only when the learner clicks
"Opslaan" (:meth:`WerkalliantieOefening.bewaar`); restoring saved values never writes.
Everything that comes from the answer file is escaped before it is shown as HTML: the
learner can edit that file.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
import traitlets

from werkalliantie.alliantie import Sleutel, vragenlijst
from werkalliantie.antwoorden import Antwoord, Antwoordenbestand, AntwoordenFout, Inhoud
from werkalliantie.casussen import laad_casus
from werkalliantie.nakijken.regels import (Nakijkresultaat, beoordeel_werkalliantie, dimensiescore,
                                    getal, lees_beoordelingen, volledigheid_werkalliantie)

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
GEEN_ANTWOORD = "Je hebt nog geen antwoord opgeslagen."
# Readable in JupyterLab, Voilà and the book theme alike; contrast above WCAG AA.
KLEUR_GOED = "#1b5e20"
KLEUR_FOUT = "#a4000f"
KLEUR_RAND = "#c9d3df"
KLEUR_KNOP = "#1f5f99"  # white text on it: contrast 6.6:1
# Widgets use 13px one-line labels by default; this text must wrap and be easy to read.
STIJL = "font-size:15px;line-height:1.45;white-space:normal"


def _e(tekst: object) -> str:
    return html.escape(str(tekst), quote=True)


def _tijd(antwoord: Antwoord) -> str | None:
    """'22 november om 14:03', or None when the stored time is not a time (edited file)."""
    try:
        t = antwoord.tijdstip.astimezone()
    except (ValueError, TypeError, OverflowError):
        return None
    return f"{t.day} {MAANDEN[t.month - 1]} om {t:%H:%M}"


# --- The saved answer, read once into plain data, shown as text or as HTML ---------------

@dataclass(frozen=True)
class _Stelling:
    nummer: int
    tekst: str
    score: int | None
    ongeldig: bool  # a value is stored, but it is no score on the scale


@dataclass(frozen=True)
class _Dimensie:
    naam: str
    alliantie: str
    stellingen: tuple[_Stelling, ...]
    gemiddelde: float | None


@dataclass(frozen=True)
class _Overzicht:
    tijd: str | None
    dimensies: tuple[_Dimensie, ...]
    meldingen: tuple[str, ...]


def _overzicht(antwoord: Antwoord) -> _Overzicht:
    lijst = vragenlijst()
    geldig, meldingen = lees_beoordelingen(antwoord.waarde, lijst)
    aanwezig = antwoord.waarde if isinstance(antwoord.waarde, Mapping) else {}
    dimensies = tuple(
        _Dimensie(d.naam, d.alliantie, tuple(
            _Stelling(n, i.tekst, geldig.get(i.id), i.id in aanwezig and i.id not in geldig)
            for n, i in enumerate(d.items, 1)), dimensiescore(geldig, d))
        for d in lijst.dimensies)
    return _Overzicht(_tijd(antwoord), dimensies, tuple(meldingen))


def _scorewoord(stelling: _Stelling) -> str:
    if stelling.score is not None:
        return f"{stelling.score} ({vragenlijst().schaal.labels[stelling.score]})"
    return "geen geldige score" if stelling.ongeldig else "niet ingevuld"


def _gemiddeld(dimensie: _Dimensie) -> str:
    if dimensie.gemiddelde is None:
        return "geen gemiddelde: niet alle stellingen hebben een score"
    return f"gemiddeld {getal(dimensie.gemiddelde)}"


def samenvatting_tekst(vraag: str, map: str | Path | None = None) -> str:
    """A plain-text summary of the saved answer to ``vraag``, for print() in a graded
    notebook: the formgrader and the feedback then show what the student answered."""
    return _samenvatting_uit(Antwoordenbestand(map).lees(), vraag)


def _samenvatting_uit(inhoud: Inhoud, vraag: str) -> str:
    regels = [inhoud.melding] if inhoud.melding else []
    antwoord = inhoud.antwoorden.get(vraag)
    if antwoord is None:
        return "\n".join([*regels, GEEN_ANTWOORD])
    overzicht = _overzicht(antwoord)
    kop = "Je opgeslagen antwoord"
    regels.append(f"{kop} ({overzicht.tijd}):" if overzicht.tijd else f"{kop}:")
    for d in overzicht.dimensies:
        regels.append(f"{d.naam} ({d.alliantie}): {_gemiddeld(d)}")
        regels.extend(f"  {s.nummer}. {s.tekst} Score: {_scorewoord(s)}." for s in d.stellingen)
    regels.extend(overzicht.meldingen)
    return "\n".join(regels)


def _samenvatting_html(overzicht: _Overzicht | None) -> str:
    if overzicht is None:
        return f"<p>{_e(GEEN_ANTWOORD)}</p>"
    kop = "Je opgeslagen antwoord" + (f" ({overzicht.tijd})" if overzicht.tijd else "")
    items = "".join(
        f"<li><strong>{_e(d.naam)}:</strong> "
        + _e(", ".join(str(s.score) if s.score is not None else "?" for s in d.stellingen))
        + f" &mdash; {_e(_gemiddeld(d))}</li>"
        for d in overzicht.dimensies)
    meldingen = "".join(f"<p>{_e(m)}</p>" for m in overzicht.meldingen)
    return f"<h3>{_e(kop)}</h3><ul>{items}</ul>{meldingen}"


def _feedback_html(resultaat: Nakijkresultaat) -> str:
    meldingen = "".join(f"<p>{_e(m)}</p>" for m in resultaat.meldingen)
    items = []
    for d in resultaat.dimensies:
        naam, _, rest = d.uitleg(met_referentie=True).partition(": ")
        teken = "✔" if d.binnen_marge else "✘"
        items.append(f'<li style="margin-bottom:.5em"><span aria-hidden="true">{teken}</span> '
                     f"<strong>{_e(naam)}:</strong> {_e(rest)}</li>")
    return (f"<h3>Vergelijk met het antwoordmodel</h3>{meldingen}"
            f"<p>Totaal: {getal(resultaat.punten)} van {getal(resultaat.max_punten)} punten.</p>"
            f'<ul style="list-style:none;padding-left:0">{"".join(items)}</ul>')


def _hints_html(hints: list[str]) -> str:
    if not hints:
        return "<p>Je hebt alle stellingen ingevuld.</p>"
    return "<h3>Nog niet compleet</h3><ul>" + "".join(f"<li>{_e(h)}</li>" for h in hints) + "</ul>"


def _blok(inhoud: str) -> str:
    return f'<div style="{STIJL}">{inhoud}</div>'


# --- The widget ----------------------------------------------------------------------------

class WerkalliantieOefening(widgets.VBox):
    """Rate the working alliance in one fragment of a case.

    With ``sleutel`` (a practice item) the learner sees, after saving, their score per
    dimension beside the reference and its rationale. Without it (a graded item) only
    completeness hints. The answer is stored under ``vraag`` in ``antwoorden.json`` in
    ``map`` (default: the current folder, i.e. beside the notebook).
    """

    samenvatting = traitlets.Unicode(help="Plain-text summary of the saved answer.")

    def __init__(self, vraag: str, casus: str, fragment: str, sleutel: Sleutel | None = None,
                 map: str | Path | None = None, **kwargs):
        if sleutel is not None and (sleutel.vraag, sleutel.casus, sleutel.fragment) != (
                vraag, casus, fragment):
            raise ValueError(f"De sleutel hoort bij vraag {sleutel.vraag!r} "
                             f"(casus {sleutel.casus!r}, fragment {sleutel.fragment!r}), "
                             f"niet bij vraag {vraag!r}.")
        self.vraag = vraag
        self.sleutel = sleutel
        self.bestand = Antwoordenbestand(map)
        self.resultaat: Nakijkresultaat | None = None
        self.hints: list[str] | None = None
        self._lijst = vragenlijst()
        gegevens = laad_casus(casus)
        scene = gegevens.fragment(fragment)

        inhoud, meldingen, opgeslagen, bekend = self._lees()
        schaal = self._lijst.schaal
        midden = (schaal.min + schaal.max) // 2
        self.sliders: dict[str, widgets.IntSlider] = {}
        self._schaallabels: dict[str, widgets.HTML] = {}
        blokken = []
        for dimensie in self._lijst.dimensies:
            rijen = [widgets.HTML(_blok(
                f"<h4>{_e(dimensie.naam)} <small>({_e(dimensie.alliantie)})</small></h4>"))]
            for n, item in enumerate(dimensie.items, 1):
                # Restored values go in at construction: no observer exists yet, so
                # restoring can neither save nor mark the answer as changed.
                slider = widgets.IntSlider(
                    value=opgeslagen.get(item.id, midden), min=schaal.min, max=schaal.max,
                    step=1, readout=True, layout=widgets.Layout(width="220px", flex="0 0 auto"))
                label = widgets.HTML(layout=widgets.Layout(width="9em", flex="0 0 auto"))
                self.sliders[item.id], self._schaallabels[item.id] = slider, label
                self._toon_schaallabel(item.id)
                tekst = widgets.HTML(_blok(f"{n}. {_e(item.tekst)}"),
                                     layout=widgets.Layout(flex="1 1 300px", min_width="220px"))
                rijen.append(widgets.HBox(
                    [tekst, slider, label],
                    layout=widgets.Layout(flex_flow="row wrap", align_items="center",
                                          padding="4px 0", border_bottom=f"1px solid {KLEUR_RAND}")))
            blokken.append(widgets.VBox(rijen, layout=widgets.Layout(margin="0 0 12px 0")))

        # ipywidgets' "primary" blue fails WCAG contrast (3:1) with white text.
        self.knop = widgets.Button(description="Opslaan", tooltip="Sla je antwoord op",
                                   style=widgets.ButtonStyle(button_color=KLEUR_KNOP,
                                                             text_color="white",
                                                             font_weight="bold"))
        self.status = widgets.HTML(layout=widgets.Layout(flex="1 1 300px", margin="0 0 0 12px"))
        self._samenvatting_widget = widgets.HTML()
        self.feedback = widgets.HTML()

        legenda = " · ".join(f"{w} = {_e(t)}" for w, t in schaal.labels.items())
        zinnen = "".join(f'<p style="margin:.3em 0">{_e(z)}</p>' for z in scene.zinnen)
        super().__init__([
            widgets.HTML(_blok(
                f"<h3>Fragment: {_e(scene.titel)}</h3>"
                f'<div style="border-left:4px solid #4a6f96;background:#f3f6f9;'
                f'padding:.5em 1em;color:#1d1d1d">{zinnen}</div>'
                "<h3>Jouw beoordeling</h3>"
                "<p>Hoe sterk is de werkalliantie tussen "
                f"{_e(gegevens.client.naam)} en {_e(gegevens.professional.naam)}"
                " in dit fragment? Geef bij elke stelling een score met de schuifbalk. "
                "Je kunt ook de pijltjestoetsen gebruiken.</p>"
                f"<p><strong>Schaal:</strong> {legenda}</p>")),
            *blokken,
            widgets.HBox([self.knop, self.status],
                         layout=widgets.Layout(align_items="center", flex_flow="row wrap")),
            self._samenvatting_widget,
            self.feedback,
        ], layout=widgets.Layout(max_width="860px"), **kwargs)

        for item_id, slider in self.sliders.items():
            slider.observe(lambda _, i=item_id: self._bij_verschuiven(i), names="value")
        self.knop.on_click(lambda _: self.bewaar())

        if meldingen:  # a damaged or too new file, or values that are no scores
            self._toon_status(meldingen, fout=True)
        elif bekend:
            self._toon_status(["Je opgeslagen antwoord staat weer klaar. "
                               "Pas het aan en klik op Opslaan."])
        else:
            self._toon_status(["Nog niet opgeslagen."])
        self._ververs_samenvatting(inhoud)

    # -- state for tests and for the graded notebook --------------------------------------

    @property
    def antwoord(self) -> dict[str, int]:
        """The values the sliders show now: what "Opslaan" would save."""
        return {item_id: int(s.value) for item_id, s in self.sliders.items()}

    def bewaar(self) -> bool:
        """What the button does: save, then show the summary and the feedback. A failure
        is shown in the status line, never raised, so the learner can try again."""
        waarde = self.antwoord
        was_beschadigd = self._beschadigd
        try:
            antwoord = self.bestand.bewaar(self.vraag, waarde)
        except AntwoordenFout as fout:
            self._toon_status([str(fout)], fout=True)
            return False
        except Exception as fout:  # an unforeseen error must not vanish into a log
            self._toon_status([f"Je antwoord kon niet worden opgeslagen ({type(fout).__name__}). "
                               "Probeer het nog eens."], fout=True)
            return False
        self._beschadigd = False
        tijd = antwoord.tijdstip.astimezone()
        regels = [f"Opgeslagen om {tijd:%H:%M}."]
        if was_beschadigd:
            regels.append("Het beschadigde bestand met antwoorden staat apart onder een "
                          "nieuwe naam.")
        self._toon_status(regels)
        self._ververs_samenvatting()
        if self.sleutel is not None:
            self.resultaat = beoordeel_werkalliantie(waarde, self.sleutel, self._lijst)
            self.feedback.value = _blok(_feedback_html(self.resultaat))
        else:
            self.hints = volledigheid_werkalliantie(waarde, self._lijst)
            self.feedback.value = _blok(_hints_html(self.hints))
        return True

    # -- internals --------------------------------------------------------------------------

    def _lees(self) -> tuple[Inhoud | None, list[str], dict[str, int], bool]:
        """The file's content (None when unreadable), messages, the valid saved ratings,
        and whether an answer was found."""
        try:
            inhoud = self.bestand.lees()
        except Exception as fout:  # an unreadable file must not break the exercise
            self._beschadigd = True
            return None, [f"Je opgeslagen antwoorden konden niet worden gelezen "
                          f"({type(fout).__name__})."], {}, False
        self._beschadigd = inhoud.beschadigd
        meldingen = [inhoud.melding] if inhoud.melding else []
        antwoord = inhoud.antwoorden.get(self.vraag)
        if antwoord is None:
            return inhoud, meldingen, {}, False
        geldig, fouten = lees_beoordelingen(antwoord.waarde, self._lijst)
        return inhoud, meldingen + fouten, geldig, True

    def _ververs_samenvatting(self, inhoud: Inhoud | None = None) -> None:
        """Show the saved answer; reads the file unless the caller just did."""
        try:
            inhoud = self.bestand.lees() if inhoud is None else inhoud
            antwoord = inhoud.antwoorden.get(self.vraag)
            overzicht = None if antwoord is None else _overzicht(antwoord)
            self.samenvatting = _samenvatting_uit(inhoud, self.vraag)
        except Exception as fout:
            overzicht = None
            self.samenvatting = f"Je opgeslagen antwoord kon niet worden gelezen ({type(fout).__name__})."
        self._samenvatting_widget.value = _blok(_samenvatting_html(overzicht))

    def _toon_status(self, regels: list[str], fout: bool = False) -> None:
        kleur = KLEUR_FOUT if fout else KLEUR_GOED
        voorvoegsel = "<strong>Let op:</strong> " if fout else ""
        tekst = "".join(f'<p style="margin:.2em 0">{voorvoegsel if i == 0 else ""}{_e(r)}</p>'
                        for i, r in enumerate(regels))
        self.status.value = (f'<div role="status" aria-live="polite" style="color:{kleur};'
                             f'{STIJL}">{tekst}</div>')

    def _toon_schaallabel(self, item_id: str) -> None:
        waarde = self.sliders[item_id].value
        self._schaallabels[item_id].value = _blok(_e(self._lijst.schaal.labels.get(waarde, "")))

    def _bij_verschuiven(self, item_id: str) -> None:
        self._toon_schaallabel(item_id)
        self._toon_status(["Je antwoord is veranderd en nog niet opgeslagen. "
                           "Klik op Opslaan."])
