"""Controls of kind ``meerkeuze``: radio buttons for one answer, check boxes for several.
Each option's text is its control's label, so it is also its accessible name."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave
from werkalliantie.leren.widgets.bediening import Bediening as Basis


class Bediening(Basis):
    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        keuzes = opgave.opties.keuzes
        ids = [k.id for k in keuzes]
        gekozen = [k for k in ids if isinstance(opgeslagen, list) and k in opgeslagen]
        self.vinkjes: dict[str, widgets.Checkbox] = {}
        self.rondjes: widgets.RadioButtons | None = None
        if opgave.opties.meer:
            self.uitleg = "Vink alle antwoorden aan die volgens jou kloppen."
            self.vinkjes = {k.id: widgets.Checkbox(value=k.id in gekozen, description=k.tekst,
                                                   indent=False, layout=widgets.Layout(width="auto"))
                            for k in keuzes}
            self.onderdelen.append(widgets.VBox(list(self.vinkjes.values())))
        else:
            self.uitleg = "Kies het antwoord dat volgens jou klopt."
            self.rondjes = widgets.RadioButtons(
                options=[(k.tekst, k.id) for k in keuzes],
                value=gekozen[0] if len(gekozen) == 1 else None,
                layout=widgets.Layout(width="auto"))
            self.onderdelen.append(self.rondjes)

    def waarde(self) -> list[str]:
        if self.rondjes is not None:
            return [] if self.rondjes.value is None else [self.rondjes.value]
        return [k for k, w in self.vinkjes.items() if w.value]

    def waardewidgets(self) -> list[widgets.Widget]:
        return [self.rondjes] if self.rondjes is not None else list(self.vinkjes.values())
