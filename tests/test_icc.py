"""The intraclass correlation: the package's own function (the one the group overview
shows) against a published worked example, and against a maintained statistics library
(pingouin, a test dependency only: the trainer's page never needs it)."""

from __future__ import annotations

import random

import pytest

from werkalliantie.begeleiden.groepsoverzicht.icc import ICCFout, icc, volledig, vorm_naam

PINGOUIN_RIJ = {"ICC(1,1)": 0, "ICC(2,1)": 1, "ICC(3,1)": 2, "ICC(1,k)": 3, "ICC(2,k)": 4,
                "ICC(3,k)": 5}


def icc_pingouin(tabel: list[list[float]], vorm: str) -> float:
    """The same ICC from pingouin. Its six rows are, in order, Shrout & Fleiss's ICC(1,1),
    (2,1), (3,1), (1,k), (2,k), (3,k)."""
    import warnings

    import pandas as pd
    import pingouin

    lang = pd.DataFrame([(i, j, x) for i, rij in enumerate(tabel) for j, x in enumerate(rij)],
                        columns=["item", "beoordelaar", "score"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        uitkomst = pingouin.intraclass_corr(lang, targets="item", raters="beoordelaar",
                                            ratings="score")
    return float(uitkomst["ICC"].iloc[PINGOUIN_RIJ[vorm_naam(vorm)]])

# Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: Uses in assessing rater
# reliability. Psychological Bulletin, 86(2), 420-428. Table 2: four judges rate six
# targets; Table 4 gives the six ICCs to two decimals.
SHROUT_FLEISS_TABEL_2 = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]
SHROUT_FLEISS_TABEL_4 = {"ICC(1,1)": 0.17, "ICC(2,1)": 0.29, "ICC(3,1)": 0.71,
                         "ICC(1,k)": 0.44, "ICC(2,k)": 0.62, "ICC(3,k)": 0.91}


@pytest.mark.parametrize("vorm", SHROUT_FLEISS_TABEL_4)
def test_de_uitgewerkte_voorbeelden_van_shrout_en_fleiss(vorm):
    assert round(icc(SHROUT_FLEISS_TABEL_2, vorm), 2) == SHROUT_FLEISS_TABEL_4[vorm]


@pytest.mark.parametrize("vorm,ook", [("ICC(2,1)", "ICC(A,1)"), ("ICC(3,1)", "ICC(C,1)"),
                                      ("ICC(2,k)", "ICC(A,k)"), ("ICC(3,k)", "ICC(C,k)"),
                                      ("ICC(2,1)", "icc( 2, 1 )")])
def test_namen_van_mcgraw_en_wong_en_spaties(vorm, ook):
    assert vorm_naam(ook) == vorm
    assert icc(SHROUT_FLEISS_TABEL_2, ook) == icc(SHROUT_FLEISS_TABEL_2, vorm)


def test_standaardvorm_is_absolute_overeenstemming_van_een_beoordelaar():
    assert icc(SHROUT_FLEISS_TABEL_2) == icc(SHROUT_FLEISS_TABEL_2, "ICC(2,1)")


@pytest.mark.parametrize("vorm", SHROUT_FLEISS_TABEL_4)
def test_pingouin_geeft_hetzelfde(vorm):
    kans = random.Random(vorm)
    for _ in range(5):
        n, k = kans.randint(3, 12), kans.randint(2, 25)
        tabel = [[kans.randint(1, 5) for _ in range(k)] for _ in range(n)]
        try:
            verwacht = icc(tabel, vorm)
        except ICCFout:
            continue
        assert icc_pingouin(tabel, vorm) == pytest.approx(verwacht, abs=1e-9)
    assert icc_pingouin(SHROUT_FLEISS_TABEL_2, vorm) == pytest.approx(
        icc(SHROUT_FLEISS_TABEL_2, vorm), abs=1e-12)


@pytest.mark.parametrize("tabel,melding", [
    ([[1, 2], [3, 4]], "Te weinig items"),
    ([[1], [3], [4]], "Te weinig beoordelaars"),
    ([[3, 3], [3, 3], [3, 3]], "geen spreiding"),
    ([[1, 2], [3], [4, 5]], "niet volledig"),
])
def test_weigert_in_het_nederlands(tabel, melding):
    with pytest.raises(ICCFout, match=melding):
        icc(tabel)


def test_onbekende_vorm_noemt_de_vormen():
    with pytest.raises(ICCFout, match=r"Onbekende vorm.*ICC\(2,1\)"):
        icc(SHROUT_FLEISS_TABEL_2, "kappa")


def test_ontbrekende_scores_beoordelaar_valt_weg():
    tabel = [[1, 2, None], [3, 4, 5], [2, 2, 2]]
    rest, houden = volledig(tabel)
    assert houden == [0, 1] and rest == [[1, 2], [3, 4], [2, 2]]
