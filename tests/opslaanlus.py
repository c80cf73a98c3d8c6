"""Change-then-click in a real browser, in Voilà and in JupyterLab (issue 9, point 3).

Shared by the browser tests (tests/test_browser_opslaan.py) and the long loop
(scripts/opslaan_lus.py). One *round* is what a hurried learner does: change values by
keyboard (several key presses), by choosing with the mouse, or by typing in a text field,
and click "Opslaan" at once, without waiting. After the status line says
saved, the answer file must hold exactly what the page showed at that moment.

The page side of a round is read from the DOM only: a MutationObserver on the status line
(the widget with the CSS class ``wa-status``) records every status the page shows
(``data-toestand``) together with a snapshot of the values on screen at that instant.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from werkalliantie.bouwen import jupyterlab

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FRONTENDS = ("voila", "lab")
WACHT_OP_OPGESLAGEN_MS = 20_000
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# --- The exercises ------------------------------------------------------------------------

@dataclass(frozen=True)
class Oefening:
    """A notebook with an "Opslaan" button and a ``wa-status`` status line."""

    naam: str
    bron: Path
    vraag: str
    # What the answer file should hold, given the page's snapshot {schuiven, teksten}.
    verwacht: Callable[[dict], Any]
    # Kinds of change this exercise offers (see WIJZIGINGEN).
    soorten: tuple[str, ...]
    # Python that restores the old behaviour (save at the click): for measuring only.
    zonder_slagboom: str
    # The exercise's Slagboom, as an expression in the notebook (for --rondes).
    slagboom: str
    bijlagen: tuple[Path, ...] = ()

    @property
    def bestandsnaam(self) -> str:
        return self.bron.name


def _denise_verwacht(scherm: dict) -> dict:
    """Denise, fragment a: nine drop-downs of scores (option 0: not chosen), then the
    weakest part; evidence boxes ticked."""
    from werkalliantie.leren.opgaven import laad_opgave
    from werkalliantie.leren.opgaven.soorten.beoordeling import vragenlijst

    lijst = vragenlijst(laad_opgave("denise-a"))
    items = [i.id for i in lijst.items]
    keuzes = scherm["keuzes"]
    assert len(keuzes) == len(items) + 1, scherm
    verwacht: dict = {i: k for i, k in zip(items, keuzes) if k > 0}
    if keuzes[-1] > 0:
        verwacht["zwakste"] = lijst.dimensies[keuzes[-1] - 1].id
    gekozen = [n for n, v in enumerate(scherm["vinkjes"], 1) if v]
    if gekozen:
        verwacht["bewijs"] = gekozen
    return verwacht


def _cijfers_verwacht(scherm: dict) -> dict:
    """The session exercise: its drop-down lists are the two session questions, the
    role-play's session, then the role-play's eight scores (client, then professional) in
    session 1, each list's index being its score; the questions themselves untouched."""
    keuzes = scherm["keuzes"]
    assert len(keuzes) == 11 and keuzes[:3] == [0, 0, 0], scherm
    return {"onder": [], "rollenspel": {"1": {"client": keuzes[3:7], "professional": keuzes[7:]}}}


ZONDER = ("oefening.knop._click_handlers.callbacks.clear()\n"
          "oefening.knop.on_click(lambda _: oefening.bewaar())")
DATA = ROOT / "tests" / "data"
DENISE = Oefening(
    naam="denise", bron=DATA / "opslaan-denise.ipynb", vraag="denise-a",
    verwacht=_denise_verwacht, soorten=("kiezen",), zonder_slagboom=ZONDER,
    slagboom="oefening.slagboom", bijlagen=(ROOT / "notebooks" / "voila.json",))
TEKST = Oefening(
    naam="tekst", bron=DATA / "opslaan-tekst.ipynb", vraag="denise-a-wat-zeg-je",
    verwacht=lambda s: s["teksten"][0], soorten=("typen",), zonder_slagboom=ZONDER,
    slagboom="oefening.slagboom", bijlagen=(ROOT / "notebooks" / "voila.json",))
CIJFERS = Oefening(
    naam="cijfers", bron=DATA / "opslaan-cijfers.ipynb", vraag="sessies-denise",
    verwacht=_cijfers_verwacht, soorten=("cijfers", "muis"), zonder_slagboom=ZONDER,
    slagboom="oefening.slagboom", bijlagen=(ROOT / "notebooks" / "voila.json",))

OEFENINGEN = {o.naam: o for o in (DENISE, TEKST, CIJFERS)}


def kopieer(oefening: Oefening, map_: Path, zonder_slagboom: bool = False,
            rondes: int | None = None) -> Path:
    """A copy of the notebook in ``map_`` (never the learner's folder). For measuring
    only: with ``zonder_slagboom`` the copy's button saves at the click, as before the
    fix; ``rondes`` sets the number of round trips of its Slagboom."""
    map_.mkdir(parents=True, exist_ok=True)
    for bijlage in oefening.bijlagen:
        shutil.copy2(bijlage, map_)
    nb = json.loads(oefening.bron.read_text(encoding="utf-8"))
    extra = []
    if zonder_slagboom:
        extra.append(oefening.zonder_slagboom)
    if rondes is not None:
        extra.append(f"{oefening.slagboom}.rondes = {int(rondes)}")
    if extra:
        cel = [c for c in nb["cells"] if c["cell_type"] == "code"][-1]  # shows the widget
        regels = "".join(cel["source"]).rstrip().splitlines()
        laatste = regels.pop()
        if laatste.strip() != "oefening":
            regels.append(f"oefening = {laatste}")
        regels += [*extra, "oefening"]
        cel["source"] = "\n".join(regels)
    doel = map_ / oefening.bestandsnaam
    doel.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    return doel


def opgeslagen(oefening: Oefening, map_: Path) -> Any:
    """The saved value of the exercise's question, or None when there is none."""
    pad = map_ / "antwoorden.json"
    if not pad.exists():
        return None
    antwoord = json.loads(pad.read_text(encoding="utf-8"))["antwoorden"].get(oefening.vraag)
    return None if antwoord is None else antwoord["waarde"]


# --- Servers ------------------------------------------------------------------------------

def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _omgeving(werkmap: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["JUPYTER_RUNTIME_DIR"] = str(werkmap / "runtime")
    env["JUPYTER_PATH"] = str(ROOT / "share" / "jupyter")  # the course's Voilà template, as `make oefenen`
    return env


@dataclass(frozen=True)
class Server:
    url: str
    proces: subprocess.Popen

    def kernels(self) -> list[int]:
        """Process ids of the kernels this server runs (its ipykernel children)."""
        try:
            kinderen = Path(f"/proc/{self.proces.pid}/task/{self.proces.pid}/children")
            pids = [int(p) for p in kinderen.read_text().split()]
        except OSError:
            return []
        kernels = []
        for pid in pids:
            try:
                if b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    kernels.append(pid)
            except OSError:
                pass
        return kernels


@contextmanager
def server(frontend: str, map_: Path, werkmap: Path) -> Iterator[Server]:
    """Voilà as `make oefenen` starts it, or JupyterLab as a learner's would run (as root
    here, with its news and update check off), serving ``map_``."""
    poort = vrije_poort()
    env = _omgeving(werkmap)
    if frontend == "voila":
        opdracht = [BIN / "voila", ".", "--Voila.ip=127.0.0.1", f"--port={poort}",
                    "--no-browser"]
    elif frontend == "lab":
        instellingen = werkmap / "lab-instellingen"
        instellingen.mkdir(parents=True, exist_ok=True)
        # The course's own settings (as `make omgeving` installs them), news off.
        jupyterlab.schrijf(instellingen, {"@jupyterlab/apputils-extension:notification": {
            "fetchNews": "false", "checkForUpdates": False}})
        env["JUPYTER_CONFIG_DIR"] = str(werkmap / "jupyter-config")
        opdracht = [BIN / "jupyter-lab", "--allow-root", "--no-browser",
                    "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={poort}",
                    "--IdentityProvider.token=", "--ServerApp.password=",
                    f"--ServerApp.root_dir={map_}",
                    f"--LabApp.app_settings_dir={instellingen}",
                    f"--LabApp.user_settings_dir={werkmap / 'lab-gebruiker'}",
                    f"--LabApp.workspaces_dir={werkmap / 'lab-werkruimtes'}",
                    # window.jupyterapp: run the notebook once its kernel is ready (below)
                    "--LabApp.expose_app_in_browser=True"]
    else:
        raise ValueError(f"onbekende frontend {frontend!r}")
    werkmap.mkdir(parents=True, exist_ok=True)
    logpad = werkmap / f"{frontend}.log"
    with logpad.open("w") as log:
        proces = subprocess.Popen(opdracht, cwd=map_, env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{poort}"
        try:
            for _ in range(600):
                if proces.poll() is not None:
                    raise RuntimeError(f"{frontend} stopte meteen:\n{logpad.read_text()}")
                try:
                    urllib.request.urlopen(url, timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError(f"{frontend} start niet binnen 60 s")
            yield Server(url, proces)
        finally:
            proces.terminate()  # both shut their kernels down on SIGTERM
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()
                proces.wait()


# --- The page -----------------------------------------------------------------------------

SNAPSHOT_JS = """() => ({
  keuzes: Array.from(document.querySelectorAll('.widget-dropdown select')).map(e => e.selectedIndex),
  vinkjes: Array.from(document.querySelectorAll('.widget-checkbox input')).map(e => e.checked),
  teksten: Array.from(document.querySelectorAll('.widget-textarea textarea')).map(e => e.value),
})"""

WAARNEMER_JS = """(snapshot) => {
  const scherm = eval(snapshot);
  const status = document.querySelector('.wa-status');
  window.__statussen = [];
  new MutationObserver(records => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const d = n.matches('[data-toestand]') ? n : n.querySelector('[data-toestand]');
      if (d) window.__statussen.push({toestand: d.dataset.toestand, scherm: scherm(),
                                      tijd: performance.now()});
    }
  }).observe(status, {childList: true, subtree: true});
}"""

RUN_ALL_JS = """async () => {
  const app = window.jupyterapp;
  await app.restored;
  const panel = app.shell.currentWidget;
  await panel.context.ready;
  await panel.sessionContext.ready;
  await app.commands.execute('notebook:run-all-cells');
}"""


@contextmanager
def voila_met(notebook: Path, werkmap: Path) -> Iterator[tuple[str, Path]]:
    """Voilà as `make oefenen` starts it, on a temporary copy of one practice notebook
    (never the learner's folder); yields its URL and the folder."""
    map_ = werkmap / "oefeningen"
    map_.mkdir()
    shutil.copy2(notebook, map_)
    for instellingen in ("voila.json", "voila.py"):
        shutil.copy2(ROOT / "notebooks" / instellingen, map_)
    with server("voila", map_, werkmap) as draaiend:
        yield draaiend.url, map_


# Voilà's page fires "load" once every cell has run in the kernel (it streams the page cell
# by cell): on a two-core machine with a CPU-busy process beside the tests that took over
# Playwright's default of 30 s. The waits for the widgets after it allow as long.
VOILA_LADEN_MS = 180_000


def open_oefening(pagina, frontend: str, url: str, notebook: str) -> None:
    """Open the notebook (its path in the served folder) as a learner does and wait
    until its widget is there."""
    if frontend == "voila":
        pagina.goto(f"{url}/voila/render/{notebook}", wait_until="load", timeout=VOILA_LADEN_MS)
    else:
        # ?reset: no tabs restored from an earlier visit (their widgets would match too)
        pagina.goto(f"{url}/lab/tree/{notebook}?reset", wait_until="load")
        pagina.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=60_000)
        pagina.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell"
                                 " && window.jupyterapp.shell.currentWidget"
                                 " && window.jupyterapp.shell.currentWidget.sessionContext",
                                 timeout=60_000)
        # The learner's "Run All", once the notebook's kernel session is ready (clicking
        # the menu item earlier can be a silent no-op: RECIPES.md).
        pagina.evaluate(RUN_ALL_JS)
    pagina.wait_for_selector(".wa-status [data-toestand]", timeout=90_000)
    pagina.wait_for_selector(".wa-opgave select, .wa-opgave textarea", timeout=30_000)
    pagina.evaluate(WAARNEMER_JS, SNAPSHOT_JS)


def scherm(pagina) -> dict:
    return pagina.evaluate(SNAPSHOT_JS)


def knop(pagina):
    return pagina.locator("button.jupyter-button", has_text=re.compile(r"^\s*Opslaan\s*$"))


ZICHTBAAR_MIDDEN_JS = """(el) => {
  const raak = () => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const doel = document.elementFromPoint(x, y);
    return doel && el.contains(doel) ? [x, y] : null;
  };
  let punt = raak();
  if (!punt) { el.scrollIntoView({block: 'center'}); punt = raak(); }
  return punt;
}"""


def klik_meteen(pagina) -> None:
    """Click Opslaan with the mouse at once: no waiting for the page to settle (a plain
    Playwright click first waits for two animation frames, which gives the front end
    time to send what it buffered and so hides the race). Scrolls the button into view
    first when something else (the end of a scroll area, a status bar) would get the
    click, as a learner scrolls to it."""
    pagina.mouse.click(*zichtbaar_midden(knop(pagina)))


def zichtbaar_midden(element) -> tuple[float, float]:
    """The centre of ``element`` where a mouse would hit it, scrolled into view if not."""
    punt = element.evaluate(ZICHTBAAR_MIDDEN_JS)
    if punt is None:
        raise AssertionError(f"{element} is niet te zien, ook niet na scrollen")
    return punt


# --- Changes ------------------------------------------------------------------------------

WOORDEN = ("samen", "doel", "taak", "band", "vertrouwen", "Denise", "Zara", "afspraak",
           "luisteren", "budget", "plan", "open", "eerlijk", "stap", "hulp", "ja", "nee")


def _nieuw_doel(rng: random.Random, huidig: int, laag: int, hoog: int) -> int:
    """A different value, at least two steps away where the scale allows: several key
    presses, so several value messages."""
    verder = [w for w in range(laag, hoog + 1) if abs(w - huidig) >= 2]
    return rng.choice(verder or [w for w in range(laag, hoog + 1) if w != huidig])


def _pijltjes(pagina, rng: random.Random, lijsten, nummers, laag: int = 1) -> str:
    """Arrow keys in the drop-down lists ``nummers`` of ``lijsten``, each to another entry
    (from index ``laag`` on), as fast as the keyboard goes."""
    gedaan = []
    for nummer in nummers:
        lijst = lijsten.nth(nummer)
        huidig = lijst.evaluate("s => s.selectedIndex")
        doel = _nieuw_doel(rng, huidig, laag, lijst.evaluate("s => s.options.length") - 1)
        lijst.focus()
        toets = "ArrowDown" if doel > huidig else "ArrowUp"
        for _ in range(abs(doel - huidig)):
            pagina.keyboard.press(toets)
        gedaan.append(f"lijst {nummer}: {huidig}->{doel} met {abs(doel - huidig)} toetsen")
    return "; ".join(gedaan)


def kiezen(pagina, rng: random.Random) -> str:
    """Arrow keys in one or two drop-down lists of scores (not the last: the weakest part)."""
    lijsten = pagina.locator(".widget-dropdown select")
    return _pijltjes(pagina, rng, lijsten, rng.sample(range(lijsten.count() - 1), k=rng.choice((1, 2))))


ROLLENSPEL = ".wa-rollenspel .widget-dropdown select"  # the session first, then the scores


def cijfers(pagina, rng: random.Random) -> str:
    """Arrow keys in one or two of the role-play's scores (0 to 10)."""
    lijsten = pagina.locator(ROLLENSPEL)
    return _pijltjes(pagina, rng, lijsten, rng.sample(range(1, lijsten.count()), k=rng.choice((1, 2))),
                     laag=0)


def muis(pagina, rng: random.Random) -> str:
    """Choose another score of the role-play with the mouse, in the list's own menu."""
    lijsten = pagina.locator(ROLLENSPEL)
    nummer = rng.randrange(1, lijsten.count())
    lijst = lijsten.nth(nummer)
    huidig = lijst.evaluate("s => s.selectedIndex")
    doel = _nieuw_doel(rng, huidig, 0, lijst.evaluate("s => s.options.length") - 1)
    lijst.select_option(index=doel)
    return f"lijst {nummer}: {huidig}->{doel} met de muis"


def typen(pagina, rng: random.Random) -> str:
    """Type a new answer into the text field, key by key (select all, then type)."""
    veld = pagina.locator(".widget-textarea textarea").first
    huidig = veld.input_value()
    zin = huidig
    while zin == huidig:  # always a change, or the round would prove nothing
        zin = " ".join(rng.choice(WOORDEN) for _ in range(rng.randint(2, 5)))
    veld.click()
    pagina.keyboard.press("Control+A")
    pagina.keyboard.type(zin)
    return f"getypt: {zin!r}"


WIJZIGINGEN: dict[str, Callable] = {"kiezen": kiezen, "cijfers": cijfers, "muis": muis,
                                    "typen": typen}


# --- One round, and the loop -------------------------------------------------------------

@dataclass
class Ronde:
    nummer: int
    soort: str  # a key of WIJZIGINGEN
    wat: str
    gelukt: bool
    melding: str = ""


@dataclass
class Uitslag:
    rondes: list[Ronde] = field(default_factory=list)

    @property
    def fouten(self) -> list[Ronde]:
        return [r for r in self.rondes if not r.gelukt]

    def verslag(self) -> str:
        return "\n".join(f"  ronde {r.nummer} ({r.wat}): {r.melding}" for r in self.fouten)


def wacht_op_opgeslagen(pagina, vanaf: int, timeout_ms: int = WACHT_OP_OPGESLAGEN_MS) -> dict:
    """The first status after index ``vanaf`` that says saved (or an error), with the
    page's values at the instant it appeared."""
    return pagina.wait_for_function(
        "(vanaf) => window.__statussen.slice(vanaf).find("
        "s => s.toestand === 'opgeslagen' || s.toestand === 'fout')",
        arg=vanaf, timeout=timeout_ms, polling=10).json_value()


def ronde(pagina, oefening: Oefening, map_: Path, soort: str, rng: random.Random,
          nummer: int = 0, na_opgeslagen: Callable[[], None] | None = None) -> Ronde:
    """Change by ``soort``, click Opslaan at once, wait for "saved"; then the file must
    hold what the page showed when the status said so. ``na_opgeslagen`` runs right
    after the status said saved (e.g. closing the page)."""
    voor = scherm(pagina)
    vanaf = pagina.evaluate("() => window.__statussen.length")
    try:
        wat = WIJZIGINGEN[soort](pagina, rng)
        klik_meteen(pagina)
    except Exception as fout:  # reported as a failed round, never skipped
        return Ronde(nummer, soort, soort, False, f"de ronde liep vast: {fout!r:.300}")
    try:
        status = wacht_op_opgeslagen(pagina, vanaf)
    except Exception as fout:  # Playwright's TimeoutError
        return Ronde(nummer, soort, wat, False, f"de status zegt niet 'opgeslagen' ({fout!r:.200})")
    if na_opgeslagen is not None:
        na_opgeslagen()
    getoond = status["scherm"]
    if status["toestand"] != "opgeslagen":
        return Ronde(nummer, soort, wat, False, "de status meldt een fout")
    if getoond == voor:
        return Ronde(nummer, soort, wat, False, f"de wijziging kwam niet op het scherm: {getoond}")
    verwacht, bestand = oefening.verwacht(getoond), opgeslagen(oefening, map_)
    if bestand != verwacht:
        verschil = ({k: (verwacht[k], bestand.get(k)) for k in verwacht
                     if verwacht[k] != bestand.get(k)}
                    if isinstance(bestand, dict) else bestand)
        return Ronde(nummer, soort, wat, False,
                     f"het scherm toonde iets anders dan het bestand heeft "
                     f"(veld: (scherm, bestand)): {verschil}")
    return Ronde(nummer, soort, wat, True)


def wacht_op_toestand(pagina, vanaf: int, toestand: str,
                     timeout_ms: int = WACHT_OP_OPGESLAGEN_MS) -> dict:
    return pagina.wait_for_function(
        "([vanaf, t]) => window.__statussen.slice(vanaf).find(s => s.toestand === t)",
        arg=[vanaf, toestand], timeout=timeout_ms, polling=10).json_value()


def ronde_wijzigen_na_klik(pagina, oefening: Oefening, map_: Path, rng: random.Random,
                           nummer: int = 0) -> Ronde:
    """Change, click, and change again at once. The save may or may not include the
    late change; either way the status must end up telling the truth: when the file
    differs from the screen, the status must say the answer changed and is not saved."""
    vanaf = pagina.evaluate("() => window.__statussen.length")
    try:
        wat = kiezen(pagina, rng)
        klik_meteen(pagina)
        wat += " | na de klik: " + kiezen(pagina, rng)
    except Exception as fout:
        return Ronde(nummer, "kiezen", "kiezen", False, f"de ronde liep vast: {fout!r:.300}")
    try:
        status = wacht_op_opgeslagen(pagina, vanaf)
    except Exception as fout:
        return Ronde(nummer, "kiezen", wat, False,
                     f"de status zegt niet 'opgeslagen' ({fout!r:.200})")
    if status["toestand"] != "opgeslagen":
        return Ronde(nummer, "kiezen", wat, False, "de status meldt een fout")
    na_opslaan = pagina.evaluate(
        "() => window.__statussen.findLastIndex(s => s.toestand === 'opgeslagen')") + 1
    if opgeslagen(oefening, map_) == oefening.verwacht(scherm(pagina)):
        return Ronde(nummer, "kiezen", wat, True)  # the late change made it into the save
    try:
        wacht_op_toestand(pagina, na_opslaan, "veranderd")
    except Exception:
        return Ronde(nummer, "kiezen", wat, False, "het bestand verschilt van het scherm, maar de "
                     "status blijft 'opgeslagen' zeggen")
    return Ronde(nummer, "kiezen", wat, True)


def lus(pagina, oefening: Oefening, map_: Path, aantal: int, rng: random.Random,
        soorten: tuple[str, ...] | None = None,
        bij_ronde: Callable[[Ronde], None] | None = None) -> Uitslag:
    """``aantal`` rounds, the kinds of change taking turns."""
    soorten = soorten or oefening.soorten
    uitslag = Uitslag()
    for i in range(aantal):
        r = ronde(pagina, oefening, map_, soorten[i % len(soorten)], rng, nummer=i + 1)
        uitslag.rondes.append(r)
        if bij_ronde is not None:
            bij_ronde(r)
    return uitslag
