"""Build part ``casussen``: every ``data/casussen/<id>.yaml``, validated, by id."""

from __future__ import annotations

from pathlib import Path

from werkalliantie.bouwen.bundel.schema import DataFout, lees_yaml, uniek, valideer, veldfout
from werkalliantie.leren.casussen import Casus
from werkalliantie.leren.gegevens import als_json

CasusFout = DataFout  # the name the tests and messages use for a broken case file


def lees_casusbestand(pad: Path) -> Casus:
    """Read and validate one case file; raise CasusFout in Dutch when it is broken."""
    ruw = lees_yaml(pad)
    if not isinstance(ruw, dict):
        raise DataFout(f"Het casusbestand {pad} bevat geen velden met waarden.")
    casus = valideer(Casus, ruw, pad)
    if casus.id != pad.stem:
        raise veldfout(pad, "id", f"'{casus.id}' moet gelijk zijn aan de bestandsnaam ('{pad.stem}')")
    uniek(pad, "citaten", [c.id for c in (*casus.citaten, *casus.uitspraken)])
    for i, u in enumerate(casus.uitspraken, start=1):
        if u.herkomst != "cursus":
            raise veldfout(pad, f"uitspraken[{i}].herkomst", "een uitspraak voor een oefening is "
                           "altijd van de cursus (herkomst: cursus)")
    uniek(pad, "fragmenten", [f.id for f in casus.fragmenten])
    for i, c in enumerate(casus.citaten, start=1):
        if c.herkomst == "rapport" and not c.pagina:
            raise veldfout(pad, f"citaten[{i}].pagina",
                           "een citaat uit het rapport heeft een paginanummer nodig")
    fragmenten = {f.id for f in casus.fragmenten}
    for i, m in enumerate(casus.tijdlijn, start=1):
        if m.fragment and m.fragment not in fragmenten:
            raise veldfout(pad, f"tijdlijn[{i}].fragment", f"er is geen fragment '{m.fragment}'")
    return casus


def bouw(data: Path) -> dict:
    return {p.stem: als_json(lees_casusbestand(p))
            for p in sorted((data / "casussen").glob("*.yaml"))}
