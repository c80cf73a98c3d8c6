"""Following the alliance over sessions: the course's own session check, and the
fictional series of ten sessions per case.

After each session, client and professional each fill in the session check
(``data/sessiecheck.yaml``): four themes of the course's own choosing, each 0–10. The
series of a case (``data/casussen/<casus>-sessies.csv``) holds both raters' scores for
ten sessions. This module reads them from the bundle and answers, with pure functions,
the questions the exercise asks: in which sessions the client's total fell below the
signal threshold, where it dropped, when it first reached the threshold, who rates higher.

The rules are the course's own (written in the session check's data file): feedback-
informed practice works the same way with a cut-off and a drop alert, but the course
uses no published scale's items or anchors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from werkalliantie.leren import gegevens

BEOORDELAARS = ("client", "professional")
NAMEN = {"client": "cliënt", "professional": "professional"}


@dataclass(frozen=True)
class Thema:
    __pydantic_config__ = {"extra": "forbid"}
    id: str = field(metadata={"id": True})
    naam: str = field(metadata={"tekst": True, "max": 40})
    client: str = field(metadata={"tekst": True})  # the statement as the client reads it
    professional: str = field(metadata={"tekst": True})  # ... and as the professional


@dataclass(frozen=True)
class Sessiecheck:
    __pydantic_config__ = {"extra": "forbid"}
    naam: str = field(metadata={"tekst": True})
    laag: str = field(metadata={"tekst": True})  # what 0 means
    hoog: str = field(metadata={"tekst": True})  # what 10 means
    themas: tuple[Thema, ...] = field(metadata={"min": 4, "max": 4})
    drempel: int  # a client's total below this is a signal to talk about
    daling: int  # a total this much lower than the session before is a drop
    uitleg: str = field(metadata={"tekst": True})  # the rules in plain Dutch, for the book
    MIN = 0
    MAX = 10

    @property
    def maximum(self) -> int:
        return self.MAX * len(self.themas)


@dataclass(frozen=True)
class Reeks:
    """Ten sessions of one case: per rater, per session, the four theme scores."""

    casus: str
    client: tuple[tuple[int, ...], ...]
    professional: tuple[tuple[int, ...], ...]

    def totalen(self, wie: str) -> list[int]:
        return [sum(s) for s in getattr(self, wie)]

    @property
    def sessies(self) -> list[int]:
        return list(range(1, len(self.client) + 1))


@gegevens.afgeleid
def sessiecheck() -> Sessiecheck:
    return gegevens.uit_json(Sessiecheck, gegevens.lees("sessiecheck"))


@gegevens.afgeleid
def reeksen() -> dict[str, Reeks]:
    return {c: Reeks(c, tuple(map(tuple, r["client"])), tuple(map(tuple, r["professional"])))
            for c, r in gegevens.lees("sessies").items()}


def reeks(casus: str) -> Reeks:
    return reeksen()[casus]


# --- what the exercise asks, computed from the series --------------------------------------

def onder_drempel(totalen: list[int], check: Sessiecheck) -> list[int]:
    """The sessions (from 1) whose total lies below the signal threshold."""
    return [n for n, t in enumerate(totalen, 1) if t < check.drempel]


def dalingen(totalen: list[int], check: Sessiecheck) -> list[int]:
    """The sessions whose total is at least ``daling`` lower than the session before."""
    return [n for n in range(2, len(totalen) + 1)
            if totalen[n - 2] - totalen[n - 1] >= check.daling]


def eerst_boven(totalen: list[int], check: Sessiecheck) -> int | None:
    """The first session whose total reached the threshold (the alliance had grown)."""
    return next((n for n, t in enumerate(totalen, 1) if t >= check.drempel), None)


def hoger(reeks: Reeks) -> str:
    """Who rates higher over the ten sessions: client, professional or gelijk."""
    c, p = sum(reeks.totalen("client")), sum(reeks.totalen("professional"))
    return "client" if c > p else "professional" if p > c else "gelijk"
