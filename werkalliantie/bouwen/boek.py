"""Sphinx extension for the course book.

Case pages (``book/casussen/<id>.md``), and every page whose front matter says
``sjabloon: true``, are Jinja templates: facts come from the one place they are written
(a case's data file, a question's definition), so nothing is written twice. Every page
notes the data files and the package as dependencies, so a change there rebuilds (and
re-executes) the pages that could show it, instead of leaving stale text or outputs.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2
import pybtex.plugin
from docutils import nodes
from docutils.parsers.rst import directives
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.template import field as veld
from pybtex.style.template import (
    first_of,
    join,
    names,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)
from sphinx.errors import ExtensionError
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.writers.html5 import HTML5Translator
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from werkalliantie.leren import casussen, opgaven, sessies
from werkalliantie.leren.opgaven.model import alle_opdrachten
from werkalliantie.leren.opgaven.soorten import soort

PAKKET = Path(__file__).resolve().parents[1]  # the whole package: pages depend on all of it
ROOT = PAKKET.parent
DATA = ROOT / "data"
OEFENINGEN = ROOT / "notebooks"
CASUSPAGINAS = "book/casussen/"
# The widget manager and require.js, installed from the npm registry (package.json) and
# served from the book itself: a CDN is not reachable for every reader.
WIDGETMAP = "_widgets"
# The in-browser practice area, built beside the book by `make site` (werkalliantie/bouwen/site.py):
# one page per practice notebook, _build/html/oefenen/<notebook>.html.
OEFENMAP = "oefenen"
# html-manager's dist also holds other builds of the same manager that the book never loads
# (it loads require.js and embed-amd.js, which references only the font files): ~8 MB less.
WIDGETS_ONGEBRUIKT = ("libembed-amd.js", "embed.js", "*.embed.js")
WIDGETBRONNEN = {
    "node_modules/requirejs/require.js": "require.js",
    "node_modules/@jupyter-widgets/html-manager/dist": "",
}


# The course's five source texts, by their key in book/bronnen.bib: a quotation marked as
# coming from one of them ({citaat} with :bron:) must stand in that text word for word
# (tests/test_citaten.py checks it against the files in shared/bronnen/). The report has
# page numbers, so a quotation from it names its page; the four web texts have none.
BRONTEKSTEN = {
    "vanarum2018": "001",
    "nieuwsbericht": "000",
    "movisie2014": "002",
    "praktijksite": "003",
    "boxstaenssociaalnet": "004",
}
MET_PAGINAS = {"vanarum2018"}
LABEL = "verzonnen"  # the one visible marker for everything the course invented


def verzonnen_label() -> nodes.inline:
    """The marker: a visible word (not a colour), styled as a small label by boek.css."""
    return nodes.inline(LABEL, LABEL, classes=["verzonnen-label"])


class VerzonnenRol(SphinxRole):
    """{verzonnen}`tekst`: text the course invented, followed by the label.
    {verzonnen}`verzonnen` shows the label alone (to explain it)."""

    def run(self):
        if self.text.strip() == LABEL:
            return [verzonnen_label()], []
        tekst = nodes.inline(self.text, self.text, classes=["verzonnen"])
        return [tekst, nodes.Text(" "), verzonnen_label()], []


class VerzonnenBlok(SphinxDirective):
    """:::{verzonnen} ... ::: a scene or example the course invented, as a marked box."""

    has_content = True

    def run(self):
        blok = nodes.admonition(classes=["verzonnen"])
        titel = nodes.title("", "", verzonnen_label(), nodes.Text(" voor de cursus"))
        blok += titel
        blok += self.parse_content_to_nodes()
        return [blok]


class Citaat(SphinxDirective):
    """A short quotation, marked with where it comes from.

    From a source text: ``:bron: <bib key>`` (and ``:pagina:`` for the report); the test
    checks that the words stand in that source exactly, and end where the source's sentence
    ends, or show the cut with "…" (tests/boektekst.py, citaatfout). Written by the course:
    ``:verzonnen:``; it then carries the label. ``:wie:`` names the speaker.
    """

    has_content = True
    option_spec = {
        "bron": directives.unchanged_required,
        "pagina": directives.unchanged_required,
        "wie": directives.unchanged_required,
        "verzonnen": directives.flag,
    }

    def run(self):
        bron = self.options.get("bron", "").strip()
        pagina = self.options.get("pagina", "").strip()
        verzonnen = "verzonnen" in self.options
        if verzonnen == bool(bron):
            raise self.error("citaat: geef precies één van :bron: of :verzonnen:")
        if bron and bron not in BRONTEKSTEN:
            raise self.error(f"citaat: onbekende bron {bron!r}; kies uit {sorted(BRONTEKSTEN)}")
        if bron in MET_PAGINAS and not pagina:
            raise self.error(f"citaat uit {bron}: geef de pagina (:pagina:)")
        tekst = " ".join(" ".join(self.content).split())
        if not tekst:
            raise self.error("citaat: de tekst van het citaat ontbreekt")
        klassen = ["citaat", "citaat-verzonnen" if verzonnen else "citaat-bron"]
        if bron:
            klassen.append(f"bron-{bron}")
        blok = nodes.block_quote(classes=klassen)
        blok += nodes.paragraph(tekst, f"„{tekst}”", classes=["citaat-tekst"])
        wie = self.options.get("wie", "").strip()
        if bron:
            na = f"{{p. {pagina}}}" if pagina else ""
            regel = (f"{wie}, " if wie else "") + f"{{cite:p}}`{bron}{na}`"
            delen, berichten = self.parse_inline(regel, lineno=self.lineno)
        else:
            delen, berichten = ([nodes.Text(f"{wie} ")] if wie else []), []
            delen.append(verzonnen_label())
        blok += nodes.attribution("", "", *delen)
        return [blok, *berichten]


class OpPapier(SphinxDirective):
    """:::{op-papier} ... ::: what an exercise page shows on paper instead of its widget
    (the questions and where to practise); hidden on screen, shown when printed."""

    has_content = True

    def run(self):
        blok = nodes.container(classes=["op-papier"])
        blok += self.parse_content_to_nodes()
        # The questions and the statements in them (often a client's words) are the course's.
        blok += nodes.paragraph("", "", verzonnen_label(),
                                nodes.Text(" De vragen en de uitspraken hierboven zijn bedacht "
                                           "voor de cursus."))
        return [blok]


def _voeg_stijl_toe(app) -> None:
    app.config.html_static_path.append(str(Path(app.confdir) / "book" / "_static"))
    app.add_css_file("boek.css")


@cache  # once per build, not once per page
def _afhankelijkheden() -> tuple[Path, ...]:
    return tuple(sorted([*PAKKET.rglob("*.py"), *DATA.rglob("*.*"), *OEFENINGEN.glob("*.ipynb")]))


def _is_sjabloon(docname: str, tekst: str) -> bool:
    if docname.startswith(CASUSPAGINAS):
        return True
    if not tekst.startswith("---"):
        return False
    voorwerk = tekst[3:].split("\n---", 1)[0]
    return any(r.strip().replace(" ", "") == "sjabloon:true" for r in voorwerk.splitlines())


ZO_OPEN_JE = """## Zo open je de oefening

Hieronder zie je hoe de oefening eruitziet. Op deze pagina kun je niets opslaan, en je
krijgt hier geen uitleg bij je antwoord. Dat kan wel in de oefening zelf. Daar blijft je
antwoord ook bewaard.

{knop}

Je kunt de oefening ook op je eigen computer openen, als Python daar staat: typ
`make oefenen` in de map van de cursus en klik op **{bestand}**. Werk je op een
JupyterHub van je opleiding? Vraag dan je docent waar je de oefeningen vindt."""


OP_PAPIER = ("**Op papier.** Deze oefening doe je op de computer. Daar krijg je ook uitleg "
             "bij je antwoord. Open hem zoals hierboven staat, of vraag je trainer of docent. "
             "Hieronder staan de vragen, om vooraf te lezen of in de groep te bespreken.")


def oefenpagina(docname: str, oefening: str, lees_eerst: str = "") -> str:
    """A book page made from the practice notebook ``notebooks/<oefening>.ipynb``: its text,
    how to open it, and its exercises rendered (without code). The notebook stays the one
    place where the exercise is written."""
    import nbformat

    nb = nbformat.read(OEFENINGEN / f"{oefening}.ipynb", as_version=4)
    eerste, *rest = nb.cells
    delen = [eerste.source, lees_eerst,
             ZO_OPEN_JE.format(bestand=f"{oefening}.ipynb", knop=oefenknop(docname, oefening)),
             "## De oefening"]
    vragen = [v for cel in rest if cel.cell_type == "code" for v in AANROEP.findall(cel.source)]
    papier = "\n\n".join(opgaven.op_papier(opgaven.laad_opgave(v)) for v in vragen)
    delen.append(f"::::{{op-papier}}\n{OP_PAPIER}\n\n{papier}\n::::")
    for cel in rest:
        if cel.cell_type == "code":
            delen.append(f"```{{code-cell}} ipython3\n:tags: [remove-input]\n\n{cel.source}\n```")
        else:
            delen.append(cel.source)
    return "\n\n".join(d for d in delen if d.strip()) + "\n"


AANROEP = re.compile(r"""oefening\(\s*["']([^"']+)["']""")


def oefeningen_bij(casus: str) -> list[tuple[str, str]]:
    """The practice notebooks with a question about ``casus`` that have a book page:
    (notebook id, title), so a case chapter lists its exercises without naming them."""
    import nbformat

    gevonden = []
    alle = opgaven.alle_opgaven()
    for pad in sorted(OEFENINGEN.glob("*.ipynb")):
        nb = nbformat.read(pad, as_version=4)
        vragen = [v for c in nb.cells if c.cell_type == "code" for v in AANROEP.findall(c.source)]
        pagina = ROOT / "book" / "oefeningen" / f"{pad.stem}.md"
        if pagina.exists() and any(alle[v].casus == casus for v in vragen if v in alle):
            kop = nb.cells[0].source.splitlines()[0].lstrip("# ").removeprefix("Oefening: ")
            gevonden.append((pad.stem, kop[0].upper() + kop[1:]))
    return gevonden


def rubrieken() -> list[tuple[list, tuple]]:
    """Each rubric of the graded open questions once, with the questions that use it; names
    of the case's people read as "de cliënt" and "de professional"."""
    from werkalliantie.leren.opgaven.model import PLAATSHOUDER

    algemeen = {"client": "de cliënt", "professional": "de professional"}

    def lees(tekst: str) -> str:
        tekst = PLAATSHOUDER.sub(lambda m: algemeen.get(m.group(1), m.group(0)), tekst)
        return tekst[0].upper() + tekst[1:]

    groepen: dict[tuple, list] = {}
    for opgave in opgaven.alle_opgaven().values():
        if opgave.soort == "open" and opgave.vorm == "beoordeeld":
            rubriek = tuple((lees(c.criterium), lees(c.let_op), c.punten) for c in opgave.opties.rubriek)
            groepen.setdefault(rubriek, []).append(opgave)
    return [(vragen, rubriek) for rubriek, vragen in groepen.items()]


def oefenlink(docname: str, naam: str | None = None) -> str:
    """The relative link from a book page to its exercise in the in-browser practice area
    (``naam``: the practice notebook's name without .ipynb), or to its overview."""
    omhoog = "../" * docname.count("/")
    if naam is None:
        return f"{omhoog}{OEFENMAP}/index.html"
    if not (OEFENINGEN / f"{naam}.ipynb").is_file():
        raise ExtensionError(f"{docname}: de oefening {naam!r} bestaat niet "
                             f"(verwacht: notebooks/{naam}.ipynb).")
    return f"{omhoog}{OEFENMAP}/{naam}.html"


def oefenknop(docname: str, naam: str | None = None) -> str:
    """A paragraph with the link "Oefen nu in je browser", as raw HTML for a Markdown page
    (a Markdown link to a file outside the book would be a broken cross-reference)."""
    tekst = "Oefen nu in je browser" if naam else "Naar de oefeningen in je browser"
    return (f'<p class="oefenknop"><a href="{html.escape(oefenlink(docname, naam))}">'
            f"<strong>{tekst}</strong></a></p>")


# Other wings add to a page template's context through this Sphinx event (the build wing
# imports no instructor code): werkalliantie.begeleiden.handleiding adds the nbgrader steps.
CONTEXT_EVENT = "werkalliantie-sjablooncontext"


def sjablooncontext(docname: str, *extra: dict) -> dict:
    """What a page template can use. Add here what a new kind of page needs; ``extra``:
    what other wings add (see :data:`CONTEXT_EVENT`)."""
    context = {
        "casussen": casussen.alle_casussen(),
        "opgaven": opgaven.alle_opgaven(),
        "onderdelen": opgaven.onderdelen,
        "opdrachten": alle_opdrachten(),
        "oefenpagina": functools.partial(oefenpagina, docname),
        "oefeningen_bij": oefeningen_bij,
        "sessiecheck": sessies.sessiecheck(),
        "soort": soort,
        "rubrieken": rubrieken,
        # {{ oefenknop("werkalliantie-denise") }} on its own line: the link to that
        # exercise in the browser; {{ oefenknop() }}: to the overview; oefenlink(...) the URL.
        "oefenknop": functools.partial(oefenknop, docname),
        "oefenlink": functools.partial(oefenlink, docname),
    }
    if docname.startswith(CASUSPAGINAS):
        context["casus"] = casussen.laad_casus(docname.removeprefix(CASUSPAGINAS))
    for deel in extra:
        context.update(deel)
    return context


def _render_sjabloon(app, docname: str, source: list[str]) -> None:
    sjablonen = Path(app.srcdir) / "book" / "_templates"
    omgeving = jinja2.Environment(
        loader=jinja2.FileSystemLoader(sjablonen),
        undefined=jinja2.StrictUndefined,  # a typo in a page fails the build
        keep_trailing_newline=True,
    )
    extra = app.emit(CONTEXT_EVENT, docname)
    source[0] = omgeving.from_string(source[0]).render(**sjablooncontext(docname, *extra))


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


def _zoekveld_in_het_nederlands(app, config) -> None:
    """Jupyter Book sets the search field's text to its own "Search this book..." (a theme
    option, which no catalogue translates; sphinx-book-theme's own fallback, its catalogue's
    "Search", has no Dutch either): "Search" from the book's catalogue and "...", "Zoeken..."."""
    config.html_theme_options["search_bar_text"] = f"{_('Search')}..."


def _zoekteksten_in_het_nederlands(app, uitzondering) -> None:
    """The words the search page's script shows (``_static/translations.js``: Sphinx copies
    its own Dutch file, which misses some and says "u") from the book's own catalogue
    (``locale_dirs``, book/_locale), which goes first, as it does for the pages."""
    if uitzondering is not None or app.builder.format != "html":
        return
    js = Path(app.outdir) / "_static" / "translations.js"
    if not js.exists():
        return
    from babel.messages.pofile import read_po

    tekst = js.read_text(encoding="utf-8")
    begin, eind = tekst.index("Documentation.addTranslations(") + 30, tekst.rindex(")")
    vertalingen = json.loads(tekst[begin:eind])
    for map_ in app.config.locale_dirs:
        po = Path(app.srcdir) / map_ / app.config.language / "LC_MESSAGES" / "sphinx.po"
        if po.exists():
            with po.open("rb") as bestand:
                for bericht in read_po(bestand):
                    if bericht.id and isinstance(bericht.id, str) and bericht.string:
                        vertalingen["messages"][bericht.id] = bericht.string
    js.write_text(tekst[:begin] + json.dumps(vertalingen, ensure_ascii=False, indent=1)
                  + tekst[eind:], encoding="utf-8")


# English words sphinx-book-theme writes into its templates, where no catalogue reaches them:
# passed through the book's catalogue (book/_locale) as Sphinx reads the installed theme's
# templates, so no copy of the theme is kept here. A theme upgrade that drops one of these
# fails the build (``_thema_vertaald``), so an untranslated word never slips back in.
THEMA_WOORDEN = {
    'aria-label="Page"': "aria-label=\"{{ _('Page') }}\"",
    'aria-label="Main"': "aria-label=\"{{ _('Main') }}\"",
    'title="Toggle primary sidebar"': "title=\"{{ _('Toggle primary sidebar') }}\"",
    'title="Toggle secondary sidebar"': "title=\"{{ _('Toggle secondary sidebar') }}\"",
}


def _thema_door_de_catalogus(app) -> None:
    sjablonen = getattr(app.builder, "templates", None)
    if sjablonen is None or app.builder.format != "html":
        return
    gevonden: set[str] = set()
    lees = sjablonen.get_source

    def get_source(environment, naam):
        bron, pad, actueel = lees(environment, naam)
        if "sphinx_book_theme" in str(pad):
            gevonden.add("")  # the theme's templates were read: pages were written
            for engels, vertaald in THEMA_WOORDEN.items():
                if engels in bron:
                    bron = bron.replace(engels, vertaald)
                    gevonden.add(engels)
        return bron, pad, actueel

    sjablonen.get_source = get_source
    app._thema_woorden_gevonden = gevonden


def _thema_vertaald(app, uitzondering) -> None:
    gevonden = getattr(app, "_thema_woorden_gevonden", None)
    if uitzondering is None and gevonden and app.builder.name == "html":
        ontbreekt = sorted(set(THEMA_WOORDEN) - gevonden)
        if ontbreekt:
            raise RuntimeError("Deze woorden staan niet meer in de sjablonen van "
                               f"sphinx-book-theme (een andere versie?): {ontbreekt}. Pas "
                               "THEMA_WOORDEN in werkalliantie/bouwen/boek.py aan.")


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
    error on every page ("THEBE_JS_URL has already been declared"). The single-page
    build (for the PDF) also gets MathJax from a CDN: the book has no formulas."""
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [
            js for js in scripts
            if "THEBE_JS_URL" not in str(getattr(js, "attributes", {}).get("body", ""))
            and "sphinx-thebe" not in str(js)
            and not (app.builder.name == "singlehtml" and "mathjax" in str(js).lower())]


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


def _bouw_gegevens(app) -> None:
    """Validate data/ and rebuild the bundle first: pages and the notebooks the build
    executes read the course's data from it, so they never show stale data."""
    from werkalliantie.bouwen.bundel import bouw

    bouw()
    _vergeet_oude_uitvoer(app)


KENMERK = "werkalliantie-kenmerk.txt"


def _vergeet_oude_uitvoer(app) -> None:
    """The executed pages are cached (jupyter-cache, beside the build's output folders), so
    the HTML and the one-page build for the PDF execute each page once. The cache knows a
    page by its own text only: when the data, the package or a practice notebook changed,
    every cached output is stale, and the cache is emptied here (before any page runs)."""
    pad = app.config.nb_execution_cache_path or Path(app.outdir).parent / ".jupyter_cache"
    cache = Path(pad)
    kenmerk = hashlib.sha256()
    for bestand in _afhankelijkheden():
        kenmerk.update(str(bestand.relative_to(ROOT)).encode() + b"\0" + bestand.read_bytes())
    nieuw = kenmerk.hexdigest()
    oud = cache / KENMERK
    if oud.is_file() and oud.read_text(encoding="utf-8") == nieuw:
        return
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    oud.write_text(nieuw, encoding="utf-8")


def setup(app):
    pybtex.plugin.register_plugin("pybtex.style.formatting", "bronnenlijst", Bronnenlijst)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "auteur_jaar", AuteurJaar)
    app.add_event(CONTEXT_EVENT)
    app.add_role("verzonnen", VerzonnenRol())
    app.add_directive("verzonnen", VerzonnenBlok)
    app.add_directive("citaat", Citaat)
    app.add_directive("op-papier", OpPapier)
    app.connect("builder-inited", _voeg_stijl_toe)
    app.connect("html-page-context", _zonder_thebe)
    app.set_translator("html", Vertaler, override=True)
    app.connect("builder-inited", _bouw_gegevens)
    app.connect("source-read", _bij_lezen)
    app.connect("build-finished", _kopieer_widgetscripts)
    app.connect("config-inited", _zoekveld_in_het_nederlands)
    app.connect("build-finished", _zoekteksten_in_het_nederlands)
    app.connect("builder-inited", _thema_door_de_catalogus)
    app.connect("build-finished", _thema_vertaald)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
