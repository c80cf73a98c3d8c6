"""The progress page as a widget: what :func:`werkalliantie.leren.voortgang.voortgang`
shows, with a button that reads the answer file again ("Vernieuwen").

One call in ``notebooks/voortgang.ipynb``. After saving an exercise, a learner refreshes
the page with the button, the same way in Voilà, JupyterLab and the browser site; no menu
needed (issue 22).
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from werkalliantie.leren.voortgang import voortgang
from werkalliantie.leren.widgets.basis import KLEUR_KNOP, STIJL, STIJLBLAD, e


class Voortgangspagina(widgets.VBox):
    def __init__(self, map: str | Path | None = None, **kwargs):
        self.map = map
        self.pagina = widgets.HTML()
        self.knop = widgets.Button(
            description="Vernieuwen", style=widgets.ButtonStyle(
                button_color=KLEUR_KNOP, text_color="white", font_weight="bold"))
        self.status = widgets.HTML(layout=widgets.Layout(margin="0 0 0 12px"))
        self.status.add_class("wa-status")  # one live region (toegang.js)
        super().__init__([
            widgets.HTML(STIJLBLAD),
            widgets.HBox([self.knop, self.status], layout=widgets.Layout(
                align_items="center", flex_flow="row wrap", margin="8px 0")),
            self.pagina], layout=widgets.Layout(max_width="860px"), **kwargs)
        self.add_class("wa-opgave")  # the scope of STIJLBLAD (focus ring, narrow screens)
        self.knop.on_click(lambda _: self.ververs(gemeld=True))
        self.ververs()

    def ververs(self, gemeld: bool = False) -> None:
        try:
            self.pagina.value = voortgang(self.map)._repr_html_()
            tekst = "Bijgewerkt: hieronder staat wat je nu hebt opgeslagen." if gemeld else ""
        except Exception as fout:  # noqa: BLE001 - the page must show, whatever the file holds
            tekst = f"Je voortgang kon niet worden gelezen ({type(fout).__name__})."
        self.status.value = (f'<div role="status" aria-live="polite" style="{STIJL}">'
                             f"{e(tekst)}</div>")


def voortgangspagina(map: str | Path | None = None) -> Voortgangspagina:
    """The learner's progress, with a button to read it again."""
    return Voortgangspagina(map)
