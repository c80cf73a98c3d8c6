"""Sphinx extension for the course book.

Case pages (``book/casussen/<id>.md``), and every page whose front matter says
``sjabloon: true``, are Jinja templates: facts come from the one place they are written
(a case's data file, a question's definition), so nothing is written twice. Every page
notes the data files and the package as dependencies, so a change there rebuilds (and
re-executes) the pages that could show it, instead of leaving stale text or outputs.
"""

from __future__ import annotations

import functools
import html
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2
import pybtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.template import (
    first_of, join, names, optional, optional_field, sentence, tag, words)
from pybtex.style.template import field as veld
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinx.errors import ExtensionError
from sphinx.writers.html5 import HTML5Translator

from werkalliantie import casussen, opdrachten

PAKKET = Path(__file__).resolve().parent
DATA = PAKKET.parent / "data"
CASUSPAGINAS = "book/casussen/"
# The widget manager and require.js, installed from the npm registry (package.json) and
# served from the book itself: a CDN is not reachable for every reader.
WIDGETMAP = "_widgets"
# The in-browser practice area, built beside the book by `make site` (site/bouw_site.py):
# one page per practice notebook, _build/html/oefenen/<notebook>.html.
OEFENMAP = "oefenen"
NOTEBOOKS = PAKKET.parent / "notebooks"
# html-manager's dist also holds other builds of the same manager that the book never loads
# (it loads require.js and embed-amd.js, which references only the font files): ~8 MB less.
WIDGETS_ONGEBRUIKT = ("libembed-amd.js", "embed.js", "*.embed.js")
WIDGETBRONNEN = {
    "node_modules/requirejs/require.js": "require.js",
    "node_modules/@jupyter-widgets/html-manager/dist": "",
}


@cache  # once per build, not once per page
def _afhankelijkheden() -> tuple[Path, ...]:
    return tuple(sorted([*PAKKET.rglob("*.py"), *PAKKET.rglob("*.yaml"), *DATA.rglob("*.*")]))


def _is_sjabloon(docname: str, tekst: str) -> bool:
    if docname.startswith(CASUSPAGINAS):
        return True
    if not tekst.startswith("---"):
        return False
    voorwerk = tekst[3:].split("\n---", 1)[0]
    return any(r.strip().replace(" ", "") == "sjabloon:true" for r in voorwerk.splitlines())


def oefenlink(docname: str, naam: str | None = None) -> str:
    """The relative link from a book page to its exercise in the in-browser practice area
    (``naam``: the practice notebook's name without .ipynb), or to its overview."""
    omhoog = "../" * docname.count("/")
    if naam is None:
        return f"{omhoog}{OEFENMAP}/index.html"
    if not (NOTEBOOKS / f"{naam}.ipynb").is_file():
        raise ExtensionError(f"{docname}: de oefening {naam!r} bestaat niet "
                             f"(verwacht: notebooks/{naam}.ipynb).")
    return f"{omhoog}{OEFENMAP}/{naam}.html"


def oefenknop(docname: str, naam: str | None = None) -> str:
    """A paragraph with the link "Oefen nu in je browser", as raw HTML for a Markdown page
    (a Markdown link to a file outside the book would be a broken cross-reference)."""
    tekst = "Oefen nu in je browser" if naam else "Naar de oefeningen in je browser"
    return (f'<p class="oefenknop"><a href="{html.escape(oefenlink(docname, naam))}">'
            f"<strong>{tekst}</strong></a></p>")


def sjablooncontext(docname: str) -> dict:
    """What a page template can use. Add here what a new kind of page needs."""
    context = {
        "casussen": casussen.alle_casussen(),
        # {{ oefenknop("denise-werkalliantie") }} on its own line: the link to that
        # exercise in the browser; {{ oefenknop() }}: to the overview; oefenlink(...) the URL.
        "oefenknop": functools.partial(oefenknop, docname),
        "oefenlink": functools.partial(oefenlink, docname),
    }
    if docname.startswith(CASUSPAGINAS):
        context["casus"] = casussen.laad_casus(docname.removeprefix(CASUSPAGINAS))
    # The instructor's guide: the nbgrader steps the tests run, the grading rule, points.
    context.update(opdrachten.boekcontext())
    return context


def _render_sjabloon(app, docname: str, source: list[str]) -> None:
    sjablonen = Path(app.srcdir) / "book" / "_templates"
    omgeving = jinja2.Environment(
        loader=jinja2.FileSystemLoader(sjablonen),
        undefined=jinja2.StrictUndefined,  # a typo in a page fails the build
        keep_trailing_newline=True,
    )
    source[0] = omgeving.from_string(source[0]).render(**sjablooncontext(docname))


def _bij_lezen(app, docname: str, source: list[str]) -> None:
    for pad in _afhankelijkheden():
        app.env.note_dependency(str(pad))
    if _is_sjabloon(docname, source[0]):
        _render_sjabloon(app, docname, source)


def _kopieer_widgetscripts(app, uitzondering) -> None:
    if uitzondering is not None or app.builder.format != "html":
        return
    doel = Path(app.outdir) / WIDGETMAP
    for bron, naam in WIDGETBRONNEN.items():
        bron = Path(app.confdir) / bron
        if not bron.exists():
            raise ExtensionError(
                f"{bron} ontbreekt: installeer de scripts voor de widgets met 'npm ci' "
                "(of 'make cursus').")
        if bron.is_dir():
            shutil.copytree(bron, doel, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("*.map", "*.md", *WIDGETS_ONGEBRUIKT))
        else:
            doel.mkdir(parents=True, exist_ok=True)
            shutil.copy2(bron, doel / naam)


class Vertaler(HTML5Translator):
    """Sphinx's HTML writer with one accessibility fix.

    docutils gives each bibliography entry role="doc-biblioentry" inside a role="list";
    ARIA 1.2 deprecates that role and requires listitems there (axe: aria-required-children,
    critical). The theme mixes its own additions into this class as usual.
    """

    def visit_citation(self, node):
        if not isinstance(node.previous_sibling(), type(node)):
            self.body.append('<div role="list" class="citation-list">\n')
        self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def _zonder_thebe(app, pagename, templatename, context, doctree) -> None:
    """Drop sphinx-thebe's scripts: the book has no live code cells (launch_buttons.thebe
    is off), and sphinx-thebe adds its config script twice, which throws a JavaScript
    error on every page ("THEBE_JS_URL has already been declared")."""
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [
            js for js in scripts
            if "THEBE_JS_URL" not in str(getattr(js, "attributes", {}).get("body", ""))
            and "sphinx-thebe" not in str(js)]


@dataclass
class AuteurJaar(AuthorYearReferenceStyle):
    """Author-year citations in Dutch: "Pijnenburg en Van Hattum", "Bool e.a."."""

    person: PersonStyle = field(default_factory=lambda: PersonStyle(
        sep2=" en ", last_sep=" en ", other=Text(" e.a.")))


class Bronnenlijst(PlainStyle):
    """pybtex's plain bibliography style in Dutch: "en", "red.", "Rapport", and titles
    kept as written (plain lowercases them, which mangles Dutch names like "Ede")."""

    def format_names(self, role, as_sentence=True):
        namen = names(role, sep=", ", sep2=" en ", last_sep=" en ")
        return sentence[namen] if as_sentence else namen

    def format_title(self, e, which_field, as_sentence=True):
        return sentence[veld(which_field)] if as_sentence else veld(which_field)

    def format_editor(self, e, as_sentence=True):
        redactie = join(sep=" ")[self.format_names("editor", as_sentence=False), "(red.)"]
        return sentence[redactie] if as_sentence else redactie

    def get_article_template(self, e):
        jaargang = first_of[
            optional[join[veld("volume"), optional["(", veld("number"), ")"], ":", pages]],
            words["p.", pages],
        ]
        return toplevel[
            self.format_names("author"), self.format_title(e, "title"),
            sentence[tag("em")[veld("journal")], optional[jaargang], self.format_jaar()],
            sentence[optional_field("note")], self.format_web_refs(e)]

    def _scriptie(self, e, soort, instelling):
        return toplevel[
            sentence[self.format_names("author")], self.format_title(e, "title"),
            sentence[first_of[optional_field("type"), soort], veld(instelling),
                     optional_field("address"), self.format_jaar()],
            sentence[optional_field("note")], self.format_web_refs(e)]

    def get_techreport_template(self, e):
        return self._scriptie(e, "Rapport", "institution")

    def get_phdthesis_template(self, e):
        return self._scriptie(e, "Proefschrift", "school")

    @staticmethod
    def format_jaar():
        return veld("year")


def setup(app):
    pybtex.plugin.register_plugin("pybtex.style.formatting", "bronnenlijst", Bronnenlijst)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "auteur_jaar", AuteurJaar)
    app.connect("html-page-context", _zonder_thebe)
    app.set_translator("html", Vertaler, override=True)
    app.connect("source-read", _bij_lezen)
    app.connect("build-finished", _kopieer_widgetscripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
