"""Controls of kind ``beoordeling``: a score per statement, grouped by dimension; the
weakest dimension and the evidence sentences when the question asks for them.

A score is chosen in a drop-down list (one tab stop, arrow keys, its statement as its
accessible name): unlike a slider it starts empty, so an unanswered statement never
looks answered.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from werkalliantie.leren import grafieken
from werkalliantie.leren.casussen import laad_casus
from werkalliantie.leren.opgaven import Opgave, Resultaat, getal
from werkalliantie.leren.opgaven.soorten import beoordeling as soort
from werkalliantie.leren.widgets.basis import KLEUR_RAND, blok, e
from werkalliantie.leren.widgets.bediening import Bediening as Basis
from werkalliantie.leren.widgets.bediening import benoem

RIJ = widgets.Layout(flex_flow="row wrap", align_items="center", padding="4px 0",
                     border_bottom=f"1px solid {KLEUR_RAND}")


class Bediening(Basis):
    uitleg = ("Kies bij elke stelling een score. Je kunt ook de Tab-toets en de "
              "pijltjestoetsen gebruiken.")

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        lijst = soort.vragenlijst(opgave)
        gelezen = soort.lees(opgave, opgeslagen)
        # ipywidgets shows no option at all for the value None: the prompt is value 0 (no
        # score on any scale here), and waarde() leaves it out.
        keuzes = [("kies een score", 0)] + [
            (f"{w} – {lijst.schaal.labels.get(w, '')}", w)
            for w in range(lijst.schaal.min, lijst.schaal.max + 1)]
        self.keuzelijsten: dict[str, widgets.Dropdown] = {}
        nummer = 0
        for dimensie in lijst.dimensies:
            self.onderdelen.append(widgets.HTML(blok(
                f"<h4>{e(dimensie.naam)} <small>({e(dimensie.alliantie)})</small></h4>")))
            for item in dimensie.items:
                nummer += 1
                lijstje = benoem(widgets.Dropdown(
                    options=keuzes, value=gelezen.scores.get(item.id, 0),
                    layout=widgets.Layout(width="13em", flex="0 0 auto")),
                    f"Stelling {nummer}: {item.tekst}")
                self.keuzelijsten[item.id] = lijstje
                self.onderdelen.append(widgets.HBox([
                    widgets.HTML(blok(f"{nummer}. {e(item.tekst)}"),
                                 layout=widgets.Layout(flex="1 1 300px", min_width="220px")),
                    lijstje], layout=RIJ))

        self.zwakste: widgets.Dropdown | None = None
        if soort.ZWAKSTE in opgave.punten:
            vraag = "Welk onderdeel van de werkalliantie is in dit fragment het zwakst?"
            self.zwakste = benoem(widgets.Dropdown(
                options=[("kies een onderdeel", "")] + [(d.naam, d.id) for d in lijst.dimensies],
                value=gelezen.zwakste or "", layout=widgets.Layout(width="16em")), vraag)
            self.onderdelen.append(widgets.HBox([
                widgets.HTML(blok(f"<strong>{e(vraag)}</strong>"),
                             layout=widgets.Layout(flex="1 1 300px")), self.zwakste], layout=RIJ))

        self.bewijs: dict[int, widgets.Checkbox] = {}
        if soort.BEWIJS in opgave.punten:
            self.zinnummers = True  # the fragment above shows its sentences numbered
            aantal = len(laad_casus(opgave.casus).fragment(opgave.fragment).zinnen)
            gekozen = set(gelezen.bewijs or ())
            self.bewijs = {n: widgets.Checkbox(value=n in gekozen, description=f"Zin {n}",
                                               indent=False, layout=widgets.Layout(width="6.5em"))
                           for n in range(1, aantal + 1)}
            self.onderdelen.append(widgets.VBox([
                widgets.HTML(blok("<strong>Bewijs: welke zinnen uit het fragment laten zien "
                                  "waarom dit onderdeel het zwakst is?</strong> Vink ze aan.")),
                widgets.HBox(list(self.bewijs.values()), layout=widgets.Layout(flex_flow="row wrap"))],
                layout=RIJ))
        self.profiel = widgets.HTML()  # after a practice answer: yours beside the band
        self.onderdelen.append(self.profiel)

    def toon(self, resultaat: Resultaat) -> None:
        lijst = soort.vragenlijst(self.opgave)
        scores = soort.lees(self.opgave, self.waarde()).scores
        sleutel = self.opgave.sleutel
        rijen = []
        for d in lijst.dimensies:
            jouw = soort.dimensiescore(scores, d)
            band = soort.dimensieband(sleutel, d, lijst) if sleutel else None
            rijen.append((f"{d.naam} (omgekeerd)" if d.omgekeerd else d.naam, jouw,
                          (band.laag, band.hoog) if band else None))
        beschrijving = "Staafdiagram per onderdeel: " + "; ".join(
            f"{naam}: jij {'niet ingevuld' if j is None else getal(j)}"
            + (f", referentieband van {getal(b[0])} tot {getal(b[1])}" if b else "")
            for naam, j, b in rijen) + "."
        if any(d.omgekeerd for d in lijst.dimensies):
            beschrijving += " Bij stroefheid betekent een hogere score een zwakkere alliantie."
        self.profiel.value = grafieken.profiel(
            rijen, minimum=lijst.schaal.min, maximum=lijst.schaal.max,
            titel="Jouw beoordeling naast de referentieband", beschrijving=beschrijving)

    def waarde(self) -> dict:
        antwoord: dict[str, Any] = {i: w.value for i, w in self.keuzelijsten.items() if w.value}
        if self.zwakste is not None and self.zwakste.value:
            antwoord[soort.ZWAKSTE] = self.zwakste.value
        gekozen = [n for n, w in self.bewijs.items() if w.value]
        if gekozen:  # nothing ticked: the part is not answered (as an empty score)
            antwoord[soort.BEWIJS] = gekozen
        return antwoord

    def waardewidgets(self) -> list[widgets.Widget]:
        return [*self.keuzelijsten.values(), *([self.zwakste] if self.zwakste else []),
                *self.bewijs.values()]
