"""Build the in-browser practice area: ``python -m werkalliantie.bouwen.site`` (``make site``).

The practice notebooks (``notebooks/*.ipynb``) run in the learner's browser, in Python
compiled to WebAssembly (Pyodide), from the static site alone:

- JupyterLite (``jupyterlite-core``, ``jupyterlite-pyodide-kernel``, pinned in
  requirements.txt) builds only its REPL app into ``<boek>/oefenen/lite/``;
- Pyodide comes from the npm package ``pyodide`` (package.json) and is copied into the
  lite folder's ``static/pyodide/``; it has no package wheels of its own;
- the pure-Python wheels the kernel needs come from PyPI with exact pins and hashes
  (``site/wielen.txt``), plus the learner-only course wheel built from this checkout
  (:func:`leerwiel`: the learner's wing and its data, nothing of the other wings) and the
  kernel's own wheels from jupyterlite-pyodide-kernel;
  all are served from ``static/pyodide/`` and written into Pyodide's lock file (file name
  and sha256; new entries for packages Pyodide does not know), so the kernel loads them at
  start and never asks an index (``disablePyPIFallback``);
- the standard library and those wheels are compiled to bytecode at build time, by the
  Pyodide the site serves (``site/compileer.mjs``): the browser then imports without
  compiling (about half of the wait before the first exercise, issue 22); the standard
  library gets ``site/sitecustomize.py``: nothing is imported from the learner's drive;
- the widgets' front end is jupyterlab_widgets' labextension, taken from its pinned wheel;
- per notebook a page ``<boek>/oefenen/<naam>.html`` shows the REPL in a frame with every
  input hidden (see ``sjablonen/oefening.html``); ``<boek>/oefenen/index.html`` lists them.

Nothing is fetched at run time from anywhere but the site itself.
"""

from __future__ import annotations

import argparse
import email.parser
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import urllib.parse
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from werkalliantie.leren.fouten import CursusFout

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
BIN = Path(sys.executable).parent
WIELEN = SITE / "wielen.txt"
SJABLONEN = SITE / "sjablonen"
# The course's accessibility script for pages with ipywidgets, shared with Voilà's template.
TOEGANG = ROOT / "share" / "jupyter" / "voila" / "templates" / "werkalliantie" / "static" / "toegang.js"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
LABEXTENSIONS = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
KERNEL_EXTENSIE = LABEXTENSIONS / "@jupyterlite" / "pyodide-kernel-extension"
NOTEBOOKS = ROOT / "notebooks"
BOEK = ROOT / "_build" / "html"
WERKMAP = ROOT / "_build" / "oefenen-werk"
MAP = "oefenen"  # the practice area inside the book's folder
# Notebooks for trainers, not learners. The trainer's notebook lives in trainer/ now; a
# folder copied from an older course may still hold it beside the exercises: neither the
# browser site nor `make oefenen` lists it.
NIET_IN_DE_BROWSER = {"groepsoverzicht"}
EERST = {"kennismaken"}  # the introduction to the exercises opens the list
LAATST = {"voortgang"}  # the progress page closes it
HULP = "book/oefenen-in-je-browser.html"  # the learner's page about it, in the book

CURSUSPAKKET = "werkalliantie"
# The learner-only wheel: the package's top and its learner's wing (with the data bundle).
LEERVLEUGEL = ("werkalliantie/__init__.py", "werkalliantie/leren")
# The kernel's own wheels, shipped in jupyterlite-pyodide-kernel's labextension.
KERNELWIELEN = ["piplite", "pyodide-kernel", "ipykernel"]
# Loaded when the kernel starts, in one go (pyodide-kernel then installs nothing itself).
# These names are compared as written by pyodide-kernel: keep its spelling.
KERNEL_LAADT = ["micropip", "piplite", "ipykernel", "comm", "pyodide-kernel", "jedi", "ipython",
                "ipywidgets", "filelock", CURSUSPAKKET]
# Requirements that the kernel does not need: front-end assets, served as labextension.
ALLEEN_VOORKANT = {"jupyterlab-widgets", "widgetsnbextension"}
# Federated extensions in the site: the kernel, and ipywidgets' front end (from its wheel).
WIDGETS_VOORKANT = "jupyterlab_widgets"
# Files of a wheel that a practice page never reads, left out of the site's copy: jedi (the
# completion IPython offers while typing code) ships 1,790 type-stub files of other projects;
# a practice page has no code to type, and unpacking them cost the learner about 0.8 s
# before the first exercise (issue 22). jedi itself stays, as pyodide-kernel loads it.
WEGLATEN = {"jedi": ("jedi/third_party/",)}
# Pyodide's files that the site needs (no source maps, type declarations or demo pages).
PYODIDE_BESTANDEN = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                     "pyodide-lock.json", "package.json"]
# The markers a wheel's requirements are evaluated against: Python 3.14 in the browser.
OMGEVING = {"python_version": "3.14", "python_full_version": "3.14.2",
            "sys_platform": "emscripten", "platform_system": "Emscripten",
            "platform_machine": "wasm32", "os_name": "posix",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "extra": ""}
# The REPL app, as the exercise pages open it: no toolbar, no banner, inputs hidden.
REPL_PARAMETERS = [("kernel", "python"), ("showBanner", "0"),
                   ("hideCodeInput", "1"), ("promptCellPosition", "bottom")]


class BouwFout(CursusFout, RuntimeError):
    """The site cannot be built; the message says what to do."""


@dataclass(frozen=True)
class Wiel:
    pad: Path
    naam: str  # canonical
    versie: str
    sha256: str

    @classmethod
    def van(cls, pad: Path) -> Wiel:
        naam, versie = pad.name.split("-")[:2]
        return cls(pad, canonicalize_name(naam), versie, _sha256(pad))

    def metadata(self):
        with zipfile.ZipFile(self.pad) as z:
            meta = next(n for n in z.namelist()
                        if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
            return email.parser.BytesParser().parsebytes(z.read(meta))

    def imports(self) -> list[str]:
        """Top-level importable names (what loadPackagesFromImports matches on)."""
        with zipfile.ZipFile(self.pad) as z:
            namen = z.namelist()
            top = next((n for n in namen if n.endswith(".dist-info/top_level.txt")), None)
            if top:
                return sorted({r.strip() for r in z.read(top).decode().splitlines() if r.strip()})
        eerste = {n.split("/")[0] for n in namen}
        return sorted(n.removesuffix(".py") for n in eerste
                      if not n.endswith((".dist-info", ".data")) and n != "__pycache__"
                      and (n.endswith(".py") or any(m.startswith(n + "/") for m in namen)))

    def vereisten(self) -> list[str]:
        uit = []
        for regel in self.metadata().get_all("Requires-Dist") or []:
            eis = Requirement(regel)
            if eis.marker is None or Marker(str(eis.marker)).evaluate(OMGEVING):
                uit.append(canonicalize_name(eis.name))
        return uit


def _sha256(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _run(cmd: list, **kwargs) -> None:
    resultaat = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if resultaat.returncode != 0:
        raise BouwFout(f"{' '.join(map(str, cmd))} faalde:\n{resultaat.stdout[-3000:]}"
                       f"{resultaat.stderr[-3000:]}")


# -- the wheels ----------------------------------------------------------------------------

def leerwiel(doel: Path) -> Wiel:
    """The wheel the browser site ships: ``werkalliantie/__init__.py`` and the learner's wing
    with its data bundle, nothing of the instructors' or the build wing. Its name, version
    and dependencies are the package's own (``pyproject.toml``: a learner's install, no
    extras); it is built by pip from a staging folder, with the same pinned setuptools."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    if not (ROOT / "werkalliantie" / "leren" / "_bundel").is_dir():
        raise BouwFout("De gegevens van de cursus ontbreken: bouw ze eerst (make gegevens).")
    shutil.rmtree(doel, ignore_errors=True)
    doel.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        for deel in LEERVLEUGEL:
            bron, naar = ROOT / deel, Path(tmp) / deel
            if bron.is_dir():
                shutil.copytree(bron, naar, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                naar.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(bron, naar)
        setuptools = next(r for r in pyproject["build-system"]["requires"]
                          if r.startswith("setuptools"))
        (Path(tmp) / "pyproject.toml").write_text(
            f'[build-system]\nrequires = ["{setuptools}"]\n'
            'build-backend = "setuptools.build_meta"\n\n'
            f'[project]\nname = "{project["name"]}"\nversion = "{project["version"]}"\n'
            f'requires-python = "{project["requires-python"]}"\n'
            f"dependencies = {json.dumps(project['dependencies'])}\n\n"
            '[tool.setuptools.packages.find]\ninclude = ["werkalliantie", "werkalliantie.leren*"]\n\n'
            '[tool.setuptools.package-data]\n"werkalliantie.leren" = ["_bundel/*.json"]\n',
            encoding="utf-8")
        _run([sys.executable, "-m", "pip", "wheel", tmp, "--no-deps", "--quiet",
              "--disable-pip-version-check", "--wheel-dir", doel])
    wielen = list(doel.glob("*.whl"))
    if len(wielen) != 1 or not wielen[0].name.endswith("-py3-none-any.whl"):
        raise BouwFout(f"Verwacht één pure-Python-wiel van de cursus, gevonden: {wielen}")
    return Wiel.van(wielen[0])


def pypi_wielen(doel: Path, lijst: Path = WIELEN) -> list[Wiel]:
    """The pinned wheels of site/wielen.txt, from PyPI (pip's cache makes a rebuild quick)."""
    doel.mkdir(parents=True, exist_ok=True)
    _run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
          "--no-deps", "--only-binary=:all:", "--python-version", "3.14", "--platform", "any",
          "--implementation", "py", "--abi", "none", "--require-hashes", "-r", lijst,
          "-d", doel])
    gepind = {}
    for regel in lijst.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[A-Za-z0-9]", regel):
            naam, versie = regel.split()[0].split("==")
            gepind[canonicalize_name(naam)] = versie
    wielen = [w for w in map(Wiel.van, sorted(doel.glob("*.whl")))
              if gepind.get(w.naam) == w.versie]
    ontbreekt = set(gepind) - {w.naam for w in wielen}
    if ontbreekt:
        raise BouwFout(f"Niet gedownload: {sorted(ontbreekt)}")
    return wielen


def kernelwielen() -> list[Wiel]:
    pypi = KERNEL_EXTENSIE / "static" / "pypi"
    uit = []
    for naam in KERNELWIELEN:
        kandidaten = sorted(pypi.glob(f"{naam.replace('-', '_')}-*.whl"))
        if len(kandidaten) != 1:
            raise BouwFout(f"Het kernelwiel {naam} ontbreekt in {pypi}: installeer "
                           "jupyterlite-pyodide-kernel (make omgeving).")
        uit.append(Wiel.van(kandidaten[0]))
    return uit


# -- Pyodide and its lock file -------------------------------------------------------------

def pyodide_map(doel: Path, wielen: list[Wiel]) -> dict:
    """Copy Pyodide from npm into ``doel`` with the wheels; return the rewritten lock.

    The lock keeps only what the site serves: a package that is not there fails at once
    with Pyodide's own message instead of a request that cannot succeed.
    """
    if not (PYODIDE_NPM / "pyodide.mjs").exists():
        raise BouwFout(f"{PYODIDE_NPM} ontbreekt: installeer de npm-pakketten (npm ci, of "
                       "make omgeving).")
    shutil.rmtree(doel, ignore_errors=True)
    doel.mkdir(parents=True)
    for naam in PYODIDE_BESTANDEN:
        shutil.copy2(PYODIDE_NPM / naam, doel / naam)
    lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
    pakketten = lock["packages"]
    nieuw: dict[str, dict] = {}
    wielen = [w for w in wielen if w.naam not in ALLEEN_VOORKANT]
    voor_cursus = {w.naam for w in wielen}
    for wiel in wielen:
        kopieer_wiel(wiel, doel / wiel.pad.name)
    with zipfile.ZipFile(doel / "python_stdlib.zip", "a") as stdlib:
        stdlib.write(SITE / "sitecustomize.py", "sitecustomize.py")
    compileer(doel)
    for wiel in wielen:
        # What the site serves, compiled: its hash is what the kernel checks.
        wiel = Wiel(doel / wiel.pad.name, wiel.naam, wiel.versie, _sha256(doel / wiel.pad.name))
        oud = pakketten.get(wiel.naam)
        if oud is not None:
            if oud["version"] != wiel.versie:
                raise BouwFout(
                    f"{wiel.naam} {wiel.versie} in site/wielen.txt, maar Pyodide's lock noemt "
                    f"{oud['version']}: pin dezelfde versie.")
            nieuw[wiel.naam] = {**oud, "file_name": wiel.pad.name, "sha256": wiel.sha256,
                                "unvendored_tests": False}
            continue
        vereist = sorted({v for v in wiel.vereisten() if v not in ALLEEN_VOORKANT})
        onbekend = [v for v in vereist if v not in voor_cursus]
        if onbekend:
            raise BouwFout(f"{wiel.naam} heeft {onbekend} nodig: zet ze in site/wielen.txt.")
        nieuw[wiel.naam] = {
            "name": wiel.naam, "version": wiel.versie, "file_name": wiel.pad.name,
            "install_dir": "site", "sha256": wiel.sha256, "package_type": "package",
            "imports": wiel.imports(), "depends": vereist, "unvendored_tests": False,
        }
    # Every dependency of what is served must be served too.
    for naam, pakket in nieuw.items():
        ontbreekt = [d for d in pakket["depends"] if canonicalize_name(d) not in nieuw]
        if ontbreekt:
            raise BouwFout(f"{naam} heeft {ontbreekt} nodig (volgens Pyodide's lock): zet ze "
                           "in site/wielen.txt.")
    lock["packages"] = dict(sorted(nieuw.items()))
    (doel / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")
    return lock


def kopieer_wiel(wiel: Wiel, doel: Path) -> None:
    """Copy a wheel into the site, without the files :data:`WEGLATEN` names for it (and
    without their lines in its RECORD, so that the wheel stays whole)."""
    weg = WEGLATEN.get(wiel.naam)
    if not weg:
        shutil.copy2(wiel.pad, doel)
        return
    gevonden = False
    with (zipfile.ZipFile(wiel.pad) as oud,
          zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as nieuw):
        for info in oud.infolist():
            if info.filename.startswith(weg):
                gevonden = True
                continue
            inhoud = oud.read(info)
            if info.filename.endswith(".dist-info/RECORD"):
                inhoud = "".join(r for r in inhoud.decode("utf-8").splitlines(keepends=True)
                                 if not r.startswith(weg)).encode("utf-8")
            nieuw.writestr(info, inhoud)
    if not gevonden:  # a newer version moved them: say so instead of shipping them unseen
        raise BouwFout(f"{wiel.pad.name} heeft geen {', '.join(weg)} meer: pas WEGLATEN aan "
                       "in werkalliantie/bouwen/site.py.")


def compileer(map_: Path) -> None:
    """Compile the standard library and the wheels in ``map_`` to bytecode, with the
    Pyodide the site serves (``site/compileer.mjs``): the learner's browser then imports
    without compiling. Pyodide's npm package and PyPI's wheels ship source only."""
    node = shutil.which("node")
    if node is None:
        raise BouwFout("Node.js ontbreekt: installeer het (zie README) en bouw opnieuw.")
    _run([node, SITE / "compileer.mjs", map_], cwd=ROOT)
    for pad in map_.iterdir():
        pad.chmod(0o644)


# -- JupyterLite ---------------------------------------------------------------------------

def lite_config(wielen: list[Wiel], cache: Path) -> dict:
    voorkant = next(w for w in wielen if w.naam == canonicalize_name(WIDGETS_VOORKANT))
    return {"LiteBuildConfig": {
        "apps": ["repl"],
        "ignore_sys_prefix": True,
        "federated_extensions": [str(KERNEL_EXTENSIE), str(voorkant.pad)],
        "no_sourcemaps": True,
        "no_unused_shared_packages": True,
        "contents": [],
        "cache_dir": str(cache),
    }}


def lite_instellingen() -> dict:
    return json.loads((SITE / "jupyter-lite.json").read_text(encoding="utf-8"))


def bouw_lite(werk: Path, uit: Path, wielen: list[Wiel]) -> None:
    lite = werk / "lite"
    shutil.rmtree(lite, ignore_errors=True)
    lite.mkdir(parents=True)
    pyodide_map(lite / "static" / "pyodide", wielen)
    instellingen = lite_instellingen()
    kernel = instellingen["jupyter-config-data"]["litePluginSettings"].setdefault(
        "@jupyterlite/pyodide-kernel-extension:kernel", {})
    kernel["disablePyPIFallback"] = True
    kernel.setdefault("loadPyodideOptions", {})["packages"] = KERNEL_LAADT
    (lite / "jupyter-lite.json").write_text(json.dumps(instellingen, indent=1), encoding="utf-8")
    shutil.copy2(SITE / "overrides.json", lite / "overrides.json")
    (lite / "jupyter_lite_config.json").write_text(
        json.dumps(lite_config(wielen, werk / "cache"), indent=1), encoding="utf-8")
    shutil.rmtree(uit, ignore_errors=True)
    _run([BIN / "jupyter", "lite", "build", "--lite-dir", lite, "--output-dir", uit,
          ], cwd=lite)
    zonder_sneltoetsen(uit)
    # JupyterLite's own check, run after its build: every path in its config exists.
    controle = json.loads((uit / "jupyter-lite.json").read_text(encoding="utf-8"))
    url = controle["jupyter-config-data"]["litePluginSettings"][
        "@jupyterlite/pyodide-kernel-extension:kernel"]["pyodideUrl"]
    if not (uit / url).exists():
        raise BouwFout(f"Pyodide staat niet waar JupyterLite het zoekt: {url}")


def zonder_sneltoetsen(uit: Path) -> None:
    """Switch off every keyboard shortcut of the built JupyterLite, in the site's own settings
    (``settingsOverrides`` of its ``jupyter-lite.json``): a practice page has no code to run,
    and its shortcuts (in English) could open the command palette, clear the exercise or
    restart its kernel (issue 22). The shortcuts are read from the build's own plugin
    schemas, so a newer JupyterLite is covered too. The JupyterLab of instructors and hub
    students keeps its shortcuts (werkalliantie/bouwen/jupyterlab.py)."""
    sneltoetsen = []
    for schema in sorted([*(uit / "build" / "schemas").rglob("*.json"),
                          *(uit / "extensions").rglob("schemas/**/*.json")]):
        try:
            gegevens = json.loads(schema.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for s in gegevens.get("jupyter.lab.shortcuts", []) if isinstance(gegevens, dict) else []:
            if s.get("keys") and s.get("command") and s.get("selector"):
                sneltoetsen.append({"command": s["command"], "keys": s["keys"],
                                    "selector": s["selector"], "disabled": True})
    if not sneltoetsen:
        raise BouwFout("Geen sneltoetsen gevonden in de schema's van JupyterLite: is de build veranderd?")
    pad = uit / "jupyter-lite.json"
    config = json.loads(pad.read_text(encoding="utf-8"))
    instellingen = config["jupyter-config-data"].setdefault("settingsOverrides", {})
    instellingen["@jupyterlab/shortcuts-extension:shortcuts"] = {"shortcuts": sneltoetsen}
    pad.write_text(json.dumps(config, indent=1), encoding="utf-8")


# -- the exercise pages --------------------------------------------------------------------

@dataclass(frozen=True)
class Oefening:
    naam: str  # the notebook's stem: the page's name and the book's link target
    titel: str
    inleiding: str
    code: list[str]  # one REPL cell per notebook cell, in order


def _markdown_als_code(tekst: str) -> str:
    # A raw bundle: IPython's Markdown() first asks the drive whether the text is a file name.
    return f"from IPython.display import display as _toon\n_toon({{'text/markdown': {tekst!r}}}, raw=True)"


def lees_oefening(pad: Path) -> Oefening:
    nb = json.loads(pad.read_text(encoding="utf-8"))
    code, titel, inleiding = [], None, ""
    for cel in nb.get("cells", []):
        bron = "".join(cel.get("source", []))
        if not bron.strip():
            continue
        if cel["cell_type"] == "markdown":
            if titel is None:
                for regel in bron.splitlines():
                    if regel.startswith("# "):
                        titel = regel[2:].strip()
                        break
                alineas = [a.strip() for a in bron.split("\n\n")
                           if a.strip() and not a.lstrip().startswith("#")]
                inleiding = " ".join(alineas[0].split()) if alineas else ""
            code.append(_markdown_als_code(bron))
        elif cel["cell_type"] == "code":
            code.append(bron)
    return Oefening(pad.stem, titel or pad.stem, inleiding, code)


def repl_url(code: list[str]) -> str:
    return "lite/repl/index.html?" + urllib.parse.urlencode(
        [*REPL_PARAMETERS, *(("code", c) for c in code)], quote_via=urllib.parse.quote)


def markdown_regel(tekst: str) -> markupsafe.Markup:
    """A notebook's line of Markdown (emphasis, code) as HTML, everything else escaped: the
    overview showed its marks as typed (``*dat*``; issue 22)."""
    from markdown_it import MarkdownIt

    return markupsafe.Markup(MarkdownIt("commonmark", {"html": False}).renderInline(tekst))


def _omgeving() -> jinja2.Environment:
    omgeving = jinja2.Environment(loader=jinja2.FileSystemLoader(SJABLONEN),
                                  autoescape=True, undefined=jinja2.StrictUndefined,
                                  keep_trailing_newline=True)
    omgeving.filters["markdown"] = markdown_regel
    return omgeving


ANTWOORDENPAGINA = Oefening(
    naam="antwoorden", titel="Je antwoorden bewaren of meenemen",
    inleiding="Download je antwoorden als bestand, of laad een bestand met antwoorden.",
    code=["from werkalliantie.leren.widgets.bestand import Antwoordenknoppen\nAntwoordenknoppen()"])


def oefenpagina(oefening: Oefening, omgeving: jinja2.Environment | None = None) -> str:
    """The page ``<naam>.html`` of the practice area: the exercise's REPL in a frame."""
    return (omgeving or _omgeving()).get_template("oefening.html").render(
        oefening=oefening, src=repl_url(oefening.code),
        antwoordenpagina=oefening is ANTWOORDENPAGINA, hulp=f"../{HULP}")


def schrijf_paginas(uit: Path, oefeningen: list[Oefening]) -> None:
    omgeving = _omgeving()
    for bestand in ("oefenen.css", "oefenen.js"):
        shutil.copy2(SJABLONEN / bestand, uit / bestand)
    shutil.copy2(TOEGANG, uit / TOEGANG.name)
    for oefening in [*oefeningen, ANTWOORDENPAGINA]:
        (uit / f"{oefening.naam}.html").write_text(oefenpagina(oefening, omgeving),
                                                   encoding="utf-8")
    (uit / "index.html").write_text(omgeving.get_template("index.html").render(
        oefeningen=oefeningen, hulp=f"../{HULP}"), encoding="utf-8")


# -- the whole build -----------------------------------------------------------------------

def oefennotebooks(map_: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks a learner practises with (in ``map_``), in the order a learner meets
    them: the introduction first, then the book's order (_toc.yml), the progress page last;
    no trainer's tools. The browser site's order, and `make oefenen`'s (voila_paginaconfig)."""
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")

    def plaats(p: Path) -> tuple[int, int, str]:
        if p.stem in EERST or p.stem in LAATST:
            return (0 if p.stem in EERST else 2, 0, p.stem)
        positie = toc.find(f"book/oefeningen/{p.stem}\n")
        return (1, positie if positie >= 0 else len(toc), p.stem)

    # notebooks/ holds only the learners' notebooks (the trainer's are in trainer/)
    return sorted((p for p in Path(map_).glob("*.ipynb") if p.stem not in NIET_IN_DE_BROWSER),
                  key=plaats)


def voila_paginaconfig(page_config: dict, base_url: str, settings: dict, log, voila_configuration,
                       notebook_path: str = "") -> dict:
    """Voilà's page-config hook for `make oefenen` (set in ``notebooks/voila.py``): on the
    list of a folder, the exercises in it as the browser site lists them, in the learner's
    order with their Dutch titles and no trainer's tools, for the template's ``tree.html``
    (share/jupyter/voila/templates/werkalliantie). Returns the page config (Voilà renders an
    exercise with what the hook returns); other pages' is left as it was."""
    wortel = getattr(settings.get("contents_manager"), "root_dir", None)  # the served folder
    map_ = Path(wortel or ".") / notebook_path.strip("/")
    if not wortel or not map_.is_dir():
        return page_config
    lijst = []
    for pad in oefennotebooks(map_):
        try:
            titel = lees_oefening(pad).titel
        except (OSError, ValueError, KeyError):  # a notebook that cannot be read keeps its name
            titel = pad.stem
        lijst.append({"pad": pad.relative_to(wortel).as_posix(), "titel": titel})
    page_config["werkalliantieOefeningen"] = lijst
    return page_config


def bouw(boek: Path = BOEK, notebooks: list[Path] | None = None, werk: Path = WERKMAP) -> Path:
    notebooks = oefennotebooks() if notebooks is None else notebooks
    if not (boek / "index.html").exists():
        raise BouwFout(f"Het boek ontbreekt in {boek}: bouw het eerst (make boek).")
    oefeningen = [lees_oefening(p) for p in notebooks]
    namen = [o.naam for o in oefeningen]
    if len(set(namen)) != len(namen) or ANTWOORDENPAGINA.naam in namen or "index" in namen:
        raise BouwFout(f"Twee oefeningen met dezelfde naam, of een gereserveerde naam: {namen}")
    wielen = [leerwiel(werk / "cursus"), *pypi_wielen(werk / "pypi"), *kernelwielen()]
    uit = boek / MAP
    tijdelijk = Path(tempfile.mkdtemp(prefix=".oefenen-", dir=boek))
    # mkdtemp makes a folder only its owner may open; the practice area is published with
    # the book (copied to a web server as it is), so it gets the book's own permissions.
    tijdelijk.chmod(boek.stat().st_mode & 0o777)
    try:
        bouw_lite(werk, tijdelijk / "lite", wielen)
        schrijf_paginas(tijdelijk, oefeningen)
        shutil.rmtree(uit, ignore_errors=True)
        tijdelijk.rename(uit)
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
    return uit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boek", type=Path, default=BOEK, help="de map van het gebouwde boek")
    parser.add_argument("--werkmap", type=Path, default=WERKMAP)
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="oefeningen (standaard: notebooks/*.ipynb, behalve die voor "
                             "trainers)")
    args = parser.parse_args(argv)
    try:
        uit = bouw(args.boek.resolve(), [p.resolve() for p in args.notebooks] or None,
                   args.werkmap.resolve())
    except BouwFout as fout:
        print(f"make site: {fout}", file=sys.stderr)
        return 1
    print(f"Oefenen in de browser: {uit / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
