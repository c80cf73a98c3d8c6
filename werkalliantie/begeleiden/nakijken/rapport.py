"""The one Dutch grading report for the instructor: ``nakijkrapport.md`` in the course folder.

Every grading run writes it: ``nbgrader autograde``, the formgrader's button and
``werkalliantie nakijken`` alike, because the steps in nbgrader's chain record what they
find (:mod:`.beveiliging`, :mod:`.quarantaine`). Each check of a submission (per
assignment, student, notebook and step) replaces its own entry in ``.nakijkrapport.json``
under a file lock, so grading again, or several grading processes on disjoint groups of
students, leave one up-to-date report. The Markdown file is written from that data each
time:

- per assignment a table with a row for every graded student (also those with nothing to
  report), the notebook and what was found;
- pairs of hand-ins that may hold copied work (:func:`paren`): identical open answers
  after normalising white space (answers of at least :data:`MIN_WOORDEN` words that are not
  the released stub), or answer files with the same whole sequence of save times. That is
  something for the instructor to look at, never a grade change; identical choices alone
  are never flagged.

It holds only the course's own sentences and the ids the instructor gave (escaped): never a
student's text, never a name that could not be written (every text passes the course's
rules for untrusted text first).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from filelock import FileLock

from werkalliantie.leren.bestanden import schrijf_atomisch
from werkalliantie.leren.tekst import html_tekst, leesbaar

RAPPORT = "nakijkrapport.md"
GEGEVENS = ".nakijkrapport.json"
KENMERKEN = "__kenmerken__"  # per hand-in: fingerprints for copied work (not a finding)
STAPNAMEN = {"quarantaine": "vooraf apart gezet", "controle": "controle vooraf",
             "poort": "controle voor het uitvoeren", "punten": "controle van de punten",
             "nakijken": "het nakijken zelf"}
MIN_WOORDEN = 15  # an open answer shorter than this is not compared


def noteer(cursusmap: Path, opdracht: str, student: str, notebook: str, stap: str,
           regels: Iterable[str], eigen_rij: bool = True) -> None:
    """Record the findings of one step for one notebook (an empty list clears them, and
    still gives the student a row; with ``eigen_rij=False`` a row that is left empty goes)."""
    regels = [leesbaar(r, 2000) for r in regels]
    opdracht, student, notebook = (leesbaar(x, 200) for x in (opdracht, student, notebook))

    def wijzig(data: dict) -> None:
        per_notebook = data.setdefault(opdracht, {}).setdefault(student, {}).setdefault(
            notebook, {})
        if regels:
            per_notebook[stap] = {"tijd": datetime.now().astimezone().isoformat(
                timespec="seconds"), "regels": regels}
        else:
            per_notebook.pop(stap, None)
            if not per_notebook and not eigen_rij:
                data[opdracht][student].pop(notebook, None)
                if not data[opdracht][student]:
                    data[opdracht].pop(student)

    _werk_bij(Path(cursusmap), wijzig)


def noteer_kenmerken(cursusmap: Path, opdracht: str, student: str, notebook: str,
                     open_antwoorden: dict[str, str], opslagtijden: list[str]) -> None:
    """Record what copied work is recognised by: a hash of each open answer (white space
    normalised; short answers left out) and of the answer file's sequence of save times."""
    opdracht, student, notebook = (leesbaar(x, 200) for x in (opdracht, student, notebook))
    kenmerk = {"open": {}, "tijden": None}
    for cel, tekst in sorted(open_antwoorden.items()):
        woorden = leesbaar(tekst, 100_000).split()
        if len(woorden) >= MIN_WOORDEN:
            kenmerk["open"][leesbaar(cel, 200)] = _hash(" ".join(woorden))
    tijden = sorted(t for t in opslagtijden if t)
    if tijden:
        kenmerk["tijden"] = _hash("|".join(tijden))

    def wijzig(data: dict) -> None:
        data.setdefault(KENMERKEN, {}).setdefault(opdracht, {}).setdefault(student, {})[
            notebook] = kenmerk

    _werk_bij(Path(cursusmap), wijzig)


def _hash(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:20]


def _werk_bij(cursusmap: Path, wijzig) -> None:
    with FileLock(str(cursusmap / ".nakijkrapport.lock"), timeout=60):
        data = _lees(cursusmap / GEGEVENS)
        wijzig(data)
        schrijf_atomisch(cursusmap / GEGEVENS, json.dumps(data, ensure_ascii=False, indent=1))
        schrijf_atomisch(cursusmap / RAPPORT, _markdown(data))


def meldingen(cursusmap: Path) -> dict:
    """The recorded findings: {opdracht: {student: {notebook: {stap: {tijd, regels}}}}}."""
    return {k: v for k, v in _lees(Path(cursusmap) / GEGEVENS).items() if k != KENMERKEN}


def paren(cursusmap: Path, opdracht: str) -> list[tuple[str, str, str]]:
    """Pairs of students whose hand-ins of ``opdracht`` may hold copied work, with the
    reason in Dutch: (student, student, reason)."""
    return _paren(_lees(Path(cursusmap) / GEGEVENS).get(KENMERKEN, {}).get(opdracht, {}))


def _paren(per_student: dict) -> list[tuple[str, str, str]]:
    groepen: dict[tuple[str, str], list[str]] = {}
    for student, notebooks in sorted(per_student.items()):
        for notebook, kenmerk in sorted(notebooks.items()):
            if not isinstance(kenmerk, dict):
                continue
            for cel, waarde in (kenmerk.get("open") or {}).items():
                groepen.setdefault((f"het open antwoord in {cel} ({notebook}) is, op spaties "
                                    "na, precies gelijk", waarde), []).append(student)
            if kenmerk.get("tijden"):
                groepen.setdefault(("de antwoordbestanden hebben precies dezelfde reeks "
                                    "opslagtijden", kenmerk["tijden"]), []).append(student)
    uit = []
    for (reden, _), studenten in groepen.items():
        studenten = sorted(set(studenten))
        for i, a in enumerate(studenten):
            for b in studenten[i + 1:]:
                uit.append((a, b, reden))
    return sorted(uit)


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
        "Dit bestand maakt het nakijken zelf, bij elke keer nakijken (`nbgrader autograde`, "
        "de knop in de formgrader of `werkalliantie nakijken`). Elke nagekeken student heeft "
        "een regel. Staat er iets bij, dan was er iets niet in orde: die inlevering is zo ver "
        "nagekeken als veilig kon. De student leest dezelfde melding in de feedback.",
        "",
    ]
    for opdracht in sorted(k for k in data if k != KENMERKEN):
        regels += [f"## {_e(opdracht)}", "", "| Student | Notebook | Wat er aan de hand was |",
                   "| --- | --- | --- |"]
        for student in sorted(data[opdracht]):
            for notebook, stappen in sorted(data[opdracht][student].items()):
                bevindingen = [f"{STAPNAMEN.get(stap, stap)}: {regel}"
                               for stap in STAPNAMEN for regel in stappen.get(stap, {}).get(
                                   "regels", [])]
                tekst = "<br>".join(_e(b) for b in bevindingen) or "Geen bijzonderheden."
                regels.append(f"| {_e(student)} | {_e(notebook)} | {tekst} |")
        regels.append("")
        paren_ = _paren(data.get(KENMERKEN, {}).get(opdracht, {}))
        if paren_:
            regels += [
                "### Mogelijk overgenomen werk", "",
                "Bij deze inleveringen is iets precies gelijk. Dat is geen oordeel en de "
                "punten veranderen er niet door: kijk zelf of er iets aan de hand is. Gelijke "
                "keuzes alleen staan hier nooit.", "",
                "| Studenten | Wat er gelijk is |", "| --- | --- |",
                *(f"| {_e(a)} en {_e(b)} | {_e(reden)} |" for a, b, reden in paren_), ""]
    return "\n".join(regels) + "\n"
