# nbgrader in de server van elke gebruiker op de hub (studenten, docenten, cursusserver).
# De hub zet deze map vooraan in JUPYTER_CONFIG_PATH. Hier staat geen geheim.
import os

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # noqa: F821 (nbgrader geeft get_config mee)

# De uitwisselmap: de hub geeft haar plek mee (hub.toml, cursus.uitwisselmap).
c.Exchange.root = os.environ.get("WERKALLIANTIE_UITWISSELMAP", "/srv/nbgrader/exchange")
# De naam van de cursus staat in de paden: ~/werkalliantie/<opdracht>/ bij de student.
c.Exchange.path_includes_course = True
# Welke cursussen iemand volgt, leest nbgrader uit de groepen van de hub
# (nbgrader-<cursus> voor studenten, formgrade-<cursus> voor docenten).
c.Authenticator.plugin_class = JupyterHubAuthPlugin
