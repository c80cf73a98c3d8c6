"""Kept for nbgrader_config.py files made before the three wings."""

from werkalliantie.begeleiden.nakijken.leeromgeving import Leeromgeving

__all__ = ["Leeromgeving"]
