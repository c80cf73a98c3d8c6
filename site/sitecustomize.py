"""Python in the browser site (added to Pyodide's standard library by werkalliantie/bouwen/site.py).

Nothing is imported from the learner's drive. JupyterLite's kernel works in ``/drive`` (the
browser's storage, where ``antwoorden.json`` lives) with ``''`` first on ``sys.path``, so
Python asked the drive, through the service worker, about every module it imported: some
ninety requests while the kernel started, seconds on a busy computer (issue 22). This finder
answers for that folder at once that it holds no module. It also keeps a file the learner
loads into the drive from ever shadowing a module of the course.
"""

import sys

DRIVE = "/drive"  # jupyterlite-pyodide-kernel's mount point


class GeenModulesUitDeDrive:
    """The path entry finder for the drive: it finds nothing, and keeps nothing to forget."""

    def find_spec(self, fullname, target=None):
        return None

    def invalidate_caches(self):
        pass


sys.path_importer_cache[DRIVE] = GeenModulesUitDeDrive()
