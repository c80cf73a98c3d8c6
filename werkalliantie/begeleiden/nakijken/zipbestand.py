"""A zip file read as untrusted data: its list of files, and one file's content, bounded.

Python's :mod:`zipfile` refuses a whole archive when one name that claims to be UTF-8 is
not (one student's file name would stop the class's download), trusts the sizes an
archive declares, and unpacks nested archives only when asked, to disk. This reader:

- returns every name as raw bytes, with the archive's own flag for UTF-8; deciding
  whether a name is usable is the caller's business;
- reads only the central directory to list files (sizes as declared);
- unpacks one file at a time into memory, stored or deflated, never more than the size
  it declared (one byte more and it is refused: a lying header cannot fill a disk), and
  checks its CRC-32;
- never raises anything but :class:`Zipfout` (a Dutch reason) for a damaged archive.

ZIP64 archives (more than 65,535 files or 4 GB) are read too. Encrypted files and other
compression methods are listed but not unpacked.
"""

from __future__ import annotations

import io
import stat
import struct
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from werkalliantie.leren.fouten import CursusFout

EOCD = b"PK\x05\x06"
EOCD64 = b"PK\x06\x06"
EOCD64_LOCATOR = b"PK\x06\x07"
CENTRAAL = b"PK\x01\x02"
LOKAAL = b"PK\x03\x04"
MAX_COMMENTAAR = 65_535
BLOK = 1 << 16
OPGESLAGEN, DEFLATE = 0, 8


class Zipfout(CursusFout):
    """An archive (or one file in it) that cannot be read; the message is Dutch."""


@dataclass(frozen=True)
class Regel:
    """One file as the archive's central directory lists it."""

    naam: bytes  # raw, as stored
    utf8: bool  # the archive says the name is UTF-8
    methode: int
    versleuteld: bool
    crc: int
    ingepakt: int  # bytes as stored
    uitgepakt: int  # bytes as declared
    begin: int  # offset of the local header
    modus: int | None  # Unix file mode, when the archive was made on Unix

    @property
    def is_map(self) -> bool:
        return self.naam.endswith(b"/") or (self.modus is not None and stat.S_ISDIR(self.modus))

    @property
    def is_link(self) -> bool:
        return self.modus is not None and stat.S_ISLNK(self.modus)

    @property
    def is_bijzonder(self) -> bool:
        """A device, a FIFO or a socket (a zip can say so; never a file to take)."""
        return self.modus is not None and stat.S_IFMT(self.modus) not in (
            0, stat.S_IFREG, stat.S_IFDIR, stat.S_IFLNK)

    def tekstnaam(self) -> str | None:
        """The name as text, or None when it is not valid UTF-8."""
        try:
            return self.naam.decode("utf-8")
        except UnicodeDecodeError:
            return None


def _lees(f: BinaryIO, plek: int, aantal: int) -> bytes:
    f.seek(plek)
    data = f.read(aantal)
    if len(data) != aantal:
        raise Zipfout("het zip-bestand is afgebroken (te kort)")
    return data


def inhoud(f: BinaryIO) -> list[Regel]:
    """The files listed in the archive ``f`` (a binary file object that can seek)."""
    f.seek(0, io.SEEK_END)
    lengte = f.tell()
    staart_begin = max(0, lengte - (22 + MAX_COMMENTAAR))
    staart = _lees(f, staart_begin, lengte - staart_begin)
    plek = staart.rfind(EOCD)
    if plek < 0 or len(staart) - plek < 22:
        raise Zipfout("dit is geen zip-bestand (of het is beschadigd)")
    (_, _, _, _, aantal, grootte, begin, _) = struct.unpack("<4s4H2LH", staart[plek:plek + 22])
    eocd = staart_begin + plek
    if aantal == 0xFFFF or grootte == 0xFFFFFFFF or begin == 0xFFFFFFFF:
        if eocd < 20:
            raise Zipfout("het zip-bestand is beschadigd (ZIP64)")
        locator = _lees(f, eocd - 20, 20)
        if locator[:4] != EOCD64_LOCATOR:
            raise Zipfout("het zip-bestand is beschadigd (ZIP64)")
        (plek64,) = struct.unpack("<Q", locator[8:16])
        record = _lees(f, plek64, 56)
        if record[:4] != EOCD64:
            raise Zipfout("het zip-bestand is beschadigd (ZIP64)")
        aantal, grootte, begin = struct.unpack("<3Q", record[32:56])
    if begin + grootte > lengte:
        raise Zipfout("het zip-bestand is afgebroken (te kort)")
    centraal = _lees(f, begin, grootte)
    regels: list[Regel] = []
    i = 0
    while i + 46 <= len(centraal) and len(regels) < aantal:
        if centraal[i:i + 4] != CENTRAAL:
            raise Zipfout("de inhoudsopgave van het zip-bestand is beschadigd")
        (gemaakt, _, vlaggen, methode, _, _, crc, ingepakt, uitgepakt, n, e, c, _, _,
         extern, lokaal) = struct.unpack("<HHHHHHLLLHHHHHLL", centraal[i + 4:i + 46])
        naam = centraal[i + 46:i + 46 + n]
        extra = centraal[i + 46 + n:i + 46 + n + e]
        if len(naam) != n:
            raise Zipfout("de inhoudsopgave van het zip-bestand is beschadigd")
        ingepakt, uitgepakt, lokaal = _zip64(extra, ingepakt, uitgepakt, lokaal)
        modus = (extern >> 16) if (gemaakt >> 8) == 3 and (extern >> 16) else None
        regels.append(Regel(naam, bool(vlaggen & 0x800), methode, bool(vlaggen & 0x1), crc,
                            ingepakt, uitgepakt, lokaal, modus))
        i += 46 + n + e + c
    if len(regels) != aantal:
        raise Zipfout("de inhoudsopgave van het zip-bestand is onvolledig")
    return regels


def _zip64(extra: bytes, ingepakt: int, uitgepakt: int, lokaal: int) -> tuple[int, int, int]:
    i = 0
    while i + 4 <= len(extra):
        soort, lengte = struct.unpack("<HH", extra[i:i + 4])
        data = extra[i + 4:i + 4 + lengte]
        if soort == 0x0001:
            waarden = [struct.unpack("<Q", data[j:j + 8])[0] for j in range(0, len(data) - 7, 8)]
            if uitgepakt == 0xFFFFFFFF and waarden:
                uitgepakt = waarden.pop(0)
            if ingepakt == 0xFFFFFFFF and waarden:
                ingepakt = waarden.pop(0)
            if lokaal == 0xFFFFFFFF and waarden:
                lokaal = waarden.pop(0)
        i += 4 + lengte
    return ingepakt, uitgepakt, lokaal


def stromen(f: BinaryIO, regel: Regel):
    """The content of one file, in blocks, never more than it declared (:class:`Zipfout`
    when it is encrypted, packed another way, damaged or larger than declared)."""
    if regel.versleuteld:
        raise Zipfout("het bestand is versleuteld")
    if regel.methode not in (OPGESLAGEN, DEFLATE):
        raise Zipfout("het bestand is op een manier ingepakt die de cursus niet kent")
    kop = _lees(f, regel.begin, 30)
    if kop[:4] != LOKAAL:
        raise Zipfout("het bestand in het zip-bestand is beschadigd")
    n, e = struct.unpack("<HH", kop[26:30])
    f.seek(regel.begin + 30 + n + e)
    over = regel.ingepakt
    gemaakt = 0
    crc = 0
    uitpakker = zlib.decompressobj(-15) if regel.methode == DEFLATE else None
    while True:
        ruw = f.read(min(BLOK, over)) if over else b""
        over -= len(ruw)
        if not ruw and over:
            raise Zipfout("het zip-bestand is afgebroken (te kort)")
        if uitpakker is None:
            stukken = [ruw]
        else:
            stukken = []
            invoer = ruw
            while True:
                try:
                    stuk = uitpakker.decompress(invoer, BLOK)
                except zlib.error:
                    raise Zipfout("het bestand in het zip-bestand is beschadigd") from None
                stukken.append(stuk)
                invoer = uitpakker.unconsumed_tail
                if not invoer:
                    break
                if gemaakt + sum(map(len, stukken)) > regel.uitgepakt:
                    break
            if not ruw:
                stukken.append(uitpakker.flush())
        for stuk in stukken:
            gemaakt += len(stuk)
            if gemaakt > regel.uitgepakt:
                raise Zipfout("het bestand is groter dan het zip-bestand zegt")
            crc = zlib.crc32(stuk, crc)
            if stuk:
                yield stuk
        if not ruw:
            break
    if gemaakt != regel.uitgepakt or crc != regel.crc:
        raise Zipfout("het bestand in het zip-bestand is beschadigd (controlegetal klopt niet)")


def lees_bestand(f: BinaryIO, regel: Regel) -> bytes:
    """One file's whole content (bounded by what it declared)."""
    return b"".join(stromen(f, regel))
