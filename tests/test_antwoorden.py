"""The answer store never loses what a learner saved."""

import json
import multiprocessing
import subprocess
import sys
import textwrap

import pytest

from werkalliantie.antwoorden import MAX_TEKST, VERSIE, AntwoordenFout, Antwoordenbestand

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
        from werkalliantie.antwoorden import Antwoordenbestand
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
    # The lock a killed process held is released by the OS: the next save works.
    Antwoordenbestand(tmp_path).bewaar("daarna", 1)
    assert Antwoordenbestand(tmp_path).waarde("eerder") == "blijft bewaard"


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


def test_nieuwere_schemaversie_wordt_niet_overschreven(tmp_path):
    pad = tmp_path / "antwoorden.json"
    pad.write_text(json.dumps({"schema": "werkalliantie-antwoorden", "versie": VERSIE + 1,
                               "antwoorden": {"x": {"waarde": 1, "opgeslagen": "nu"}}}))
    voor = pad.read_bytes()
    bestand = Antwoordenbestand(tmp_path)
    inhoud = bestand.lees()
    assert inhoud.te_nieuw and "nieuwere versie" in inhoud.melding
    with pytest.raises(AntwoordenFout, match="nieuwere versie"):
        bestand.bewaar("y", 2)
    assert pad.read_bytes() == voor
