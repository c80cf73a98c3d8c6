"""The kinds of question, registered by name.

A kind is one module in this package. It knows nothing of widgets, nbgrader or any other
kind, and declares:

- ``Opties`` and ``Sleutel``: dataclasses of the record's ``opties`` and of its key;
- ``onderdelen(opgave)``: the graded parts (each becomes one hidden test);
- ``volledigheid(opgave, antwoord)``: Dutch hints on what is still missing (no key needed);
- ``nakijken(opgave, antwoord, sleutel)``: the grading rule, a pure function to a
  :class:`~werkalliantie.leren.opgaven.resultaat.Resultaat`;
- ``samenvatting(opgave, antwoord)``: the saved answer as plain text lines, for a grader;
- ``voorbeelden(opgave, sleutel)``: three answers as the answer file stores them: ``goed``
  (all points), ``fout`` (the right shape, but wrong) and ``ongeldig`` (no control saves it);
- ``groepsweergave(opgave, antwoorden, sleutel)``: what the trainer's group overview shows
  of a group's answers, as plain data (:mod:`werkalliantie.leren.opgaven.groep`);
- ``controleer(opgave, sleutel)``: build-time checks beyond types, as (field, message);
- ``op_papier(opgave)``: the question as it reads on paper (MyST), for the printed book;
- ``UITLEG_DOCENT``: the grading rule in plain Dutch, for the instructor's guide.

Optional, for a kind whose ``volledigheid`` also gives advice on an answer that is complete
(the goal checker's hints, a remark on a value that is not valid):
``onbeantwoord(opgave, antwoord)``, only the required parts still open, in Dutch. A
practice answer shows its model answer and score once nothing is open (issue 22); without
the function, ``volledigheid`` says what is open.

Optional, for a kind whose key holds several raters' ratings (``beoordeling``):
``afwijkingen(opgave, antwoord, sleutel)``, where each rated part lies against its
reference band (:class:`~werkalliantie.leren.opgaven.groep.Afwijking`); a learner's lean
and a group's spread of leans are made from these (``werkalliantie.leren.opgaven.afwijkingen``).

The answer a kind receives comes from the learner's file: untrusted, any JSON value.
The engine (:mod:`werkalliantie.leren.opgaven`) handles a missing answer and any error a rule
raises; a kind handles every other shape of value without raising.

Adding a kind: its module here, its controls in ``werkalliantie/widgets/bediening/`` and
its name in ``SOORTEN``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

SOORTEN = ("beoordeling", "meerkeuze", "doeltekst", "open", "indelen", "sessies",
           "doelherkennen", "doelbouwer", "gasscore", "invullen")

VEREIST = ("Opties", "Sleutel", "onderdelen", "volledigheid", "nakijken", "samenvatting",
           "voorbeelden", "groepsweergave", "controleer", "op_papier", "UITLEG_DOCENT")


def soort(naam: str) -> ModuleType:
    """The module of kind ``naam``; a Dutch KeyError for an unknown kind."""
    if naam not in SOORTEN:
        raise KeyError(f"De cursus kent geen soort opgave '{naam}'; kies uit "
                       + ", ".join(SOORTEN) + ".")
    return importlib.import_module(f"{__name__}.{naam}")
