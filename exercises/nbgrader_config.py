# Instellingen van nbgrader voor de cursus "Werken aan de werkalliantie".
# Geef elke nbgrader-opdracht in deze map: nbgrader leest dit bestand uit de map waarin
# je werkt. Alle paden gaan uit van de plek van dit bestand. Een kopie van de map (een
# test, een andere computer) werkt dus zonder aanpassingen.
# Dit bestand stelt alleen in: het verandert niets aan de omgeving van het proces.
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
# Bestanden die nbgrader nergens kopieert (ook niet bij het maken van de studentversie).
# Dit is een extra slot; wat bij het nakijken in autograded/ komt, bepaalt de vaste lijst
# hieronder (ControleerInlevering).
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py", "*.so", "sleutels"]

# Alles wat nbgrader meldt komt ook in nbgrader.log. Daar lees je na het nakijken
# bijvoorbeeld of een student een vergrendelde cel heeft aangepast.
c.NbGrader.logfile = str(CURSUSMAP / "nbgrader.log")

# De sleutels (antwoordmodellen) staan naast source/, nooit erin. Voor het nakijken
# controleert de stap Poortwachter (hieronder) ze allemaal en zet ze klaar in
# .sleutels.json, naast dit bestand. De verborgen toetsen lezen ze daar.

# Veilig nakijken (zie "Wat het nakijken controleert" in de handleiding voor docenten).
# Dit geldt voor `nbgrader autograde`, de knop in de formgrader en generate_feedback.
# - Elke inlevering wordt gelezen als gegevens en opnieuw opgebouwd uit de cellen van de
#   opdracht in het cijferboek. Alleen die cellen worden uitgevoerd; cellen van de student
#   blijven zichtbaar, maar worden nooit uitgevoerd.
# - Alleen de notebooks en het antwoordbestand gaan naar autograded/ (een vaste lijst).
# - Een inlevering die niet veilig te controleren is, krijgt 0 punten voor de automatische
#   onderdelen en een melding in nakijkrapport.md; de rest van de klas gaat gewoon door.
NAKIJKEN = "werkalliantie.begeleiden.nakijken.beveiliging."
# Vlak voordat nbgrader de bestanden van een inlevering kopieert: snelkoppelingen,
# apparaten, pijpen, te grote bestanden en een onleesbare timestamp.txt gaan naar
# quarantaine/<student>/<opdracht>/. Er wordt niets weggegooid.
c.Autograde.pre_convert_hook = "werkalliantie.begeleiden.nakijken.quarantaine.voor_het_kopieren"
c.Autograde.exporter_class = NAKIJKEN + "VeiligNotebookExporter"
c.Autograde.sanitize_preprocessors = [
    NAKIJKEN + "ControleerInlevering",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    NAKIJKEN + "Poortwachter",
    "nbgrader.preprocessors.Execute",
    NAKIJKEN + "EisPunten",
    NAKIJKEN + "MaakUitvoerOnschadelijk",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# In de feedbackmap komen alleen de feedbackpagina's. De pagina is in het Nederlands, zonder
# code: per vraag de onderdelen met hun punten en uitleg, en het open antwoord.
c.GenerateFeedback.preprocessors = [
    NAKIJKEN + "RuimFeedbackOp",
    "nbgrader.preprocessors.GetGrades",
    "werkalliantie.begeleiden.nakijken.feedback.Feedbackgegevens",
]
c.GenerateFeedback.exporter_class = "werkalliantie.begeleiden.nakijken.feedback.Feedbackpagina"
# Tekst van studenten wordt nooit als code uitgevoerd in je browser: de formgrader en de
# feedbackpagina's tonen elke tekstcel en uitvoer opgeschoond.
c.HTMLExporter.preprocessors = [NAKIJKEN + "MaakOnschadelijk"]

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
# zip-bestand in downloaded/<opdracht>/archive/. De cursus pakt alleen uit wat de
# leeromgeving erin zette, binnen vaste grenzen, en nooit een zip-bestand van een student
# naar schijf. Ze herkent de namen die Canvas, Moodle en Brightspace aan hun downloads
# geven, en zoekt de student op in de klaslijst (zie "Inleveringen uit een leeromgeving"
# in de handleiding voor docenten).
LEEROMGEVING = "werkalliantie.begeleiden.nakijken.leeromgeving."
c.ZipCollectApp.extractor_plugin = LEEROMGEVING + "Uitpakken"
c.ZipCollectApp.collector_plugin = LEEROMGEVING + "Leeromgeving"
# Andere namen: <studentnummer>_<iets>_<oorspronkelijke naam>, bijvoorbeeld
# s1234567_inlevering_antwoorden.json (een tweede keer ingeleverd: antwoorden-1.json). Past
# jouw leeromgeving weer andere namen toe? Pas dan dit patroon aan.
c.FileNameCollectorPlugin.named_regexp = (
    r".*/(?P<student_id>[^/_]+)_(?:[^/]*_)?(?P<file_id>[^/_]+\.ipynb|antwoorden(?:-\d+)?\.json)$"
)
# Het antwoordbestand gaat mee met het notebook.
c.FileNameCollectorPlugin.valid_ext = [".ipynb", ".json"]

# `nbgrader export` schrijft de cijfers zoals nbgrader dat doet, met twee verschillen: een
# inlevering die nog niet (helemaal) is nagekeken krijgt een leeg vakje, nooit een 0, en
# een naam die met =, +, - of @ begint, krijgt een ' ervoor (geen formule in je
# spreadsheet). Voor je leeromgeving: `werkalliantie cijfers --formaat ...`.
c.ExportApp.plugin_class = "werkalliantie.begeleiden.nakijken.cijfers.NbgraderExport"
