"""Controls of kind ``doeltekst``: a goal's text, with the goal checker's hints while the
learner types. The hints wait until typing pauses (asyncio, not threads: the browser's
Python has none) and never save anything."""

from __future__ import annotations

import asyncio
from typing import Any

import ipywidgets as widgets

from werkalliantie.opgaven import Opgave, leesbaar
from werkalliantie.opgaven.soorten.doeltekst import MAX_TEKENS
from werkalliantie.widgets.basis import blok, e
from werkalliantie.widgets.bediening import Bediening as Basis

PAUZE = 0.6  # seconds without typing before the hints are refreshed


class Bediening(Basis):
    uitleg = ("Schrijf het doel in de woorden van de cliënt. Terwijl je typt, zie je hoe "
              "het doel scoort op de vijf criteria.")

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        tekst = leesbaar(opgeslagen, MAX_TEKENS) if isinstance(opgeslagen, str) else ""
        self.vak = widgets.Textarea(value=tekst, placeholder="Bijvoorbeeld: Ik wil ...",
                                    tooltip="Het doel", continuous_update=True,
                                    layout=widgets.Layout(width="100%", height="5em"))
        self.hints = widgets.HTML()
        kop = [widgets.HTML(blok(f"<p><em>{e(opgave.opties.hint)}</em></p>"))] if opgave.opties.hint else []
        self.onderdelen.extend([*kop, self.vak, self.hints])
        self._taak: asyncio.Task | None = None
        self.vak.observe(lambda _: self._plan_hints(), names="value")
        self._toon_hints()

    def waarde(self) -> str:
        return self.vak.value[:MAX_TEKENS]

    def waardewidgets(self) -> list[widgets.Widget]:
        return [self.vak]

    def _plan_hints(self) -> None:
        try:
            lus = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a plain script, a test): hints at once
            self._toon_hints()
            return
        if self._taak is not None:
            self._taak.cancel()
        self._taak = lus.create_task(self._na_pauze())

    async def _na_pauze(self) -> None:
        await asyncio.sleep(PAUZE)
        self._toon_hints()

    def _toon_hints(self) -> None:
        from werkalliantie.doelen import CRITERIA, beoordeel

        tekst = self.waarde()
        if not tekst.strip():
            self.hints.value = ""
            return
        oordeel = beoordeel(tekst)
        vinkjes = "".join(
            f"<li>{'✔' if oordeel.criteria[c] else '✘'} {e(c.replace('_', ' '))}</li>" for c in CRITERIA)
        tips = "".join(f"<li>{e(f)}</li>" for f in oordeel.feedback)
        self.hints.value = blok(f'<div aria-live="polite"><ul style="list-style:none;padding-left:0">'
                                f"{vinkjes}</ul>{'<ul>' + tips + '</ul>' if tips else ''}</div>")
