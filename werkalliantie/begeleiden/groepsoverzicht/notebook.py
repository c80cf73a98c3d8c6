"""The group overview in a notebook: one call, ``toon("antwoorden-groep")``.

It shows the overview in the notebook, writes the same page to ``groepsoverzicht.html``
(to project in the room), and says in Dutch what to do when the folder is missing or
empty: never a traceback for the trainer.
"""

from __future__ import annotations

from pathlib import Path

from werkalliantie.begeleiden.groepsoverzicht import Overzichtfout, groepsoverzicht
from werkalliantie.leren.tekst import html_tekst


class Melding:
    def __init__(self, tekst: str):
        self.tekst = tekst

    def __repr__(self) -> str:
        return self.tekst

    def _repr_html_(self) -> str:
        return f"<p role='alert' style='font-size:16px'>{html_tekst(self.tekst)}</p>"


class Pagina:
    def __init__(self, inhoud: str, pad: Path, samenvatting: str):
        self.inhoud, self.pad, self.samenvatting = inhoud, pad, samenvatting

    def __repr__(self) -> str:
        return f"{self.samenvatting}\nHet overzicht staat in {self.pad}."

    def _repr_html_(self) -> str:
        lichaam = self.inhoud.split("<main>", 1)[-1].rsplit("</main>", 1)[0]
        return (f"<p>Het overzicht staat ook in <code>{html_tekst(str(self.pad))}</code>: "
                "open dat bestand in je browser om het te tonen.</p>" + lichaam)


def toon(bron: str | Path = "antwoorden-groep", *, namen: bool = False, vorm: str = "ICC(2,1)",
         sleutels: str | Path | None = None, uit: str | Path = "groepsoverzicht.html"):
    try:
        overzicht = groepsoverzicht(bron, namen=namen, vorm=vorm, sleutels=sleutels)
    except Overzichtfout as fout:
        return Melding(f"{fout} Zet de antwoordbestanden van je groep in de map '{bron}' "
                       "naast dit notebook (of noem een zip-bestand), en kies opnieuw Run All.")
    pad = Path(uit).resolve()
    inhoud = overzicht.html()
    pad.write_text(inhoud, encoding="utf-8")
    return Pagina(inhoud, pad, overzicht.samenvatting())
