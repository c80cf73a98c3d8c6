"""A submission read as data and rebuilt from the course's own cells (instructor side).

Nothing here runs or imports anything a student wrote. The nbgrader steps in
:mod:`werkalliantie.begeleiden.nakijken.beveiliging` call these functions; they are plain functions of
files, the gradebook's cells and the submitted JSON, so tests can call them directly.

The rules:

- **Cells.** The graded notebook is rebuilt from the course's cells as the gradebook holds
  them (by ``grade_id``), in the course's order. Locked cells come back verbatim (with their
  hidden tests). The student's content is kept only as data: the text of a manually graded
  Markdown answer (made inert as HTML), and the answer file. A cell the student added,
  copied or whose type changed is shown as a Markdown note "Door de student toegevoegd —
  niet uitgevoerd" with its text escaped: it is never executed.
- **Files.** Only an allow-list reaches ``autograded/``: the assignment's notebooks, the
  answer file and its backup copy (each a regular file of bounded size in the submission
  itself, not a link), and the course's own files from ``source/``. Everything else is
  removed before anything runs.
- **Fail closed.** What cannot be checked is not run: :func:`dichte_versie` gives the
  course's notebook in which every automatically graded cell raises (0 points).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from werkalliantie.begeleiden.nakijken import grenzen, onschadelijk
from werkalliantie.leren.antwoorden import BESTANDSNAAM, is_hulpbestand, lees_bestand
from werkalliantie.leren.opgaven.getallen import aantal
from werkalliantie.leren.tekst import LOSSE_SURROGAAT, html_tekst, leesbaar

ANTWOORDBESTANDEN = (BESTANDSNAAM, "antwoorden.vorige.json")
MAX_NOTEBOOK_BYTES = grenzen.MAX_NOTEBOOK_BYTES
# A file the course itself saved is never refused: the answer store's own limit.
MAX_ANTWOORDBESTAND_BYTES = grenzen.MAX_ANTWOORDBESTAND_BYTES
MAX_CELLEN_MET_ID = 5_000  # cells carrying a grade_id that are looked at
MAX_CELLEN_ZONDER_ID = 200  # other cells that are looked at
MAX_GETOOND = 20  # added cells shown one by one; the rest are counted
MAX_GRADE_ID = 200
METADATA_SLEUTEL = "werkalliantie"  # our key in notebook and cell metadata
VERSIE = 1
CEL_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
TOEGEVOEGD = "Door de student toegevoegd — niet uitgevoerd"
NIET_NAGEKEKEN = ("Niet automatisch nagekeken: deze inlevering kon niet veilig worden "
                  "gecontroleerd. Je docent kijkt ernaar.")


@dataclass(frozen=True)
class Melding:
    """One finding: a short code, a Dutch line for the instructor, one for the student."""

    code: str
    docent: str
    student: str


@dataclass(frozen=True)
class Cursuscel:
    """A cell the course wrote, as the gradebook holds it."""

    naam: str  # grade_id
    celtype: str  # "code" or "markdown"
    bron: str  # the source, hidden tests included
    checksum: str | None
    vergrendeld: bool
    punten: float | None  # max score of a graded cell; None when not graded
    oplossing: bool
    taak: bool
    vrijgegeven: str  # the source as the student received it

    @property
    def automatisch(self) -> bool:
        """A graded code cell that is not a student's answer: its output gives points."""
        return self.punten is not None and not self.oplossing and self.celtype == "code"

    def nbgrader_metadata(self) -> dict:
        meta = {"grade": self.punten is not None, "grade_id": self.naam,
                "locked": self.vergrendeld, "schema_version": 3, "solution": self.oplossing,
                "task": self.taak}
        if self.punten is not None or self.taak:
            meta["points"] = self.punten if self.punten is not None else 0
        if self.checksum is not None:
            meta["checksum"] = self.checksum
        return meta


@dataclass
class Herbouw:
    """The rebuilt notebook (a plain nbformat-4 dict) and what was found."""

    notebook: dict
    meldingen: list[Melding] = field(default_factory=list)


# --- Reading untrusted JSON --------------------------------------------------------------

def lees_notebook(pad: Path, meldingen: list[Melding] | None = None
                  ) -> tuple[dict | None, int, Melding | None]:
    """The submitted notebook as a JSON object and its number of cells, or None with the
    reason.

    Never follows a link, never reads more than :data:`MAX_NOTEBOOK_BYTES`, never raises.
    Of a huge notebook only the cells that matter are kept (see :func:`_begrens_cellen`).
    Bytes that are not UTF-8, and lone surrogates (``\\ud800`` in the JSON: half a
    character), become U+FFFD everywhere in the notebook, so that nothing after this step
    meets a string it cannot write; what was replaced is said in a notice appended to
    ``meldingen`` (a notebook with bad characters is still graded, its open answers kept).
    """
    naam = leesbaar(pad.name, 200)
    reden = _geen_gewoon_bestand(pad, MAX_NOTEBOOK_BYTES)
    if reden:
        return None, 0, Melding("notebook-onleesbaar", f"Notebook {naam}: {reden}.",
                                f"Je notebook {naam} kon niet worden gelezen ({reden}).")
    onleesbaar = 0
    try:
        with open(pad, "rb", opener=_zonder_links) as f:
            ruw = f.read(MAX_NOTEBOOK_BYTES + 1)
        try:
            tekst = ruw.decode("utf-8-sig")
        except UnicodeDecodeError:
            tekst = ruw.decode("utf-8-sig", errors="replace")
            onleesbaar = tekst.count("\ufffd") - ruw.decode("utf-8-sig", "ignore").count("\ufffd")
        data = json.loads(tekst)
    except (OSError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict) or data.get("nbformat") != 4 or not isinstance(
            data.get("cells"), list):
        return None, 0, Melding(
            "notebook-onleesbaar", f"Notebook {naam} is geen geldig notebook (JSON).",
            f"Je notebook {naam} is beschadigd en kon niet worden gelezen.")
    aantal = len(data["cells"])
    data = _begrens_cellen(data)
    halve = [0]
    try:
        data = _zonder_halve_tekens(data, halve)
    except RecursionError:
        return None, 0, Melding(
            "notebook-onleesbaar", f"Notebook {naam} is te diep genest om te lezen.",
            f"Je notebook {naam} is beschadigd en kon niet worden gelezen.")
    for cel in data["cells"]:
        _voeg_regels_samen(cel)
    if meldingen is not None and (onleesbaar or halve[0]):
        delen = []
        if onleesbaar:
            delen.append(f"{aantal_tekst(onleesbaar, 'stuk', 'stukken')} tekst dat geen geldige "
                         "UTF-8 is")
        if halve[0]:
            delen.append(f"{aantal_tekst(halve[0], 'half teken', 'halve tekens')} (een losse "
                         "surrogaat, bijvoorbeeld een half emoji)")
        meldingen.append(Melding(
            "ongeldige-tekens", f"Notebook {naam} bevatte {' en '.join(delen)}. Die staan als "
            "\ufffd in het nagekeken notebook; de rest is gewoon nagekeken, ook een open "
            "antwoord.",
            "In je notebook stonden tekens die geen geldige tekst zijn. Die zie je als \ufffd. "
            "De rest van je notebook is gewoon nagekeken."))
    return data, aantal, None


def aantal_tekst(n: int, enkel: str, meer: str) -> str:
    return aantal(n, enkel, meer)


def _zonder_halve_tekens(waarde, teller: list[int]):
    """``waarde`` (parsed JSON) with every lone surrogate, in keys and strings, as U+FFFD."""
    if isinstance(waarde, str):
        if LOSSE_SURROGAAT.search(waarde):
            teller[0] += len(LOSSE_SURROGAAT.findall(waarde))
            return LOSSE_SURROGAAT.sub("\ufffd", waarde)
        return waarde
    if isinstance(waarde, list):
        return [_zonder_halve_tekens(w, teller) for w in waarde]
    if isinstance(waarde, dict):
        return {_zonder_halve_tekens(k, teller): _zonder_halve_tekens(w, teller)
                for k, w in waarde.items()}
    return waarde


def _voeg_regels_samen(cel: object) -> None:
    """nbformat stores multi-line text as a list of lines; join them, as nbformat does."""
    if not isinstance(cel, dict):
        return
    if isinstance(cel.get("source"), list) and all(isinstance(r, str) for r in cel["source"]):
        cel["source"] = "".join(cel["source"])
    for uitvoer in cel.get("outputs", []) if isinstance(cel.get("outputs"), list) else []:
        if not isinstance(uitvoer, dict):
            continue
        if isinstance(uitvoer.get("text"), list):
            uitvoer["text"] = "".join(str(r) for r in uitvoer["text"])
        if isinstance(uitvoer.get("data"), dict):
            for soort, waarde in uitvoer["data"].items():
                if isinstance(waarde, list) and not soort.endswith("json"):
                    uitvoer["data"][soort] = "".join(str(r) for r in waarde)


def _zonder_links(pad, vlaggen):
    return os.open(pad, vlaggen | getattr(os, "O_NOFOLLOW", 0))


def _geen_gewoon_bestand(pad: Path, max_bytes: int) -> str | None:
    """Why ``pad`` may not be read as a student's file; None when it may."""
    try:
        info = os.lstat(pad)
    except FileNotFoundError:
        return "het bestand ontbreekt"
    except OSError:
        return "het bestand is niet te lezen"
    if stat.S_ISLNK(info.st_mode):
        return "het is een snelkoppeling (symlink) naar een ander bestand"
    if not stat.S_ISREG(info.st_mode):
        return "het is geen gewoon bestand"
    if info.st_nlink > 1:
        return "het is gekoppeld aan een ander bestand (hardlink)"
    if info.st_size > max_bytes:
        return f"het is te groot ({info.st_size / 1e6:.1f} MB)"
    return None


def _begrens_cellen(data: dict) -> dict:
    """Keep the cells that can matter: those with a grade_id, and the first few others."""
    cellen = data["cells"]
    if len(cellen) <= MAX_CELLEN_ZONDER_ID:
        return data
    met_id = zonder_id = 0
    bewaard = []
    for cel in cellen:
        if _grade_id(cel) is not None:
            met_id += 1
            if met_id <= MAX_CELLEN_MET_ID:
                bewaard.append(cel)
        else:
            zonder_id += 1
            if zonder_id <= MAX_CELLEN_ZONDER_ID:
                bewaard.append(cel)
    return dict(data, cells=bewaard)


def _grade_id(cel: object) -> str | None:
    if not isinstance(cel, Mapping):
        return None
    meta = cel.get("metadata")
    nbgrader = meta.get("nbgrader") if isinstance(meta, Mapping) else None
    gid = nbgrader.get("grade_id") if isinstance(nbgrader, Mapping) else None
    return gid if isinstance(gid, str) and 0 < len(gid) <= MAX_GRADE_ID else None


def _bron(cel: Mapping) -> str | None:
    bron = cel.get("source")
    if isinstance(bron, str):
        return bron
    if isinstance(bron, list) and all(isinstance(r, str) for r in bron):
        return "".join(bron)
    return None


def _celtype(cel: Mapping) -> str:
    soort = cel.get("cell_type")
    return soort if soort in ("code", "markdown", "raw") else "onbekend"


# --- Rebuilding the notebook -------------------------------------------------------------

def herbouw(data: Mapping | None, cursus: list[Cursuscel], kernelspec: dict | None,
            leesfout: Melding | None = None, aantal_cellen: int | None = None,
            vooraf: Iterable[Melding] = ()) -> Herbouw:
    """The notebook to grade: the course's cells, the student's content only as data.

    ``data`` is the submitted notebook as read by :func:`lees_notebook` (untrusted: any
    structure); ``aantal_cellen`` the number of cells it had before it was cut down;
    ``vooraf`` findings of earlier checks (files), shown in the same notice.
    """
    uitkomst = Herbouw(notebook={})
    meldingen = uitkomst.meldingen
    if leesfout is not None:
        meldingen.append(leesfout)
    meldingen.extend(vooraf)
    cellen = data.get("cells", []) if isinstance(data, Mapping) else []
    cellen = cellen if isinstance(cellen, list) else []
    per_naam = {c.naam: c for c in cursus}
    gezien: dict[str, Mapping] = {}
    extra: dict[str | None, list[dict]] = {}  # anchor (course cell before it) -> notes
    anker: str | None = None
    toegevoegd = kopie = beschadigd = aangepast = toetsen = typewissel = 0
    getoond = 0

    def notitie(kop: str, tekst: str) -> None:
        nonlocal getoond
        getoond += 1
        if getoond <= MAX_GETOOND:
            extra.setdefault(anker, []).append(_notitiecel(kop, tekst))

    for cel in cellen:
        if not isinstance(cel, Mapping):
            beschadigd += 1
            continue
        gid, bron, soort = _grade_id(cel), _bron(cel), _celtype(cel)
        if bron is None:
            beschadigd += 1
            bron = ""
        meta = cel.get("metadata")
        if not isinstance(meta, Mapping) or (
                "nbgrader" in meta and not isinstance(meta["nbgrader"], Mapping)):
            beschadigd += 1
        if gid in per_naam and gid not in gezien:
            cursuscel = per_naam[gid]
            gezien[gid] = cel
            anker = gid
            if _metadata_wijkt_af(cel, cursuscel):
                beschadigd += 1
            if soort != cursuscel.celtype:
                typewissel += 1
                if cursuscel.vergrendeld and bron.strip():
                    notitie(f"{TOEGEVOEGD} (celtype veranderd in {soort})", bron)
            elif cursuscel.vergrendeld and bron != cursuscel.vrijgegeven:
                if cursuscel.automatisch:
                    toetsen += 1
                else:
                    aangepast += 1
                notitie(f"Door de student aangepaste versie van een vaste cel "
                        f"({cursuscel.naam}) — niet uitgevoerd", bron)
            elif cursuscel.oplossing and cursuscel.celtype == "code" and bron != cursuscel.bron:
                notitie(f"Code van de student in {cursuscel.naam} — niet uitgevoerd", bron)
        elif gid in per_naam:
            kopie += 1
            notitie(f"{TOEGEVOEGD} (kopie van cel {gid})", bron)
        else:
            toegevoegd += 1
            notitie(f"{TOEGEVOEGD} ({_soortnaam(soort)})", bron)

    totaal = aantal_cellen
    if isinstance(totaal, int) and totaal > len(cellen):
        toegevoegd += totaal - len(cellen)
        meldingen.append(Melding(
            "te-veel-cellen",
            f"Het notebook had {totaal} cellen; alleen de cellen van de opdracht en de "
            f"eerste {MAX_CELLEN_ZONDER_ID} andere zijn bekeken.",
            f"Je notebook had {totaal} cellen. Alleen de cellen van de opdracht tellen."))
    if getoond > MAX_GETOOND:
        extra.setdefault(anker, []).append(_notitiecel(
            f"En nog {getoond - MAX_GETOOND} cellen van de student — niet getoond en niet "
            "uitgevoerd", ""))
    if toegevoegd:
        meldingen.append(Melding(
            "toegevoegde-cel", f"{aantal(toegevoegd, 'cel', 'cellen')} door de student toegevoegd: niet "
            "uitgevoerd, wel zichtbaar in het nagekeken notebook.",
            ("Je notebook had 1 cel die niet bij de opdracht hoort. Die is niet uitgevoerd en "
             "telt niet mee." if toegevoegd == 1 else
             f"Je notebook had {toegevoegd} cellen die niet bij de opdracht horen. Die zijn niet "
             "uitgevoerd en tellen niet mee.")))
    if kopie:
        meldingen.append(Melding(
            "dubbele-cel", f"{aantal(kopie, 'kopie', 'kopieën')} van een cel van de opdracht (dubbele "
            "grade_id): alleen de eerste telt; de kopie is zichtbaar, niet uitgevoerd.",
            f"Je notebook had {aantal(kopie, 'kopie', 'kopieën')} van een cel van de opdracht. Alleen de eerste "
            "telt."))
    if aangepast:
        meldingen.append(Melding(
            "vaste-cel-aangepast", f"{aantal(aangepast, 'vaste (vergrendelde) cel', 'vaste (vergrendelde) cellen')} aangepast: "
            "de cel van de opdracht is teruggezet.",
            f"Je hebt {aantal(aangepast, 'cel', 'cellen')} aangepast die vast horen te staan. We hebben de "
            "cel van de opdracht gebruikt."))
    if toetsen:
        meldingen.append(Melding(
            "toetscel-aangepast", f"Toetscel aangepast ({aantal(toetsen, 'cel', 'cellen')}): de "
            "toets uit het cijferboek is gebruikt.",
            f"Je hebt {aantal(toetsen, 'cel', 'cellen')} aangepast die punten geeft. We hebben de "
            "toets van de opdracht gebruikt."))
    if typewissel:
        meldingen.append(Melding(
            "celtype-veranderd", f"Bij {aantal(typewissel, 'cel', 'cellen')} is het celtype veranderd: de "
            "cel van de opdracht is teruggezet.",
            f"Bij {aantal(typewissel, 'cel', 'cellen')} is het soort cel veranderd. We hebben de cel van de "
            "opdracht gebruikt."))
    if beschadigd:
        meldingen.append(Melding(
            "metadata-beschadigd", f"Bij {aantal(beschadigd, 'cel', 'cellen')} was de inhoud of de "
            "nbgrader-informatie beschadigd of aangepast: hersteld uit het cijferboek.",
            "Een deel van je notebook was beschadigd. We hebben de opdracht hersteld."))

    nieuwe_cellen = []
    if None in extra:
        nieuwe_cellen.extend(extra[None])
    for cursuscel in cursus:
        student = gezien.get(cursuscel.naam)
        nieuwe_cellen.append(_cursuscel_met_data(cursuscel, student, meldingen))
        nieuwe_cellen.extend(extra.get(cursuscel.naam, []))
    uitkomst.notebook = _notebook(nieuwe_cellen, kernelspec, meldingen)
    return uitkomst


def _soortnaam(soort: str) -> str:
    return {"code": "codecel", "markdown": "tekstcel", "raw": "ruwe cel"}.get(soort,
                                                                          "onbekende cel")


def _metadata_wijkt_af(cel: Mapping, cursuscel: Cursuscel) -> bool:
    meta = cel.get("metadata")
    nbgrader = meta.get("nbgrader") if isinstance(meta, Mapping) else None
    if not isinstance(nbgrader, Mapping):
        return True
    verwacht = cursuscel.nbgrader_metadata()
    for sleutel in ("grade", "solution", "locked", "schema_version", "task"):
        if sleutel in nbgrader and nbgrader[sleutel] != verwacht[sleutel]:
            return True
    punten = nbgrader.get("points")
    if "points" in verwacht and punten is not None:
        try:
            return float(punten) != float(verwacht["points"])
        except (TypeError, ValueError):
            return True
    return False


def _cursuscel_met_data(cursuscel: Cursuscel, student: Mapping | None,
                        meldingen: list[Melding]) -> dict:
    """The course's cell; for a Markdown answer, the student's text as inert HTML."""
    bron = cursuscel.bron
    antwoord = None  # the student's own text (plain, made readable): for the feedback page
    if cursuscel.oplossing and cursuscel.celtype == "markdown":
        tekst = _bron(student) if student is not None else None
        if student is None:
            meldingen.append(Melding(
                "antwoordcel-ontbreekt", f"Antwoordcel {cursuscel.naam} ontbrak: geteld als "
                "niet beantwoord.",
                "Een antwoordcel ontbrak in je notebook. Die telt als niet beantwoord."))
        elif tekst is not None and tekst != cursuscel.bron:
            bron = onschadelijk.markdown_als_blok(tekst)
            antwoord = leesbaar(tekst, onschadelijk.MAX_TEKENS)
            if onschadelijk.lijkt_op_code(tekst):
                meldingen.append(Melding(
                    "opmaak-met-code", f"Het antwoord in {cursuscel.naam} bevat opmaak of "
                    "code die een browser zou kunnen uitvoeren; die is weggelaten.",
                    "In je antwoord stond opmaak of code die we niet tonen. De tekst zelf "
                    "staat er wel."))
            if len(tekst) > onschadelijk.MAX_TEKENS:
                meldingen.append(Melding(
                    "antwoord-te-lang", f"Het antwoord in {cursuscel.naam} is langer dan "
                    f"{onschadelijk.MAX_TEKENS} tekens; alleen het begin wordt getoond.",
                    "Je antwoord was erg lang. Alleen het begin wordt getoond."))
    cel = {"cell_type": cursuscel.celtype, "id": "", "metadata": {
        "nbgrader": cursuscel.nbgrader_metadata()}, "source": bron}
    if antwoord is not None:
        cel["metadata"][METADATA_SLEUTEL] = {"antwoord": antwoord}
    if cursuscel.vergrendeld:
        cel["metadata"].update(editable=False, deletable=False)
    if cursuscel.celtype == "code":
        cel.update(execution_count=None, outputs=[])
    return cel


def _notitiecel(kop: str, tekst: str) -> dict:
    return {"cell_type": "markdown", "id": "", "metadata": {METADATA_SLEUTEL: {
        "soort": "toegevoegd"}}, "source": onschadelijk.tekst_als_blok(kop, tekst)}


def _meldingcel(meldingen: Iterable[Melding]) -> dict:
    regels = "".join(f"<li>{html_tekst(m.student)}</li>" for m in meldingen)
    bron = (f'<div class="werkalliantie-meldingen"><p><strong>Let op bij het nakijken van '
            f'deze inlevering:</strong></p><ul>{regels}</ul></div>')
    return {"cell_type": "markdown", "id": "", "metadata": {METADATA_SLEUTEL: {
        "soort": "meldingen"}}, "source": bron}


def _notebook(cellen: list[dict], kernelspec: dict | None, meldingen: list[Melding],
              dicht: Melding | None = None) -> dict:
    if meldingen:
        cellen = [_meldingcel(meldingen), *cellen]
    gebruikt: set[str] = set()
    for nummer, cel in enumerate(cellen):
        naam = cel["metadata"].get("nbgrader", {}).get("grade_id", "")
        kandidaat = naam if CEL_ID.match(naam or "") and naam not in gebruikt else f"cel-{nummer}"
        while kandidaat in gebruikt:
            kandidaat += "-x"
        gebruikt.add(kandidaat)
        cel["id"] = kandidaat
    nakijken = {"versie": VERSIE, "meldingen": [m.code for m in meldingen],
                "teksten": list(dict.fromkeys(m.student for m in meldingen if m.student))}
    if dicht is not None:  # fail closed: the gatekeeper keeps it so after nbgrader's steps
        nakijken["dicht"] = {"code": dicht.code, "docent": dicht.docent,
                             "student": dicht.student}
    metadata = {"language_info": {"name": "python"}, METADATA_SLEUTEL: {"nakijken": nakijken}}
    if kernelspec:
        metadata["kernelspec"] = kernelspec
    return {"cells": cellen, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def dichte_versie(cursus: list[Cursuscel], kernelspec: dict | None, reden: Melding,
                  student_teksten: Mapping[str, str] | None = None) -> dict:
    """Fail closed: the course's notebook in which no automatic item can earn points.

    Locked Markdown stays; every automatically graded cell raises a Dutch error (0 points);
    every other code cell is empty. An open answer is never lost: the student's text (made
    inert) stays in its answer cell, so it differs from the stub and stays on the manual
    grading list; a text in any other cell is shown beside it as escaped data. The
    notebook's metadata says it is closed, so that the gatekeeper before ``Execute`` closes
    it again after nbgrader's own steps (``OverwriteCells`` restores the course's tests).
    """
    cellen = []
    teksten = dict(student_teksten or {})
    for cursuscel in cursus:
        tekst = teksten.get(cursuscel.naam)
        antwoordcel = cursuscel.oplossing and cursuscel.celtype == "markdown"
        student = ({"source": tekst} if antwoordcel and isinstance(tekst, str)
                   and tekst != cursuscel.bron else None)
        cel = _cursuscel_met_data(cursuscel, student, [])
        if cursuscel.celtype == "code":
            cel["source"] = (f"raise RuntimeError({NIET_NAGEKEKEN!r})"
                             if cursuscel.automatisch else "")
        cellen.append(cel)
        if not antwoordcel and tekst and tekst != cursuscel.bron:
            cellen.append(_notitiecel(f"Antwoord van de student in {cursuscel.naam} — "
                                      "niet nagekeken", tekst))
    return _notebook(cellen, kernelspec, [reden], dicht=reden)


def is_dicht(nb: Mapping) -> Melding | None:
    """The reason a notebook was closed (:func:`dichte_versie`), or None."""
    meta = nb.get("metadata") if isinstance(nb, Mapping) else None
    eigen = meta.get(METADATA_SLEUTEL) if isinstance(meta, Mapping) else None
    nakijken = eigen.get("nakijken") if isinstance(eigen, Mapping) else None
    dicht = nakijken.get("dicht") if isinstance(nakijken, Mapping) else None
    if not isinstance(dicht, Mapping):
        return None
    return Melding(str(dicht.get("code", "dicht")), str(dicht.get("docent", "")),
                   str(dicht.get("student", "")))


def antwoordteksten(nb: Mapping) -> dict[str, str]:
    """Per grade_id, the student's own text of each Markdown cell: the original kept in the
    cell's metadata when the course rebuilt it, else the cell's source."""
    teksten: dict[str, str] = {}
    for cel in nb.get("cells", []) if isinstance(nb, Mapping) else []:
        gid = _grade_id(cel)
        if not gid or gid in teksten or cel.get("cell_type") != "markdown":
            continue
        meta = cel.get("metadata")
        eigen = meta.get(METADATA_SLEUTEL) if isinstance(meta, Mapping) else None
        if isinstance(eigen, Mapping) and isinstance(eigen.get("antwoord"), str):
            teksten[gid] = eigen["antwoord"]
        elif isinstance(_bron(cel), str) and not onschadelijk.is_blok(_bron(cel)):
            teksten[gid] = _bron(cel)
    return teksten


# --- Files: the allow-list ---------------------------------------------------------------

NBGRADER_BESTANDEN = ("timestamp.txt", "submission_secret.txt")

def snoei(autograded: Path, ingeleverd: Path, notebooks: Iterable[str],
          cursusbestanden: Iterable[str]) -> list[Melding]:
    """Remove from ``autograded`` everything that is not on the allow-list.

    Kept: the notebooks named (as nbgrader writes them), the course's own files
    (``cursusbestanden``: paths relative to the assignment, copied by nbgrader from
    ``source/``), and each answer file whose submitted original is a regular file, not a
    link, of bounded size. Answer files are then checked as data (see
    :func:`controleer_antwoordbestand`).
    """
    meldingen: list[Melding] = []
    toegestaan = {f"{n}.ipynb" for n in notebooks} | set(cursusbestanden)
    # nbgrader's own records of the hand-in (when, and the secret that names the feedback):
    # its exchange needs them to release the feedback. One short line each, never run,
    # never shown as HTML.
    for naam in NBGRADER_BESTANDEN:
        if _geen_gewoon_bestand(autograded / naam, 200) is None:
            toegestaan.add(naam)
    mappen = {str(Path(p).parent) for p in cursusbestanden}
    mappen |= {str(p) for m in list(mappen) for p in Path(m).parents}
    verwijderd: list[str] = []
    for naam in ANTWOORDBESTANDEN:
        reden = _geen_gewoon_bestand(ingeleverd / naam, MAX_ANTWOORDBESTAND_BYTES)
        if reden is None:
            toegestaan.add(naam)
            if naam == BESTANDSNAAM:
                meldingen.extend(controleer_antwoordbestand(autograded / naam))
        elif reden == "het bestand ontbreekt":
            if naam != BESTANDSNAAM:
                continue  # no last good copy: nothing to say
            reserve = ANTWOORDBESTANDEN[1]
            if _geen_gewoon_bestand(ingeleverd / reserve, MAX_ANTWOORDBESTAND_BYTES) is None:
                # the answer store reads its last good copy then, and so does the grading
                meldingen.append(Melding(
                    "antwoordbestand-reserve",
                    f"Geen {naam} ingeleverd: de laatste goede versie ({reserve}) is nagekeken.",
                    f"Bij je inlevering zat geen {naam}. We hebben de laatste goede versie "
                    f"van je antwoorden nagekeken ({reserve})."))
                meldingen.extend(controleer_antwoordbestand(autograded / reserve))
            else:
                meldingen.append(Melding(
                    "antwoordbestand-ontbreekt", f"Geen antwoordbestand ({naam}) ingeleverd.",
                    f"Bij je inlevering zat geen antwoordbestand ({naam})."))
        else:
            meldingen.append(Melding(
                "antwoordbestand-geweigerd", f"{naam} niet gebruikt: {reden}.",
                f"Je bestand {naam} is niet gebruikt: {reden}."))
    if not autograded.is_dir():
        return meldingen
    for map_, submappen, bestanden in os.walk(autograded, topdown=True, followlinks=False):
        rel_map = Path(map_).relative_to(autograded)
        for naam in list(submappen):
            rel = str(rel_map / naam)
            pad = Path(map_) / naam
            if pad.is_symlink() or rel not in mappen:
                _verwijder(pad)
                verwijderd.append(rel + "/")
                submappen.remove(naam)
        for naam in bestanden:
            rel = str(rel_map / naam)
            pad = Path(map_) / naam
            if rel not in toegestaan or pad.is_symlink():
                _verwijder(pad)
                if not (is_hulpbestand(naam) and rel_map == Path(".")):
                    verwijderd.append(rel)  # the answer store's own lock: not worth a word
    if verwijderd:
        namen = ", ".join(leesbaar(n, 100) for n in sorted(verwijderd)[:10]) + (
            " ..." if len(verwijderd) > 10 else "")
        meldingen.append(Melding(
            "bestand-geweigerd", f"{aantal(len(verwijderd), 'bestand of map', 'bestanden of mappen')} uit de "
            f"inlevering niet gebruikt: {namen}.",
            f"Je inlevering had {aantal(len(verwijderd), 'bestand of map', 'bestanden of mappen')} die niet bij de "
            "opdracht horen. Die zijn niet gebruikt."))
    return meldingen


def _verwijder(pad: Path) -> None:
    if pad.is_dir() and not pad.is_symlink():
        shutil.rmtree(pad, ignore_errors=True)
    else:
        try:
            pad.unlink()
        except FileNotFoundError:
            pass


def controleer_antwoordbestand(pad: Path) -> list[Melding]:
    """Findings about an answer file, read by the answer store's own reader (the one the
    hidden tests grade with); the file itself is graded as it is."""
    inhoud = lees_bestand(pad)
    if inhoud.beschadigd:
        return [Melding("antwoordbestand-beschadigd",
                        f"Het antwoordbestand is niet te gebruiken: {inhoud.melding}",
                        "Je antwoordbestand is beschadigd of hoort niet bij deze cursus.")]
    meldingen = []
    if not inhoud.antwoorden:
        meldingen.append(Melding("antwoordbestand-leeg",
                                 "Het antwoordbestand bevat geen antwoorden.",
                                 "In je antwoordbestand staan geen antwoorden."))
    if inhoud.ongeldig or inhoud.onbekende_versie:
        meldingen.append(Melding("antwoordbestand-ongeldig",
                                 f"Een deel van het antwoordbestand is niet gebruikt: {inhoud.melding}",
                                 "Een deel van je antwoordbestand kon niet worden gebruikt."))
    return meldingen


# --- What the gatekeeper checks before anything runs -------------------------------------

def controleer_uitvoerbaar(nb: Mapping, cursus: list[Cursuscel]) -> str | None:
    """Why ``nb`` may not be executed; None when every code cell is the course's own.

    Independent of :func:`herbouw`: a code cell runs only if it carries the grade_id of a
    locked course code cell, once, with exactly the course's source and no metadata that
    changes how it runs (tags such as ``skip-execution``).
    """
    meta = nb.get("metadata")
    if not isinstance(meta, Mapping) or not isinstance(meta.get(METADATA_SLEUTEL), Mapping) \
            or "nakijken" not in meta[METADATA_SLEUTEL]:
        return "de controle van de inlevering is niet uitgevoerd"
    per_naam = {c.naam: c for c in cursus}
    gezien = set()
    for cel in nb.get("cells", []):
        if not isinstance(cel, Mapping):
            return "een cel is beschadigd"
        soort = cel.get("cell_type")
        if soort not in ("code", "markdown", "raw"):
            return "een cel heeft een onbekend celtype"
        if soort != "code":
            continue
        gid = _grade_id(cel)
        cursuscel = per_naam.get(gid) if gid else None
        if cursuscel is None or gid in gezien:
            return "een codecel hoort niet bij de opdracht"
        gezien.add(gid)
        if cursuscel.celtype != "code" or _bron(cel) != cursuscel.bron:
            return f"codecel {gid} is niet de cel van de opdracht"
        if set(cel.get("metadata", {})) - {"nbgrader", "editable", "deletable"}:
            return f"codecel {gid} heeft extra instellingen"
    return None
