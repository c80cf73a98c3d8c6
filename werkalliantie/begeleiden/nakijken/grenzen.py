"""Every limit at the course's edges, in one place (instructor side).

What crosses into the course from outside (an LMS download, a submission folder, a class
list) is checked against these numbers and this pattern before anything is written or
copied. The instructor's guide shows them (``werkalliantie.begeleiden.handleiding``), so
what is documented is what is checked.
"""

from __future__ import annotations

import re

from werkalliantie.leren.antwoorden import MAX_BESTAND_BYTES

# --- A student id -------------------------------------------------------------------------
# A letter or digit first (so never a spreadsheet formula, never a hidden or relative
# folder), then letters, digits and . _ @ -; at most 64 characters. No spaces, no slash, no
# control character, no "+" (nbgrader's exchange separates its names with "+"), no glob
# characters (nbgrader uses the id as a file pattern).
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
STUDENT_ID_UITLEG = ("begint met een letter of cijfer, en bevat daarna alleen letters, "
                     "cijfers, punten, streepjes (- en _) en @; hooguit 64 tekens, geen "
                     "spaties")


def geldige_student_id(waarde: object) -> bool:
    """True when ``waarde`` is a student id the course accepts (:data:`STUDENT_ID`)."""
    return isinstance(waarde, str) and STUDENT_ID.fullmatch(waarde) is not None


# --- Files in a submission (also what nbgrader copies when grading) -------------------------
MAX_NOTEBOOK_BYTES = 25_000_000  # a notebook
MAX_ANTWOORDBESTAND_BYTES = MAX_BESTAND_BYTES  # antwoorden.json: the answer store's own limit
MAX_TIJDSTEMPEL_BYTES = 200  # nbgrader's timestamp.txt: one line
MAX_ANDER_BESTAND_BYTES = 25_000_000  # any other file in a submission folder


def max_bytes(naam: str) -> int:
    """The largest a file called ``naam`` in a submission may be."""
    if naam.endswith(".ipynb"):
        return MAX_NOTEBOOK_BYTES
    if naam in ("antwoorden.json", "antwoorden.vorige.json"):
        return MAX_ANTWOORDBESTAND_BYTES
    if naam in ("timestamp.txt", "submission_secret.txt"):
        return MAX_TIJDSTEMPEL_BYTES
    return MAX_ANDER_BESTAND_BYTES


# --- An LMS download (nbgrader zip_collect) ---------------------------------------------------
# Checked on the sizes the archive declares, before anything is written; while a file is
# unpacked, it may never grow past what was declared.
MAX_BESTANDEN_PER_INLEVERING = 20  # files taken for one student
MAX_BYTES_PER_INLEVERING = 60_000_000  # all files taken for one student together
MAX_ARCHIEF_BYTES = 25_000_000  # a zip file inside a student's hand-in, as stored
MAX_VERHOUDING = 100  # unpacked size / packed size, for a file of more than ...
VERHOUDING_VANAF = 1_000_000  # ... this many bytes unpacked (small files pack as they like)
MAX_BESTANDEN_DOWNLOAD = 10_000  # entries in one download
MAX_BYTES_DOWNLOAD = 4_000_000_000  # everything written from one download
MAX_NAAM_TEKENS = 255  # one part of a file name


def max_bytes_uitpakken(naam: str) -> int:
    """The largest a file called ``naam`` may be when it is taken from a download."""
    if naam.lower().endswith(".zip"):
        return MAX_ARCHIEF_BYTES
    return max_bytes(naam)


# --- Where files that may not be graded go ----------------------------------------------------
QUARANTAINE = "quarantaine"  # in the course folder: quarantaine/<student>/<opdracht>/...
