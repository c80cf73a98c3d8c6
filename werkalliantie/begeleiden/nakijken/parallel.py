"""Grading a class in parallel, through nbgrader's own converters.

``werkalliantie nakijken OPDRACHT`` calls :func:`nakijken`. It grades every submission in
``submitted/*/OPDRACHT/`` with several worker processes. Each worker is what
``nbgrader autograde OPDRACHT --student=ID`` is, kept alive between students:

- it loads the course's ``nbgrader_config.py`` through nbgrader's own ``AutogradeApp``,
  so every step configured there (sanitising, the Execute step, saving grades, late
  penalties, and any step a later version of the course adds) runs unchanged;
- per student it runs nbgrader's ``Autograde`` converter, then (unless switched off)
  nbgrader's ``GenerateFeedback`` converter;
- the only settings it adds are the time limits, immediate kernel shutdown and the kernel
  manager: kernels are *warm* (:mod:`.warmekernel`), a fresh process per submission
  forked from a template that imported the course's modules once;
- a kernel that fails to *start* (kernels started side by side can race for a free TCP
  port) is retried once for that student; a kernel that fails while running is not.

So the grades land in the same gradebook as with ``nbgrader autograde``, cell by cell,
and nbgrader's output folders look the same. What is saved is nbgrader's start-up (once
per worker instead of once per run) and, per submission, the kernel's start-up and the
course's imports (about a second of CPU each).

One student never stops the class: a failure is reported and the next student is
graded; a worker that hangs past its hard limit is killed and replaced.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.begeleiden.nakijken import quarantaine, rapport, sleutels, warmekernel
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven.model import laad_opdracht

CONFIG = "nbgrader_config.py"
TIJDSLIMIET_CEL = 30  # seconds, as nbgrader's own Execute.timeout
TIJDSLIMIET_INLEVERING = 120  # seconds for all cells of one submission
# Measured on a 2-core machine with a class of 100 (scripts/benchmark_klas.py): 2 workers
# 0.43 s per submission, 3 workers 0.39 s, 4 workers 0.22-0.24 s, 6 workers 0.40 s. Two
# per core keeps the cores busy while a worker waits for its kernel or the gradebook.
WERKERS_PER_KERN = 2
HELE_INLEVERING = "(de hele inlevering)"  # the grading report's row for the run's own findings


class Nakijkfout(CursusFout):
    """Bad input for grading; the message is Dutch, for the instructor."""


@dataclass
class Uitslag:
    """What happened to one student's submission."""

    student: str
    gelukt: bool
    seconden: float = 0.0
    meldingen: list[str] = field(default_factory=list)  # Dutch, for the instructor
    overgeslagen: bool = False  # already graded (use --opnieuw to grade again)


@dataclass
class Verslag:
    opdracht: str
    werkers: int
    seconden: float
    uitslagen: list[Uitslag]

    @property
    def mislukt(self) -> list[Uitslag]:
        return [u for u in self.uitslagen if not u.gelukt]

    def tekst(self) -> str:
        """A short Dutch summary for the screen; what each submission needed is in the one
        grading report, ``nakijkrapport.md``."""
        nagekeken = [u for u in self.uitslagen if u.gelukt and not u.overgeslagen]
        overgeslagen = [u for u in self.uitslagen if u.overgeslagen]
        regels = [f"Opdracht {self.opdracht}: {len(nagekeken)} inleveringen nagekeken in "
                  f"{self.seconden:.0f} seconden, met {self.werkers} nakijkprocessen."]
        if overgeslagen:
            regels.append(f"{len(overgeslagen)} inleveringen waren al nagekeken en zijn "
                          "overgeslagen. Opnieuw nakijken: voeg --opnieuw toe.")
        if self.mislukt:
            regels.append(f"Niet gelukt bij {len(self.mislukt)} inleveringen: "
                          + ", ".join(u.student for u in self.mislukt) + ".")
        met_melding = [u for u in self.uitslagen if u.meldingen]
        if met_melding:
            regels.append("")
            regels.append("Let op bij deze inleveringen:")
            for u in met_melding:
                regels.append(f"- {u.student}:")
                regels.extend(f"    {m}" for m in u.meldingen)
        regels.append("")
        regels.append(f"Per student staat in {rapport.RAPPORT} (in de cursusmap) wat het nakijken "
                      "vond, ook bij inleveringen zonder bijzonderheden.")
        return "\n".join(regels)


def standaard_werkers() -> int:
    return max(1, (os.cpu_count() or 1) * WERKERS_PER_KERN)


# --- Finding the course and the submissions -----------------------------------------------

def controleer_cursus(cursus: Cursusmap | Path, opdracht: str) -> Cursusmap:
    """The course folder, checked; a Dutch error when the assignment does not exist."""
    cursus = Cursusmap.van(cursus)
    if not cursus.map("source", ".", opdracht).is_dir():
        bekend = cursus.opdrachten()
        raise Nakijkfout(f"De cursus heeft geen opdracht '{opdracht}' in source/. "
                         + (f"Wel: {', '.join(bekend)}. " if bekend else "")
                         + "Maak de opdracht eerst met: werkalliantie klaarzetten")
    return cursus


def bereid_sleutels_voor(cursus: Cursusmap, opdracht: str) -> None:
    """The graded keys validated once, before any grading, and ready for the hidden tests;
    a Dutch error (and nothing graded) when a key of this assignment is missing or wrong."""
    fouten = sleutels.bereid_voor(cursus.root)
    try:
        vragen = laad_opdracht(opdracht).opgaven
    except CursusFout:
        vragen = ()  # an assignment of the instructor's own: no keys of ours to check
    kapot = [fouten[v] for v in vragen if v in fouten]
    if kapot:
        raise Nakijkfout("De antwoordmodellen van deze opdracht kloppen niet. Verbeter ze "
                         "eerst; er is nog niets nagekeken.\n" + "\n".join(kapot))


def _modules_van_de_opdracht(cursusmap: Path, opdracht: str) -> list[str]:
    """What the course's own cells import (from source/, the instructor's files)."""
    from werkalliantie.begeleiden.nakijken.warmekernel import modules_uit_cellen

    bronnen = []
    for pad in sorted((cursusmap / "source" / opdracht).glob("*.ipynb")):
        try:
            nb = json.loads(pad.read_text(encoding="utf-8"))
            bronnen.extend("".join(c.get("source", "")) for c in nb.get("cells", [])
                           if c.get("cell_type") == "code")
        except (OSError, ValueError, AttributeError, TypeError):
            continue
    return modules_uit_cellen(bronnen)


# --- The worker process --------------------------------------------------------------------

@dataclass(frozen=True)
class Instellingen:
    opdracht: str
    opnieuw: bool = False
    feedback: bool = True
    tijdslimiet_cel: float = TIJDSLIMIET_CEL
    tijdslimiet_inlevering: float = TIJDSLIMIET_INLEVERING
    sjabloon: str | None = None  # the warm-kernel template's socket; None: ordinary kernels


class Tijdsbudget:
    """nbclient's ``timeout_func``: each cell may take at most ``per_cel`` seconds, and all
    cells of one submission together at most ``per_inlevering``.

    The submission's clock starts when its first cell starts (nbclient asks for that cell's
    limit), not before: starting the kernel and nbgrader's own steps take longer on a busy
    grading server, and a student's points must not depend on how busy the server was."""

    def __init__(self, per_cel: float, per_inlevering: float):
        self.per_cel = per_cel
        self.per_inlevering = per_inlevering
        self.einde: float | None = None

    def begin(self) -> None:
        """A new submission: its clock starts at its first cell."""
        self.einde = None

    def __call__(self, cel) -> float:
        if self.einde is None:
            self.einde = time.monotonic() + self.per_inlevering
        # nbclient treats 0 as "no limit": never go below one second
        return max(1.0, min(self.per_cel, self.einde - time.monotonic()))


class _Logboek(logging.Handler):
    """Collects what nbgrader logs while one student is graded."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.regels: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.regels.append(record)


def _meldingen_uit_log(regels: list[logging.LogRecord]) -> list[str]:
    meldingen = []
    for r in regels:
        tekst = r.getMessage()
        if "Timeout waiting for execute reply" in tekst:
            meldingen.append("Een cel duurde te lang en is gestopt (tijdslimiet); die cel "
                             "krijgt 0 punten.")
        elif "kernel became unresponsive" in tekst or "Kernel died" in tekst \
                or "didn't respond" in tekst:
            meldingen.append("Het nakijken van deze inlevering liep vast en is gestopt.")
        elif r.levelno >= logging.ERROR and "There was an error" in tekst:
            meldingen.append("nbgrader kon deze inlevering niet nakijken. Details staan in "
                             "nbgrader.log.")
    return list(dict.fromkeys(meldingen))


def _kernel_startte_niet(regels: list[logging.LogRecord]) -> bool:
    tekst = " ".join(r.getMessage() for r in regels if r.levelno >= logging.ERROR)
    return any(t in tekst for t in ("Kernel died before replying", "didn't respond",
                                    "Error occurred while starting new kernel"))


def _werker(verbinding: Connection, cursusmap: str, instellingen: Instellingen) -> None:
    """One worker: nbgrader's apps with the course's configuration, student after student."""
    os.chdir(cursusmap)
    # Whatever the kernels or nbgrader print goes to the course's log, not the terminal.
    logpad = Path(cursusmap) / "nbgrader.log"
    try:
        fd = os.open(logpad, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
    except OSError:
        pass
    if instellingen.sjabloon:
        os.environ[warmekernel.ADRES_VARIABELE] = instellingen.sjabloon
    from nbgrader.apps import AutogradeApp
    from nbgrader.converters import Autograde, GenerateFeedback
    from traitlets.config import Config

    app = AutogradeApp()
    app.initialize([instellingen.opdracht])
    app.coursedir.assignment_id = instellingen.opdracht
    for handler in app.log.handlers:  # the console: the parent shows progress instead
        if type(handler) is logging.StreamHandler:
            handler.setLevel(logging.CRITICAL + 1)
    budget = Tijdsbudget(instellingen.tijdslimiet_cel, instellingen.tijdslimiet_inlevering)
    extra = Config()
    extra.Execute.timeout = int(max(1, instellingen.tijdslimiet_cel))
    extra.Execute.timeout_func = budget
    extra.Execute.shutdown_kernel = "immediate"
    if instellingen.sjabloon:
        extra.Execute.kernel_manager_class = warmekernel.WarmeKernelManager
    if instellingen.opnieuw:
        extra.BaseConverter.force = True
    app.update_config(extra)
    logboek = _Logboek()
    app.log.addHandler(logboek)
    verbinding.send(("klaar", os.getpid()))

    while True:
        try:
            student = verbinding.recv()
        except EOFError:
            break
        if student is None:
            break
        begin = time.perf_counter()
        uitslag = Uitslag(student, gelukt=True)
        app.coursedir.student_id = student
        bestemming = Path(cursusmap) / "autograded" / student / instellingen.opdracht
        voor = bestemming.stat().st_mtime_ns if bestemming.exists() else None
        for poging in (1, 2):
            logboek.regels.clear()
            uitslag.gelukt = True
            fout = None
            try:
                budget.begin()
                Autograde(coursedir=app.coursedir, parent=app).start()
            except Exception as f:  # noqa: BLE001 - one student never stops the class
                fout = f
                uitslag.gelukt = False
            if poging == 1 and _kernel_startte_niet(logboek.regels):
                continue  # nbgrader removed the failed attempt; once more with a new kernel
            break
        if fout is not None:
            if "No notebooks were matched" in str(fout):
                uitslag.meldingen.append("Geen notebook ingeleverd: niet nagekeken.")
            elif not _meldingen_uit_log(logboek.regels):
                uitslag.meldingen.append(f"Niet nagekeken: {fout}")
        nagekeken = bestemming.exists() and (voor is None or instellingen.opnieuw
                                             or bestemming.stat().st_mtime_ns != voor)
        uitslag.overgeslagen = uitslag.gelukt and not nagekeken
        if uitslag.gelukt and not nagekeken and not bestemming.exists():
            uitslag.gelukt = False
        uitslag.meldingen.extend(_meldingen_uit_log(logboek.regels))
        if any(r.levelno >= logging.ERROR and ("There was an error" in r.getMessage()
                                               or "unresponsive" in r.getMessage())
               for r in logboek.regels):
            uitslag.gelukt = False  # nbgrader gave up on this submission (a time-out is no failure)
        if uitslag.gelukt and instellingen.feedback and not uitslag.overgeslagen:
            try:
                GenerateFeedback(coursedir=app.coursedir, parent=app, force=True).start()
            except Exception:  # noqa: BLE001
                uitslag.meldingen.append("De feedback kon niet worden gemaakt. Details "
                                         "staan in nbgrader.log.")
        uitslag.seconden = time.perf_counter() - begin
        verbinding.send(("uitslag", uitslag))


# --- The parent: handing out students, collecting results ----------------------------------

# Imported once in multiprocessing's fork server; each worker is forked from it, so no
# worker pays for importing nbgrader again.
VOORLADEN = ["werkalliantie.begeleiden.nakijken.parallel", "nbgrader.apps", "nbgrader.converters",
             "nbgrader.preprocessors", "nbgrader.api", "nbconvert", "nbclient",
             "jupyter_client.manager", "jupyter_client.provisioning", "traitlets.config"]


def _context():
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(VOORLADEN)
        return context
    return multiprocessing.get_context("spawn")


class _Werker:
    def __init__(self, context, cursusmap: Path, instellingen: Instellingen):
        self.verbinding, kind = context.Pipe()
        self.proces = context.Process(target=_werker, args=(kind, str(cursusmap), instellingen),
                                      daemon=True)
        self.proces.start()
        kind.close()
        self.klaar = False
        self.student: str | None = None
        self.deadline = float("inf")

    def geef(self, student: str, limiet: float) -> None:
        self.student = student
        self.deadline = time.monotonic() + limiet
        self.verbinding.send(student)

    def stop(self, netjes: bool = True) -> None:
        if netjes and self.proces.is_alive():
            try:
                self.verbinding.send(None)
            except OSError:
                pass
            self.proces.join(timeout=10)
        if self.proces.is_alive():
            self.proces.kill()
            self.proces.join()
        self.verbinding.close()


def nakijken(cursusmap: Cursusmap | Path, opdracht: str, *, studenten: list[str] | None = None,
             werkers: int | None = None, opnieuw: bool = False, feedback: bool = True,
             tijdslimiet_cel: float = TIJDSLIMIET_CEL,
             tijdslimiet_inlevering: float = TIJDSLIMIET_INLEVERING, warm: bool = True,
             voortgang: Callable[[int, int, Uitslag], None] | None = None) -> Verslag:
    """Grade (and give feedback on) every submission of ``opdracht`` in ``cursusmap``."""
    cursus = controleer_cursus(cursusmap, opdracht)
    cursusmap = cursus.root
    quarantaine.ruim_mappen_op(cursusmap)  # a folder name nbgrader cannot read: set apart
    alle = cursus.inleveringen(opdracht)
    if studenten:
        onbekend = sorted(set(studenten) - set(alle))
        if onbekend:
            raise Nakijkfout(f"Geen inlevering van {', '.join(onbekend)} in submitted/.")
        alle = [s for s in alle if s in set(studenten)]
    if not alle:
        raise Nakijkfout(f"Er zijn geen inleveringen voor '{opdracht}' in "
                         f"{cursusmap / 'submitted'}/<student>/{opdracht}/.")
    if werkers is not None and werkers < 1:
        raise Nakijkfout("Het aantal nakijkprocessen moet 1 of meer zijn.")
    if tijdslimiet_cel <= 0 or tijdslimiet_inlevering <= 0:
        raise Nakijkfout("Een tijdslimiet moet meer dan 0 seconden zijn.")
    bereid_sleutels_voor(cursus, opdracht)
    aantal = min(werkers or standaard_werkers(), len(alle))
    begin = time.perf_counter()
    sjabloon = None
    if warm and warmekernel.KAN_VORKEN:
        sjabloon = warmekernel.Sjabloon(_modules_van_de_opdracht(cursusmap, opdracht),
                                        log=cursusmap / "nbgrader.log")
    instellingen = Instellingen(opdracht, opnieuw, feedback, tijdslimiet_cel,
                                tijdslimiet_inlevering, sjabloon.adres if sjabloon else None)
    # A submission's hard limit: its cells' budget plus nbgrader's own work and feedback.
    harde_limiet = tijdslimiet_inlevering + 120
    context = _context()
    wachtrij = list(alle)
    uitslagen: list[Uitslag] = []
    ploeg = [_Werker(context, cursusmap, instellingen) for _ in range(aantal)]
    if sjabloon is not None and not sjabloon.wacht():
        sjabloon.stop()  # kernels start the ordinary way (the provisioner falls back)
    try:
        while len(uitslagen) < len(alle):
            for w in ploeg:
                if w.klaar and w.student is None and wachtrij:
                    w.geef(wachtrij.pop(0), harde_limiet)
            gereed = wait([w.verbinding for w in ploeg] + [w.proces.sentinel for w in ploeg],
                          timeout=1.0)
            for i, w in enumerate(list(ploeg)):
                bericht = None
                if w.verbinding in gereed:
                    try:
                        bericht = w.verbinding.recv()
                    except (EOFError, OSError):
                        bericht = None
                if bericht is not None:
                    soort, inhoud = bericht
                    if soort == "klaar":
                        w.klaar = True
                    elif soort == "uitslag":
                        w.student = None
                        uitslagen.append(inhoud)
                        if voortgang:
                            voortgang(len(uitslagen), len(alle), inhoud)
                    continue
                dood = not w.proces.is_alive()
                te_laat = w.student is not None and time.monotonic() > w.deadline
                if not (dood or te_laat):
                    continue
                if w.student is None and not w.klaar:
                    raise Nakijkfout("Het nakijken kon niet starten. Details staan in "
                                     f"{cursusmap / 'nbgrader.log'}.")
                if w.student is not None:
                    uitslag = Uitslag(w.student, gelukt=False, meldingen=[
                        "Het nakijken duurde te lang en is gestopt." if te_laat else
                        "Het nakijkproces stopte onverwacht bij deze inlevering."])
                    uitslagen.append(uitslag)
                    if voortgang:
                        voortgang(len(uitslagen), len(alle), uitslag)
                w.stop(netjes=False)
                ploeg[i] = _Werker(context, cursusmap, instellingen) if wachtrij else None
            ploeg = [w for w in ploeg if w is not None]
            if not ploeg and wachtrij:
                ploeg.append(_Werker(context, cursusmap, instellingen))
    finally:
        for w in ploeg:
            w.stop(netjes=True)
        if sjabloon is not None:
            sjabloon.stop()
    volgorde = {s: i for i, s in enumerate(alle)}
    uitslagen.sort(key=lambda u: volgorde.get(u.student, 0))
    for u in uitslagen:  # what the run itself found, in the one grading report
        regels = ([] if u.gelukt else ["NIET nagekeken."]) + u.meldingen
        try:
            rapport.noteer(cursusmap, opdracht, u.student, HELE_INLEVERING, "nakijken", regels,
                           eigen_rij=False)
        except Exception:  # noqa: BLE001 - the report is for reading
            pass
    return Verslag(opdracht, aantal, time.perf_counter() - begin, uitslagen)
