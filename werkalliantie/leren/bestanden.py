"""Writing a file so that a reader never sees half of it: one way, used by the answer store,
the data bundle, the graded keys prepared for grading and the grading report.

The text goes to a temporary file beside the target (``.<naam>.<random>.tmp``), is flushed
to disk, and replaces the target in one rename; a failure removes the temporary file and
leaves the old one as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def schrijf_atomisch(pad: Path, inhoud: bytes | str, *, voorvoegsel: str | None = None,
                     modus: int | None = None) -> None:
    """Replace ``pad`` by ``inhoud`` (text is written as UTF-8) in one step. ``voorvoegsel``:
    the temporary file's name starts with it (default ``.<naam>.``); ``modus``: its
    permissions (mkstemp makes it private)."""
    pad = Path(pad)
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
    fd, tijdelijk = tempfile.mkstemp(prefix=voorvoegsel or f".{pad.name}.", suffix=".tmp",
                                     dir=pad.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if modus is not None:
            os.chmod(tijdelijk, modus)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable where we can
        try:
            map_fd = os.open(pad.parent, os.O_DIRECTORY)
            try:
                os.fsync(map_fd)
            finally:
                os.close(map_fd)
        except OSError:  # the file is in place; some file systems cannot fsync a folder
            pass
