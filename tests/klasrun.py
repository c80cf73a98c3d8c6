"""The class of the tests: ONE course folder, graded ONCE, shared by every test of the
instructor's and the grader's side (issue 18: a test suite that runs in ten minutes).

One temporary course goes through every step of the instructor's guide
(``werkalliantie.begeleiden.nakijken.stappen.STAPPEN``) with the real commands, the
JupyterHub's exchange steps included (a temporary exchange folder). The keys carry canaries
(strings no answer contains). Who hands in:

- the guide's assignment (``OPDRACHT``): a simulated class of 12 from ``werkalliantie klas``
  (every kind of bad submission), handed in through nbgrader's exchange and collected, and
  2 students' right answers from a Brightspace download (``nbgrader zip_collect``); graded
  with the guide's ``werkalliantie nakijken`` (parallel). A copy taken just before is graded
  with plain ``nbgrader autograde``: the two gradebooks must agree cell by cell;
- every assignment: one to three example students whose answer files hold each kind's own
  examples (``voorbeelden()``: right, wrong of the right shape, invalid), shared out so that
  every kind hands in each of its three examples at least once (:func:`voorbeeldrollen`);
- one assignment (``CORPUSOPDRACHT``): the whole cheating and breaking corpus
  (tests/nakijkcorpus.py).

Everything but the guide's assignment is graded in ONE plain ``nbgrader autograde "*"``, with
kernels that may not import pydantic or yaml (tests/kernelblokkade). Then feedback for all,
manual grades as the formgrader saves them, feedback through the exchange, the grade export.
The course right after ``werkalliantie klaarzetten`` is kept too (``lege_cursus``), for tests
that need a fresh course with every assignment generated.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import zipfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import nbformat

from conftest import BIN, ROOT, omgeving
from nakijkcorpus import INLEVERINGEN, KANARIEVELDEN, plant_kanaries
from werkalliantie.begeleiden.nakijken import klas as klasmodule
from werkalliantie.begeleiden.nakijken.klaarzetten import nieuwe_cursusmap
from werkalliantie.begeleiden.nakijken.sleutels import lees_sleutel
from werkalliantie.begeleiden.nakijken.stappen import OPDRACHT, STAPPEN
from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.leren.opgaven.model import alle_opdrachten

CORPUSOPDRACHT = "juiste-match"  # the cheating corpus: one assignment, with an open question
AANTAL = 12
BRIGHTSPACE = {"s2000001": ("Yara", "van Dijk"), "s2000002": ("Ilias", "Haddou")}
VERLOPEN = datetime(2020, 1, 6, 12, 0)  # the due date the class misses
HANDMATIG = {"goed": 4.0, "deels": 2.0, "cel-toegevoegd": 1.0}  # open-question points by scenario
VOORBEELDEN = ("goed", "fout", "ongeldig")
OPEN_ANTWOORD = "Mijn uitleg bij deze vraag, in een paar zinnen."
BLOKKADE = ROOT / "tests" / "kernelblokkade"
# Canaries everywhere in the keys but in the example goals: a right goal IS the key's example.
KANARIES = KANARIEVELDEN - {"voorbeeld"}


LEGE_CURSUS_KLAAR = "lege-cursus.klaar"  # beside lege-cursus/, once it is complete


def voorbeeldstudent(nummer: int) -> str:
    return f"voorbeeld-{nummer}"


def _automatisch(opgave) -> bool:
    return not all(d.handmatig for d in opgaven.onderdelen(opgave))


def voorbeeldrollen() -> dict[str, list[dict[str, str]]]:
    """Per assignment, per example student (``voorbeeld-1`` …), the example each
    automatically graded question gets (``goed``, ``fout`` or ``ongeldig``).

    Every kind hands in each of its three examples at least once in the whole run, with as
    few hand-ins as that takes: a kind asked in five assignments spreads its three over
    them, one student each; a kind asked once needs three students there (issue 18: every
    autograde costs seconds)."""
    vragen = {o.id: [(v.id, v.soort) for v in map(opgaven.laad_opgave, o.opgaven)
                     if _automatisch(v)]
              for o in alle_opdrachten().values()}
    over = Counter(soort for lijst in vragen.values() for _, soort in lijst)  # still to come
    gebruikt: Counter = Counter()  # each kind's examples so far, in turn
    rollen = {}
    for opdracht, lijst in vragen.items():
        nodig = [-(-max(0, len(VOORBEELDEN) - gebruikt[k]) // over[k]) for _, k in lijst]
        studenten: list[dict[str, str]] = [{} for _ in range(max([1, *nodig]))]
        for vraag, soort in lijst:
            for student in studenten:
                student[vraag] = VOORBEELDEN[gebruikt[soort] % len(VOORBEELDEN)]
                gebruikt[soort] += 1
            over[soort] -= 1
        rollen[opdracht] = studenten
    return rollen


VOORBEELDROLLEN = voorbeeldrollen()
VOORBEELDSTUDENTEN = [voorbeeldstudent(n) for n in
                      range(1, max(map(len, VOORBEELDROLLEN.values())) + 1)]


@dataclass
class Klasrun:
    map: Path
    uitwisselmap: Path
    lege_cursus: Path
    uitvoer: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    seconden: dict[str, float] = field(default_factory=dict)
    cijfers_na_nakijken: dict = field(default_factory=dict)
    kopie_voor_nakijken: Path | None = None
    # per assignment, per example student, per hidden test cell: the points the pure
    # rules give (the gradebook must hold exactly these)
    verwacht: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)

    @property
    def klas(self) -> dict:
        return json.loads((self.map / "klas.json").read_text(encoding="utf-8"))["studenten"]

    def scenario(self, student: str) -> str:
        return self.klas[student]["opdrachten"][OPDRACHT]["scenario"]

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.map / 'gradebook.db'}"

    def cijfers(self, opdracht: str = OPDRACHT, map_: Path | None = None) -> dict:
        """(student, cell) -> (auto, manual, needs manual grade), and late data."""
        return cijfers(map_ or self.map, opdracht)

    def autograded(self, student: str, opdracht: str) -> Path:
        return self.map / "autograded" / student / opdracht


def cijfers(map_: Path, opdracht: str) -> dict:
    from nbgrader.api import Gradebook

    uit: dict = {}
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for inlevering in gb.find_assignment(opdracht).submissions:
            uit[inlevering.student.id, "te laat (s)"] = inlevering.total_seconds_late > 0
            uit[inlevering.student.id, "aftrek"] = inlevering.late_submission_penalty
            for nb in inlevering.notebooks:
                for g in nb.grades:
                    uit[inlevering.student.id, g.name] = (g.auto_score, g.manual_score,
                                                          g.needs_manual_grade)
    return uit


def draai(run: Klasrun, stap: str, commando: list[str], env: dict | None = None,
          map_: Path | None = None) -> subprocess.CompletedProcess:
    begin = time.perf_counter()
    klaar = subprocess.run(commando, cwd=map_ or run.map, env=env or omgeving(),
                           capture_output=True, text=True, timeout=1800)
    run.seconden[stap] = run.seconden.get(stap, 0) + time.perf_counter() - begin
    run.uitvoer[stap] = klaar
    assert klaar.returncode == 0, (
        f"'{' '.join(commando)}' faalt:\n{klaar.stdout[-4000:]}\n{klaar.stderr[-6000:]}")
    return klaar


# --- Who hands in -----------------------------------------------------------------------------

def _inleveren_via_uitwisselmap(run: Klasrun) -> None:
    """Every student of the simulated class hands in through the exchange, with nbgrader's
    own submit code (as `nbgrader submit OPDRACHT --student=ID` does)."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeSubmit
    from traitlets.config import Config

    werkmappen = run.map.parent / "studenten"
    for student in sorted(run.klas):
        c = Config()
        c.CourseDirectory.course_id = "werkalliantie"
        c.Exchange.root = str(run.uitwisselmap)
        c.Exchange.cache = str(werkmappen / ".cache")
        c.Exchange.assignment_dir = str(werkmappen / student)
        (werkmappen / student).mkdir(parents=True)
        map_ = CourseDirectory(config=c)
        map_.assignment_id, map_.student_id = OPDRACHT, student
        if student == "s1000001":  # one student fetches it the way students do
            ExchangeFetchAssignment(coursedir=map_, authenticator=Authenticator(config=c),
                                    config=c).start()
            shutil.rmtree(werkmappen / student / OPDRACHT)
        shutil.move(run.map / "submitted" / student / OPDRACHT, werkmappen / student / OPDRACHT)
        (run.map / "submitted" / student).rmdir()
        ExchangeSubmit(coursedir=map_, authenticator=Authenticator(config=c), config=c).start()


def _brightspace_zip(run: Klasrun) -> None:
    """Two students' right answers, named as a Brightspace download names them."""
    archief = run.map / "downloaded" / OPDRACHT / "archive"
    archief.mkdir(parents=True)
    vrij = run.map / "release" / OPDRACHT / f"{OPDRACHT}.ipynb"
    with zipfile.ZipFile(archief / f"{OPDRACHT} Download Jun 30, 2030 1130 AM.zip", "w") as z:
        z.writestr("index.html", "<html><body>Brightspace</body></html>")
        for n, (student, (voor, achter)) in enumerate(BRIGHTSPACE.items(), 1):
            model = run.map / f"model-{student}.json"
            draai(run, "modelantwoord", [str(BIN / "werkalliantie"), "modelantwoord", OPDRACHT,
                                         "--uit", str(model)])
            voorvoegsel = f"{4410 + n}-{8800 + n} - {voor} {achter} - Jun 29, 2030 {900 + n} AM - "
            z.write(vrij, voorvoegsel + vrij.name)
            z.write(model, voorvoegsel + "antwoorden.json")
            model.unlink()


def _met_open_antwoord(vrijgegeven: Path, doel: Path, opdracht: str) -> None:
    """The released notebook as a student hands it in: every open question answered."""
    nb = nbformat.read(vrijgegeven, as_version=4)
    open_cellen = {f"antwoord-{v}" for v in alle_opdrachten()[opdracht].opgaven
                   if not _automatisch(opgaven.laad_opgave(v))}
    for cel in nb.cells:
        if cel.metadata.get("nbgrader", {}).get("grade_id") in open_cellen:
            cel.source = OPEN_ANTWOORD
    nbformat.write(nb, doel)


def _voorbeelden(run: Klasrun) -> None:
    """The example students hand in every assignment (:func:`voorbeeldrollen`): each kind's
    right, wrong and invalid example answers. What the pure rules give them is written down
    first."""
    sleutels = run.map / "sleutels"
    for opdracht, studenten in VOORBEELDROLLEN.items():
        vrij = run.map / "release" / opdracht / f"{opdracht}.ipynb"
        for nummer, rollen in enumerate(studenten, 1):
            student = voorbeeldstudent(nummer)
            doel = run.map / "submitted" / student / opdracht
            doel.mkdir(parents=True)
            _met_open_antwoord(vrij, doel / vrij.name, opdracht)
            waarden, punten = {}, {}
            for vraag, soort in rollen.items():
                opgave = opgaven.laad_opgave(vraag)
                sleutel = opgave.sleutel or lees_sleutel(opgave, sleutels)
                waarden[vraag] = opgaven.voorbeelden(opgave, sleutel)[soort]
                for deel in opgaven.nakijken(opgave, waarden[vraag], sleutel).delen:
                    punten[f"toets-{vraag}-{deel.onderdeel}"] = deel.punten
            Antwoordenbestand(doel).bewaar_meerdere(waarden)
            run.verwacht.setdefault(opdracht, {})[student] = punten


def _corpus(run: Klasrun) -> None:
    """The cheating and breaking corpus on one assignment (tests/nakijkcorpus.py)."""
    opdracht = alle_opdrachten()[CORPUSOPDRACHT]
    vrij = run.map / "release" / CORPUSOPDRACHT
    notebook = next(vrij.glob("*.ipynb"))
    werk = run.map.parent / "corpusbouw"
    teksten = {}
    for soort in ("goed", "fout"):
        waarden = {}
        for vraag in opdracht.opgaven:
            opgave = opgaven.laad_opgave(vraag)
            if _automatisch(opgave):
                sleutel = opgave.sleutel or lees_sleutel(opgave, run.map / "sleutels")
                waarden[vraag] = opgaven.voorbeelden(opgave, sleutel)[soort]
        Antwoordenbestand(werk / soort).bewaar_meerdere(waarden)
        teksten[soort] = (werk / soort / "antwoorden.json").read_text(encoding="utf-8")
    handmatig = [f"antwoord-{v}" for v in opdracht.opgaven
                 if not _automatisch(opgaven.laad_opgave(v))]
    ctx = {"cursus": run.map, "notebookbestand": notebook.name, "goed_tekst": teksten["goed"],
           "fout_tekst": teksten["fout"], "handmatig": handmatig}
    for naam, inlevering in INLEVERINGEN.items():
        map_ = run.map / "submitted" / naam / CORPUSOPDRACHT
        shutil.copytree(vrij, map_)
        tekst = teksten.get(inlevering.basis)
        if tekst is not None:
            (map_ / "antwoorden.json").write_text(tekst, encoding="utf-8")
        if inlevering.bouw is not None:
            inlevering.bouw(map_, ctx)


def _handmatig(run: Klasrun) -> None:
    """What a grader saves in the formgrader: points for the written open answers."""
    from nbgrader.api import Gradebook

    with Gradebook(run.db_url) as gb:
        for student, rij in run.klas.items():
            punten = HANDMATIG.get(rij["opdrachten"][OPDRACHT]["scenario"])
            if punten is None:
                continue
            geef_handmatig(gb, OPDRACHT, student, punten,
                           "Mooi: je sluit aan bij wat Denise zelf zegt.")
        gb.db.commit()


def geef_handmatig(gb, opdracht: str, student: str, punten: float, opmerking: str) -> None:
    """What a grader types in the formgrader for one student's open answers (the assignment's
    notebook has the assignment's name)."""
    nb = gb.find_submission_notebook(opdracht, opdracht, student)
    for g in nb.grades:
        if g.name.startswith("antwoord-"):
            g.manual_score, g.needs_manual_grade = punten, False
    for c in nb.comments:
        if c.name.startswith("antwoord-"):
            c.manual_comment = opmerking


# --- The run ------------------------------------------------------------------------------------

def _voorbereiding(run: Klasrun, stap_id: str) -> None:
    """What the instructor (or a student) does by hand before a step."""
    if stap_id == "studenten":
        with open(run.map / "studenten.csv", "w", newline="", encoding="utf-8") as f:
            schrijver = csv.writer(f)
            schrijver.writerow(["id", "first_name", "last_name", "email", "lms_user_id"])
            for n, s in enumerate(klasmodule.studenten(AANTAL)):  # Canvas ids, as the guide says
                schrijver.writerow([s.id, s.voornaam, s.achternaam, s.email, 48000 + n])
            for student, (voor, achter) in BRIGHTSPACE.items():
                schrijver.writerow([student, voor, achter, f"{student}@example.org", ""])
    elif stap_id == "inleveren":
        draai(run, "klas", [str(BIN / "werkalliantie"), "klas", str(AANTAL), "--opdracht",
                            OPDRACHT])
        _inleveren_via_uitwisselmap(run)
        _voorbeelden(run)
        _corpus(run)
    elif stap_id == "ophalen":
        _brightspace_zip(run)
    elif stap_id == "nakijken":
        from nbgrader.api import Gradebook

        with Gradebook(run.db_url) as gb:
            gb.update_or_create_assignment(OPDRACHT, duedate=VERLOPEN)
        run.kopie_voor_nakijken = run.map.parent / "serieel"
        # the guide's assignment only: what plain autograde grades there
        shutil.copytree(run.map, run.kopie_voor_nakijken, symlinks=True, ignore=lambda d, namen: [
            n for n in namen if Path(d).parent.name == "submitted" and n != OPDRACHT])
    elif stap_id == "feedback":
        _handmatig(run)


def omgeving_zonder_pydantic(run: Klasrun) -> dict[str, str]:
    """The environment of a grading run whose kernels may not import pydantic or yaml."""
    env = omgeving()
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BLOKKADE), env.get("PYTHONPATH")]))
    env["WERKALLIANTIE_BLOKKADE_LOG"] = str(run.map.parent / "blokkade.log")
    return env


def maak(basis: Path) -> Klasrun:
    map_ = basis / "cursus"
    nieuwe_cursusmap(map_)
    plant_kanaries(map_, KANARIES)
    run = Klasrun(map_, basis / "uitwisselmap", basis / "lege-cursus")
    run.uitwisselmap.mkdir()
    env = omgeving_zonder_pydantic(run)
    for stap in STAPPEN:
        _voorbereiding(run, stap.id)
        if stap.commando is None or stap.interactief:
            continue
        commando = shlex.split(stap.commando)
        if stap.uitwisselmap:
            commando.append(f"--Exchange.root={run.uitwisselmap}")
        if stap.id == "feedback-hub":  # only for what came in through the exchange
            anders = [*BRIGHTSPACE, *VOORBEELDSTUDENTEN]
            commando.append(f"--CourseDirectory.student_id_exclude={','.join(anders)}")
        commando[0] = str(BIN / commando[0]) if (BIN / commando[0]).exists() else commando[0]
        draai(run, stap.id, commando, env=env)
        if stap.id == "maken":  # a fresh course with every assignment, for other tests
            shutil.copytree(map_, run.lege_cursus)
            # other background jobs start from it as soon as it is there (tests/lmscorpus.py)
            (basis / LEGE_CURSUS_KLAAR).touch()
        if stap.id == "nakijken":
            run.cijfers_na_nakijken = cijfers(map_, OPDRACHT)
            # Every other assignment: the examples and the corpus, in ONE plain run.
            draai(run, "nakijken-alles", [str(BIN / "nbgrader"), "autograde", "*"], env=env)
        if stap.id == "feedback":
            draai(run, "feedback-alles", [str(BIN / "nbgrader"), "generate_feedback", "*"],
                  env=env)
    draai(run, "serieel", [str(BIN / "nbgrader"), "autograde", OPDRACHT], env=env,
          map_=run.kopie_voor_nakijken)
    n = sum(1 for p in (map_ / "autograded").glob("*/*") if p.is_dir())
    print(f"\nDe klas van de tests: {n} inleveringen; "
          + ", ".join(f"{k} {v:.0f} s" for k, v in run.seconden.items() if v >= 2),
          file=sys.stderr)
    return run


def kopie_van(bron: Path, doel: Path) -> Path:
    """A copy of a course folder (the gradebook's address follows the copy)."""
    shutil.copytree(bron, doel, symlinks=True)
    return doel


def punten_van(run: Klasrun, opdracht: str, student: str) -> dict[str, Any]:
    return {cel: waarde[0] for (s, cel), waarde in run.cijfers(opdracht).items()
            if s == student and isinstance(waarde, tuple)}


# --- In the background: the test session starts the run at once (tests/conftest.py) ---------

UITKOMST = "klasrun.json"


def bewaar(run: Klasrun) -> None:
    """The run as JSON beside it, for the test session that waits for it."""
    data = asdict(run)
    data["uitvoer"] = {k: {"returncode": v.returncode, "stdout": v.stdout[-20000:],
                           "stderr": v.stderr[-20000:]} for k, v in run.uitvoer.items()}
    data["cijfers_na_nakijken"] = [[list(k), v] for k, v in run.cijfers_na_nakijken.items()]
    (run.map.parent / UITKOMST).write_text(json.dumps(data, default=str), encoding="utf-8")


def lees(basis: Path) -> Klasrun:
    data = json.loads((basis / UITKOMST).read_text(encoding="utf-8"))
    run = Klasrun(Path(data["map"]), Path(data["uitwisselmap"]), Path(data["lege_cursus"]))
    run.uitvoer = {k: SimpleNamespace(**v) for k, v in data["uitvoer"].items()}
    run.seconden = data["seconden"]
    run.cijfers_na_nakijken = {tuple(k): tuple(v) if isinstance(v, list) else v
                               for k, v in data["cijfers_na_nakijken"]}
    run.kopie_voor_nakijken = Path(data["kopie_voor_nakijken"])
    run.verwacht = data["verwacht"]
    return run


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="De klas van de tests, in een lege map.")
    parser.add_argument("basis", type=Path)
    bewaar(maak(parser.parse_args().basis))
