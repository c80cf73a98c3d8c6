#!/usr/bin/env python3
"""Linux-accounts maken voor een groep studenten (of docenten) op de JupyterHub.

Gebruik (als root):

    python3 klas_toevoegen.py klas.csv [--groep werkalliantie]

klas.csv is dezelfde lijst die de docent in het cijferboek zet
(`nbgrader db student import klas.csv`), met de kolommen id, first_name, last_name en
email. De id is de gebruikersnaam.

Voor elke regel:
- bestaat het account nog niet: maak het, met een eigen thuismap die alleen de eigenaar
  kan openen (0700), in de toegangsgroep van de hub;
- bestaat het al: zet het in de toegangsgroep en scherm de thuismap af (0700).

Wachtwoorden zet dit script niet. Die komen uit het accountbeheer van je organisatie
(LDAP, Active Directory) of je zet ze met `passwd` of `chpasswd`.
Alleen de standaardbibliotheek van Python: werkt met de Python van het systeem.
"""

from __future__ import annotations

import argparse
import csv
import grp
import os
import pwd
import re
import subprocess
import sys
from pathlib import Path

GELDIGE_NAAM = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")


def lees_klas(pad: Path) -> list[dict[str, str]]:
    with pad.open(newline="", encoding="utf-8-sig") as f:
        regels = list(csv.DictReader(f))
    fouten = []
    for n, regel in enumerate(regels, 2):
        naam = (regel.get("id") or "").strip()
        if not GELDIGE_NAAM.match(naam):
            fouten.append(f"regel {n}: '{naam}' is geen geldige gebruikersnaam "
                          "(kleine letters, cijfers, - en _, hoogstens 32 tekens)")
    if fouten:
        raise SystemExit("Niets gedaan. Verbeter eerst de lijst:\n  " + "\n  ".join(fouten))
    return regels


def zorg_voor_groep(groep: str) -> None:
    try:
        grp.getgrnam(groep)
    except KeyError:
        subprocess.run(["groupadd", groep], check=True)
        print(f"Groep {groep} gemaakt.")


def _commentaar(regel: dict[str, str]) -> str:
    naam = f"{regel.get('first_name', '')} {regel.get('last_name', '')}".strip()
    return re.sub(r"[:,\n\r\x00]", " ", naam)[:80]  # GECOS holds no ':' or ','


def voeg_toe(regel: dict[str, str], groep: str) -> str:
    naam = regel["id"].strip()
    try:
        pwd.getpwnam(naam)
    except KeyError:
        subprocess.run(
            ["useradd", "--create-home", "--key", "HOME_MODE=0700", "--shell", "/bin/bash",
             "--groups", groep, "--comment", _commentaar(regel), naam], check=True)
        resultaat = "nieuw account"
    else:
        subprocess.run(["usermod", "--append", "--groups", groep, naam], check=True)
        resultaat = "bestond al, nu in de groep"
    os.chmod(pwd.getpwnam(naam).pw_dir, 0o700)
    return resultaat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("klas", type=Path,
                        help="CSV met de kolommen id, first_name, last_name, email")
    parser.add_argument("--groep", default="werkalliantie",
                        help="de toegangsgroep van de hub (hub.toml: toegangsgroep)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        raise SystemExit("Start dit script als root (bijvoorbeeld met sudo).")
    regels = lees_klas(args.klas)
    zorg_voor_groep(args.groep)
    for regel in regels:
        print(f"{regel['id']}: {voeg_toe(regel, args.groep)}")
    print(f"\n{len(regels)} accounts in groep {args.groep}. Zet nu het cijferboek bij: open de "
          f"cursusserver en typ in een terminal:\n  nbgrader db student import {args.klas.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
