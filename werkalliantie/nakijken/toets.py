"""Kept for gradebooks made before the three wings (their hidden tests import this)."""

from werkalliantie.begeleiden.nakijken.toets import punten

__all__ = ["punten"]
