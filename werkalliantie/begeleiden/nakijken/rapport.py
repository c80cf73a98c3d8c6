"""The Dutch grading report for the instructor: ``nakijkrapport.md`` in the course folder.

Every check of a submission (per assignment, student, notebook and step) replaces its own
entry in ``.nakijkrapport.json`` under a file lock, so grading again, or several grading
processes on disjoint groups of students, leave one up-to-date report. The Markdown file
is written from that data each time. It holds only our own sentences and the ids the
instructor gave (escaped): never a student's text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from filelock import FileLock

from werkalliantie.leren.bestanden import schrijf_atomisch
from werkalliantie.leren.tekst import html_tekst

RAPPORT = "nakijkrapport.md"
GEGEVENS = ".nakijkrapport.json"
STAPNAMEN = {"controle": "controle vooraf", "poort": "controle voor het uitvoeren",
             "punten": "controle van de punten"}


def noteer(cursusmap: Path, opdracht: str, student: str, notebook: str, stap: str,
           regels: Iterable[str]) -> None:
    """Record the findings of one step for one notebook (an empty list clears them)."""
    regels = list(regels)
    with FileLock(str(cursusmap / ".nakijkrapport.lock"), timeout=60):
        data = _lees(cursusmap / GEGEVENS)
        per_notebook = data.setdefault(opdracht, {}).setdefault(student, {}).setdefault(
            notebook, {})
        if regels:
            per_notebook[stap] = {"tijd": datetime.now().astimezone().isoformat(
                timespec="seconds"), "regels": regels}
        else:
            per_notebook.pop(stap, None)
        schrijf_atomisch(cursusmap / GEGEVENS, json.dumps(data, ensure_ascii=False, indent=1))
        schrijf_atomisch(cursusmap / RAPPORT, _markdown(data))


def meldingen(cursusmap: Path) -> dict:
    """The recorded findings: {opdracht: {student: {notebook: {stap: {tijd, regels}}}}}."""
    return _lees(cursusmap / GEGEVENS)


def _lees(pad: Path) -> dict:
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _e(tekst: str) -> str:
    return html_tekst(tekst).replace("|", "&#124;").replace("\n", " ")


def _markdown(data: dict) -> str:
    regels = [
        "# Nakijkrapport",
        "",
        "Dit bestand maakt het nakijken zelf (`nbgrader autograde`). Hier staan de "
        "inleveringen waarbij iets niet in orde was, met de reden. Zo'n inlevering is zo "
        "ver nagekeken als veilig kon. Alle andere inleveringen zijn gewoon nagekeken. De "
        "student leest dezelfde melding bovenaan in de feedback.",
        "",
    ]
    for opdracht in sorted(data):
        rijen = []
        for student in sorted(data[opdracht]):
            for notebook, stappen in sorted(data[opdracht][student].items()):
                for stap in ("controle", "poort", "punten"):
                    for regel in stappen.get(stap, {}).get("regels", []):
                        rijen.append(f"| {_e(student)} | {_e(notebook)} | "
                                     f"{STAPNAMEN[stap]} | {_e(regel)} |")
        regels += [f"## {_e(opdracht)}", ""]
        if rijen:
            regels += ["| Student | Notebook | Stap | Wat er aan de hand was |",
                       "| --- | --- | --- | --- |", *rijen, ""]
        else:
            regels += ["Geen bijzonderheden: alle inleveringen zijn gewoon nagekeken.", ""]
    return "\n".join(regels) + "\n"
