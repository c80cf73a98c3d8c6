"""Taking the answer file along (werkalliantie.leren.widgets.bestand): download what is saved, load a file
back without ever losing an answer. The widget's logic, without a browser; the browser path
(JupyterLite) is in test_site.py."""

from __future__ import annotations

import base64
import html
import json
import re
from datetime import datetime, timezone

import pytest

from werkalliantie.leren.antwoorden import Antwoordenbestand
from werkalliantie.leren.widgets.bestand import MAX_UPLOAD_BYTES, Antwoordenknoppen


def _link_bytes(knoppen: Antwoordenknoppen) -> bytes:
    gevonden = re.search(r'href="data:application/json;base64,([^"]+)"', knoppen.downloadlink.value)
    assert gevonden, knoppen.downloadlink.value
    return base64.b64decode(gevonden.group(1))


def _bestand(antwoorden: dict, **extra) -> bytes:
    data = {"schema": "werkalliantie-antwoorden", "versie": 1, **extra,
            "antwoorden": {k: {"waarde": w, "opgeslagen": "2026-03-02T10:15:00+01:00"}
                           for k, w in antwoorden.items()}}
    return json.dumps(data).encode()


def test_download_geeft_precies_het_opgeslagen_bestand(tmp_path):
    knoppen = Antwoordenknoppen(tmp_path)
    assert knoppen.maak_download() is None
    assert "nog geen antwoorden opgeslagen" in knoppen.downloadlink.value
    Antwoordenbestand(tmp_path).bewaar("denise-a", {"d1": 4})
    Antwoordenbestand(tmp_path).bewaar("doel-1", "Ik <b>wil</b> werk")
    gegevens = knoppen.maak_download()
    assert gegevens == (tmp_path / "antwoorden.json").read_bytes() == _link_bytes(knoppen)
    assert 'download="antwoorden.json"' in knoppen.downloadlink.value
    assert "2 antwoorden" in knoppen.downloadlink.value
    assert "<b>" not in knoppen.downloadlink.value  # the content travels base64-encoded


def test_download_van_een_beschadigd_bestand_geeft_de_laatste_goede_versie(tmp_path):
    Antwoordenbestand(tmp_path).bewaar("a", 1)
    Antwoordenbestand(tmp_path).bewaar("b", 2)  # antwoorden.vorige.json now holds {a}
    (tmp_path / "antwoorden.json").write_text("{kapot", encoding="utf-8")
    knoppen = Antwoordenknoppen(tmp_path)
    gegevens = knoppen.maak_download()
    assert json.loads(gegevens)["antwoorden"].keys() == {"a"}
    assert "beschadigd" in knoppen.downloadlink.value


def test_download_zonder_hoofdbestand_geeft_de_laatste_goede_versie(tmp_path):
    Antwoordenbestand(tmp_path).bewaar("a", 1)
    Antwoordenbestand(tmp_path).bewaar("b", 2)  # antwoorden.vorige.json now holds {a}
    (tmp_path / "antwoorden.json").unlink()  # gone, e.g. deleted by hand
    knoppen = Antwoordenknoppen(tmp_path)
    gegevens = knoppen.maak_download()
    assert gegevens is not None and json.loads(gegevens)["antwoorden"].keys() == {"a"}
    assert "konden niet worden gelezen" not in knoppen.downloadlink.value


def test_laden_voegt_nieuwe_antwoorden_toe(tmp_path):
    Antwoordenbestand(tmp_path).bewaar("a", 1)
    knoppen = Antwoordenknoppen(tmp_path)
    knoppen.laad(_bestand({"a": 1, "b": [1, 2]}))
    assert "Geladen: 1 antwoord toegevoegd." in knoppen.melding.value
    inhoud = Antwoordenbestand(tmp_path).lees()
    assert {k: a.waarde for k, a in inhoud.antwoorden.items()} == {"a": 1, "b": [1, 2]}
    knoppen.laad(_bestand({"a": 1}))
    assert "stonden hier al" in knoppen.melding.value


@pytest.mark.parametrize("kies_bestand", [True, False])
def test_laden_vraagt_eerst_bij_een_ander_antwoord(tmp_path, kies_bestand):
    Antwoordenbestand(tmp_path).bewaar("a", "hier")
    voor = (tmp_path / "antwoorden.json").read_bytes()
    knoppen = Antwoordenknoppen(tmp_path)
    knoppen.laad(_bestand({"a": "daar", "c": 3}))
    # Nothing is written before the learner chooses.
    assert (tmp_path / "antwoorden.json").read_bytes() == voor
    assert knoppen.keuzeknoppen.layout.display == "flex"
    assert "bij 1 vraag staat in het bestand een ander antwoord" in knoppen.melding.value
    (knoppen.neem_bestand if kies_bestand else knoppen.houd_browser).click()
    assert knoppen.keuzeknoppen.layout.display == "none"
    inhoud = {k: a.waarde for k, a in Antwoordenbestand(tmp_path).lees().antwoorden.items()}
    assert inhoud == {"a": "daar" if kies_bestand else "hier", "c": 3}
    if kies_bestand:  # the answer it replaced is kept as the previous version
        vorige = json.loads((tmp_path / "antwoorden.vorige.json").read_text(encoding="utf-8"))
        assert vorige["antwoorden"]["a"]["waarde"] == "hier"


@pytest.mark.parametrize("inhoud, melding", [
    (b"dit is geen json", "kan niet worden geladen"),
    (b'{"schema": "iets anders", "antwoorden": {}}', "kan niet worden geladen"),
    (b"\xff\xfe\x00garbage", "kan niet worden geladen"),
    (json.dumps({"schema": "werkalliantie-antwoorden", "versie": 99, "antwoorden": {}}).encode(),
     "nieuwere versie"),
    (_bestand({}), "bevat geen antwoorden"),
    (b" " * (MAX_UPLOAD_BYTES + 1), "te groot"),
    (b"[" * 100_000 + b"]" * 100_000, "kan niet worden geladen"),
])
def test_een_verkeerd_bestand_verandert_niets(tmp_path, inhoud, melding):
    Antwoordenbestand(tmp_path).bewaar("a", 1)
    voor = (tmp_path / "antwoorden.json").read_bytes()
    knoppen = Antwoordenknoppen(tmp_path)
    knoppen.laad(inhoud)
    assert melding in knoppen.melding.value
    assert "Let op:" in knoppen.melding.value
    assert (tmp_path / "antwoorden.json").read_bytes() == voor
    assert not list(tmp_path.glob("*.tmp"))


def test_een_ongeldig_antwoord_in_het_bestand_verandert_niets(tmp_path):
    Antwoordenbestand(tmp_path).bewaar("a", 1)
    voor = (tmp_path / "antwoorden.json").read_bytes()
    knoppen = Antwoordenknoppen(tmp_path)
    knoppen.laad(_bestand({"b": "x" * 30_000}))  # longer than the store accepts
    # The store's reader leaves the too-long answer out, so the file holds no usable answer.
    assert "Er is niets veranderd" in knoppen.melding.value and "Let op" in knoppen.melding.value
    assert (tmp_path / "antwoorden.json").read_bytes() == voor


def test_wat_uit_een_bestand_komt_wordt_als_tekst_getoond(tmp_path):
    vraag = '<img src=x onerror="alert(1)">'
    Antwoordenbestand(tmp_path).bewaar(vraag, 1)
    knoppen = Antwoordenknoppen(tmp_path)
    knoppen.laad(_bestand({vraag: 2}))
    assert "<img" not in knoppen.melding.value
    assert html.escape(vraag) in knoppen.melding.value


def test_upload_via_de_widget(tmp_path):
    knoppen = Antwoordenknoppen(tmp_path)
    knoppen.upload.value = ({"name": "antwoorden.json", "type": "application/json", "size": 10,
                             "content": memoryview(_bestand({"a": 5})),
                             "last_modified": datetime.now(timezone.utc)},)
    assert "Geladen: 1 antwoord toegevoegd." in knoppen.melding.value
    assert knoppen.upload.value == ()  # ready for the next file
    assert Antwoordenbestand(tmp_path).waarde("a") == 5
