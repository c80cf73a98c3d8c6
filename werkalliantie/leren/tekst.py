"""Text from a learner, made safe to show: one set of rules, used wherever such text is
shown (widgets, progress page, grading report, feedback, the trainer's overview).

- :func:`leesbaar`: plain text. Control characters that can hide or garble text in a
  terminal, a notebook or a page are removed (C0 but tab and newline, C1, the
  bidirectional overrides), a lone surrogate (half an emoji, not valid Unicode) becomes
  U+FFFD, and the length is capped with a visible marker.
- :func:`html_tekst`: the same text, escaped for HTML (quotes too: safe in attributes).

Untrusted text is never shown any other way. Formatting that a grader may see (Markdown in
an open answer) is sanitised on the instructor's side (``begeleiden.nakijken.onschadelijk``),
after these rules.
"""

from __future__ import annotations

import html
import re

STUURTEKENS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LOSSE_SURROGAAT = re.compile("[\ud800-\udfff]")
MAX_TEKENS = 2000  # a line of feedback or a summary; callers showing whole answers pass more
AFGEKAPT = " [… de rest is weggelaten: te lang om te tonen]"


def leesbaar(tekst: object, max_tekens: int = MAX_TEKENS) -> str:
    """``tekst`` as plain text that may be shown (see the module's rules)."""
    schoon = STUURTEKENS.sub("", LOSSE_SURROGAAT.sub("\ufffd", str(tekst)))
    return schoon if len(schoon) <= max_tekens else schoon[:max_tekens] + AFGEKAPT


def html_tekst(tekst: object, max_tekens: int = MAX_TEKENS) -> str:
    """``tekst`` as escaped HTML, after :func:`leesbaar`."""
    return html.escape(leesbaar(tekst, max_tekens), quote=True)
