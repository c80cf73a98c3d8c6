"""Controls of kind ``invullen``: per question its text as a heading and a text field with
that question as its accessible name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave, leesbaar
from werkalliantie.leren.opgaven.soorten.invullen import MAX_TEKENS
from werkalliantie.leren.widgets.basis import blok, e
from werkalliantie.leren.widgets.bediening import Bediening as Basis
from werkalliantie.leren.widgets.bediening import benoem


class Bediening(Basis):
    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        self.uitleg = ("Beantwoord elke vraag in een paar woorden of zinnen. Wat je schrijft, "
                       "wordt niet beoordeeld.")
        bewaard = opgeslagen if isinstance(opgeslagen, Mapping) else {}
        self.vakken: dict[str, widgets.Textarea] = {}
        for n, v in enumerate(opgave.opties.vragen, 1):
            oud = bewaard.get(v.id)
            self.vakken[v.id] = benoem(widgets.Textarea(
                value=leesbaar(oud, MAX_TEKENS) if isinstance(oud, str) else "",
                placeholder=v.voorbeeld or "", layout=widgets.Layout(width="100%", height="4.5em")),
                v.vraag)
            self.onderdelen.extend([
                widgets.HTML(blok(f'<p style="margin:.8em 0 .2em"><strong>{n}. {e(v.vraag)}</strong></p>')),
                self.vakken[v.id]])

    def waarde(self) -> dict:
        return {i: v.value[:MAX_TEKENS] for i, v in self.vakken.items()}

    def waardewidgets(self) -> list[widgets.Widget]:
        return list(self.vakken.values())
