"""The exercises as widgets: what a notebook cell calls, in one call.

- ``oefening("denise-a")``: a practice question (its key ships), as the cell's value.
- ``opgave("denise-b")``: a graded question in an nbgrader assignment: shows the widget
  (no key) and prints the saved answer as text, so that the formgrader and the feedback
  show what the student answered.
- ``naam_voor_de_trainer()``: the optional field for the learner's own name, which the
  trainer's group overview shows only when the trainer asks for names.
"""

from __future__ import annotations

from pathlib import Path

from werkalliantie.leren.opgaven import laad_opgave
from werkalliantie.leren.widgets.basis import Opgavewidget, samenvatting_tekst

__all__ = ["Opgavewidget", "naam_voor_de_trainer", "oefening", "opgave"]


def oefening(opgave_id: str, map: str | Path | None = None) -> Opgavewidget:
    """A practice question with instant feedback against its reference."""
    return Opgavewidget(laad_opgave(opgave_id), met_sleutel=True, map=map)


def opgave(opgave_id: str, map: str | Path | None = None) -> None:
    """A graded question: the widget, and below it the saved answer as plain text."""
    from IPython.display import display

    widget = Opgavewidget(laad_opgave(opgave_id), met_sleutel=False, map=map)
    display(widget)
    print(samenvatting_tekst(widget.opgave, widget.bestand.lees()))


def naam_voor_de_trainer(map: str | Path | None = None):
    """The optional field for the learner's own name in the trainer's group overview."""
    from werkalliantie.leren.widgets.naam import NaamVoorDeTrainer

    return NaamVoorDeTrainer(map)
