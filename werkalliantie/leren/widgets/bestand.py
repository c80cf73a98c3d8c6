"""Take the answer file along: download ``antwoorden.json`` and load one back.

In the browser (JupyterLite) the answers live in the browser's own storage; this is how a
learner keeps a copy or moves to another computer. It works the same in Voilà and
JupyterLab. Pure Python and ipywidgets only: it runs in the learner's kernel (Pyodide).

- Download: a button reads the answer file at that moment and offers exactly those bytes
  as a link (a ``data:`` URL with the ``download`` attribute): no server, no JavaScript.
- Upload: ``widgets.FileUpload``; the file is checked with the answer store's own reader
  (so a file that the store would call damaged, or too new, is refused as a whole) and
  merged: questions that are new are added; when a question has another answer here, the
  learner chooses, per load, which one to keep. Nothing is written before that choice,
  and a save keeps the previous file as ``antwoorden.vorige.json``.

Everything from a loaded file is escaped before it is shown: it is untrusted input.
"""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from werkalliantie.leren.antwoorden import (
    BESTANDSNAAM,
    MAX_BESTAND_BYTES,
    NAAMVELD,
    Antwoord,
    Antwoordenbestand,
    AntwoordenFout,
    Inhoud,
)
from werkalliantie.leren.tekst import html_tekst
from werkalliantie.leren.widgets.basis import STIJLBLAD
from werkalliantie.leren.widgets.naam import NaamVoorDeTrainer

# Every file the course let a learner save (and download) can be loaded back.
MAX_UPLOAD_BYTES = MAX_BESTAND_BYTES
MAX_GETOOND = 20  # questions listed by name in a message; the rest are counted
KLEUR_GOED = "#1b5e20"
KLEUR_FOUT = "#a4000f"
KLEUR_KNOP = "#1f5f99"  # white text on it: contrast 6.6:1
STIJL = "font-size:15px;line-height:1.45;white-space:normal"
# A link that looks like one (JupyterLab's own styles make links plain text).
LINK = f"color:{KLEUR_KNOP};text-decoration:underline;font-weight:bold"
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def _tijd(antwoord: Antwoord) -> str:
    try:
        t = antwoord.tijdstip.astimezone()
    except (ValueError, TypeError, OverflowError):
        return "onbekend tijdstip"
    return f"{t.day} {MAANDEN[t.month - 1]} {t.year} om {t:%H:%M}"


def _laatste(inhoud: Inhoud) -> str | None:
    tijden = []
    for antwoord in inhoud.antwoorden.values():
        try:
            tijden.append((antwoord.tijdstip, antwoord))
        except (ValueError, TypeError, OverflowError):
            continue
    if not tijden:
        return None
    try:
        return _tijd(max(tijden, key=lambda t: t[0])[1])
    except TypeError:  # naive and aware times mixed in an edited file
        return None


def _aantal(n: int) -> str:
    return "1 antwoord" if n == 1 else f"{n} antwoorden"


def _vragen(n: int) -> str:
    return "1 vraag" if n == 1 else f"{n} vragen"


def lees_upload(inhoud: bytes) -> Inhoud:
    """Read an uploaded answer file with the store's own reader (never raises)."""
    if len(inhoud) > MAX_UPLOAD_BYTES:
        return Inhoud(beschadigd=True, melding=(
            "Dit bestand is te groot voor een bestand met antwoorden. Er is niets veranderd."))
    with tempfile.TemporaryDirectory(prefix="antwoorden-upload-") as map_:
        pad = Path(map_) / BESTANDSNAAM
        pad.write_bytes(inhoud)
        try:
            return Antwoordenbestand(pad).lees()
        except Exception as fout:  # whatever the file holds, the learner gets a message
            return Inhoud(beschadigd=True, melding=(
                f"Dit bestand kan niet worden gelezen ({type(fout).__name__})."))


class Antwoordenknoppen(widgets.VBox):
    """Buttons to download the answer file and to load one back.

    ``vraagnaam`` turns a question id into the name a learner knows (default: the id).
    Above the buttons: the optional name for the trainer (:mod:`.naam`), which travels in
    the same file.
    """

    def __init__(self, map: str | Path | None = None,
                 vraagnaam: Callable[[str], str] | None = None, **kwargs):
        self.bestand = Antwoordenbestand(map)
        eigen = vraagnaam or (lambda vraag_id: vraag_id)
        self.vraagnaam = lambda v: "Je naam voor de trainer" if v == NAAMVELD else eigen(v)
        self.naam = NaamVoorDeTrainer(map)
        self._keuze: tuple[dict[str, Any], dict[str, Any]] | None = None
        knopstijl = dict(button_color=KLEUR_KNOP, text_color="white", font_weight="bold")
        # No icons: their font's character would start the button's accessible name.
        self.downloadknop = widgets.Button(
            description="Antwoorden downloaden",
            tooltip="Maak een bestand met al je opgeslagen antwoorden",
            style=widgets.ButtonStyle(**knopstijl), layout=widgets.Layout(width="auto", margin="0 8px 8px 0"))
        self.downloadlink = widgets.HTML()
        self.upload = widgets.FileUpload(
            accept=".json,application/json", multiple=False, description="Antwoorden laden", icon="",
            tooltip="Laad een bestand antwoorden.json dat je eerder hebt gedownload",
            style=widgets.ButtonStyle(**knopstijl), layout=widgets.Layout(width="auto", margin="0 8px 8px 0"))
        self.melding = widgets.HTML()
        self.neem_bestand = widgets.Button(description="Gebruik het bestand",
                                           layout=widgets.Layout(width="auto", margin="0 8px 8px 0"))
        self.houd_browser = widgets.Button(description="Houd wat hier staat",
                                           layout=widgets.Layout(width="auto", margin="0 8px 8px 0"))
        self.keuzeknoppen = widgets.HBox([self.neem_bestand, self.houd_browser],
                                         layout=widgets.Layout(display="none", flex_flow="row wrap"))
        super().__init__([
            self.naam,
            widgets.HTML(STIJLBLAD +
                f'<div style="{STIJL}"><h3>Je antwoorden meenemen</h3>'
                "<p>Download je antwoorden om een kopie te bewaren of om op een andere "
                "computer verder te werken. Daar laad je het bestand weer.</p></div>"),
            widgets.HBox([self.downloadknop, self.upload],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.downloadlink,
            self.melding,
            self.keuzeknoppen,
        ], layout=widgets.Layout(max_width="860px"), **kwargs)
        self.add_class("wa-opgave")  # the scope of STIJLBLAD (focus ring, narrow screens)
        self.add_class("wa-bestand")  # the front ends' toegang.js drops the upload's "(0)"
        self.downloadknop.on_click(lambda _: self.maak_download())
        self.upload.observe(self._bij_upload, names="value")
        self.neem_bestand.on_click(lambda _: self._kies(bestand=True))
        self.houd_browser.on_click(lambda _: self._kies(bestand=False))

    # -- download ---------------------------------------------------------------------------

    def maak_download(self) -> bytes | None:
        """Offer the answer file as it is now; returns the bytes offered (None: nothing)."""
        try:
            inhoud = self.bestand.lees()
            # lees() fell back on the last good copy (main file damaged or gone): offer that one
            bron = self.bestand.vorige if inhoud.uit_reserve else self.bestand.pad
            gegevens = bron.read_bytes() if inhoud.antwoorden else None
        except Exception as fout:
            self._toon(f"Je antwoorden konden niet worden gelezen ({type(fout).__name__}).",
                       fout=True, doel=self.downloadlink)
            return None
        if not gegevens:
            self._toon(inhoud.melding or "Je hebt nog geen antwoorden opgeslagen.",
                       fout=bool(inhoud.melding), doel=self.downloadlink)
            return None
        url = "data:application/json;base64," + base64.b64encode(gegevens).decode("ascii")
        laatste = _laatste(inhoud)
        over = f"{_aantal(len(inhoud.vragen))}" + (f", laatst opgeslagen op {laatste}"
                                                        if laatste else "")
        waarschuwing = f"<p>{html_tekst(inhoud.melding)}</p>" if inhoud.melding else ""
        self.downloadlink.value = (
            f'<div role="status" style="{STIJL}">{waarschuwing}<p>Je bestand staat klaar: '
            f'<a download="{BESTANDSNAAM}" href="{url}" style="{LINK}">'
            f"{BESTANDSNAAM} opslaan</a> ({html_tekst(over)}).</p></div>")
        return gegevens

    # -- upload -----------------------------------------------------------------------------

    def _bij_upload(self, wijziging) -> None:
        bestanden = list(wijziging["new"] or ())
        if not bestanden:
            return
        try:
            inhoud = bytes(bestanden[0]["content"])
        except Exception:
            inhoud = b""
        finally:
            self.upload.value = ()  # the same file can be chosen again
        self.laad(inhoud)

    def laad(self, inhoud: bytes) -> None:
        """Merge an uploaded answer file into this one; asks first when answers differ."""
        self._verberg_keuze()
        geladen = lees_upload(inhoud)
        if geladen.beschadigd or geladen.te_nieuw:
            self._toon(("Dit bestand kan niet worden geladen. " if geladen.beschadigd else "")
                       + (geladen.melding or "") + " Je antwoorden in deze browser blijven "
                       "zoals ze waren.", fout=True)
            return
        if not geladen.antwoorden:
            self._toon("Dit bestand bevat geen antwoorden. Er is niets veranderd.", fout=True)
            return
        try:
            hier = self.bestand.lees()
        except Exception as fout:
            self._toon(f"Je antwoorden hier konden niet worden gelezen ({type(fout).__name__}). "
                       "Er is niets veranderd.", fout=True)
            return
        if hier.te_nieuw:
            self._toon(hier.melding, fout=True)
            return
        nieuw, anders = {}, {}
        for vraag_id, antwoord in geladen.antwoorden.items():
            bestaand = hier.antwoorden.get(vraag_id)
            if bestaand is None:
                nieuw[vraag_id] = antwoord.waarde
            elif bestaand.waarde != antwoord.waarde:
                anders[vraag_id] = antwoord.waarde
        if not anders:
            self._bewaar(nieuw, {})
            return
        self._keuze = (nieuw, anders)
        namen = [self.vraagnaam(v) for v in sorted(anders)]
        lijst = "".join(
            f"<li>{html_tekst(n)}: in het bestand opgeslagen op {html_tekst(_tijd(geladen.antwoorden[v]))}, "
            f"hier op {html_tekst(_tijd(hier.antwoorden[v]))}</li>"
            for n, v in zip(namen[:MAX_GETOOND], sorted(anders)))
        meer = (f"<li>en nog {len(namen) - MAX_GETOOND} andere</li>"
                if len(namen) > MAX_GETOOND else "")
        extra = (f" {_aantal(len(nieuw))} uit het bestand {'is' if len(nieuw) == 1 else 'zijn'}"
                 " nieuw; die worden in beide gevallen toegevoegd." if nieuw else "")
        self.melding.value = (
            f'<div role="status" style="{STIJL}"><p><strong>Kies:</strong> bij '
            f"{_vragen(len(anders))}"
            f" staat in het bestand een ander antwoord dan in deze browser.</p><ul>{lijst}{meer}"
            f"</ul><p>Welk antwoord wil je houden?{html_tekst(extra)}</p></div>")
        self.keuzeknoppen.layout.display = "flex"

    def _kies(self, bestand: bool) -> None:
        if self._keuze is None:
            return
        nieuw, anders = self._keuze
        self._verberg_keuze()
        if not bestand and not nieuw:
            self._toon("Je antwoorden in deze browser blijven zoals ze waren. Er is niets "
                       "veranderd.")
            return
        self._bewaar(nieuw, anders if bestand else {}, gehouden=0 if bestand else len(anders))

    def _bewaar(self, nieuw: dict[str, Any], vervangen: dict[str, Any], gehouden: int = 0) -> None:
        if not nieuw and not vervangen:
            self._toon("Alle antwoorden uit dit bestand stonden hier al. Er is niets veranderd.")
            return
        try:
            self.bestand.bewaar_meerdere({**nieuw, **vervangen})
        except AntwoordenFout as fout:
            self._toon(f"Het bestand is niet geladen: {fout} Er is niets veranderd.", fout=True)
            return
        except Exception as fout:
            self._toon(f"Het bestand is niet geladen ({type(fout).__name__}). Er is niets "
                       "veranderd.", fout=True)
            return
        if NAAMVELD in nieuw or NAAMVELD in vervangen:  # the field above shows the loaded name
            self.naam.veld.value = (nieuw | vervangen)[NAAMVELD] if isinstance(
                (nieuw | vervangen)[NAAMVELD], str) else ""
        delen = []
        if nieuw:
            delen.append(f"{_aantal(len(nieuw))} toegevoegd")
        if vervangen:
            delen.append(f"{_aantal(len(vervangen))} vervangen door die uit het bestand")
        if gehouden:
            delen.append(f"bij {_vragen(gehouden)} blijft je antwoord van hier staan")
        self._toon("Geladen: " + " en ".join(delen) + ". Open een oefening opnieuw (of laad "
                   "de pagina opnieuw) om je antwoorden daar te zien.")

    # -- showing ----------------------------------------------------------------------------

    def _verberg_keuze(self) -> None:
        self._keuze = None
        self.keuzeknoppen.layout.display = "none"

    def _toon(self, tekst: str, fout: bool = False, doel: widgets.HTML | None = None) -> None:
        kleur = KLEUR_FOUT if fout else KLEUR_GOED
        voorvoegsel = "<strong>Let op:</strong> " if fout else ""
        (doel or self.melding).value = (
            f'<div role="status" style="color:{kleur};{STIJL}"><p>{voorvoegsel}{html_tekst(tekst)}</p>'
            "</div>")
