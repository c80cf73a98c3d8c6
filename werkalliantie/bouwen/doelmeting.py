"""How well the goal checker agrees with people: figures on the labelled sets of goals.

The sets (``tests/data/doelen/``) were written and labelled by people who never saw the
checker's rules (issue 24): every goal labelled twice, by two independent labellers who saw
only the definitions (``instructie-labelaars.md``, the same text as in ``book/doelen.md``),
disagreements settled by those definitions. The settled labels (``criteria``) are the
truth; ``labels`` holds each labeller's own.

- ``doelen_ontwikkel.yaml``: the development set; the rules may be tuned on it.
- ``doelen_toets_bevroren.yaml``: the frozen test set. Nobody reads its goals to design a
  rule or tunes on it; its figures are only reported (``scripts/meet_doelen.py``), and a test
  checks that the file is unchanged.

Per criterion this measures the checker's agreement with the settled labels, and the
costly error apart: the precision and recall of "meets the criterion" (a vague goal called
concrete teaches the opposite of the lesson). Each share comes with its Wilson 95% lower
bound. Beside them stand the labellers' agreement with each other and Cohen's kappa.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from werkalliantie.bouwen.bundel.schema import lees_yaml
from werkalliantie.leren.doelen import CRITERIA, beoordeel

MAP = Path(__file__).resolve().parents[2] / "tests" / "data" / "doelen"
ONTWIKKEL = MAP / "doelen_ontwikkel.yaml"
BEVROREN = MAP / "doelen_toets_bevroren.yaml"
INSTRUCTIE = MAP / "instructie-labelaars.md"
# The frozen set as it was frozen (issue 24, step 3): never changed, never tuned on.
BEVROREN_SHA256 = "2be4cd842df066ce2d7ce11aca71bd22ef710af3989bc9b3814f0d3736171ccb"
Z95 = 1.959963984540054  # the normal quantile for a two-sided 95% interval


def sha256(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def wilson_ondergrens(k: int, n: int, z: float = Z95) -> float:
    """The lower bound of the Wilson score interval for ``k`` successes in ``n``."""
    if n == 0:
        return 0.0
    p = k / n
    noemer = 1 + z * z / n
    midden = p + z * z / (2 * n)
    marge = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, (midden - marge) / noemer)


def cohen_kappa(paren: Iterable[tuple[bool, bool]]) -> float:
    """Cohen's kappa of two raters' yes/no judgements (1.0 when both agree on everything,
    also when everything is one class)."""
    paren = list(paren)
    n = len(paren)
    if n == 0:
        return float("nan")
    eens = sum(a == b for a, b in paren) / n
    ja_a = sum(a for a, _ in paren) / n
    ja_b = sum(b for _, b in paren) / n
    toeval = ja_a * ja_b + (1 - ja_a) * (1 - ja_b)
    return 1.0 if toeval == 1 else (eens - toeval) / (1 - toeval)


@dataclass(frozen=True)
class Aandeel:
    """``k`` of ``n``, with its Wilson 95% lower bound."""

    k: int
    n: int

    @property
    def waarde(self) -> float:
        return self.k / self.n if self.n else float("nan")

    @property
    def ondergrens(self) -> float:
        return wilson_ondergrens(self.k, self.n)

    def __str__(self) -> str:
        return f"{self.waarde:6.1%} (≥{self.ondergrens:5.1%}, {self.k}/{self.n})"


@dataclass(frozen=True)
class Meting:
    """One criterion on one set."""

    criterium: str
    overeenstemming: Aandeel  # the checker against the settled labels
    precisie: Aandeel  # of the goals the checker says meet it, how many do
    recall: Aandeel  # of the goals that meet it, how many the checker finds
    labelaars: Aandeel  # the two labellers against each other
    kappa: float  # the same, corrected for chance (Cohen)

    def regel(self) -> str:
        return (
            f"{self.criterium:<13} overeenstemming {self.overeenstemming}  "
            f"precisie 'voldoet' {self.precisie}  recall 'voldoet' {self.recall}  "
            f"labelaars {self.labelaars}  kappa {self.kappa:.3f}"
        )


@dataclass(frozen=True)
class Doel:
    id: str
    tekst: str
    criteria: dict[str, bool]  # the settled labels
    labels: tuple[dict[str, bool], dict[str, bool]]  # the two labellers' own


def gegevens(pad: Path) -> dict:
    """A labelled set's file as read (read once per version of the file: the sets are large;
    the caller must not change it)."""
    versie = pad.stat()
    return _gegevens(Path(pad), versie.st_mtime_ns, versie.st_size)


@lru_cache(maxsize=4)
def _gegevens(pad: Path, _mtime: int, _grootte: int) -> dict:
    return lees_yaml(pad)


def lees(pad: Path) -> list[Doel]:
    """A labelled set; raises ValueError (naming the goal) when a record is malformed."""
    data = gegevens(pad)
    doelen = []
    for record in data["doelen"]:
        naam = f"{pad.name}: {record.get('id', '?')}"
        labels = tuple(record.get("labels", {}).values())
        if len(labels) != 2:
            raise ValueError(f"{naam}: twee labelaars verwacht, niet {len(labels)}")
        for oordeel in (record.get("criteria"), *labels):
            if not isinstance(oordeel, dict) or list(oordeel) != list(CRITERIA) or not all(
                isinstance(v, bool) for v in oordeel.values()
            ):
                raise ValueError(f"{naam}: elk oordeel heeft precies de vijf criteria, ja of nee")
        doelen.append(Doel(record["id"], record["tekst"], record["criteria"], labels))
    return doelen


def meet(
    doelen: list[Doel], oordeel: Callable[[str], dict[str, bool]] | None = None
) -> list[Meting]:
    """Per criterion: the checker against the settled labels, and the labellers against each
    other."""
    oordeel = oordeel or (lambda tekst: beoordeel(tekst).criteria)
    gegeven = [oordeel(d.tekst) for d in doelen]
    uit = []
    for c in CRITERIA:
        paren = [(g[c], d.criteria[c]) for g, d in zip(gegeven, doelen)]
        beide = sum(g and w for g, w in paren)
        uit.append(
            Meting(
                criterium=c,
                overeenstemming=Aandeel(sum(g == w for g, w in paren), len(paren)),
                precisie=Aandeel(beide, sum(g for g, _ in paren)),
                recall=Aandeel(beide, sum(w for _, w in paren)),
                labelaars=Aandeel(
                    sum(d.labels[0][c] == d.labels[1][c] for d in doelen), len(doelen)
                ),
                kappa=cohen_kappa((d.labels[0][c], d.labels[1][c]) for d in doelen),
            )
        )
    return uit


def verslag(naam: str, doelen: list[Doel]) -> str:
    """A set's figures: its size, then one line per criterion."""
    regels = [f"{naam} ({len(doelen)} doelen)"]
    regels += [m.regel() for m in meet(doelen)]
    return "\n".join(regels)
