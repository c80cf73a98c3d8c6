"""The goal checker: agreement with people, the contract, bad input, the rule file's
validation (build side) and a learner's side that needs only the standard library.

Agreement is measured on the sets of issue 24 (tests/data/doelen/): goals written and
labelled twice by people who never saw the rules, disagreements settled by the definitions
in book/doelen.md. The rules are tuned on the development set only; the frozen test set is
never read to design a rule, and its figures (werkalliantie/bouwen/doelmeting.py,
scripts/meet_doelen.py) are held here so that they cannot drop.

The two older sets (tests/data/doelen_*set.yaml) were labelled by the rule writer; they now
follow the sharpened definitions and guard the classes of hard goals they cover.
"""

from __future__ import annotations

import dataclasses
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from werkalliantie.bouwen import doelmeting
from werkalliantie.leren import doelen, gegevens
from werkalliantie.bouwen.bundel import doelregels
from werkalliantie.bouwen.bundel.doelregels import DoelregelsFout
from werkalliantie.leren.doelen import CRITERIA, MAX_TEKENS, Beoordeling, beoordeel

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REGELS = ROOT / "data" / "doelregels.yaml"
CASUSSEN = {"denise", "peter", "matthias", "nuestra"}
# The classes of ordinary learner goals that issue 11 names (field "soort" in the old sets).
SOORTEN = {
    "ontkend", "resultaat", "spreektaal", "tikfout", "lijdend", "wij", "datum", "opgelegd",
    "termijngetal",
}
MINIMUM_OUD = 0.97  # per criterion, on each old regression set

# What the checker reached on the sets of issue 24, per criterion: (agreement, precision of
# "meets", recall of "meets"). These may not drop. The frozen set's figures were looked at
# three times, after the rules were tuned on the development set (issue 24); the targets of
# the issue (agreement >= 97% and the labellers' own agreement, precision >= 98% and recall
# >= 85% for concreet and meetbaar) are not all reached there.
ONTWIKKEL_BEREIKT = {  # the development set of 3350 goals (second labelling round)
    "concreet": (0.9313, 0.9457, 0.975),  # 3120/3350, 2774/2933, 2774/2845
    "meetbaar": (0.8746, 0.8895, 0.9163),  # 2930/3350, 1949/2191, 1949/2127
    "tijdgebonden": (0.9662, 0.9501, 0.9213),  # 3237/3350, 820/863, 820/890
    "positief": (0.951, 0.9469, 0.9931),  # 3186/3350, 2605/2751, 2605/2623
    "eigen_regie": (0.9913, 0.9891, 0.9911),  # 3321/3350, 1460/1476, 1460/1473
}
BEVROREN_BEREIKT = {
    "concreet": (0.9206, 0.9448, 0.9572),  # 348/378, 291/308, 291/304
    "meetbaar": (0.8677, 0.9033, 0.8617),  # 328/378, 187/207, 187/217
    "tijdgebonden": (0.9867, 0.978, 0.9673),  # 373/378, 89/91, 89/92
    "positief": (0.9761, 0.9826, 0.986),  # 369/378, 283/288, 283/287
    "eigen_regie": (0.9894, 0.9851, 0.995),  # 374/378, 199/202, 199/200
}


def _laad(naam: str) -> list[dict]:
    return yaml.safe_load((DATA / naam).read_text(encoding="utf-8"))


def _overeenstemming(doelen_set: list[dict]) -> dict[str, float]:
    goed = dict.fromkeys(CRITERIA, 0)
    for doel in doelen_set:
        oordeel = beoordeel(doel["tekst"]).criteria
        for k in CRITERIA:
            goed[k] += oordeel[k] == doel["criteria"][k]
    return {k: goed[k] / len(doelen_set) for k in CRITERIA}


# --- the sets of issue 24 ---------------------------------------------------------------


def test_de_bevroren_toetsset_is_ongewijzigd():
    assert doelmeting.sha256(doelmeting.BEVROREN) == doelmeting.BEVROREN_SHA256


@pytest.mark.parametrize("pad, aantal", [(doelmeting.ONTWIKKEL, 3350), (doelmeting.BEVROREN, 378)],
                         ids=["ontwikkel", "bevroren"])
def test_elk_doel_is_twee_keer_gelabeld_met_de_instructie_erbij(pad, aantal):
    data = doelmeting.gegevens(pad)
    instructie = doelmeting.sha256(doelmeting.INSTRUCTIE)
    for naam, labelaar in data["labelaars"].items():
        assert labelaar["instructie_sha256"] == instructie, naam
        assert labelaar["datum"] and "niet" in labelaar["werkwijze"], naam
    sets = doelmeting.lees(pad)  # raises on a malformed record
    assert len(sets) == aantal == len({d.id for d in sets})
    for record in data["doelen"]:
        assert set(record["labels"]) <= set(data["labelaars"]), record["id"]
        eens = {c for c in CRITERIA if len({v[c] for v in record["labels"].values()}) == 1}
        for c in eens:  # settled only where the two labellers differ
            assert record["criteria"][c] == next(iter(record["labels"].values()))[c], record["id"]


def test_de_sets_overlappen_niet():
    """No goal of the development set is in the frozen set (counted, never printed: nobody
    reads the frozen goals)."""

    def teksten(pad: Path) -> set[str]:
        return {" ".join(d.tekst.lower().split()) for d in doelmeting.lees(pad)}

    gedeeld = len(teksten(doelmeting.ONTWIKKEL) & teksten(doelmeting.BEVROREN))
    assert gedeeld == 0, f"{gedeeld} doelen staan in beide sets"


def test_de_definities_in_het_boek_zijn_die_de_labelaars_zagen():
    """The book (the learner's contract) and the labellers' instruction hold the same
    definitions, word for word: the labels were made with this wording."""

    def definities(tekst: str) -> str:
        begin = tekst.index("### Concreet")
        einde = tekst.index("\n", tekst.index('Staat er alleen "ik moet"'))
        return tekst[begin:einde]

    boek = (ROOT / "book" / "doelen.md").read_text(encoding="utf-8")
    assert definities(boek) == definities(doelmeting.INSTRUCTIE.read_text(encoding="utf-8"))


def _vergelijk(metingen, bereikt) -> list[str]:
    laag = []
    for m in metingen:
        for naam, aandeel, minimum in zip(("overeenstemming", "precisie", "recall"),
                                          (m.overeenstemming, m.precisie, m.recall),
                                          bereikt[m.criterium]):
            if aandeel.waarde < minimum:
                laag.append(f"{m.criterium} {naam} {aandeel} < {minimum:.1%}")
    return laag


def test_cijfers_op_de_ontwikkelset():
    metingen = doelmeting.meet(doelmeting.lees(doelmeting.ONTWIKKEL))
    print("\n" + "\n".join(m.regel() for m in metingen))
    assert not _vergelijk(metingen, ONTWIKKEL_BEREIKT)


def test_cijfers_op_de_bevroren_toetsset_zakken_niet():
    metingen = doelmeting.meet(doelmeting.lees(doelmeting.BEVROREN))
    print("\n" + "\n".join(m.regel() for m in metingen))
    assert set(BEVROREN_BEREIKT) == set(CRITERIA)
    assert not _vergelijk(metingen, BEVROREN_BEREIKT)


def test_wilson_en_kappa():
    assert doelmeting.wilson_ondergrens(0, 10) == 0
    assert math.isclose(doelmeting.wilson_ondergrens(95, 100), 0.8882, abs_tol=1e-4)
    assert math.isclose(doelmeting.wilson_ondergrens(10, 10), 0.7225, abs_tol=1e-4)
    assert doelmeting.cohen_kappa([(True, True), (False, False)]) == 1
    assert doelmeting.cohen_kappa([(True, True)] * 3) == 1  # one class only: no disagreement
    # 20 pairs, 15 agree; "yes" 12 and 13 times: chance 0.6*0.65 + 0.4*0.35 = 0.53.
    paren = [(True, True)] * 10 + [(False, False)] * 5 + [(True, False)] * 2 + [(False, True)] * 3
    assert math.isclose(doelmeting.cohen_kappa(paren), (0.75 - 0.53) / (1 - 0.53))


# --- the old regression sets (labelled by the rule writer) ------------------------------


@pytest.mark.parametrize("naam", ["doelen_ontwikkelset.yaml", "doelen_toetsset.yaml"])
def test_oude_set_is_geldig(naam):
    doelen_set = _laad(naam)
    assert len(doelen_set) >= (80 if "ontwikkel" in naam else 60)
    assert {d["casus"] for d in doelen_set} == CASUSSEN
    for d in doelen_set:
        assert set(d) <= {"tekst", "casus", "criteria", "soort", "toelichting"}, d
        assert isinstance(d["tekst"], str) and d["tekst"].strip(), d
        assert list(d["criteria"]) == list(CRITERIA), d
        assert all(isinstance(v, bool) for v in d["criteria"].values()), d
        assert set(d.get("soort", [])) <= SOORTEN, d


def test_oude_toetsset_dekt_elke_soort_minstens_drie_keer():
    toets = _laad("doelen_toetsset.yaml")
    telling = {s: sum(s in d.get("soort", []) for d in toets) for s in SOORTEN}
    assert all(n >= 3 for n in telling.values()), telling


def test_oude_sets_overlappen_niet():
    ontwikkel = {d["tekst"] for d in _laad("doelen_ontwikkelset.yaml")}
    toets = {d["tekst"] for d in _laad("doelen_toetsset.yaml")}
    assert not ontwikkel & toets


@pytest.mark.parametrize("naam", ["doelen_ontwikkelset.yaml", "doelen_toetsset.yaml"])
def test_oude_set_blijft_goed_gaan(naam):
    scores = _overeenstemming(_laad(naam))
    laag = {k: round(v, 3) for k, v in scores.items() if v < MINIMUM_OUD}
    assert not laag, f"{naam} onder {MINIMUM_OUD:.0%}: {laag}"


# --- the contract ---------------------------------------------------------------------

VOORBEELDEN = {
    "Voor 1 april heb ik me ingeschreven bij het uitzendbureau.": set(),
    "Ik wil minder piekeren.": {"concreet", "meetbaar", "tijdgebonden", "positief"},
    "Matthias krijgt binnen een maand een plek bij de dagbesteding.": {"eigen_regie"},
    "Ik zwem drie keer per week een half uur.": {"tijdgebonden"},
    "Eind dit jaar is mijn schuld afbetaald.": set(),
}


@pytest.mark.parametrize("tekst, niet_voldaan", VOORBEELDEN.items())
def test_voorbeelden_uit_het_issue(tekst, niet_voldaan):
    b = beoordeel(tekst)
    assert {k for k, ok in b.criteria.items() if not ok} == niet_voldaan
    assert len(b.feedback) == len(niet_voldaan)


def test_een_tip_per_onvoldaan_criterium_en_citaten_komen_uit_het_doel():
    teksten = [d["tekst"] for n in ("doelen_ontwikkelset.yaml", "doelen_toetsset.yaml")
               for d in _laad(n)] + [d.tekst for d in doelmeting.lees(doelmeting.ONTWIKKEL)]
    for tekst in teksten:
        b = beoordeel(tekst)
        assert len(b.feedback) == list(b.criteria.values()).count(False), b
        for tip in b.feedback:
            for citaat in re.findall(r'"([^"]+)"', tip):
                assert citaat in " ".join(b.tekst.split()) or citaat in (
                    "drie keer per week", "hooguit één keer per week", "voor 1 maart",
                    "binnen drie maanden", "vanaf volgende week", "ik wil", "ik ga", "ik", "we",
                ), (citaat, b)


def test_resultaat_heeft_precies_vijf_criteria_en_is_bevroren():
    b = beoordeel("Ik bel morgen de huisarts.")
    assert isinstance(b, Beoordeling)
    assert list(b.criteria) == list(CRITERIA)
    assert isinstance(b.criteria, dict) and isinstance(b.feedback, list)
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.tekst = "iets anders"  # type: ignore[misc]


@pytest.mark.parametrize(
    "tekst, criterium, citaat",
    [
        ("Ik wil minder piekeren.", "positief", '"minder"'),
        ("Ik wil minder piekeren.", "concreet", '"piekeren"'),
        ("Ik wil beter in mijn vel zitten.", "concreet", '"beter in mijn vel"'),
        ("Ik wil zo snel mogelijk een baan.", "tijdgebonden", '"zo snel mogelijk"'),
        ("Ik ga elke week naar de sportschool.", "tijdgebonden", '"elke week"'),
        ("Ik wil van mijn schulden af.", "positief", '"van mijn schulden af"'),
        ("Denise moet voor 1 mei haar huur betalen.", "eigen_regie", '"Denise"'),
        ("Ik moet van de rechter voor 1 mei mijn post openen.", "eigen_regie", '"moet van"'),
        ("Volgens de reclassering moet ik elke week komen.", "eigen_regie",
         '"Volgens de reclassering"'),
        ("De rechter zegt dat ik voor 1 mei mijn huur betaal.", "eigen_regie",
         '"De rechter zegt dat"'),
        ("Ik wil geen nieuwe schulden meer maken.", "meetbaar", '"geen nieuwe schulden meer"'),
        ("Ik ga sporten.", "meetbaar", '"sporten"'),
        ("Ik wil mijn zus vaker zien.", "meetbaar", '"vaker"'),
    ],
)
def test_feedback_citeert_de_eigen_woorden(tekst, criterium, citaat):
    b = beoordeel(tekst)
    assert not b.criteria[criterium]
    assert any(citaat in tip for tip in b.feedback), b.feedback


@pytest.mark.parametrize(
    "tekst, criterium, verwacht",
    [
        ("Van maandag af kook ik elke avond zelf.", "positief", True),
        ("Van maandag af kook ik elke avond zelf.", "tijdgebonden", True),
        # A limit says what lessens (book/doelen.md, issue 24); with its number it is measurable.
        ("Ik rook vanaf 1 mei niet meer dan twee sigaretten per dag.", "positief", False),
        ("Ik rook vanaf 1 mei niet meer dan twee sigaretten per dag.", "meetbaar", True),
        ("Ik wandel elke dag een uur, zodat ik minder stress heb.", "positief", True),
        ("Ik wandel elke dag een uur, zodat ik minder stress heb.", "concreet", True),
        ("Hij zoekt met mijn hulp voor 1 juni een woning.", "eigen_regie", False),
        ("Ik wil een beter leven.", "meetbaar", False),
        ("Ik ga een keer per week naar de markt.", "meetbaar", True),
        ("Ik zoek VÓÓR 1 MAART EEN HUIS", "tijdgebonden", True),
        ("ik ga vanaf volgende weeek elke dag wandelen", "tijdgebonden", True),
        ("Ik wil rustger worden.", "concreet", False),
        ("Ik bel binnenkort de bank.", "tijdgebonden", False),
        ("Ik ga elke avond om acht uur lezen.", "tijdgebonden", False),
    ],
)
def test_lastige_gevallen(tekst, criterium, verwacht):
    assert beoordeel(tekst).criteria[criterium] is verwacht


# Issue 11's three readings and the classes of ordinary learner goals it names.
@pytest.mark.parametrize(
    "tekst, verwacht",
    [
        # a number only in the deadline does not make a goal measurable
        ("Binnen twee maanden ga ik sporten.", "C.TPE"),
        ("Binnen twee maanden heb ik een baan.", "CMTPE"),
        # stopping or avoiding without a number: concrete, not measurable
        ("Ik wil stoppen met blowen.", "C...E"),
        ("Ik wil geen nieuwe schulden meer.", "C...E"),
        ("ik wil nie meer blowen", "C...E"),
        # a state you can tick off is measurable (but "schuldenvrij" says what is gone)
        ("Ik ben schuldenvrij.", "CM..E"),
        ("Ik wil van mijn schulden af.", "CM..E"),
        ("Mijn aanrecht is leeg.", "CM.PE"),
        # imposed goals are not eigen_regie, even with "ik"
        ("De rechter zegt dat ik elke week moet komen.", "CM.P."),
        ("Volgens de reclassering moet ik voor 1 mei werk hebben.", "CMTP."),
        ("Ik moet van mezelf elke ochtend om zeven uur op.", "CM.PE"),
        # results and actions, dates, passive voice, "we", spoken Dutch
        ("Ik heb uiterlijk 15-3 een gesprek gehad met de huisarts.", "CMTPE"),
        ("Ik ga na de zomer de post doornemen met Jozias.", "CMTPE"),
        ("Mijn rekeningen worden vanaf maart automatisch betaald.", "CMTPE"),
        ("We gaan elke zondag met de kinderen wandelen.", "CM.PE"),
        ("k wil na de zomer een eigen huisje", "CMTPE"),
    ],
)
def test_lezingen_van_issue_11(tekst, verwacht):
    b = beoordeel(tekst)
    gekregen = "".join("CMTPE"[i] if ok else "." for i, ok in enumerate(b.criteria.values()))
    assert gekregen == verwacht, b




# The kinds of miss that issue 24 names, read with the sharpened definitions in book/doelen.md.
@pytest.mark.parametrize(
    "tekst, criterium, verwacht",
    [
        # a vague improvement is neither concrete nor measurable
        ("Minder rommel in de woonkamer.", "concreet", False),
        ("Ik wil minder ruzie met mijn moeder.", "concreet", False),
        ("Ik wil actiever worden.", "concreet", False),
        ("Ik wil me minder alleen voelen.", "concreet", False),
        ("Ik wil dat mijn familie achter me staat.", "concreet", False),
        ("Ik wil iets zinnigs doen.", "meetbaar", False),
        # an action about a feeling is concrete
        ("Ik wil een gesprek met de huisarts over mijn somberheid.", "concreet", True),
        ("Ik wil een gesprek met de huisarts over mijn somberheid.", "meetbaar", True),
        # a tickable end state is measurable
        ("Het aanrecht is leeg.", "meetbaar", True),
        ("Binnen een maand is de gang opgeruimd.", "meetbaar", True),
        # an activity without number or end point, a habit without frequency, is not
        ("Sem zoekt werk.", "meetbaar", False),
        ("Ik wil zo snel mogelijk een huis zoeken.", "meetbaar", False),
        ("Ik ga gezonder eten.", "meetbaar", False),
        ("Ik ga op tijd naar bed.", "meetbaar", False),
        ("Ik ga elke avond om elf uur naar bed.", "meetbaar", True),
        # less of a problem behaviour, or the end of an imposed measure, is not positive
        ("Ik wil minder drinken.", "positief", False),
        ("Ik wil minder drinken.", "concreet", True),
        ("Ik wil van de reclassering af.", "positief", False),
        ("Dat het toezicht stopt.", "positief", False),
        ("Ik ga elke week sporten, zodat ik minder stress heb.", "positief", True),
    ],
)
def test_soorten_missers_uit_issue_24(tekst, criterium, verwacht):
    assert beoordeel(tekst).criteria[criterium] is verwacht, beoordeel(tekst)


# --- bad input --------------------------------------------------------------------------

SLECHT = [
    "",
    "   \n\t  ",
    "x" * 10_000,
    "Ik bel morgen de huisarts. " * 400,
    "🙂🎉💪",
    "Ik 💪 ga vanaf maandag 🏊 drie keer per week zwemmen 🙂",
    "<script>alert('x')</script><b>Ik bel morgen</b>",
    "I want to find a new job before the first of May.",
    "Je veux trouver un logement avant l'été.",
    "我想在五月之前找到工作。",
    "أريد أن أجد عملاً قبل الصيف",
    "Я хочу найти работу до лета.",
    "Ｉｋ ｂｅｌ ｍｏｒｇｅｎ ｄｅ ｈｕｉｓａｒｔｓ",
    "\x00\x1b[31mIk bel\u202e morgen\x07",
    "Ik bel\u200b morgen\ud800 de huisarts\x7f",
    "a" * 10_000,
    " ".join(f"woord{i}x" for i in range(3_000)),
    "....,,,;;;!!!",
    "12345",
    None,
    12345,
]


@pytest.mark.parametrize("tekst", SLECHT, ids=range(len(SLECHT)))
def test_slechte_invoer_geeft_altijd_een_resultaat(tekst):
    b = beoordeel(tekst)  # type: ignore[arg-type]
    assert list(b.criteria) == list(CRITERIA)
    assert all(isinstance(v, bool) for v in b.criteria.values())
    assert len(b.tekst) <= MAX_TEKENS
    assert all(ord(c) >= 32 or c == "\n" for c in b.tekst)
    assert str(b) and repr(b) and b._repr_html_()


@pytest.mark.parametrize("tekst", ["", "   \n\t  ", "🙂🎉💪", None])
def test_lege_invoer_vraagt_om_een_doel(tekst):
    b = beoordeel(tekst)  # type: ignore[arg-type]
    assert not any(b.criteria.values())
    assert len(b.feedback) == 1 and "geen doel" in b.feedback[0]


def test_lange_invoer_wordt_afgekapt_en_dat_staat_in_de_feedback():
    b = beoordeel("Ik bel morgen de huisarts. " * 400)
    assert len(b.tekst) <= MAX_TEKENS
    assert any(str(MAX_TEKENS) in tip for tip in b.feedback)


def test_tikfouten_in_regelwoorden_worden_hersteld_bestaande_woorden_niet():
    regels = doelen._regels()
    for tikfout, woord in [("weeek", "week"), ("feburari", "februari"),
                           ("bewindvoeder", "bewindvoerder"), ("huisart", "huisarts")]:
        assert regels.herstel(tikfout) == woord
    for echt in ("bank", "boek", "huid", "kater", "wens"):  # near "band", "zoek", "huis", ...
        assert regels.herstel(echt) == echt


# --- display ----------------------------------------------------------------------------


def test_html_weergave_escapet_de_tekst_van_de_cursist():
    b = beoordeel('<img src=x onerror="alert(1)"> Ik wil "minder" <b>piekeren</b>')
    weergave = b._repr_html_()
    assert "<img" not in weergave and "<b>piekeren" not in weergave
    assert "&lt;img" in weergave and "&quot;minder&quot;" in weergave


def test_terminalweergave_is_leesbaar():
    tekst = str(beoordeel("Ik wil minder piekeren."))
    assert repr(beoordeel("Ik wil minder piekeren.")) == tekst
    assert "Ik wil minder piekeren." in tekst
    assert "✗ concreet" in tekst and "✓ eigen regie" in tekst
    assert "1 van de 5 criteria voldaan" in tekst


# --- the rule file (build side) and the bundle -----------------------------------------


def test_regelbestand_heeft_een_blok_per_criterium():
    data = yaml.safe_load(REGELS.read_text(encoding="utf-8"))
    assert set(CRITERIA) <= set(data)


def _bouw_met(wijzig) -> None:
    data = yaml.safe_load(REGELS.read_text(encoding="utf-8"))
    wijzig(data)
    try:
        regels = doelregels.Regelbestand.model_validate(data)
    except doelregels.ValidationError as fout:
        raise doelregels._nederlands(fout, "data/doelregels.yaml") from None
    doelregels.vertaal(regels)


@pytest.mark.parametrize(
    "wijzig, veld, melding",
    [
        (lambda d: d["positief"].__setitem__("negatief", ["voor {bestaatniet}"]),
         "positief.negatief", "woordgroep {bestaatniet} bestaat niet"),
        (lambda d: d.pop("meetbaar"), "meetbaar", "ontbreekt"),
        (lambda d: d["feedback"].pop("positief"), "feedback.positief", "ontbreekt"),
        (lambda d: d["concreet"].__setitem__("vaag", "stress"), "concreet.vaag", "lijst"),
        (lambda d: d["concreet"].__setitem__("vaagg", ["stress"]), "concreet.vaagg",
         "kent de checker niet"),
        (lambda d: d["feedback"].__setitem__("positief", "Met {woord} ..."),
         "feedback.positief", "onbekende invulplek {woord}"),
        (lambda d: d["feedback"].__setitem__("eigen_regie_derde", "Schrijf met ik."),
         "feedback.eigen_regie_derde", "invulplek {woorden} ontbreekt"),
        (lambda d: d["feedback"].__setitem__("leeg", "Schrijf een doel {woorden}."),
         "feedback.leeg", "hier mag alleen geen invulplek"),
        (lambda d: d["feedback"].__setitem__("te_lang", "Te lang: {max tekens."),
         "feedback.te_lang", "accolades kloppen niet"),
        (lambda d: d["meetbaar"].__setitem__("afvinkbaar", ["bellen | belde, 3x"]),
         "meetbaar.afvinkbaar", "geen geldige werkwoordsvorm"),
        (lambda d: d["concreet"].__setitem__("vaag", ["... stress"]), "concreet.vaag",
         "mag niet leeg zijn of met ... beginnen"),
        (lambda d: d["klassen"].__setitem__("nieuw", ["week*dag"]), "klassen.nieuw",
         "'week*dag' is geen geldig woord"),
        (lambda d: d["klassen"].__setitem__("lus", ["{lus}"]), "klassen.lus",
         "verwijst naar zichzelf"),
    ],
)
def test_kapot_regelbestand_geeft_een_nederlandse_fout(wijzig, veld, melding):
    with pytest.raises(DoelregelsFout) as fout:
        _bouw_met(wijzig)
    assert f"Fout in data/doelregels.yaml, bij '{veld}'" in str(fout.value)
    assert melding in str(fout.value)


def test_onleesbaar_regelbestand_geeft_een_nederlandse_fout(tmp_path):
    (tmp_path / "doelregels.yaml").write_text("concreet: [vaag\n", encoding="utf-8")
    with pytest.raises(DoelregelsFout, match=r"Kan data/doelregels\.yaml niet lezen"):
        doelregels.bouw(tmp_path)


def test_de_checker_leest_de_bundel_en_die_blijft_klein():
    deel = gegevens.lees("doelregels")
    assert deel["versie"] == doelregels.VERSIE
    bron = yaml.safe_load(REGELS.read_text(encoding="utf-8"))
    assert deel["klassen"].keys() == bron["klassen"].keys()
    assert deel["feedback"]["positief"] == " ".join(bron["feedback"]["positief"].split())
    grootte = (gegevens.BUNDEL / "doelregels.json").stat().st_size
    assert grootte < 200_000, f"doelregels.json is {grootte // 1024} KB"


GEBLOKKEERD = (
    "yaml", "pydantic", "pydantic_core", "rapidfuzz", "regex", "simplemma", "numpy", "pandas",
    "matplotlib",
)


def test_de_checker_draait_zonder_gecompileerde_pakketten():
    """The learner's side in a process where the build side's packages cannot load."""
    code = f"""
import sys

class Blokkeer:
    def find_spec(self, naam, pad=None, doel=None):
        if naam.split(".")[0] in {GEBLOKKEERD!r}:
            raise ImportError(f"geblokkeerd: {{naam}}")
        return None

sys.meta_path.insert(0, Blokkeer())
from werkalliantie.leren.doelen import beoordeel
b = beoordeel("Ik heb uiterlijk 15-3 een gesprek gehad met de huisarts.")
assert all(b.criteria.values()), b
b = beoordeel("De rechter zegt dat ik geen nieuwe schulden meer mag maken.")
assert not b.criteria["eigen_regie"] and not b.criteria["positief"], b
geladen = sorted(m for m in sys.modules if m.split(".")[0] in {GEBLOKKEERD!r})
print(geladen)
"""
    uit = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    assert uit.stdout.strip() == "[]"
