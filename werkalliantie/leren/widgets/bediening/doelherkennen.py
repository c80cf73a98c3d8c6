"""Controls of kind ``doelherkennen``: per goal a check box for each criterion, its name as
its label. After a practice round is saved, each goal shows the answer model and the goal
checker's own hints right below it."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave, Resultaat
from werkalliantie.leren.opgaven.soorten import doelherkennen as soort
from werkalliantie.leren.widgets.basis import KLEUR_FOUT, KLEUR_GOED, KLEUR_RAND, blok, e
from werkalliantie.leren.widgets.bediening import Bediening as Basis

RIJ = widgets.Layout(padding="6px 0", border_bottom=f"1px solid {KLEUR_RAND}")


class Bediening(Basis):
    uitleg = ("Vink bij elk doel alle criteria aan waaraan het doel voldoet. Een doel kan "
              "aan alle criteria voldoen, aan een paar of aan geen enkel.")

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        keuzes, _ = soort.lees(opgave, opgeslagen)
        self.vinkjes: dict[str, dict[str, widgets.Checkbox]] = {}
        self.uitleg_per_doel: dict[str, widgets.HTML] = {}
        for n, doel in enumerate(opgave.opties.doelen, 1):
            gekozen = keuzes.get(doel.id, frozenset())
            self.vinkjes[doel.id] = {
                c: widgets.Checkbox(value=c in gekozen, description=soort.naam(c), indent=False,
                                    layout=widgets.Layout(width="auto", margin="0 1.5em 0 0"))
                for c in soort.criteria()}
            self.uitleg_per_doel[doel.id] = widgets.HTML()
            self.onderdelen.append(widgets.VBox([
                widgets.HTML(blok(f"<p><strong>Doel {n}.</strong> „{e(doel.tekst)}”</p>")),
                widgets.HBox(list(self.vinkjes[doel.id].values()),
                             layout=widgets.Layout(flex_flow="row wrap")),
                self.uitleg_per_doel[doel.id]], layout=RIJ))

    def waarde(self) -> dict:
        return {d: [c for c, v in vinkjes.items() if v.value] for d, vinkjes in self.vinkjes.items()}

    def waardewidgets(self) -> list[widgets.Widget]:
        return [v for vinkjes in self.vinkjes.values() for v in vinkjes.values()]

    def toon(self, resultaat: Resultaat) -> None:
        sleutel = self.opgave.sleutel
        if sleutel is None:
            return
        uitleg = soort.uitleg_per_doel(self.opgave, sleutel)
        antwoord = self.waarde()
        for doel_id, regels in uitleg.items():
            anders = [soort.naam(c).lower() for c in soort.criteria()
                      if (c in antwoord.get(doel_id, ())) != (c in sleutel.criteria[doel_id])]
            kop = (f'<span style="color:{KLEUR_GOED}"><span aria-hidden="true">✔</span> Je oordeel '
                   "klopt.</span>" if not anders else
                   f'<span style="color:{KLEUR_FOUT}"><span aria-hidden="true">✘</span> Je oordeel '
                   f"verschilt bij: {e(', '.join(anders))}.</span>")
            tekst = "".join(f'<p style="margin:.2em 0">{e(r)}</p>' for r in regels)
            self.uitleg_per_doel[doel_id].value = blok(
                f'<div style="background:#f3f6f9;padding:.3em .8em;margin-top:.3em">'
                f"<p style=\"margin:.2em 0\"><strong>{kop}</strong></p>{tekst}</div>")
