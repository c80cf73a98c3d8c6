"""Controls of kind ``doeltekst``: a goal's text, with the goal checker's hints while the
learner types (:class:`~werkalliantie.leren.widgets.doelhints.Doelhints`)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave, leesbaar
from werkalliantie.leren.opgaven.soorten.doeltekst import MAX_TEKENS
from werkalliantie.leren.widgets.basis import blok, e
from werkalliantie.leren.widgets.bediening import Bediening as Basis
from werkalliantie.leren.widgets.bediening import benoem
from werkalliantie.leren.widgets.doelhints import Doelhints


class Bediening(Basis):
    uitleg = ("Schrijf het doel in de woorden van de cliënt. Terwijl je typt, zie je hoe "
              "het doel scoort op de vijf criteria.")

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        tekst = leesbaar(opgeslagen, MAX_TEKENS) if isinstance(opgeslagen, str) else ""
        self.vak = benoem(widgets.Textarea(value=tekst, placeholder="Bijvoorbeeld: Ik wil ...",
                                           continuous_update=True,
                                           layout=widgets.Layout(width="100%", height="5em")),
                          f"Het doel: {opgave.vraag}")
        self.doelhints = Doelhints(self.vak, self.waarde)
        self.hints = self.doelhints.html
        kop = [widgets.HTML(blok(f"<p><em>{e(opgave.opties.hint)}</em></p>"))] if opgave.opties.hint else []
        self.onderdelen.extend([*kop, self.vak, self.hints])

    def waarde(self) -> str:
        return self.vak.value[:MAX_TEKENS]

    def waardewidgets(self) -> list[widgets.Widget]:
        return [self.vak]
