"""The learner's answer file: ``antwoorden.json`` beside the notebook.

Contract (DESIGN.md, "Answer file"), and what this module guarantees:

Writing
- The file is written only by an explicit action of the learner (:meth:`Antwoordenbestand.bewaar`),
  never by reading, so restoring saved values into a widget never writes.
- Several notebooks and kernels may share one file: a save is a read-modify-write under a
  file lock (``filelock``; in the browser, Pyodide, no lock: see ``Antwoordenbestand``), then an
  atomic replace (temporary file, fsync, rename). A save killed at any moment leaves the
  old file or the new one, never a mix; its temporary file is removed at the next save.
- Before every replace the current file is copied to ``antwoorden.vorige.json`` (the last
  good copy).
- A file that is not fully understood is never replaced without a copy: a damaged one
  (not JSON, a foreign schema, too big or too deeply nested, a symlink, not a regular
  file, unreadable) is moved aside as
  ``antwoorden.beschadigd-<time>.json`` (a symlink is moved as a link: its target is
  never written); a readable one with an unknown or newer ``versie`` or with values that
  cannot be used is copied to ``antwoorden.kopie-<time>.json`` first. The learner can
  always save; :attr:`Antwoord.melding` says in Dutch what was set aside.
- A save that cannot be done raises :class:`AntwoordenFout` with a Dutch message (also
  for absurd values, a full disk or a busy file); what was saved before stays readable.
  Nothing is written that a read would refuse (limits below), so no file of ours can
  block a later save.

Reading
- Never writes, never follows a symlink (``O_NOFOLLOW``), never reads more than
  :data:`MAX_BESTAND_BYTES`, and never raises, whatever the file holds.
- UTF-8 with or without BOM, UTF-16 and UTF-32 (with BOM, or told by their zero bytes)
  are read.
- Values obey the rules of saving: NaN, Infinity, numbers beyond ±2**53 (also numbers of
  thousands of digits, checked before ``int()`` sees them), over-long texts, too deep
  nesting and repeated keys inside an answer become ``None``; an answer that is wholly
  unusable or too big, a repeated question id or an entry of the wrong type is left out.
  Both are named in :attr:`Inhoud.ongeldig` and in the Dutch message, and the next save
  copies the file aside first. A file nested deeper than any answer can be (checked
  before parsing), with more than :data:`MAX_ANTWOORDEN` answers or with repeated keys
  at its top is damaged. A timestamp that is no ISO time reads as ``""``.
- An unknown or newer ``versie`` is read as far as possible (:attr:`Inhoud.onbekende_versie`,
  :attr:`Inhoud.te_nieuw`).
- A damaged or missing main file falls back to ``antwoorden.vorige.json``
  (:attr:`Inhoud.uit_reserve`), and the next save starts from that copy.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import errno
import itertools
import json
import math
import os
import re
import stat
import sys
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from werkalliantie.leren.bestanden import schrijf_atomisch
from werkalliantie.leren.fouten import CursusFout

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
MAX_ANTWOORDEN = 5_000  # per file; a course has far fewer questions
MAX_DIEPTE = 20  # nesting inside one answer
# Larger numbers are absurd for an answer, and JavaScript (the browser) loses their digits.
MAX_GETAL = 2**53
# A file is never read (nor written) beyond this size: realistic files stay far below.
MAX_BESTAND_BYTES = 10_000_000
# Not an answer to a question: the name a learner may give for the trainer's group overview
# (optional; the trainer sees it only when asking for names). Question ids start with a
# letter (the bundle checks), so this key never clashes with one.
NAAMVELD = "_naam_voor_de_trainer"
MAX_NAAM = 80
# The file's own levels (object, "antwoorden", entry) on top of an answer's, with margin.
_MAX_NESTING_BESTAND = MAX_DIEPTE + 10
_MAX_TIJD = 64
_LOSSE_SURROGAAT = re.compile("[\ud800-\udfff]")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BINNENSTE_HAAKJES = re.compile(r"\[[^\[\]{}]*\]|\{[^\[\]{}]*\}")
_LANG_GETAL = re.compile(r"[0-9]{21}")
_TIJDELIJK = re.compile(r"\.(?P<naam>.+)\.[a-z0-9_]{8}\.tmp")  # tempfile.mkstemp's names
_LEESVLAGGEN = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))


def is_hulpbestand(naam: str) -> bool:
    """True for the files the answer store itself leaves beside the answers: its lock file
    and a temporary file of an interrupted save. They hold no answers."""
    return naam == f".{BESTANDSNAAM}.lock" or bool(_TIJDELIJK.fullmatch(naam))


class AntwoordenFout(CursusFout):
    """A save that cannot be done safely; the message is Dutch, for the learner."""


@dataclass(frozen=True)
class Antwoord:
    waarde: Any
    opgeslagen: str  # ISO 8601 with time zone; "" when a file held no valid time
    # Set on what a save returns: what the save set aside or restored, in Dutch.
    melding: str | None = field(default=None, compare=False)

    @property
    def tijdstip(self) -> datetime:
        return datetime.fromisoformat(self.opgeslagen)


@dataclass(frozen=True)
class Inhoud:
    """What a read found: the answers, and a Dutch message when something was wrong."""

    antwoorden: dict[str, Antwoord] = field(default_factory=dict)
    melding: str | None = None
    beschadigd: bool = False  # the file exists but cannot be used
    te_nieuw: bool = False  # written by a newer version of the course (read as far as possible)
    onbekende_versie: bool = False  # newer or unknown ``versie``: read as far as possible
    ongeldig: tuple[str, ...] = ()  # question ids whose saved value was (partly) unusable
    uit_reserve: bool = False  # the answers come from the last good copy (antwoorden.vorige.json)

    def waarde(self, vraag_id: str, standaard: Any = None) -> Any:
        antwoord = self.antwoorden.get(vraag_id)
        return standaard if antwoord is None else antwoord.waarde

    @property
    def naam_voor_de_trainer(self) -> str | None:
        """The name the learner gave for the trainer (:data:`NAAMVELD`), spaces tidied and
        at most :data:`MAX_NAAM` characters; None when there is none."""
        return schone_naam(self.waarde(NAAMVELD))

    @property
    def vragen(self) -> dict[str, Antwoord]:
        """The answers to questions: everything but the name for the trainer."""
        return {k: a for k, a in self.antwoorden.items() if k != NAAMVELD}


def schone_naam(waarde: Any) -> str | None:
    """A name as the learner typed it: one line, single spaces, at most MAX_NAAM characters."""
    if not isinstance(waarde, str):
        return None
    naam = " ".join(waarde.split())[:MAX_NAAM].strip()
    return naam or None


def _nu() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# -- the rules every value obeys, when it is saved and when it is read ---------------------

class _Ongeldig:
    """A number in a file that no answer can hold (NaN, Infinity, too big)."""

    __slots__ = ()


_ONGELDIG = _Ongeldig()


class _Dubbel(dict):
    """A JSON object whose keys repeat; ``dubbel`` holds the repeated keys."""

    dubbel: frozenset[str] = frozenset()


def _object(paren: list[tuple[str, Any]]) -> dict:
    obj = dict(paren)
    if len(obj) == len(paren):
        return obj
    gezien: set[str] = set()
    dubbel: set[str] = set()
    for sleutel, _ in paren:
        (dubbel if sleutel in gezien else gezien).add(sleutel)
    uit = _Dubbel(obj)
    uit.dubbel = frozenset(dubbel)
    return uit


def _geheel_getal(tekst: str) -> int | _Ongeldig:
    # Checked before int(): beyond 4,300 digits int() raises ValueError.
    if len(tekst) > 20:
        return _ONGELDIG
    getal = int(tekst)
    return getal if abs(getal) <= MAX_GETAL else _ONGELDIG


# Floats, NaN and Infinity are checked by _schoon; only a text with a long run of digits
# needs the (slower) decoder that checks each integer before int() sees it.
_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_constant=lambda _: _ONGELDIG)
_DECODER_LANGE_GETALLEN = json.JSONDecoder(object_pairs_hook=_object, parse_int=_geheel_getal,
                                           parse_constant=lambda _: _ONGELDIG)


def _afwijzen(melding: str, fouten: list[str] | None) -> None:
    if fouten is None:
        raise AntwoordenFout(melding)
    fouten.append(melding)
    return None


def _schoon(waarde: Any, diepte: int = 0, fouten: list[str] | None = None) -> Any:
    """A JSON-safe copy of ``waarde`` under the store's rules.

    Saving (``fouten`` is None): a value that breaks a rule raises :class:`AntwoordenFout`
    with a Dutch message. Reading (``fouten`` a list): it becomes None and the reason is
    added to ``fouten``.
    """
    if diepte > MAX_DIEPTE:
        return _afwijzen("Dit antwoord is te ingewikkeld om op te slaan.", fouten)
    if type(waarde) is str and len(waarde) <= MAX_TEKST and waarde.isascii():
        return waarde  # the common case, early: plain ASCII text has no lone surrogate
    if waarde is None or isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, int):
        if abs(waarde) > MAX_GETAL:  # never str() it: that raises beyond 4,300 digits
            return _afwijzen("Dit antwoord bevat een getal dat te groot is.", fouten)
        return int(waarde)
    if isinstance(waarde, float):
        if not math.isfinite(waarde) or abs(waarde) > MAX_GETAL:
            return _afwijzen("Dit antwoord bevat een ongeldig getal.", fouten)
        return float(waarde)
    if isinstance(waarde, _Ongeldig):
        return _afwijzen("Dit antwoord bevat een ongeldig getal.", fouten)
    if isinstance(waarde, str):
        if len(waarde) > MAX_TEKST:
            return _afwijzen(
                f"Je tekst is te lang om op te slaan ({len(waarde)} tekens). "
                f"Het maximum is {MAX_TEKST} tekens. Maak je tekst korter.", fouten)
        # A lone surrogate (half an emoji) cannot be written as UTF-8.
        return _LOSSE_SURROGAAT.sub("\ufffd", str(waarde))
    if isinstance(waarde, list | tuple):
        return [_schoon(w, diepte + 1, fouten) for w in waarde]
    if isinstance(waarde, _Dubbel):
        return _afwijzen("In dit antwoord staat dezelfde naam twee keer.", fouten)
    if isinstance(waarde, dict):
        uit = {}
        for sleutel, w in waarde.items():
            if isinstance(sleutel, str) and len(sleutel) <= MAX_TEKST:
                if not (type(sleutel) is str and sleutel.isascii()):
                    sleutel = _LOSSE_SURROGAAT.sub("\ufffd", str(sleutel))
            elif (isinstance(sleutel, int) and not isinstance(sleutel, bool)
                  and abs(sleutel) <= MAX_GETAL):
                sleutel = str(int(sleutel))
            else:
                _afwijzen("Dit antwoord bevat een ongeldige naam.", fouten)
                continue
            uit[sleutel] = _schoon(w, diepte + 1, fouten)
        return uit
    return _afwijzen(f"Dit soort antwoord kan niet worden opgeslagen ({type(waarde).__name__}).",
                     fouten)


def _grootte(waarde: Any) -> int:
    """Bytes of ``waarde`` as the file holds it (unusable parts count as null)."""
    return len(json.dumps(waarde, ensure_ascii=False, default=lambda _: None)
               .encode("utf-8", "surrogatepass"))


def _geldige_id(vraag_id: Any) -> bool:
    return (isinstance(vraag_id, str) and 0 < len(vraag_id) <= MAX_VRAAG_ID
            and not _LOSSE_SURROGAAT.search(vraag_id))


def _geldige_tijd(tijd: Any) -> bool:
    if not isinstance(tijd, str) or len(tijd) > _MAX_TIJD:
        return False
    try:
        datetime.fromisoformat(tijd)
    except ValueError:
        return False
    return True


# -- reading ---------------------------------------------------------------------------------

def _decodeer(ruw: bytes) -> str:
    """Text of a JSON file: UTF-8 (BOM or not), UTF-16 or UTF-32. Raises UnicodeError."""
    if ruw.startswith(codecs.BOM_UTF8):
        return ruw[len(codecs.BOM_UTF8):].decode("utf-8")
    if ruw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return ruw.decode("utf-32")
    if ruw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ruw.decode("utf-16")
    # Without a BOM, JSON starts with an ASCII character: its zero bytes tell the encoding.
    begin = ruw[:4]
    if len(begin) == 4 and begin[:3] == b"\0\0\0":
        return ruw.decode("utf-32-be")
    if len(begin) == 4 and begin[1:] == b"\0\0\0":
        return ruw.decode("utf-32-le")
    if len(begin) >= 2 and begin[0] == 0 and begin[1] != 0:
        return ruw.decode("utf-16-be")
    if len(begin) >= 2 and begin[0] != 0 and begin[1] == 0:
        return ruw.decode("utf-16-le")
    return ruw.decode("utf-8")


def _te_diep(tekst: str) -> bool:
    """Whether arrays and objects nest deeper than a file of ours can (checked before
    parsing, so that no parser recursion limit is ever reached)."""
    if tekst.count("[") + tekst.count("{") <= _MAX_NESTING_BESTAND:
        return False
    # Peel off the innermost brackets, one level per pass (each pass runs in C).
    tekst = _STRING.sub("0", tekst)
    for _ in range(_MAX_NESTING_BESTAND + 1):
        kaler = _BINNENSTE_HAAKJES.sub("0", tekst)
        if kaler == tekst:
            return False
        tekst = kaler
    return True


def _namen(ids: tuple[str, ...]) -> str:
    getoond = ["„" + "".join(t if t.isprintable() else "?" for t in i[:40]) + "”"
               for i in ids[:3]]
    rest = len(ids) - len(getoond)
    return ", ".join(getoond) + (f" en nog {rest} andere" if rest else "")


def _beschadigd(naam: str, reden: str = "is beschadigd en kan niet worden gelezen") -> Inhoud:
    return Inhoud(beschadigd=True, melding=(
        f"Het bestand met je antwoorden ({naam}) {reden}. Bij je volgende opslag zetten we "
        "het apart onder een nieuwe naam, zodat er niets verloren gaat."))


@dataclass(frozen=True)
class _Gelezen:
    """One file as read: what it holds, and the bytes for the copies a save makes."""

    inhoud: Inhoud
    ruw: bytes | None = None
    bestaat: bool = True

    @property
    def bruikbaar(self) -> bool:
        return self.bestaat and not self.inhoud.beschadigd

    @property
    def volledig(self) -> bool:  # fully understood: rewriting it loses nothing
        return not (self.inhoud.onbekende_versie or self.inhoud.ongeldig)


def _ontleed(ruw: bytes, naam: str) -> Inhoud:
    """What a file's bytes hold; damage, unknown versions and bad values come back as a message."""
    try:
        tekst = _decodeer(ruw)
    except UnicodeError:
        return _beschadigd(naam)
    if _te_diep(tekst):
        return _beschadigd(naam)
    decoder = _DECODER_LANGE_GETALLEN if _LANG_GETAL.search(tekst) else _DECODER
    try:
        data = decoder.decode(tekst)
    except (ValueError, RecursionError):
        return _beschadigd(naam)
    if not isinstance(data, dict) or isinstance(data, _Dubbel) or data.get("schema") != SCHEMA:
        return _beschadigd(naam)
    ruwe = data.get("antwoorden")
    if not isinstance(ruwe, dict):
        return _beschadigd(naam, "is beschadigd: de antwoorden ontbreken")
    if len(ruwe) > MAX_ANTWOORDEN:
        return _beschadigd(naam, "is beschadigd: er staan te veel antwoorden in")

    meldingen = []
    versie = data.get("versie")
    te_nieuw = type(versie) is int and versie > VERSIE
    onbekend = not (type(versie) is int and versie == VERSIE)
    if te_nieuw:
        meldingen.append(
            f"Het bestand met je antwoorden ({naam}) is gemaakt met een nieuwere versie van de "
            f"cursus (bestandsversie {versie}; deze cursus kent versie {VERSIE}). Werk de cursus "
            "bij als dat kan. We laten zien wat we kunnen lezen.")
    elif onbekend:
        meldingen.append(
            f"Het bestand met je antwoorden ({naam}) heeft een onbekende bestandsversie. "
            "We laten zien wat we kunnen lezen.")

    antwoorden: dict[str, Antwoord] = {}
    ongeldig: list[str] = []
    totaal = 0
    # Written out again, a value takes at most about 4.5 times its text in the file (a
    # number such as 9e15 in full): in a small file no answer can reach the limit, nor the
    # whole file, so the sizes need not be measured one by one.
    klein = len(ruw) * 8 <= MAX_ANTWOORD_BYTES
    dubbel = ruwe.dubbel if isinstance(ruwe, _Dubbel) else frozenset()
    for vraag_id, item in ruwe.items():
        if (vraag_id in dubbel or not _geldige_id(vraag_id) or not isinstance(item, dict)
                or isinstance(item, _Dubbel) or "waarde" not in item):
            ongeldig.append(vraag_id)
            continue
        grootte = 0 if klein else _grootte(item["waarde"])
        if grootte > MAX_ANTWOORD_BYTES:
            ongeldig.append(vraag_id)
            continue
        fouten: list[str] = []
        waarde = _schoon(item["waarde"], 0, fouten)
        if fouten:
            ongeldig.append(vraag_id)
            if waarde is None:  # nothing of this answer is usable
                continue
        tijd = item.get("opgeslagen")
        tijd = tijd if _geldige_tijd(tijd) else ""
        antwoorden[vraag_id] = Antwoord(waarde, tijd)
        if not klein:  # what this answer's line takes when written again (see _als_tekst)
            totaal += grootte + _grootte(vraag_id) + len(tijd) + 40
    if totaal + 100 > MAX_BESTAND_BYTES:  # rewritten, it would be too big to read back
        return _beschadigd(naam, "is te groot om te lezen")
    if ongeldig:
        meldingen.append(
            f"In het bestand met je antwoorden ({naam}) staan waarden die we niet kunnen "
            f"gebruiken, bij {_namen(tuple(ongeldig))}. Die laten we weg.")
    if onbekend or ongeldig:
        meldingen.append("Als je opslaat, bewaren we eerst een kopie van het oude bestand, "
                         "zodat er niets verloren gaat.")
    return Inhoud(antwoorden=antwoorden, melding=" ".join(meldingen) or None,
                  te_nieuw=te_nieuw, onbekende_versie=onbekend, ongeldig=tuple(ongeldig))


def _lees_bestand(pad: Path) -> _Gelezen:
    """Read one file without following a symlink and without reading more than the
    maximum; never raises."""
    try:
        if not hasattr(os, "O_NOFOLLOW") and os.path.islink(pad):
            return _Gelezen(_beschadigd(pad.name, "is een verwijzing naar een ander bestand. "
                                                  "Zo'n verwijzing lezen we niet"))
        try:
            fd = os.open(pad, _LEESVLAGGEN)
        except OSError as fout:
            if os.path.islink(pad):  # O_NOFOLLOW refused it (ELOOP)
                return _Gelezen(_beschadigd(pad.name, "is een verwijzing naar een ander "
                                                      "bestand. Zo'n verwijzing lezen we niet"))
            if isinstance(fout, FileNotFoundError):
                return _Gelezen(Inhoud(), bestaat=False)
            return _Gelezen(_beschadigd(pad.name, "kan niet worden geopend"))
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):
                return _Gelezen(_beschadigd(pad.name, "is geen gewoon bestand"))
            te_groot = _beschadigd(pad.name, (
                f"is te groot om te lezen (meer dan {MAX_BESTAND_BYTES // 1_000_000} MB)"))
            if status.st_size > MAX_BESTAND_BYTES:
                return _Gelezen(te_groot)
            delen, over = [], MAX_BESTAND_BYTES + 1  # the file may grow while we read
            while over > 0:
                deel = os.read(fd, min(over, 1 << 20))
                if not deel:
                    break
                delen.append(deel)
                over -= len(deel)
            ruw = b"".join(delen)
        finally:
            os.close(fd)
        if len(ruw) > MAX_BESTAND_BYTES:
            return _Gelezen(te_groot)
        return _Gelezen(_ontleed(ruw, pad.name), ruw)
    except Exception:  # e.g. MemoryError: whatever a file holds, reading never raises
        return _Gelezen(_beschadigd(pad.name))


def lees_bestand(pad: str | os.PathLike) -> Inhoud:
    """One file exactly as the store reads it, without the fallback to the last good copy
    (:meth:`Antwoordenbestand.lees` falls back). Never writes, never raises."""
    return _lees_bestand(Path(pad)).inhoud


def _schrijffout(fout: OSError) -> str:
    reden = {
        errno.ENOSPC: "de schijf is vol",
        getattr(errno, "EDQUOT", -1): "je opslagruimte is vol",
        errno.EFBIG: "het bestand wordt te groot",
        errno.EACCES: "je mag in deze map niet schrijven",
        errno.EPERM: "je mag in deze map niet schrijven",
        errno.EROFS: "in deze map kan niets worden opgeslagen",
    }.get(fout.errno, fout.strerror or type(fout).__name__)
    return (f"Je antwoorden konden niet worden opgeslagen: {reden}. Wat je eerder hebt "
            "opgeslagen, blijft bewaard. Probeer het later nog eens of vraag om hulp.")


class Antwoordenbestand:
    """The answer file of one folder. Cheap to create; reads and writes on demand."""

    def __init__(self, pad: str | os.PathLike | None = None):
        pad = Path(pad) if pad is not None else Path.cwd() / BESTANDSNAAM
        self.pad = pad if pad.suffix == ".json" else pad / BESTANDSNAAM
        self.vorige = self.pad.with_name(self.pad.stem + ".vorige.json")
        self._slotpad = self.pad.with_name("." + self.pad.name + ".lock")
        if sys.platform == "emscripten":
            # In the browser (Pyodide, JupyterLite) the file lives in the browser's storage,
            # where neither flock() nor filelock's soft lock works: the soft lock cannot
            # recognise its own lock file there (no stable inode numbers), leaves it behind
            # and so blocks every later save. The only writers are this learner's tabs, and
            # a save takes milliseconds: no lock there.
            self._slot = contextlib.nullcontext()
        else:
            self._slot = FileLock(str(self._slotpad), timeout=10)

    # -- reading: never writes -------------------------------------------------------

    def lees(self) -> Inhoud:
        """The saved answers. A damaged or missing file falls back to the last good copy."""
        hoofd = _lees_bestand(self.pad)
        if hoofd.bruikbaar:
            return hoofd.inhoud
        reserve = _lees_bestand(self.vorige)
        if not (reserve.bruikbaar and reserve.inhoud.antwoorden):
            return hoofd.inhoud
        if hoofd.bestaat:
            melding = (hoofd.inhoud.melding
                       + " Je ziet nu de laatste goede versie van je antwoorden.")
        else:
            melding = (f"Het bestand met je antwoorden ({self.pad.name}) ontbreekt. Je ziet nu "
                       f"de laatste goede versie van je antwoorden ({self.vorige.name}). Bij je "
                       f"volgende opslag zetten we die terug in {self.pad.name}.")
        if reserve.inhoud.melding:
            melding += " " + reserve.inhoud.melding
        return dataclasses.replace(reserve.inhoud, melding=melding, uit_reserve=True,
                                   beschadigd=hoofd.bestaat)

    def waarde(self, vraag_id: str, standaard: Any = None) -> Any:
        return self.lees().waarde(vraag_id, standaard)

    # -- writing: only by an explicit action of the learner -------------------------

    def bewaar(self, vraag_id: str, waarde: Any) -> Antwoord:
        """Save one answer; the other answers in the file stay as they are."""
        return self.bewaar_meerdere({vraag_id: waarde})[vraag_id]

    def bewaar_meerdere(self, waarden: dict[str, Any]) -> dict[str, Antwoord]:
        schoon = {}
        for vraag_id, waarde in waarden.items():
            if not _geldige_id(vraag_id):
                raise AntwoordenFout("Deze vraag heeft geen geldige naam.")
            schoon[vraag_id] = _schoon(waarde)
            if len(json.dumps(schoon[vraag_id], ensure_ascii=False).encode()) > MAX_ANTWOORD_BYTES:
                raise AntwoordenFout("Dit antwoord is te groot om op te slaan.")
        try:
            self.pad.parent.mkdir(parents=True, exist_ok=True)
            if os.path.islink(self._slotpad):  # a real lock file is never a symlink
                os.unlink(self._slotpad)
            with self._slot:
                return self._bewaar_onder_slot(schoon)
        except Timeout:
            raise AntwoordenFout(
                "Je antwoorden konden niet worden opgeslagen: het bestand is bezet. "
                "Probeer het zo nog eens.") from None
        except OSError as fout:
            raise AntwoordenFout(_schrijffout(fout)) from None

    def _bewaar_onder_slot(self, waarden: dict[str, Any]) -> dict[str, Antwoord]:
        # Every writer writes its temporary files under this lock: those left now are stale.
        self._ruim_tijdelijke_bestanden_op()
        hoofd = _lees_bestand(self.pad)
        meldingen = []
        if hoofd.bruikbaar:
            basis = hoofd
        else:  # damaged or missing: start from the last good copy
            reserve = _lees_bestand(self.vorige)
            basis = reserve if reserve.bruikbaar else None
            if not hoofd.bestaat and basis is not None and basis.inhoud.antwoorden:
                meldingen.append(f"Je eerdere antwoorden uit {self.vorige.name} staan weer "
                                 f"in {self.pad.name}.")

        # Build and check the new file before anything on disk changes.
        tijd = _nu()
        eerder = basis.inhoud.antwoorden if basis is not None else {}
        alle = {**eerder, **{vid: Antwoord(w, tijd) for vid, w in waarden.items()}}
        inhoud = _als_tekst(alle).encode("utf-8")
        if len(inhoud) > MAX_BESTAND_BYTES or len(alle) > MAX_ANTWOORDEN:
            raise AntwoordenFout(
                "Je antwoorden konden niet worden opgeslagen: het bestand met je antwoorden "
                "wordt te groot. Maak een lang antwoord korter.")

        if basis is not None and not basis.volledig:
            # An unknown version or values we could not use: keep the file as it was.
            kopie = self._vrije_naam("kopie")
            self._schrijf_atomisch(kopie, basis.ruw)
            meldingen.append(f"Een kopie van het oude bestand staat apart onder de naam "
                             f"{kopie.name}, zodat er niets verloren gaat.")
        if hoofd.bruikbaar:
            self._schrijf_atomisch(self.vorige, hoofd.ruw)
        elif hoofd.bestaat:
            # Set the damaged file aside; a symlink is moved as a link, its target untouched.
            apart = self._vrije_naam("beschadigd")
            os.replace(self.pad, apart)
            meldingen.insert(0, f"Het beschadigde bestand met je antwoorden staat nu apart "
                                f"onder een nieuwe naam: {apart.name}.")
        self._schrijf_atomisch(self.pad, inhoud)
        melding = " ".join(meldingen) or None
        return {vid: Antwoord(alle[vid].waarde, tijd, melding) for vid in waarden}

    def _vrije_naam(self, soort: str) -> Path:
        stempel = f"{datetime.now():%Y%m%d-%H%M%S-%f}"
        for n in itertools.count(1):
            pad = self.pad.with_name(
                f"{self.pad.stem}.{soort}-{stempel}{'' if n == 1 else f'-{n}'}.json")
            if not os.path.lexists(pad):
                return pad
        raise AssertionError  # unreachable

    def _ruim_tijdelijke_bestanden_op(self) -> None:
        """Remove temporary files of this answer file that a killed save left behind."""
        namen = {self.pad.name, self.vorige.name}
        try:
            items = list(os.scandir(self.pad.parent))
        except OSError:
            return
        for item in items:
            treffer = _TIJDELIJK.fullmatch(item.name)
            if treffer and treffer["naam"] in namen:
                try:
                    if not item.is_dir(follow_symlinks=False):
                        os.unlink(item.path)  # a symlink goes, never its target
                except OSError:
                    pass

    def _schrijf_atomisch(self, pad: Path, inhoud: bytes) -> None:
        # The temporary file is named after this answer file (see _ruim_tijdelijke_bestanden_op);
        # os.replace swaps a symlink at `pad` for the new file and never writes through it.
        schrijf_atomisch(pad, inhoud, voorvoegsel="." + self.pad.name + ".")


def _als_tekst(antwoorden: dict[str, Antwoord]) -> str:
    """The file: one line per answer, so that it stays readable and diffable."""
    regels = [f"  {json.dumps(vid, ensure_ascii=False)}: "
              + json.dumps({"waarde": a.waarde, "opgeslagen": a.opgeslagen}, ensure_ascii=False)
              for vid, a in sorted(antwoorden.items())]
    return (f'{{\n "schema": "{SCHEMA}",\n "versie": {VERSIE},\n "antwoorden": {{\n'
            + ",\n".join(regels) + "\n }\n}\n")
