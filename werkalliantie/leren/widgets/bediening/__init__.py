"""The controls of each kind: one module per kind, named after it, with a ``Bediening``.

A kind's controls only build their widgets, restore a saved value (handed to the
constructor, before anything observes them), tell what they show now (``waarde``) and
which widgets change it. Saving, status, summary and feedback are the widget base's
(:mod:`werkalliantie.leren.widgets.basis`).

Every control has a Dutch accessible name: the statement or question it belongs to, and
works by keyboard. A check box or radio button is named by its own visible text. Any
other control gets its name with :func:`benoem`: ipywidgets' own label element (its
``description``), tied to the control and read by screen readers, but not shown where the
question already stands beside it. A tooltip is no name: ipywidgets renders an empty label
next to the control, and browsers take that (empty) label before the tooltip (issue 22).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave, Resultaat, leesbaar
from werkalliantie.leren.opgaven.getallen import getal_nl, lees_getal

W = TypeVar("W", bound=widgets.DOMWidget)


VERBORGEN_NAAM = "wa-naam"  # class: the label is read, not shown (basis.STIJLBLAD)


def benoem(control: W, naam: str, zichtbaar: bool = False) -> W:
    """Give ``control`` its accessible name ``naam`` (plain text) through its own label;
    shown only when ``zichtbaar``."""
    control.description = naam
    control.description_allow_html = False
    if not zichtbaar:
        control.add_class(VERBORGEN_NAAM)
    return control


def als_getaltekst(waarde: Any) -> str:
    """A saved number (or what the learner typed) as the text a number field shows again."""
    if isinstance(waarde, str):
        return leesbaar(waarde, 40)
    getal = lees_getal(waarde)
    return "" if getal is None else getal_nl(getal, 6)


class Bediening:
    uitleg = ""  # how to answer, in one or two Dutch sentences
    zinnummers = False  # True: the case fragment is shown with its sentences numbered

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        self.opgave = opgave
        self.onderdelen: list[widgets.Widget] = []  # what the base shows, in order

    def waarde(self) -> Any:
        """The answer as the controls show it now, as the answer file stores it."""
        raise NotImplementedError

    def waardewidgets(self) -> list[widgets.Widget]:
        """The widgets whose ``value`` is part of the answer."""
        raise NotImplementedError

    def bij_verandering(self, terugroep: Callable[[], object]) -> None:
        for w in self.waardewidgets():
            w.observe(lambda _: terugroep(), names="value")

    def toon(self, resultaat: Resultaat) -> None:
        """After grading a practice answer: mark the controls (optional)."""
