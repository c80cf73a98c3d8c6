"""Shared fixtures: the strictly built book, and headless Chromium with no network.

Browser tests save a screenshot and the console log in tests/artefacten/ when they fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

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


def pytest_configure(config):
    """The learner's side reads the course data from the bundle: build it from data/ first,
    so the tests always see what data/ says (and a broken file fails at once, in Dutch)."""
    from werkalliantie.bouw import bouw

    _tijdelijk_gas()
    bouw()


def _tijdelijk_gas() -> None:
    """TEMPORARY (issue 11): until werkalliantie/gas.py is on main, a stand-in with the same
    signature, for this process and every process the tests start. Delete with
    tests/tijdelijk_gas/ once the real module exists."""
    import importlib.util
    import runpy

    if importlib.util.find_spec("werkalliantie.gas") is not None:
        return
    map_ = ROOT / "tests" / "tijdelijk_gas"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(map_), os.environ.get("PYTHONPATH")]))
    runpy.run_path(str(map_ / "sitecustomize.py"))


@pytest.fixture(scope="session")
def boek(tmp_path_factory) -> Path:
    """The book built with warnings as errors and notebooks executed; its html folder."""
    uit = tmp_path_factory.mktemp("boek")
    resultaat = subprocess.run(
        [BIN / "jupyter-book", "build", str(ROOT), "-W", "-n", "--keep-going",
         "--path-output", str(uit)],
        capture_output=True, text=True, env=omgeving(), timeout=900)
    assert resultaat.returncode == 0, (
        "De strikte boekbouw faalt:\n" + resultaat.stdout[-6000:] + resultaat.stderr[-4000:])
    return uit / "_build" / "html"


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def boekserver(boek):
    """The built book over http on 127.0.0.1 (a random port), as a reader's browser gets it."""
    handler = functools.partial(_StilleHandler, directory=str(boek))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


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

    def __call__(self, route):
        url = route.request.url
        host = urlparse(url).hostname
        if url.startswith(("file:", "data:", "blob:", "about:")) or host in self.LOKAAL:
            route.continue_()
        else:
            self.geblokkeerd.append(url)
            route.abort()


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
