"""What the benchmark scripts share: running a command of the course's environment, timed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def omgeving() -> dict[str, str]:
    """This environment, with its bin folder first: ``nbgrader`` is the course's own."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def draai(*opdracht: str, map_: Path) -> float:
    """Run a command in ``map_`` (it must succeed); its wall-clock seconds."""
    begin = time.perf_counter()
    subprocess.run(opdracht, cwd=map_, env=omgeving(), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - begin
