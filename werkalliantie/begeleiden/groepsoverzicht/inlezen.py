"""Reading a group's answer files from any layout the trainer has.

A trainer collects ``antwoorden.json`` files in many ways: a flat folder from a download
(where they all carry the same name, so a browser calls them ``antwoorden (3).json``), a
folder per participant, nbgrader's ``submitted/<student>/<opdracht>/`` tree, or a zip
of any of these. :func:`lees_groep` finds every answer file in it and reads it with the
course's own answer store (size and nesting limits, never following a link), so a
damaged file is reported and skipped, never a reason to stop.

A participant is identified by the file (or, in nbgrader's tree, by the student's folder),
never by a name alone: two files both called ``antwoorden.json`` are two participants.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from werkalliantie.leren.antwoorden import MAX_BESTAND_BYTES, Antwoordenbestand
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven.getallen import aantal

MAX_BESTANDEN = 5_000
MAX_ZIP_BYTES = 500_000_000
NIET_HOOFDBESTAND = re.compile(r"\.(vorige|beschadigd-[^/]*|kopie-[^/]*)\.json$")
ALGEMENE_NAAM = re.compile(r"^antwoorden(?:\s*\(\d+\)|-\d+|_\d+)?$", re.I)
OVERSLAAN = {".ipynb_checkpoints", "__MACOSX", "autograded", "feedback", "release", "source"}


class Overzichtfout(CursusFout):
    """The group's answers cannot be read; the message is Dutch, for the trainer."""


@dataclass
class Deelnemer:
    sleutel: str  # the file (or nbgrader student folder) the answers came from: its identity
    naam: str  # shown only when the trainer asks for names
    antwoorden: dict[str, Any] = field(default_factory=dict)
    meldingen: list[str] = field(default_factory=list)


@dataclass
class Groep:
    deelnemers: list[Deelnemer]
    overgeslagen: int = 0  # files that were not usable answer files
    bron: str = ""


def _onderdelen(pad: PurePosixPath) -> list[str]:
    return [p for p in pad.parts if p not in ("", "/", ".")]


def _identiteit(relatief: PurePosixPath) -> tuple[str, str]:
    """(identity, name) of an answer file at ``relatief`` inside the group's folder."""
    delen = _onderdelen(relatief)
    if "submitted" in delen[:-1]:
        i = delen.index("submitted")
        if i + 1 < len(delen) - 1:  # submitted/<student>/...
            return "/".join(delen[: i + 2]), delen[i + 1]
    stam = relatief.stem
    if ALGEMENE_NAAM.match(stam) and len(delen) > 1:
        return str(relatief), delen[-2]
    return str(relatief), stam


def _is_kandidaat(naam: str) -> bool:
    return naam.lower().endswith(".json") and not NIET_HOOFDBESTAND.search(naam.lower())


def _lees_bestand(pad: Path) -> tuple[dict[str, Any] | None, str | None]:
    inhoud = Antwoordenbestand(pad).lees()
    if inhoud.beschadigd and not inhoud.antwoorden:
        return None, inhoud.melding
    return {k: a.waarde for k, a in inhoud.antwoorden.items()}, inhoud.melding


def _voeg_toe(groep: dict[str, Deelnemer], relatief: PurePosixPath, antwoorden: dict) -> None:
    sleutel, naam = _identiteit(relatief)
    deelnemer = groep.setdefault(sleutel, Deelnemer(sleutel, naam))
    deelnemer.antwoorden.update(antwoorden)


def _uit_map(map_: Path) -> tuple[dict[str, Deelnemer], int]:
    if (map_ / "submitted").is_dir():  # a course folder: only what students handed in
        basis = map_
        wortels = [map_ / "submitted"]
    elif map_.name == "submitted":  # nbgrader's folder itself
        basis, wortels = map_.parent, [map_]
    else:
        basis, wortels = map_, [map_]
    groep: dict[str, Deelnemer] = {}
    overgeslagen = gezien = 0
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
                antwoorden, _ = _lees_bestand(pad)
                if antwoorden is None:
                    overgeslagen += 1
                    continue
                _voeg_toe(groep, PurePosixPath(pad.relative_to(basis).as_posix()), antwoorden)
    return groep, overgeslagen


def _uit_zip(pad: Path) -> tuple[dict[str, Deelnemer], int]:
    groep: dict[str, Deelnemer] = {}
    overgeslagen = 0
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
            if info.file_size > MAX_BESTAND_BYTES or (info.external_attr >> 16) & 0o170000 == 0o120000:
                overgeslagen += 1  # too big, or a link
                continue
            doel = Path(tijdelijk) / f"{n:05d}.json"
            try:
                doel.write_bytes(archief.read(info))
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
                overgeslagen += 1
                continue
            antwoorden, _ = _lees_bestand(doel)
            doel.unlink()
            if antwoorden is None:
                overgeslagen += 1
                continue
            _voeg_toe(groep, PurePosixPath(info.filename), antwoorden)
    return groep, overgeslagen


def lees_groep(bron: str | os.PathLike) -> Groep:
    """Every participant's answers in the folder or zip ``bron``."""
    pad = Path(bron)
    if not pad.exists():
        raise Overzichtfout(f"{pad} bestaat niet. Noem een map of een zip-bestand met "
                            "antwoordbestanden (antwoorden.json).")
    if pad.is_dir():
        groep, overgeslagen = _uit_map(pad)
    elif zipfile.is_zipfile(pad):
        groep, overgeslagen = _uit_zip(pad)
    else:
        raise Overzichtfout(f"{pad.name} is geen map en geen zip-bestand.")
    if not groep:
        raise Overzichtfout(
            f"In {pad} staan geen bruikbare antwoordbestanden van de cursus (antwoorden.json)."
            + (f" {aantal(overgeslagen, 'bestand was', 'bestanden waren')} beschadigd of van een andere soort."
               if overgeslagen else ""))
    # The order of "Deelnemer 1, 2, ..." follows no name and no file order.
    deelnemers = sorted(groep.values(),
                        key=lambda d: hashlib.sha256(d.sleutel.encode()).hexdigest())
    return Groep(deelnemers, overgeslagen, str(pad))
