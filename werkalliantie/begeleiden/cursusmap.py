"""The course folder, as nbgrader sees it: one object that every command uses.

A course folder holds ``nbgrader_config.py``, ``source/``, the graded keys in
``sleutels/`` and what nbgrader makes (``release/``, ``submitted/``, ``autograded/``,
``feedback/``). Where each of those is, and where the gradebook is, is nbgrader's own
business: :class:`Cursusmap` loads the course's ``nbgrader_config.py`` into nbgrader's
:class:`~nbgrader.coursedir.CourseDirectory`, so the gradebook's address is whatever
``CourseDirectory.db_url`` says there (SQLite beside the config on one computer,
PostgreSQL on a shared JupyterHub), never a guessed ``gradebook.db`` path.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from werkalliantie.leren.fouten import CursusFout

CONFIG = "nbgrader_config.py"
SLEUTELMAP = "sleutels"


class CursusmapFout(CursusFout):
    """Not a course folder, or one whose settings cannot be read (Dutch message)."""


class Cursusmap:
    """The course folder ``map_`` (default: the working directory), checked."""

    def __init__(self, map_: str | Path | None = None):
        root = Path(map_ if map_ is not None else Path.cwd()).resolve()
        if not root.is_dir():
            raise CursusmapFout(f"De map {root} bestaat niet.")
        if not (root / CONFIG).is_file():
            raise CursusmapFout(
                f"In {root} staat geen {CONFIG}. Ga naar de cursusmap (bijvoorbeeld: cd "
                "exercises) of noem die map met --cursusmap.")
        self.root = root

    @classmethod
    def van(cls, map_: Cursusmap | str | Path | None) -> Cursusmap:
        """``map_`` as a Cursusmap (unchanged when it is one already)."""
        return map_ if isinstance(map_, Cursusmap) else cls(map_)

    def __repr__(self) -> str:
        return f"Cursusmap({str(self.root)!r})"

    @cached_property
    def coursedir(self):
        """nbgrader's CourseDirectory with the course's own settings."""
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config.loader import PyFileConfigLoader

        try:
            config = PyFileConfigLoader(CONFIG, path=str(self.root)).load_config()
        except Exception as fout:  # noqa: BLE001 - a broken config file: say so in Dutch
            raise CursusmapFout(f"{self.root / CONFIG} kan niet worden gelezen: {fout}") from None
        if "root" not in config.CourseDirectory:  # nbgrader's default: the working directory
            config.CourseDirectory.root = str(self.root)
        self._config = config
        return CourseDirectory(config=config)

    @property
    def uitwisselmap(self) -> Path | None:
        """nbgrader's exchange folder (``Exchange.root``), when a configuration names one (a
        JupyterHub: the course's file, or the nbgrader_config.py in Jupyter's configuration
        folders that every nbgrader command reads too); None on one computer."""
        from jupyter_core.paths import jupyter_config_path
        from traitlets.config.loader import PyFileConfigLoader

        self.coursedir  # noqa: B018 - loads the course's configuration
        exchange = self._config.get("Exchange", {})
        if "root" in exchange:
            return Path(exchange["root"])
        for map_ in jupyter_config_path():
            if not (Path(map_) / CONFIG).is_file():
                continue
            try:
                algemeen = PyFileConfigLoader(CONFIG, path=map_).load_config()
            except Exception:  # noqa: BLE001 - not ours to judge; no exchange from it
                continue
            if "root" in algemeen.get("Exchange", {}):
                return Path(algemeen.Exchange.root)
        return None

    @property
    def db_url(self) -> str:
        """The gradebook's address, from nbgrader's configuration."""
        return self.coursedir.db_url

    @contextmanager
    def cijferboek(self, maken: bool = False):
        """nbgrader's Gradebook of this course. An SQLite gradebook that does not exist yet is
        made only with ``maken`` (a command that only reads never leaves an empty one)."""
        from nbgrader.api import Gradebook
        from sqlalchemy.engine import make_url

        url = make_url(self.db_url)
        if (not maken and url.get_backend_name() == "sqlite" and url.database
                and not Path(url.database).is_file()):
            raise CursusmapFout(f"Er is nog geen cijferboek ({url.database}). Kijk eerst na.")
        with Gradebook(self.db_url) as gb:
            yield gb

    def map(self, soort: str, student: str = ".", opdracht: str = ".") -> Path:
        """One of nbgrader's folders: ``source``, ``release``, ``submitted``,
        ``autograded`` or ``feedback`` (per student and assignment where it has them)."""
        coursedir = self.coursedir
        return Path(coursedir.format_path(getattr(coursedir, f"{soort}_directory"),
                                          student, opdracht))

    @property
    def sleutels(self) -> Path:
        """The graded keys (``sleutels/``, beside nbgrader's folders, never in source/)."""
        return self.root / SLEUTELMAP

    def opdrachten(self) -> list[str]:
        """The assignments in ``source/``, sorted."""
        bron = self.map("source")
        return sorted(p.name for p in bron.iterdir() if p.is_dir()) if bron.is_dir() else []

    def inleveringen(self, opdracht: str) -> list[str]:
        """The students with a submission folder for ``opdracht`` in ``submitted/``, sorted."""
        ingeleverd = self.map("submitted")
        if not ingeleverd.is_dir():
            return []
        return sorted(p.name for p in ingeleverd.iterdir()
                      if (p / opdracht).is_dir() and not p.is_symlink())
