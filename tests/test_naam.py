"""The learner's own name for the trainer (werkalliantie/leren/widgets/naam.py): optional,
saved only on a click, in the answer file under a key no question can have, restored
without writing; also on the page to download the answer file."""

from __future__ import annotations

from werkalliantie.leren.antwoorden import NAAMVELD, Antwoordenbestand
from werkalliantie.leren.widgets.bestand import Antwoordenknoppen
from werkalliantie.leren.widgets.naam import NaamVoorDeTrainer


def test_naam_bewaren_alleen_na_een_klik(tmp_path):
    veld = NaamVoorDeTrainer(tmp_path)
    assert not (tmp_path / "antwoorden.json").exists()
    veld.veld.value = "  Ayla\n Demir  "
    assert not (tmp_path / "antwoorden.json").exists()  # typing saves nothing
    assert veld.bewaar()
    inhoud = Antwoordenbestand(tmp_path).lees()
    assert inhoud.waarde(NAAMVELD) == "Ayla Demir"
    assert inhoud.naam_voor_de_trainer == "Ayla Demir" and inhoud.vragen == {}
    assert "opgeslagen" in veld.status.value


def test_naam_komt_terug_zonder_te_schrijven(tmp_path):
    Antwoordenbestand(tmp_path).bewaar_meerdere({NAAMVELD: "Bram", "bordin-drie-delen": ["doelen"]})
    voor = (tmp_path / "antwoorden.json").read_bytes()
    veld = NaamVoorDeTrainer(tmp_path)
    assert veld.veld.value == "Bram"
    assert (tmp_path / "antwoorden.json").read_bytes() == voor
    veld.veld.value = ""
    assert veld.bewaar()
    assert Antwoordenbestand(tmp_path).lees().naam_voor_de_trainer is None
    assert Antwoordenbestand(tmp_path).lees().waarde("bordin-drie-delen") == ["doelen"]


def test_naam_heeft_een_toegankelijke_naam_en_staat_bij_het_downloaden(tmp_path):
    veld = NaamVoorDeTrainer(tmp_path)
    assert veld.veld.description == "Je naam voor de trainer" and veld.veld.tooltip
    knoppen = Antwoordenknoppen(tmp_path)
    assert isinstance(knoppen.children[0], NaamVoorDeTrainer)
    Antwoordenbestand(tmp_path).bewaar_meerdere({NAAMVELD: "Chantal", "bordin-drie-delen": ["doelen"]})
    knoppen.maak_download()
    assert "1 antwoord" in knoppen.downloadlink.value  # the name is not counted as an answer
