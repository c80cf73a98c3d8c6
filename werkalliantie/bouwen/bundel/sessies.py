"""Build parts ``sessiecheck`` and ``sessies``: the session check and every case's series.

A series is ``data/casussen/<casus>-sessies.csv`` with the columns ``sessie``, ``wie``
(client or professional) and one column per theme of the session check: ten sessions,
both raters, every score a whole number from 0 to 10. A broken file gives a Dutch error
that names the file, the row and the column.
"""

from __future__ import annotations

import csv
from pathlib import Path

from werkalliantie.bouwen.bundel.schema import DataFout, lees_yaml, uniek, valideer
from werkalliantie.leren.gegevens import als_json
from werkalliantie.leren.sessies import BEOORDELAARS, Sessiecheck

SESSIES = 10
ACHTERVOEGSEL = "-sessies.csv"


def lees_sessiecheck(data: Path) -> Sessiecheck:
    pad = data / "sessiecheck.yaml"
    check = valideer(Sessiecheck, lees_yaml(pad), pad)
    uniek(pad, "themas", [t.id for t in check.themas])
    return check


def _fout(pad: Path, rij: int | None, kolom: str | None, bericht: str) -> DataFout:
    waar = "".join([f", rij {rij}" if rij else "", f", kolom '{kolom}'" if kolom else ""])
    return DataFout(f"Het bestand {pad} klopt niet{waar}: {bericht}")


def lees_reeks(pad: Path, check: Sessiecheck) -> dict[str, list[list[int]]]:
    """One case's series, validated: {"client": [[4 scores] x 10], "professional": ...}."""
    themas = [t.id for t in check.themas]
    kolommen = ["sessie", "wie", *themas]
    try:
        with open(pad, encoding="utf-8-sig", newline="") as f:
            rijen = list(csv.reader(f))
    except UnicodeDecodeError:
        raise _fout(pad, None, None, "dit is geen UTF-8-tekst") from None
    if not rijen or [k.strip() for k in rijen[0]] != kolommen:
        raise _fout(pad, 1, None, "de eerste rij moet de kolommen " + ", ".join(kolommen) + " noemen")
    reeks: dict[str, dict[int, list[int]]] = {w: {} for w in BEOORDELAARS}
    for nummer, rij in enumerate(rijen[1:], 2):
        if not any(c.strip() for c in rij):
            continue
        if len(rij) != len(kolommen):
            raise _fout(pad, nummer, None, f"deze rij heeft {len(rij)} waarden; verwacht {len(kolommen)}")
        waarden = dict(zip(kolommen, (c.strip() for c in rij)))
        wie = waarden["wie"]
        if wie not in BEOORDELAARS:
            raise _fout(pad, nummer, "wie", f"'{wie}' is geen client of professional")
        try:
            sessie = int(waarden["sessie"])
        except ValueError:
            raise _fout(pad, nummer, "sessie", f"'{waarden['sessie']}' is geen sessienummer") from None
        if not 1 <= sessie <= SESSIES:
            raise _fout(pad, nummer, "sessie", f"kies een sessie van 1 tot {SESSIES}")
        if sessie in reeks[wie]:
            raise _fout(pad, nummer, "sessie", f"sessie {sessie} van {wie} staat er al")
        scores = []
        for thema in themas:
            try:
                score = int(waarden[thema])
            except ValueError:
                score = None
            if score is None or not check.MIN <= score <= check.MAX:
                raise _fout(pad, nummer, thema, f"'{waarden[thema]}' is geen score van "
                            f"{check.MIN} tot {check.MAX}")
            scores.append(score)
        reeks[wie][sessie] = scores
    for wie in BEOORDELAARS:
        ontbrekend = [s for s in range(1, SESSIES + 1) if s not in reeks[wie]]
        if ontbrekend:
            raise _fout(pad, None, None, f"de sessies {', '.join(map(str, ontbrekend))} van "
                        f"{wie} ontbreken: elke casus heeft {SESSIES} sessies van allebei")
    return {w: [reeks[w][s] for s in range(1, SESSIES + 1)] for w in BEOORDELAARS}


def bouw_sessiecheck(data: Path) -> dict:
    return als_json(lees_sessiecheck(data))


def bouw(data: Path) -> dict:
    from werkalliantie.leren.casussen import alle_casussen

    check = lees_sessiecheck(data)
    reeksen = {}
    for pad in sorted((data / "casussen").glob(f"*{ACHTERVOEGSEL}")):
        casus = pad.name.removesuffix(ACHTERVOEGSEL)
        if casus not in alle_casussen():
            raise _fout(pad, None, None, f"er is geen casus '{casus}' in data/casussen/")
        reeksen[casus] = lees_reeks(pad, check)
    return reeksen
