"""Kept for commands written before the three wings (``nbgrader export --exporter=...``)."""

from werkalliantie.begeleiden.nakijken.cijfers import Cijferlijst

__all__ = ["Cijferlijst"]
