"""Placeholder of the barrier between the front end's last changes and a save.

TODO(issue 9, point 3): replaced by the real barrier; today it calls back at once."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets


class Slagboom(widgets.Box):
    def __init__(self, **kwargs):
        super().__init__(layout=widgets.Layout(display="none"), **kwargs)

    def na_synchronisatie(self, terugroep: Callable[[], object]) -> None:
        terugroep()
