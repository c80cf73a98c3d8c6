"""Controls of kind ``doelbouwer``: a small plan made with the client, field by field.

Every field has its question as a visible heading and as its accessible name.
Scores are chosen in drop-down lists that start empty (an unanswered score never looks
answered); the goal's text shows the goal checker's hints while the learner types
(:class:`~werkalliantie.leren.widgets.doelhints.Doelhints`). Numbers of the GAS levels are typed
as text and saved as typed, so nothing the learner wrote is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.opgaven import Opgave, leesbaar
from werkalliantie.leren.opgaven.soorten import doelbouwer as soort
from werkalliantie.leren.widgets.basis import KLEUR_RAND, blok, e
from werkalliantie.leren.widgets.bediening import Bediening as Basis
from werkalliantie.leren.widgets.bediening import als_getaltekst, benoem
from werkalliantie.leren.widgets.doelhints import Doelhints

# The prompt's value in a drop-down list: ipywidgets shows no option at all for None, so a
# list that starts on None looked empty, its prompt unseen and unheard. waarde() maps it back.
GEEN_DOMEIN, GEEN_SCORE = "", -1
BETEKENIS = ("veel minder dan verwacht", "minder dan verwacht", "wat je verwacht",
             "meer dan verwacht", "veel meer dan verwacht")


def _kop(tekst: str, uitleg: str = "") -> widgets.HTML:
    extra = f'<br><span style="color:#3d3d3d">{e(uitleg)}</span>' if uitleg else ""
    return widgets.HTML(blok(f'<p style="margin:.8em 0 .2em"><strong>{e(tekst)}</strong>{extra}</p>'))


def _vak(waarde: Any, vraag: str, hoogte: str = "3.2em", voorbeeld: str = "") -> widgets.Textarea:
    tekst = leesbaar(waarde, soort.MAX_TEKENS) if isinstance(waarde, str) else ""
    return benoem(widgets.Textarea(value=tekst, placeholder=voorbeeld,
                                   layout=widgets.Layout(width="100%", height=hoogte)), vraag)


class Bediening(Basis):
    uitleg = ("Vul het plan hieronder in. Terwijl je het doel typt, zie je hoe het scoort op "
              "de vijf criteria.")

    def __init__(self, opgave: Opgave, opgeslagen: Any):
        super().__init__(opgave, opgeslagen)
        from werkalliantie.leren.casussen import laad_casus

        casus = laad_casus(opgave.casus)
        client, professional = casus.client.naam, casus.professional.naam
        g = soort.lees(opgave, opgeslagen)
        bewaard = opgeslagen if isinstance(opgeslagen, Mapping) else {}

        situaties = "".join(f"<li><strong>{e(d.domein)}:</strong> {e(d.situatie)}</li>"
                            for d in casus.levensdomeinen)
        self.onderdelen.append(widgets.HTML(blok(
            f"<h4>Wat je weet van {e(client)}</h4><p>{e(casus.hulpvraag.tekst)}</p><ul>{situaties}</ul>")))

        vraag = "Over welk levensdomein gaat het doel?"
        self.domein = benoem(widgets.Dropdown(
            options=[("kies een levensdomein", GEEN_DOMEIN)] + [(d, d) for d in soort.domeinen(opgave)],
            value=g.domein or GEEN_DOMEIN, layout=widgets.Layout(width="20em", max_width="100%")), vraag)
        self.onderdelen.extend([_kop(vraag), self.domein])

        vraag = f"Het doel, in de woorden van {client}"
        self.doel = _vak(bewaard.get("doel"), vraag, "4em", "Bijvoorbeeld: Ik ...")
        self.doelhints = Doelhints(self.doel, lambda: self.doel.value[:soort.MAX_TEKENS])
        self.onderdelen.extend([_kop(vraag, f"Schrijf het zoals {client} het zelf zou zeggen."),
                                self.doel, self.doelhints.html])

        self.stap = _vak(bewaard.get("stap"), "De eerste kleine stap")
        self.client_doet = _vak(bewaard.get("client_doet"), f"Wat doet {client}?")
        self.professional_doet = _vak(bewaard.get("professional_doet"), f"Wat doe jij ({professional})?")
        self.onderdelen.extend([
            _kop("De eerste kleine stap", f"Wat doet {client} als eerste, deze week of volgende week?"),
            self.stap, _kop(f"Wat doet {client}?"), self.client_doet,
            _kop(f"Wat doe jij ({professional})?"), self.professional_doet])

        self.belang = self._score(g.belang, f"Hoe belangrijk vindt {client} dit doel?", "belangrijk")
        self.haalbaar = self._score(g.haalbaar, f"Hoe haalbaar vindt {client} dit doel?", "haalbaar")

        vraag = f"Zijn {client} en jij het eens over dit doel?"
        self.afgesproken = widgets.RadioButtons(
            options=[("Ja, we zijn het eens over dit doel", True), ("Nee, nog niet", False)],
            value=g.afgesproken, layout=widgets.Layout(width="auto"))
        self.onderdelen.extend([_kop(vraag), self.afgesproken])

        self.indicator: widgets.Textarea | None = None
        self.niveaus: list[tuple[widgets.Text, widgets.Textarea]] = []
        if opgave.opties.gas:
            self._gas(bewaard, client)

    def _score(self, waarde: int | None, vraag: str, woord: str) -> widgets.Dropdown:
        keuzes = [("kies een score", GEEN_SCORE)] + [
            (f"{i} – helemaal niet {woord}" if i == 0 else f"{i} – heel {woord}" if i == 10 else str(i), i)
            for i in soort.SCHAAL]
        lijst = benoem(widgets.Dropdown(options=keuzes, value=GEEN_SCORE if waarde is None else waarde,
                                        layout=widgets.Layout(width="16em", max_width="100%")), vraag)
        self.onderdelen.extend([_kop(vraag, "0 is helemaal niet, 10 is heel erg."), lijst])
        return lijst

    def _gas(self, bewaard: Mapping, client: str) -> None:
        gas = bewaard.get("gas") if isinstance(bewaard.get("gas"), Mapping) else {}
        niveaus = gas.get("niveaus") if isinstance(gas.get("niveaus"), list) else []
        self.onderdelen.append(widgets.HTML(blok(
            f'<div style="border-top:2px solid {KLEUR_RAND};margin-top:1em">'
            "<h4>Extra, mag je overslaan: vijf niveaus (Goal Attainment Scaling)</h4>"
            f"<p>Maak samen met {e(client)} concreet wat haalbaar is. Kies één indicator: iets wat je "
            "kunt tellen. Geef bij elk niveau een getal op die indicator en beschrijf kort wat je "
            "dan ziet. Niveau 0 is wat jullie verwachten. Niveau +2 is veel beter dan verwacht, "
            "−2 veel slechter.</p></div>")))
        vraag = "De indicator: waaraan meten jullie het?"
        self.indicator = _vak(gas.get("indicator"), vraag, "2.4em",
                              "Bijvoorbeeld: aantal dagen per week dat ...")
        self.onderdelen.extend([_kop(vraag), self.indicator])
        for i, (naam, betekenis) in enumerate(zip(soort.NIVEAUS, BETEKENIS, strict=True)):
            oud = niveaus[i] if i < len(niveaus) and isinstance(niveaus[i], Mapping) else {}
            waarde = benoem(widgets.Text(value=als_getaltekst(oud.get("waarde")), placeholder="getal",
                                         layout=widgets.Layout(width="6em", flex="0 0 auto")),
                            f"Niveau {naam}: het getal")
            tekst = _vak(oud.get("tekst"), f"Niveau {naam}: wat zie je dan?", "2.4em")
            tekst.layout = widgets.Layout(flex="1 1 12em", height="2.4em", min_width="10em")
            self.niveaus.append((waarde, tekst))
            self.onderdelen.append(widgets.VBox([
                _kop(f"Niveau {naam}: {betekenis}"),
                widgets.HBox([waarde, tekst], layout=widgets.Layout(flex_flow="row wrap", width="100%"))]))

    def waarde(self) -> dict:
        antwoord = {
            "domein": self.domein.value or None, "doel": self.doel.value[:soort.MAX_TEKENS],
            "stap": self.stap.value[:soort.MAX_TEKENS],
            "client_doet": self.client_doet.value[:soort.MAX_TEKENS],
            "professional_doet": self.professional_doet.value[:soort.MAX_TEKENS],
            "belang": None if self.belang.value == GEEN_SCORE else self.belang.value,
            "haalbaar": None if self.haalbaar.value == GEEN_SCORE else self.haalbaar.value,
            "afgesproken": self.afgesproken.value,
        }
        if self.indicator is not None:
            antwoord["gas"] = {"indicator": self.indicator.value[:soort.MAX_TEKENS], "niveaus": [
                {"waarde": w.value[:40], "tekst": t.value[:soort.MAX_TEKENS]} for w, t in self.niveaus]}
        return antwoord

    def waardewidgets(self) -> list[widgets.Widget]:
        gas = [self.indicator, *(w for paar in self.niveaus for w in paar)] if self.indicator else []
        return [self.domein, self.doel, self.stap, self.client_doet, self.professional_doet,
                self.belang, self.haalbaar, self.afgesproken, *gas]
