"""The learner's answer file: ``antwoorden.json`` beside the notebook.

Contract (DESIGN.md):
- written only by an explicit action of the learner (:meth:`Antwoordenbestand.bewaar`),
  never by reading, so restoring saved values into a widget never writes;
- several notebooks and kernels may share one file: a save is a read-modify-write under
  a file lock, then an atomic replace (temporary file, fsync, rename);
- the file carries a schema version and maps question ids to a value and a timestamp;
- a damaged file is reported in plain Dutch when it is read and set aside under a new
  name at the next save; the copy of the last good version (``antwoorden.vorige.json``,
  refreshed before every replace) keeps what was saved before.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

with warnings.catch_warnings():
    # In the browser (Pyodide) there is no flock(): filelock falls back to a lock file and
    # warns at import, a warning the learner would see under the exercise.
    warnings.simplefilter("ignore", UserWarning)
    from filelock import FileLock, Timeout

BESTANDSNAAM = "antwoorden.json"
SCHEMA = "werkalliantie-antwoorden"
VERSIE = 1
# One answer may hold a long open text, not a book: 20,000 characters of text and a
# bounded structure keep the file small and every reader fast.
MAX_TEKST = 20_000
MAX_ANTWOORD_BYTES = 200_000
MAX_VRAAG_ID = 100
_LOSSE_SURROGAAT = re.compile("[\ud800-\udfff]")


class AntwoordenFout(Exception):
    """A save that cannot be done safely; the message is Dutch, for the learner."""


@dataclass(frozen=True)
class Antwoord:
    waarde: Any
    opgeslagen: str  # ISO 8601 with time zone

    @property
    def tijdstip(self) -> datetime:
        return datetime.fromisoformat(self.opgeslagen)


@dataclass(frozen=True)
class Inhoud:
    """What a read found: the answers, and a Dutch message when something was wrong."""

    antwoorden: dict[str, Antwoord] = field(default_factory=dict)
    melding: str | None = None
    beschadigd: bool = False  # the file exists but cannot be used
    te_nieuw: bool = False  # written by a newer version of the course: never overwrite

    def waarde(self, vraag_id: str, standaard: Any = None) -> Any:
        antwoord = self.antwoorden.get(vraag_id)
        return standaard if antwoord is None else antwoord.waarde


def _nu() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def _schoon(waarde: Any, diepte: int = 0) -> Any:
    """A JSON-safe copy of ``waarde``; Dutch error for what cannot be stored."""
    if diepte > 20:
        raise AntwoordenFout("Dit antwoord is te ingewikkeld om op te slaan.")
    if waarde is None or isinstance(waarde, bool | int):
        return waarde
    if isinstance(waarde, float):
        if not math.isfinite(waarde):
            raise AntwoordenFout("Dit antwoord bevat een ongeldig getal.")
        return waarde
    if isinstance(waarde, str):
        if len(waarde) > MAX_TEKST:
            raise AntwoordenFout(
                f"Je tekst is te lang om op te slaan ({len(waarde)} tekens). "
                f"Het maximum is {MAX_TEKST} tekens. Maak je tekst korter.")
        # A lone surrogate (half an emoji) cannot be written as UTF-8.
        return _LOSSE_SURROGAAT.sub("\ufffd", waarde)
    if isinstance(waarde, list | tuple):
        return [_schoon(w, diepte + 1) for w in waarde]
    if isinstance(waarde, dict):
        return {str(k): _schoon(w, diepte + 1) for k, w in waarde.items()}
    raise AntwoordenFout(f"Dit soort antwoord kan niet worden opgeslagen ({type(waarde).__name__}).")


def _ontleed(tekst: str, pad: Path) -> Inhoud:
    """Parse a file's text; damage and foreign versions come back as a message."""
    try:
        data = json.loads(tekst)
    except (json.JSONDecodeError, RecursionError):
        data = None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return Inhoud(beschadigd=True, melding=(
            f"Het bestand met je antwoorden ({pad.name}) is beschadigd en kan niet worden "
            "gelezen. Bij je volgende opslag zetten we het apart onder een nieuwe naam, "
            "zodat er niets verloren gaat."))
    versie = data.get("versie")
    if not isinstance(versie, int) or versie > VERSIE:
        return Inhoud(te_nieuw=True, melding=(
            f"Het bestand met je antwoorden ({pad.name}) is gemaakt met een nieuwere versie "
            f"van de cursus (bestandsversie {versie!r}; deze cursus kent versie {VERSIE}). "
            "Werk de cursus bij. Tot die tijd slaan we niets op, zodat je antwoorden "
            "veilig blijven."))
    ruwe = data.get("antwoorden")
    if not isinstance(ruwe, dict):
        return Inhoud(beschadigd=True, melding=(
            f"Het bestand met je antwoorden ({pad.name}) is beschadigd: de antwoorden "
            "ontbreken. Bij je volgende opslag zetten we het apart onder een nieuwe naam."))
    antwoorden = {}
    for vraag_id, item in ruwe.items():
        if isinstance(item, dict) and "waarde" in item and isinstance(item.get("opgeslagen"), str):
            antwoorden[str(vraag_id)] = Antwoord(item["waarde"], item["opgeslagen"])
    return Inhoud(antwoorden=antwoorden)


class Antwoordenbestand:
    """The answer file of one folder. Cheap to create; reads and writes on demand."""

    def __init__(self, pad: str | os.PathLike | None = None):
        pad = Path(pad) if pad is not None else Path.cwd() / BESTANDSNAAM
        self.pad = pad if pad.suffix == ".json" else pad / BESTANDSNAAM
        self.vorige = self.pad.with_name(self.pad.stem + ".vorige.json")
        slot = str(self.pad.with_name("." + self.pad.name + ".lock"))
        if sys.platform == "emscripten":
            # In the browser (Pyodide, JupyterLite) the file lives in the browser's storage,
            # where neither flock() nor filelock's soft lock works: the soft lock cannot
            # recognise its own lock file there (no stable inode numbers), leaves it behind
            # and so blocks every later save. The only writers are this learner's tabs, and
            # a save takes milliseconds: no lock there.
            self._slot = contextlib.nullcontext()
        else:
            self._slot = FileLock(slot, timeout=10)

    # -- reading: never writes -------------------------------------------------------

    def lees(self) -> Inhoud:
        """The saved answers. A damaged file falls back to the last good copy."""
        inhoud = self._lees_bestand(self.pad)
        if not inhoud.beschadigd:
            return inhoud
        reserve = self._lees_bestand(self.vorige)
        if reserve.antwoorden and not reserve.beschadigd:
            return Inhoud(antwoorden=reserve.antwoorden, beschadigd=True, melding=(
                inhoud.melding + " Je ziet nu de laatste goede versie van je antwoorden."))
        return inhoud

    def waarde(self, vraag_id: str, standaard: Any = None) -> Any:
        return self.lees().waarde(vraag_id, standaard)

    @staticmethod
    def _lees_bestand(pad: Path) -> Inhoud:
        try:
            tekst = pad.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Inhoud()
        except (UnicodeDecodeError, OSError):
            return _ontleed("", pad)
        return _ontleed(tekst, pad)

    # -- writing: only by an explicit action of the learner -------------------------

    def bewaar(self, vraag_id: str, waarde: Any) -> Antwoord:
        """Save one answer; the other answers in the file stay as they are."""
        return self.bewaar_meerdere({vraag_id: waarde})[vraag_id]

    def bewaar_meerdere(self, waarden: dict[str, Any]) -> dict[str, Antwoord]:
        schoon = {}
        for vraag_id, waarde in waarden.items():
            if not isinstance(vraag_id, str) or not 0 < len(vraag_id) <= MAX_VRAAG_ID:
                raise AntwoordenFout("Deze vraag heeft geen geldige naam.")
            schoon[vraag_id] = _schoon(waarde)
            if len(json.dumps(schoon[vraag_id], ensure_ascii=False).encode()) > MAX_ANTWOORD_BYTES:
                raise AntwoordenFout("Dit antwoord is te groot om op te slaan.")
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._slot:
                return self._bewaar_onder_slot(schoon)
        except Timeout:
            raise AntwoordenFout(
                "Je antwoorden konden niet worden opgeslagen: het bestand is bezet. "
                "Probeer het zo nog eens.") from None
        except OSError as fout:
            raise AntwoordenFout(
                f"Je antwoorden konden niet worden opgeslagen ({fout.strerror}).") from None

    def _bewaar_onder_slot(self, waarden: dict[str, Any]) -> dict[str, Antwoord]:
        huidig = self._lees_bestand(self.pad)
        if huidig.te_nieuw:
            raise AntwoordenFout(huidig.melding)
        if huidig.beschadigd:
            # Keep the damaged file under a new name; start from the last good copy.
            apart = self.pad.with_name(
                f"{self.pad.stem}.beschadigd-{datetime.now():%Y%m%d-%H%M%S-%f}.json")
            os.replace(self.pad, apart)
            huidig = self._lees_bestand(self.vorige)
            if huidig.beschadigd or huidig.te_nieuw:
                huidig = Inhoud()
        elif self.pad.exists():
            self._schrijf_atomisch(self.vorige, self.pad.read_bytes())
        tijd = _nu()
        nieuw = {vid: Antwoord(w, tijd) for vid, w in waarden.items()}
        alle = {**huidig.antwoorden, **nieuw}
        data = {
            "schema": SCHEMA,
            "versie": VERSIE,
            "antwoorden": {vid: {"waarde": a.waarde, "opgeslagen": a.opgeslagen}
                           for vid, a in sorted(alle.items())},
        }
        tekst = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        self._schrijf_atomisch(self.pad, tekst.encode("utf-8"))
        return nieuw

    @staticmethod
    def _schrijf_atomisch(pad: Path, inhoud: bytes) -> None:
        fd, tijdelijk = tempfile.mkstemp(prefix="." + pad.name + ".", suffix=".tmp", dir=pad.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(inhoud)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tijdelijk, pad)
        except BaseException:
            Path(tijdelijk).unlink(missing_ok=True)
            raise
        if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
            dir_fd = os.open(pad.parent, os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
