"""The answer store never loses what a learner saved."""

import codecs
import errno
import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import pytest

from werkalliantie.leren import antwoorden as module
from werkalliantie.leren.antwoorden import (
    MAX_BESTAND_BYTES,
    MAX_TEKST,
    VERSIE,
    AntwoordenFout,
    Antwoordenbestand,
)

LASTIGE_WAARDEN = {
    "emoji": "Ik voel me 💪🏽 sterker 🎉 — „dank je” 👩‍👧‍👧",
    "lang": ("werkalliantie " * 1000)[:10_000],
    "script": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "stuurtekens": "regel 1\r\nregel 2\ttab\x00nul\x07bel\x1b[31mrood\u202eomgekeerd",
    "gestructureerd": {"doelen_eens": 4, "lijst": [1, 2.5, None, True], "tekst": "é"},
}


@pytest.mark.parametrize("naam", LASTIGE_WAARDEN)
def test_heen_en_terug(tmp_path, naam):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar(naam, LASTIGE_WAARDEN[naam])
    inhoud = Antwoordenbestand(tmp_path).lees()
    assert inhoud.melding is None
    assert inhoud.waarde(naam) == LASTIGE_WAARDEN[naam]
    assert inhoud.antwoorden[naam].tijdstip.tzinfo is not None
    data = json.loads((tmp_path / "antwoorden.json").read_text(encoding="utf-8"))
    assert data["versie"] == VERSIE and data["schema"] == "werkalliantie-antwoorden"


def test_lezen_schrijft_nooit(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    assert bestand.lees().antwoorden == {}
    assert list(tmp_path.iterdir()) == []


def test_andere_antwoorden_blijven_staan(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("a", 1)
    bestand.bewaar("b", 2)
    bestand.bewaar("a", 3)
    assert {k: v.waarde for k, v in bestand.lees().antwoorden.items()} == {"a": 3, "b": 2}


def test_te_lange_tekst_wordt_geweigerd_en_oud_antwoord_blijft(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("open", "kort")
    with pytest.raises(AntwoordenFout, match="te lang"):
        bestand.bewaar("open", "x" * (MAX_TEKST + 1))
    assert bestand.waarde("open") == "kort"


def test_half_emoji_wordt_veilig_opgeslagen(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("kapot", "a\ud83db")  # a lone surrogate, as a broken paste gives
    assert bestand.waarde("kapot") == "a\ufffdb"


def _bewaar_veel(map_, prefix, start, aantal):
    start.wait()
    bestand = Antwoordenbestand(map_)
    for i in range(aantal):
        bestand.bewaar(f"{prefix}{i}", {"waarde": i, "door": prefix})


def test_twee_processen_tegelijk_verliezen_niets(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    processen = [ctx.Process(target=_bewaar_veel, args=(tmp_path, p, start, 40)) for p in "ab"]
    for p in processen:
        p.start()
    start.set()
    for p in processen:
        p.join(60)
        assert p.exitcode == 0
    antwoorden = Antwoordenbestand(tmp_path).lees().antwoorden
    assert sorted(antwoorden) == sorted(f"{p}{i}" for p in "ab" for i in range(40))


def test_afgebroken_tussen_schrijven_en_hernoemen(tmp_path):
    Antwoordenbestand(tmp_path).bewaar("eerder", "blijft bewaard")
    voor = (tmp_path / "antwoorden.json").read_bytes()
    # A real kill (SIGKILL) of a process right before it renames the new file into place.
    script = textwrap.dedent(f"""
        import os, signal
        from werkalliantie.leren.antwoorden import Antwoordenbestand
        echte_replace = os.replace
        def replace(bron, doel):
            if str(doel).endswith("antwoorden.json"):
                os.kill(os.getpid(), signal.SIGKILL)
            echte_replace(bron, doel)
        os.replace = replace
        Antwoordenbestand({str(tmp_path)!r}).bewaar("nieuw", "gaat verloren")
    """)
    resultaat = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert resultaat.returncode == -9
    assert (tmp_path / "antwoorden.json").read_bytes() == voor
    inhoud = Antwoordenbestand(tmp_path).lees()
    assert inhoud.melding is None
    assert inhoud.waarde("eerder") == "blijft bewaard" and "nieuw" not in inhoud.antwoorden
    # The killed save left its temporary file behind.
    assert list(tmp_path.glob(".antwoorden.json.*.tmp"))
    # The lock a killed process held is released by the OS: the next save works, and
    # clears the temporary file away.
    Antwoordenbestand(tmp_path).bewaar("daarna", 1)
    assert Antwoordenbestand(tmp_path).waarde("eerder") == "blijft bewaard"
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("schade", [b"{\"schema\": \"werkalliantie-antw", b"\xff\xfe\x00", b"[]",
                                    b'{"schema": "werkalliantie-antwoorden", "versie": 1}'])
def test_beschadigd_bestand_wordt_gemeld_en_apart_gezet(tmp_path, schade):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("vraag1", "mijn eerste antwoord")
    bestand.bewaar("vraag2", 4)
    (tmp_path / "antwoorden.json").write_bytes(schade)

    inhoud = bestand.lees()
    assert inhoud.beschadigd
    assert "beschadigd" in inhoud.melding and "antwoorden.json" in inhoud.melding
    # what was saved before is still readable (the last good copy)
    assert inhoud.waarde("vraag1") == "mijn eerste antwoord"

    bestand.bewaar("vraag3", "na de schade")
    apart = list(tmp_path.glob("antwoorden.beschadigd-*.json"))
    assert len(apart) == 1 and apart[0].read_bytes() == schade
    na = bestand.lees()
    assert na.melding is None
    assert na.waarde("vraag1") == "mijn eerste antwoord"
    assert na.waarde("vraag3") == "na de schade"


# --- answer-file faults (issue 9, "Why" point 5) --------------------------------------------

GOED = {"open": "Ik vind dat we goed samenwerken — ja! 😀", "score": 4, "lijst": [1, 2.5, None]}
TIJD = "2026-01-01T10:00:00+01:00"


def bestandstekst(antwoorden: dict, versie=VERSIE, **extra) -> str:
    """An answer file as another tool (or an older or newer course) might write it."""
    return json.dumps({"schema": "werkalliantie-antwoorden", "versie": versie, **extra,
                       "antwoorden": {vid: {"waarde": w, "opgeslagen": TIJD}
                                      for vid, w in antwoorden.items()}}, ensure_ascii=False)


def momentopname(map_: Path) -> dict[str, object]:
    """Every entry of a folder: a link's target, a file's bytes and time."""
    uit = {}
    for p in map_.iterdir():
        if p.is_symlink():
            uit[p.name] = ("link", os.readlink(p))
        elif p.is_file():
            uit[p.name] = (p.stat().st_mtime_ns, p.read_bytes())
        else:
            uit[p.name] = "map"
    return uit


def lees_zonder_te_schrijven(map_: Path):
    voor = momentopname(map_)
    inhoud = Antwoordenbestand(map_).lees()
    assert momentopname(map_) == voor
    return inhoud


def kopieen(map_: Path, soort: str) -> list[Path]:
    return sorted(map_.glob(f"antwoorden.{soort}-*.json"))


# BOM and UTF-16: what some Windows editors do with a file they only re-save.

@pytest.mark.parametrize("codering", ["utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "utf-32",
                                      "utf-16-le", "utf-16-be"])
def test_bom_en_utf16_worden_goed_gelezen(tmp_path, codering):
    tekst = bestandstekst(GOED)
    ruw = {
        "utf-8-sig": tekst.encode("utf-8-sig"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + tekst.encode("utf-16-le"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + tekst.encode("utf-16-be"),
        "utf-32": tekst.encode("utf-32"),
        "utf-16-le": tekst.encode("utf-16-le"),
        "utf-16-be": tekst.encode("utf-16-be"),
    }[codering]
    (tmp_path / "antwoorden.json").write_bytes(ruw)
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert not inhoud.beschadigd and inhoud.melding is None
    assert {k: a.waarde for k, a in inhoud.antwoorden.items()} == GOED
    # Saving keeps every answer, writes UTF-8, and needs no copy of a damaged file.
    Antwoordenbestand(tmp_path).bewaar("nieuw", "ja")
    assert (tmp_path / "antwoorden.vorige.json").read_bytes() == ruw
    assert json.loads((tmp_path / "antwoorden.json").read_bytes().decode("utf-8"))
    assert Antwoordenbestand(tmp_path).lees().antwoorden.keys() == {*GOED, "nieuw"}
    assert not kopieen(tmp_path, "beschadigd")


# Absurd numbers: rejected as invalid input with a Dutch message, never an exception.

HONDERDEN_CIJFERS = "9" * 5000  # int() refuses more than 4,300 digits with ValueError


@pytest.mark.parametrize("getal", [HONDERDEN_CIJFERS, "-" + HONDERDEN_CIJFERS, "NaN", "Infinity",
                                   "-Infinity", "1e999", "123456789012345678901234", "1e300",
                                   "-1E400"])
def test_absurd_getal_in_bestand_is_ongeldig_en_blokkeert_niets(tmp_path, getal):
    tekst = ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {'
             f'"heel": {{"waarde": {getal}, "opgeslagen": "{TIJD}"}}, '
             f'"deels": {{"waarde": {{"a": {getal}, "b": 3}}, "opgeslagen": "{TIJD}"}}, '
             f'"goed": {{"waarde": "blijft", "opgeslagen": "{TIJD}"}}}}}}')
    (tmp_path / "antwoorden.json").write_text(tekst, encoding="utf-8")
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert not inhoud.beschadigd
    assert inhoud.ongeldig == ("heel", "deels")
    assert "niet kunnen gebruiken" in inhoud.melding and "„heel”, „deels”" in inhoud.melding
    assert inhoud.waarde("goed") == "blijft"
    assert inhoud.waarde("deels") == {"a": None, "b": 3}  # read as far as possible
    assert "heel" not in inhoud.antwoorden
    # Saving works, and keeps the file as it was in a copy first.
    antwoord = Antwoordenbestand(tmp_path).bewaar("nieuw", 1)
    assert "kopie" in antwoord.melding
    [kopie] = kopieen(tmp_path, "kopie")
    assert kopie.read_text(encoding="utf-8") == tekst and kopie.name in antwoord.melding
    na = Antwoordenbestand(tmp_path).lees()
    assert na.melding is None
    assert {k: a.waarde for k, a in na.antwoorden.items()} == {
        "deels": {"a": None, "b": 3}, "goed": "blijft", "nieuw": 1}


@pytest.mark.parametrize("waarde", [10**5000, -(10**5000), 2**53 + 1, float("nan"), float("inf"),
                                    1e300, {"a": [10**5000]}, {10**5000: 1}],
                         ids=["5000-cijfers", "min-5000-cijfers", "2^53+1", "nan", "inf", "1e300",
                              "genest", "als-naam"])
def test_absurd_getal_bewaren_wordt_in_het_nederlands_geweigerd(tmp_path, waarde):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("vraag", 3)
    with pytest.raises(AntwoordenFout, match="getal|naam") as fout:
        bestand.bewaar("vraag", waarde)
    assert "Dit antwoord bevat" in str(fout.value)
    assert bestand.waarde("vraag") == 3
    bestand.bewaar("vraag", 4)  # nothing is blocked
    assert bestand.waarde("vraag") == 4


def test_halve_emoji_in_het_bestand_blokkeert_opslaan_niet(tmp_path):
    # "\ud83d" (half an emoji) in a file cannot be written back as UTF-8 as it is.
    tekst = ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {'
             '"a": {"waarde": {"x\\ud83d": "y\\ud83d"}, "opgeslagen": "' + TIJD + '"}, '
             '"b\\ud83d": {"waarde": 1, "opgeslagen": "' + TIJD + '"}}}')
    (tmp_path / "antwoorden.json").write_text(tekst, encoding="utf-8")
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert inhoud.waarde("a") == {"x\ufffd": "y\ufffd"}
    assert len(inhoud.ongeldig) == 1  # the question id cannot be a question's
    Antwoordenbestand(tmp_path).bewaar("c", 2)
    assert Antwoordenbestand(tmp_path).lees().waarde("a") == {"x\ufffd": "y\ufffd"}


def test_dubbele_namen(tmp_path):
    pad = tmp_path / "antwoorden.json"
    # the same question twice: which one counts is unclear, so neither does
    pad.write_text('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {'
                   f'"a": {{"waarde": 1, "opgeslagen": "{TIJD}"}}, '
                   f'"a": {{"waarde": 5, "opgeslagen": "{TIJD}"}}, '
                   f'"b": {{"waarde": {{"x": 1, "x": 2, "y": 3}}, "opgeslagen": "{TIJD}"}}, '
                   f'"c": {{"waarde": {{"p": {{"q": 1, "q": 1}}}}, "opgeslagen": "{TIJD}"}}, '
                   f'"d": {{"waarde": 7, "waarde": 8, "opgeslagen": "{TIJD}"}}, '
                   f'"e": {{"waarde": "goed", "opgeslagen": "{TIJD}"}}}}}}', encoding="utf-8")
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert {k: a.waarde for k, a in inhoud.antwoorden.items()} == {"c": {"p": None}, "e": "goed"}
    assert inhoud.ongeldig == ("a", "b", "c", "d") and "niet kunnen gebruiken" in inhoud.melding
    # at the top of the file: the file is not ours
    pad.write_text('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {}, '
                   '"antwoorden": {}}', encoding="utf-8")
    assert lees_zonder_te_schrijven(tmp_path).beschadigd


@pytest.mark.parametrize("waar", ["waarde", "bestand"])
def test_tienduizend_lagen_diep(tmp_path, waar):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("eerder", "blijft")
    bestand.bewaar("ook", 1)  # antwoorden.vorige.json now holds "eerder"
    diep = "[" * 10_000 + "]" * 10_000
    tekst = diep if waar == "bestand" else (
        '{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": '
        f'{{"x": {{"waarde": {diep}, "opgeslagen": "{TIJD}"}}}}}}')
    (tmp_path / "antwoorden.json").write_text(tekst, encoding="utf-8")
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert inhoud.beschadigd and "beschadigd" in inhoud.melding
    assert inhoud.uit_reserve and inhoud.waarde("eerder") == "blijft"
    bestand.bewaar("nieuw", 2)
    [apart] = kopieen(tmp_path, "beschadigd")
    assert apart.read_text(encoding="utf-8") == tekst
    assert bestand.lees().antwoorden.keys() == {"eerder", "nieuw"}


def test_bestand_van_100_mb_wordt_niet_ingelezen(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("eerder", "blijft")
    bestand.bewaar("ook", 1)
    pad = tmp_path / "antwoorden.json"
    with pad.open("wb") as f:  # a sparse file: 100 MB without filling the disk
        f.write(b'{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {"x": "')
        f.truncate(100_000_000)
    voor = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in tmp_path.iterdir())
    tracemalloc.start()
    try:
        inhoud = bestand.lees()
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns)
                  for p in tmp_path.iterdir()) == voor
    assert piek < 2_000_000  # nothing of the 100 MB was read
    assert inhoud.beschadigd and "te groot" in inhoud.melding and "10 MB" in inhoud.melding
    assert inhoud.waarde("eerder") == "blijft"
    antwoord = bestand.bewaar("nieuw", 2)
    assert "apart" in antwoord.melding
    [apart] = kopieen(tmp_path, "beschadigd")
    assert apart.stat().st_size == 100_000_000  # moved aside, not copied
    assert pad.stat().st_size < 1000
    assert bestand.lees().antwoorden.keys() == {"eerder", "nieuw"}


def test_bestand_net_boven_de_grens_en_een_dat_tijdens_het_lezen_groeit(tmp_path, monkeypatch):
    pad = tmp_path / "antwoorden.json"
    pad.write_bytes(b" " * (MAX_BESTAND_BYTES + 1))
    assert "te groot" in lees_zonder_te_schrijven(tmp_path).melding
    # fstat says small, but more comes: reading stops at the limit anyway
    pad.write_bytes(b" " * (MAX_BESTAND_BYTES + 10))
    echte_fstat = os.fstat
    monkeypatch.setattr(module.os, "fstat",
                        lambda fd: os.stat_result((*echte_fstat(fd)[:6], 10, *echte_fstat(fd)[7:])))
    assert "te groot" in lees_zonder_te_schrijven(tmp_path).melding


VERKEERDE_TYPES = {
    "schema-getal": ('{"schema": 3, "versie": 1, "antwoorden": {}}', "beschadigd"),
    "lijst": ("[1, 2]", "beschadigd"),
    "tekst": ('"antwoorden"', "beschadigd"),
    "null": ("null", "beschadigd"),
    "antwoorden-lijst": ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": []}',
                         "beschadigd"),
    "te-veel-antwoorden": ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {'
                           + ",".join(f'"v{i}": {{"waarde": 1}}' for i in range(5001)) + "}}",
                           "beschadigd"),
    "item-tekst": ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": '
                   '{"a": "los", "b": {"waarde": 2, "opgeslagen": "' + TIJD + '"}}}', ("a",)),
    "item-zonder-waarde": ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": '
                           '{"a": {"opgeslagen": "' + TIJD + '"}, "b": {"waarde": 2}}}', ("a",)),
    "lege-en-lange-id": ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": '
                         '{"": {"waarde": 1}, "' + "x" * 101 + '": {"waarde": 1}, '
                         '"b": {"waarde": 2, "opgeslagen": 5}}}', ("", "x" * 101)),
    "te-lange-tekst": ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": '
                       '{"a": {"waarde": "' + "x" * (MAX_TEKST + 1) + '"}, "b": {"waarde": 2}}}',
                       ("a",)),
    "te-groot-antwoord": ('{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": '
                          '{"a": {"waarde": [' + ",".join(['"' + "x" * 1000 + '"'] * 300) + ']}, '
                          '"b": {"waarde": 2}}}', ("a",)),
}


@pytest.mark.parametrize("naam", VERKEERDE_TYPES)
def test_verkeerde_types_overal(tmp_path, naam):
    tekst, verwacht = VERKEERDE_TYPES[naam]
    (tmp_path / "antwoorden.json").write_text(tekst, encoding="utf-8")
    inhoud = lees_zonder_te_schrijven(tmp_path)
    if verwacht == "beschadigd":
        assert inhoud.beschadigd and "beschadigd" in inhoud.melding
    else:
        assert not inhoud.beschadigd and inhoud.ongeldig == verwacht
        assert inhoud.waarde("b") == 2  # the rest is read
        assert "niet kunnen gebruiken" in inhoud.melding
    # whatever the file held: saving works, and nothing of it is lost
    Antwoordenbestand(tmp_path).bewaar("nieuw", "ja")
    apart = kopieen(tmp_path, "beschadigd") + kopieen(tmp_path, "kopie")
    assert [p.read_text(encoding="utf-8") for p in apart] == [tekst]
    na = Antwoordenbestand(tmp_path).lees()
    assert na.melding is None and na.waarde("nieuw") == "ja"


def test_ongeldige_tijd_laat_het_antwoord_staan(tmp_path):
    (tmp_path / "antwoorden.json").write_text(
        '{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {'
        '"a": {"waarde": 1, "opgeslagen": "<script>"}, "b": {"waarde": 2, "opgeslagen": 5}}}',
        encoding="utf-8")
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert inhoud.melding is None and inhoud.waarde("a") == 1 and inhoud.waarde("b") == 2
    assert inhoud.antwoorden["a"].opgeslagen == ""


# An unknown or newer version: read as far as possible; the learner can still save.

@pytest.mark.parametrize("versie", ["1", 1.0, 1.5, None, True, [1], {"v": 1}, "ontbreekt", 0, -1],
                         ids=repr)
def test_onbekende_versie_wordt_gelezen_en_opslaan_kan(tmp_path, versie):
    data = json.loads(bestandstekst(GOED))
    if versie == "ontbreekt":
        del data["versie"]
    else:
        data["versie"] = versie
    tekst = json.dumps(data, ensure_ascii=False)
    (tmp_path / "antwoorden.json").write_text(tekst, encoding="utf-8")
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert inhoud.onbekende_versie and not inhoud.te_nieuw and not inhoud.beschadigd
    assert "onbekende bestandsversie" in inhoud.melding and "kopie" in inhoud.melding
    assert {k: a.waarde for k, a in inhoud.antwoorden.items()} == GOED
    antwoord = Antwoordenbestand(tmp_path).bewaar("nieuw", 1)
    [kopie] = kopieen(tmp_path, "kopie")
    assert kopie.read_text(encoding="utf-8") == tekst
    assert (f"Een kopie van het oude bestand staat apart onder de naam {kopie.name}"
            in antwoord.melding)
    na = Antwoordenbestand(tmp_path).lees()
    assert na.melding is None and na.antwoorden.keys() == {*GOED, "nieuw"}
    Antwoordenbestand(tmp_path).bewaar("nog", 2)
    assert len(kopieen(tmp_path, "kopie")) == 1  # one copy, not one per save


def test_nieuwere_versie_wordt_gelezen_en_opslaan_bewaart_eerst_een_kopie(tmp_path):
    pad = tmp_path / "antwoorden.json"
    # A newer course might store more per answer, and other kinds of answers.
    pad.write_text(json.dumps({"schema": "werkalliantie-antwoorden", "versie": VERSIE + 1,
                               "nieuw_veld": {"iets": 1},
                               "antwoorden": {"x": {"waarde": 1, "opgeslagen": TIJD, "bron": "v2"},
                                              "y": {"waarden": [1, 2]}}}))
    voor = pad.read_bytes()
    bestand = Antwoordenbestand(tmp_path)
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert inhoud.te_nieuw and inhoud.onbekende_versie and not inhoud.beschadigd
    assert "nieuwere versie" in inhoud.melding and f"bestandsversie {VERSIE + 1}" in inhoud.melding
    assert inhoud.waarde("x") == 1 and inhoud.ongeldig == ("y",)
    antwoord = bestand.bewaar("z", 2)
    [kopie] = kopieen(tmp_path, "kopie")
    assert kopie.read_bytes() == voor and kopie.name in antwoord.melding
    na = bestand.lees()
    assert not na.te_nieuw and na.melding is None
    assert {k: a.waarde for k, a in na.antwoorden.items()} == {"x": 1, "z": 2}


# A damaged main file and a save that fails: the last good copy still holds the answers.

def test_beschadigd_bestand_en_volle_schijf_verliezen_niets(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("vraag1", "x" * 5000)
    bestand.bewaar("vraag2", 4)  # antwoorden.vorige.json holds vraag1
    (tmp_path / "antwoorden.json").write_text("{kapot", encoding="utf-8")
    # A real failing write: the process may write no file beyond 1,000 bytes (RLIMIT_FSIZE,
    # as a full disk or quota does), so the new antwoorden.json cannot be written.
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from werkalliantie.leren.antwoorden import Antwoordenbestand, AntwoordenFout
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
        try:
            Antwoordenbestand({str(tmp_path)!r}).bewaar("vraag3", "y" * 2000)
        except AntwoordenFout as fout:
            print(fout)
            sys.exit(3)
    """)
    resultaat = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               timeout=60)
    assert resultaat.returncode == 3, resultaat.stderr
    assert ("Je antwoorden konden niet worden opgeslagen: het bestand wordt te groot"
            in resultaat.stdout)
    assert "Wat je eerder hebt opgeslagen, blijft bewaard" in resultaat.stdout
    assert not (tmp_path / "antwoorden.json").exists()  # the damaged file went aside
    assert [p.read_text() for p in kopieen(tmp_path, "beschadigd")] == ["{kapot"]
    assert not list(tmp_path.glob("*.tmp"))
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert inhoud.uit_reserve and inhoud.waarde("vraag1") == "x" * 5000
    assert "ontbreekt" in inhoud.melding and "laatste goede versie" in inhoud.melding
    # Once there is room again, the next save puts everything back.
    antwoord = bestand.bewaar("vraag3", "y" * 2000)
    assert "antwoorden.vorige.json" in antwoord.melding
    na = bestand.lees()
    assert na.melding is None and na.antwoorden.keys() == {"vraag1", "vraag3"}


def test_volle_schijf_geeft_een_nederlandse_melding_en_het_bestand_blijft(tmp_path, monkeypatch):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("vraag", "eerder")
    voor = (tmp_path / "antwoorden.json").read_bytes()

    def vol(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(module.os, "fsync", vol)
    with pytest.raises(AntwoordenFout, match="de schijf is vol"):
        bestand.bewaar("vraag", "later")
    monkeypatch.undo()
    assert (tmp_path / "antwoorden.json").read_bytes() == voor
    assert not list(tmp_path.glob("*.tmp"))
    assert bestand.waarde("vraag") == "eerder"


def test_verwijderd_bestand_valt_terug_op_laatste_goede_versie(tmp_path):
    bestand = Antwoordenbestand(tmp_path)
    bestand.bewaar("a", 1)
    bestand.bewaar("b", 2)
    (tmp_path / "antwoorden.json").unlink()
    inhoud = lees_zonder_te_schrijven(tmp_path)
    assert inhoud.uit_reserve and not inhoud.beschadigd and inhoud.waarde("a") == 1
    assert "ontbreekt" in inhoud.melding
    bestand.bewaar("c", 3)  # the copy's answers come back into the main file
    assert {k: a.waarde for k, a in bestand.lees().antwoorden.items()} == {"a": 1, "c": 3}


# Temporary files of a killed save are cleared at the next save; only ours.

def test_oude_tijdelijke_bestanden_worden_opgeruimd(tmp_path):
    doel = tmp_path / "doel.txt"
    doel.write_text("niet van ons")
    ons = [".antwoorden.json.abcd1234.tmp", ".antwoorden.vorige.json.x_y9z8w7.tmp"]
    niet_ons = [".notities.json.abcd1234.tmp", "antwoorden.json.abcd1234.tmp", "werk.tmp",
                ".antwoorden.json.ABCD1234.tmp", ".antwoorden.json.abcd12345.tmp"]
    for naam in ons + niet_ons:
        (tmp_path / naam).write_text("half")
    (tmp_path / ".antwoorden.json.link0000.tmp").symlink_to(doel)
    (tmp_path / ".antwoorden.json.map00000.tmp").mkdir()
    Antwoordenbestand(tmp_path).bewaar("a", 1)
    rest = {p.name for p in tmp_path.iterdir()}
    assert not rest & {*ons, ".antwoorden.json.link0000.tmp"}
    assert rest >= {*niet_ons, ".antwoorden.json.map00000.tmp"}
    assert doel.read_text() == "niet van ons"


# Symlinks are never followed: not when reading, not when saving.

def sleutelbestand(map_: Path) -> Path:
    """A file elsewhere that looks like a perfect answer file (e.g. made from a key)."""
    sleutel = map_ / "elders" / "sleutel.json"
    sleutel.parent.mkdir()
    sleutel.write_text(bestandstekst({"vraag": "GEHEIM-SLEUTEL-123"}), encoding="utf-8")
    return sleutel


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_verwijzing_als_antwoordbestand_wordt_niet_gevolgd(tmp_path):
    map_ = tmp_path / "opdracht"
    map_.mkdir()
    sleutel = sleutelbestand(tmp_path)
    voor = sleutel.read_bytes()
    (map_ / "antwoorden.json").symlink_to(sleutel)
    inhoud = lees_zonder_te_schrijven(map_)
    assert inhoud.beschadigd and "verwijzing" in inhoud.melding
    assert inhoud.antwoorden == {} and "GEHEIM" not in repr(inhoud)
    antwoord = Antwoordenbestand(map_).bewaar("vraag", "mijn eigen antwoord")
    assert "apart" in antwoord.melding
    assert sleutel.read_bytes() == voor  # never written through the link
    assert not (map_ / "antwoorden.json").is_symlink()
    [apart] = kopieen(map_, "beschadigd")
    assert apart.is_symlink()  # the link itself was set aside, as it was
    assert "GEHEIM" not in (map_ / "antwoorden.json").read_text(encoding="utf-8")
    assert not (map_ / "antwoorden.vorige.json").exists()  # the link was no good version


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
@pytest.mark.parametrize("hoofdbestand", ["ontbreekt", "beschadigd", "goed"])
def test_verwijzing_als_vorige_versie_wordt_niet_gevolgd(tmp_path, hoofdbestand):
    map_ = tmp_path / "opdracht"
    map_.mkdir()
    sleutel = sleutelbestand(tmp_path)
    voor = sleutel.read_bytes()
    (map_ / "antwoorden.vorige.json").symlink_to(sleutel)
    if hoofdbestand == "beschadigd":
        (map_ / "antwoorden.json").write_text("{kapot")
    elif hoofdbestand == "goed":
        (map_ / "antwoorden.json").write_text(bestandstekst({"eigen": 1}))
    inhoud = lees_zonder_te_schrijven(map_)
    assert "vraag" not in inhoud.antwoorden and "GEHEIM" not in repr(inhoud)
    Antwoordenbestand(map_).bewaar("nieuw", 2)
    assert sleutel.read_bytes() == voor
    # A good main file becomes the new last good copy: the link is replaced, not written
    # through. Otherwise the link stays as it was (it is never the copy we fall back to).
    assert (map_ / "antwoorden.vorige.json").is_symlink() == (hoofdbestand != "goed")
    na = Antwoordenbestand(map_).lees()
    assert "vraag" not in na.antwoorden and na.waarde("nieuw") == 2


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_verwijzing_als_slotbestand_wordt_niet_gevolgd(tmp_path):
    doel = tmp_path / "doel.txt"
    doel.write_text("niet van ons")
    (tmp_path / ".antwoorden.json.lock").symlink_to(doel)
    Antwoordenbestand(tmp_path).bewaar("a", 1)
    assert doel.read_text() == "niet van ons"
    assert Antwoordenbestand(tmp_path).waarde("a") == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize("soort", ["pijp", "map"])
def test_geen_gewoon_bestand_blokkeert_niets(tmp_path, soort):
    pad = tmp_path / "antwoorden.json"
    os.mkfifo(pad) if soort == "pijp" else pad.mkdir()
    inhoud = lees_zonder_te_schrijven(tmp_path)  # a pipe must not make reading wait
    assert inhoud.beschadigd and "geen gewoon bestand" in inhoud.melding
    Antwoordenbestand(tmp_path).bewaar("a", 1)
    assert Antwoordenbestand(tmp_path).waarde("a") == 1
    assert len(kopieen(tmp_path, "beschadigd")) == 1


def test_een_vol_bestand_blokkeert_opslaan_niet_voorgoed(tmp_path, monkeypatch):
    monkeypatch.setattr(module, "MAX_BESTAND_BYTES", 60_000)
    bestand = Antwoordenbestand(tmp_path)
    with pytest.raises(AntwoordenFout, match="wordt te groot. Maak een lang antwoord korter"):
        for i in range(100):
            bestand.bewaar(f"open{i}", "x" * 5000)
    # everything written can be read back; a shorter answer can always be saved
    inhoud = bestand.lees()
    assert inhoud.melding is None and len(inhoud.antwoorden) == i
    bestand.bewaar("open0", "korter")
    assert bestand.waarde("open0") == "korter"
    bestand.bewaar(f"open{i}", "x" * 4000)
