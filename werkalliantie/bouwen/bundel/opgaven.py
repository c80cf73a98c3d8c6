"""Build part ``opgaven``: every question record in ``data/opgaven/*.yaml``, validated.

A record is checked in this order, each step with a Dutch error naming file and field:
its kind exists; its ``opties`` and (on a practice question) its ``sleutel`` match the
kind's dataclasses; its ``punten`` name exactly the kind's parts; the common fields match
:class:`~werkalliantie.leren.opgaven.model.Opgave`; the case and fragment it refers to exist;
and the kind's own checks (``controleer``) pass. Ids are unique across all files.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from werkalliantie.bouwen.bundel.schema import (
    DataFout,
    fout,
    lees_yaml,
    valideer,
    veldfout,
    veldnaam,
)
from werkalliantie.leren.casussen import alle_casussen
from werkalliantie.leren.gegevens import als_json
from werkalliantie.leren.opgaven.model import PLAATSHOUDER, Opgave
from werkalliantie.leren.opgaven.soorten import SOORTEN, soort


def lees_record(ruw: Any, pad: Path, plek: tuple) -> Opgave:
    """One record (parsed YAML at ``plek`` in ``pad``) as a validated Opgave."""
    naam = veldnaam(plek)
    if not isinstance(ruw, dict):
        raise veldfout(pad, naam, "hier horen velden met waarden te staan")
    if ruw.get("soort") not in SOORTEN:
        raise veldfout(pad, f"{naam}.soort", f"'{ruw.get('soort')}' is geen bekende soort; "
                       "kies uit " + ", ".join(SOORTEN))
    s = soort(ruw["soort"])
    opties = valideer(s.Opties, ruw.get("opties", {}), pad, (*plek, "opties"))
    vorm = ruw.get("vorm")
    if vorm == "oefenen" and ruw.get("sleutel") is None:
        raise veldfout(pad, f"{naam}.sleutel", "een oefenopgave heeft hier haar antwoordmodel")
    if vorm == "beoordeeld" and ruw.get("sleutel") is not None:
        raise veldfout(pad, f"{naam}.sleutel", "het antwoordmodel van een beoordeelde opgave "
                       "staat nooit hier, maar bij de docent (sleutels/<id>.yaml)")
    sleutel = (None if ruw.get("sleutel") is None
               else valideer(s.Sleutel, ruw["sleutel"], pad, (*plek, "sleutel")))
    punten = ruw.get("punten", {})
    opgave = valideer(Opgave, {**ruw, "opties": None, "sleutel": None,
                               "punten": {} if _is_getal(punten) else punten}, pad, plek)
    opgave = replace(opgave, opties=opties, sleutel=sleutel)
    _controleer_verwijzingen(opgave, pad, naam)
    delen = [o.id for o in s.onderdelen(opgave)]
    if _is_getal(punten) and len(delen) == 1:  # "punten: 4" on a question of one part
        opgave = replace(opgave, punten={delen[0]: float(punten)})
    if sorted(opgave.punten) != sorted(delen) or any(p <= 0 for p in opgave.punten.values()):
        raise veldfout(pad, f"{naam}.punten", "geef elk onderdeel punten (meer dan 0): "
                       + ", ".join(delen))
    problemen = s.controleer(opgave, sleutel)
    if problemen:
        raise fout(pad, [f"- veld '{naam}.{veld}': {bericht}" for veld, bericht in problemen])
    return opgave


def _is_getal(waarde: Any) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool)


def _controleer_verwijzingen(opgave: Opgave, pad: Path, naam: str) -> None:
    if opgave.fragment is not None and opgave.casus is None:
        raise veldfout(pad, f"{naam}.casus", "een fragment hoort bij een casus")
    onbekend = set(PLAATSHOUDER.findall(opgave.tekst)) - ({"client", "professional"}
                                                         if opgave.casus else set())
    if onbekend:
        raise veldfout(pad, f"{naam}.tekst", f"{{{sorted(onbekend)[0]}}} kennen we hier niet")
    if opgave.casus is None:
        return
    casussen = alle_casussen()
    if opgave.casus not in casussen:
        raise veldfout(pad, f"{naam}.casus", f"'{opgave.casus}' is geen casus in data/casussen/")
    fragmenten = [f.id for f in casussen[opgave.casus].fragmenten]
    if opgave.fragment is not None and opgave.fragment not in fragmenten:
        raise veldfout(pad, f"{naam}.fragment", f"casus '{opgave.casus}' heeft geen fragment "
                       f"'{opgave.fragment}'; wel: " + ", ".join(fragmenten))


def lees_opgavenbestand(pad: Path) -> list[Opgave]:
    ruw = lees_yaml(pad)
    if not isinstance(ruw, dict) or not isinstance(ruw.get("opgaven"), list):
        raise DataFout(f"Het bestand {pad} klopt niet:\n- veld 'opgaven': hier hoort een "
                       "lijst met opgaven te staan")
    return [lees_record(r, pad, ("opgaven", i)) for i, r in enumerate(ruw["opgaven"])]


def bouw(data: Path) -> list:
    opgaven, bron = [], {}
    for pad in sorted((data / "opgaven").glob("*.yaml")):
        for opgave in lees_opgavenbestand(pad):
            if opgave.id in bron:
                raise veldfout(pad, "opgaven", f"id '{opgave.id}' staat ook in {bron[opgave.id]}")
            bron[opgave.id] = pad.name
            opgaven.append(opgave)
    return [als_json(o) for o in opgaven]
