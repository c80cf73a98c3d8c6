"""The instructor's steps with nbgrader, as data.

``STAPPEN`` is the one list of steps an instructor follows (title, exact command line,
explanation). The instructor's guide (``book/docenten.md``) renders it, and the nbgrader
tests run exactly these command lines in a temporary course folder, so the guide cannot
drift from what is tested.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkalliantie.leren.antwoorden import BESTANDSNAAM

OPDRACHT = "werkalliantie-denise"  # the assignment the guide's commands name


@dataclass(frozen=True)
class Stap:
    id: str
    titel: str
    commando: str | None  # exact command line, given in the course folder; None: by hand
    uitleg: str
    interactief: bool = False  # opens a program for the instructor; the tests skip it
    # Uses nbgrader's exchange folder (Exchange.root; a JupyterHub): the tests run it with
    # a temporary exchange folder of their own.
    uitwisselmap: bool = False


STAPPEN: tuple[Stap, ...] = (
    Stap("studenten", "Studenten toevoegen",
         "werkalliantie klaslijst studenten.csv",
         "Zet je studenten in een bestand `studenten.csv` in de cursusmap, met de kolommen "
         "`id`, `first_name`, `last_name` en `email`. De id is ook de naam van de map van "
         "de student, bijvoorbeeld het studentnummer. Een id begint met een letter of cijfer "
         "en bevat daarna alleen letters, cijfers, punten, streepjes (`-` en `_`) en `@`: "
         "geen spaties (zie [Grenzen](#grenzen)). Klopt één id niet, dan leest de cursus "
         "niets in en zegt op welke regel het misgaat. "
         "Leveren je studenten in via Canvas? Voeg dan de kolom `lms_user_id` toe met de "
         "Canvas-id van elke student (de kolom *ID* in de cijferexport van Canvas)."),
    Stap("maken", "De studentversie maken",
         "werkalliantie klaarzetten",
         "Dit maakt eerst de opdrachten in de map `source/`, met de vragen en punten uit "
         "de cursus. Daarna maakt `nbgrader generate_assignment` de studentversie in de "
         "map `release/`. Daarin staan geen antwoordmodellen en geen verborgen toetsen."),
    Stap("inleverdatum", "De uiterste inleverdatum vastleggen",
         f'nbgrader db assignment add {OPDRACHT} --duedate="2030-06-28 17:00:00 Europe/Amsterdam"',
         "Zet hier je eigen datum en tijd. nbgrader onthoudt dan bij elke inlevering of die "
         "te laat was. De cursus trekt voor te laat inleveren geen punten af: je ziet het "
         "in de *Formgrader* en jij beslist (zie [Te laat ingeleverd](#te-laat))."),
    Stap("uitdelen", "De opdracht uitdelen als map",
         None,
         f"Op één computer heb je geen uitwisselmap nodig. Geef je studenten de map "
         f"`release/{OPDRACHT}/`, bijvoorbeeld als zip-bestand in je leeromgeving. Deel "
         f"nooit de hele cursusmap: daarin staan de antwoordmodellen. Je studenten openen "
         f"het notebook in JupyterLab, vullen de opdracht in en klikken op Opslaan. Ze "
         f"leveren het notebook in samen met het bestand `{BESTANDSNAAM}`."),
    Stap("uitdelen-hub", "Of: de opdracht uitdelen via de uitwisselmap (JupyterHub)",
         f"nbgrader release_assignment {OPDRACHT}",
         "Werk je op een JupyterHub met een uitwisselmap (`Exchange.root`)? Dan zet dit "
         "commando de studentversie klaar. Je studenten halen de opdracht op en leveren in "
         "via het tabblad *Assignments* in JupyterLab.",
         uitwisselmap=True),
    Stap("inleveren", "Inleveringen zelf neerzetten",
         None,
         f"Krijg je de bestanden los binnen, bijvoorbeeld op een usb-stick? Zet dan het "
         f"notebook en `{BESTANDSNAAM}` van elke student in de map "
         f"`submitted/<id van de student>/{OPDRACHT}/`."),
    Stap("ophalen-hub", "Inleveringen ophalen uit de uitwisselmap (JupyterHub)",
         f"nbgrader collect {OPDRACHT}",
         "Dit haalt de inleveringen uit de uitwisselmap naar `submitted/`. nbgrader onthoudt "
         "daarbij wanneer elke student inleverde.",
         uitwisselmap=True),
    Stap("ophalen", "Inleveringen ophalen uit je leeromgeving",
         f"nbgrader zip_collect {OPDRACHT}",
         f"Download de inleveringen uit je leeromgeving als zip-bestand. Zet dat in de map "
         f"`downloaded/{OPDRACHT}/archive/`. nbgrader pakt het uit en zet de bestanden van "
         f"elke student in `submitted/`. De cursus herkent de namen die Canvas, Moodle en "
         f"Brightspace geven. Meer hierover lees je hieronder bij "
         f"[Inleveringen uit een leeromgeving](#leeromgeving)."),
    Stap("nakijken", "Automatisch nakijken",
         f"werkalliantie nakijken {OPDRACHT}",
         "Dit kijkt alle inleveringen na met nbgrader, met meer processen naast elkaar. De "
         "verborgen toetsen lezen het antwoordbestand van de student en het antwoordmodel "
         "uit de map `sleutels/`. Daarna maakt het de feedback per student. Je ziet elke "
         "inlevering verschijnen als die klaar is. Aan het eind lees je welke inleveringen "
         "aandacht nodig hebben. Per student staat in `nakijkrapport.md` wat het nakijken "
         "vond (zie [Het nakijkrapport](#nakijkrapport)). Een kapotte inlevering "
         "krijgt 0 punten met een melding; de rest gaat gewoon door. "
         f"`nbgrader autograde {OPDRACHT}` geeft dezelfde punten, maar is twee tot drie "
         "keer zo traag."),
    Stap("handmatig", "Met de hand nakijken",
         "jupyter lab",
         "Open in JupyterLab het menu *Nbgrader* en kies *Formgrader*. Onder *Manage "
         "Submissions* geef je punten voor de open vraag. Gebruik daarvoor het "
         "[beoordelingsmodel](#beoordelingsmodel).",
         interactief=True),
    Stap("feedback", "Feedback maken met alle punten",
         f"nbgrader generate_feedback {OPDRACHT} --force",
         f"Nu staan ook de punten die je met de hand gaf in de feedback. Dit maakt per "
         f"student een HTML-bestand in `feedback/<id van de student>/{OPDRACHT}/`. Daarin "
         "staan de punten en de uitleg per onderdeel, zonder het antwoordmodel. Zet het "
         "bestand van elke student in je leeromgeving."),
    Stap("feedback-hub", "Of: de feedback teruggeven via de uitwisselmap (JupyterHub)",
         f"nbgrader release_feedback {OPDRACHT}",
         "Je studenten zien hun feedback dan in het tabblad *Assignments*. Dit werkt alleen "
         "voor inleveringen die via de uitwisselmap binnenkwamen. De feedback van andere "
         "inleveringen zet je zelf in je leeromgeving.",
         uitwisselmap=True),
    Stap("exporteren", "Cijfers exporteren",
         "werkalliantie cijfers --uit cijfers.csv",
         "Dit schrijft `cijfers.csv`: één regel per student, met de punten per opdracht en "
         "het totaal. Dat bestand open je in een spreadsheet. Voor je leeromgeving kies je "
         "`--formaat canvas`, `--formaat brightspace` of `--formaat moodle` (zie "
         "[Cijfers in je leeromgeving](#cijfers-leeromgeving))."),
)
