"""One widget for every question: restore, save, status, summary, feedback.

:class:`Opgavewidget` does what every exercise needs, in one place; a kind adds only its
controls (``werkalliantie/widgets/bediening/<soort>.py``). It holds no rules: it calls
the engine (:mod:`werkalliantie.leren.opgaven`) and shows the result.

- Restoring: saved values go into the controls when they are built, before anything
  observes them, so merely running a cell never writes and never marks a change.
- Saving: only the learner's click on "Opslaan". The click first waits for the front
  end's last changes (:class:`~werkalliantie.leren.widgets.slagboom.Slagboom`), so what is saved,
  and what the status says is saved, is exactly what the screen shows.
- Trying comes first: a practice answer is always saved, but its model answer and score
  appear only once every required part is answered (``opgaven.onbeantwoord``), or after
  the learner asked for them ("Toon het antwoordmodel") and confirmed.
- The status line is one live region (``role=status``) whose text changes; the front ends
  keep its element (``toegang.js`` in Voilà and the browser site; issue 22).
- Everything from the answer file or typed by the learner is escaped before it is shown
  as HTML: the learner can edit that file.
- Every failure (an unreadable file, a full disk, a rule's error) is shown in Dutch in
  the status line; none is raised, so the learner can always try again.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoord, Antwoordenbestand, AntwoordenFout, Inhoud
from werkalliantie.leren.opgaven import Opgave, Resultaat
from werkalliantie.leren.opgaven.resultaat import van_punten
from werkalliantie.leren.tekst import html_tekst
from werkalliantie.leren.widgets.slagboom import Slagboom

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
GEEN_ANTWOORD = "Je hebt nog geen antwoord opgeslagen."
VERANDERD = "Je antwoord is veranderd en nog niet opgeslagen. Klik op Opslaan."
BEZIG = "Bezig met opslaan..."
GEEN_BEVESTIGING = ("Je antwoord is nog niet opgeslagen: je browser reageert niet. "
                    "Klik nog eens op Opslaan.")
# Readable in JupyterLab, Voilà, JupyterLite and the book theme alike; contrast above WCAG AA.
KLEUR_GOED = "#1b5e20"
KLEUR_FOUT = "#a4000f"
KLEUR_RAND = "#c9d3df"
KLEUR_KNOP = "#1f5f99"  # white text on it: contrast 6.6:1; as a focus ring on white too
# Widgets use 13px one-line labels by default; this text must wrap and be easy to read.
STIJL = "font-size:15px;line-height:1.45;white-space:normal"
# ipywidgets gives radio and checkbox labels one fixed line: long option texts would be
# cut off. Scoped to the exercise's own box.
STIJLBLAD = """<style>
.wa-opgave .widget-radio-box label, .wa-opgave .jupyter-widget-radio-box label {
  height: auto; line-height: 1.4; white-space: normal; margin: .3em 0; font-size: 15px; }
.wa-opgave .widget-label-basic, .wa-opgave .jupyter-widget-label-basic {
  white-space: normal; overflow: visible; font-size: 15px; }
.wa-opgave .widget-checkbox, .wa-opgave .jupyter-widget-checkbox { height: auto; }
.wa-opgave select, .wa-opgave textarea, .wa-opgave input { font-size: 15px; }
/* A control's name, read by screen readers but not shown: its question stands beside it. */
.wa-opgave .wa-naam > .widget-label {
  position: absolute !important; width: 1px !important; height: 1px !important;
  margin: 0 !important; padding: 0 !important; overflow: hidden !important;
  clip-path: inset(50%) !important; white-space: nowrap !important; }
/* Focus: a 3 px ring in the button colour (6.6:1 on white), on every control. */
.wa-opgave button:focus-visible, .wa-opgave input:focus-visible, .wa-opgave select:focus-visible,
.wa-opgave textarea:focus-visible, .wa-opgave summary:focus-visible, .wa-opgave a:focus-visible {
  outline: 3px solid #1f5f99 !important; outline-offset: 2px !important; }
/* Phone and zoom: a field keeps a usable width, its label goes above it when space runs
   out, and nothing is wider than the exercise. */
.wa-opgave, .wa-opgave * { box-sizing: border-box; }
.wa-opgave .widget-text, .wa-opgave .widget-textarea, .wa-opgave .widget-dropdown {
  flex-wrap: wrap; height: auto; max-width: 100%; }
.wa-opgave .widget-text > .widget-label {
  width: auto; max-width: 100%; white-space: normal; text-align: left; line-height: 1.4; }
.wa-opgave .widget-text > input { flex: 1 1 8em; min-width: 8em; max-width: 100%; }
.wa-opgave .widget-dropdown > select { min-width: 8em; max-width: 100%; }
.wa-opgave .widget-textarea > textarea { max-width: 100%; }
.wa-opgave .wa-breed { overflow-x: auto; max-width: 100%; }
.wa-opgave .widget-html-content { max-width: 100%; }
</style>"""


def e(tekst: object) -> str:
    """Escape for HTML: every text from a record, a file or the learner goes through this."""
    return html_tekst(tekst, 20_000)


def blok(inhoud: str) -> str:
    return f'<div style="{STIJL}">{inhoud}</div>'


def tijd(antwoord: Antwoord) -> str | None:
    """'22 november om 14:03', or None when the stored time is not a time (edited file)."""
    try:
        t = antwoord.tijdstip.astimezone()
    except (ValueError, TypeError, OverflowError):
        return None
    return f"{t.day} {MAANDEN[t.month - 1]} om {t:%H:%M}"


def fragment_html(opgave: Opgave, zinnummers: bool = False) -> str:
    """The case fragment a question is about, from its case file."""
    if opgave.casus is None or opgave.fragment is None:
        return ""
    from werkalliantie.leren.casussen import laad_casus

    scene = laad_casus(opgave.casus).fragment(opgave.fragment)
    zinnen = "".join(f'<p style="margin:.3em 0">{f"<strong>Zin {n}.</strong> " if zinnummers else ""}'
                     f"{e(z)}</p>" for n, z in enumerate(scene.zinnen, 1))
    return (f"<h3>Fragment: {e(scene.titel)}</h3>"
            f'<div style="border-left:4px solid #4a6f96;background:#f3f6f9;'
            f'padding:.5em 1em;color:#1d1d1d">{zinnen}</div>')


def resultaat_html(resultaat: Resultaat) -> str:
    meldingen = "".join(f"<p>{e(m)}</p>" for m in resultaat.meldingen)
    delen = []
    for d in resultaat.delen:
        teken, oordeel = ("✔" if d.goed else "✘"), d.oordeel_tekst
        regels = "".join(f'<p style="margin:.2em 0">{e(r)}</p>' for r in (*d.feedback, *d.uitleg))
        delen.append(f'<li style="margin-bottom:.6em"><span aria-hidden="true">{teken}</span> '
                     f"<strong>{e(d.naam)}</strong> <span>({oordeel}: "
                     f"{van_punten(d.punten, d.max_punten)})</span>{regels}</li>")
    return (f"<h3>Vergelijk met het antwoordmodel</h3>{meldingen}<p>{e(resultaat.kop)}</p>"
            f'<ul style="list-style:none;padding-left:0">{"".join(delen)}</ul>')


def hints_html(hints: list[str]) -> str:
    if not hints:
        return "<p>Je hebt alles ingevuld.</p>"
    return "<h3>Nog niet compleet</h3><ul>" + "".join(f"<li>{e(h)}</li>" for h in hints) + "</ul>"


EERST_PROBEREN = ("Vul eerst alles in. Dan zie je het antwoordmodel en je punten. Wil je het "
                  "antwoordmodel nu al zien? Kies dan Toon het antwoordmodel.")
ZEKER_WETEN = ("Weet je het zeker? Je ziet dan het antwoordmodel, ook bij wat je nog niet hebt "
               "ingevuld. Zelf eerst proberen helpt je het meest.")


def samenvatting_tekst(opgave: Opgave, inhoud: Inhoud) -> str:
    """The saved answer in plain text: printed in a graded notebook, so the formgrader
    and the feedback show what the student answered."""
    regels = [inhoud.melding] if inhoud.melding else []
    antwoord = inhoud.antwoorden.get(opgave.id)
    if antwoord is None:
        return "\n".join([*regels, GEEN_ANTWOORD])
    wanneer = tijd(antwoord)
    regels.append(f"Je opgeslagen antwoord ({wanneer}):" if wanneer else "Je opgeslagen antwoord:")
    regels.extend(opgaven.samenvatting(opgave, antwoord.waarde))
    return "\n".join(regels)


def bediening_voor(opgave: Opgave):
    """The controls class of the question's kind (one module per kind, by name)."""
    return importlib.import_module(f"werkalliantie.leren.widgets.bediening.{opgave.soort}").Bediening


class Opgavewidget(widgets.VBox):
    """A question as a widget.

    ``met_sleutel``: a practice question, whose key ships; after saving, the learner sees
    the comparison with the reference and why. Without: a graded question; the learner
    sees only what is still missing. The answer is stored under the question's id in
    ``antwoorden.json`` in ``map`` (default: the current folder, beside the notebook).
    """

    samenvatting = traitlets.Unicode(help="Plain-text summary of the saved answer.")

    def __init__(self, opgave: Opgave, met_sleutel: bool, map: str | Path | None = None, **kwargs):
        if met_sleutel and opgave.sleutel is None:
            raise ValueError(f"Opgave '{opgave.id}' is beoordeeld: het antwoordmodel staat "
                             "niet in de cursus.")
        self.opgave = opgave
        self.sleutel = opgave.sleutel if met_sleutel else None
        self.bestand = Antwoordenbestand(map)
        self.resultaat: Resultaat | None = None
        self.hints: list[str] | None = None

        inhoud, meldingen = self._lees()
        opgeslagen = None if inhoud is None else inhoud.antwoorden.get(opgave.id)
        # Restored values go in at construction: no observer exists yet, so restoring can
        # neither save nor mark the answer as changed.
        self.bediening = bediening_voor(opgave)(opgave, None if opgeslagen is None else opgeslagen.waarde)

        # ipywidgets' "primary" blue fails WCAG contrast (3:1) with white text.
        self.knop = widgets.Button(
            description="Opslaan", tooltip="Sla je antwoord op",
            style=widgets.ButtonStyle(button_color=KLEUR_KNOP, text_color="white", font_weight="bold"))
        self.status = widgets.HTML(layout=widgets.Layout(flex="1 1 300px", margin="0 0 0 12px"))
        self.status.add_class("wa-status")
        self._samenvatting = widgets.HTML()
        self.feedback = widgets.HTML()
        # Trying comes first: the model answer of an incomplete answer only on request.
        verborgen = dict(display="none", flex_flow="row wrap", align_items="center", margin="4px 0")
        self.toon_model = widgets.Button(description="Toon het antwoordmodel",
                                         layout=widgets.Layout(width="auto", display="none"))
        self.wel_tonen = widgets.Button(description="Ja, toon het antwoordmodel",
                                        style=widgets.ButtonStyle(button_color=KLEUR_KNOP, text_color="white"),
                                        layout=widgets.Layout(width="auto", margin="0 8px 0 0"))
        self.niet_tonen = widgets.Button(description="Nee, ik probeer het eerst zelf",
                                         layout=widgets.Layout(width="auto"))
        self.bevestiging = widgets.VBox([
            widgets.HTML(blok(f"<p><strong>{e(ZEKER_WETEN)}</strong></p>")),
            widgets.HBox([self.wel_tonen, self.niet_tonen], layout=widgets.Layout(flex_flow="row wrap"))],
            layout=widgets.Layout(**verborgen))
        self._model_gevraagd = False
        # Saving waits until every change on screen has reached the kernel (slagboom.py).
        self.slagboom = Slagboom()
        self._klikken = 0

        kop = fragment_html(opgave, self.bediening.zinnummers)
        super().__init__([
            widgets.HTML(STIJLBLAD + blok(f"{kop}<h3>Vraag</h3><p>{e(opgave.vraag)}</p>"
                                          f"<p>{e(self.bediening.uitleg)}</p>")),
            *self.bediening.onderdelen,
            widgets.HBox([self.knop, self.status],
                         layout=widgets.Layout(align_items="center", flex_flow="row wrap",
                                               margin="8px 0")),
            self._samenvatting,
            self.feedback,
            # A graded question never mentions a model answer: its key is not here.
            *([self.toon_model, self.bevestiging] if self.sleutel is not None else []),
            self.slagboom,
        ], layout=widgets.Layout(max_width="860px"), **kwargs)
        self.add_class("wa-opgave")  # scope of STIJLBLAD
        self.add_class(f"wa-soort-{opgave.soort}")  # for browser tests: which kind this is

        self.bediening.bij_verandering(self._bij_verandering)
        self.knop.on_click(lambda _: self._bij_klik())
        self.toon_model.on_click(lambda _: self._vraag_model())
        self.wel_tonen.on_click(lambda _: self._toon_model())
        self.niet_tonen.on_click(lambda _: self._zelf_proberen())

        if meldingen:
            self._toon_status(meldingen, fout=True)
        elif opgeslagen is not None:
            self._toon_status(["Je opgeslagen antwoord staat weer klaar. Pas het aan en klik op Opslaan."])
        else:
            self._toon_status(["Nog niet opgeslagen."])
        self._ververs_samenvatting(inhoud)

    # -- what tests and notebooks use --------------------------------------------------------

    @property
    def antwoord(self) -> Any:
        """What the controls show now: what "Opslaan" would save."""
        return self.bediening.waarde()

    def bewaar(self) -> bool:
        """Save what the controls show, then show the summary and the feedback."""
        waarde = self.antwoord
        was_beschadigd = self._beschadigd
        try:
            antwoord = self.bestand.bewaar(self.opgave.id, waarde)
        except AntwoordenFout as fout:
            self._toon_status([str(fout)], fout=True)
            return False
        except Exception as fout:  # noqa: BLE001 - an unforeseen error must not vanish into a log
            self._toon_status([f"Je antwoord kon niet worden opgeslagen ({type(fout).__name__}). "
                               "Probeer het nog eens."], fout=True)
            return False
        self._beschadigd = False
        regels = [f"Opgeslagen om {antwoord.tijdstip.astimezone():%H:%M}."]
        if antwoord.melding:  # what the save set aside or restored
            regels.append(antwoord.melding)
        elif was_beschadigd:
            regels.append("Het beschadigde bestand met antwoorden staat apart onder een nieuwe naam.")
        self._ververs_samenvatting()
        self._verberg_model_vraag()
        if self.sleutel is None:
            self.hints = opgaven.volledigheid(self.opgave, waarde)
            self.feedback.value = blok(hints_html(self.hints))
        else:
            open_ = opgaven.onbeantwoord(self.opgave, waarde)
            if open_ and not self._model_gevraagd:
                self.resultaat = None
                self.hints = open_
                regels.append("Je antwoord is nog niet compleet.")
                self.feedback.value = blok(hints_html(open_) + f"<p>{e(EERST_PROBEREN)}</p>")
                self.toon_model.layout.display = "flex"
            else:
                self._toon_resultaat(waarde)
        # Last: when the status says "saved", the summary and the feedback are on screen too
        # (each change reaches the browser as its own message, in this order).
        self._toon_status(regels, toestand="opgeslagen")
        return True

    # -- internals ----------------------------------------------------------------------------

    def _toon_resultaat(self, waarde: Any) -> None:
        self.resultaat = opgaven.nakijken(self.opgave, waarde, self.sleutel)
        self.hints = None
        self.feedback.value = blok(resultaat_html(self.resultaat))
        self.bediening.toon(self.resultaat)

    def _verberg_model_vraag(self) -> None:
        self.toon_model.layout.display = "none"
        self.bevestiging.layout.display = "none"

    def _vraag_model(self) -> None:
        """"Toon het antwoordmodel": first the question whether the learner is sure.
        Focus moves along, so that a keyboard user never lands on a hidden button."""
        self.toon_model.layout.display = "none"
        self.bevestiging.layout.display = "flex"
        self.wel_tonen.focus()

    def _zelf_proberen(self) -> None:
        self.bevestiging.layout.display = "none"
        self.toon_model.layout.display = "flex"
        self.toon_model.focus()

    def _toon_model(self) -> None:
        """Confirmed: the saved answer's model answer and score, now and after every
        later save of this page."""
        self._model_gevraagd = True
        self._verberg_model_vraag()
        self.knop.focus()
        try:
            antwoord = self.bestand.lees().antwoorden.get(self.opgave.id)
        except Exception as fout:  # noqa: BLE001
            self._toon_status([f"Je opgeslagen antwoord kon niet worden gelezen ({type(fout).__name__})."],
                              fout=True)
            return
        self._toon_resultaat(None if antwoord is None else antwoord.waarde)
        self._toon_status(["Het antwoordmodel staat onder je antwoord."], toestand="opgeslagen")

    def _bij_klik(self) -> None:
        """Save once every value on screen has reached the kernel. Of several quick
        clicks only the last one saves (its barrier answers last)."""
        self._klikken += 1
        klik = self._klikken
        self._toon_status([BEZIG], toestand="bezig")
        self.slagboom.na_synchronisatie(
            lambda: self.bewaar() if klik == self._klikken else None,
            bij_verlopen=lambda: self._toon_status([GEEN_BEVESTIGING], fout=True)
            if klik == self._klikken else None)

    def _lees(self) -> tuple[Inhoud | None, list[str]]:
        try:
            inhoud = self.bestand.lees()
        except Exception as fout:  # noqa: BLE001 - an unreadable file must not break the exercise
            self._beschadigd = True
            return None, [f"Je opgeslagen antwoorden konden niet worden gelezen ({type(fout).__name__})."]
        self._beschadigd = inhoud.beschadigd
        return inhoud, [inhoud.melding] if inhoud.melding else []

    def _ververs_samenvatting(self, inhoud: Inhoud | None = None) -> None:
        """Show the saved answer; reads the file unless the caller just did."""
        try:
            inhoud = self.bestand.lees() if inhoud is None else inhoud
            self.samenvatting = samenvatting_tekst(self.opgave, inhoud)
            antwoord = inhoud.antwoorden.get(self.opgave.id)
        except Exception as fout:  # noqa: BLE001
            antwoord = None
            self.samenvatting = f"Je opgeslagen antwoord kon niet worden gelezen ({type(fout).__name__})."
        if antwoord is None:
            self._samenvatting.value = blok(f"<p>{e(GEEN_ANTWOORD)}</p>")
            return
        wanneer = tijd(antwoord)
        kop = "Je opgeslagen antwoord" + (f" ({wanneer})" if wanneer else "")
        regels = "".join(f'<p style="margin:.1em 0">{e(r)}</p>'
                         for r in opgaven.samenvatting(self.opgave, antwoord.waarde))
        self._samenvatting.value = blok(f"<details><summary>{e(kop)}</summary>{regels}</details>")

    def _toon_status(self, regels: list[str], fout: bool = False,
                     toestand: str | None = None) -> None:
        """Show the status line. ``data-toestand`` (opgeslagen, veranderd, bezig, fout,
        info) lets a browser test tell the states apart without parsing Dutch."""
        kleur = KLEUR_FOUT if fout else KLEUR_GOED
        toestand = toestand or ("fout" if fout else "info")
        voorvoegsel = "<strong>Let op:</strong> " if fout else ""
        tekst = "".join(f'<p style="margin:.2em 0">{voorvoegsel if i == 0 else ""}{e(r)}</p>'
                        for i, r in enumerate(regels))
        self.status.value = (f'<div role="status" aria-live="polite" data-toestand="{toestand}" '
                             f'style="color:{kleur};{STIJL}">{tekst}</div>')

    def _bij_verandering(self) -> None:
        self._toon_status([VERANDERD], toestand="veranderd")
