"""Controls of kind ``indelen``: per statement radio buttons (one category) or check boxes
(several). Each category's name labels its own control."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave
from werkalliantie.leren.opgaven.soorten import indelen as soort
from werkalliantie.leren.widgets.basis import KLEUR_RAND, blok, e
from werkalliantie.leren.widgets.bediening import Bediening as Basis

RIJ = widgets.Layout(padding="6px 0", border_bottom=f"1px solid {KLEUR_RAND}")


class Bediening(Basis):
    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        keuzes, _ = soort.lees(opgave, opgeslagen)
        meer = opgave.opties.meer
        categorieen = opgave.opties.categorieen
        self.uitleg = ("Vink bij elke uitspraak alles aan wat past." if meer else
                       "Kies bij elke uitspraak wat past.")
        self.rondjes: dict[str, widgets.RadioButtons] = {}
        self.vinkjes: dict[str, dict[str, widgets.Checkbox]] = {}
        for n, item in enumerate(opgave.opties.items, 1):
            tekst, wie = soort.itemtekst(item)
            kop = widgets.HTML(blok(f"<p><strong>{n}.</strong> {e(tekst)}"
                                    + (f" <em>({e(wie)})</em>" if wie else "") + "</p>"))
            gekozen = keuzes.get(item.id, frozenset())
            if meer:
                self.vinkjes[item.id] = {
                    c.id: widgets.Checkbox(value=c.id in gekozen, description=c.naam, indent=False,
                                           layout=widgets.Layout(width="auto", margin="0 1.5em 0 0"))
                    for c in categorieen}
                bediening = widgets.HBox(list(self.vinkjes[item.id].values()),
                                         layout=widgets.Layout(flex_flow="row wrap"))
            else:
                self.rondjes[item.id] = bediening = widgets.RadioButtons(
                    options=[(c.naam, c.id) for c in categorieen],
                    value=next(iter(gekozen)) if gekozen else None,
                    layout=widgets.Layout(width="auto"))
            self.onderdelen.append(widgets.VBox([kop, bediening], layout=RIJ))

    def waarde(self) -> dict:
        if self.rondjes:
            return {i: r.value for i, r in self.rondjes.items() if r.value is not None}
        return {i: [c for c, v in vinkjes.items() if v.value] for i, vinkjes in self.vinkjes.items()}

    def waardewidgets(self) -> list[widgets.Widget]:
        return [*self.rondjes.values(), *(v for vinkjes in self.vinkjes.values() for v in vinkjes.values())]
