"""The nbgrader assignments, made from the question records.

``data/opdrachten.yaml`` says which questions make up each assignment. From that and the
records, :func:`maak_bron` writes ``source/<opdracht>/<opdracht>.ipynb``: every cell is
one call or text from a record, every cell is locked, and each graded part's points come
from its record. So a question's text and points are written once, and nbgrader's points
can never drift from them. Then ``nbgrader generate_assignment`` makes the student
version as usual.

``werkalliantie klaarzetten [OPDRACHT ...]`` (``make opdrachten``) does both, in the course
folder. Without arguments: every assignment. A notebook in ``source/`` that this module did
not write is never overwritten.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat

from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import BESTANDSNAAM
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven import Opgave
from werkalliantie.leren.opgaven.model import Opdracht

REPOSITORY = Path(__file__).resolve().parents[3]
CURSUSMAP = REPOSITORY / "exercises"
# What a course folder holds before anything is made or handed in: nbgrader's settings and
# the graded keys. Everything else in it is made by the commands.
CURSUSBESTANDEN = ("nbgrader_config.py", "sleutels")
SCHEMA = 3  # nbgrader's cell metadata schema
MERK = "werkalliantie"  # notebook metadata: written by this module


class Klaarzetfout(CursusFout):
    """An assignment cannot be made; the message says why (Dutch, for the instructor)."""


# --- The source notebook -------------------------------------------------------------------

def _meta(grade_id: str, *, punten: float | None = None, oplossing: bool = False) -> dict:
    meta = {"grade": punten is not None, "grade_id": grade_id, "locked": not oplossing,
            "schema_version": SCHEMA, "solution": oplossing, "task": False}
    if punten is not None:
        meta["points"] = int(punten) if float(punten).is_integer() else punten
    return {"nbgrader": meta}


def _tekst(bron: str, grade_id: str, **kwargs) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(bron, metadata=_meta(grade_id, **kwargs))


def _code(bron: str, grade_id: str, **kwargs) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(bron, metadata=_meta(grade_id, **kwargs))


def _inleiding(opdracht: Opdracht, vragen: list[Opgave]) -> str:
    open_vragen = any(opgaven.onderdelen(v)[0].handmatig for v in vragen)
    stappen = [
        "Kies in het menu **Run** de opdracht **Run All Cells**. Dan verschijnen de vragen.",
        f"Beantwoord elke vraag en klik op **Opslaan**. Je antwoord komt in het bestand "
        f"`{BESTANDSNAAM}`, naast dit notebook.",
        *(["Schrijf je antwoord op de open vragen in de cel onder de vraag. Dubbelklik op "
           "die cel om te typen."] if open_vragen else []),
        f"Lever dit notebook in, samen met het bestand `{BESTANDSNAAM}`. Zonder dat "
        "bestand kan je docent je antwoorden niet nakijken.",
    ]
    genummerd = "\n".join(f"{n}. {s}" for n, s in enumerate(stappen, 1))
    nakijken = ("- Voor je inlevert, zie je alleen of je alles hebt ingevuld. Het "
                "antwoordmodel zie je niet. Na het nakijken lees je in je feedback hoeveel "
                "punten je per onderdeel krijgt.")
    if open_vragen:
        nakijken += "\n- Je docent kijkt de open vragen met de hand na."
    return (f"# Opdracht: {opdracht.titel}\n\n{opdracht.inleiding.strip()}\n\n"
            f"**Zo werk je:**\n\n{genummerd}\n\n**Zo wordt je antwoord nagekeken:**\n\n{nakijken}\n")


# The grade_ids of a question's cells (the feedback page and the grading report read them).
def cel_toets(vraag: str, deel: str) -> str:
    return f"toets-{vraag}-{deel}"


def cel_antwoord(vraag: str) -> str:
    return f"antwoord-{vraag}"


def cel_opgave(vraag: str) -> str:
    return f"opgave-{vraag}"


def _cellen_van(opgave: Opgave, nummer: int) -> list[nbformat.NotebookNode]:
    delen = opgaven.onderdelen(opgave)
    if all(d.handmatig for d in delen):  # an open question: nbgrader's own manual cells
        return [
            _tekst(f"## {nummer}. {opgave.titel}\n\n{opgave.vraag}\n\n"
                   "Schrijf je antwoord in de cel hieronder.", f"vraag-{opgave.id}"),
            _tekst("Schrijf hier je antwoord.", cel_antwoord(opgave.id),
                   punten=opgave.punten[delen[0].id], oplossing=True),
        ]
    cellen = [
        _tekst(f"## {nummer}. {opgave.titel}", f"kop-{opgave.id}"),
        _code(f"# Vul alles in en klik op Opslaan.\nfrom werkalliantie.leren.widgets import opgave\n"
              f'opgave("{opgave.id}")', cel_opgave(opgave.id)),
    ]
    for deel in delen:
        cellen.append(_code(
            f"# Nakijken: {deel.naam}. Deze cel geeft je punten na het inleveren.\n"
            "### BEGIN HIDDEN TESTS\nfrom werkalliantie.begeleiden.nakijken.toets import punten\n"
            f'punten("{opgave.id}", "{deel.id}")\n### END HIDDEN TESTS',
            cel_toets(opgave.id, deel.id), punten=opgave.punten[deel.id]))
    return cellen


def bronnotebook(opdracht: Opdracht) -> nbformat.NotebookNode:
    """The source notebook of an assignment, made from its records."""
    vragen = [opgaven.laad_opgave(i) for i in opdracht.opgaven]
    cellen = [_tekst(_inleiding(opdracht, vragen), "uitleg")]
    for nummer, vraag in enumerate(vragen, 1):
        cellen.extend(_cellen_van(vraag, nummer))
    nb = nbformat.v4.new_notebook(cells=cellen, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        MERK: {"gemaakt_uit": "data/opdrachten.yaml", "opdracht": opdracht.id},
    })
    for cel in nb.cells:  # stable ids: the same records give the same file
        cel.id = cel.metadata["nbgrader"]["grade_id"][:64]
    return nb


def maak_bron(cursus: Cursusmap | Path, opdracht: Opdracht) -> Path:
    """Write ``source/<opdracht>/<opdracht>.ipynb``; refuse to overwrite a notebook that
    someone wrote by hand."""
    map_bron = Cursusmap.van(cursus).map("source", ".", opdracht.id)
    pad = map_bron / f"{opdracht.id}.ipynb"
    if pad.exists() and MERK not in nbformat.read(pad, as_version=4).metadata:
        raise Klaarzetfout(f"{pad} is niet door de cursus gemaakt. Dat bestand overschrijven "
                         "we niet: geef de opdracht een andere naam, of haal het weg.")
    # autograde would copy an answer file from source/ over every student's own file
    verboden = sorted(p.name for p in map_bron.rglob("antwoorden*.json")) if map_bron.exists() else []
    if verboden:
        raise Klaarzetfout(f"In {map_bron} staat {', '.join(verboden)}. Een antwoordbestand hoort "
                         "nooit in source/: haal het weg en probeer het opnieuw.")
    map_bron.mkdir(parents=True, exist_ok=True)
    nbformat.write(bronnotebook(opdracht), pad)
    return pad


# --- The student version ------------------------------------------------------------------

def _nbgrader(*args: str, map_: Path) -> None:
    bin_ = Path(sys.executable).parent
    programma = bin_ / "nbgrader"
    env = dict(os.environ)
    env["PATH"] = f"{bin_}{os.pathsep}{env.get('PATH', '')}"  # nbgrader runs alembic
    klaar = subprocess.run([str(programma) if programma.exists() else "nbgrader", *args],
                           cwd=map_, env=env)
    if klaar.returncode != 0:
        raise Klaarzetfout(f"nbgrader {args[0]} is mislukt (code {klaar.returncode}). "
                         "Lees de melding hierboven.")


def maak_studentversies(cursus: Cursusmap | Path, opdrachten: list[Opdracht]) -> None:
    """The source notebooks of ``opdrachten``, then their student versions with nbgrader:
    one ``generate_assignment`` for all when they are every assignment in source/."""
    cursus = Cursusmap.van(cursus)
    for opdracht in opdrachten:
        pad = maak_bron(cursus, opdracht)
        print(f"Opdracht gemaakt: {pad.relative_to(cursus.root)}")
    namen = [o.id for o in opdrachten]
    for naam in ["*"] if sorted(namen) == cursus.opdrachten() else namen:
        _nbgrader("generate_assignment", naam, "--force", map_=cursus.root)
    for naam in namen:
        print(f"Studentversie klaar: {cursus.map('release', '.', naam)}/")


def nieuwe_cursusmap(doel: Path, bron: Path = CURSUSMAP) -> Path:
    """A fresh course folder at ``doel`` with only the course's own files from ``bron``:
    for a rehearsal with a made-up class, a test or a benchmark, never the real one."""
    import shutil

    doel.mkdir(parents=True)
    for naam in CURSUSBESTANDEN:
        if (bron / naam).is_dir():
            shutil.copytree(bron / naam, doel / naam)
        else:
            shutil.copy2(bron / naam, doel / naam)
    return doel
