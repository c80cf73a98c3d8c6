# Instellingen van nbgrader voor de cursus "Werken aan de werkalliantie".
# Geef elke nbgrader-opdracht in deze map: nbgrader leest dit bestand uit de map waarin
# je werkt. Alle paden gaan uit van de plek van dit bestand. Een kopie van de map (een
# test, een andere computer) werkt dus zonder aanpassingen.

from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader geeft get_config mee als het dit bestand leest)

CURSUSMAP = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "werkalliantie"
c.CourseDirectory.root = str(CURSUSMAP)
# Op één computer: SQLite. Met de timeout wacht een tweede nakijkproces op het slot.
c.CourseDirectory.db_url = f"sqlite:///{CURSUSMAP / 'gradebook.db'}?timeout=30"
# Nooit Python-bestanden of een map met sleutels uit een inlevering overnemen: de kernel
# zou anders een meegestuurd pakket 'werkalliantie' of een eigen sleutel gebruiken.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py", "sleutels"]

# Alles wat nbgrader meldt komt ook in nbgrader.log. Daar lees je na het nakijken
# bijvoorbeeld of een student een vergrendelde cel heeft aangepast.
c.NbGrader.logfile = str(CURSUSMAP / "nbgrader.log")

# De sleutels (antwoordmodellen) staan in sleutels/, naast source/ en nooit erin. De
# verborgen toetsen vinden ze zelf: ze zoeken vanuit de map van de inlevering omhoog naar
# de map met dit bestand. Dit bestand verandert dus niets aan de omgeving van nbgrader.

# Nederlandse tekst op de plek van een antwoord in de studentversie.
c.ClearSolutions.code_stub = {"python": "# SCHRIJF HIER JE CODE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "Schrijf hier je antwoord. Dubbelklik op deze cel om te typen."

# Het antwoordbestand van de student wordt bij het nakijken nooit vervangen door een
# kopie uit source/ (daar staat er ook nooit een: een test controleert dat).
ANTWOORDBESTANDEN = ["antwoorden.json", "antwoorden.vorige.json"]
c.Autograde.exclude_overwriting = {
    map_.name: ANTWOORDBESTANDEN
    for map_ in sorted(CURSUSMAP.glob("source/*/"))
}

# Te laat ingeleverd? De cursus trekt geen punten af: nbgrader kijkt de inlevering
# gewoon na en onthoudt hoe laat die binnenkwam (je ziet het in de formgrader en in de
# export). Jij beslist. Wil je dat een te late inlevering 0 punten krijgt? Maak er dan
# "zero" van. De uiterste datum geef je op met
# `nbgrader db assignment add <opdracht> --duedate="2025-03-01 17:00:00 Europe/Amsterdam"`.
c.LateSubmissionPlugin.penalty_method = "none"

# Inleveringen uit een leeromgeving (LMS) ophalen met `nbgrader zip_collect`: zet het
# zip-bestand in downloaded/<opdracht>/archive/. De cursus herkent de namen die Canvas,
# Moodle en Brightspace aan hun downloads geven, en zoekt de student op in de klaslijst
# (zie "Inleveringen uit een leeromgeving" in de handleiding voor docenten).
c.ZipCollectApp.collector_plugin = "werkalliantie.nakijken.leeromgeving.Leeromgeving"
# Andere namen: <studentnummer>_<iets>_<oorspronkelijke naam>, bijvoorbeeld
# s1234567_inlevering_antwoorden.json. Past jouw leeromgeving weer andere namen toe? Pas
# dan dit patroon aan.
c.FileNameCollectorPlugin.named_regexp = (
    r".*/(?P<student_id>[^/_]+)_(?:[^/]*_)?(?P<file_id>[^/_]+\.ipynb|antwoorden\.json)$"
)
# Het antwoordbestand gaat mee met het notebook.
c.FileNameCollectorPlugin.valid_ext = [".ipynb", ".json"]
