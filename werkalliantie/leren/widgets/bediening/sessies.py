"""Controls of kind ``sessies``: the chart of the case's ten sessions, the four questions,
and the session check for a role-play, whose lines are drawn beside the case's.

A score of the session check (0 to 10) is chosen in a drop-down list with the theme's
statement as its accessible name: a slider's handle cannot be named in ipywidgets, so
there is none (issue 22). One tab stop per score, arrow keys, and the ends say what 0 and
10 mean.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from werkalliantie.leren import grafieken, sessies
from werkalliantie.leren.opgaven import Opgave
from werkalliantie.leren.opgaven.soorten import sessies as soort
from werkalliantie.leren.widgets.basis import KLEUR_RAND, blok, e
from werkalliantie.leren.widgets.bediening import Bediening as Basis
from werkalliantie.leren.widgets.bediening import benoem

RIJ = widgets.Layout(flex_flow="row wrap", align_items="center", padding="4px 0",
                     border_bottom=f"1px solid {KLEUR_RAND}")
GEEN = ("kies een sessie", 0)  # ipywidgets shows no option at all for None


def grafiek(opgave: Opgave, rollenspel: dict[int, dict[str, list[int]]]) -> str:
    """The case's two lines, the threshold, and the role-play's lines when there are any."""
    from werkalliantie.leren.casussen import laad_casus

    check = sessies.sessiecheck()
    reeks = sessies.reeks(opgave.casus)
    casus = laad_casus(opgave.casus)
    lijnen = [grafieken.Lijn(f"{casus.client.naam} (cliënt)", tuple(reeks.totalen("client")), *grafieken.CLIENT),
              grafieken.Lijn(f"{casus.professional.naam} (professional)",
                             tuple(reeks.totalen("professional")), *grafieken.PROFESSIONAL)]
    for wie, stijl in (("client", grafieken.ROLLENSPEL_CLIENT), ("professional", grafieken.ROLLENSPEL_PROFESSIONAL)):
        waarden = tuple(sum(rollenspel[s][wie]) if wie in rollenspel.get(s, {}) else None
                        for s in range(1, 11))
        if any(w is not None for w in waarden):
            lijnen.append(grafieken.Lijn(f"rollenspel: {sessies.NAMEN[wie]}", waarden, *stijl))
    totaal_c, totaal_p = reeks.totalen("client"), reeks.totalen("professional")
    beschrijving = (f"Lijngrafiek van tien sessies. Totaal van {casus.client.naam} per sessie: "
                    + ", ".join(map(str, totaal_c)) + f". Totaal van {casus.professional.naam}: "
                    + ", ".join(map(str, totaal_p)) + f". De signaalgrens ligt op {check.drempel}.")
    return grafieken.lijngrafiek(
        lijnen, maximum=check.maximum, drempel=check.drempel,
        titel=f"De sessiecheck van {casus.client.naam} en {casus.professional.naam}",
        beschrijving=beschrijving, ylabel=f"Totaal (0 tot {check.maximum})")


class Bediening(Basis):
    uitleg = ("Elk punt is het totaal van de vier scores van de sessiecheck (0 tot 40). "
              "Beantwoord de vragen onder de grafiek.")

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        check = sessies.sessiecheck()
        gelezen, _ = soort.lees(opgave, opgeslagen)
        self._rollenspel = soort.rollenspel(opgeslagen)
        self.grafiek = widgets.HTML(grafiek(opgave, self._rollenspel))
        self.onderdelen.append(widgets.HTML(blok(f"<p><em>{e(check.uitleg)}</em></p>")))
        self.onderdelen.append(self.grafiek)
        sessielijst = [GEEN] + [(f"Sessie {s}", s) for s in range(1, 11)]
        self.keuzes: dict[str, widgets.Widget] = {}
        self.onder: dict[int, widgets.Checkbox] = {}
        for deel in soort.onderdelen(opgave):
            vraag = soort.VRAGEN[deel.id]
            if deel.id == "hoger":
                bediening = widgets.RadioButtons(
                    options=[(naam[0].upper() + naam[1:], k) for k, naam in soort.HOGER.items()],
                    value=gelezen.get("hoger"), layout=widgets.Layout(width="auto"))
            elif deel.id == "onder":
                gekozen = set(gelezen.get("onder", ()))
                self.onder = {s: widgets.Checkbox(value=s in gekozen, description=f"Sessie {s}", indent=False,
                                                  layout=widgets.Layout(width="7.5em"))
                              for s in range(1, 11)}
                bediening = widgets.HBox(list(self.onder.values()), layout=widgets.Layout(flex_flow="row wrap"))
            else:
                bediening = benoem(widgets.Dropdown(options=sessielijst, value=gelezen.get(deel.id, 0),
                                                    layout=widgets.Layout(width="12em")), vraag)
            if deel.id != "onder":
                self.keuzes[deel.id] = bediening
            self.onderdelen.append(widgets.VBox([widgets.HTML(blok(f"<strong>{e(vraag)}</strong>")),
                                                 bediening], layout=RIJ))
        self.cijfers: dict[tuple[str, str], widgets.Dropdown] = {}
        if opgave.opties.rollenspel:
            self.onderdelen.append(self._rollenspel_paneel(check))

    # -- the role-play ------------------------------------------------------------------------

    def _rollenspel_paneel(self, check: sessies.Sessiecheck) -> widgets.Widget:
        vraag = "Welke sessie vul je in?"
        self.sessie = benoem(widgets.Dropdown(options=[(f"Sessie {s}", s) for s in range(1, 11)], value=1,
                                              layout=widgets.Layout(width="10em")), vraag)
        rijen = [widgets.HTML(blok(
            "<h4>Rollenspel: vul zelf de sessiecheck in</h4><p>Speel een gesprek na, als cliënt "
            "en als professional. Vul daarna allebei de sessiecheck in. Je lijnen komen in de "
            "grafiek. Dit telt niet mee voor je punten.</p>")),
            widgets.HBox([widgets.HTML(blok(e(vraag))), self.sessie],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center"))]
        cijfers = [(f"{check.MIN} – {check.laag}", check.MIN),
                   *((str(c), c) for c in range(check.MIN + 1, check.MAX)),
                   (f"{check.MAX} – {check.hoog}", check.MAX)]
        for wie in sessies.BEOORDELAARS:
            rijen.append(widgets.HTML(blok(f"<strong>De {e(sessies.NAMEN[wie])}</strong> "
                                           f"(0 = {e(check.laag)}, 10 = {e(check.hoog)})")))
            for thema in check.themas:
                tekst = getattr(thema, wie)
                cijfer = benoem(widgets.Dropdown(options=cijfers, value=5,
                                                 layout=widgets.Layout(width="12em", flex="0 0 auto")),
                                f"De {sessies.NAMEN[wie]}: {tekst}")
                self.cijfers[(wie, thema.id)] = cijfer
                rijen.append(widgets.HBox([widgets.HTML(blok(e(tekst)),
                                                        layout=widgets.Layout(flex="1 1 260px")), cijfer],
                                          layout=RIJ))
        self._laad_sessie(1)
        self.sessie.observe(lambda v: self._laad_sessie(v["new"]), names="value")
        for sleutel, cijfer in self.cijfers.items():
            cijfer.observe(lambda v, s=sleutel: self._bij_score(s, v["new"]), names="value")
        rollenspel = widgets.VBox(rijen, layout=widgets.Layout(margin="12px 0 0 0"))
        rollenspel.add_class("wa-rollenspel")
        return rollenspel

    def _laad_sessie(self, sessie: int) -> None:
        self._laden = True  # showing a saved session is no change by the learner
        check = sessies.sessiecheck()
        for wie in sessies.BEOORDELAARS:
            scores = self._rollenspel.get(sessie, {}).get(wie)
            for k, thema in enumerate(check.themas):
                self.cijfers[(wie, thema.id)].value = scores[k] if scores else 5
        self._laden = False

    def _bij_score(self, sleutel: tuple[str, str], waarde: int) -> None:
        if self._laden:
            return
        wie, thema_id = sleutel
        check = sessies.sessiecheck()
        for w in sessies.BEOORDELAARS:  # a session counts as filled in once it is touched
            self._rollenspel.setdefault(self.sessie.value, {}).setdefault(
                w, [self.cijfers[(w, t.id)].value for t in check.themas])
        scores = self._rollenspel[self.sessie.value][wie]
        scores[[t.id for t in check.themas].index(thema_id)] = int(waarde)
        self.grafiek.value = grafiek(self.opgave, self._rollenspel)

    # -- the answer ---------------------------------------------------------------------------

    def waarde(self) -> dict:
        antwoord: dict[str, Any] = {d: w.value for d, w in self.keuzes.items() if w.value}
        if self.onder:
            antwoord["onder"] = [s for s, w in self.onder.items() if w.value]
        if self._rollenspel:
            antwoord[soort.ROLLENSPEL] = {str(s): {w: list(v) for w, v in r.items()}
                                          for s, r in sorted(self._rollenspel.items())}
        return antwoord

    def waardewidgets(self) -> list[widgets.Widget]:
        return [*self.keuzes.values(), *self.onder.values(), *self.cijfers.values()]
