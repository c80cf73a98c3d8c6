"""Student text made inert as HTML, where instructors' tools render it (instructor side).

nbgrader's formgrader and feedback templates render a Markdown cell with
``markdown2html`` and no sanitiser: raw HTML, ``onerror`` attributes and ``javascript:``
links in a student's answer reach the page as they are. So every Markdown cell is turned
into HTML here (with the same renderer), cleaned by ``nh3`` (the Ammonia sanitiser) with
a short allow-list of tags and attributes, and stored back as one HTML block that the
templates' Markdown renderer passes through untouched:

- one ``<div>`` on one line (newlines become ``&#10;``): a CommonMark HTML block ends
  only at a blank line, so the renderer never parses the student's text as Markdown again;
- class ``tex2jax_ignore``: MathJax leaves the text alone (no ``\\href`` tricks);
- no ``id``, ``name``, ``class`` or ``style`` from the student (no DOM clobbering, no
  look-alike interface), links only ``http``, ``https`` and ``mailto``, no images, no
  forms, no frames.

Text that must be shown exactly as typed (a cell the student added) becomes escaped text
in a ``<pre>``. Before any of this, every text obeys the course's one set of rules for
untrusted text (:mod:`werkalliantie.leren.tekst`: no control characters, a lone surrogate
becomes U+FFFD, a cap on length), so no character can make the renderer or the sanitiser
fail.
"""

from __future__ import annotations

import re

import nh3

from werkalliantie.leren.tekst import html_tekst, leesbaar

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
    "del", "ins", "sub", "sup", "mark", "small", "blockquote", "code", "pre", "kbd", "ul",
    "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "a", "span", "div", "abbr",
}
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"},
              "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Removed with their content, not only the tags.
WEG_MET_INHOUD = {"script", "style", "template", "iframe", "object", "embed", "noscript",
                  "textarea", "select", "title", "svg", "math"}
MAX_TEKENS = 50_000  # an answer longer than this is cut for display (and flagged)


def schoon(fragment: str) -> str:
    """An HTML fragment with everything but the allow-list removed."""
    return nh3.clean(
        fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
        clean_content_tags=WEG_MET_INHOUD, strip_comments=True,
        link_rel="noopener noreferrer nofollow")


def markdown_naar_html(tekst: str) -> str:
    """Markdown rendered as nbconvert renders it, without heading anchors."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    renderer = IPythonRenderer(escape=False, exclude_anchor_links=True)
    return MarkdownWithMath(renderer=renderer).render(tekst)


def _blok(inhoud: str, klasse: str) -> str:
    """One HTML block on one line, so a Markdown renderer passes it through as it is."""
    inhoud = inhoud.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "&#10;")
    return f'<div class="tex2jax_ignore {klasse}">{inhoud}</div>'


def _begrensd(tekst: str) -> str:
    return leesbaar(tekst, MAX_TEKENS)


def markdown_als_blok(tekst: str, klasse: str = "werkalliantie-antwoord") -> str:
    """A Markdown text as inert, cleaned HTML that stays valid Markdown source."""
    try:
        weergave = markdown_naar_html(_begrensd(tekst))
    except Exception:  # a renderer failure must not show the text unescaped
        weergave = f"<pre>{html_tekst(tekst, MAX_TEKENS)}</pre>"
    return _blok(schoon(weergave), klasse)


def tekst_als_blok(kop: str, tekst: str, klasse: str = "werkalliantie-toegevoegd") -> str:
    """A heading of ours and a text shown exactly as typed, escaped, in a ``<pre>``."""
    return _blok(f"<p><strong>{html_tekst(kop)}</strong></p>"
                 f"<pre>{html_tekst(tekst, MAX_TEKENS)}</pre>", klasse)


def is_blok(bron: str) -> bool:
    """True for a source this module produced (one line, our wrapper)."""
    return bron.startswith('<div class="tex2jax_ignore ') and "\n" not in bron


_SCRIPTACHTIG = re.compile(
    r"<\s*(script|iframe|object|embed|svg|math|style|form|img|link|meta|base)\b|"
    r"\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text/html",
    re.IGNORECASE)


def lijkt_op_code(tekst: str) -> bool:
    """True when a text holds markup that a browser could run (only used for a notice;
    what is safe is decided by the allow-list in :func:`schoon`)."""
    return bool(_SCRIPTACHTIG.search(tekst))


def schone_uitvoer(uitvoer: dict) -> dict:
    """A cell output with only formats that a static page shows without running code."""
    data = uitvoer.get("data")
    if not isinstance(data, dict):
        return uitvoer
    nieuw = {}
    for soort, waarde in data.items():
        if soort == "text/plain" or soort in ("image/png", "image/jpeg"):
            nieuw[soort] = waarde
        elif soort == "text/html":
            tekst = "".join(waarde) if isinstance(waarde, list) else str(waarde)
            nieuw[soort] = schoon(tekst)
        elif soort == "text/markdown":
            tekst = "".join(waarde) if isinstance(waarde, list) else str(waarde)
            nieuw["text/html"] = schoon(markdown_naar_html(_begrensd(tekst)))
        # everything else (javascript, svg, latex, widget views, pdf) is dropped
    if not nieuw:
        nieuw["text/plain"] = "[uitvoer niet getoond]"
    uitvoer["data"] = nieuw
    return uitvoer
