// Compile the Python that the browser site serves to bytecode, once, when the site is built:
//   node site/compileer.mjs MAP
// MAP is the site's Pyodide folder (static/pyodide/ of the lite build; see
// werkalliantie/bouwen/site.py). Pyodide's npm package ships its standard library
// (python_stdlib.zip) as source, and PyPI's wheels are source only: a learner's browser
// compiled every module it imported, on every visit, before the first exercise showed
// (importing IPython alone took several seconds; issue 22).
//
// The compiling is done by the very Python that runs in the browser (this Pyodide, in
// Node.js), so the bytecode matches it. The bytecode is "unchecked hash" based: Python
// uses it without comparing file times (a zip or a freshly unpacked wheel keeps none).
// - python_stdlib.zip: every module's source is replaced by its bytecode (zipimport reads
//   name.pyc in the archive), which keeps the file small;
// - each wheel: the bytecode goes beside the source, in __pycache__ (tracebacks keep their
//   lines), and into the wheel's RECORD.
// The lock file's hashes are the build's business (site.py rewrites them afterwards).
import { loadPyodide } from "pyodide";
import path from "node:path";

const map = path.resolve(process.argv[2] || ".");
const pyodide = await loadPyodide();
pyodide.FS.mkdirTree("/site");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: map }, "/site");
pyodide.globals.set("MAP", "/site");
const verslag = await pyodide.runPythonAsync(`
import importlib.util
import os
import sys
import warnings
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

STDLIB = "/lib/python%d%d.zip" % sys.version_info[:2]
SITE_PACKAGES = "/lib/python%d.%d/site-packages" % sys.version_info[:2]
TAG = sys.implementation.cache_tag


def bytecode(bron, bestandsnaam):
    code = compile(bron, bestandsnaam, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(bron), checked=False))


def herschrijf(pad, per_bestand):
    """Rewrite the zip at pad: per_bestand(name, content, names) gives, for each entry,
    the entries to write in its place. Returns how many modules were compiled."""
    tijdelijk = pad + ".nieuw"
    gecompileerd = 0
    with zipfile.ZipFile(pad) as oud, zipfile.ZipFile(tijdelijk, "w") as nieuw:
        namen = set(oud.namelist())
        for info in oud.infolist():
            inhoud = oud.read(info)
            for naam, data in per_bestand(info.filename, inhoud, namen):
                if naam == info.filename:
                    nieuw.writestr(info, data)
                else:
                    nieuw.writestr(zipfile.ZipInfo(naam, date_time=info.date_time), data,
                                   compress_type=zipfile.ZIP_DEFLATED)
                    gecompileerd += 1
    os.replace(tijdelijk, pad)
    return gecompileerd


def stdlib(naam, inhoud, namen):
    if naam.endswith(".py") and naam + "c" not in namen:
        yield naam + "c", bytecode(inhoud, f"{STDLIB}/{naam}")
    else:
        yield naam, inhoud


def wiel(extra):
    """A wheel's entries, with bytecode beside every module; its names go to extra."""
    def per_bestand(naam, inhoud, namen):
        if naam.endswith(".dist-info/RECORD"):
            return  # written last, with the bytecode files in it
        yield naam, inhoud
        if naam.endswith(".py") and ".data/" not in naam:
            map_, bestand = os.path.split(naam)
            pyc = f"{map_}/__pycache__/{bestand[:-3]}.{TAG}.pyc".lstrip("/")
            if pyc in namen:
                return
            try:
                data = bytecode(inhoud, f"{SITE_PACKAGES}/{naam}")
            except SyntaxError:
                return  # a file that is never imported (a template, a newer Python's test)
            extra.append(pyc)
            yield pyc, data
    return per_bestand


def compileer_wiel(pad):
    with zipfile.ZipFile(pad) as z:
        record = next(n for n in z.namelist() if n.endswith(".dist-info/RECORD"))
        regels = z.read(record).decode("utf-8").splitlines()
    extra = []
    aantal = herschrijf(pad, wiel(extra))
    regels += [f"{pyc},," for pyc in extra]  # no hash: allowed for bytecode
    with zipfile.ZipFile(pad, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(record, "\\n".join(regels) + "\\n")
    return aantal


warnings.simplefilter("ignore")  # invalid escapes in third-party sources: not ours to fix
verslag = [f"python_stdlib.zip: {herschrijf(f'{MAP}/python_stdlib.zip', stdlib)} modules"]
for bestand in sorted(os.listdir(MAP)):
    if bestand.endswith(".whl"):
        verslag.append(f"{bestand}: {compileer_wiel(f'{MAP}/{bestand}')} modules")
"\\n".join(verslag)
`);
console.log(verslag);
