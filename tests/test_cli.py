"""The command line `werkalliantie`: Dutch help, Dutch errors, exit codes, no tracebacks."""

from __future__ import annotations

import subprocess

import pytest
from conftest import ROOT, omgeving

VERBS = ["nakijken", "klas", "groepsoverzicht", "modelantwoord", "cijfers", "klaarzetten",
         "klaslijst"]


def _draai(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(["werkalliantie", *args], cwd=cwd or ROOT, env=omgeving(),
                          capture_output=True, text=True, timeout=120)


def test_hulp_in_het_nederlands():
    klaar = _draai("--help")
    assert klaar.returncode == 0
    assert klaar.stdout.startswith("gebruik: werkalliantie")
    for verb in VERBS:
        assert verb in klaar.stdout
    assert "usage" not in klaar.stdout and "show this help" not in klaar.stdout


@pytest.mark.parametrize("verb", VERBS)
def test_hulp_per_opdracht(verb):
    klaar = _draai(verb, "--help")
    assert klaar.returncode == 0
    assert klaar.stdout.startswith(f"gebruik: werkalliantie {verb}")
    assert "toon deze hulp en stop" in klaar.stdout
    assert not {"usage", "positional arguments", "options:"} & set(klaar.stdout.split("\n"))


@pytest.mark.parametrize("args,melding", [
    (["onzin"], "ongeldige keuze"),
    ([], "dit ontbreekt nog"),
    (["nakijken"], "dit ontbreekt nog: OPDRACHT"),
    (["klas", "twaalf"], "'twaalf' is geen heel getal"),
    (["klas", "0"], "kies 1 of meer"),
    (["nakijken", "x", "--werkers", "0"], "kies 1 of meer"),
    (["nakijken", "x", "--tijdslimiet-cel", "-3"], "meer dan 0 seconden"),
    (["cijfers", "--formaat", "excel"], "ongeldige keuze"),
])
def test_verkeerde_argumenten(args, melding):
    klaar = _draai(*args)
    assert klaar.returncode == 2
    assert melding in klaar.stderr and "fout:" in klaar.stderr
    assert "Traceback" not in klaar.stderr


@pytest.mark.parametrize("args,melding", [
    (["nakijken", "werkalliantie-denise", "--cursusmap", "/bestaat/niet"], "bestaat niet"),
    (["klas", "3", "--cursusmap", "."], "geen nbgrader_config.py"),
    (["groepsoverzicht", "/bestaat/niet"], "bestaat niet"),
    (["modelantwoord", "geen-opdracht", "--cursusmap", "exercises"], "Onbekende opdracht"),
    (["klaarzetten", "geen-opdracht", "--cursusmap", "exercises"], "Onbekende opdracht"),
])
def test_ontbrekende_mappen_en_onbekende_namen(args, melding):
    klaar = _draai(*args)
    assert klaar.returncode == 1
    assert melding in klaar.stderr and klaar.stderr.startswith("werkalliantie: ")
    assert "Traceback" not in klaar.stderr


def test_nakijken_zonder_inleveringen_of_cijferboek(tmp_path):
    cursus = tmp_path / "cursus"
    cursus.mkdir()
    (cursus / "nbgrader_config.py").write_text("c = get_config()\n")
    (cursus / "source" / "werkalliantie-denise").mkdir(parents=True)
    klaar = _draai("nakijken", "werkalliantie-denise", "--cursusmap", str(cursus))
    assert klaar.returncode == 1 and "geen inleveringen" in klaar.stderr
    klaar = _draai("nakijken", "andere-opdracht", "--cursusmap", str(cursus))
    assert klaar.returncode == 1 and "geen opdracht 'andere-opdracht'" in klaar.stderr
    klaar = _draai("cijfers", "--cursusmap", str(cursus))
    assert klaar.returncode == 1 and "nog geen cijferboek" in klaar.stderr


def test_modelantwoord_is_een_volledig_antwoordbestand(tmp_path):
    klaar = _draai("modelantwoord", "werkalliantie-denise", "--cursusmap", "exercises")
    assert klaar.returncode == 0
    (tmp_path / "antwoorden.json").write_text(klaar.stdout, encoding="utf-8")
    from werkalliantie.leren.antwoorden import Antwoordenbestand

    inhoud = Antwoordenbestand(tmp_path).lees()
    assert not inhoud.beschadigd and "denise-b" in inhoud.antwoorden
