"""The goal checker's hints beside a goal's text field, while the learner types.

Used by the controls of every kind in which a learner writes a goal (``doeltekst``,
``doelbouwer``). The hints wait until typing pauses (asyncio, not threads: the browser's
Python has none) and never save anything. Without a running event loop (a plain script,
a test) they are shown at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import ipywidgets as widgets

from werkalliantie.leren.widgets.basis import blok, e

PAUZE = 0.6  # seconds without typing before the hints are refreshed


class Doelhints:
    """Shows the checker's verdict on ``tekst()`` in ``self.html``; refreshed after each
    pause in typing in ``vak``."""

    def __init__(self, vak: widgets.Textarea, tekst: Callable[[], str]):
        self.vak = vak
        self.tekst = tekst
        self.html = widgets.HTML()
        self._taak: asyncio.Task | None = None
        vak.observe(lambda _: self.plan(), names="value")
        self.toon()

    def plan(self) -> None:
        try:
            lus = asyncio.get_running_loop()
        except RuntimeError:
            self.toon()
            return
        if self._taak is not None:
            self._taak.cancel()
        self._taak = lus.create_task(self._na_pauze())

    async def _na_pauze(self) -> None:
        await asyncio.sleep(PAUZE)
        self.toon()

    def toon(self) -> None:
        from werkalliantie.leren.doelen import CRITERIA, beoordeel

        tekst = self.tekst()
        if not tekst.strip():
            self.html.value = ""
            return
        oordeel = beoordeel(tekst)
        vinkjes = "".join(
            f"<li>{'✔' if oordeel.criteria[c] else '✘'} {e(c.replace('_', ' '))}</li>" for c in CRITERIA)
        tips = "".join(f"<li>{e(f)}</li>" for f in oordeel.feedback)
        self.html.value = blok(f'<div aria-live="polite"><ul style="list-style:none;padding-left:0">'
                               f"{vinkjes}</ul>{'<ul>' + tips + '</ul>' if tips else ''}</div>")
