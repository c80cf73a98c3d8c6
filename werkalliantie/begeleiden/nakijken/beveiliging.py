"""Our steps in nbgrader's chains (instructor side), set in ``exercises/nbgrader_config.py``.

nbgrader 0.9.6 runs every command (``nbgrader autograde``, the formgrader's autograde
button, ``nbgrader generate_feedback``, the formgrader's submission view) through
configurable exporters and preprocessors, so the guarantees live there and hold for all
of them, not only for a wrapper of ours:

``Autograde.exporter_class = VeiligNotebookExporter``
    reads a submitted notebook as untrusted JSON: no links, bounded size and cell count;
    a notebook that cannot be read becomes an empty one with the reason (never an
    exception that nbgrader would turn into "stop", or a whole-run abort such as an
    edited ``schema_version``).
``Autograde.sanitize_preprocessors``: ``ControleerInlevering`` first
    prunes ``autograded/<student>/<opdracht>/`` to the allow-list (before any kernel
    starts) and rebuilds the notebook from the gradebook's cells
    (:func:`werkalliantie.begeleiden.nakijken.inlevering.herbouw`). nbgrader's own steps after it
    (``DeduplicateIds``, ``OverwriteCells``, ``CheckCellMetadata``...) then find nothing
    to repair.
``Autograde.autograde_preprocessors``: ``Poortwachter`` before ``Execute``
    checks again, independently, that every code cell about to run is the course's own;
    if not, or if the first check did not run, it fails closed (every automatic item 0).
    It also validates the graded keys (pydantic, here in the grader's process) and hands
    them to the kernels as plain JSON, so no grading kernel imports pydantic or yaml.
    After ``Execute``: ``EisPunten`` (a graded test cell with neither a number nor an
    error gets an error: nbgrader would give it full points) and
    ``MaakUitvoerOnschadelijk`` (outputs cleaned).
``GenerateFeedback.preprocessors``: ``RuimFeedbackOp`` first
    leaves only the feedback pages in ``feedback/<student>/<opdracht>/``.
``HTMLExporter.preprocessors = [MaakOnschadelijk]``
    the formgrader's submission view and the feedback pages show every Markdown cell and
    output cleaned by nh3 (nbgrader's templates render Markdown unsanitised).

Findings go to the nbgrader log, to ``nakijkrapport.md`` in the course folder and to a
notice at the top of the student's notebook (and so the feedback).
"""

from __future__ import annotations

import datetime
import json
import os
import traceback
from pathlib import Path

import nbformat
from nbconvert.exporters import NotebookExporter
from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor

from werkalliantie.begeleiden.nakijken import (
    inlevering,
    onschadelijk,
    quarantaine,
    rapport,
    sleutels,
)
from werkalliantie.begeleiden.nakijken.inlevering import Cursuscel, Melding
from werkalliantie.leren.antwoorden import lees_bestand
from werkalliantie.leren.tekst import leesbaar

SLEUTEL = inlevering.METADATA_SLEUTEL


# --- Where we are: the converter, the course folder, the gradebook's cells ---------------

def _converter(stap):
    """The nbgrader converter that runs this exporter or preprocessor, if any."""
    ouder = getattr(stap, "parent", None)
    while ouder is not None and not hasattr(ouder, "coursedir"):
        ouder = getattr(ouder, "parent", None)
    return ouder


def _cursusmap(stap) -> CourseDirectory:
    converter = _converter(stap)
    if converter is not None and converter.coursedir is not None:
        return converter.coursedir
    return CourseDirectory(config=stap.config)


def _map(coursedir: CourseDirectory, soort: str, student: str, opdracht: str) -> Path:
    return Path(coursedir.format_path(getattr(coursedir, soort), student, opdracht))


def _volgorde(coursedir: CourseDirectory, opdracht: str, notebook: str) -> list[str]:
    """The grade_ids in the order of the course's source notebook (if it can be read)."""
    pad = _map(coursedir, "source_directory", ".", opdracht) / f"{notebook}.ipynb"
    try:
        bron = nbformat.read(pad, as_version=4)
    except Exception:
        return []
    return [c.metadata["nbgrader"]["grade_id"] for c in bron.cells
            if isinstance(c.metadata.get("nbgrader"), dict)
            and isinstance(c.metadata["nbgrader"].get("grade_id"), str)]


def cursuscellen(db_url: str, opdracht: str, notebook: str, stap=None,
                 volgorde: list[str] | None = None) -> tuple[list[Cursuscel], dict | None]:
    """The course's cells of one notebook, as the gradebook holds them, and its kernelspec.

    The gradebook keeps no cell order: the source notebook gives it (cells it does not
    list follow in the gradebook's order).
    """
    verberg = ClearHiddenTests(parent=stap) if stap is not None else ClearHiddenTests()
    with Gradebook(db_url) as gb:
        nb = gb.find_notebook(notebook, opdracht)
        punten = {c.name: float(c.max_score) for c in nb.grade_cells}
        oplossing = {c.name for c in nb.solution_cells}
        taak = {c.name for c in nb.task_cells}
        kernelspec = json.loads(nb.kernelspec) if nb.kernelspec else None
        cellen = []
        for bron in nb.source_cells:
            vrijgegeven = bron.source or ""
            if bron.locked:
                kopie = NotebookNode(cell_type=bron.cell_type, source=vrijgegeven, metadata={})
                try:
                    verberg._remove_hidden_test_region(kopie)
                    vrijgegeven = kopie.source
                except RuntimeError:
                    pass
            cellen.append(Cursuscel(
                naam=bron.name, celtype=bron.cell_type, bron=bron.source or "",
                checksum=bron.checksum, vergrendeld=bool(bron.locked),
                punten=punten.get(bron.name), oplossing=bron.name in oplossing,
                taak=bron.name in taak, vrijgegeven=vrijgegeven))
    plaats = {naam: i for i, naam in enumerate(volgorde or [])}
    cellen.sort(key=lambda c: plaats.get(c.naam, len(plaats)))  # stable: gradebook order
    return cellen, kernelspec


def _noteer(stap, resources, soort: str, meldingen: list[Melding]) -> None:
    info = resources["nbgrader"]
    for melding in meldingen:
        stap.log.warning("Inlevering van %s (%s, %s): %s", info["student"],
                         info["assignment"], info["notebook"], melding.docent)
    try:
        rapport.noteer(Path(_cursusmap(stap).root), info["assignment"], info["student"],
                       info["notebook"], soort, [m.docent for m in meldingen])
    except Exception:  # the report is for reading; grading goes on without it
        stap.log.error("Het nakijkrapport kon niet worden bijgewerkt:\n%s",
                       traceback.format_exc())


def apart_gezet(coursedir: CourseDirectory, student: str, opdracht: str) -> list[Melding]:
    """Notices for what the course set apart from this submission before nbgrader copied it
    (:mod:`.quarantaine`)."""
    map_ = quarantaine.map_van(Path(coursedir.root), student, opdracht)
    uit = []
    for a in quarantaine.lees(map_):
        naam = leesbaar(a.pad, 200)
        uit.append(Melding(
            "apart-gezet", f"'{naam}' apart gezet in {map_.relative_to(coursedir.root)}/ "
            f"(niet gekopieerd, niet nagekeken): {a.reden}.",
            f"Je bestand '{naam}' is niet nagekeken: {a.reden}."))
    return uit


def _noteer_kenmerken(stap, resources, nb, autograded: Path) -> None:
    """Fingerprints of this hand-in for the grading report's check for copied work."""
    info = resources["nbgrader"]
    cellen = {inlevering._grade_id(c): c for c in nb.cells}
    open_antwoorden = {}
    for gid, tekst in inlevering.antwoordteksten(nb).items():
        cel = cellen.get(gid)
        meta = cel.get("metadata", {}).get("nbgrader", {}) if cel is not None else {}
        if meta.get("solution"):
            open_antwoorden[gid] = tekst
    tijden: list[str] = []
    bestand = autograded / inlevering.ANTWOORDBESTANDEN[0]
    if inlevering._geen_gewoon_bestand(bestand, inlevering.MAX_ANTWOORDBESTAND_BYTES) is None:
        tijden = [f"{vraag}@{a.opgeslagen}" for vraag, a in
                  lees_bestand(bestand).antwoorden.items() if a.opgeslagen]
    rapport.noteer_kenmerken(Path(_cursusmap(stap).root), info["assignment"], info["student"],
                             info["notebook"], open_antwoorden, tijden)


# --- Reading a submitted notebook --------------------------------------------------------

class VeiligNotebookExporter(NotebookExporter):
    """nbgrader's notebook exporter, reading the file as untrusted JSON.

    Used for both phases of autograde: the submission and then our own rebuilt notebook.
    A notebook that cannot be read becomes an empty notebook; the reason travels in
    ``resources["werkalliantie"]["leesfout"]`` to :class:`ControleerInlevering`.
    """

    def from_filename(self, filename, resources=None, **kw):
        if resources is None:
            resources = ResourcesDict()
        if "metadata" not in resources or resources["metadata"] == "":
            resources["metadata"] = ResourcesDict()
        pad = Path(filename)
        resources["metadata"]["name"] = pad.stem
        resources["metadata"]["path"] = str(pad.parent)
        try:
            tijd = os.lstat(pad).st_mtime
        except OSError:
            tijd = 0
        resources["metadata"]["modified_date"] = datetime.datetime.fromtimestamp(
            tijd, tz=datetime.timezone.utc).strftime("%B %-d, %Y")
        tekens: list[Melding] = []
        data, aantal, fout = inlevering.lees_notebook(pad, tekens)
        eigen = resources.setdefault(SLEUTEL, {})
        eigen["leesfout"] = fout
        eigen["aantal_cellen"] = aantal
        eigen["tekens"] = tekens
        metadata = {}
        if data is not None:
            metadata = {k: v for k, v in data.get("metadata", {}).items()
                        if k in ("kernelspec", SLEUTEL) and isinstance(v, dict)} \
                if isinstance(data.get("metadata"), dict) else {}
        nb = nbformat.from_dict({"cells": data["cells"] if data else [], "metadata": metadata,
                                 "nbformat": 4, "nbformat_minor": 5})
        return self.from_notebook_node(nb, resources=resources, **kw)


# --- Autograde, sanitize phase -----------------------------------------------------------

class ControleerInlevering(NbGraderPreprocessor):
    """Prune the autograded folder to the allow-list; rebuild the notebook from the
    gradebook. Put it first in ``Autograde.sanitize_preprocessors``."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        opdracht, student, notebook = info["assignment"], info["student"], info["notebook"]
        coursedir = _cursusmap(self)
        # The gradebook is the grading tools' own: if it cannot be read, nbgrader's own
        # error handling applies (it stops the run for everyone: nothing can be graded).
        cursus, kernelspec = cursuscellen(info["db_url"], opdracht, notebook, self,
                                          _volgorde(coursedir, opdracht, notebook))
        eigen = resources.get(SLEUTEL, {})
        meldingen: list[Melding] = [*apart_gezet(coursedir, student, opdracht),
                                    *eigen.get("tekens", [])]
        autograded = _map(coursedir, "autograded_directory", student, opdracht)
        try:
            meldingen += inlevering.snoei(
                autograded, _map(coursedir, "submitted_directory", student, opdracht),
                self._notebooks(info), self._cursusbestanden(coursedir, opdracht))
            uitkomst = inlevering.herbouw(nb, cursus, kernelspec, eigen.get("leesfout"),
                                          eigen.get("aantal_cellen"), meldingen)
            meldingen = uitkomst.meldingen
            nieuw = nbformat.from_dict(uitkomst.notebook)
            nbformat.validate(nieuw)
        except Exception:
            self.log.error("Controle van de inlevering van %s mislukt:\n%s", student,
                           traceback.format_exc())
            reden = Melding("controle-mislukt",
                            "De controle van deze inlevering liep vast: de automatische "
                            "onderdelen krijgen 0 punten. Een open antwoord blijft staan: "
                            "kijk het met de hand na.",
                            inlevering.NIET_NAGEKEKEN)
            meldingen.append(reden)
            try:
                teksten = inlevering.antwoordteksten(nb)
            except Exception:  # noqa: BLE001
                teksten = {}
            nieuw = nbformat.from_dict(inlevering.dichte_versie(cursus, kernelspec, reden,
                                                                teksten))
        _noteer(self, resources, "controle", meldingen)
        try:
            _noteer_kenmerken(self, resources, nieuw, autograded)
        except Exception:  # the report is for reading; grading goes on without it
            self.log.error("Kenmerken voor het nakijkrapport mislukt:\n%s",
                           traceback.format_exc())
        return nieuw, resources

    @staticmethod
    def _notebooks(info) -> list[str]:
        with Gradebook(info["db_url"]) as gb:
            return [n.name for n in gb.find_assignment(info["assignment"]).notebooks]

    def _cursusbestanden(self, coursedir: CourseDirectory, opdracht: str) -> list[str]:
        """Files nbgrader copies from source/ over the student's (not kept as theirs)."""
        bron = _map(coursedir, "source_directory", ".", opdracht)
        if not bron.is_dir():
            return []
        eigen = set(getattr(_converter(self), "exclude_overwriting", {}).get(opdracht, []))
        bestanden = utils.find_all_files(str(bron), coursedir.ignore + ["*.ipynb"])
        return [r for r in (os.path.relpath(p, bron) for p in bestanden) if r not in eigen]


# --- Autograde, autograde phase ----------------------------------------------------------

class Poortwachter(NbGraderPreprocessor):
    """Just before ``Execute``: run only the course's own code cells, or fail closed; and
    the graded keys ready for the hidden tests (:func:`sleutels.bereid_voor`). A key that is
    missing or wrong gives its question 0 points with the Dutch reason (and a line in the
    log); every other question is graded."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        coursedir = _cursusmap(self)
        for opgave, fout in sorted(sleutels.bereid_voor(Path(coursedir.root)).items()):
            self.log.error("Antwoordmodel van %s: %s", opgave, fout)
        cursus, kernelspec = cursuscellen(info["db_url"], info["assignment"],
                                          info["notebook"], self,
                                          _volgorde(coursedir, info["assignment"],
                                                    info["notebook"]))
        dicht = inlevering.is_dicht(nb)
        try:
            reden = inlevering.controleer_uitvoerbaar(nb, cursus)
        except Exception:
            self.log.error("Poortwachter: %s", traceback.format_exc())
            reden = "de controle voor het uitvoeren liep vast"
        if dicht is not None:
            # closed by the check before (ControleerInlevering): nbgrader's own steps since
            # then (OverwriteCells) restored the course's tests; close it again
            teksten = inlevering.antwoordteksten(nb)
            _noteer(self, resources, "poort", [])
            return nbformat.from_dict(inlevering.dichte_versie(cursus, kernelspec, dicht,
                                                               teksten)), resources
        if reden is None:
            _noteer(self, resources, "poort", [])
            return nb, resources
        melding = Melding("niet-uitgevoerd",
                          f"Niet uitgevoerd: {reden}. De automatische onderdelen krijgen 0 "
                          "punten. Een open antwoord blijft staan: kijk de inlevering met de "
                          "hand na.",
                          inlevering.NIET_NAGEKEKEN)
        teksten = inlevering.antwoordteksten(nb)
        _noteer(self, resources, "poort", [melding])
        return nbformat.from_dict(inlevering.dichte_versie(cursus, kernelspec, melding,
                                                           teksten)), resources


class EisPunten(NbGraderPreprocessor):
    """After ``Execute``: a graded test cell must show a number or an error.

    nbgrader gives full points to a graded code cell that shows neither (also when its
    last value is not a number); this step adds an error to such a cell, so it scores 0,
    and reports it: it means the course's test is broken, not that the student was right.
    """

    def preprocess(self, nb, resources):
        kapot = []
        for cel in nb.cells:
            if cel.cell_type != "code" or not utils.is_grade(cel) or utils.is_solution(cel):
                continue
            if not _beslist(cel):
                kapot.append(cel.metadata["nbgrader"]["grade_id"])
                cel.outputs.append(nbformat.v4.new_output(
                    "error", ename="GeenPunten",
                    evalue="Deze toets gaf geen punten. Daarom 0 punten.",
                    traceback=["GeenPunten: deze toets gaf geen punten. Daarom 0 punten."]))
        _noteer(self, resources, "punten", [Melding(
            "toets-zonder-punten", f"Toetscel {gid} gaf geen getal en geen fout: 0 punten. "
            "Controleer de verborgen toets.", "") for gid in kapot])
        return nb, resources


def _beslist(cel) -> bool:
    """True when nbgrader can score the cell from its output: an error, stderr, or a
    number between 0 and the maximum as the last value."""
    for uitvoer in cel.outputs:
        if uitvoer.output_type == "error" or (
                uitvoer.output_type == "stream" and uitvoer.get("name") == "stderr"):
            return True
        if uitvoer.output_type == "execute_result":
            waarde = uitvoer.get("data", {}).get("text/plain")
            if isinstance(waarde, list):
                waarde = waarde[0] if len(waarde) == 1 else None
            try:
                getal = float(waarde)
            except (TypeError, ValueError):
                return False
            maximum = float(cel.metadata["nbgrader"].get("points", 0))
            return 0 <= getal <= maximum  # NaN fails both comparisons
    return False


class MaakUitvoerOnschadelijk(NbGraderPreprocessor):
    """Clean every output (HTML through nh3; scripts, SVG and widget state dropped)."""

    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)
        for cel in nb.cells:
            if cel.get("cell_type") == "code":
                cel.outputs = [onschadelijk.schone_uitvoer(u) for u in cel.get("outputs", [])]
        return nb, resources


# --- Showing a notebook as HTML: formgrader and feedback ---------------------------------

class MaakOnschadelijk(MaakUitvoerOnschadelijk):
    """For ``HTMLExporter.preprocessors``: every Markdown cell as cleaned HTML, raw cells
    as escaped text, every output cleaned. Runs in the formgrader (its submission view)
    and in ``generate_feedback``."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        for cel in nb.cells:
            if cel.get("cell_type") == "markdown":
                bron = cel.source if isinstance(cel.source, str) else ""
                cel.source = onschadelijk.markdown_als_blok(bron, "werkalliantie-tekst")
                cel.pop("attachments", None)
            elif cel.get("cell_type") == "raw":
                cel.cell_type = "markdown"
                cel.source = onschadelijk.tekst_als_blok("Ruwe cel", str(cel.source))
                cel.metadata.pop("raw_mimetype", None)
                cel.metadata.pop("format", None)
        return nb, resources


class RuimFeedbackOp(NbGraderPreprocessor):
    """First in ``GenerateFeedback.preprocessors``: ``feedback/<student>/<opdracht>/``
    keeps only the feedback pages (nbgrader copies every other file from autograded/), and
    nbgrader's own ``timestamp.txt`` and ``submission_secret.txt``, which its exchange needs
    to release the feedback."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        coursedir = _cursusmap(self)
        map_ = _map(coursedir, "feedback_directory", info["student"], info["assignment"])
        with Gradebook(info["db_url"]) as gb:
            paginas = {f"{n.name}.html" for n in gb.find_assignment(info["assignment"]).notebooks}
        if map_.is_dir():
            for pad in list(map_.iterdir()):
                van_nbgrader = (pad.name in inlevering.NBGRADER_BESTANDEN
                                and pad.stat(follow_symlinks=False).st_size <= 200)
                if ((pad.name not in paginas and not van_nbgrader) or pad.is_symlink()
                        or not pad.is_file()):
                    inlevering._verwijder(pad)
        return nb, resources
