# Instellingen van nbgrader voor de cursus "Werken aan de werkalliantie".
# Geef elke nbgrader-opdracht in deze map: nbgrader leest dit bestand uit de map waarin
# je werkt. Alle paden gaan uit van de plek van dit bestand. Een kopie van de map (een
# test, een andere computer) werkt dus zonder aanpassingen.
import os
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader geeft get_config mee als het dit bestand leest)

CURSUSMAP = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "werkalliantie"
c.CourseDirectory.root = str(CURSUSMAP)
# Op één computer: SQLite. Met de timeout wacht een tweede nakijkproces op het slot.
# Op een gedeelde JupyterHub geeft de hub het adres van het cijferboek in PostgreSQL mee
# (deploy/hub/). Het wachtwoord staat daar in ~/.pgpass van het cursusaccount.
c.CourseDirectory.db_url = (os.environ.get("WERKALLIANTIE_CIJFERBOEK")
                            or f"sqlite:///{CURSUSMAP / 'gradebook.db'}?timeout=30")
# Nooit Python-bestanden of een map met sleutels uit een inlevering overnemen: de kernel
# zou anders een meegestuurd pakket 'werkalliantie' of een eigen sleutel gebruiken.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py", "sleutels"]

# Alles wat nbgrader meldt komt ook in nbgrader.log. Daar lees je na het nakijken
# bijvoorbeeld of een student een vergrendelde cel heeft aangepast.
c.NbGrader.logfile = str(CURSUSMAP / "nbgrader.log")

# De sleutels (antwoordmodellen) staan naast source/, nooit erin. De verborgen toetsen
# vinden ze via deze omgevingsvariabele; de kernel erft die van nbgrader.
os.environ["WERKALLIANTIE_SLEUTELS"] = str(CURSUSMAP / "sleutels")

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

# Inleveringen uit een leeromgeving (LMS) ophalen met `nbgrader zip_collect`: zet het
# zip-bestand (of de losse bestanden) in downloaded/<opdracht>/archive/. De namen zien
# eruit als <studentnummer>_<iets>_<oorspronkelijke naam>, bijvoorbeeld
# s1234567_inlevering_antwoorden.json. Past jouw leeromgeving andere namen toe? Pas dan
# dit patroon aan.
c.FileNameCollectorPlugin.named_regexp = (
    r".*/(?P<student_id>[^/_]+)_(?:[^/]*_)?(?P<file_id>[^/_]+\.ipynb|antwoorden\.json)$"
)
# Het antwoordbestand gaat mee met het notebook.
c.FileNameCollectorPlugin.valid_ext = [".ipynb", ".json"]
