"""The learner's own name for the trainer: one optional field, saved in the answer file.

A trainer's group overview is anonymous unless the trainer asks for names. It then uses
the name nbgrader knows, else this one, else the name of the participant's folder. A
learner who practises in the browser and hands in a downloaded ``antwoorden.json`` can
fill it in, or leave it empty: nothing else depends on it.

Like every answer it is saved only by an explicit click, under
:data:`~werkalliantie.leren.antwoorden.NAAMVELD` (never a question's id); restoring it
never writes. Pure Python and ipywidgets: it runs in the learner's kernel, also in the
browser (Pyodide).
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from werkalliantie.leren.antwoorden import MAX_NAAM, NAAMVELD, Antwoordenbestand, AntwoordenFout
from werkalliantie.leren.tekst import html_tekst
from werkalliantie.leren.widgets.slagboom import Slagboom

KLEUR_GOED = "#1b5e20"
KLEUR_FOUT = "#a4000f"
KLEUR_KNOP = "#1f5f99"  # white text on it: contrast 6.6:1
STIJL = "font-size:15px;line-height:1.45;white-space:normal"
UITLEG = ("Lever je je antwoorden in bij een trainer? Vul dan hier je naam in. De trainer "
          "ziet je naam alleen als hij daar zelf om vraagt. Je mag het vak ook leeg laten.")


class NaamVoorDeTrainer(widgets.VBox):
    """An optional text field with a save button and a status line."""

    def __init__(self, map: str | Path | None = None, **kwargs):
        self.bestand = Antwoordenbestand(map)
        try:
            eerder = self.bestand.lees().naam_voor_de_trainer or ""
        except Exception:  # noqa: BLE001 - an unreadable file must not break the page
            eerder = ""
        self.veld = widgets.Text(
            value=eerder, description="Je naam voor de trainer", placeholder="mag leeg blijven",
            tooltip="Je naam voor de trainer (mag leeg blijven)",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="560px"))
        self.knop = widgets.Button(
            description="Naam opslaan", tooltip="Sla je naam voor de trainer op",
            style=widgets.ButtonStyle(button_color=KLEUR_KNOP, text_color="white",
                                      font_weight="bold"),
            layout=widgets.Layout(width="auto", margin="0 8px 8px 0"))
        self.status = widgets.HTML()
        self.slagboom = Slagboom()
        super().__init__([
            widgets.HTML(f'<div style="{STIJL}"><h3>Je naam voor de trainer</h3>'
                         f"<p>{html_tekst(UITLEG)}</p></div>"),
            self.veld,
            widgets.HBox([self.knop, self.status], layout=widgets.Layout(
                align_items="center", flex_flow="row wrap", margin="8px 0")),
            self.slagboom,
        ], layout=widgets.Layout(max_width="860px"), **kwargs)
        self.knop.on_click(lambda _: self.slagboom.na_synchronisatie(self.bewaar))
        self._toon("Je naam staat opgeslagen." if eerder else "Nog geen naam opgeslagen.")

    def bewaar(self) -> bool:
        """Save what the field shows (an empty field removes the name)."""
        naam = " ".join(self.veld.value.split())[:MAX_NAAM]
        try:
            self.bestand.bewaar(NAAMVELD, naam)
        except AntwoordenFout as fout:
            self._toon(str(fout), fout=True)
            return False
        except Exception as fout:  # noqa: BLE001 - an unforeseen error must not vanish
            self._toon(f"Je naam kon niet worden opgeslagen ({type(fout).__name__}).", fout=True)
            return False
        self.veld.value = naam
        self._toon("Je naam is opgeslagen." if naam else "Er staat nu geen naam meer in je bestand.")
        return True

    def _toon(self, tekst: str, fout: bool = False) -> None:
        kleur = KLEUR_FOUT if fout else KLEUR_GOED
        self.status.value = (f'<div role="status" aria-live="polite" style="color:{kleur};'
                             f'{STIJL}">{html_tekst(tekst)}</div>')
