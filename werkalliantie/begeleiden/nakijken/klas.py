"""A simulated class: ``werkalliantie klas N`` (demos, tests and benchmarks).

For every assignment in ``data/opdrachten.yaml`` (or the ones named) it writes N
submissions into the course folder's ``submitted/<student>/<opdracht>/``, made from the
released notebook and the question records, with a realistic mix of what instructors
receive (:data:`SCENARIOS`). Right answers come from the graded keys
(``voorbeelden()['goed']`` of its kind); partly right and wrong answers are found by changing the right
answer and grading the change with the course's own rules, so the mix works for every
kind of question, also kinds added later.

It also writes ``studenten.csv`` (for ``werkalliantie klaslijst``; with a Canvas id per student,
so the practice class can take the Canvas route of the guide) and ``klas.json``:
per student and assignment the scenario and the points each automatically graded part
should get, so tests and benchmarks can check the grades.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from werkalliantie.begeleiden.csvbestand import schrijf as schrijf_csv
from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.leren import opgaven
from werkalliantie.leren.antwoorden import BESTANDSNAAM, SCHEMA, VERSIE, Antwoordenbestand
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven import Opgave
from werkalliantie.leren.opgaven.model import laad_opdracht

# What an instructor receives, in the order a small class gets them: every kind of bad
# submission is in a class of 11 or more.
SCENARIOS = (
    "goed",                         # everything right (the graded keys' model answer)
    "deels",                        # some parts right
    "fout",                         # nothing right
    "leeg",                         # saved empty answers
    "zonder-antwoordbestand",       # the notebook without antwoorden.json
    "beschadigd-antwoordbestand",   # antwoorden.json cut off halfway
    "vergrendelde-cel-aangepast",   # a locked cell rewritten to save the right answer
    "toetscel-aangepast",           # a test cell rewritten to claim full points
    "cel-toegevoegd",               # cells added by the student
    "groot-antwoordbestand",        # almost 10 MB of notes around right answers: slow to read
    "diep-genest-antwoordbestand",  # nested 100,000 levels deep: must not hang anything
)
# After the first eleven: mostly ordinary work.
GEWICHTEN = {"goed": 35, "deels": 35, "fout": 15, "leeg": 5, "zonder-antwoordbestand": 3,
             "beschadigd-antwoordbestand": 2, "vergrendelde-cel-aangepast": 1,
             "toetscel-aangepast": 1, "cel-toegevoegd": 1, "groot-antwoordbestand": 1,
             "diep-genest-antwoordbestand": 1}
# The answers behind each scenario that is not about the answers themselves.
ANTWOORDEN_VAN = {"vergrendelde-cel-aangepast": "fout", "toetscel-aangepast": "fout",
                  "cel-toegevoegd": "deels", "groot-antwoordbestand": "goed"}
NUL = {"zonder-antwoordbestand", "beschadigd-antwoordbestand", "diep-genest-antwoordbestand"}

VOORNAMEN = ("Sam", "Noor", "Daan", "Fatima", "Lotte", "Yusuf", "Emma", "Bram", "Amira",
             "Jesse", "Sanne", "Mohamed", "Iris", "Thijs", "Esra", "Ruben", "Lieke", "Milan")
ACHTERNAMEN = ("Jansen", "de Vries", "Bakker", "Yilmaz", "Visser", "El Amrani", "Smit",
               "Mulder", "de Boer", "Bos", "Kaya", "Peters", "Hendriks", "Dijkstra")


class Klasfout(CursusFout):
    """Bad input; the message is Dutch."""


@dataclass(frozen=True)
class Student:
    id: str
    voornaam: str
    achternaam: str
    lms_user_id: str = ""  # the student's id in the LMS (Canvas: the column ID)

    @property
    def email(self) -> str:
        return f"{self.id}@student.example.org"


KLASLIJST = ["id", "first_name", "last_name", "email", "lms_user_id"]
CANVAS_ID = 48000  # the first Canvas id of a simulated class (the guide's example: 48213)


def studenten(aantal: int, zaad: int = 1) -> list[Student]:
    kans = random.Random(zaad)
    return [Student(f"s{1000001 + n}", kans.choice(VOORNAMEN), kans.choice(ACHTERNAMEN),
                    str(CANVAS_ID + n))
            for n in range(aantal)]


def _eigen_tijden(pad: Path, kans: random.Random) -> None:
    """Save times of the student's own: every simulated student saved at other moments (a
    whole class saved in the same second would look like copied files in the grading
    report)."""
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    begin = datetime(2025, 1, 6, 9, 0, tzinfo=timezone.utc) + timedelta(
        minutes=kans.randrange(60 * 24 * 14))
    for n, vraag in enumerate(sorted(data.get("antwoorden", {}))):
        tijd = begin + timedelta(minutes=3 * n, seconds=kans.randrange(180))
        data["antwoorden"][vraag]["opgeslagen"] = tijd.isoformat(timespec="seconds")
    pad.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def scenarios(aantal: int, zaad: int = 1) -> list[str]:
    """The scenario of each of ``aantal`` students: every kind once, then a realistic mix."""
    kans = random.Random(zaad)
    namen = list(GEWICHTEN)
    return [SCENARIOS[n] if n < len(SCENARIOS) else
            kans.choices(namen, weights=[GEWICHTEN[s] for s in namen])[0]
            for n in range(aantal)]


# --- Answers of a given quality, for any kind ----------------------------------------------

def _waarden(obj: Any) -> set:
    """Every leaf value (strings, numbers) in a record's options: what an answer may hold."""
    gevonden: set = set()

    def loop(x: Any) -> None:
        if dataclasses.is_dataclass(x) and not isinstance(x, type):
            for veld in dataclasses.fields(x):
                loop(getattr(x, veld.name))
        elif isinstance(x, dict):
            for k, v in x.items():
                loop(k)
                loop(v)
        elif isinstance(x, (list, tuple, set, frozenset)):
            for v in x:
                loop(v)
        elif isinstance(x, (str, int, float)) and not isinstance(x, bool):
            if not isinstance(x, str) or len(x) <= 40:
                gevonden.add(x)

    loop(x=obj)
    return gevonden


ZWAKKE_TEKSTEN = ("Ik wil dat het beter gaat.", "Weet ik niet.", "Meer rust.",
                  "Ik ga proberen om minder te piekeren en ergens volgend jaar werk te zoeken.")


def _verander(waarde: Any, model: Any, kandidaten: list, kans: random.Random, mate: float) -> Any:
    """A changed copy of ``waarde``: each leaf replaced with probability ``mate``."""
    if isinstance(waarde, dict):
        return {k: _verander(v, model, kandidaten, kans, mate) for k, v in waarde.items()}
    if isinstance(waarde, list):
        # An item of a list is replaced by an item of a list, never by a key or an option's
        # text: a student ticks the boxes a question offers.
        binnen = [k for k in kandidaten if k in _lijstelementen(model)] or kandidaten
        nieuw = [_verander(v, model, binnen, kans, mate) for v in waarde]
        if nieuw and kans.random() < mate / 2:
            nieuw.pop(kans.randrange(len(nieuw)))
        if kans.random() < mate / 2:
            soort = [k for k in binnen if isinstance(k, str) and k not in nieuw]
            if soort:
                nieuw.append(kans.choice(soort))
        return nieuw
    if kans.random() >= mate:
        return waarde
    if isinstance(waarde, bool):
        return not waarde
    if isinstance(waarde, (int, float)):
        getallen = sorted({k for k in kandidaten if isinstance(k, int) and not isinstance(k, bool)}
                          | set(range(int(waarde) - 4, int(waarde) + 5)))
        return kans.choice([g for g in getallen if g != waarde] or [waarde])
    if isinstance(waarde, str):
        if " " in waarde.strip():  # a text: a weaker one
            return kans.choice(ZWAKKE_TEKSTEN)
        woorden = [k for k in kandidaten if isinstance(k, str) and k != waarde and " " not in k]
        return kans.choice(woorden) if woorden else waarde
    return waarde


def _lijstelementen(model: Any) -> set:
    """The plain values that occur as items of a list anywhere in ``model``."""
    if isinstance(model, dict):
        return set().union(*(_lijstelementen(v) for v in model.values()))
    if isinstance(model, list):
        return {v for v in model if isinstance(v, (str, int, float))}.union(
            *(_lijstelementen(v) for v in model if isinstance(v, (dict, list))))
    return set()


def _leeg(waarde: Any) -> Any:
    return type(waarde)() if isinstance(waarde, (dict, list, str)) else None


@dataclass
class Vraag:
    opgave: Opgave
    sleutel: Any
    model: Any  # the fully right answer; None for an open question

    @property
    def open(self) -> bool:
        return all(o.handmatig for o in opgaven.onderdelen(self.opgave))

    def punten(self, antwoord: Any) -> dict[str, float]:
        resultaat = opgaven.nakijken(self.opgave, antwoord, self.sleutel)
        return {d.onderdeel: float(d.punten) for d in resultaat.delen}

    def antwoord(self, soort: str, kans: random.Random) -> Any:
        """An answer of quality ``soort`` (goed, deels, fout, leeg), checked with the rules."""
        if soort == "goed":
            return copy.deepcopy(self.model)
        if soort == "leeg":
            return _leeg(self.model)
        maximum = {d.id: self.opgave.punten[d.id] for d in opgaven.onderdelen(self.opgave)
                   if not d.handmatig}
        kandidaten = sorted(_waarden(self.opgave.opties) | _waarden(self.model), key=repr)
        beste = eerste = None
        for poging in range(400):
            mate = 0.3 + 0.7 * (poging % 10) / 9 if soort == "fout" else 0.15 + 0.5 * (poging % 10) / 9
            kandidaat = _verander(self.model, self.model, kandidaten, kans, mate)
            resultaat = opgaven.nakijken(self.opgave, kandidaat, self.sleutel)
            if resultaat.meldingen:
                continue  # a value the question cannot use: not what a student can save
            totaal = float(resultaat.punten)
            maxtotaal = sum(maximum.values())
            if totaal < maxtotaal and eerste is None:
                eerste = kandidaat
            if soort == "fout" and totaal == 0:
                return kandidaat
            if soort == "deels" and 0 < totaal < maxtotaal:
                return kandidaat
            if soort == "fout" and totaal < maxtotaal and (beste is None or totaal < beste[0]):
                beste = (totaal, kandidaat)
        if beste is not None:
            return beste[1]
        # no partial credit in this question: partly right becomes another complete answer
        return eerste if eerste is not None else _leeg(self.model)


def vragen_van(opdracht_id: str, sleutelmap: Path) -> list[Vraag]:
    from werkalliantie.begeleiden.nakijken.sleutels import lees_sleutel

    opdracht = laad_opdracht(opdracht_id)
    vragen = []
    for vraag_id in opdracht.opgaven:
        opgave = opgaven.laad_opgave(vraag_id)
        sleutel = (opgave.sleutel if opgave.sleutel is not None
                   else lees_sleutel(opgave, sleutelmap))
        vraag = Vraag(opgave, sleutel, None)
        vraag.model = None if vraag.open else opgaven.modelantwoord(opgave, sleutel)
        vragen.append(vraag)
    return vragen


def _open_tekst(vraag: Vraag, soort: str) -> str | None:
    """A written open answer: the key's example answers, strongest for 'goed'."""
    voorbeelden = getattr(vraag.sleutel, "voorbeelden", None) or ()
    teksten = [getattr(v, "tekst", "") for v in voorbeelden if getattr(v, "tekst", "")]
    if soort == "leeg" or not teksten:
        return None
    return {"goed": teksten[-1], "deels": teksten[len(teksten) // 2]}.get(soort, teksten[0])


# --- Writing the submissions ---------------------------------------------------------------

def _schrijf_antwoorden(map_: Path, waarden: dict[str, Any]) -> None:
    if waarden:
        Antwoordenbestand(map_).bewaar_meerdere(waarden)


def _groot_bestand(map_: Path, waarden: dict[str, Any]) -> None:
    """Right answers among ~4,400 notes: just under the answer store's 10 MB limit."""
    tijd = "2025-01-01T12:00:00+01:00"
    antwoorden = {k: {"waarde": v, "opgeslagen": tijd} for k, v in waarden.items()}
    notitie = "Aantekening bij de casus. " * 75
    for n in range(4400):
        antwoorden[f"notitie-{n:04d}"] = {"waarde": notitie, "opgeslagen": tijd}
    tekst = json.dumps({"schema": SCHEMA, "versie": VERSIE, "antwoorden": antwoorden},
                       ensure_ascii=False)
    (map_ / BESTANDSNAAM).write_text(tekst, encoding="utf-8")


def _diep_bestand(map_: Path) -> None:
    diep = 100_000
    (map_ / BESTANDSNAAM).write_text(
        f'{{"schema": "{SCHEMA}", "versie": {VERSIE}, "antwoorden": {{"x": {{"waarde": '
        + "[" * diep + "]" * diep + ', "opgeslagen": ""}}}}', encoding="utf-8")


def _cellen(nb: dict) -> dict[str, dict]:
    return {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"]
            if "grade_id" in c.get("metadata", {}).get("nbgrader", {})}


def _notebook(vrijgegeven: dict, scenario: str, vragen: list[Vraag], soort: str,
              model: dict[str, Any]) -> dict:
    nb = copy.deepcopy(vrijgegeven)
    cellen = _cellen(nb)
    for vraag in vragen:
        if vraag.open:
            tekst = _open_tekst(vraag, soort)
            cel = cellen.get(f"antwoord-{vraag.opgave.id}")
            if tekst is not None and cel is not None:
                cel["source"] = tekst
    if scenario == "vergrendelde-cel-aangepast":
        for vraag in vragen:
            cel = cellen.get(f"opgave-{vraag.opgave.id}")
            if cel is not None:
                cel["source"] = ("from werkalliantie.leren.antwoorden import Antwoordenbestand\n"
                                 f"Antwoordenbestand().bewaar_meerdere({model!r})")
                break
    elif scenario == "toetscel-aangepast":
        for naam, cel in cellen.items():
            meta = cel["metadata"]["nbgrader"]
            if meta.get("grade") and not meta.get("solution") and cel["cell_type"] == "code":
                cel["source"] = f"# Ik geef mezelf alle punten.\n{meta.get('points', 1)}"
                break
    elif scenario == "cel-toegevoegd":
        nb["cells"].insert(1, {"cell_type": "markdown", "metadata": {}, "id": "eigen-notitie",
                               "source": "Mijn eigen aantekeningen <b>bij</b> deze opdracht."})
        nb["cells"].insert(2, {"cell_type": "code", "metadata": {}, "id": "eigen-code",
                               "execution_count": None, "outputs": [],
                               "source": 'print("Dit is mijn eigen cel.")'})
    return nb


def maak_klas(cursus: Cursusmap | Path, aantal: int, opdrachten: list[str] | None = None, *,
              zaad: int = 1, melding: Callable[[str], None] | None = None) -> dict:
    """Write a simulated class of ``aantal`` students into the course folder; returns the
    manifest that is also written to ``klas.json``."""
    from werkalliantie.leren.opgaven.model import alle_opdrachten

    if aantal < 1:
        raise Klasfout("Een klas heeft minstens 1 student.")
    if aantal > 10_000:
        raise Klasfout("Zo'n grote klas maken we niet: kies hooguit 10000 studenten.")
    cursus = Cursusmap.van(cursus)
    cursusmap = cursus.root
    alle = alle_opdrachten()
    namen = opdrachten or list(alle)
    onbekend = [n for n in namen if n not in alle]
    if onbekend:
        raise Klasfout(f"Onbekende opdracht: {', '.join(onbekend)}. De cursus kent: "
                       + ", ".join(alle) + ".")
    ontbreekt = [n for n in namen if not cursus.map("release", ".", n).is_dir()]
    if ontbreekt:
        raise Klasfout(f"Er is nog geen studentversie van {', '.join(ontbreekt)} in release/. "
                       "Maak die eerst: werkalliantie klaarzetten")
    klas = studenten(aantal, zaad)
    rollen = scenarios(aantal, zaad)
    manifest: dict = {"studenten": {}}
    for opdracht_id in namen:
        vragen = vragen_van(opdracht_id, cursus.sleutels)
        vrij_map = cursus.map("release", ".", opdracht_id)
        notebooks = {p.name: json.loads(p.read_text(encoding="utf-8"))
                     for p in sorted(vrij_map.glob("*.ipynb"))}
        for student, scenario in zip(klas, rollen):
            kans = random.Random(f"{zaad}-{opdracht_id}-{student.id}")
            soort = ANTWOORDEN_VAN.get(scenario, scenario if scenario in
                                       ("goed", "deels", "fout", "leeg") else "goed")
            antwoorden = {v.opgave.id: v.antwoord(soort, kans) for v in vragen if not v.open}
            model = {v.opgave.id: v.model for v in vragen if not v.open}
            map_ = cursus.map("submitted", student.id, opdracht_id)
            map_.mkdir(parents=True, exist_ok=True)
            for naam, vrijgegeven in notebooks.items():
                nb = _notebook(vrijgegeven, scenario, vragen, soort, model)
                (map_ / naam).write_text(json.dumps(nb, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
            for overig in vrij_map.iterdir():  # other released files, as students get them
                if overig.is_file() and overig.suffix != ".ipynb":
                    (map_ / overig.name).write_bytes(overig.read_bytes())
            if scenario == "groot-antwoordbestand":
                _groot_bestand(map_, antwoorden)
            elif scenario == "diep-genest-antwoordbestand":
                _diep_bestand(map_)
            elif scenario != "zonder-antwoordbestand":
                _schrijf_antwoorden(map_, antwoorden)
                _eigen_tijden(map_ / BESTANDSNAAM, kans)
                if scenario == "beschadigd-antwoordbestand":
                    pad = map_ / BESTANDSNAAM
                    tekst = pad.read_bytes() if pad.exists() else b'{"schema": "x"}'
                    pad.write_bytes(tekst[: max(10, len(tekst) // 2)])
            verwacht = {}
            for vraag in vragen:
                if vraag.open:
                    continue
                punten = vraag.punten(None if scenario in NUL else antwoorden[vraag.opgave.id])
                verwacht.update({f"toets-{vraag.opgave.id}-{deel}": p for deel, p in punten.items()})
            rij = manifest["studenten"].setdefault(student.id, {
                "voornaam": student.voornaam, "achternaam": student.achternaam,
                "email": student.email, "opdrachten": {}})
            rij["opdrachten"][opdracht_id] = {"scenario": scenario, "punten": verwacht}
        if melding:
            melding(f"{opdracht_id}: {aantal} inleveringen in submitted/")
    # The class list, with a Canvas id per student (as an LMS gives them), so the practice
    # class runs the Canvas route of the guide too; written as every CSV of the course.
    schrijf_csv(cursusmap / "studenten.csv", KLASLIJST,
                [[s.id, s.voornaam, s.achternaam, s.email, s.lms_user_id] for s in klas])
    (cursusmap / "klas.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
    return manifest
