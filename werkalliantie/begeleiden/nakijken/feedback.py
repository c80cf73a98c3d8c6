"""The student's feedback page, through nbgrader's own template mechanism.

``nbgrader generate_feedback`` turns each graded notebook into HTML with nbconvert's
``HTMLExporter`` and a template. nbgrader's own template shows every cell: the course's
code (``opgave("denise-b")``, the hidden tests' calls), a widget's repr, English labels
("Test cell", "Student's answer") and MathJax from a CDN. The course promises learners no
code and Dutch everywhere, so ``exercises/nbgrader_config.py`` sets, for
``generate_feedback`` only:

- ``GenerateFeedback.exporter_class = Feedbackpagina``: nbgrader's HTML exporter with the
  course's template ``werkalliantie-feedback`` (in this package, ``sjablonen/``);
- :class:`Feedbackgegevens` after nbgrader's ``GetGrades`` in
  ``GenerateFeedback.preprocessors``: it reads the graded notebook (the points nbgrader put
  on each cell, what each hidden test printed, the open answer the course kept, the
  grader's comment) into plain data, ``resources["werkalliantie"]["feedback"]``.

The template renders only that data: per question its title, per part its Dutch name,
points and the feedback text the kind wrote; the open answer as escaped text; the notices
of the grading. It has no cell, no script and no link to another host. Every text in the
data is escaped here, with the course's one escaper (:func:`~werkalliantie.leren.tekst.html_tekst`).
"""

from __future__ import annotations

from pathlib import Path

from nbconvert.exporters import HTMLExporter
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets.config import Config

from werkalliantie.begeleiden.nakijken.inlevering import METADATA_SLEUTEL
from werkalliantie.begeleiden.nakijken.klaarzetten import cel_antwoord, cel_opgave, cel_toets
from werkalliantie.leren import opgaven
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven.model import laad_opdracht
from werkalliantie.leren.opgaven.resultaat import getal
from werkalliantie.leren.tekst import html_tekst

SJABLONEN = Path(__file__).parent / "sjablonen"
SJABLOON = "werkalliantie-feedback"
MAX_ANTWOORD = 50_000


def _tekst(cel) -> list[str]:
    """What a cell printed (its stdout), line by line."""
    regels: list[str] = []
    for uitvoer in cel.get("outputs", []) if cel is not None else []:
        if uitvoer.get("output_type") == "stream" and uitvoer.get("name") == "stdout":
            tekst = uitvoer.get("text", "")
            tekst = "".join(tekst) if isinstance(tekst, list) else str(tekst)
            regels += [r for r in tekst.splitlines() if r.strip()]
    return regels


def _punten(cel) -> tuple[float | None, float]:
    meta = cel.get("metadata", {}).get("nbgrader", {}) if cel is not None else {}
    score = meta.get("score")
    try:
        maximum = float(meta.get("points", 0) or 0)
    except (TypeError, ValueError):
        maximum = 0.0
    try:
        return (None if score is None else float(score)), maximum
    except (TypeError, ValueError):
        return None, maximum


def _puntentekst(punten: float | None, maximum: float) -> str:
    eenheid = "punt" if maximum == 1 else "punten"
    if punten is None:
        return f"nog niet nagekeken (hooguit {getal(maximum)} {eenheid})"
    return f"{getal(punten)} van {getal(maximum)} {eenheid}"


def _html_regels(regels: list[str]) -> list[str]:
    return [html_tekst(r) for r in regels]


def _open_antwoord(cel, wachtend: set[str]) -> dict:
    """An open answer: the student's text (kept by the course when it rebuilt the
    notebook), points (none while it waits for manual grading), and the grader's comment."""
    meta = cel.get("metadata", {}) if cel is not None else {}
    eigen = meta.get(METADATA_SLEUTEL) if isinstance(meta.get(METADATA_SLEUTEL), dict) else {}
    antwoord = eigen.get("antwoord") if isinstance(eigen.get("antwoord"), str) else None
    punten, maximum = _punten(cel)
    if meta.get("nbgrader", {}).get("grade_id") in wachtend:
        punten = None
    opmerking = meta.get("nbgrader", {}).get("comment") if cel is not None else None
    return {
        "antwoord_html": html_tekst(antwoord, MAX_ANTWOORD) if antwoord and antwoord.strip() else "",
        "punten": _puntentekst(punten, maximum),
        "opmerking_html": html_tekst(opmerking, 10_000) if isinstance(opmerking, str)
        and opmerking.strip() else "",
    }


def gegevens(nb, resources, wachtend: set[str] = frozenset()) -> dict:
    """The feedback page's data for one graded notebook (after nbgrader's ``GetGrades``);
    ``wachtend``: the grade_ids of answers that still wait for manual grading."""
    info = resources.get("nbgrader", {})
    opdracht = info.get("assignment", "")
    cellen = {}
    toegevoegd = []
    for cel in nb.get("cells", []):
        gid = cel.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if isinstance(gid, str) and gid not in cellen:
            cellen[gid] = cel
        eigen = cel.get("metadata", {}).get(METADATA_SLEUTEL)
        if isinstance(eigen, dict) and eigen.get("soort") == "toegevoegd":
            toegevoegd.append(cel)
    try:
        record = laad_opdracht(opdracht)
        titel, vragen = record.titel, list(record.opgaven)
    except CursusFout:
        titel, vragen = opdracht, []
    onderdelen = []
    gebruikt = set()
    for nummer, vraag_id in enumerate(vragen, 1):
        try:
            opgave = opgaven.laad_opgave(vraag_id)
        except CursusFout:
            continue
        vraag = {"titel_html": html_tekst(f"{nummer}. {opgave.titel}"), "delen": [],
                 "open": [], "samenvatting_html": []}
        opgavecel = cellen.get(cel_opgave(vraag_id))
        vraag["samenvatting_html"] = _html_regels(_tekst(opgavecel))
        for deel in opgaven.onderdelen(opgave):
            if deel.handmatig:
                naam = cel_antwoord(vraag_id)
                open_ = _open_antwoord(cellen.get(naam), wachtend)
                open_["naam_html"] = html_tekst(deel.naam)
                vraag["open"].append(open_)
            else:
                naam = cel_toets(vraag_id, deel.id)
                cel = cellen.get(naam)
                punten, maximum = _punten(cel)
                vraag["delen"].append({"naam_html": html_tekst(deel.naam),
                                       "punten": _puntentekst(punten, maximum),
                                       "feedback_html": _html_regels(_tekst(cel))})
            gebruikt.add(naam)
        onderdelen.append(vraag)
    # graded cells the course's records do not name (an instructor's own assignment)
    overig = {"titel_html": html_tekst("Andere onderdelen"), "delen": [], "open": [],
              "samenvatting_html": []}
    for gid, cel in cellen.items():
        meta = cel.get("metadata", {}).get("nbgrader", {})
        if gid in gebruikt or not meta.get("grade"):
            continue
        if meta.get("solution") and cel.get("cell_type") == "markdown":
            open_ = _open_antwoord(cel, wachtend)
            open_["naam_html"] = html_tekst(gid)
            overig["open"].append(open_)
        else:
            punten, maximum = _punten(cel)
            overig["delen"].append({"naam_html": html_tekst(gid),
                                    "punten": _puntentekst(punten, maximum),
                                    "feedback_html": _html_regels(_tekst(cel))})
    if overig["delen"] or overig["open"]:
        onderdelen.append(overig)
    nakijken = nb.get("metadata", {}).get(METADATA_SLEUTEL, {}).get("nakijken", {})
    meldingen = nakijken.get("teksten", []) if isinstance(nakijken, dict) else []
    score, maximum, aftrek = info.get("score"), info.get("max_score"), info.get("late_penalty")
    return {
        "titel_html": html_tekst(titel),
        "student_html": html_tekst(info.get("student", "")),
        "totaal": _puntentekst(None if score is None else float(score), float(maximum or 0)),
        "nog_niet_alles": bool(wachtend),
        "aftrek": getal(float(aftrek)) if aftrek else "",
        "meldingen_html": [html_tekst(m) for m in meldingen if isinstance(m, str)],
        "toegevoegd": len(toegevoegd),
        "vragen": onderdelen,
    }


class Feedbackgegevens(NbGraderPreprocessor):
    """In ``GenerateFeedback.preprocessors``, after nbgrader's ``GetGrades``: the page's data."""

    def preprocess(self, nb, resources):
        resources.setdefault(METADATA_SLEUTEL, {})["feedback"] = gegevens(
            nb, resources, self._wachtend(resources))
        return nb, resources

    @staticmethod
    def _wachtend(resources) -> set[str]:
        from nbgrader.api import Gradebook, MissingEntry

        from werkalliantie.begeleiden.nakijken.cijfers import wacht_op_de_hand

        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            try:
                nb = gb.find_submission_notebook(info["notebook"], info["assignment"],
                                                 info["student"])
            except MissingEntry:
                return set()
            return {g.name for g in nb.grades if wacht_op_de_hand(g)}


class Feedbackpagina(HTMLExporter):
    """nbgrader's HTML exporter with the course's feedback template (for
    ``GenerateFeedback.exporter_class``). Its own section of the configuration outranks the
    ``HTMLExporter`` settings ``generate_feedback`` makes for nbgrader's template; the
    formgrader, which uses ``HTMLExporter`` itself, keeps its own."""

    def __init__(self, config=None, **kwargs):
        eigen = Config(config) if config is not None else Config()
        basis = list(eigen.HTMLExporter.get("extra_template_basedirs", []))
        eigen.Feedbackpagina.template_name = SJABLOON
        eigen.Feedbackpagina.extra_template_basedirs = [str(SJABLONEN), *basis]
        eigen.Feedbackpagina.exclude_input = True
        super().__init__(config=eigen, **kwargs)
