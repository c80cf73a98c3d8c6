"""The simulated class (``werkalliantie klas``): answers of a given quality for every kind.

Right answers come from the key (``modelantwoord``); partly right and wrong answers are
found by changing the right one and grading the change with the course's own rules. This
must work for every question of the course that has a key, also for kinds added later.
"""

from __future__ import annotations

import random

import pytest
from conftest import ROOT

from werkalliantie.leren import opgaven
from werkalliantie.begeleiden.nakijken import klas
from werkalliantie.begeleiden.nakijken.sleutels import SLEUTELMAP, lees_sleutel

SLEUTELS = ROOT / "exercises" / SLEUTELMAP


def _met_sleutel():
    for opgave in opgaven.alle_opgaven().values():
        if all(o.handmatig for o in opgaven.onderdelen(opgave)):
            continue
        if opgave.sleutel is not None:
            yield opgave.id, opgave.sleutel
        elif (SLEUTELS / f"{opgave.id}.yaml").exists():
            yield opgave.id, lees_sleutel(opgave, SLEUTELS)


VRAGEN = dict(_met_sleutel())


@pytest.mark.parametrize("vraag_id", VRAGEN)
def test_goed_deels_fout_en_leeg_volgens_de_eigen_regels(vraag_id):
    opgave = opgaven.laad_opgave(vraag_id)
    vraag = klas.Vraag(opgave, VRAGEN[vraag_id], None)
    vraag.model = opgaven.modelantwoord(opgave, vraag.sleutel)
    maximum = sum(opgave.punten[d.id] for d in opgaven.onderdelen(opgave) if not d.handmatig)
    kans = random.Random(7)
    assert sum(vraag.punten(vraag.antwoord("goed", kans)).values()) == maximum
    fout = vraag.antwoord("fout", kans)
    assert not opgaven.nakijken(opgave, fout, vraag.sleutel).meldingen  # a value a student can save
    assert sum(vraag.punten(fout).values()) < maximum
    deels = sum(vraag.punten(vraag.antwoord("deels", kans)).values())
    assert deels < maximum
    assert sum(vraag.punten(vraag.antwoord("leeg", kans)).values()) == 0


def test_elke_soort_kapotte_inlevering_zit_in_een_klas_van_elf():
    assert set(klas.scenarios(len(klas.SCENARIOS))) == set(klas.SCENARIOS)
    assert klas.scenarios(100, 3) == klas.scenarios(100, 3)  # the same seed, the same class
    mix = klas.scenarios(1000)
    assert mix.count("goed") > mix.count("zonder-antwoordbestand") * 5  # mostly ordinary work
