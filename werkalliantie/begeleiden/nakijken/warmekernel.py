"""Warm kernels: a fresh Python kernel per submission, without paying its start-up.

Starting an IPython kernel and importing what the course's cells import costs about a
second of CPU per notebook, more than executing the cells. A **warm kernel** is a new
process forked from a *template* process that has imported the kernel's code and the
course's modules once, and done nothing else:

- the template never runs a cell and never sees a submission: it receives only the names
  of modules to import (taken from the course's own cells in the gradebook), and per
  kernel a command line, a folder and an environment;
- each kernel is its own new process (``fork``), so nothing one student's kernel does can
  reach another student's kernel or the template: no state can pass between students;
- from its first instruction on, a warm kernel is the same ``ipykernel`` process that
  ``python -m ipykernel_launcher`` would start, with the same command line, folder and
  environment; nbclient talks to it, interrupts it and kills it as usual.

:class:`WarmeKernelManager` is a ``jupyter_client`` kernel manager (nbclient's
``kernel_manager_class``): nbgrader's own ``Execute`` step uses it unchanged. Where a warm
kernel cannot be made (not Linux, another kernel, a template that died) it starts the
kernel the ordinary way, so the result never depends on it.

``python -m werkalliantie.begeleiden.nakijken.warmekernel ADRES`` is the template process itself: it
answers on a Unix socket (``ADRES``, readable by its user only) with the process id of
each kernel it forks, and stops when the process that started it closes its stdin.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

# Imported in every template: the kernel itself and what a graded notebook of the course
# uses. Module names from the course's cells are added (see modules_uit_cellen).
STANDAARD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell",
             "IPython.core.interactiveshell", "ipywidgets", "comm",
             "werkalliantie.leren.widgets", "werkalliantie.begeleiden.nakijken.toets",
             "werkalliantie.leren.opgaven.soorten")
KAN_VORKEN = sys.platform.startswith("linux") and hasattr(os, "pidfd_open")


def modules_uit_cellen(bronnen: list[str]) -> list[str]:
    """The modules that ``import`` statements in the course's own cells name."""
    import ast

    namen: list[str] = []
    for bron in bronnen:
        try:
            boom = ast.parse(bron)
        except (SyntaxError, ValueError):
            continue
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.Import):
                namen.extend(a.name for a in knoop.names)
            elif isinstance(knoop, ast.ImportFrom) and knoop.module and not knoop.level:
                namen.append(knoop.module)
    return list(dict.fromkeys(namen))


# --- The template process ------------------------------------------------------------------

def _voorladen(modules: list[str]) -> None:
    import importlib

    for naam in modules:
        try:
            importlib.import_module(naam)
        except Exception:  # noqa: BLE001 - the kernel imports it again and reports it there
            pass
    with contextlib.suppress(Exception):  # the course's records: the same for everyone
        from werkalliantie.leren.opgaven import alle_opgaven
        from werkalliantie.leren.opgaven.soorten import SOORTEN, soort

        alle_opgaven()
        for naam in SOORTEN:
            soort(naam)


def _doodssignaal() -> None:
    """Linux: the kernel gets SIGKILL when the template dies (the worker went away)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _kind(opdracht: dict, antwoordkanaal: int) -> None:
    """In the forked child: become the kernel, as ``python -m ipykernel_launcher``."""
    try:
        os.setsid()  # its own process group, as jupyter_client's launcher does
        _doodssignaal()
        os.dup2(2, antwoordkanaal)  # nothing the kernel prints may reach the reply pipe
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        nul = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nul, 0)
        os.close(nul)
        os.chdir(opdracht["cwd"])
        os.environ.clear()
        os.environ.update(opdracht["env"])
        sys.argv = [opdracht["argv"][0], *opdracht["argv"][3:]]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance(argv=opdracht["argv"][3:])
        code = 0
    except SystemExit as uit:
        code = uit.code if isinstance(uit.code, int) else 1
    except BaseException:  # noqa: BLE001
        import traceback

        traceback.print_exc()
        code = 1
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


def sjabloon(adres: str) -> None:
    """The template: preload, then fork one kernel per request on the socket ``adres``.

    It stops when its standard input closes (the process that started it is gone)."""
    import selectors
    import socket

    kop = json.loads(sys.stdin.buffer.readline() or b"{}")
    _voorladen([*STANDAARD, *kop.get("modules", [])])
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker decides when we stop
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(adres)
    os.chmod(adres, 0o600)
    server.listen(16)
    sys.stdout.buffer.write(b'{"klaar": true}\n')
    sys.stdout.buffer.flush()
    kiezer = selectors.DefaultSelector()
    kiezer.register(server, selectors.EVENT_READ)
    kiezer.register(sys.stdin.buffer, selectors.EVENT_READ)
    while True:
        for sleutel, _ in kiezer.select():
            if sleutel.fileobj is not server:
                return  # stdin closed or written to: stop
            verbinding, _ = server.accept()
            with verbinding:
                verbinding.settimeout(10)
                try:
                    regel = verbinding.makefile("rb").readline()
                    opdracht = json.loads(regel)
                except (OSError, ValueError):
                    continue
                pid = os.fork()
                if pid == 0:
                    kiezer.close()
                    server.close()
                    verbinding.close()
                    _kind(opdracht, 1)
                with contextlib.suppress(OSError):
                    verbinding.sendall(json.dumps({"pid": pid}).encode() + b"\n")


# --- The worker's side ---------------------------------------------------------------------

ADRES_VARIABELE = "WERKALLIANTIE_WARME_KERNELS"  # where a worker finds the template


class Sjabloon:
    """The template process. One per grading run, started by the run's parent process;
    its workers find it through :data:`ADRES_VARIABELE` and fork kernels from it."""

    def __init__(self, modules: list[str], log: Path | None = None):
        import tempfile

        self._map = tempfile.mkdtemp(prefix="werkalliantie-kernels-")
        self.adres = os.path.join(self._map, "sjabloon")
        omgeving = dict(os.environ)
        omgeving.pop("PYTHONSTARTUP", None)
        self.proces = subprocess.Popen(
            # -P: the working folder is not on sys.path while the template imports
            [sys.executable, "-P", "-m", "werkalliantie.begeleiden.nakijken.warmekernel", self.adres],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=omgeving, cwd="/",
            # what kernels print outside a cell (start-up warnings) goes to the log
            stderr=open(log, "ab") if log else None)  # noqa: SIM115 - the child keeps it
        self.proces.stdin.write(json.dumps({"modules": modules}).encode() + b"\n")
        self.proces.stdin.flush()

    def wacht(self, timeout: float = 120) -> bool:
        """Until the template has preloaded; False when it did not start."""
        klaar, _, _ = select.select([self.proces.stdout], [], [], timeout)
        if not klaar:
            return False
        return json.loads(self.proces.stdout.readline() or b"{}").get("klaar") is True

    def stop(self) -> None:
        import shutil

        with contextlib.suppress(Exception):
            self.proces.stdin.close()
        with contextlib.suppress(Exception):
            self.proces.wait(timeout=5)
        if self.proces.poll() is None:
            self.proces.kill()
            self.proces.wait()
        shutil.rmtree(self._map, ignore_errors=True)


def vork(adres: str, argv: list[str], cwd: str, env: dict[str, str]) -> int:
    """Ask the template at ``adres`` for a new kernel; its process id."""
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as verbinding:
        verbinding.settimeout(30)
        verbinding.connect(adres)
        verbinding.sendall(json.dumps({"argv": argv, "cwd": cwd, "env": env}).encode() + b"\n")
        antwoord = json.loads(verbinding.makefile("rb").readline() or b"{}")
    if not isinstance(antwoord.get("pid"), int) or antwoord["pid"] <= 0:
        raise OSError("het sjabloon voor warme kernels antwoordt niet")
    return antwoord["pid"]


class GevorktProces:
    """What ``subprocess.Popen`` offers jupyter_client, for a process we did not start
    ourselves: a Linux pidfd, so a reused pid can never be signalled by mistake."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self._fd: int | None = os.pidfd_open(pid)
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and self._fd is not None:
            klaar, _, _ = select.select([self._fd], [], [], 0)
            if klaar:
                self._sluit()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None and self._fd is not None:
            klaar, _, _ = select.select([self._fd], [], [], timeout)
            if not klaar:
                raise subprocess.TimeoutExpired("kernel", timeout)
            self._sluit()
        return self.returncode

    def _sluit(self) -> None:
        os.close(self._fd)
        self._fd = None
        self.returncode = 0  # the template reaps it; the exit status is not ours to read

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            signal.pidfd_send_signal(self._fd, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def _is_ipykernel(cmd: list[str]) -> bool:
    return (len(cmd) >= 3 and cmd[1:3] == ["-m", "ipykernel_launcher"]
            and Path(cmd[0]).name.startswith("python")
            and os.path.realpath(cmd[0]) == os.path.realpath(sys.executable))


def _provisioner_klasse():
    from jupyter_client.provisioning import LocalProvisioner

    class WarmeProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs: Any):
            adres = os.environ.get(ADRES_VARIABELE) if KAN_VORKEN else None
            if not adres or not _is_ipykernel(cmd):
                return await super().launch_kernel(cmd, **kwargs)
            env = {str(k): str(v) for k, v in (kwargs.get("env") or os.environ).items()}
            env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher does
            cwd = str(kwargs.get("cwd") or Path.cwd())
            env.pop(ADRES_VARIABELE, None)  # the kernel has no business with the template
            try:
                pid = vork(adres, cmd, cwd, env)
                self.process = GevorktProces(pid)
            except OSError:
                return await super().launch_kernel(cmd, **kwargs)
            self.pid = pid
            self.pgid = pid  # setsid() in the child
            self.cwd = cwd
            return self.connection_info

    return WarmeProvisioner


def _manager_klasse():
    import uuid

    from jupyter_client.manager import AsyncKernelManager

    class WarmeKernelManager(AsyncKernelManager):
        """nbclient's kernel manager, with kernels forked from the warm template."""

        async def _async_pre_start_kernel(self, **kw: Any):
            if self.provisioner is None:
                self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
                self.provisioner = _provisioner_klasse()(
                    kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
            return await super()._async_pre_start_kernel(**kw)

    return WarmeKernelManager


def __getattr__(naam: str):
    # Built on first use: importing this module (in the template) imports no jupyter_client.
    if naam == "WarmeKernelManager":
        globals()[naam] = klasse = _manager_klasse()
        return klasse
    raise AttributeError(naam)


if __name__ == "__main__":
    sjabloon(sys.argv[1])
