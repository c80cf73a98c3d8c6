"""Files in a submission that may not be graded, set apart before nbgrader copies anything.

``nbgrader autograde`` copies every file of a submission into ``autograded/`` before any
preprocessor runs, and it follows links while it copies: a link to ``/dev/zero`` fills the
disk, a FIFO hangs the run. A ``timestamp.txt`` that is not a time stops the student's
grading (nbgrader's own error). :func:`voor_het_kopieren` is the course's
``Autograde.pre_convert_hook`` (``exercises/nbgrader_config.py``): nbgrader calls it for
every submission just before that copy, in ``nbgrader autograde``, the formgrader's button
and ``werkalliantie nakijken`` alike. It moves into the course's quarantine folder
(:data:`~.grenzen.QUARANTAINE`, ``quarantaine/<student>/<opdracht>/``):

- links, devices, FIFOs and sockets;
- files larger than their limit (:func:`.grenzen.max_bytes`);
- a ``timestamp.txt`` that is not a time nbgrader can read (the hand-in then counts as
  having no time, as nbgrader does for an empty one).

Nothing in ``submitted/`` is ever deleted: every file is *moved*, and listed with its
reason in ``.quarantaine.json`` beside it. The grading step that rebuilds the notebook
(:class:`~.beveiliging.ControleerInlevering`) reads that list, so the notice reaches the
grading report and the student's feedback.

A student folder whose name nbgrader cannot match (a line break or another control
character in it) stops nbgrader before any step of the course runs. :func:`ongeldige_mappen`
finds such folders and :func:`zet_map_apart` moves them: ``werkalliantie nakijken`` does so
before it grades, and the hook does so for the run after.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import stat
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from werkalliantie.begeleiden.nakijken import grenzen
from werkalliantie.leren.tekst import STUURTEKENS, leesbaar

LIJST = ".quarantaine.json"


@dataclass(frozen=True)
class Apart:
    """One file set apart: where it was (relative to the submission) and why (Dutch)."""

    pad: str
    reden: str


def _log():
    from traitlets.log import get_logger

    return get_logger()


def _tekst(pad: str) -> str:
    try:
        ruw = pad.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        ruw = pad.encode("utf-8", "surrogatepass")
    return leesbaar(ruw.decode("utf-8", "backslashreplace"), 300)


def map_van(cursusmap: Path, student: str, opdracht: str) -> Path:
    """The quarantine folder of one submission."""
    return Path(cursusmap) / grenzen.QUARANTAINE / student / opdracht


def waarom(pad: Path) -> str | None:
    """Why the file ``pad`` in a submission may not be copied for grading; None when it may."""
    try:
        info = os.lstat(pad)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return "een snelkoppeling (symlink) naar een ander bestand"
    if stat.S_ISDIR(info.st_mode):
        return None
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        return "een apparaat, geen bestand"
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        return "een pijp of socket, geen bestand"
    if not stat.S_ISREG(info.st_mode):
        return "geen gewoon bestand"
    maximum = grenzen.max_bytes(pad.name)
    if info.st_size > maximum:
        return f"te groot ({info.st_size / 1e6:.1f} MB; hooguit {maximum / 1e6:g} MB)"
    if pad.name == "timestamp.txt":
        return _tijdfout(pad)
    return None


def _tijdfout(pad: Path) -> str | None:
    from nbgrader.utils import parse_utc

    try:
        tekst = pad.read_bytes().decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return "geen leesbare inlevertijd (telt als: geen tijd)"
    if not tekst:
        return None  # nbgrader reads an empty one as no time itself
    try:
        parse_utc(tekst)
    except Exception:  # noqa: BLE001 - any parse failure: no time
        return "geen geldige inlevertijd (telt als: geen tijd)"
    return None


def zet_apart(inlevering: Path, quarantaine: Path) -> list[Apart]:
    """Move every file of ``inlevering`` that may not be copied into ``quarantaine``."""
    gevonden: list[tuple[Path, str]] = []
    for map_, submappen, bestanden in os.walk(inlevering, topdown=True, followlinks=False):
        for naam in sorted(submappen + bestanden):
            pad = Path(map_) / naam
            reden = waarom(pad)
            if reden:
                gevonden.append((pad, reden))
        submappen[:] = [d for d in submappen if not os.path.islink(os.path.join(map_, d))]
    apart = []
    for pad, reden in gevonden:
        rel = pad.relative_to(inlevering)
        doel = _vrij(quarantaine / rel)
        doel.parent.mkdir(parents=True, exist_ok=True)
        _verplaats(pad, doel)
        apart.append(Apart(str(doel.relative_to(quarantaine)), reden))
    if apart:
        _bij(quarantaine, apart)
    return apart


def _vrij(doel: Path) -> Path:
    kandidaat, n = doel, 0
    while os.path.lexists(kandidaat):
        n += 1
        kandidaat = doel.with_name(f"{doel.name}.{n}")
    return kandidaat


def _verplaats(bron: Path, doel: Path) -> None:
    try:
        os.rename(bron, doel)
        return
    except OSError as fout:
        if fout.errno != errno.EXDEV:
            raise
    info = os.lstat(bron)  # another file system: recreate, then remove the original
    if stat.S_ISLNK(info.st_mode):
        os.symlink(os.readlink(bron), doel)
    elif stat.S_ISREG(info.st_mode):
        shutil.copyfile(bron, doel, follow_symlinks=False)
    else:
        os.mknod(doel, info.st_mode, info.st_rdev)
    os.unlink(bron)


def _bij(quarantaine: Path, apart: list[Apart]) -> None:
    lijst = lees(quarantaine)
    tijd = datetime.now().astimezone().isoformat(timespec="seconds")
    bekend = {a.pad for a in lijst}
    lijst += [a for a in apart if a.pad not in bekend]
    data = [{"pad": a.pad, "reden": a.reden, "tijd": tijd} for a in lijst]
    (quarantaine / LIJST).write_text(json.dumps(data, ensure_ascii=True, indent=1),
                                     encoding="utf-8")


def lees(quarantaine: Path) -> list[Apart]:
    """What was set apart from one submission (all runs)."""
    try:
        data = json.loads((quarantaine / LIJST).read_text(encoding="utf-8"))
        return [Apart(str(d["pad"]), str(d["reden"])) for d in data if isinstance(d, dict)]
    except (OSError, ValueError, KeyError, TypeError):
        return []


# --- Student folders nbgrader cannot match ----------------------------------------------------

def ongeldige_mappen(ingeleverd: Path) -> list[Path]:
    """The student folders in ``submitted/`` whose name stops nbgrader (a control character,
    a line break) or is not valid text."""
    if not ingeleverd.is_dir():
        return []
    uit = []
    for pad in sorted(ingeleverd.iterdir()):
        naam = pad.name
        try:
            naam.encode("utf-8")
            geldig_tekst = True
        except UnicodeEncodeError:
            geldig_tekst = False
        if not geldig_tekst or "\n" in naam or STUURTEKENS.search(naam):
            uit.append(pad)
    return uit


def zet_map_apart(studentmap: Path, cursusmap: Path) -> Path:
    """Move a whole student folder into ``quarantaine/ongeldige-map-<hash>/``, with its
    original name (escaped) in ``.quarantaine.json``."""
    ruw = os.fsencode(studentmap.name)
    doel = _vrij(Path(cursusmap) / grenzen.QUARANTAINE
                 / f"ongeldige-map-{hashlib.sha256(ruw).hexdigest()[:12]}")
    doel.parent.mkdir(parents=True, exist_ok=True)
    _verplaats(studentmap, doel)
    (doel / LIJST).write_text(json.dumps([{
        "pad": ".", "reden": f"de naam van de map ({ruw!r}) kan nbgrader niet lezen",
        "tijd": datetime.now().astimezone().isoformat(timespec="seconds")}], indent=1),
        encoding="utf-8")
    return doel


def ruim_mappen_op(cursusmap: Path) -> list[str]:
    """Set apart every student folder nbgrader cannot match; Dutch lines for the
    instructor."""
    regels = []
    for pad in ongeldige_mappen(Path(cursusmap) / "submitted"):
        doel = zet_map_apart(pad, cursusmap)
        regel = (f"De map submitted/{_tekst(repr(pad.name)[1:-1])} heeft een naam die nbgrader "
                 f"niet kan lezen. Apart gezet in {doel.relative_to(cursusmap)}/; zet de "
                 "inlevering onder een geldige id terug om haar na te kijken.")
        _log().warning(regel)
        regels.append(regel)
    return regels


# --- nbgrader's hook ------------------------------------------------------------------------

def voor_het_kopieren(assignment=None, student=None, notebooks=None, **_) -> None:
    """``Autograde.pre_convert_hook``: set apart what may not be copied, for the submission
    nbgrader is about to grade (nbgrader passes its patterns as ``assignment`` and
    ``student``; the submission's folder is where its notebooks are)."""
    try:
        if not notebooks:
            return
        inlevering = Path(notebooks[0]).parent
        opdracht, student_id = inlevering.name, inlevering.parent.name
        cursusmap = Path.cwd()  # nbgrader runs its converters from the course folder
        if not (cursusmap / "nbgrader_config.py").is_file():
            cursusmap = inlevering.parent.parent.parent
        quarantaine = map_van(cursusmap, student_id, opdracht)
        for a in zet_apart(inlevering, quarantaine):
            _log().warning("Inlevering van %s (%s): '%s' apart gezet in %s: %s.", student_id,
                           opdracht, _tekst(a.pad), quarantaine.relative_to(cursusmap), a.reden)
        ruim_mappen_op(cursusmap)
    except Exception:  # noqa: BLE001 - never a reason to stop; the allow-list follows anyway
        _log().error("Quarantaine vooraf mislukt:\n%s", traceback.format_exc())
