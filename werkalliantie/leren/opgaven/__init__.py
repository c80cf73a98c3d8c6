"""The exercise engine: question records, their kinds, and one safe way to grade.

Every exercise of the course is a question record (:mod:`.model`) of a registered kind
(:mod:`.soorten`). The functions here are what widgets, hidden tests and instructors'
tools call; they add what every kind needs to the kind's own rule:

- a missing answer gets 0 points on every part, with one Dutch message;
- a rule that fails on a strange answer never stops anything: the answer gets 0 points
  with a Dutch message (fail closed), and the error is not shown to the learner.

Nothing here imports ipywidgets or nbgrader: this is pure Python, so it also runs in the
learner's browser.
"""

from __future__ import annotations

from typing import Any

from werkalliantie.leren.opgaven.groep import Afwijking, Groepsdeel
from werkalliantie.leren.opgaven.model import Onderdeel, Opgave, alle_opgaven, laad_opgave
from werkalliantie.leren.opgaven.resultaat import Deelresultaat, Resultaat, getal
from werkalliantie.leren.opgaven.soorten import soort
from werkalliantie.leren.tekst import leesbaar

GEEN_ANTWOORD = "We vinden geen opgeslagen antwoord. Heb je op 'Opslaan' geklikt?"
ONNAKIJKBAAR = ("Je antwoord kon niet worden nagekeken: het heeft een vorm die we niet "
                "kennen. Vul de opgave opnieuw in en klik op 'Opslaan'.")


__all__ = ["Afwijking", "Deelresultaat", "Onderdeel", "Opgave", "Resultaat", "afwijkingen",
           "alle_opgaven", "getal",
           "groepsweergave", "laad_opgave", "leesbaar", "modelantwoord", "voorbeelden", "op_papier", "nakijken", "onderdelen", "samenvatting",
           "onbeantwoord", "volledigheid"]


def onderdelen(opgave: Opgave) -> tuple[Onderdeel, ...]:
    return tuple(soort(opgave.soort).onderdelen(opgave))


def _nul(opgave: Opgave, melding: str) -> Resultaat:
    return Resultaat(opgave.id, tuple(
        Deelresultaat(o.id, o.naam, 0.0, opgave.punten[o.id])
        for o in onderdelen(opgave) if not o.handmatig), (melding,))


def nakijken(opgave: Opgave, antwoord: Any, sleutel: Any) -> Resultaat:
    """Grade ``antwoord`` (any value from the answer file, or None) against ``sleutel``."""
    if antwoord is None:
        return _nul(opgave, GEEN_ANTWOORD)
    try:
        return soort(opgave.soort).nakijken(opgave, antwoord, sleutel)
    except Exception:  # noqa: BLE001 - an answer must never stop grading, nor earn points
        return _nul(opgave, ONNAKIJKBAAR)


def volledigheid(opgave: Opgave, antwoord: Any) -> list[str]:
    """Dutch hints on what is still missing; empty when the answer is complete."""
    if antwoord is None:
        return [GEEN_ANTWOORD]
    try:
        return list(soort(opgave.soort).volledigheid(opgave, antwoord))
    except Exception:  # noqa: BLE001
        return [ONNAKIJKBAAR]


def onbeantwoord(opgave: Opgave, antwoord: Any) -> list[str]:
    """Dutch hints on the required parts of ``antwoord`` still open; empty when every
    required part is answered (what the learner may still improve is ``volledigheid``'s).
    A practice answer shows its model answer and score only then ("trying comes first")."""
    if antwoord is None:
        return [GEEN_ANTWOORD]
    kind = soort(opgave.soort)
    try:
        return list(getattr(kind, "onbeantwoord", kind.volledigheid)(opgave, antwoord))
    except Exception:  # noqa: BLE001 - fail closed: an unreadable answer is not complete
        return [ONNAKIJKBAAR]


def samenvatting(opgave: Opgave, antwoord: Any) -> list[str]:
    """The saved answer as plain text lines, so a grader reads what the student chose."""
    if antwoord is None:
        return ["Je hebt nog geen antwoord opgeslagen."]
    try:
        return [leesbaar(r) for r in soort(opgave.soort).samenvatting(opgave, antwoord)]
    except Exception:  # noqa: BLE001
        return ["Je opgeslagen antwoord heeft een vorm die we niet kennen."]


def op_papier(opgave: Opgave) -> str:
    """The question as it reads on paper (MyST Markdown): its case fragment, numbered and
    marked as invented, its text, and what the kind asks."""
    delen = [f"**{opgave.titel}**"]
    if opgave.casus and opgave.fragment:
        from werkalliantie.leren.casussen import laad_casus

        scene = laad_casus(opgave.casus).fragment(opgave.fragment)
        zinnen = "\n".join(f"{n}. {z}" for n, z in enumerate(scene.zinnen, 1))
        delen.append(f":::{{verzonnen}}\n**Het gesprek: {scene.titel}**\n\n{zinnen}\n:::")
    delen.append(opgave.vraag)
    delen.append(soort(opgave.soort).op_papier(opgave))
    return "\n\n".join(delen)


VOORBEELDEN = ("goed", "fout", "ongeldig")


def voorbeelden(opgave: Opgave, sleutel: Any) -> dict[str, Any]:
    """Three answers to ``opgave``, as the answer file stores them: ``goed`` (all points),
    ``fout`` (the right shape, but wrong) and ``ongeldig`` (a value no control saves). Tests,
    the model-answer command and the practice class use these, never a kind's internals."""
    return soort(opgave.soort).voorbeelden(opgave, sleutel)


def modelantwoord(opgave: Opgave, sleutel: Any) -> Any:
    """A fully right answer to ``opgave``, as the answer file stores it."""
    return voorbeelden(opgave, sleutel)["goed"]


def groepsweergave(opgave: Opgave, antwoorden: list[Any], sleutel: Any | None) -> list[Groepsdeel]:
    """What the trainer's group overview shows of a group's ``antwoorden`` (one per
    participant, anonymous) to ``opgave``; ``sleutel`` None when the key is not at hand.
    Plain data (:mod:`.groep`); an answer a kind cannot read counts as not given."""
    return list(soort(opgave.soort).groepsweergave(opgave, list(antwoorden), sleutel))


def afwijkingen(opgave: Opgave, antwoord: Any, sleutel: Any) -> list[Afwijking]:
    """Where the parts of ``antwoord`` lie against their reference bands (one
    :class:`~.groep.Afwijking` per part rated), for a rater's lean over several fragments
    (``groep.neigingen``, ``groep.groepsneigingen``). Empty for a kind without reference
    bands, for no answer or no key, and for an answer the kind cannot read."""
    regel = getattr(soort(opgave.soort), "afwijkingen", None)
    if regel is None or antwoord is None or sleutel is None:
        return []
    try:
        return list(regel(opgave, antwoord, sleutel))
    except Exception:  # noqa: BLE001 - a strange answer has no lean, and stops nothing
        return []
