"""The course's nbgrader steps, as data, and the build of the student versions.

``STAPPEN`` is the one list of steps an instructor follows (title, exact command line,
explanation). The instructor's guide (``book/docenten.md``) renders it, and the nbgrader
tests run exactly these command lines in a temporary course folder, so the guide cannot
drift from what is tested.

``python -m werkalliantie.opdrachten [OPDRACHT ...]`` builds the student versions: it first
writes each hidden test's points from ``data/alliantie.yaml`` into the source notebook's
nbgrader metadata (points are written once, there), then runs
``nbgrader generate_assignment``. Without arguments: every assignment in ``source/``.
The course folder is the working directory when it holds ``nbgrader_config.py``, else the
repository's ``exercises/``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from werkalliantie.alliantie import vragenlijst
from werkalliantie.antwoorden import BESTANDSNAAM

REPOSITORY = Path(__file__).resolve().parent.parent
OPDRACHT = "werkalliantie-denise"  # the assignment the guide's commands name
# A hidden test is one call; its dimension decides its points.
TOETSAANROEP = re.compile(r"""punten\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']\s*\)""")


@dataclass(frozen=True)
class Stap:
    id: str
    titel: str
    commando: str | None  # exact command line, given in the course folder; None: by hand
    uitleg: str
    interactief: bool = False  # opens a program for the instructor; the tests skip it


STAPPEN: tuple[Stap, ...] = (
    Stap("studenten", "Studenten toevoegen",
         "nbgrader db student import studenten.csv",
         "Zet je studenten in een bestand `studenten.csv` in de cursusmap, met de kolommen "
         "`id`, `first_name`, `last_name` en `email`. De id is ook de naam van de map van "
         "de student, bijvoorbeeld het studentnummer. Gebruik geen spaties in een id. Eén "
         "student toevoegen kan ook: "
         "`nbgrader db student add s1234567 --first-name=Sam --last-name=Jansen`."),
    Stap("maken", "De studentversie maken",
         "python -m werkalliantie.opdrachten",
         "Dit zet eerst de punten per onderdeel uit de cursus (`alliantie.yaml`) in de "
         "opdracht. Daarna maakt `nbgrader generate_assignment` de studentversie in de map "
         "`release/`. Daarin staan geen antwoordmodellen en geen verborgen toetsen."),
    Stap("uitdelen", "De opdracht uitdelen",
         None,
         f"Op één computer heb je geen uitwisselmap nodig. Geef je studenten de map "
         f"`release/{OPDRACHT}/`, bijvoorbeeld als zip-bestand in je leeromgeving. Deel "
         f"nooit de hele cursusmap: daarin staan de antwoordmodellen. Je studenten openen "
         f"het notebook in JupyterLab, vullen de opdracht in en klikken op Opslaan. Ze "
         f"leveren het notebook in samen met het bestand `{BESTANDSNAAM}`."),
    Stap("inleveren", "Inleveringen zelf neerzetten",
         None,
         f"Krijg je de bestanden los binnen, bijvoorbeeld op een usb-stick? Zet dan het "
         f"notebook en `{BESTANDSNAAM}` van elke student in de map "
         f"`submitted/<id van de student>/{OPDRACHT}/`."),
    Stap("ophalen", "Inleveringen ophalen uit je leeromgeving",
         f"nbgrader zip_collect {OPDRACHT}",
         f"Download de inleveringen uit je leeromgeving als zip-bestand. Zet dat in de map "
         f"`downloaded/{OPDRACHT}/archive/`. nbgrader pakt het uit en zet de bestanden van "
         f"elke student in `submitted/`. Het herkent de student aan de bestandsnaam, "
         f"bijvoorbeeld `s1234567_inlevering_{OPDRACHT}.ipynb`. Meer hierover lees je "
         f"hieronder bij [Inleveringen uit een leeromgeving](#leeromgeving)."),
    Stap("nakijken", "Automatisch nakijken",
         f"nbgrader autograde {OPDRACHT}",
         "nbgrader voert het notebook van elke student opnieuw uit. De verborgen toetsen "
         "lezen het antwoordbestand van de student en het antwoordmodel uit de map "
         "`sleutels/`. Een ontbrekend of beschadigd antwoordbestand geeft 0 punten met een "
         "melding; het nakijken gaat gewoon door. Reken op ongeveer 2 seconden per student."),
    Stap("handmatig", "Met de hand nakijken",
         "jupyter lab",
         "Open in JupyterLab het menu *Nbgrader* en kies *Formgrader*. Onder *Manage "
         "Submissions* geef je punten voor de open vraag. Gebruik daarvoor het "
         "[beoordelingsmodel](#beoordelingsmodel).",
         interactief=True),
    Stap("feedback", "Feedback maken",
         f"nbgrader generate_feedback {OPDRACHT}",
         f"Dit maakt per student een HTML-bestand in "
         f"`feedback/<id van de student>/{OPDRACHT}/`. Daarin staan de punten en de uitleg "
         "per onderdeel, zonder het antwoordmodel. Zet het bestand van elke student in je "
         "leeromgeving."),
    Stap("exporteren", "Cijfers exporteren",
         "nbgrader export --to cijfers.csv",
         "Dit schrijft `cijfers.csv` met per student en opdracht de behaalde punten "
         "(`score`) en het maximum (`max_score`). Dat bestand open je in een spreadsheet of "
         "lees je in in je leeromgeving."),
)


# --- The course folder and its assignments ------------------------------------------------

def cursusmap(werkmap: Path | None = None) -> Path:
    werkmap = (werkmap or Path.cwd()).resolve()
    if (werkmap / "nbgrader_config.py").is_file():
        return werkmap
    return REPOSITORY / "exercises"


def opdrachten(map_: Path) -> list[str]:
    return sorted(p.name for p in (map_ / "source").iterdir() if p.is_dir())


def bronnotebooks(map_: Path, opdracht: str) -> list[Path]:
    return sorted((map_ / "source" / opdracht).glob("*.ipynb"))


def toetspunten(bron: str) -> float | None:
    """The points of a hidden test cell, from the dimension it grades; None otherwise."""
    aanroep = TOETSAANROEP.search(bron)
    if aanroep is None:
        return None
    punten = vragenlijst().dimensie(aanroep.group(2)).punten
    return int(punten) if float(punten).is_integer() else punten


def punten_per_cel(map_: Path, opdracht: str) -> dict[str, float]:
    """The points of every graded cell of an assignment, as its source notebooks say."""
    punten = {}
    for notebook in bronnotebooks(map_, opdracht):
        for cel in nbformat.read(notebook, as_version=4).cells:
            meta = cel.metadata.get("nbgrader", {})
            if meta.get("grade"):
                punten[meta["grade_id"]] = meta["points"]
    return punten


def boekcontext() -> dict:
    """What the instructor's guide (book/docenten.md) renders: steps, rule, points."""
    return {
        "nbgrader_stappen": STAPPEN,
        "nbgrader_opdracht": OPDRACHT,
        "nbgrader_punten": punten_per_cel(REPOSITORY / "exercises", OPDRACHT),
        "alliantievragen": vragenlijst(),
    }


def zet_punten(notebook: Path) -> bool:
    """Write each hidden test's points into its nbgrader metadata; True if one changed."""
    nb = nbformat.read(notebook, as_version=4)
    veranderd = False
    for cel in nb.cells:
        meta = cel.metadata.get("nbgrader", {})
        punten = toetspunten(cel.source) if cel.cell_type == "code" else None
        if punten is None or not meta.get("grade"):
            continue
        if meta.get("points") != punten:
            meta["points"] = punten
            veranderd = True
    if veranderd:
        nbformat.write(nb, notebook)
    return veranderd


def _nbgrader(*args: str, map_: Path) -> None:
    bin_ = Path(sys.executable).parent
    programma = bin_ / "nbgrader"
    env = dict(os.environ)
    env["PATH"] = f"{bin_}{os.pathsep}{env.get('PATH', '')}"  # nbgrader runs alembic
    klaar = subprocess.run([str(programma) if programma.exists() else "nbgrader", *args],
                           cwd=map_, env=env)
    if klaar.returncode != 0:
        raise SystemExit(f"nbgrader {args[0]} is mislukt (code {klaar.returncode}). "
                         "Lees de melding hierboven.")


def maak_studentversie(map_: Path, opdracht: str) -> None:
    bron = map_ / "source" / opdracht
    # autograde would copy an answer file from source/ over every student's own file
    verboden = sorted(p.name for p in bron.rglob("antwoorden*.json"))
    if verboden:
        raise SystemExit(f"In {bron} staat {', '.join(verboden)}. Een antwoordbestand hoort "
                         "nooit in source/: haal het weg en probeer het opnieuw.")
    for notebook in bronnotebooks(map_, opdracht):
        if zet_punten(notebook):
            print(f"Punten bijgewerkt in {notebook.relative_to(map_)}.")
    _nbgrader("generate_assignment", opdracht, "--force", map_=map_)
    print(f"Studentversie klaar: {(map_ / 'release' / opdracht).relative_to(map_)}/")


def main(argv: list[str] | None = None) -> None:
    map_ = cursusmap()
    namen = argv if argv is not None else sys.argv[1:]
    for opdracht in namen or opdrachten(map_):
        maak_studentversie(map_, opdracht)


if __name__ == "__main__":
    main()
