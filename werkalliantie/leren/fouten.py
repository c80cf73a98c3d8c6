"""The course's one exception hierarchy.

Every error the course raises on purpose is a :class:`CursusFout`: its message is Dutch and
says what to do, for whoever can act on it (a learner, an instructor, a maintainer).
Library code raises these and never ``SystemExit``; the command line
(:mod:`werkalliantie.begeleiden.cli`) prints the message and exits with :attr:`~CursusFout.code`.
Each module declares its own subclass beside the code that raises it (``AntwoordenFout``
in the answer store, ``DataFout`` in the build wing's validation, ...); where callers
already catch a built-in error, the subclass keeps that base too.
"""

from __future__ import annotations


class CursusFout(Exception):
    """An error with a Dutch message for the person who can fix it."""

    code = 1  # the command line's exit code
