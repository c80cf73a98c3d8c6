"""Quick checks of deploy/hub/ that need no root and start nothing (issue 15).

The whole hub runs in tests/test_hub.py (root, Linux); these read the configuration files
as JupyterHub and nbgrader read them.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from traitlets.config.loader import PyFileConfigLoader

from conftest import ROOT

DEPLOY = ROOT / "deploy" / "hub"


def _hubconfig(monkeypatch, instellingen=DEPLOY / "hub.toml"):
    monkeypatch.setenv("WERKALLIANTIE_HUB_INSTELLINGEN", str(instellingen))
    return PyFileConfigLoader("jupyterhub_config.py", path=str(DEPLOY)).load_config()


def test_voorbeeldinstellingen_zonder_geheim():
    inst = tomllib.loads((DEPLOY / "hub.toml").read_text(encoding="utf-8"))
    url = urlsplit(inst["cursus"]["cijferboek"])
    assert url.scheme == "postgresql+psycopg"  # the pinned driver, named
    assert url.password is None


def test_hubconfig_leest_de_instellingen(monkeypatch):
    c = _hubconfig(monkeypatch)
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.LocalAuthenticator.allowed_groups == {"werkalliantie"}
    assert c.Spawner.cmd == ["/opt/werkalliantie/venv/bin/jupyterhub-singleuser"]
    [dienst] = c.JupyterHub.services
    assert dienst["name"] == "werkalliantie" and dienst["user"] == "grader-werkalliantie"
    assert dienst["cwd"] == "/home/grader-werkalliantie/werkalliantie"
    assert dienst["environment"]["WERKALLIANTIE_CIJFERBOEK"].startswith("postgresql+psycopg://")
    assert "api_token" not in dienst  # the hub makes one at start
    # The course account is in the instructors' group (nbgrader asks the hub for its
    # courses); students come into the course group through nbgrader.
    assert c.JupyterHub.load_groups["formgrade-werkalliantie"]["users"] == [
        "grader-werkalliantie"]
    assert c.JupyterHub.load_groups["nbgrader-werkalliantie"]["users"] == []
    rollen = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert rollen["docent-werkalliantie"]["scopes"] == ["access:services!service=werkalliantie"]
    assert "read:users:groups!user" in rollen["server"]["scopes"]


def _hubomgeving_pad(checkout: Path, *variabelen: str) -> Path:
    """Where `make hubomgeving` puts the hub's environment for a checkout at ``checkout``,
    as make itself says (no HUBOMGEVING from a `make test` around this test)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("HUBOMGEVING", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    uit = subprocess.run(["make", "-s", "--no-print-directory", "-C", str(checkout), "-f",
                          str(ROOT / "Makefile"), "hubomgeving-pad", *variabelen],
                         capture_output=True, text=True, env=env, check=True)
    return Path(uit.stdout.strip())


@pytest.mark.skipif(not shutil.which("make"), reason="make ontbreekt")
def test_hubomgeving_buiten_de_checkout_en_een_per_checkout(tmp_path):
    """The hub's environment lies outside the checkout (which may be root's only), and
    two checkouts never share one."""
    een, twee = tmp_path / "a" / "cursus", tmp_path / "b" / "cursus"
    een.mkdir(parents=True)
    twee.mkdir(parents=True)
    paden = _hubomgeving_pad(een), _hubomgeving_pad(twee)
    assert paden[0] != paden[1]
    for pad in paden:
        assert pad.parent == Path("/opt/werkalliantie-hub") and pad.name.startswith("cursus-")
    assert _hubomgeving_pad(een, "HUBOMGEVING=/srv/hub/venv") == Path("/srv/hub/venv")


def test_de_handleiding_bouwt_de_omgeving_die_de_hub_start():
    """The guide's `make hubomgeving HUBOMGEVING=...` is the place hub.toml and the systemd
    service name."""
    omgeving = tomllib.loads((DEPLOY / "hub.toml").read_text(encoding="utf-8"))["omgeving"]
    for gids in ("LEESMIJ.md", "README.en.md"):
        tekst = (DEPLOY / gids).read_text(encoding="utf-8")
        assert re.findall(r"make hubomgeving HUBOMGEVING=(\S+)", tekst) == [omgeving], gids
    dienst = (DEPLOY / "werkalliantie-hub.service").read_text(encoding="utf-8")
    assert f"ExecStart={omgeving}/bin/jupyterhub " in dienst


def test_nbgrader_op_de_hub_zet_de_cursus_in_de_paden(monkeypatch):
    monkeypatch.setenv("WERKALLIANTIE_UITWISSELMAP", "/srv/uitwisseling")
    c = PyFileConfigLoader("nbgrader_config.py", path=str(DEPLOY / "jupyter")).load_config()
    assert c.Exchange.path_includes_course is True
    assert c.Exchange.root == "/srv/uitwisseling"
    assert c.Authenticator.plugin_class.__name__ == "JupyterHubAuthPlugin"


def test_cursusmap_kiest_het_cijferboek_van_de_hub(monkeypatch):
    monkeypatch.setenv("WERKALLIANTIE_CIJFERBOEK", "postgresql+psycopg://werkalliantie@db/wa")
    c = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT / "exercises")).load_config()
    assert c.CourseDirectory.db_url == "postgresql+psycopg://werkalliantie@db/wa"


def test_formgrader_alleen_in_de_cursusserver():
    def uit(map_):
        server = json.loads((map_ / "jupyter_server_config.d" / "werkalliantie.json").read_text())
        lab = json.loads((map_ / "labconfig" / "page_config.json").read_text())
        aan = server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"]
        return aan, lab["disabledExtensions"]["@jupyter/nbgrader:formgrader"]
    assert uit(DEPLOY / "jupyter") == (False, True)
    assert uit(DEPLOY / "jupyter-cursus") == (True, False)


def test_jupyterlab_standaard_in_het_nederlands():
    instellingen = json.loads((DEPLOY / "jupyterlab" / "werkalliantie.json").read_text())
    assert instellingen["@jupyterlab/translation-extension:plugin"]["locale"] == "nl_NL"


def _klas_toevoegen():
    spec = importlib.util.spec_from_file_location("klas_toevoegen", DEPLOY / "klas_toevoegen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_klaslijst_met_een_ongeldige_naam_verandert_niets(tmp_path):
    lijst = tmp_path / "klas.csv"
    with lijst.open("w", newline="") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["id", "first_name", "last_name", "email"])
        schrijver.writerow(["s1234567", "Sam", "Jansen", ""])
        schrijver.writerow(["root;rm -rf /", "Kwaad", "Opzet", ""])
        schrijver.writerow(["Hoofdletter", "Hoofd", "Letter", ""])
    with pytest.raises(SystemExit) as fout:
        _klas_toevoegen().lees_klas(lijst)
    melding = str(fout.value)
    assert "Niets gedaan" in melding and "regel 3" in melding and "regel 4" in melding
    assert "regel 2" not in melding


def test_klaslijst_naam_in_het_commentaarveld_zonder_scheidingstekens():
    regel = {"id": "s1", "first_name": "An:na", "last_name": "de Vries,\nJr"}
    assert _klas_toevoegen()._commentaar(regel) == "An na de Vries  Jr"
