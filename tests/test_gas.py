"""GAS T-score (Kiresuk & Sherman, 1968) against values computed by hand."""

from __future__ import annotations

import math
import re

import pytest

from werkalliantie.leren.gas import GASFout, t_score

# Each case: outcomes, weights, rho, and T worked out by hand from
# T = 50 + 10·Σwx / √((1−ρ)Σw² + ρ(Σw)²).
HANDWERK = [
    # One goal: the weight cancels out, T = 50 + 10·x.
    ([1], [1], 0.3, 60.0),
    ([-2], [1], 0.3, 30.0),
    ([2], [5], 0.3, 70.0),
    ([-1], [3], 0.0, 40.0),
    # Equal weights, everything as expected: T = 50.
    ([0, 0, 0], [1, 1, 1], 0.3, 50.0),
    # Equal weights, one goal better and one worse than expected: still 50.
    ([1, 0, -1], [1, 1, 1], 0.3, 50.0),
    # Equal weights, three goals at +1: Σwx = 3, Σw² = 3, (Σw)² = 9,
    # √(0.7·3 + 0.3·9) = √4.8 = 2.190890..., T = 50 + 30 / 2.190890... = 63.693064
    ([1, 1, 1], [1, 1, 1], 0.3, 63.693064),
    # Equal weights, two goals at +2: Σwx = 4, √(0.7·2 + 0.3·4) = √2.6 = 1.612452,
    # T = 50 + 40 / 1.612452 = 74.806947
    ([2, 2], [1, 1], 0.3, 74.806947),
    # Weights 3, 2, 1 with outcomes +1, 0, −1: Σwx = 2, Σw² = 14, (Σw)² = 36,
    # √(0.7·14 + 0.3·36) = √20.6 = 4.538722, T = 50 + 20 / 4.538722 = 54.406526
    ([1, 0, -1], [3, 2, 1], 0.3, 54.406526),
    # Weights 1 and 2, outcomes −2 and +1: Σwx = 0, T = 50.
    ([-2, 1], [1, 2], 0.3, 50.0),
    # rho = 0: outcomes +1 and −2 with equal weights: Σwx = −1, √2, T = 50 − 7.071068
    ([1, -2], [1, 1], 0.0, 42.928932),
    # Four goals, weights 2, 1, 1, 4, outcomes −1, +2, 0, +1: Σwx = −2 + 2 + 0 + 4 = 4,
    # Σw² = 4 + 1 + 1 + 16 = 22, (Σw)² = 64, √(15.4 + 19.2) = √34.6 = 5.882176,
    # T = 50 + 40 / 5.882176 = 56.800204
    ([-1, 2, 0, 1], [2, 1, 1, 4], 0.3, 56.800204),
]


@pytest.mark.parametrize("uitkomsten, gewichten, rho, verwacht", HANDWERK)
def test_t_score_volgens_kiresuk_en_sherman(uitkomsten, gewichten, rho, verwacht):
    assert t_score(uitkomsten, gewichten, rho) == pytest.approx(verwacht, abs=1e-5)


def test_rho_is_standaard_0_3():
    assert t_score([1, 1, 1], [1, 1, 1]) == pytest.approx(63.693064, abs=1e-5)


def test_gelijke_gewichten_hangen_niet_af_van_hun_grootte():
    assert t_score([2, -1, 1], [1, 1, 1]) == pytest.approx(t_score([2, -1, 1], [7, 7, 7]))


def test_werkt_met_elke_reeks_en_kommagetallen():
    assert t_score((1, 0), (1.5, 0.5)) == pytest.approx(
        50 + 10 * 1.5 / math.sqrt(0.7 * 2.5 + 0.3 * 4)
    )


@pytest.mark.parametrize(
    "uitkomsten, gewichten, rho, melding",
    [
        ([], [], 0.3, "geen doelen"),
        ([1, 0], [1], 0.3, "2 uitkomsten en 1 gewichten"),
        ([3], [1], 0.3, "tussen −2 en +2"),
        ([1], [0], 0.3, "groter dan 0"),
        ([1], [-2], 0.3, "groter dan 0"),
        (["1"], [1], 0.3, "moet een getal zijn"),
        ([True], [1], 0.3, "moet een getal zijn"),
        ([float("nan")], [1], 0.3, "gewoon getal"),
        ([1], [1], 1.5, "tussen 0 en 1"),
        (None, [1], 0.3, "lijsten met getallen"),
    ],
)
def test_onmogelijke_invoer_geeft_een_nederlandse_fout(uitkomsten, gewichten, rho, melding):
    with pytest.raises(GASFout, match=re.escape(melding)):
        t_score(uitkomsten, gewichten, rho)
    assert issubclass(GASFout, ValueError)
