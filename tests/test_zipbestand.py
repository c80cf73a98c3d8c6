"""The zip reader for LMS downloads (issue 19): names as bytes, sizes never trusted."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest

from werkalliantie.begeleiden.nakijken import zipbestand


def _zip(*entries: tuple[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, data in entries:
            z.writestr(naam, data)
    return buffer


def test_lijst_en_inhoud():
    archief = _zip(("a.json", b"{}" * 1000), ("map/", b""), ("b.ipynb", b"x"))
    regels = zipbestand.inhoud(archief)
    assert [r.naam for r in regels] == [b"a.json", b"map/", b"b.ipynb"]
    assert regels[1].is_map and not regels[0].is_map
    assert zipbestand.lees_bestand(archief, regels[0]) == b"{}" * 1000


def test_een_bestand_dat_groter_is_dan_het_zegt_wordt_geweigerd():
    archief = _zip(("bom.json", b"\0" * 5_000_000))
    regel = dataclasses.replace(zipbestand.inhoud(archief)[0], uitgepakt=1000)
    with pytest.raises(zipbestand.Zipfout, match="groter dan"):
        zipbestand.lees_bestand(archief, regel)


def test_een_naam_die_geen_utf8_is_houdt_de_rest_niet_tegen():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        info = zipfile.ZipInfo("XXXX.json")
        info.flag_bits |= 0x800  # "this name is UTF-8": it will not be
        z.writestr(info, b"1")
        z.writestr("goed.json", b"2")
    ruw = buffer.getvalue().replace(b"XXXX", b"\xff\xfe\xfd\xfc")
    regels = zipbestand.inhoud(io.BytesIO(ruw))
    assert regels[0].tekstnaam() is None and regels[1].tekstnaam() == "goed.json"
    assert zipbestand.lees_bestand(io.BytesIO(ruw), regels[1]) == b"2"


def test_beschadigd_of_afgebroken_is_een_nederlandse_fout():
    ruw = _zip(("a.json", b"abc" * 100)).getvalue()
    with pytest.raises(zipbestand.Zipfout):
        zipbestand.inhoud(io.BytesIO(ruw[: len(ruw) // 2]))
    with pytest.raises(zipbestand.Zipfout, match="geen zip-bestand"):
        zipbestand.inhoud(io.BytesIO(b"dit is geen zip"))
    regel = dataclasses.replace(zipbestand.inhoud(io.BytesIO(ruw))[0], crc=1)
    with pytest.raises(zipbestand.Zipfout, match="controlegetal"):
        zipbestand.lees_bestand(io.BytesIO(ruw), regel)
