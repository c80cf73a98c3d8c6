"""Builds the package's data bundle into every wheel (see werkalliantie/bouw).

The course's data is written once, in data/ (YAML). When a wheel is built, this validates
it and writes the JSON bundle into the wheel's copy of the package, so a non-editable
install works anywhere, and the learner's side needs no YAML parser or validator.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HIER = Path(__file__).resolve().parent


class BouwGegevens(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads the bundle from the checkout
            return
        sys.path.insert(0, str(HIER))
        from werkalliantie.bouwen.bundel import bouw

        bouw(HIER / "data", Path(self.build_lib) / "werkalliantie" / "leren" / "_bundel")


setup(cmdclass={"build_py": BouwGegevens})
