"""Kept for notebooks made before the three wings: ``from werkalliantie.widgets import
opgave`` (released graded notebooks) and ``oefening``. New code uses
:mod:`werkalliantie.leren.widgets`."""

from werkalliantie.leren.widgets import Opgavewidget, oefening, opgave

__all__ = ["Opgavewidget", "oefening", "opgave"]
