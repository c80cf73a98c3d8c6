"""The group overview in the trainer's notebook: one call, ``toon("antwoorden-groep")``.

The notebook is ``trainer/groepsoverzicht.ipynb``, outside the learners' ``notebooks/``.
It writes the page to ``uitvoer/groepsoverzicht.html`` beside the notebook: a folder that
git ignores, like the group's folder ``antwoorden-groep/`` (``.gitignore``), so a trainer
who uses git never commits a group's answers or names. In the notebook it shows a short
summary and where the page is; a missing or empty folder gets a Dutch message, never a
traceback.
"""

from __future__ import annotations

from pathlib import Path

from werkalliantie.begeleiden.groepsoverzicht import Overzichtfout, groepsoverzicht
from werkalliantie.leren.tekst import html_tekst

UITVOER = Path("uitvoer") / "groepsoverzicht.html"


class Melding:
    def __init__(self, tekst: str):
        self.tekst = tekst

    def __repr__(self) -> str:
        return self.tekst

    def _repr_html_(self) -> str:
        return f"<p role='alert' style='font-size:16px'>{html_tekst(self.tekst)}</p>"


class Pagina:
    def __init__(self, pad: Path, samenvatting: str):
        self.pad, self.samenvatting = pad, samenvatting

    def __repr__(self) -> str:
        return f"{self.samenvatting}\nHet overzicht staat in {self.pad}."

    def _repr_html_(self) -> str:
        regels = "".join(f"<li>{html_tekst(r)}</li>" for r in self.samenvatting.splitlines())
        return (f"<div style='font-size:16px'><p>Het overzicht staat in "
                f"<code>{html_tekst(str(self.pad))}</code>. Open dat bestand in je browser om "
                f"het in de zaal te tonen.</p><ul>{regels}</ul></div>")


def toon(bron: str | Path = "antwoorden-groep", *, namen: bool = False, vorm: str = "ICC(2,1)",
         sleutels: str | Path | None = None, uit: str | Path = UITVOER):
    try:
        overzicht = groepsoverzicht(bron, namen=namen, vorm=vorm, sleutels=sleutels)
    except Overzichtfout as fout:
        return Melding(f"{fout} Zet de antwoordbestanden van je groep in de map '{bron}' "
                       "naast dit notebook (of noem een zip-bestand), en kies opnieuw Run All.")
    pad = Path(uit).resolve()
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(overzicht.html(), encoding="utf-8")
    return Pagina(pad, overzicht.samenvatting())
