"""A class on a shared JupyterHub (issue 15), on loopback, with real system users.

What runs, all started by this module and stopped again (also when a test fails):
- PostgreSQL from Debian's packages: a temporary cluster (initdb, pg_ctl) on 127.0.0.1 and
  a free port, with a password; the course account reads it from its own ~/.pgpass.
- JupyterHub with deploy/hub/jupyterhub_config.py as IT installs it (copied with its
  jupyter settings out of the checkout, hub.toml written for this run), the environment
  `make hubomgeving` builds with the system's Python outside the checkout (see
  :func:`hubomgeving`), and configurable-http-proxy from the npm registry. Only the way
  of logging in differs: one shared password (JupyterHub's successor of the dummy
  authenticator's password) instead of PAM. Nothing a user's server reads lies in the
  checkout, so the test passes when only root can enter it (mode 700).
- Linux accounts made for this run: the course account (its home holds the course folder
  with the graded keys and ~/.pgpass), one instructor and three students, made with
  deploy/hub/klas_toevoegen.py. Every server runs as its own user (LocalProcessSpawner).

The round goes over HTTP, as people use the hub: the instructor's commands in a terminal
of the course server (a websocket), nbgrader's formgrader API for release, collect and
feedback, the students' nbgrader endpoints for fetch, submit and fetch_feedback, and the
answers saved through the widget in JupyterLab in headless Chromium. Grading is one
function, :func:`nakijken`.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import grp
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import websocket

from conftest import ARTEFACTEN, ROOT, Netwerkbewaker
from werkalliantie.leren.opgaven import laad_opgave
from werkalliantie.leren.opgaven.soorten.beoordeling import vragenlijst

pytestmark = [pytest.mark.hub, pytest.mark.slow, pytest.mark.browser]

DEPLOY = ROOT / "deploy" / "hub"
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
CURSUS = "werkalliantie"
OPDRACHT = "werkalliantie-denise"
NOTEBOOK = f"{CURSUS}/{OPDRACHT}/{OPDRACHT}.ipynb"  # in a student's home, after fetching
VOORVOEGSEL = "wahub"  # every account and folder of a run starts with it
TESTMAPPEN = Path(tempfile.gettempdir())
NIET_KOPIEREN = {"release", "submitted", "autograded", "feedback", "downloaded", "gradebook.db",
                 "nbgrader.log", "__pycache__", ".ipynb_checkpoints"}

# --- Grading: the parallel command of the instructor's guide (issue 12) ------------------
# Typed by the instructor in a terminal of the course server, in the course folder. It
# grades every submission and writes the feedback; releasing the feedback is the next step.
NAKIJKCOMMANDO = f"werkalliantie nakijken {OPDRACHT}"


def nakijken(cursusserver: "Terminal") -> str:
    code, uitvoer = cursusserver.voer_uit(NAKIJKCOMMANDO, timeout=600)
    assert code == 0, f"Nakijken faalt ({NAKIJKCOMMANDO}):\n{uitvoer[-4000:]}"
    return uitvoer


# --- Answers (the graded key's bands: doelen 1..3, taken 3,17..5, band 3..5; the weakest
# part is doelen, shown in sentences 2, 3, 4 and 5) ----------------------------------------
ITEMS = [i.id for i in vragenlijst(laad_opgave("denise-b")).items]
GOED = {**dict(zip(ITEMS, [1, 2, 3, 5, 4, 4, 3, 4, 4])),  # every dimension within its band
        "zwakste": "doelen", "bewijs": [2, 3, 4, 5]}
FOUT = {**dict(zip(ITEMS, [5, 5, 4, 1, 2, 1, 1, 1, 2])), "zwakste": "band"}  # nothing right
HALF = {**FOUT, **{k: v for k, v in GOED.items() if k.startswith("doelen")}}  # doelen only
ANTWOORDEN = {"student1": GOED, "student2": HALF, "student3": FOUT}
PUNTEN = {"student1": 9.0, "student2": 1.0, "student3": 0.0}  # automatically graded
MAX_PUNTEN = 13.0  # 9 automatically, 4 by hand (the open question)
ZWAKSTE = {"doelen": "Doelen", "taken": "Taken", "band": "Band"}


# --- Small helpers -----------------------------------------------------------------------

def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _draai(*cmd, **kwargs) -> subprocess.CompletedProcess:
    resultaat = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if resultaat.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, cmd))} faalt:\n{resultaat.stdout}{resultaat.stderr}")
    return resultaat


@functools.cache
def hubomgeving() -> Path:
    """The hub's environment: outside the checkout, which may be root's only (mode 700),
    in a folder every account may read. `make test` passes its place on (HUBOMGEVING);
    run on its own, the test asks make, the one place that derives it from the checkout."""
    pad = os.environ.get("HUBOMGEVING")
    if not pad:
        pad = _draai("make", "-s", "--no-print-directory", "-C", ROOT,
                     "hubomgeving-pad").stdout.strip()
    return Path(pad)


def _wacht(voorwaarde, timeout: float, wat: str, interval: float = 0.2):
    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        waarde = voorwaarde()
        if waarde:
            return waarde
        time.sleep(interval)
    raise AssertionError(f"Niet binnen {timeout:.0f} s: {wat}")


def _pg_bin() -> Path:
    versies = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                     key=lambda p: int(p.parent.parent.name))
    if not versies:
        pytest.fail("PostgreSQL ontbreekt: 'make test' installeert het "
                    "(apt-get install postgresql).")
    return versies[-1].parent


def _processen_van(gebruiker: str) -> list[int]:
    resultaat = subprocess.run(["ps", "-u", gebruiker, "-o", "pid="],
                               capture_output=True, text=True)
    return [int(p) for p in resultaat.stdout.split()]


def _stop_processen_van(gebruiker: str) -> None:
    """Ends the processes of an account this module made, one by one by their id."""
    for sein in (signal.SIGTERM, signal.SIGKILL):
        pids = _processen_van(gebruiker)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sein)
        with contextlib.suppress(AssertionError):
            _wacht(lambda: not _processen_van(gebruiker), 5, f"processen van {gebruiker}")


def _leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- The run's own world: folders, accounts, PostgreSQL, the hub ------------------------

@dataclass
class Wereld:
    """Everything one run makes. ``opruimen`` undoes it in reverse, whatever failed."""

    id: str
    map: Path
    accounts: list[str] = field(default_factory=list)
    groepen: list[str] = field(default_factory=list)
    pg_data: Path | None = None
    hub: subprocess.Popen | None = None

    @property
    def voorvoegsel(self) -> str:
        return f"{VOORVOEGSEL}{self.id}"

    def naam(self, rol: str) -> str:
        return f"{self.voorvoegsel}-{rol}"

    def opruimen(self) -> None:
        fouten = []
        proxy = _pid_uit(self.map / "hub" / "proxy.pid", "configurable-http-proxy")
        if self.hub is not None and self.hub.poll() is None:
            self.hub.terminate()  # the hub stops the servers, the course server and the proxy
            try:
                self.hub.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.hub.kill()
                self.hub.wait()
        if proxy is not None:  # it may wait for open connections: end it
            _stop_pid(proxy)
        for account in self.accounts:
            _stop_processen_van(account)
        if self.pg_data is not None and (self.pg_data / "postmaster.pid").exists():
            r = subprocess.run(["runuser", "-u", "postgres", "--", _pg_bin() / "pg_ctl", "-D",
                                self.pg_data, "-m", "fast", "-w", "stop"], capture_output=True)
            if r.returncode != 0:
                fouten.append(f"pg_ctl stop: {r.stderr}")
        for account in reversed(self.accounts):
            r = subprocess.run(["userdel", "--remove", account], capture_output=True, text=True)
            if r.returncode not in (0, 6):  # 6: no such user
                fouten.append(f"userdel {account}: {r.stderr}")
        for groep in self.groepen:
            subprocess.run(["groupdel", groep], capture_output=True)
        shutil.rmtree(self.map, ignore_errors=True)
        assert not fouten, fouten


def _pid_uit(pidbestand: Path, kenmerk: str) -> int | None:
    """The pid a pid file names, if that process's command line holds ``kenmerk`` (a pid
    file left behind may name some other process by now)."""
    try:
        pid = int(pidbestand.read_text())
        opdracht = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except (OSError, ValueError):
        return None
    return pid if kenmerk in opdracht else None


def _stop_pid(pid: int) -> None:
    """SIGTERM, up to 10 s to end, then SIGKILL: for a process this module started."""
    for sein in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sein)
        with contextlib.suppress(AssertionError):
            _wacht(lambda: not _leeft(pid), 10, f"proces {pid} stopt")
            return


def _ruim_oude_runs_op() -> None:
    """Removes what an earlier run left when it was killed (its pytest process is gone)."""
    for map_ in TESTMAPPEN.glob(f"werkalliantie-hubtest-{VOORVOEGSEL}*"):
        try:
            pid = int((map_ / "pid").read_text())
        except (OSError, ValueError):
            pid = None
        if pid is not None and _leeft(pid):
            continue  # a run still going (another worktree): leave it alone
        id_ = map_.name.removeprefix(f"werkalliantie-hubtest-{VOORVOEGSEL}").split("-")[0]
        wereld = Wereld(id_, map_, pg_data=map_ / "pg")
        for pidbestand, kenmerk in [("jupyterhub.pid", str(map_)),
                                    ("proxy.pid", "configurable-http-proxy")]:
            pid = _pid_uit(map_ / "hub" / pidbestand, kenmerk)
            if pid is not None:
                _stop_pid(pid)
        wereld.accounts = sorted(p.pw_name for p in pwd.getpwall()
                                 if p.pw_name.startswith(wereld.voorvoegsel + "-"))
        with contextlib.suppress(KeyError):
            grp.getgrnam(wereld.voorvoegsel)
            wereld.groepen = [wereld.voorvoegsel]
        with contextlib.suppress(AssertionError):
            wereld.opruimen()


# --- PostgreSQL ----------------------------------------------------------------------------

@dataclass
class Cijferboek:
    poort: int
    wachtwoord: str  # of the course's role; lives only in the course account's ~/.pgpass
    beheerwachtwoord: str  # of the superuser, for this test only
    database: str = CURSUS
    rol: str = CURSUS

    @property
    def url(self) -> str:  # what hub.toml says: no password
        return f"postgresql+psycopg://{self.rol}@127.0.0.1:{self.poort}/{self.database}"

    def verbind(self, database: str | None = None):
        import psycopg
        return psycopg.connect(host="127.0.0.1", port=self.poort, user="postgres",
                               password=self.beheerwachtwoord, dbname=database or self.database,
                               autocommit=True)


def start_postgres(wereld: Wereld) -> Cijferboek:
    pg = _pg_bin()
    data = wereld.map / "pg"
    data.mkdir(mode=0o700)
    postgres = pwd.getpwnam("postgres")
    os.chown(data, postgres.pw_uid, postgres.pw_gid)
    wereld.pg_data = data
    boek = Cijferboek(_vrije_poort(), secrets.token_urlsafe(18), secrets.token_urlsafe(18))
    wachtwoordbestand = wereld.map / "pg-beheer"
    wachtwoordbestand.write_text(boek.beheerwachtwoord)
    os.chown(wachtwoordbestand, postgres.pw_uid, postgres.pw_gid)
    wachtwoordbestand.chmod(0o600)
    try:
        _draai("runuser", "-u", "postgres", "--", pg / "initdb", "-D", data, "-U", "postgres",
               f"--pwfile={wachtwoordbestand}", "--auth-host=scram-sha-256",
               "--auth-local=peer", "--encoding=UTF8", "--no-locale", cwd="/")
    finally:
        wachtwoordbestand.unlink()
    with (data / "postgresql.conf").open("a") as f:
        f.write(f"listen_addresses = '127.0.0.1'\nport = {boek.poort}\n"
                "unix_socket_directories = ''\nfsync = off\n")
    log = wereld.map / "postgres.log"
    log.touch()
    os.chown(log, postgres.pw_uid, postgres.pw_gid)
    _draai("runuser", "-u", "postgres", "--", pg / "pg_ctl", "-D", data, "-l", log,
           "-w", "-t", "60", "start", cwd="/")
    from psycopg import sql
    with boek.verbind("postgres") as db:
        db.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(boek.rol), sql.Literal(boek.wachtwoord)))
        db.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(
            sql.Identifier(boek.database), sql.Identifier(boek.rol)))
    return boek


# --- Accounts and the course folder, as deploy/hub/LEESMIJ.md installs them -----------------

def maak_cursusaccount(wereld: Wereld, boek: Cijferboek, studenten: list[str]) -> Path:
    account = wereld.naam("grader")
    _draai("useradd", "--create-home", "--key", "HOME_MODE=0700", "--shell", "/bin/bash",
           "--comment", "Cursus werkalliantie", account)
    wereld.accounts.append(account)
    wereld.groepen.append(account)  # its user group, when userdel leaves it
    thuis = Path(pwd.getpwnam(account).pw_dir)
    cursusmap = thuis / CURSUS
    shutil.copytree(ROOT / "exercises", cursusmap,
                    ignore=lambda _d, namen: [n for n in namen if n in NIET_KOPIEREN
                                              or n.endswith(".csv")])
    with (cursusmap / "studenten.csv").open("w", newline="") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["id", "first_name", "last_name", "email"])
        for n, student in enumerate(studenten, 1):
            schrijver.writerow([student, "Student", f"Nummer {n}", ""])
    pgpass = thuis / ".pgpass"
    pgpass.write_text(f"127.0.0.1:{boek.poort}:{boek.database}:{boek.rol}:{boek.wachtwoord}\n")
    pgpass.chmod(0o600)
    _draai("chown", "-R", f"{account}:{account}", thuis)
    return cursusmap


def maak_klas(wereld: Wereld, namen: list[str]) -> None:
    """Students and the instructor, made by the script the guide gives IT."""
    lijst = wereld.map / "klas.csv"
    with lijst.open("w", newline="") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["id", "first_name", "last_name", "email"])
        for naam in namen:
            schrijver.writerow([naam, "Test", naam, ""])
    wereld.groepen.insert(0, wereld.voorvoegsel)
    wereld.accounts.extend(namen)
    _draai("python3", DEPLOY / "klas_toevoegen.py", lijst, "--groep", wereld.voorvoegsel)
    for naam in namen:
        assert os.stat(pwd.getpwnam(naam).pw_dir).st_mode & 0o777 == 0o700


# --- The hub ---------------------------------------------------------------------------------

TESTCONFIG = '''\
# The course's hub configuration, with one change for the test: a shared password
# instead of PAM, and a read-only service for the test's own checks.
import os
c = get_config()
load_subconfig({deploy!r})
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["HUBTEST_WACHTWOORD"]
c.Authenticator.allowed_users = {gebruikers!r}
c.JupyterHub.services.append({{"name": "hubtest", "api_token": os.environ["HUBTEST_TOKEN"]}})
c.JupyterHub.load_roles.append(
    {{"name": "hubtest", "services": ["hubtest"], "scopes": ["read:groups", "list:groups"]}})
'''


@dataclass
class Hub:
    url: str
    wachtwoord: str
    testtoken: str
    log: Path

    def api(self, methode: str, pad: str, token: str | None = None, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {token or self.testtoken}"}
        return requests.request(methode, f"{self.url}/hub/api{pad}", headers=headers,
                                timeout=60, **kwargs)


def installeer_instellingen(wereld: Wereld) -> Path:
    """The hub's settings out of the checkout, as the guide copies them to /etc/werkalliantie/:
    every user's server reads jupyter/ (JUPYTER_CONFIG_PATH), and the checkout may be
    root's only. Returns the copied jupyterhub_config.py."""
    etc = wereld.map / "etc"
    etc.mkdir()
    shutil.copy(DEPLOY / "jupyterhub_config.py", etc)
    for map_ in ("jupyter", "jupyter-cursus"):
        shutil.copytree(DEPLOY / map_, etc / map_, ignore=shutil.ignore_patterns("__pycache__"))
    _draai("chmod", "-R", "u=rwX,go=rX", etc)
    return etc / "jupyterhub_config.py"


def start_hub(wereld: Wereld, boek: Cijferboek, cursusmap: Path, docent: str,
              gebruikers: list[str]) -> Hub:
    hubmap = wereld.map / "hub"
    hubmap.mkdir(mode=0o700)
    uitwisseling = wereld.map / "uitwisseling"
    uitwisseling.mkdir()
    uitwisseling.chmod(0o1777)
    poort = _vrije_poort()
    instellingen = wereld.map / "hub.toml"
    instellingen.write_text(f'''
adres = "http://127.0.0.1:{poort}"
omgeving = "{hubomgeving()}"
proxy = "{PROXY}"
hubmap = "{hubmap}"
toegangsgroep = "{wereld.voorvoegsel}"

[cursus]
account = "{wereld.naam('grader')}"
map = "{cursusmap}"
docenten = ["{docent}"]
uitwisselmap = "{uitwisseling}"
cijferboek = "{boek.url}"

[poorten]
hub = {_vrije_poort()}
proxy_api = {_vrije_poort()}
cursusserver = {_vrije_poort()}
''')
    config = wereld.map / "jupyterhub_config.py"
    config.write_text(TESTCONFIG.format(deploy=str(installeer_instellingen(wereld)),
                                        gebruikers=set(gebruikers)))
    hub = Hub(f"http://127.0.0.1:{poort}", secrets.token_urlsafe(12), secrets.token_hex(32),
              wereld.map / "hub.log")
    env = {"PATH": f"{hubomgeving() / 'bin'}:/usr/local/bin:/usr/bin:/bin", "HOME": "/root",
           "LANG": "C.UTF-8", "WERKALLIANTIE_HUB_INSTELLINGEN": str(instellingen),
           "HUBTEST_WACHTWOORD": hub.wachtwoord, "HUBTEST_TOKEN": hub.testtoken}
    with hub.log.open("w") as log:
        wereld.hub = subprocess.Popen([hubomgeving() / "bin" / "jupyterhub", "-f", config],
                                      cwd=hubmap, env=env, stdout=log, stderr=subprocess.STDOUT)

    def klaar():
        if wereld.hub.poll() is not None:
            raise AssertionError(f"De hub stopte:\n{hub.log.read_text()[-5000:]}")
        try:  # the course server answers through the proxy: hub, proxy and service are up
            r = requests.get(f"{hub.url}/services/{CURSUS}/api", timeout=5)
        except requests.ConnectionError:
            return False
        return r.status_code == 200
    _wacht(klaar, 90, "de hub en de cursusserver starten")
    return hub


# --- People on the hub: a token, their server, a kernel, a terminal ---------------------------

@dataclass
class Gebruiker:
    hub: Hub
    naam: str
    token: str = ""

    def inloggen(self) -> "Gebruiker":
        r = requests.post(f"{self.hub.url}/hub/api/users/{self.naam}/tokens", timeout=60,
                          json={"auth": {"username": self.naam, "password": self.hub.wachtwoord},
                                "note": "hubtest", "expires_in": 3600})
        assert r.status_code == 201, (r.status_code, r.text)
        self.token = r.json()["token"]
        return self

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"token {self.token}"}

    def start_server(self) -> None:
        r = self.hub.api("POST", f"/users/{self.naam}/server", token=self.token)
        assert r.status_code in (201, 202), (r.status_code, r.text)

    def wacht_op_server(self) -> None:
        def klaar():
            r = self.hub.api("GET", f"/users/{self.naam}", token=self.token)
            server = r.json().get("servers", {}).get("")
            return bool(server and server.get("ready"))
        _wacht(klaar, 120, f"de server van {self.naam} start", interval=0.5)

    def get(self, pad: str, **kwargs) -> requests.Response:
        return requests.get(f"{self.hub.url}{pad}", headers=self.headers, timeout=120, **kwargs)

    def post(self, pad: str, **kwargs) -> requests.Response:
        return requests.post(f"{self.hub.url}{pad}", headers=self.headers, timeout=600, **kwargs)

    # the student's own server
    @property
    def server(self) -> str:
        return f"/user/{self.naam}"

    def nbgrader(self, actie: str) -> dict:
        r = self.post(f"{self.server}/assignments/{actie}",
                      json={"course_id": CURSUS, "assignment_id": OPDRACHT})
        assert r.ok, (r.status_code, r.text)
        return r.json()

    def lees(self, pad: str) -> dict:
        r = self.get(f"{self.server}/api/contents/{urllib.parse.quote(pad)}",
                     params={"content": "1"})
        assert r.ok, (pad, r.status_code, r.text)
        return r.json()

    def kernel(self, basis: str | None = None) -> "Kernel":
        basis = basis or self.server
        r = self.post(f"{basis}/api/kernels", json={"name": "python3"})
        assert r.status_code == 201, (r.status_code, r.text)
        return Kernel(self, basis, r.json()["id"])

    def terminal(self, basis: str) -> "Terminal":
        r = self.post(f"{basis}/api/terminals")
        assert r.ok, (r.status_code, r.text)
        return Terminal(self, basis, r.json()["name"])


def _ws(gebruiker: Gebruiker, pad: str) -> websocket.WebSocket:
    url = gebruiker.hub.url.replace("http://", "ws://", 1) + pad
    return websocket.create_connection(url, header=[f"Authorization: token {gebruiker.token}"],
                                       timeout=120)


@dataclass
class Kernel:
    """A kernel in someone's server, driven over the Jupyter server's websocket."""

    gebruiker: Gebruiker
    basis: str
    id: str

    def voer_uit(self, code: str, timeout: float = 60) -> str:
        ws = _ws(self.gebruiker, f"{self.basis}/api/kernels/{self.id}/channels")
        try:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "username": self.gebruiker.naam,
                           "session": uuid.uuid4().hex, "msg_type": "execute_request",
                           "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": False,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
            uitvoer, fout = [], None
            einde = time.monotonic() + timeout
            while True:
                ws.settimeout(max(1.0, einde - time.monotonic()))
                bericht = json.loads(ws.recv())
                if bericht.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                soort = bericht["header"]["msg_type"]
                if soort == "stream":
                    uitvoer.append(bericht["content"]["text"])
                elif soort == "error":
                    fout = "\n".join(bericht["content"]["traceback"])
                elif soort == "status" and bericht["content"]["execution_state"] == "idle":
                    break
            assert fout is None, fout
            return "".join(uitvoer)
        finally:
            ws.close()


@dataclass
class Terminal:
    """A terminal in a JupyterLab on the hub, as a person types in it."""

    gebruiker: Gebruiker
    basis: str
    naam: str

    def voer_uit(self, commando: str, timeout: float = 120) -> tuple[int, str]:
        ws = _ws(self.gebruiker, f"{self.basis}/terminals/websocket/{self.naam}")
        teken = uuid.uuid4().hex[:8]
        try:
            ws.send(json.dumps(["stdin", f"{commando}; echo KLAAR{teken}:$?\r"]))
            gelezen = ""
            einde = time.monotonic() + timeout
            while time.monotonic() < einde:
                ws.settimeout(max(1.0, einde - time.monotonic()))
                bericht = json.loads(ws.recv())
                if bericht[0] == "stdout":
                    gelezen += bericht[1]
                    gevonden = re.search(rf"KLAAR{teken}:(\d+)", gelezen)
                    if gevonden:
                        return int(gevonden.group(1)), gelezen
            raise AssertionError(
                f"Geen einde binnen {timeout} s van {commando}:\n{gelezen[-3000:]}")
        finally:
            ws.close()


# --- The whole class, once per module -----------------------------------------------------------

@dataclass
class Klas:
    wereld: Wereld
    boek: Cijferboek
    hub: Hub
    cursusmap: Path
    docent: Gebruiker
    studenten: dict[str, Gebruiker]  # role (student1, ...) -> user

    @property
    def cursusserver(self) -> str:
        return f"/services/{CURSUS}"

    def formgrader(self, actie: str) -> dict:
        r = self.docent.post(f"{self.cursusserver}/formgrader/api/assignment/{OPDRACHT}/{actie}")
        assert r.ok, (actie, r.status_code, r.text)
        antwoord = r.json()
        assert antwoord.get("success"), (actie, antwoord)
        return antwoord


@pytest.fixture(scope="module")
def klas(request):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("De hubtest maakt Linux-accounts: start hem als root, op Linux.")
    for nodig, hoe in [(hubomgeving() / "bin" / "jupyterhub", "make hubomgeving"),
                       (PROXY, "make omgeving (npm ci)")]:
        if not nodig.exists():
            pytest.fail(f"{nodig} ontbreekt: 'make test' maakt het ({hoe}).")
    _pg_bin()
    _ruim_oude_runs_op()
    id_ = secrets.token_hex(3)
    map_ = Path(tempfile.mkdtemp(prefix=f"werkalliantie-hubtest-{VOORVOEGSEL}{id_}-",
                                 dir=TESTMAPPEN))
    map_.chmod(0o755)  # the exchange lives in it: every account passes through
    (map_ / "pid").write_text(str(os.getpid()))
    wereld = Wereld(id_, map_)
    mislukt_voor = request.session.testsfailed
    try:
        rollen = ["student1", "student2", "student3"]
        docent = wereld.naam("docent")
        studenten = {rol: wereld.naam(rol) for rol in rollen}
        maak_klas(wereld, [docent, *studenten.values()])
        boek = start_postgres(wereld)
        cursusmap = maak_cursusaccount(wereld, boek, list(studenten.values()))
        hub = start_hub(wereld, boek, cursusmap, docent, [docent, *studenten.values()])
        yield Klas(wereld, boek, hub, cursusmap, Gebruiker(hub, docent).inloggen(),
                   {rol: Gebruiker(hub, naam).inloggen() for rol, naam in studenten.items()})
    except BaseException:
        _bewaar_logs(wereld)
        raise
    else:
        if request.session.testsfailed > mislukt_voor:
            _bewaar_logs(wereld)
    finally:
        wereld.opruimen()


def _bewaar_logs(wereld: Wereld) -> None:
    doel = ARTEFACTEN / "hub"
    doel.mkdir(parents=True, exist_ok=True)
    for log in wereld.map.glob("*.log"):
        shutil.copy(log, doel / log.name)
    nbgrader_log = next(Path("/home").glob(f"{wereld.naam('grader')}/{CURSUS}/nbgrader.log"), None)
    if nbgrader_log:
        shutil.copy(nbgrader_log, doel / "nbgrader.log")


# --- The tests ----------------------------------------------------------------------------------

@dataclass
class Ronde:
    """What one round of the course left: for the tests below to check."""

    opgeslagen: dict[str, dict]  # role -> antwoorden.json as the student's server has it
    menubalk: list[str]  # the menu bar of a student's JupyterLab
    punten: dict[str, float]  # student -> points, from PostgreSQL
    feedback: dict[str, str]  # role -> the feedback HTML the student fetched
    tijden: list[tuple[str, float]]


@pytest.fixture(scope="module")
def ronde(klas, chromium) -> Ronde:
    """One round on the hub, over HTTP, as the people of a class do it: the instructor adds
    the class and releases; the students fetch, answer in JupyterLab and submit; the
    instructor collects, grades and releases the feedback; the students fetch it."""
    docent, studenten = klas.docent, klas.studenten
    t0 = time.monotonic()
    tijden: list[tuple[str, float]] = []

    def fase(naam: str) -> None:
        tijden.append((naam, round(time.monotonic() - t0, 1)))
        print(f"[{tijden[-1][1]:6.1f} s] {naam}", flush=True)

    for student in studenten.values():
        student.start_server()  # they start while the instructor prepares the assignment
    terminal = docent.terminal(klas.cursusserver)

    # The instructor puts the class in the gradebook (PostgreSQL); nbgrader puts the
    # students in the hub's course group too, so they see the course.
    code, uitvoer = terminal.voer_uit("nbgrader db student import studenten.csv")
    assert code == 0, uitvoer
    groep = klas.hub.api("GET", f"/groups/nbgrader-{CURSUS}").json()
    assert sorted(groep["users"]) == sorted(s.naam for s in studenten.values())
    fase("klas in het cijferboek en in de cursusgroep")

    # The student version (the guide's step), then release through the formgrader.
    code, uitvoer = terminal.voer_uit(f"werkalliantie klaarzetten {OPDRACHT}")
    assert code == 0, uitvoer
    klas.formgrader("release")
    fase("studentversie gemaakt en vrijgegeven")

    for rol, student in studenten.items():
        student.wacht_op_server()
        lijst = student.get(f"{student.server}/assignments", params={"course_id": CURSUS}).json()
        assert lijst["success"], lijst
        assert [(a["course_id"], a["assignment_id"], a["status"]) for a in lijst["value"]] == [
            (CURSUS, OPDRACHT, "released")]
        student.nbgrader("fetch")
        assert student.lees(NOTEBOOK)["type"] == "notebook"
    fase("opgehaald door drie studenten")

    opgeslagen, menubalk = {}, []
    for rol, student in studenten.items():
        menubalk = beantwoord_in_de_browser(chromium, klas.hub, student, ANTWOORDEN[rol])
        opgeslagen[rol] = json.loads(
            student.lees(f"{CURSUS}/{OPDRACHT}/antwoorden.json")["content"])
        if rol == INDRINGER:
            voeg_een_eigen_cel_toe(student, INDRINGERSCEL)
        assert student.nbgrader("submit")["success"]
        fase(f"{rol}: beantwoord in de browser en ingeleverd")

    klas.formgrader("collect")
    fase("verzameld")
    nakijken(terminal)
    fase("nagekeken (autograde en feedback)")
    klas.formgrader("release_feedback")
    feedback = {}
    for rol, student in studenten.items():
        student.nbgrader("fetch_feedback")
        feedback[rol] = feedback_van(student)
    fase("feedback vrijgegeven en opgehaald")
    return Ronde(opgeslagen, menubalk, punten_in_het_cijferboek(klas), feedback, tijden)


def test_antwoorden_via_het_widget_in_jupyterlab_opgeslagen(ronde):
    for rol, waarden in ANTWOORDEN.items():
        assert ronde.opgeslagen[rol]["antwoorden"]["denise-b"]["waarde"] == waarden, rol


def test_studenten_zien_jupyterlab_in_het_nederlands(ronde):
    assert {"Bestand", "Bewerk", "Weergave", "Uitvoeren"} <= set(ronde.menubalk), ronde.menubalk


def test_cijfers_staan_in_postgresql(klas, ronde):
    assert ronde.punten == {klas.studenten[rol].naam: p for rol, p in PUNTEN.items()}


def test_studenten_halen_hun_feedback_op(klas, ronde):
    for rol, html in ronde.feedback.items():
        assert f"Score: {PUNTEN[rol]} / {MAX_PUNTEN}" in html, rol
        assert "Doelen: jouw score is" in html, rol
        if rol != INDRINGER:
            assert not _geheimen_in(klas, html), rol


def test_een_eigen_cel_van_een_student_lekt_niets_bij_het_nakijken(klas, ronde):
    """A student adds a code cell that prints the key and the gradebook's password. The
    grading runs as the course account, which can read both; what it returns to the
    student (the feedback) must hold neither."""
    html = ronde.feedback[INDRINGER]
    assert not _geheimen_in(klas, html)


PROBEER = """
import json, os
def probeer(pad):
    try:
        if os.path.isdir(pad):
            os.listdir(pad)
        else:
            with open(pad, "rb") as f:
                f.read(1)
        return "gelezen"
    except PermissionError:
        return "geweigerd"
    except OSError as fout:
        return type(fout).__name__
def verbind(**kw):
    import psycopg
    try:
        psycopg.connect(host="127.0.0.1", connect_timeout=10, **kw).close()
        return "verbonden"
    except psycopg.OperationalError as fout:
        return "geweigerd" if "password" in str(fout) else str(fout)
print(json.dumps({
    "bestanden": {naam: probeer(pad) for naam, pad in %(paden)r.items()},
    "cijferboek": verbind(port=%(poort)d, user=%(rol)r, dbname=%(database)r),
    "cijferboek als beheerder": verbind(port=%(poort)d, user="postgres", dbname="postgres"),
    "omgeving": sorted(k for k in os.environ if k.startswith("WERKALLIANTIE_CIJFER")
                       or k == "WERKALLIANTIE_SLEUTELS"),
}))
"""


def test_studenten_kunnen_niet_bij_wat_niet_van_hen_is(klas, ronde):
    """From student1's own kernel (code run over the Jupyter server's websocket), after the
    round: everything that is not theirs is refused by the operating system or the hub."""
    student1, student2 = klas.studenten["student1"], klas.studenten["student2"]
    grader = Path(pwd.getpwnam(klas.wereld.naam("grader")).pw_dir)
    thuis2 = Path(pwd.getpwnam(student2.naam).pw_dir)
    uitwisseling = klas.wereld.map / "uitwisseling" / CURSUS
    hubmap = klas.wereld.map / "hub"
    eigen = Path(pwd.getpwnam(student1.naam).pw_dir) / CURSUS / OPDRACHT / "antwoorden.json"
    verboden = {
        "het antwoordmodel": klas.cursusmap / "sleutels" / "denise-b.yaml",
        "de map met antwoordmodellen": klas.cursusmap / "sleutels",
        "het wachtwoord van het cijferboek": grader / ".pgpass",
        "de cursusmap": klas.cursusmap,
        "de inleveringen in de cursusmap": klas.cursusmap / "submitted",
        "het nagekeken werk": klas.cursusmap / "autograded",
        "de antwoorden van een andere student": thuis2 / CURSUS / OPDRACHT / "antwoorden.json",
        "het notebook van een andere student": thuis2 / NOTEBOOK,
        "de thuismap van een andere student": thuis2,
        "de inleveringen in de uitwisselmap": uitwisseling / "inbound",
        "de feedback in de uitwisselmap": uitwisseling / "feedback",
        "de gegevens van de hub": hubmap / "jupyterhub.sqlite",
        "het cookiegeheim van de hub": hubmap / "jupyterhub_cookie_secret",
    }
    for naam, pad in verboden.items():
        assert pad.exists(), f"{naam} ontbreekt na de ronde: {pad}"
    paden = {**{n: str(p) for n, p in verboden.items()}, "eigen antwoorden": str(eigen)}

    kernel = student1.kernel()
    uitkomst = json.loads(kernel.voer_uit(PROBEER % {
        "paden": paden, "poort": klas.boek.poort, "rol": klas.boek.rol,
        "database": klas.boek.database}))
    assert uitkomst["bestanden"] == {**dict.fromkeys(verboden, "geweigerd"),
                                     "eigen antwoorden": "gelezen"}
    assert uitkomst["cijferboek"] == "geweigerd"
    assert uitkomst["cijferboek als beheerder"] == "geweigerd"
    assert uitkomst["omgeving"] == []

    # Through the hub: not the course server, not another student's server, and no
    # formgrader in a student's own server; the instructor does reach the formgrader.
    assert student1.get(f"/services/{CURSUS}/api/contents/sleutels").status_code == 403
    assert student1.get(f"/user/{student2.naam}/api/contents").status_code in (403, 404)
    assert student1.get(f"{student1.server}/formgrader").status_code == 404
    assert klas.docent.get(f"/services/{CURSUS}/formgrader").status_code == 200


def test_reservekopie_van_het_cijferboek(klas, ronde, tmp_path):
    """pg_dump as the guide shows it, restored into an empty database: the same grades."""
    kopie = tmp_path / "cijferboek.dump"
    env = {**os.environ, "PGPASSWORD": klas.boek.beheerwachtwoord}
    verbinding = ["-h", "127.0.0.1", "-p", str(klas.boek.poort), "-U", "postgres"]
    _draai(_pg_bin() / "pg_dump", *verbinding, "--format=custom", f"--file={kopie}",
           klas.boek.database, env=env)
    with klas.boek.verbind("postgres") as db:
        db.execute("CREATE DATABASE herstel")
    _draai(_pg_bin() / "pg_restore", *verbinding, "--no-owner", "--dbname=herstel", kopie,
           env=env)
    assert punten_in_het_cijferboek(klas, database="herstel") == ronde.punten


# --- A student who tries to use the grading run -------------------------------------------

INDRINGER = "student3"
# Autograde runs in <cursusmap>/autograded/<student>/<opdracht>/, as the course account.
INDRINGERSCEL = """import os, pathlib
for pad in [os.environ.get("WERKALLIANTIE_SLEUTELS", "../../../sleutels") + "/denise-b.yaml",
            os.path.expanduser("~/.pgpass")]:
    try:
        print(pathlib.Path(pad).read_text())
    except OSError as fout:
        print(type(fout).__name__)
"""


def voeg_een_eigen_cel_toe(student: Gebruiker, bron: str) -> None:
    """Adds a code cell after the widget cell, through the student's own contents API."""
    model = student.lees(NOTEBOOK)
    cellen = model["content"]["cells"]
    cellen.insert(2, {"cell_type": "code", "execution_count": None, "metadata": {},
                      "outputs": [], "source": bron})
    r = requests.put(f"{student.hub.url}{student.server}/api/contents/{NOTEBOOK}",
                     headers=student.headers, timeout=60,
                     json={"type": "notebook", "format": "json", "content": model["content"]})
    assert r.ok, (r.status_code, r.text)


def _geheimen_in(klas: Klas, html: str) -> list[str]:
    """Lines of the graded key or of the gradebook's password that show in ``html``."""
    import html as html_
    tekst = html_.unescape(html)
    sleutel = (klas.cursusmap / "sleutels" / "denise-b.yaml").read_text().splitlines()
    geheimen = [max(sleutel, key=len).strip(), klas.boek.wachtwoord]
    return [g for g in geheimen if g in tekst]


# --- The student's browser: JupyterLab on the hub -------------------------------------------

RUN_ALL = ".lm-Menu-item[data-command='runmenu:run-all']"
KERNEL_KLAAR = ".jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator[data-status='idle']"


def beantwoord_in_de_browser(chromium, hub: Hub, student: Gebruiker, waarden: dict) -> list[str]:
    """Logs in on the hub, opens the fetched notebook in JupyterLab, runs it, sets every
    slider with the keyboard and clicks Opslaan, as a student does. Returns the labels of
    JupyterLab's menu bar."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    bewaker = Netwerkbewaker()
    context.route("**/*", bewaker)
    pagina = context.new_page()
    console: list[str] = []
    pagina.on("console", lambda m: console.append(f"[{m.type}] {m.text}"))
    pagina.on("pageerror", lambda e: console.append(f"[pageerror] {e}"))
    try:
        doel = f"/user/{student.naam}/lab/tree/{NOTEBOOK}"
        pagina.goto(f"{hub.url}/hub/login?next={urllib.parse.quote(doel)}")
        pagina.fill("#username_input", student.naam)
        pagina.fill("#password_input", hub.wachtwoord)
        pagina.click("#login_submit")
        pagina.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
        # The toolbar reads idle before the kernel exists; Run All then asks to pick a
        # kernel. Wait until the server has the notebook's kernel, idle. (Wait with the
        # page, not time.sleep: the network guard runs only while Playwright has control.)
        def kernel_klaar():
            sessies = student.get(f"{student.server}/api/sessions").json()
            return any(s["path"] == NOTEBOOK and s["kernel"]["execution_state"] == "idle"
                       for s in sessies)
        for _ in range(180):
            if kernel_klaar():
                break
            pagina.wait_for_timeout(500)
        else:
            raise AssertionError(f"De kernel van {student.naam} start niet")
        pagina.wait_for_selector(KERNEL_KLAAR, timeout=60_000)
        _alles_uitvoeren(pagina)
        for nummer, item in enumerate(ITEMS):
            _kies(pagina, nummer, waarden[item])
        pagina.locator(".widget-dropdown select").nth(len(ITEMS)).select_option(
            label=ZWAKSTE[waarden["zwakste"]])
        for zin in waarden.get("bewijs", []):
            pagina.get_by_text(f"Zin {zin}", exact=True).last.click()
        _opslaan(pagina)
        assert bewaker.geblokkeerd == []
        return [t.strip() for t in pagina.locator(".lm-MenuBar-item").all_inner_texts()]
    except BaseException:
        ARTEFACTEN.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            pagina.screenshot(path=str(ARTEFACTEN / f"hub-{student.naam}.png"), full_page=True)
        (ARTEFACTEN / f"hub-{student.naam}.console.log").write_text("\n".join(console))
        raise
    finally:
        context.close()


def _alles_uitvoeren(pagina) -> None:
    """Run > Run All Cells. Right after loading, the click can be a silent no-op
    (RECIPES.md): then, and only then, click it once more."""
    for poging in range(2):
        assert pagina.locator(".jp-Dialog").count() == 0, pagina.locator(".jp-Dialog").inner_text()
        pagina.locator(".lm-MenuBar-item").filter(has_text=re.compile(r"^(Run|Uitvoeren)$")).click()
        pagina.locator(RUN_ALL).click()
        try:
            pagina.wait_for_function(
                "() => !document.querySelector('.jp-Notebook .jp-CodeCell .jp-InputPrompt')"
                "?.textContent.includes('[ ]')", timeout=10_000)
            break
        except Exception:
            if poging:
                raise
    pagina.wait_for_selector(".widget-dropdown select", timeout=60_000)


def _opslaan(pagina) -> None:
    """Click Opslaan once, right away: the widget saves what the screen shows (its barrier
    waits for the last choices), and its status says so."""
    pagina.get_by_role("button", name="Opslaan", exact=True).click()
    pagina.wait_for_selector(".wa-status [data-toestand='opgeslagen']", timeout=30_000)


def _kies(pagina, nummer: int, doel: int) -> None:
    """Choose score ``doel`` in drop-down ``nummer`` with the keyboard (JupyterLab's own
    arrow-key shortcuts leave a cell's output alone: werkalliantie.bouwen.jupyterlab)."""
    lijst = pagina.locator(".widget-dropdown select").nth(nummer)
    lijst.focus()
    huidig = lijst.evaluate("s => s.selectedIndex")
    for _ in range(abs(doel - huidig)):
        pagina.keyboard.press("ArrowDown" if doel > huidig else "ArrowUp")
    pagina.wait_for_function(
        "([i, w]) => document.querySelectorAll('.widget-dropdown select')[i].selectedIndex === w",
        arg=[nummer, doel], timeout=5_000)


# --- What the instructor and the students get back ------------------------------------------

def punten_in_het_cijferboek(klas: Klas, database: str | None = None) -> dict[str, float]:
    """Points per student for the assignment, read from PostgreSQL itself."""
    with klas.boek.verbind(database) as db:
        rijen = db.execute("""
            SELECT sa.student_id,
                   SUM(COALESCE(g.manual_score, g.auto_score, 0) + COALESCE(g.extra_credit, 0))
            FROM grade g
            JOIN submitted_notebook sn ON g.notebook_id = sn.id
            JOIN submitted_assignment sa ON sn.assignment_id = sa.id
            JOIN assignment a ON sa.assignment_id = a.id
            WHERE a.name = %s
            GROUP BY sa.student_id""", [OPDRACHT]).fetchall()
    return {student: float(punten) for student, punten in rijen}


def feedback_van(student: Gebruiker) -> str:
    """The feedback the student fetched: ~/werkalliantie/<opdracht>/feedback/<tijd>/*.html."""
    map_ = f"{CURSUS}/{OPDRACHT}/feedback"
    tijden = [i["path"] for i in student.lees(map_)["content"] if i["type"] == "directory"]
    assert len(tijden) == 1, tijden
    bestanden = [i["path"] for i in student.lees(tijden[0])["content"]
                 if i["name"].endswith(".html")]
    assert len(bestanden) == 1, bestanden
    return student.lees(bestanden[0])["content"]
