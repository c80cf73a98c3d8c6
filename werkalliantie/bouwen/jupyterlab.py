"""The course's JupyterLab settings (``overrides.json``), for students and instructors.

``python -m werkalliantie.bouwen.jupyterlab [MAP]`` writes them into ``MAP/overrides.json``
(default: this environment's ``share/jupyter/lab/settings/``), merged with what is there.
``make omgeving`` runs it; the hub's set-up and the browser tests use :func:`overrides`.

- **Keys reach the exercise.** In a notebook's command mode, JupyterLab binds single keys
  to cell commands (arrow keys move between cells, 1 to 6 make a heading, Enter edits a
  cell) for every focused element that is not a text field, so a drop-down list or a
  button in an exercise never sees them: a learner could not choose a score with the
  keyboard. Each such shortcut is kept, but not for elements inside a cell's output.
- **One thread for widget messages.** JupyterLab 4.6 with ipykernel 7 handles widget
  messages on kernel subshell threads by default; the course's widgets are written for
  one thread (``werkalliantie/widgets/slagboom.py``).
- **Dutch** as the interface language (``jupyterlab-language-pack-nl-nl``).
- **Every cell on the page.** JupyterLab 4.6 skips rendering the cells outside the window
  (``windowingMode``); Chrome then leaves their controls out of its accessibility tree, so
  a screen reader could not reach the exercises further down (issue 22).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SNELTOETSEN = "@jupyterlab/shortcuts-extension:shortcuts"
NIET_IN_UITVOER = ":not(.jp-OutputArea-output *)"


def _standaard_sneltoetsen() -> list[dict]:
    """The notebook's default shortcuts, from the schema JupyterLab installed."""
    pad = (Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas" / "@jupyterlab"
           / "notebook-extension" / "tracker.json")
    return json.loads(pad.read_text(encoding="utf-8")).get("jupyter.lab.shortcuts", [])


def overrides() -> dict:
    sneltoetsen = []
    for s in _standaard_sneltoetsen():
        if not s["selector"].endswith(":focus") or not s.get("keys"):
            continue
        sneltoetsen.append({"command": s["command"], "keys": s["keys"],
                            "selector": s["selector"], "disabled": True})
        sneltoetsen.append({"command": s["command"], "keys": s["keys"],
                            "selector": s["selector"] + NIET_IN_UITVOER})
    return {
        SNELTOETSEN: {"shortcuts": sneltoetsen},
        "@jupyterlab/apputils-extension:kernels-settings": {"commsOverSubshells": "disabled"},
        "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
        "@jupyterlab/translation-extension:plugin": {"locale": "nl_NL"},
    }


def schrijf(map_: Path, extra: dict | None = None) -> Path:
    """Merge the course's settings (and ``extra``) into ``map_/overrides.json``."""
    pad = Path(map_) / "overrides.json"
    huidig = json.loads(pad.read_text(encoding="utf-8")) if pad.exists() else {}
    for plugin, instellingen in {**overrides(), **(extra or {})}.items():
        huidig[plugin] = {**huidig.get(plugin, {}), **instellingen}
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(json.dumps(huidig, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return pad


if __name__ == "__main__":
    doel = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    print(f"Instellingen voor JupyterLab: {schrijf(doel)}")
