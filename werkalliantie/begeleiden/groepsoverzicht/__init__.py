"""The trainer's group overview (``werkalliantie groepsoverzicht MAP``, and
``trainer/groepsoverzicht.ipynb``).

``groepsoverzicht(bron)`` reads a group's answer files from a folder or a zip
(:mod:`.inlezen`), lays the answers of every question next to the reference and computes
the group's agreement (:mod:`.rapport`), and returns an :class:`~.rapport.Overzicht` whose
``html()`` is one self-contained page to project in the room and to print (:mod:`.pagina`,
charts in :mod:`.figuren`). The intraclass correlation shown is
:func:`werkalliantie.begeleiden.groepsoverzicht.icc.icc` (pure Python, Shrout & Fleiss).

Standard library only: neither pandas nor pingouin is on this path (pingouin is only the
tests' cross-check of the ICC).
"""

from __future__ import annotations

from pathlib import Path

from werkalliantie.begeleiden.groepsoverzicht.icc import ICCFout
from werkalliantie.begeleiden.groepsoverzicht.inlezen import Groep, Overzichtfout, lees_groep
from werkalliantie.begeleiden.groepsoverzicht.rapport import Overzicht, overzicht

# The module werkalliantie.begeleiden.groepsoverzicht.icc holds the function icc(tabel, vorm).
__all__ = ["Groep", "ICCFout", "Overzicht", "Overzichtfout", "groepsoverzicht", "lees_groep",
           "overzicht"]


def groepsoverzicht(bron: str | Path, *, namen: bool = False, vorm: str = "ICC(2,1)",
                    sleutels: str | Path | None = None) -> Overzicht:
    """The overview of the answers in ``bron`` (a folder or a zip).

    ``namen``: show who is who (nbgrader's name, else the learner's own name for the trainer,
    else the folder's name) instead of "Deelnemer 1, 2";
    ``vorm``: the intraclass correlation's form (Shrout & Fleiss, e.g. ``ICC(2,1)``);
    ``sleutels``: the instructor's keys folder, to compare graded questions too.
    """
    try:
        from werkalliantie.begeleiden.groepsoverzicht.icc import vorm_naam

        vorm = vorm_naam(vorm)
    except ICCFout as fout:
        raise Overzichtfout(str(fout)) from None
    if sleutels is not None and not Path(sleutels).is_dir():
        raise Overzichtfout(f"De map met antwoordmodellen {sleutels} bestaat niet.")
    groep = lees_groep(bron, namen=namen)
    return overzicht(groep, namen=namen, vorm=vorm,
                     sleutels=Path(sleutels) if sleutels is not None else None)
