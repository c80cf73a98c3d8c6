"""Shared fixtures: the strictly built book, and headless Chromium with no network.

Browser tests save a screenshot and the console log in tests/artefacten/ when they fail.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

# Requests that a service worker makes (JupyterLite's forwards the kernel's fetches) are seen
# and routed by Playwright only with its service-worker network events on: experimental
# behind this variable in older Playwright, on by default in 1.65 unless disabled. Set before
# the Playwright driver starts (the session fixture below).
os.environ["PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS"] = "1"
os.environ.pop("PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK", None)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ARTEFACTEN = ROOT / "tests" / "artefacten"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def omgeving() -> dict[str, str]:
    """The environment for the project's own commands (nbgrader runs alembic from PATH)."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def _bundel_verouderd() -> bool:
    from werkalliantie.bouwen.bundel import _delen
    from werkalliantie.leren.gegevens import BUNDEL

    delen = [BUNDEL / f"{naam}.json" for naam in _delen()]
    if not all(p.exists() for p in delen):
        return True
    bronnen = [p for p in (ROOT / "data").rglob("*") if p.is_file()]
    bronnen += [p for p in (ROOT / "werkalliantie").rglob("*.py")]
    return max(p.stat().st_mtime for p in bronnen) > min(p.stat().st_mtime for p in delen)


def pytest_configure(config):
    """The JSON bundle the learner's side reads (``make gegevens``), rebuilt from data/
    when it is missing or older than its sources: before collection, because test modules
    read the course's questions when they are collected."""
    if _bundel_verouderd():
        uit = subprocess.run(
            [sys.executable, "-m", "werkalliantie.bouwen.bundel"], capture_output=True, text=True,
            cwd=ROOT, env=omgeving(), timeout=300)
        assert uit.returncode == 0, "De cursusgegevens bouwen faalt:\n" + uit.stderr[-4000:]


# --- The slow things, started in the background as soon as the session knows it needs them --
# The class of the tests and the book build take minutes of mostly one core each; started at
# once, they run beside the tests that need neither, and the fixtures below wait for them.
# `make test` runs the tests in two workers (pytest-xdist): each job is started once, by the
# first worker that needs it, in a folder every worker of the run shares; the others wait
# for the same folder. A job's shell writes its exit code beside its log when it ends.

WERKER = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", ... or None without xdist


def _gedeeld(config) -> Path:
    """The folder the whole run shares: xdist gives each worker its own base folder inside
    the run's."""
    basis = config._tmp_path_factory.getbasetemp()
    return basis.parent if WERKER else basis


class Achtergrond:
    """A command of the test session that runs beside the tests until a fixture needs it."""

    def __init__(self, naam: str, map_: Path):
        self.naam, self.map = naam, map_
        self.log = map_ / f"{naam}.log"
        self.code = map_ / f"{naam}.code"  # its exit code, once it has ended

    def begin(self, commando: list) -> "Achtergrond":
        (self.map / "begin").write_text(str(time.time()))
        proces = subprocess.Popen(
            ["bash", "-c", 'log=$1 code=$2; shift 2; "$@" >"$log" 2>&1; echo $? >"$code"',
             "achtergrond", self.log, self.code, *map(str, commando)],
            cwd=ROOT, env=omgeving(), start_new_session=True)
        (self.map / "groep").write_text(str(proces.pid))  # its process group: stop() ends it
        return self

    def wacht(self, klaar: str | None = None) -> Path:
        """Wait for the job (or only until it has written the file ``klaar`` in its map)."""
        tot = time.monotonic() + 3600
        while not self.code.exists():
            if klaar is not None and (self.map / klaar).exists():
                return self.map
            assert time.monotonic() < tot, f"{self.naam} duurt langer dan een uur"
            time.sleep(0.5)
        duur = time.time() - float((self.map / "begin").read_text())
        code = self.code.read_text().strip()
        assert code == "0", (f"{self.naam} faalt (na {duur:.0f} s, code {code}):\n"
                             + self.log.read_text(errors="replace")[-8000:])
        print(f"\n{self.naam}: klaar {duur:.0f} s na de start", file=sys.stderr)
        return self.map

    def stop(self) -> None:
        if not self.code.exists():
            with contextlib.suppress(ProcessLookupError, ValueError, OSError):
                os.killpg(int((self.map / "groep").read_text()), signal.SIGKILL)


ACHTERGROND: dict[str, Achtergrond] = {}
NODIG = {  # a background job: the fixtures that need it (in this order: lmsklas needs klas)
    "klas": {"klas", "lege_cursus", "lmsklas"},
    "lmsklas": {"lmsklas"},
    "boek": {"boekbouw", "boek", "boekserver", "site", "siteserver"},
}
SITE = {"site", "siteserver"}  # the book's job also builds the browser site for these
# A developer's shortcut: a site built beforehand, with the test notebooks (ONTWIKKELEN.md,
# "Tests"). Never set by `make test`.
KLAAR_GEBOUWDE_SITE = os.environ.get("WERKALLIANTIE_SITE")


def _start(config, naam: str, site: bool = False) -> Achtergrond:
    """The job ``naam`` of this run: started here, unless a worker did so already."""
    from filelock import FileLock

    gedeeld = _gedeeld(config)
    if naam == "lmsklas" and "klas" not in ACHTERGROND:  # it starts from the class's course
        ACHTERGROND["klas"] = _start(config, "klas")
    with FileLock(gedeeld / "achtergrond.lock"):
        taak = Achtergrond(naam, gedeeld / naam)
        if taak.map.exists():
            return taak
        if naam == "klas":
            commando = [sys.executable, ROOT / "tests" / "klasrun.py", taak.map]
        elif naam == "lmsklas":  # starts from the class's fresh course as soon as it is there
            commando = [sys.executable, ROOT / "tests" / "lmscorpus.py", gedeeld / "klas", taak.map]
        else:
            commando = [sys.executable, ROOT / "tests" / "achtergrond.py", taak.map,
                        *(["--site"] if site else [])]
        taak.map.mkdir()
        return taak.begin(commando)


# The order in which the background jobs are ready. Tests run in this order of what they
# wait for (and in file order within it): a test that needs nothing slow never waits behind
# one that waits for the book, so the workers keep the cores busy while the jobs run.
KLAAR_VOLGORDE = [NODIG["klas"] - NODIG["lmsklas"], NODIG["lmsklas"], NODIG["boek"] - SITE, SITE]


def _sessiefixtures(item) -> set[str]:
    """The fixtures of this file that ``item`` uses (not a module's own fixture of the same
    name, such as the hub test's ``klas``); the site's when it asks for it while it runs."""
    info = getattr(item, "_fixtureinfo", None)
    fixtures = {naam for naam, defs in (info.name2fixturedefs.items() if info else ())
                if defs and defs[-1].func.__module__ == __name__}
    if item.get_closest_marker("site"):  # getfixturevalue("site") in the test
        fixtures |= SITE
    return fixtures


def _wacht_op(item) -> int:
    fixtures = _sessiefixtures(item)
    return max((i + 1 for i, groep in enumerate(KLAAR_VOLGORDE) if fixtures & groep), default=0)


# Modules whose fixtures are made once per run: all their tests go to one worker (and first
# among the tests that wait for the same job: the longest work starts first).
EEN_WERKER = {
    "tests/test_hub.py": "one hub, one PostgreSQL and one set of Linux accounts",
    "tests/test_cijfers.py": "one temporary PostgreSQL",
    "tests/test_boekpdf.py": "the PDF, printed once",
    "tests/test_opgaven.py": "the package's wheel, built once",
}


def _bestand(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's scheduler by scope, where each test is its own scope but for the
    modules of EEN_WERKER: tests go out in the order of the collection (sorted below)."""
    from xdist.scheduler import LoadScopeScheduling

    class Planning(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _bestand(nodeid) if _bestand(nodeid) in EEN_WERKER else nodeid

    config.option.loadscopereorder = False
    return Planning(config, log)


@pytest.hookimpl(trylast=True)  # after -m and -k have deselected: only what will run counts
def pytest_collection_modifyitems(session, config, items):
    nodig = set().union(*map(_sessiefixtures, items))
    if KLAAR_GEBOUWDE_SITE:
        nodig -= SITE
    if config.option.collectonly:
        nodig = set()
    for naam, fixtures in NODIG.items():
        if nodig & fixtures:
            ACHTERGROND[naam] = _start(config, naam, site=bool(nodig & SITE))
    items.sort(key=lambda item: (_wacht_op(item), _bestand(item.nodeid) not in EEN_WERKER))


def pytest_sessionfinish(session, exitstatus):
    """The run's jobs end with the run: ended by the process that runs the whole session
    (xdist's controller, which ends after its workers)."""
    if WERKER:
        return
    for groep in _gedeeld(session.config).glob("*/groep"):
        Achtergrond(groep.parent.name, groep.parent).stop()


def _achtergrond(naam: str, request, klaar: str | None = None, site: bool = False) -> Path:
    if naam not in ACHTERGROND:  # a test run that collected it late (e.g. --lf)
        ACHTERGROND[naam] = _start(request.config, naam, site)
    return ACHTERGROND[naam].wacht(klaar)


@pytest.fixture(scope="session")
def klas(request):
    """The class of the tests: one course, graded once (tests/klasrun.py)."""
    import klasrun

    return klasrun.lees(_achtergrond("klas", request))


@pytest.fixture(scope="session")
def lege_cursus(klas) -> Path:
    """A course folder right after `werkalliantie klaarzetten` (every assignment, the
    class list, no submission): copy it with ``klasrun.kopie_van`` before changing it."""
    return klas.lege_cursus


@pytest.fixture(scope="session")
def lmsklas(request):
    """The hostile class of issue 19 (tests/lmscorpus.py): an LMS download per format,
    collected by ONE ``nbgrader zip_collect`` each, and the Canvas course graded by ONE plain
    ``nbgrader autograde``, partly graded by hand, with feedback for all. It runs in the
    background from the class's fresh course on, beside the rest of the class."""
    import lmscorpus

    return lmscorpus.lees(_achtergrond("lmsklas", request))


@pytest.fixture(scope="session")
def boekbouw(request) -> Path:
    """The book built once, with warnings as errors and notebooks executed, into its own
    folder (``--path-output``): the HTML, and the executed pages in its jupyter-cache,
    which the one-page build for the PDF (tests/test_boekpdf.py) reuses."""
    return _achtergrond("boek", request, klaar="boek-klaar")


@pytest.fixture(scope="session")
def site(request) -> Path:
    """The book plus the practice area (tests/achtergrond.py --site), in a copy of the
    book's HTML: its html folder."""
    if KLAAR_GEBOUWDE_SITE:
        return Path(KLAAR_GEBOUWDE_SITE).resolve()
    return _achtergrond("boek", request, site=True) / "site" / "html"


@pytest.fixture(scope="session")
def boek(boekbouw) -> Path:
    """The strictly built book's html folder."""
    return boekbouw / "_build" / "html"


def sitemodule(naam: str):
    """A module of site/ (the static server), loaded from its file."""
    if naam not in sys.modules:
        spec = importlib.util.spec_from_file_location(naam, ROOT / "site" / f"{naam}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[naam] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[naam]


class Oefenserver:
    """One Voilà (as `make oefenen` starts it) or one JupyterLab for the whole test run.
    Each test gets a fresh folder in it with copies of the notebooks it opens, so tests
    never share an answer file."""

    def __init__(self, frontend: str, server, root: Path):
        self.frontend, self.url, self.root = frontend, server.url, root
        self.kernels = server.kernels  # process ids of the kernels it runs now
        self._nummer = 0

    def map(self, *notebooks: Path) -> Path:
        """A new folder in the served folder, with copies of ``notebooks``."""
        self._nummer += 1
        map_ = self.root / f"test-{self._nummer}"
        map_.mkdir()
        for nb in notebooks:
            shutil.copy2(nb, map_)
        return map_

    def open(self, pagina, map_: Path, notebook: str) -> None:
        """Open ``map_/notebook`` as a learner does, and wait until its widget is there."""
        import opslaanlus

        opslaanlus.open_oefening(pagina, self.frontend, self.url,
                                 f"{map_.relative_to(self.root).as_posix()}/{notebook}")


def _oefenserver(frontend: str, tmp_path_factory):
    import opslaanlus

    root = tmp_path_factory.mktemp(frontend) / "oefeningen"
    root.mkdir()
    for instellingen in ("voila.json", "voila.py"):  # Voilà's settings, as make oefenen
        shutil.copy2(ROOT / "notebooks" / instellingen, root)
    with opslaanlus.server(frontend, root, root.parent / "werk") as server:
        yield Oefenserver(frontend, server, root)


@pytest.fixture(scope="session")
def voila(tmp_path_factory):
    """Voilà, started once per test run."""
    yield from _oefenserver("voila", tmp_path_factory)


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory):
    """JupyterLab, started once per test run."""
    yield from _oefenserver("lab", tmp_path_factory)


@pytest.fixture(scope="session")
def siteserver(site):
    """The built browser site over http on 127.0.0.1, as a learner's browser gets it."""
    with sitemodule("serveer").serveer(site) as url:
        yield url


@pytest.fixture(scope="session")
def boekserver(boek):
    """The built book over http on 127.0.0.1 (a random port), as a reader's browser gets it."""
    with sitemodule("serveer").serveer(boek) as url:
        yield url


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rapport = yield
    setattr(item, f"rapport_{rapport.when}", rapport)
    return rapport


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: 'make test' installeert het (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class Netwerkbewaker:
    """Aborts every request to a host other than the local server, and remembers it."""

    LOKAAL = {"127.0.0.1", "localhost", "::1", "[::1]"}

    def __init__(self):
        self.geblokkeerd: list[str] = []
        self.via_service_worker: list[str] = []  # of those, the ones a service worker made

    def __call__(self, route):
        url = route.request.url
        host = urlparse(url).hostname
        if url.startswith(("file:", "data:", "blob:", "about:")) or host in self.LOKAAL:
            route.continue_()
        else:
            self.geblokkeerd.append(url)
            if route.request.service_worker is not None:
                self.via_service_worker.append(url)
            route.abort()


class Verkeer:
    """The page's requests still on their way, from the page's own events.

    Playwright's "networkidle" is Chrome's lifecycle signal: on a loaded two-core machine it
    did not come within 30 s for a book page that is quiet after 1.3 s here (CI stopped the
    PDF on it, and the book's axe test once). This counts what the page asked for itself,
    and names what is still open when it waits too long. Made before the page navigates,
    by the tests that wait for it (request events cost every other test nothing)."""

    def __init__(self, page):
        self.page = page
        self.open: dict[object, str] = {}
        self.laatst = time.monotonic()
        page.on("request", self._begin)
        page.on("requestfinished", self._klaar)
        page.on("requestfailed", self._klaar)

    def _begin(self, verzoek) -> None:
        self.open[verzoek] = verzoek.url
        self.laatst = time.monotonic()

    def _klaar(self, verzoek) -> None:
        self.open.pop(verzoek, None)
        self.laatst = time.monotonic()

    def wacht_tot_stil(self, stil_s: float = 0.5, timeout_s: float = 60) -> None:
        """Until no request of the page is open and none started or ended for ``stil_s``."""
        einde = time.monotonic() + timeout_s
        while self.open or time.monotonic() - self.laatst < stil_s:
            if time.monotonic() > einde:
                raise AssertionError(f"de pagina blijft na {timeout_s:.0f} s verzoeken doen; "
                                     f"nog open: {sorted(self.open.values())[:10]}")
            self.page.wait_for_timeout(100)  # lets Playwright deliver the page's events


@pytest.fixture
def pagina(chromium, request):
    """A fresh page with every remote request blocked; artefacts kept on failure."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    bewaker = Netwerkbewaker()
    context.route("**/*", bewaker)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(f"[{m.type}] {m.text}"))
    page.on("pageerror", lambda e: console.append(f"[pageerror] {e}"))
    page.netwerk = bewaker
    page.console_regels = console
    yield page
    rapport = getattr(request.node, "rapport_call", None)
    if rapport is not None and rapport.failed:
        ARTEFACTEN.mkdir(parents=True, exist_ok=True)
        naam = request.node.name.replace("/", "_")
        try:
            page.screenshot(path=str(ARTEFACTEN / f"{naam}.png"), full_page=True)
        except Exception as fout:  # the page may be gone; the log still helps
            console.append(f"[screenshot mislukt] {fout}")
        (ARTEFACTEN / f"{naam}.console.log").write_text("\n".join(console), encoding="utf-8")
    context.close()


def schermafbeelding(pagina, pad: Path, max_hoogte: int = 5000) -> None:
    """A screenshot of a whole exercise, for a person to look at: not part of what is
    tested, so a slow machine that cannot take it only prints why. Voilà scrolls inside a
    container: the viewport is made as tall as the content first."""
    try:
        hoogte = pagina.evaluate(
            "() => Math.max(...Array.from(document.querySelectorAll('body, body *'))"
            ".map(e => e.scrollHeight))")
        pagina.set_viewport_size({"width": 1280, "height": min(max(hoogte, 800), max_hoogte)})
        pagina.wait_for_timeout(300)
        pad.parent.mkdir(parents=True, exist_ok=True)
        pagina.screenshot(path=str(pad), full_page=True, timeout=60_000)
    except Exception as fout:  # noqa: BLE001
        print(f"schermafbeelding {pad.name} mislukt: {fout}")


def sleutelteksten(sleutelmap: Path, opdrachten) -> list[str]:
    """Every text of six words or more in the graded keys of these assignments
    (rationales, example answers, a right choice's explanation), spaces normalised."""
    import yaml

    from werkalliantie.leren.opgaven.model import alle_opdrachten

    teksten: list[str] = []

    def verzamel(waarde):
        if isinstance(waarde, str) and len(waarde.split()) >= 6:
            teksten.append(" ".join(waarde.split()))
        elif isinstance(waarde, dict):
            for w in waarde.values():
                verzamel(w)
        elif isinstance(waarde, list):
            for w in waarde:
                verzamel(w)

    for opdracht in opdrachten:
        for vraag in alle_opdrachten()[opdracht].opgaven:
            verzamel(yaml.safe_load((sleutelmap / f"{vraag}.yaml").read_text(encoding="utf-8")))
    assert teksten, "geen teksten in de antwoordmodellen: de controle zou niets controleren"
    return teksten


def uit_de_sleutel(tekst: str, teksten: list[str]) -> list[str]:
    """The runs of six words from ``teksten`` that appear in ``tekst``: a key text quoted
    in part is caught too."""
    return [stuk for sleuteltekst in teksten
            for woorden in [sleuteltekst.split()]
            for stuk in (" ".join(woorden[i:i + 6]) for i in range(max(1, len(woorden) - 5)))
            if stuk in tekst]
