"""The book (and, when asked, the browser site on top of it), built for the test session in
the background: ``python tests/achtergrond.py MAP [--site]`` (tests/conftest.py starts it).

The book is built strictly into MAP (``--path-output``), starting from the jupyter-cache of
the checkout's own build (``make cursus``) when there is one: a page whose code, data and
package are unchanged is not executed again (werkalliantie.bouwen.boek empties a cache that
no longer fits, before any page runs). The site, when asked, into a copy of
the book's HTML in MAP/site/html, with the test notebooks tests/data/lite/proef.ipynb and
tests/data/elke-soort.ipynb beside the course's practice notebooks.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PROEF = ROOT / "tests" / "data" / "lite" / "proef.ipynb"
ELKE_SOORT = ROOT / "tests" / "data" / "elke-soort.ipynb"  # tests/test_browser_bediening.py


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("map", type=Path)
    parser.add_argument("--site", action="store_true")
    args = parser.parse_args()
    cache = ROOT / "_build" / ".jupyter_cache"
    if cache.is_dir():
        shutil.copytree(cache, args.map / "_build" / ".jupyter_cache")
    subprocess.run([BIN / "jupyter-book", "build", ROOT, "-W", "-n", "--keep-going",
                    "--path-output", args.map], check=True)
    (args.map / "boek-klaar").touch()
    if args.site:
        from werkalliantie.bouwen.site import oefennotebooks

        html = args.map / "site" / "html"
        shutil.copytree(args.map / "_build" / "html", html)
        subprocess.run([sys.executable, "-m", "werkalliantie.bouwen.site", "--boek", html,
                        "--werkmap", args.map / "site" / "werk", PROEF, ELKE_SOORT, *oefennotebooks()],
                       check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
