# JupyterHub voor de cursus "Werken aan de werkalliantie".
#
# Start: jupyterhub -f /pad/naar/jupyterhub_config.py (als root: de hub start de server
# van elke gebruiker als die gebruiker). De instellingen staan in hub.toml; dit bestand
# hoef je meestal niet aan te passen. LEESMIJ.md (Nederlands) en README.en.md (English)
# leggen alles uit.
#
# Zo zit het in elkaar:
# - Elke student en docent heeft een eigen Linux-account en een eigen server
#   (LocalProcessSpawner). Niemand leest de thuismap van een ander.
# - De cursus heeft een eigen Linux-account (cursus.account). De hub start voor dat account
#   de "cursusserver": JupyterLab met de formgrader, in de cursusmap. Alleen docenten
#   (hubgroep formgrade-werkalliantie) kunnen die server openen.
# - Studenten halen opdrachten op en leveren in via de uitwisselmap van nbgrader. De naam
#   van de cursus staat in de paden (Exchange.path_includes_course).
# - Het cijferboek staat in PostgreSQL. Het wachtwoord staat alleen in ~/.pgpass van het
#   cursusaccount.

import os
import tomllib
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub geeft get_config mee)

HIER = Path(__file__).resolve().parent
INSTELLINGEN = Path(os.environ.get("WERKALLIANTIE_HUB_INSTELLINGEN", HIER / "hub.toml"))
with INSTELLINGEN.open("rb") as f:
    inst = tomllib.load(f)
cursus = inst["cursus"]
poorten = inst.get("poorten", {})

# De naam van de cursus: gelijk aan course_id in nbgrader_config.py van de cursusmap.
CURSUS = "werkalliantie"
STUDENTEN = f"nbgrader-{CURSUS}"  # hubgroep van de studenten (nbgrader vult haar)
DOCENTEN = f"formgrade-{CURSUS}"  # hubgroep van de docenten
OMGEVING = Path(inst["omgeving"])
HUBMAP = Path(inst["hubmap"])
# Instellingen van Jupyter voor iedereen (uitwisselmap, nbgrader-menu's) en extra voor de
# cursusserver (de formgrader). Ze staan naast dit bestand.
JUPYTER_ALLEN = HIER / "jupyter"
JUPYTER_CURSUS = HIER / "jupyter-cursus"

# --- De hub ---------------------------------------------------------------------------------
c.JupyterHub.bind_url = inst["adres"]
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{poorten.get('hub', 8081)}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{poorten.get('proxy_api', 8001)}"
c.ConfigurableHTTPProxy.command = [inst["proxy"]]
c.ConfigurableHTTPProxy.pid_file = str(HUBMAP / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{HUBMAP / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(HUBMAP / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(HUBMAP / "jupyterhub.pid")

# --- Inloggen -----------------------------------------------------------------------------
# Standaard: de Linux-accounts van deze computer (PAM). Alleen wie in de toegangsgroep zit,
# komt binnen. Een andere manier van inloggen (LDAP, SURFconext)? Zie LEESMIJ.md.
c.JupyterHub.authenticator_class = "pam"
c.LocalAuthenticator.allowed_groups = {inst["toegangsgroep"]}

# --- De server van elke gebruiker ------------------------------------------------------------
PATH = f"{OMGEVING / 'bin'}:/usr/local/bin:/usr/bin:/bin"
GEDEELD = {
    "PATH": PATH,  # nbgrader start alembic als programma
    "JUPYTER_CONFIG_PATH": str(JUPYTER_ALLEN),
    "WERKALLIANTIE_UITWISSELMAP": cursus["uitwisselmap"],
}
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(OMGEVING / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.environment = dict(GEDEELD)
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 120

# --- De cursusserver: JupyterLab met de formgrader, als het cursusaccount -------------------
c.JupyterHub.services = [
    {
        "name": CURSUS,
        "display": True,
        "url": f"http://127.0.0.1:{poorten.get('cursusserver', 9999)}",
        "command": [str(OMGEVING / "bin" / "jupyterhub-singleuser")],
        "user": cursus["account"],
        "cwd": cursus["map"],
        "oauth_no_confirm": True,
        "environment": {
            **GEDEELD,
            # Eerst de cursusserver (formgrader aan), dan wat voor iedereen geldt.
            "JUPYTER_CONFIG_PATH": f"{JUPYTER_CURSUS}:{JUPYTER_ALLEN}",
            "JUPYTERHUB_DEFAULT_URL": "/lab",
            # Het adres van het cijferboek, zonder wachtwoord (dat staat in ~/.pgpass).
            # nbgrader_config.py in de cursusmap leest het.
            "WERKALLIANTIE_CIJFERBOEK": cursus["cijferboek"],
        },
    },
]

# --- Groepen en rechten ----------------------------------------------------------------------
c.JupyterHub.load_groups = {
    # Het cursusaccount hoort er ook bij: nbgrader in de cursusserver vraagt de hub welke
    # cursussen bij "zijn" gebruiker horen. Inloggen kan het account niet (geen wachtwoord,
    # niet in de toegangsgroep).
    DOCENTEN: {"users": [*cursus.get("docenten", []), cursus["account"]]},
    # Studenten komen in deze groep als een docent ze aan het cijferboek toevoegt
    # (nbgrader db student import, of de formgrader).
    STUDENTEN: {"users": []},
}
c.JupyterHub.load_roles = [
    {
        "name": f"docent-{CURSUS}",
        "description": "Docenten openen de cursusserver met de formgrader.",
        "groups": [DOCENTEN],
        "scopes": [f"access:services!service={CURSUS}"],
    },
    {
        "name": f"cursusserver-{CURSUS}",
        "description": "De cursusserver zet studenten in de cursusgroep.",
        "services": [CURSUS],
        "scopes": [f"groups!group={STUDENTEN}", f"read:users:groups!user={cursus['account']}"],
    },
    {
        # nbgrader in de server van een student leest in welke cursusgroepen die zit.
        "name": "server",
        "scopes": ["users:activity!user", "access:servers!server", "read:users:groups!user"],
    },
]
