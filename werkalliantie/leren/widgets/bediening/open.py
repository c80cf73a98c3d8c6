"""Controls of kind ``open`` (practice only; a graded open answer is a Markdown cell)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave, leesbaar
from werkalliantie.leren.opgaven.soorten.open import MAX_TEKENS
from werkalliantie.leren.widgets.bediening import Bediening as Basis
from werkalliantie.leren.widgets.bediening import benoem


class Bediening(Basis):
    uitleg = "Schrijf je antwoord in het vak hieronder."

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        tekst = leesbaar(opgeslagen, MAX_TEKENS) if isinstance(opgeslagen, str) else ""
        self.vak = benoem(widgets.Textarea(value=tekst, placeholder="Je antwoord",
                                           layout=widgets.Layout(width="100%", height="10em")),
                          f"Je antwoord: {opgave.vraag}")
        self.onderdelen.append(self.vak)

    def waarde(self) -> str:
        return self.vak.value[:MAX_TEKENS]

    def waardewidgets(self) -> list[widgets.Widget]:
        return [self.vak]
