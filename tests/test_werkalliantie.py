"""The package's three wings and their import contract (issue 18), read from the code.

- ``werkalliantie.leren`` (the learner's wing) imports neither other wing, and outside the
  standard library only ipywidgets (with traitlets and IPython) and filelock: it runs in
  the browser, where nothing compiled is available;
- ``werkalliantie.bouwen`` (the build wing) may import the learner's wing, never the wing
  of instructors and trainers;
- ``werkalliantie.begeleiden`` (instructors and trainers) may import the learner's wing and
  the build wing's validation (``werkalliantie.bouwen.bundel``), nothing else of it;
- no wing imports the names kept for old courses (``werkalliantie.widgets``,
  ``werkalliantie.nakijken``), and no module imports itself round in a circle at import.

Every import counts, also one inside a function: a lazy import is still an import.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

PAKKET = ROOT / "werkalliantie"
VLEUGELS = ("leren", "begeleiden", "bouwen")
OUD = ("werkalliantie.widgets", "werkalliantie.nakijken")  # re-exports for old courses
# Outside the standard library, what a learner's kernel may import (also in the browser).
LEREN_MAG = {"ipywidgets", "traitlets", "IPython", "filelock"}


def _module(pad: Path) -> str:
    delen = pad.relative_to(ROOT).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def imports(pad: Path, alleen_bovenaan: bool = False) -> list[tuple[str, int]]:
    """Every module ``pad`` imports, absolute, with its line: anywhere in the file, or only
    the imports at module level (those that run when it is imported)."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), str(pad))
    eigen = _module(pad)
    pakket = eigen if pad.name == "__init__.py" else eigen.rpartition(".")[0]
    knopen = boom.body if alleen_bovenaan else ast.walk(boom)
    uit = []
    for knoop in knopen:
        if isinstance(knoop, ast.Import):
            uit += [(a.name, knoop.lineno) for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            basis = knoop.module or ""
            if knoop.level:
                delen = pakket.split(".")
                basis = ".".join([*delen[: len(delen) - knoop.level + 1], *([basis] if basis else [])])
            uit += [(f"{basis}.{a.name}", knoop.lineno) for a in knoop.names]
            uit.append((basis, knoop.lineno))
    return uit


def _wing(module: str) -> str | None:
    delen = module.split(".")
    return delen[1] if len(delen) > 1 and delen[0] == "werkalliantie" and delen[1] in VLEUGELS \
        else None


def schendingen(pad: Path) -> list[str]:
    """What ``pad`` imports against the contract, as readable lines."""
    wing = _wing(_module(pad))
    uit = []
    for naam, regel in imports(pad):
        waar = f"{pad.relative_to(ROOT)}:{regel} importeert {naam}"
        if wing and any(naam == o or naam.startswith(o + ".") for o in OUD):
            uit.append(f"{waar} (alleen voor oude cursussen)")
        doel = _wing(naam)
        top = naam.split(".")[0]
        if wing == "leren":
            if doel in ("begeleiden", "bouwen"):
                uit.append(f"{waar} (de vleugel van de cursist importeert geen andere vleugel)")
            elif top not in ("werkalliantie", *LEREN_MAG) and top not in sys.stdlib_module_names:
                uit.append(f"{waar} (in de browser niet beschikbaar)")
        elif wing == "bouwen" and doel == "begeleiden":
            uit.append(f"{waar} (de bouwvleugel importeert niets van docenten en trainers)")
        elif wing == "begeleiden" and doel == "bouwen" and not (
                naam == "werkalliantie.bouwen.bundel" or naam.startswith("werkalliantie.bouwen.bundel.")):
            uit.append(f"{waar} (alleen de controle van de gegevens, werkalliantie.bouwen.bundel)")
    return uit


BESTANDEN = sorted(PAKKET.rglob("*.py"))


def test_de_drie_vleugels_staan_in_de_boom():
    assert {p.name for p in PAKKET.iterdir() if p.is_dir() and not p.name.startswith("_")} >= set(VLEUGELS)
    los = [p.name for p in PAKKET.glob("*.py") if p.name != "__init__.py"]
    assert los == [], f"elke module hoort in een vleugel: {los}"


def test_het_importcontract():
    fouten = [f for pad in BESTANDEN for f in schendingen(pad)]
    assert fouten == [], "\n".join(fouten)


@pytest.mark.parametrize("regel,vleugel", [
    ("from werkalliantie.begeleiden.nakijken import toets", "leren"),
    ("import werkalliantie.bouwen.boek", "leren"),
    ("from werkalliantie.bouwen.bundel.schema import valideer", "leren"),
    ("import pydantic", "leren"),
    ("from werkalliantie.begeleiden import cli", "bouwen"),
    ("from werkalliantie.bouwen.boek import ROOT", "begeleiden"),
    ("from werkalliantie.widgets import opgave", "begeleiden"),
])
def test_het_contract_ziet_een_verboden_import(tmp_path, monkeypatch, regel, vleugel):
    """The check itself can fail: a module placed in a wing with a forbidden import (also a
    lazy one, inside a function) is named."""
    map_ = tmp_path / "werkalliantie" / vleugel
    map_.mkdir(parents=True)
    pad = map_ / "proef.py"
    pad.write_text(f"def f():\n    {regel}\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert [f for f in schendingen(pad) if "proef.py:2" in f], regel


def test_wat_wel_mag_is_geen_schending(tmp_path, monkeypatch):
    map_ = tmp_path / "werkalliantie" / "begeleiden"
    map_.mkdir(parents=True)
    pad = map_ / "proef.py"
    pad.write_text("import nbgrader\nfrom werkalliantie.leren import opgaven\n"
                   "from werkalliantie.bouwen.bundel.schema import valideer\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert schendingen(pad) == []


def _kringen() -> list[list[str]]:
    """Cycles among the package's modules through imports at module level (those run on
    import; a function's import runs later)."""
    modules = {_module(p): p for p in BESTANDEN}
    rand: dict[str, set[str]] = {}
    for naam, pad in modules.items():
        doelen = set()
        for doel, _ in imports(pad, alleen_bovenaan=True):
            while doel and doel not in modules:
                doel = doel.rpartition(".")[0]
            if doel and doel != naam:
                doelen.add(doel)
        rand[naam] = doelen
    kringen, staat = [], {}

    def bezoek(n, pad):
        staat[n] = 1
        for m in sorted(rand[n]):
            if staat.get(m) == 1:
                kringen.append(pad[pad.index(m):] + [m])
            elif m not in staat:
                bezoek(m, pad + [m])
        staat[n] = 2

    for n in sorted(rand):
        if n not in staat:
            bezoek(n, [n])
    return kringen


def test_geen_importkringen():
    kringen = _kringen()
    assert kringen == [], "\n".join(" -> ".join(k) for k in kringen)


def test_een_cursist_installeert_geen_zware_pakketten():
    """A learner's install (no extra) pulls in no pandas, pingouin, nbgrader or pydantic;
    each extra names what its wing needs, and requirements.txt pins them all."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert set(project["dependencies"]) == {"ipywidgets", "filelock"}
    extra = project["optional-dependencies"]
    assert {"docent", "trainer", "boek", "hub"} <= set(extra)
    assert "nbgrader" in extra["docent"] and "pydantic" in extra["boek"]
    gepind = {r.split("==")[0].lower().split("[")[0] for r in
              (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
              if "==" in r}
    namen = {e.split("[")[0].lower() for deel in extra.values() for e in deel
             if not e.startswith("werkalliantie")}
    assert namen <= gepind, f"zonder vaste versie in requirements.txt: {namen - gepind}"


@pytest.mark.slow  # builds the wheel with pip
def test_het_wiel_van_de_site_bevat_alleen_de_vleugel_van_de_cursist(tmp_path):
    import zipfile

    from werkalliantie.bouwen.site import leerwiel

    wiel = leerwiel(tmp_path)
    namen = zipfile.ZipFile(wiel.pad).namelist()
    code = [n for n in namen if not n.startswith("werkalliantie-") or ".dist-info/" not in n]
    assert code and all(n == "werkalliantie/__init__.py" or n.startswith("werkalliantie/leren/")
                        for n in code), sorted(code)
    assert "werkalliantie/leren/_bundel/opgaven.json" in namen
    assert not [n for n in namen if "begeleiden" in n or "bouwen" in n or "nakijken" in n]
    assert sorted(wiel.vereisten()) == ["filelock", "ipywidgets"]
