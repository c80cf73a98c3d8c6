"""The one call in nbgrader's hidden test cells: ``punten("denise-b", "doelen")``.

nbgrader scores such a cell by its output (RECIPES.md): an error or any stderr output
gives 0, a number as the last expression gives that many points. So :func:`punten`

- returns the points of one part, as the cell's last expression (never more than its
  maximum), and prints the part's Dutch feedback without the key;
- never raises and never writes to stderr for anything in the submission: a missing or
  damaged answer file earns 0 with a message;
- reads ``antwoorden.json`` from the working directory (autograded/<student>/<opdracht>/)
  and the graded key from the instructor's side (:mod:`.sleutels`), never from the
  submission.

A key that cannot be found is the instructor's problem: that raises (nbgrader gives the
cell 0 and the run goes on), with a message for the instructor.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from pathlib import Path

from werkalliantie.begeleiden.nakijken.sleutels import voorbereide_sleutel
from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoordenbestand

BESCHADIGD = ("Je antwoordbestand (antwoorden.json) is beschadigd of onleesbaar. Daarom "
              "kunnen we je antwoord niet nakijken. Neem contact op met je docent.")
VORIGE = ("Je antwoordbestand (antwoorden.json) is beschadigd. We hebben de laatste goede "
          "versie van je antwoorden nagekeken.")
ONTBREEKT = ("Je antwoordbestand (antwoorden.json) ontbreekt. We hebben de laatste goede "
             "versie van je antwoorden (antwoorden.vorige.json) nagekeken.")


def uitslag(vraag: str, onderdeel: str, werkmap: Path) -> tuple[float, str]:
    """The points of one part of ``vraag`` in the submission ``werkmap``, and the text a
    hidden test prints (Dutch, key-free)."""
    opgave = opgaven.laad_opgave(vraag)
    sleutel = voorbereide_sleutel(opgave, werkmap)
    regels = []
    try:
        inhoud = Antwoordenbestand(werkmap).lees()
    except Exception:  # noqa: BLE001 - an unreadable folder: no answer, never stop the run
        inhoud = None
    if inhoud is None or (inhoud.beschadigd and not inhoud.antwoorden):
        regels.append(BESCHADIGD)
        antwoord = None
    else:
        if inhoud.beschadigd:
            regels.append(VORIGE)
        elif inhoud.uit_reserve:
            regels.append(ONTBREEKT)
        elif inhoud.melding:  # e.g. another file version, or values that were left out
            regels.append(inhoud.melding)
        antwoord = inhoud.waarde(vraag)
    resultaat = opgaven.nakijken(opgave, antwoord, sleutel)
    deel = resultaat.deel(onderdeel)
    meldingen = [] if regels and antwoord is None else list(resultaat.meldingen)
    tekst = "\n".join([*regels, *meldingen, *deel.regels(met_uitleg=False)])
    return min(float(deel.punten), float(deel.max_punten)), tekst


def punten(vraag: str, onderdeel: str) -> float:
    """The points for one part of a graded question; prints key-free feedback."""
    stderr = io.StringIO()
    # Anything on stderr (a library's warning) would cost the learner all points.
    with warnings.catch_warnings(), contextlib.redirect_stderr(stderr):
        warnings.simplefilter("ignore")
        behaald, tekst = uitslag(vraag, onderdeel, Path.cwd())
    print(tekst)
    return behaald
