"""The instructor's guide in the book (``book/docenten.md``) shows what this wing does: the
nbgrader steps the tests run and the limits on a submission. A Sphinx extension (named in
``_config.yml``) that adds them to the page templates of the build wing's extension
(:data:`werkalliantie.bouwen.boek.CONTEXT_EVENT`), so that the build wing imports nothing
of this one.
"""

from __future__ import annotations

from werkalliantie.begeleiden.nakijken import inlevering, stappen

CONTEXT_EVENT = "werkalliantie-sjablooncontext"  # declared by werkalliantie.bouwen.boek


def context(docname: str | None = None) -> dict:
    """What the instructor's guide renders."""
    return {
        "nbgrader_stappen": stappen.STAPPEN,
        "nbgrader_opdracht": stappen.OPDRACHT,
        "grenzen": {"notebook_mb": inlevering.MAX_NOTEBOOK_BYTES // 1_000_000,
                    "antwoorden_mb": inlevering.MAX_ANTWOORDBESTAND_BYTES // 1_000_000},
    }


def setup(app):
    app.setup_extension("werkalliantie.bouwen.boek")  # declares the event
    app.connect(CONTEXT_EVENT, lambda _app, docname: context(docname))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
