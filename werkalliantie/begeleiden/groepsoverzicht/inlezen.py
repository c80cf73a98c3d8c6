"""Reading a group's answer files from any layout the trainer has.

A trainer collects ``antwoorden.json`` files in many ways: a flat folder from a download
(where they all carry the same name, so a browser calls them ``antwoorden (3).json``), a
folder per participant, nbgrader's ``submitted/<student>/<opdracht>/`` tree, or a zip
of any of these. :func:`lees_groep` finds every answer file in it and reads it with the
course's own answer store (size and nesting limits, never following a link), so a
damaged file is reported and skipped, never a reason to stop.

A participant is identified by the file (or, in nbgrader's tree, by the student's folder),
never by a name alone: two files both called ``antwoorden.json`` are two participants.

**Numbers.** Participants are "Deelnemer 1, 2, ..." in an order that says nothing about
them: a random salt, kept with the group's files (:data:`ZOUTBESTAND` in the folder, or
beside the zip; git ignores it), turns each identity into a keyed hash, and the numbers
given are kept in that file too. So "Deelnemer 3" is the same person on every page and
every rerun (a participant added later gets the next free number), but nobody can work
out the numbers from the class list without that file.

**Names** (only when the trainer asks): the name nbgrader knows for the student (the
gradebook's first and last name, else the student's folder in ``submitted/``), else the
learner's own "naam voor de trainer" from the answer file, else the participant's folder
name (or a file name that is not a browser's ``antwoorden (3).json``); never a file name
with a counter.

**Limits.** A file above the grader's limit (:data:`~werkalliantie.leren.antwoorden.MAX_BESTAND_BYTES`)
is not read; the page says how many were left out, and why.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from werkalliantie.leren.antwoorden import (
    MAX_BESTAND_BYTES,
    NAAMVELD,
    Antwoordenbestand,
    lees_bestand,
    schone_naam,
)
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven.getallen import aantal

MAX_BESTANDEN = 5_000
MAX_ZIP_BYTES = 500_000_000
NIET_HOOFDBESTAND = re.compile(r"\.(vorige|beschadigd-[^/]*|kopie-[^/]*)\.json$")
ALGEMENE_NAAM = re.compile(r"^antwoorden(?:\s*\(\d+\)|-\d+|_\d+)?$", re.I)
OVERSLAAN = {".ipynb_checkpoints", "__MACOSX", "autograded", "feedback", "release", "source"}
ZOUTBESTAND = ".groepsoverzicht-zout.json"  # the group's salt and numbers (.gitignore)


class Overzichtfout(CursusFout):
    """The group's answers cannot be read; the message is Dutch, for the trainer."""


@dataclass
class Deelnemer:
    sleutel: str  # the file (or nbgrader student folder) the answers came from: its identity
    naam: str | None  # the name shown when the trainer asks for names; None: none known
    antwoorden: dict[str, Any] = field(default_factory=dict)
    meldingen: list[str] = field(default_factory=list)
    nummer: int = 0  # "Deelnemer <nummer>", from the group's salt
    student: str | None = None  # nbgrader's student id (the folder in submitted/)
    eigen_naam: str | None = None  # the learner's own "naam voor de trainer"

    @property
    def label(self) -> str:
        return f"Deelnemer {self.nummer}"


@dataclass
class Groep:
    deelnemers: list[Deelnemer]  # in the order of their numbers
    overgeslagen: int = 0  # files that were not usable answer files
    bron: str = ""
    te_groot: int = 0  # files above the size limit, not read
    meldingen: list[str] = field(default_factory=list)  # Dutch notices for the page


def _onderdelen(pad: PurePosixPath) -> list[str]:
    return [p for p in pad.parts if p not in ("", "/", ".")]


def _identiteit(relatief: PurePosixPath) -> tuple[str, str | None, str | None]:
    """(identity, nbgrader student id, folder or file name) of an answer file at
    ``relatief`` inside the group's folder."""
    delen = _onderdelen(relatief)
    if "submitted" in delen[:-1]:
        i = delen.index("submitted")
        if i + 1 < len(delen) - 1:  # submitted/<student>/...
            return "/".join(delen[: i + 2]), delen[i + 1], delen[i + 1]
    stam = relatief.stem
    if ALGEMENE_NAAM.match(stam):  # a browser's "antwoorden (3)": the folder names who
        return str(relatief), None, (delen[-2] if len(delen) > 1 else None)
    return str(relatief), None, stam


def _is_kandidaat(naam: str) -> bool:
    """An answer file: JSON, not a hidden file (the salt, a lock, a save's temporary
    file) and not one of the copies the answer store keeps beside it."""
    return (naam.lower().endswith(".json") and not naam.startswith(".")
            and not NIET_HOOFDBESTAND.search(naam.lower()))


def _lees_bestand(pad: Path) -> tuple[dict[str, Any] | None, str | None]:
    inhoud = lees_bestand(pad)
    if inhoud.beschadigd:  # the store's own fallback: the last good copy beside it
        inhoud = Antwoordenbestand(pad).lees()
    if inhoud.beschadigd and not inhoud.antwoorden:
        return None, inhoud.melding
    return {k: a.waarde for k, a in inhoud.antwoorden.items()}, inhoud.melding


def _voeg_toe(groep: dict[str, Deelnemer], relatief: PurePosixPath, antwoorden: dict) -> None:
    sleutel, student, naam = _identiteit(relatief)
    deelnemer = groep.setdefault(sleutel, Deelnemer(sleutel, naam, student=student))
    eigen = schone_naam(antwoorden.pop(NAAMVELD, None))
    deelnemer.eigen_naam = eigen or deelnemer.eigen_naam
    deelnemer.antwoorden.update(antwoorden)


class _Telling:
    def __init__(self):
        self.overgeslagen = self.te_groot = 0


def _uit_map(map_: Path, telling: _Telling) -> dict[str, Deelnemer]:
    if (map_ / "submitted").is_dir():  # a course folder: only what students handed in
        basis = map_
        wortels = [map_ / "submitted"]
    elif map_.name == "submitted":  # nbgrader's folder itself
        basis, wortels = map_.parent, [map_]
    else:
        basis, wortels = map_, [map_]
    groep: dict[str, Deelnemer] = {}
    gezien = 0
    for wortel in wortels:
        for dirpad, mappen, bestanden in os.walk(wortel, followlinks=False):
            mappen[:] = sorted(m for m in mappen if m not in OVERSLAAN and not m.startswith("."))
            for naam in sorted(bestanden):
                if not _is_kandidaat(naam):
                    continue
                gezien += 1
                if gezien > MAX_BESTANDEN:
                    raise Overzichtfout(f"Er staan meer dan {MAX_BESTANDEN} antwoordbestanden in "
                                        f"{map_}. Kies een kleinere map.")
                pad = Path(dirpad) / naam
                try:
                    te_groot = pad.lstat().st_size > MAX_BESTAND_BYTES
                except OSError:
                    te_groot = False
                if te_groot:
                    telling.te_groot += 1
                    continue
                antwoorden, _ = _lees_bestand(pad)
                if antwoorden is None:
                    telling.overgeslagen += 1
                    continue
                _voeg_toe(groep, PurePosixPath(pad.relative_to(basis).as_posix()), antwoorden)
    return groep


def _uit_zip(pad: Path, telling: _Telling) -> dict[str, Deelnemer]:
    groep: dict[str, Deelnemer] = {}
    try:
        archief = zipfile.ZipFile(pad)
    except (zipfile.BadZipFile, OSError):
        raise Overzichtfout(f"{pad.name} is geen zip-bestand dat we kunnen openen.") from None
    with archief, tempfile.TemporaryDirectory() as tijdelijk:
        leden = [i for i in archief.infolist() if not i.is_dir()
                 and _is_kandidaat(PurePosixPath(i.filename).name)
                 and not (set(_onderdelen(PurePosixPath(i.filename))) & OVERSLAAN)]
        if len(leden) > MAX_BESTANDEN:
            raise Overzichtfout(f"Er staan meer dan {MAX_BESTANDEN} antwoordbestanden in {pad.name}.")
        if sum(i.file_size for i in leden) > MAX_ZIP_BYTES:
            raise Overzichtfout(f"{pad.name} is te groot om te lezen.")
        for n, info in enumerate(sorted(leden, key=lambda i: i.filename)):
            if info.file_size > MAX_BESTAND_BYTES:
                telling.te_groot += 1
                continue
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                telling.overgeslagen += 1  # a link
                continue
            doel = Path(tijdelijk) / f"{n:05d}.json"
            try:
                doel.write_bytes(archief.read(info))
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
                telling.overgeslagen += 1
                continue
            antwoorden, _ = _lees_bestand(doel)
            doel.unlink()
            if antwoorden is None:
                telling.overgeslagen += 1
                continue
            _voeg_toe(groep, PurePosixPath(info.filename), antwoorden)
    return groep


def zoutplek(bron: Path) -> Path:
    """Where the salt of the group in ``bron`` is kept: in its folder, or beside its zip."""
    return bron / ZOUTBESTAND if bron.is_dir() else bron.with_name(
        f"{ZOUTBESTAND.removesuffix('.json')}-{bron.name}.json")


def _lees_zout(pad: Path) -> tuple[bytes, dict[str, int]] | None:
    try:
        if pad.is_symlink() or pad.stat().st_size > MAX_BESTAND_BYTES:
            return None
        data = json.loads(pad.read_text(encoding="utf-8"))
        zout = bytes.fromhex(data["zout"])
        nummers = {str(k): int(v) for k, v in data["nummers"].items()
                   if isinstance(v, int) and not isinstance(v, bool) and v > 0}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return (zout, nummers) if len(zout) >= 16 else None


def nummer_deelnemers(bron: Path, deelnemers: list[Deelnemer]) -> list[str]:
    """Give every participant their number (see the module's docstring) and sort
    ``deelnemers`` by it; returns Dutch notices for the page (a damaged or unwritable
    numbering file)."""
    plek = zoutplek(bron)
    meldingen = []
    bewaard = _lees_zout(plek)
    if bewaard is None and plek.exists():
        meldingen.append("Het bestand met de nummering van deze groep was beschadigd. De "
                         "deelnemers hebben nu nieuwe nummers.")
    zout, nummers = bewaard if bewaard is not None else (secrets.token_bytes(32), {})
    kenmerk = {d.sleutel: hmac.new(zout, d.sleutel.encode("utf-8", "surrogatepass"),
                                   hashlib.sha256).hexdigest()[:24] for d in deelnemers}
    volgende = max(nummers.values(), default=0) + 1
    nieuw = False
    for d in sorted(deelnemers, key=lambda d: kenmerk[d.sleutel]):
        if kenmerk[d.sleutel] not in nummers:
            nummers[kenmerk[d.sleutel]] = volgende
            volgende += 1
            nieuw = True
        d.nummer = nummers[kenmerk[d.sleutel]]
    if nieuw or bewaard is None:
        inhoud = json.dumps({"uitleg": "De nummering van het groepsoverzicht. Niet delen; "
                             "niet in git.", "zout": zout.hex(), "nummers": nummers},
                            ensure_ascii=False, indent=1)
        try:
            tijdelijk = plek.with_name(plek.name + f".{secrets.token_hex(4)}.tmp")
            tijdelijk.write_text(inhoud + "\n", encoding="utf-8")
            os.replace(tijdelijk, plek)
        except OSError:
            meldingen.append(f"De nummering kon niet worden bewaard naast de antwoorden "
                             f"({plek.name}). Een volgende keer kunnen de nummers anders zijn.")
    deelnemers.sort(key=lambda d: d.nummer)
    return meldingen


def _namen_uit_cijferboek(bron: Path) -> dict[str, str]:
    """Student id -> "first last" from nbgrader's gradebook, when ``bron`` is a course
    folder or its ``submitted/``; empty when there is none or it cannot be read."""
    root = bron.parent if bron.name == "submitted" else bron
    if not (root / "nbgrader_config.py").is_file():
        return {}
    try:
        from werkalliantie.begeleiden.cursusmap import Cursusmap

        with Cursusmap(root).cijferboek() as gb:
            return {s.id: " ".join(n for n in (s.first_name, s.last_name) if n)
                    for s in gb.students if s.first_name or s.last_name}
    except Exception:  # noqa: BLE001 - no gradebook: the folder names are the names
        return {}


def lees_groep(bron: str | os.PathLike, *, namen: bool = False) -> Groep:
    """Every participant's answers in the folder or zip ``bron``, numbered; with
    ``namen``, each with the best name known (see the module's docstring)."""
    pad = Path(bron)
    if not pad.exists():
        raise Overzichtfout(f"{pad} bestaat niet. Noem een map of een zip-bestand met "
                            "antwoordbestanden (antwoorden.json).")
    telling = _Telling()
    if pad.is_dir():
        groep = _uit_map(pad, telling)
    elif zipfile.is_zipfile(pad):
        groep = _uit_zip(pad, telling)
    else:
        raise Overzichtfout(f"{pad.name} is geen map en geen zip-bestand.")
    grens = f"{MAX_BESTAND_BYTES // 1_000_000} MB"
    meldingen = []
    if telling.te_groot:
        meldingen.append(f"{aantal(telling.te_groot, 'bestand was', 'bestanden waren')} groter "
                         f"dan {grens}. Zo groot is een antwoordbestand nooit: "
                         f"{'het telt' if telling.te_groot == 1 else 'ze tellen'} niet mee.")
    if telling.overgeslagen:
        meldingen.append(f"{aantal(telling.overgeslagen, 'bestand kon', 'bestanden konden')} "
                         "niet worden gelezen (beschadigd of geen antwoordbestand) en "
                         f"{'telt' if telling.overgeslagen == 1 else 'tellen'} niet mee.")
    if not groep:
        raise Overzichtfout(
            f"In {pad} staan geen bruikbare antwoordbestanden van de cursus (antwoorden.json)."
            + (" " + " ".join(meldingen) if meldingen else ""))
    deelnemers = list(groep.values())
    meldingen += nummer_deelnemers(pad, deelnemers)
    if namen:
        uit_cijferboek = _namen_uit_cijferboek(pad) if any(d.student for d in deelnemers) else {}
        for d in deelnemers:
            d.naam = (uit_cijferboek.get(d.student) if d.student else None) or d.student \
                or d.eigen_naam or d.naam
    return Groep(deelnemers, telling.overgeslagen, str(pad), telling.te_groot, meldingen)
