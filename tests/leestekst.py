"""What a learner reads or hears, checked for leftovers (issue 22): raw Markdown marks and
English words of JupyterLab's interface.

Two sources: the HTML files of the built site (their visible text and the attributes a
screen reader reads: ``aria-label``, ``title``, ``alt``, ``placeholder``), and, in a
browser, a page's and its exercise frame's rendered text plus every name in Chrome's
accessibility tree (what a screen reader says, landmarks included).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Raw Markdown: emphasis and strong marks around a word, code marks, a link in Markdown's
# form, a heading mark at the start of a line.
MARKDOWN = re.compile(
    r"\*\*\S|\S\*\*|(?<![\w*])\*(?=[^\s*])[^*\n]{1,80}(?<=[^\s*])\*(?![\w*])"
    r"|(?<!\w)__\S|\S__(?!\w)|`|\[[^\]\n]+\]\([^)\s]+\)|^\s*#{1,6} ", re.MULTILINE)
# English interface words of JupyterLab and its menus, and of the book's theme (its buttons,
# landmarks and links beside headings); case-sensitive, whole words. Not in the list: words
# Dutch uses itself ("notebook", "download", "help", "menu", "open", "index") and the
# names of keys ("Ctrl", "Page Down").
ENGELS = re.compile(
    r"\b(Run|Runs|Running|Cell|Cells|Kernel|Kernels|Console|Consoles|Restart|Interrupt|Clear|"
    r"Shut ?[Dd]own|Launcher|Loading|Save|Saving|Settings|Undo|Redo|Paste|Copy|Copied|Cut|Edit|"
    r"View|File|Files|Tabs|Close|Untitled|Python 3|main area content|Skip to|Back to top|Search|"
    r"Searching|Toggle|Color mode|Light|Dark|Main|Page(?! Up| Down)|Contents|On this page|"
    r"previous page|next page|Link to this|Version warning|Site navigation|Announcement|"
    r"Breadcrumb)\b")


def fouten(tekst: str) -> list[str]:
    """The Markdown marks and English words in ``tekst``, each with a little context."""
    uit = []
    for soort, patroon in (("Markdown", MARKDOWN), ("Engels", ENGELS)):
        for m in patroon.finditer(tekst):
            begin, eind = max(0, m.start() - 30), min(len(tekst), m.end() + 30)
            uit.append(f"{soort} {m.group(0).strip()!r}: …{tekst[begin:eind]!r}…")
    return uit


class _Zichtbaar(HTMLParser):
    ONZICHTBAAR = {"script", "style", "template", "noscript", "svg"}
    ATTRIBUTEN = {"aria-label", "title", "alt", "placeholder"}
    LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stukken: list[str] = []
        self._weg = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        verborgen = "hidden" in attrs or attrs.get("aria-hidden") == "true"
        if tag not in self.LEEG and (tag in self.ONZICHTBAAR or verborgen or self._weg):
            self._weg += 1
        if not self._weg or tag in self.LEEG and not verborgen:
            self.stukken += [v for k, v in attrs.items() if k in self.ATTRIBUTEN and v]

    def handle_endtag(self, tag):
        if self._weg and tag not in self.LEEG:
            self._weg -= 1

    def handle_data(self, data):
        if not self._weg:
            self.stukken.append(data)


def html_tekst(html: str) -> str:
    """The visible text and the read attributes of an HTML file, one piece a line."""
    lezer = _Zichtbaar()
    lezer.feed(html)
    return "\n".join(s.strip() for s in lezer.stukken if s.strip())


def ax_namen(pagina, frame_id: str | None = None) -> list[str]:
    """Every name in Chrome's accessibility tree of the page (or of one frame)."""
    cdp = pagina.context.new_cdp_session(pagina)
    try:
        params = {"frameId": frame_id} if frame_id else {}
        knopen = cdp.send("Accessibility.getFullAXTree", params)["nodes"]
    finally:
        cdp.detach()
    return [k["name"]["value"] for k in knopen
            if not k.get("ignored") and (k.get("name") or {}).get("value")]


def frame_id(pagina, url: str) -> str:
    cdp = pagina.context.new_cdp_session(pagina)
    try:
        def frames(boom):
            yield boom["frame"]
            for kind in boom.get("childFrames", []):
                yield from frames(kind)

        return next(f["id"] for f in frames(cdp.send("Page.getFrameTree")["frameTree"])
                    if f["url"] == url)
    finally:
        cdp.detach()


def pagina_tekst(pagina, frame=None) -> str:
    """What a learner sees and hears on a page with an exercise frame: the rendered text of
    both and every name in both accessibility trees."""
    delen = [pagina.inner_text("body"), *ax_namen(pagina)]
    if frame is not None:
        delen += [frame.inner_text("body"), *ax_namen(pagina, frame_id(pagina, frame.url))]
    return "\n".join(delen)
