"""The command line ``werkalliantie``: a thin Dutch shell over the library.

Every verb calls one library function and prints its result. The library raises the
course's own errors (:class:`~werkalliantie.leren.fouten.CursusFout`, Dutch messages); only
here do they become a message on stderr and an exit code (1; 2 for a command line argparse
cannot read), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from werkalliantie.begeleiden.cursusmap import Cursusmap
from werkalliantie.leren.fouten import CursusFout
from werkalliantie.leren.opgaven.model import alle_opdrachten, laad_opdracht

# argparse's own words, in Dutch (argparse looks them up through gettext's ``_``).
VERTALING = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "hier hoort één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "expected at most one argument": "hier hoort hooguit één waarde bij",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "onduidelijke optie: %(option)s kan zijn: %(matches)s",
    "not allowed with argument %s": "niet samen met %s",
    "one of the arguments %s is required": "kies een van %s",
}


def _nederlands() -> None:
    argparse._ = lambda tekst: VERTALING.get(tekst, tekst)  # noqa: SLF001


class Fout(CursusFout):
    """A mistake on the command line itself: the Dutch message is shown, exit code 1."""


def _geheel(minimum: int):
    def lees(tekst: str) -> int:
        try:
            waarde = int(tekst)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{tekst}' is geen heel getal") from None
        if waarde < minimum:
            raise argparse.ArgumentTypeError(f"kies {minimum} of meer (niet {waarde})")
        return waarde
    return lees


def _seconden(tekst: str) -> float:
    try:
        waarde = float(tekst.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen aantal seconden") from None
    if waarde <= 0:
        raise argparse.ArgumentTypeError("een tijdslimiet is meer dan 0 seconden")
    return waarde


def _voeg_cursusmap_toe(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cursusmap", type=Path, default=Path.cwd(), metavar="MAP",
                   help="de cursusmap, met nbgrader_config.py (standaard: de map waarin je nu bent)")


# --- The verbs -----------------------------------------------------------------------------

def _nakijken(args: argparse.Namespace) -> int:
    from werkalliantie.begeleiden.nakijken.parallel import nakijken, standaard_werkers

    cursus = Cursusmap(args.cursusmap)
    werkers = args.werkers or standaard_werkers()
    print(f"Nakijken van {args.opdracht} met {werkers} processen naast elkaar. Dit duurt "
          "even; je ziet elke inlevering verschijnen als die klaar is.", flush=True)

    def voortgang(klaar: int, totaal: int, uitslag) -> None:
        if uitslag.overgeslagen:
            status = "al nagekeken, overgeslagen"
        elif uitslag.gelukt:
            status = f"nagekeken ({uitslag.seconden:.1f} s)"
        else:
            status = "NIET nagekeken"
        let_op = " - let op, zie hieronder" if uitslag.meldingen else ""
        print(f"[{klaar:>{len(str(totaal))}}/{totaal}] {uitslag.student}: {status}{let_op}",
              flush=True)

    verslag = nakijken(cursus, args.opdracht, studenten=args.student, werkers=werkers,
                       opnieuw=args.opnieuw, feedback=not args.zonder_feedback,
                       tijdslimiet_cel=args.tijdslimiet_cel,
                       tijdslimiet_inlevering=args.tijdslimiet_inlevering,
                       voortgang=voortgang)
    print()
    print(verslag.tekst())
    pad = cursus.root / f"nakijkverslag-{args.opdracht}.txt"
    pad.write_text(verslag.tekst() + "\n", encoding="utf-8")
    print(f"\nDit verslag staat ook in {pad.name}.")
    if not args.zonder_feedback:
        print(f"De feedback per student staat in feedback/<student>/{args.opdracht}/.")
    return 1 if verslag.mislukt else 0


def _klas(args: argparse.Namespace) -> int:
    from werkalliantie.begeleiden.nakijken.klas import maak_klas

    maak_klas(Cursusmap(args.cursusmap), args.aantal, args.opdracht or None, zaad=args.zaad,
              melding=lambda tekst: print(tekst, flush=True))
    print(f"Klaar: {args.aantal} studenten. De lijst staat in studenten.csv, wat elke "
          "student inleverde in klas.json.")
    return 0


def _groepsoverzicht(args: argparse.Namespace) -> int:
    from werkalliantie.begeleiden.groepsoverzicht import groepsoverzicht

    overzicht = groepsoverzicht(args.map, namen=args.namen, vorm=args.vorm,
                                sleutels=args.sleutels)
    uit = args.uit or Path.cwd() / "groepsoverzicht.html"
    uit.write_text(overzicht.html(), encoding="utf-8")
    print(overzicht.samenvatting())
    print(f"Het overzicht staat in {uit}. Open dat bestand in je browser.")
    return 0


def _modelantwoord(args: argparse.Namespace) -> int:
    from werkalliantie.begeleiden.modelantwoord import modelantwoorden

    cursus = Cursusmap(args.cursusmap)
    if not cursus.sleutels.is_dir():
        raise Fout(f"In {cursus.root} staat geen map sleutels/ met antwoordmodellen.")
    tekst = modelantwoorden(args.opdracht, cursus)
    if args.uit:
        args.uit.write_text(tekst, encoding="utf-8")
        print(f"Modelantwoord geschreven: {args.uit}")
    else:
        sys.stdout.write(tekst)
    return 0


def _cijfers(args: argparse.Namespace) -> int:
    from werkalliantie.begeleiden.nakijken.cijfers import exporteer

    cursus = Cursusmap(args.cursusmap)
    uit = args.uit or cursus.root / f"cijfers-{args.formaat}.csv"
    aantal = exporteer(cursus, uit, args.formaat)
    print(f"{aantal} studenten geschreven naar {uit}.")
    return 0


def _klaarzetten(args: argparse.Namespace) -> int:
    from werkalliantie.begeleiden.nakijken.klaarzetten import maak_studentversies

    opdrachten = [laad_opdracht(n) for n in args.opdracht] or list(alle_opdrachten().values())
    maak_studentversies(Cursusmap(args.cursusmap), opdrachten)
    return 0


def parser() -> argparse.ArgumentParser:
    from werkalliantie.begeleiden.nakijken.parallel import TIJDSLIMIET_CEL, TIJDSLIMIET_INLEVERING

    _nederlands()
    hoofd = argparse.ArgumentParser(
        prog="werkalliantie",
        description="Hulpmiddelen bij de cursus 'Werken aan de werkalliantie', voor docenten "
                    "en trainers. Kies een van de opdrachten hieronder. Meer uitleg per "
                    "opdracht: werkalliantie OPDRACHT --help")
    verbs = hoofd.add_subparsers(dest="verb", metavar="OPDRACHT", title="opdrachten")
    verbs.required = True

    p = verbs.add_parser(
        "nakijken", help="kijk alle inleveringen van een opdracht na en maak feedback",
        description="Kijkt alle inleveringen in submitted/*/OPDRACHT/ na met nbgrader, met "
                    "meer processen naast elkaar. De cijfers komen in het cijferboek "
                    "(gradebook.db), net als bij 'nbgrader autograde'. Daarna maakt het de "
                    "feedback per student. Eén kapotte inlevering stopt de rest nooit.")
    p.add_argument("opdracht", metavar="OPDRACHT", help="de naam van de opdracht, bijvoorbeeld werkalliantie-denise")
    _voeg_cursusmap_toe(p)
    p.add_argument("--werkers", type=_geheel(1), metavar="N",
                   help="hoeveel processen naast elkaar (standaard: twee per processorkern)")
    p.add_argument("--opnieuw", action="store_true",
                   help="kijk ook inleveringen opnieuw na die al zijn nagekeken (punten die je met "
                        "de hand gaf, blijven staan)")
    p.add_argument("--student", action="append", metavar="ID",
                   help="kijk alleen deze student na (mag vaker)")
    p.add_argument("--zonder-feedback", action="store_true", help="maak nog geen feedback")
    p.add_argument("--tijdslimiet-cel", type=_seconden, default=TIJDSLIMIET_CEL, metavar="SECONDEN",
                   help=f"hoe lang één cel mag duren (standaard: {TIJDSLIMIET_CEL})")
    p.add_argument("--tijdslimiet-inlevering", type=_seconden, default=TIJDSLIMIET_INLEVERING,
                   metavar="SECONDEN", help="hoe lang alle cellen van één inlevering samen mogen "
                   f"duren (standaard: {TIJDSLIMIET_INLEVERING})")
    p.set_defaults(doe=_nakijken)

    p = verbs.add_parser(
        "klas", help="maak een verzonnen klas om mee te oefenen",
        description="Maakt N verzonnen inleveringen voor elke opdracht in submitted/, met een "
                    "gewone mix: goed, deels goed, fout, leeg, en elke soort kapotte "
                    "inlevering. Handig om het nakijken te oefenen of te testen.")
    p.add_argument("aantal", type=_geheel(1), metavar="N", help="hoeveel studenten")
    _voeg_cursusmap_toe(p)
    p.add_argument("--opdracht", action="append", metavar="OPDRACHT",
                   help="alleen deze opdracht (mag vaker; standaard: alle opdrachten)")
    p.add_argument("--zaad", type=int, default=1, help="ander getal: een andere klas (standaard: 1)")
    p.set_defaults(doe=_klas)

    p = verbs.add_parser(
        "groepsoverzicht", help="maak het overzicht van een groep voor de trainer",
        description="Leest de antwoordbestanden van een groep (een map, de map submitted/ "
                    "van nbgrader of een zip-bestand) en maakt één HTML-pagina om in de zaal "
                    "te tonen (één vraag per scherm) of te printen: per vraag hoe de groep "
                    "antwoordde naast de referentie, waar de groep het meest verschilt, en "
                    "hoe eensgezind de groep beoordeelt. Namen staan er niet in, tenzij je "
                    "--namen kiest.")
    p.add_argument("map", type=Path, metavar="MAP", help="de map of het zip-bestand met de antwoorden")
    p.add_argument("--uit", type=Path, metavar="BESTAND",
                   help="waar de pagina komt (standaard: groepsoverzicht.html in deze map; "
                        "git negeert die naam)")
    p.add_argument("--namen", action="store_true",
                   help="toon namen in plaats van Deelnemer 1, 2, ...: de naam uit nbgrader, "
                        "anders de naam die de deelnemer zelf invulde, anders de naam van de map")
    p.add_argument("--vorm", default="ICC(2,1)", metavar="VORM",
                   help="welke intraclass-correlatie: ICC(1,1), ICC(2,1), ICC(3,1), ICC(1,k), "
                        "ICC(2,k) of ICC(3,k) (standaard: ICC(2,1))")
    p.add_argument("--sleutels", type=Path, metavar="MAP",
                   help="de map sleutels/ van de docent, om ook beoordeelde vragen met het "
                        "antwoordmodel te vergelijken")
    p.set_defaults(doe=_groepsoverzicht)

    p = verbs.add_parser(
        "modelantwoord", help="schrijf een volledig goed antwoordbestand",
        description="Schrijft een antwoordbestand (antwoorden.json) dat alle automatisch "
                    "nagekeken vragen van een opdracht goed beantwoordt, uit de map "
                    "sleutels/. Zo controleer je of alles goed staat. Geef het nooit aan studenten.")
    p.add_argument("opdracht", metavar="OPDRACHT", help="de naam van de opdracht")
    _voeg_cursusmap_toe(p)
    p.add_argument("--uit", type=Path, metavar="BESTAND", help="schrijf naar dit bestand (standaard: het scherm)")
    p.set_defaults(doe=_modelantwoord)

    p = verbs.add_parser(
        "cijfers", help="schrijf de cijfers naar een CSV-bestand voor je leeromgeving",
        description="Schrijft één regel per student met de punten per opdracht, uit het "
                    "cijferboek, in de vorm die je leeromgeving kan inlezen.")
    _voeg_cursusmap_toe(p)
    p.add_argument("--formaat", choices=("algemeen", "canvas", "brightspace", "moodle"),
                   default="algemeen", help="voor welke leeromgeving (standaard: algemeen)")
    p.add_argument("--uit", type=Path, metavar="BESTAND",
                   help="het CSV-bestand (standaard: cijfers-FORMAAT.csv in de cursusmap)")
    p.set_defaults(doe=_cijfers)

    p = verbs.add_parser(
        "klaarzetten", help="maak de opdrachten en hun studentversie",
        description="Maakt de opdrachten in source/ uit de gegevens van de cursus, en daarna "
                    "met nbgrader de studentversie in release/.")
    p.add_argument("opdracht", nargs="*", metavar="OPDRACHT", help="welke opdrachten (standaard: alle)")
    _voeg_cursusmap_toe(p)
    p.set_defaults(doe=_klaarzetten)
    return hoofd


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.doe(args)
    except CursusFout as fout:
        print(f"werkalliantie: {fout}", file=sys.stderr)
        return fout.code
    except KeyboardInterrupt:
        print("werkalliantie: gestopt.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
