"""TEMPORARY, for the tests only (issue 11): ``werkalliantie.leren.gas`` (Kiresuk & Sherman's
T-score) is being written on another branch. Until it is on main, the tests put this folder
on PYTHONPATH (tests/conftest.py), so every process they start (kernels, nbgrader, Voilà)
finds a stand-in with the same signature. The real module always wins: this finder is
asked last. Delete this folder and the block in conftest.py once werkalliantie/gas.py exists.
"""

import importlib.abc
import importlib.util
import sys
from pathlib import Path

_VERVANGING = Path(__file__).resolve().parent / "gas_vervanging.py"


class _Gasvinder(importlib.abc.MetaPathFinder):
    def find_spec(self, naam, pad=None, doel=None):
        if naam == "werkalliantie.leren.gas":
            return importlib.util.spec_from_file_location(naam, _VERVANGING)
        return None


if not any(isinstance(v, _Gasvinder) for v in sys.meta_path):
    sys.meta_path.append(_Gasvinder())
