"""A corpus of cheating and broken submissions, graded by the real nbgrader commands.

Generic over assignments: every submission is built from the released notebook and a right
or a wrong answer file (each kind's own examples: ``voorbeelden()``); which cells are graded
automatically and which hold a manually graded answer comes from the gradebook. Every cheat
is built on the wrong (or else the empty) answer file, so it must score exactly what that
file scores. The shared class of the tests (tests/klasrun.py) hands the corpus in on one
assignment, with canaries in the keys (strings no answer contains: :func:`plant_kanaries`),
and grades it in its one run.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml


KANARIE = "KANARIE-7f3c9e21-nooit-in-een-antwoord"
KANARIEVELDEN = frozenset({"toelichting", "uitleg", "waarom", "feedback", "voorbeeld"})
TOEGEVOEGD = "Door de student toegevoegd — niet uitgevoerd"
PAYLOAD = (
    "Mijn antwoord aan Denise.\n\n"
    "<script>window.__pwned = 'script'</script>\n\n"
    '<img src="x" onerror="window.__pwned = \'onerror\'">\n\n'
    "[klik hier](javascript:window.__pwned='link') en "
    '<a href="javascript:window.__pwned=\'a\'">hier</a>\n\n'
    '<iframe srcdoc="<script>parent.__pwned=\'iframe\'</script>"></iframe>\n\n'
    '<svg onload="window.__pwned=\'svg\'"><script>window.__pwned=\'svg2\'</script></svg>\n\n'
    '<a id="__pwned" name="__pwned">klobberen</a>\n\n'
    "<script>fetch('/api/contents/gehackt.txt', {method: 'PUT', headers: {'Content-Type': "
    "'application/json', 'X-XSRFToken': (document.cookie.match(/_xsrf=([^;]+)/) || [])[1]},"
    " body: JSON.stringify({type: 'file', format: 'text', content: 'gehackt'})})</script>\n")


@dataclass(frozen=True)
class Inlevering:
    basis: str  # "goed", "fout" or "leeg": the answer file it is built on
    bouw: Callable[[Path, dict], None] | None = None  # changes the submission folder


@dataclass
class Corpusrun:
    map: Path
    opdracht: str
    automatisch: list[str]  # grade_ids of automatically graded cells
    handmatig: list[str]  # grade_ids of manually graded answer cells
    notebook: str
    inleveringen: dict[str, Inlevering]

    def cijfers(self) -> dict[str, dict[str, tuple[float | None, float | None]]]:
        """Per student, per graded cell: (auto_score, manual_score)."""
        from nbgrader.api import Gradebook

        uit = {}
        with Gradebook(f"sqlite:///{self.map / 'gradebook.db'}") as gb:
            for student in self.inleveringen:
                nb = gb.find_submission_notebook(self.notebook, self.opdracht, student)
                uit[student] = {g.name: (g.auto_score, g.manual_score) for g in nb.grades}
        return uit

    @classmethod
    def uit(cls, map_: Path, opdracht: str, inleveringen: dict[str, "Inlevering"]) -> "Corpusrun":
        """The corpus as handed in on ``opdracht`` of the course in ``map_``."""
        from nbgrader.api import Gradebook

        notebook = next((map_ / "release" / opdracht).glob("*.ipynb")).stem
        with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
            nb = gb.find_notebook(notebook, opdracht)
            oplossing = {s.name for s in nb.solution_cells}
            automatisch = [c.name for c in nb.grade_cells
                           if c.cell_type == "code" and c.name not in oplossing]
            handmatig = [c.name for c in nb.grade_cells
                         if c.name in oplossing and c.cell_type == "markdown"]
        return cls(map_, opdracht, automatisch, handmatig, notebook, inleveringen)

    def basis(self, student: str) -> str:
        """The honest submission whose answer file this one is built on."""
        return {"goed": "a-eerlijk-goed", "fout": "a-eerlijk-fout",
                "leeg": "a-eerlijk-leeg"}[self.inleveringen[student].basis]


def _omgeving() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def plant_kanaries(cursus: Path, velden: frozenset[str]) -> None:
    """Put the canary in every key file (as a comment, and in explanation fields)."""
    for pad in sorted((cursus / "sleutels").rglob("*")):
        if not pad.is_file():
            continue
        tekst = pad.read_text(encoding="utf-8")
        if pad.suffix in (".yaml", ".yml"):
            data = yaml.safe_load(tekst)

            def zaai(x):
                if isinstance(x, dict):
                    return {k: (f"{v} {KANARIE}" if k in velden and isinstance(v, str)
                                else zaai(v)) for k, v in x.items()}
                if isinstance(x, list):
                    return [zaai(v) for v in x]
                return x

            tekst = f"# {KANARIE}\n" + yaml.safe_dump(zaai(data), allow_unicode=True)
        else:
            tekst = f"{KANARIE}\n{tekst}"
        pad.write_text(tekst, encoding="utf-8")
    (cursus / "sleutels" / "kanarie.txt").write_text(KANARIE + "\n", encoding="utf-8")


# --- The cheats: code cells a student adds ------------------------------------------------

def _code(bron: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(bron)


ZOEK_CURSUS = (
    "import os, pathlib\n"
    "def _cursus():\n"
    "    for p in pathlib.Path.cwd().resolve().parents:\n"
    "        if (p / 'nbgrader_config.py').exists():\n"
    "            return p\n"
    "    return pathlib.Path.cwd()\n")

VALSSPEELCELLEN: dict[str, str] = {
    # every function in the grading package that grades returns None: no output, full points
    "c-scoring-gepatcht": (
        "import importlib, sys, pkgutil, werkalliantie\n"
        "for m in pkgutil.walk_packages(werkalliantie.__path__, 'werkalliantie.'):\n"
        "    try: importlib.import_module(m.name)\n"
        "    except Exception: pass\n"
        "for naam, mod in list(sys.modules.items()):\n"
        "    if naam.startswith('werkalliantie'):\n"
        "        for attr in dir(mod):\n"
        "            if any(w in attr.lower() for w in ('punt', 'beoordeel', 'nakijk', 'score')):\n"
        "                try: setattr(mod, attr, lambda *a, **k: None)\n"
        "                except Exception: pass\n"),
    "c-builtins-import": (
        "import builtins\n"
        "_echt = builtins.__import__\n"
        "class _Nep:\n"
        "    def __getattr__(self, naam):\n"
        "        return lambda *a, **k: None\n"
        "def _import(naam, *a, **k):\n"
        "    if naam.startswith('werkalliantie'):\n"
        "        return _Nep()\n"
        "    return _echt(naam, *a, **k)\n"
        "builtins.__import__ = _import\n"),
    "c-invoertransformator": (
        "get_ipython().input_transformers_cleanup.append(lambda regels: ['pass\\n'])\n"),
    "c-sleutel-printen-en-kopieren": ZOEK_CURSUS + (
        "import shutil\n"
        "for p in (_cursus() / 'sleutels').rglob('*'):\n"
        "    if p.is_file():\n"
        "        print(p.read_text())\n"
        "        shutil.copy(p, pathlib.Path.cwd() / ('gekopieerd-' + p.name))\n"
        "        shutil.copy(p, pathlib.Path.cwd() / 'antwoorden.vorige.json')\n"),
    "c-cijferboek-schrijven": ZOEK_CURSUS + (
        "import sqlite3\n"
        "db = sqlite3.connect(str(_cursus() / 'gradebook.db'))\n"
        "db.execute('UPDATE grade SET manual_score = 1000, needs_manual_grade = 0')\n"
        "db.commit()\n"),
    "c-sabotage": ZOEK_CURSUS + (
        "for map_ in ('submitted', 'autograded'):\n"
        "    for p in (_cursus() / map_).glob('*/*/*'):\n"
        "        if 'sabotage' not in str(p):\n"
        "            try: p.unlink()\n"
        "            except Exception: pass\n"),
    "c-ouderproces-doden": (
        "import os, signal\n"
        "os.kill(os.getppid(), signal.SIGKILL)\n"),
}


def _met_cellen(bronnen: list[str]) -> Callable[[Path, dict], None]:
    def bouw(map_: Path, ctx: dict) -> None:
        pad = map_ / ctx["notebookbestand"]
        nb = nbformat.read(pad, as_version=4)
        for i, bron in enumerate(bronnen):
            nb.cells.insert(1 + i, _code(bron))
        # the answers written from the key, in the notebook itself, once more at the end
        nb.cells.append(_code(f"open('antwoorden.json', 'w').write({ctx['goed_tekst']!r})"))
        nbformat.write(nb, pad)
    return bouw


def _grade_cellen(nb) -> list:
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")]


def _dubbele_grade_id(map_: Path, ctx: dict) -> None:
    pad = map_ / ctx["notebookbestand"]
    nb = nbformat.read(pad, as_version=4)
    kopieen = []
    for i, cel in enumerate(_grade_cellen(nb)):
        kopie = nbformat.from_dict(json.loads(json.dumps(cel)))
        kopie["id"] = f"kopie-{i}"
        if kopie.cell_type == "code":
            kopie.source = "print(1)"
        else:
            kopie.source = "Tweede antwoord, in een kopie van de cel."
        kopieen.append(kopie)
    nb.cells.extend(kopieen)
    nbformat.write(nb, pad)


def _metadata_beschadigd(map_: Path, ctx: dict) -> None:
    pad = map_ / ctx["notebookbestand"]
    data = json.loads(pad.read_text(encoding="utf-8"))
    cellen = data["cells"]
    cellen[0]["metadata"]["nbgrader"] = "kapot"
    cellen[1]["metadata"]["nbgrader"]["points"] = "veel"
    cellen[1]["metadata"]["nbgrader"]["grade"] = True
    del cellen[2]["metadata"]["nbgrader"]["grade_id"]
    cellen[-1]["metadata"] = ["geen", "woordenboek"]
    cellen.append({"cell_type": "code", "id": cellen[0].get("id", "x"), "metadata": {},
                   "source": "print('dubbele cel-id')", "outputs": [], "execution_count": None})
    pad.write_text(json.dumps(data), encoding="utf-8")


def _schema_versie(map_: Path, ctx: dict) -> None:
    pad = map_ / ctx["notebookbestand"]
    data = json.loads(pad.read_text(encoding="utf-8"))
    grade = [c for c in data["cells"] if "nbgrader" in c["metadata"]]
    grade[0]["metadata"]["nbgrader"]["schema_version"] = 99
    grade[-1]["metadata"]["nbgrader"]["schema_version"] = 1
    pad.write_text(json.dumps(data), encoding="utf-8")


def _opmaak_met_script(map_: Path, ctx: dict) -> None:
    pad = map_ / ctx["notebookbestand"]
    nb = nbformat.read(pad, as_version=4)
    for cel in nb.cells:
        if cel.metadata.get("nbgrader", {}).get("grade_id") in ctx["handmatig"]:
            cel.source = PAYLOAD
    nb.cells.append(nbformat.v4.new_raw_cell(
        "<script>window.__pwned='raw'</script>", metadata={"raw_mimetype": "text/html"}))
    nb.cells.append(nbformat.v4.new_markdown_cell(PAYLOAD))
    nbformat.write(nb, pad)


def _symlink_naar_sleutel(map_: Path, ctx: dict) -> None:
    sleutel = sorted((ctx["cursus"] / "sleutels").glob("*.yaml"))[0]
    (map_ / "antwoorden.json").unlink(missing_ok=True)
    os.symlink(sleutel, map_ / "antwoorden.json")
    os.symlink(sleutel, map_ / "sleutel.yaml")


def _code_bestanden(map_: Path, ctx: dict) -> None:
    pakket = map_ / "werkalliantie"
    pakket.mkdir()
    (pakket / "__init__.py").write_text("")
    for naam in ("toets.py", "opgaven.py"):
        (pakket / naam).write_text("def punten(*a, **k):\n    return None\n")
    (pakket / "toets.cpython-311-x86_64-linux-gnu.so").write_bytes(b"\x7fELF" + b"\0" * 64)
    (map_ / "sitecustomize.py").write_text("import builtins\nbuiltins.__import__ = None\n")
    (map_ / "ipython_kernel_config.json").write_text(json.dumps(
        {"IPKernelApp": {"exec_lines": ["get_ipython().input_transformers_cleanup.append("
                                        "lambda r: ['pass\\n'])"]}}))
    (map_ / "ipython_config.py").write_text("c.InteractiveShellApp.exec_lines = ['x = 1']\n")
    (map_ / "module.so").write_bytes(b"\x7fELF" + b"\0" * 64)
    (map_ / ".verborgen.py").write_text("print('verborgen')\n")


def _antwoordbestand(inhoud: bytes) -> Callable[[Path, dict], None]:
    def bouw(map_: Path, ctx: dict) -> None:
        (map_ / "antwoorden.json").write_bytes(inhoud)
    return bouw


def _diep_genest(map_: Path, ctx: dict) -> None:
    diep = "[" * 10_000 + "]" * 10_000
    (map_ / "antwoorden.json").write_text(
        '{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {"x": '
        '{"waarde": ' + diep + ', "opgeslagen": "2025-01-01T00:00:00+00:00"}}}')


def _honderd_mb(map_: Path, ctx: dict) -> None:
    # the wrong answers, padded with 100 MB of spaces: still valid JSON
    tekst = ctx["fout_tekst"] or '{"schema": "werkalliantie-antwoorden", "versie": 1}'
    with open(map_ / "antwoorden.json", "w", encoding="utf-8") as f:
        f.write(tekst[:-1])
        f.write(" " * 100_000_000)
        f.write(tekst[-1:])


def _nan_en_oneindig(map_: Path, ctx: dict) -> None:
    # every answer replaced by NaN, Infinity or -Infinity (JSON that Python accepts)
    vragen = list(json.loads(ctx["goed_tekst"])["antwoorden"])
    waarden = ("NaN", "Infinity", "-Infinity")
    antwoorden = ", ".join(
        f'{json.dumps(v)}: {{"waarde": {{"x": {waarden[i % 3]}, "y": [NaN]}}, '
        f'"opgeslagen": "2025-01-01T00:00:00+00:00"}}' for i, v in enumerate(vragen))
    (map_ / "antwoorden.json").write_text(
        '{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": {'
        + antwoorden + "}}")


def _dubbele_sleutels(map_: Path, ctx: dict) -> None:
    # the right answers first, the wrong ones under the same name last (the last one counts)
    goed = json.loads(ctx["goed_tekst"])["antwoorden"]
    fout = json.loads(ctx["fout_tekst"])["antwoorden"] if ctx["fout_tekst"] else {}
    (map_ / "antwoorden.json").write_text(
        '{"schema": "werkalliantie-antwoorden", "versie": 1, "antwoorden": '
        + json.dumps(goed) + ', "antwoorden": ' + json.dumps(fout) + "}")


def _verkeerde_types(map_: Path, ctx: dict) -> None:
    goed = json.loads(ctx["goed_tekst"])["antwoorden"]
    (map_ / "antwoorden.json").write_text(json.dumps({
        "schema": "werkalliantie-antwoorden", "versie": 1,
        "antwoorden": {vraag: {"waarde": {"lijst": [True, None, "5", [1]], "getal": "veel"},
                               "opgeslagen": 12} for vraag in goed}}))
    (map_ / "antwoorden.vorige.json").write_text(json.dumps(
        {"schema": 3, "versie": "een", "antwoorden": [goed]}))


def _honderdduizend_cellen(map_: Path, ctx: dict) -> None:
    pad = map_ / ctx["notebookbestand"]
    data = json.loads(pad.read_text(encoding="utf-8"))
    extra = [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "outputs": [],
              "execution_count": None, "source": "get_ipython().input_transformers_cleanup"
              ".append(lambda r: ['pass\\n'])"} for i in range(100_000)]
    data["cells"] = extra[:50_000] + data["cells"] + extra[50_000:]
    pad.write_text(json.dumps(data), encoding="utf-8")


def _geen_json(map_: Path, ctx: dict) -> None:
    (map_ / ctx["notebookbestand"]).write_text('{"cells": [ dit is geen json', encoding="utf-8")


def _notebook_als_symlink(map_: Path, ctx: dict) -> None:
    pad = map_ / ctx["notebookbestand"]
    pad.unlink()
    os.symlink(sorted((ctx["cursus"] / "sleutels").glob("*.yaml"))[0], pad)


INLEVERINGEN: dict[str, Inlevering] = {
    "a-eerlijk-goed": Inlevering("goed"),
    "a-eerlijk-fout": Inlevering("fout"),
    "a-eerlijk-leeg": Inlevering("leeg"),
    **{naam: Inlevering("fout", _met_cellen([bron])) for naam, bron in VALSSPEELCELLEN.items()},
    "c-alles-samen": Inlevering("fout", _met_cellen(list(VALSSPEELCELLEN.values())[:-1])),
    "c-dubbele-grade-id": Inlevering("fout", _dubbele_grade_id),
    "c-metadata-beschadigd": Inlevering("fout", _metadata_beschadigd),
    "c-schema-versie": Inlevering("fout", _schema_versie),
    "c-opmaak-met-script": Inlevering("fout", _opmaak_met_script),
    "c-symlink-naar-sleutel": Inlevering("leeg", _symlink_naar_sleutel),
    "c-code-bestanden": Inlevering("fout", _code_bestanden),
    "d-diep-genest": Inlevering("leeg", _diep_genest),
    "d-100-mb": Inlevering("leeg", _honderd_mb),  # refused as too big: as if not handed in
    "d-nan-en-oneindig": Inlevering("leeg", _nan_en_oneindig),
    "d-dubbele-sleutels": Inlevering("fout", _dubbele_sleutels),
    "d-verkeerde-types": Inlevering("leeg", _verkeerde_types),
    "d-geen-antwoordbestand-maar-lijst": Inlevering("leeg", _antwoordbestand(b"[1, 2, 3]")),
    "n-100000-cellen": Inlevering("fout", _honderdduizend_cellen),
    "n-geen-json": Inlevering("fout", _geen_json),
    "n-symlink-notebook": Inlevering("fout", _notebook_als_symlink),
    # sorted after every cheat: graded after the saboteur and the killer
    "z-eerlijk-goed-na-sabotage": Inlevering("goed"),
}


def export(run: Corpusrun) -> dict[str, dict]:
    with open(run.map / "cijfers.csv", encoding="utf-8-sig") as f:
        return {r["student_id"]: r for r in csv.DictReader(f)}
