"""The instructor's guide in the book (``book/docenten.md``) shows what this wing does: the
nbgrader steps the tests run and the limits on a submission. A Sphinx extension (named in
``_config.yml``) that adds them to the page templates of the build wing's extension
(:data:`werkalliantie.bouwen.boek.CONTEXT_EVENT`), so that the build wing imports nothing
of this one.
"""

from __future__ import annotations

from werkalliantie.begeleiden.nakijken import grenzen, inlevering, rapport, stappen

CONTEXT_EVENT = "werkalliantie-sjablooncontext"  # declared by werkalliantie.bouwen.boek


def context(docname: str | None = None) -> dict:
    """What the instructor's guide renders."""
    return {
        "nbgrader_stappen": stappen.STAPPEN,
        "nbgrader_opdracht": stappen.OPDRACHT,
        "grenzen": {"notebook_mb": inlevering.MAX_NOTEBOOK_BYTES // 1_000_000,
                    "antwoorden_mb": inlevering.MAX_ANTWOORDBESTAND_BYTES // 1_000_000,
                    "ander_mb": grenzen.MAX_ANDER_BESTAND_BYTES // 1_000_000,
                    "archief_mb": grenzen.MAX_ARCHIEF_BYTES // 1_000_000,
                    "per_inlevering_bestanden": grenzen.MAX_BESTANDEN_PER_INLEVERING,
                    "per_inlevering_mb": grenzen.MAX_BYTES_PER_INLEVERING // 1_000_000,
                    "verhouding": grenzen.MAX_VERHOUDING,
                    "verhouding_vanaf_mb": grenzen.VERHOUDING_VANAF // 1_000_000,
                    "download_bestanden": grenzen.MAX_BESTANDEN_DOWNLOAD,
                    "download_gb": grenzen.MAX_BYTES_DOWNLOAD // 1_000_000_000,
                    "naam_tekens": grenzen.MAX_NAAM_TEKENS,
                    "quarantaine": grenzen.QUARANTAINE,
                    "student_id": grenzen.STUDENT_ID.pattern,
                    "min_woorden": rapport.MIN_WOORDEN},
    }


def setup(app):
    app.setup_extension("werkalliantie.bouwen.boek")  # declares the event
    app.connect(CONTEXT_EVENT, lambda _app, docname: context(docname))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
