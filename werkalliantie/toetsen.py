"""Entry point of nbgrader's hidden test cells: ``punten(vraag, dimensie)``.

A hidden test cell is one call, ``punten("denise-b", "doelen")``. nbgrader scores such a
cell by its output (RECIPES.md): an error or any stderr output gives 0, a number as the
last expression gives that many points. So this function

- returns the points of one dimension, as the cell's last expression;
- prints only Dutch feedback without the reference (the feedback HTML shows it);
- never raises and never writes to stderr for anything the learner did: a missing or
  damaged answer file earns 0 with a message;
- reads ``antwoorden.json`` from the working directory (autograded/<student>/<opdracht>/)
  and the graded key from the instructor's side, never from the submission.

A key that cannot be found is the instructor's problem, not the learner's: that raises
(nbgrader gives the cell 0 and the run goes on), with a message for the instructor.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from pathlib import Path

SLEUTELMAP = "sleutels"
CONFIG = "nbgrader_config.py"


class SleutelNietGevonden(RuntimeError):
    """The graded key is not where the course keeps it (a message for the instructor)."""


def sleutelmap(werkmap: Path | None = None) -> Path:
    """The folder with the graded keys: walking up from the parent of the working
    directory (autograded/<student>/<opdracht>/), the first folder holding
    nbgrader_config.py and sleutels/, the course folder. The working directory itself is
    skipped: that is the submission. Nothing in the environment can point elsewhere.
    """
    werkmap = (werkmap or Path.cwd()).resolve()
    for map_ in werkmap.parents:
        if (map_ / CONFIG).is_file() and (map_ / SLEUTELMAP).is_dir():
            return map_ / SLEUTELMAP
    raise SleutelNietGevonden(
        "Voor de docent: het antwoordmodel is niet gevonden. Geef de nbgrader-opdrachten "
        "in de cursusmap (de map met nbgrader_config.py en de map sleutels/).")


def _punten(vraag: str, dimensie: str, werkmap: Path) -> tuple[float, list[str]]:
    from werkalliantie.alliantie import SleutelFout, lees_sleutel
    from werkalliantie.antwoorden import Antwoordenbestand
    from werkalliantie.nakijken.regels import beoordeel_werkalliantie, getal

    pad = sleutelmap(werkmap) / f"{vraag}.yaml"
    try:
        sleutel = lees_sleutel(pad)
    except SleutelFout:
        raise SleutelNietGevonden(
            "Voor de docent: het antwoordmodel van deze vraag ontbreekt of klopt niet. "
            "Controleer de map sleutels/ naast nbgrader_config.py.") from None

    regels = []
    try:
        inhoud = Antwoordenbestand(werkmap).lees()
    except Exception:  # an unreadable folder: treat as no answer, never stop the run
        inhoud = None
    if inhoud is None or (inhoud.beschadigd and not inhoud.antwoorden):
        regels.append("Je antwoordbestand (antwoorden.json) is beschadigd of onleesbaar. "
                      "Daarom kunnen we je antwoord niet nakijken. Neem contact op met je "
                      "docent.")
        antwoord = None
    else:
        if inhoud.beschadigd:
            regels.append("Je antwoordbestand (antwoorden.json) is beschadigd. We hebben de "
                          "laatste goede versie van je antwoorden nagekeken.")
        elif inhoud.te_nieuw:
            regels.append(inhoud.melding)
        antwoord = inhoud.waarde(vraag)

    resultaat = beoordeel_werkalliantie(antwoord, sleutel)
    uitslag = resultaat.dimensie(dimensie)
    if antwoord is None:  # "not every item answered" would be beside the point
        if not regels:  # no damage reported: say the answer was never saved
            regels.extend(resultaat.meldingen)
        regels.append(f"{uitslag.naam}: je krijgt 0 van {getal(uitslag.max_punten)} punten.")
    else:
        regels.extend(resultaat.meldingen)
        regels.append(uitslag.uitleg(met_referentie=False))
    return float(uitslag.punten), regels


def punten(vraag: str, dimensie: str) -> float:
    """The points for one dimension of a graded question; prints key-free feedback."""
    werkmap = Path.cwd()
    stderr = io.StringIO()
    # Anything on stderr (a library's warning) would cost the learner all points.
    with warnings.catch_warnings(), contextlib.redirect_stderr(stderr):
        warnings.simplefilter("ignore")
        behaald, regels = _punten(vraag, dimensie, werkmap)
    print("\n".join(regels))
    return behaald
