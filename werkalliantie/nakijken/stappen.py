"""The instructor's steps with nbgrader, as data.

``STAPPEN`` is the one list of steps an instructor follows (title, exact command line,
explanation). The instructor's guide (``book/docenten.md``) renders it, and the nbgrader
tests run exactly these command lines in a temporary course folder, so the guide cannot
drift from what is tested.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkalliantie.antwoorden import BESTANDSNAAM

OPDRACHT = "werkalliantie-denise"  # the assignment the guide's commands name


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
         "python -m werkalliantie.nakijken.klaarzetten",
         "Dit maakt eerst de opdrachten in de map `source/`, met de vragen en punten uit "
         "de cursus. Daarna maakt `nbgrader generate_assignment` de studentversie in de "
         "map `release/`. Daarin staan geen antwoordmodellen en geen verborgen toetsen."),
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
         "nbgrader voert van elke student alleen de cellen van de opdracht opnieuw uit. De "
         "verborgen toetsen lezen het antwoordbestand van de student en het antwoordmodel uit "
         "de map `sleutels/`. Een ontbrekend of beschadigd antwoordbestand geeft 0 punten met "
         "een melding; het nakijken gaat gewoon door. Wat er mis was met een inlevering, staat "
         "daarna in `nakijkrapport.md` in de cursusmap. Reken op ongeveer 2 seconden per "
         "student."),
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
