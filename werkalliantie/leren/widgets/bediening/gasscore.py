"""Controls of kind ``gasscore``: the scenario as a table, the formula, and a text field for
each step and for the T-score. Each field's question is its label (accessible name)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave
from werkalliantie.leren.opgaven.getallen import getal_nl
from werkalliantie.leren.opgaven.soorten import gasscore as soort
from werkalliantie.leren.widgets.basis import KLEUR_RAND, blok, e
from werkalliantie.leren.widgets.bediening import Bediening as Basis
from werkalliantie.leren.widgets.bediening import als_getaltekst

UITKOMST = {-2: "−2 (veel minder dan verwacht)", -1: "−1 (minder dan verwacht)",
            0: "0 (zoals verwacht)", 1: "+1 (meer dan verwacht)", 2: "+2 (veel meer dan verwacht)"}
CEL = f"border:1px solid {KLEUR_RAND};padding:.3em .6em;text-align:left"


class Bediening(Basis):
    uitleg = ("Reken de T-score uit. De tussenstappen mag je overslaan, maar ze helpen: in de "
              "oefening zie je per stap of hij klopt. Gebruik een komma voor decimalen.")

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        bewaard = opgeslagen if isinstance(opgeslagen, Mapping) else {}
        rijen = "".join(
            f'<tr><th scope="row" style="{CEL}">{n}. {e(d.naam)}</th>'
            f'<td style="{CEL}">{e(getal_nl(d.gewicht))}</td>'
            f'<td style="{CEL}">{e(UITKOMST.get(d.uitkomst, d.uitkomst))}</td></tr>'
            for n, d in enumerate(opgave.opties.doelen, 1))
        rho = getal_nl(opgave.opties.rho)
        self.onderdelen.append(widgets.HTML(blok(
            '<table style="border-collapse:collapse;margin:.5em 0"><caption style="text-align:left">'
            "De doelen na de afgesproken periode</caption>"
            f'<thead><tr><th scope="col" style="{CEL}">Doel</th><th scope="col" style="{CEL}">'
            f'Gewicht (w)</th><th scope="col" style="{CEL}">Uitkomst (x)</th></tr></thead>'
            f"<tbody>{rijen}</tbody></table>"
            f"<p>De formule van Kiresuk en Sherman, met ρ (rho) = {e(rho)}:</p>"
            f'<p style="font-size:17px">T = 50 + 10 · Σ wᵢ·xᵢ / √( (1 − {e(rho)}) · Σ wᵢ² + '
            f"{e(rho)} · (Σ wᵢ)² )</p>")))
        self.velden: dict[str, widgets.Text] = {}
        for veld, naam in (*soort.STAPPEN, ("t", "De T-score")):
            self.velden[veld] = widgets.Text(
                value=als_getaltekst(bewaard.get(veld)), description=naam, placeholder="getal",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="100%", max_width="560px", margin="4px 0"))
            self.onderdelen.append(self.velden[veld])

    def waarde(self) -> dict:
        return {veld: w.value[:40] for veld, w in self.velden.items()}

    def waardewidgets(self) -> list[widgets.Widget]:
        return list(self.velden.values())
