"""The four cases as validated, typed data.

A case file (``data/casussen/<id>.yaml``) is read and validated once, here. Everything
behind :func:`laad_casus` trusts the typed objects. A broken file raises
:class:`CasusFout` with a Dutch message that names the file and the field.

Every piece of text carries ``herkomst``: ``rapport`` when it is paraphrased from the
Movisie report (Van Arum, Verweij & Van der Veer, 2018), ``cursus`` when the course
invented it (the report is silent there). A reader can so tell source from invention.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

CASUSSEN_MAP = Path(__file__).resolve().parent.parent / "data" / "casussen"

# The life domains of the Zelfredzaamheid-Matrix, used as labels only.
LEVENSDOMEINEN = (
    "Financiën",
    "Werk & opleiding",
    "Tijdsbesteding",
    "Huisvesting",
    "Huiselijke relaties",
    "Geestelijke gezondheid",
    "Lichamelijke gezondheid",
    "Middelengebruik",
    "Basale ADL",
    "Instrumentele ADL",
    "Sociaal netwerk",
    "Maatschappelijke participatie",
    "Justitie",
)
Levensdomein = Literal[LEVENSDOMEINEN]  # type: ignore[valid-type]
Herkomst = Literal["rapport", "cursus"]
Tekst = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]


class _Model(BaseModel):
    # Unknown fields are typing errors in a case file, not extensions.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Onderdeel(_Model):
    tekst: Tekst
    herkomst: Herkomst


class Persoon(_Model):
    naam: Tekst
    beschrijving: Tekst
    herkomst: Herkomst


class Professional(_Model):
    naam: Tekst
    rol: Tekst
    herkomst: Herkomst


class Domeinsituatie(_Model):
    domein: Levensdomein
    situatie: Tekst
    herkomst: Herkomst


class Citaat(_Model):
    """A short quote of the (fictional) client, shown as a marked quotation. A quote from
    the report (``herkomst: rapport``) stands there word for word, on page ``pagina``."""

    id: Id
    tekst: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
    wie: Tekst
    herkomst: Herkomst
    pagina: Tekst | None = None


class Moment(_Model):
    """One step in the case's timeline; ``fragment`` names the scene that happens then."""

    wanneer: Tekst
    tekst: Tekst
    herkomst: Herkomst
    fragment: Id | None = None


class Fragment(_Model):
    """A scene from the case, written by the course, used by an exercise."""

    id: Id
    titel: Tekst
    zinnen: list[Tekst] = Field(min_length=1)
    herkomst: Herkomst


class Casus(_Model):
    id: Id
    client: Persoon
    huishouden: list[Persoon] = Field(min_length=1)
    professional: Professional
    hulpvraag: Onderdeel
    samenvatting: Onderdeel
    levensdomeinen: list[Domeinsituatie] = Field(min_length=1)
    citaten: list[Citaat] = Field(min_length=1)
    wat_hielp: list[Onderdeel] = Field(min_length=1)
    tijdlijn: list[Moment] = Field(default_factory=list)
    fragmenten: list[Fragment] = Field(default_factory=list)

    def citaat(self, citaat_id: str) -> Citaat:
        for c in self.citaten:
            if c.id == citaat_id:
                return c
        raise KeyError(citaat_id)

    def fragment(self, fragment_id: str) -> Fragment:
        for f in self.fragmenten:
            if f.id == fragment_id:
                return f
        raise KeyError(fragment_id)


class CasusFout(ValueError):
    """A case file that cannot be used; the message is Dutch and names file and field."""


_BERICHTEN = {
    "missing": "dit veld ontbreekt, maar is verplicht",
    "extra_forbidden": "dit veld kennen we niet (typfout?)",
    "string_type": "hier hoort tekst te staan",
    "string_too_short": "deze tekst is leeg",
    "string_too_long": "deze tekst is te lang",
    "string_pattern_mismatch": "gebruik alleen kleine letters, cijfers, - en _",
    "list_type": "hier hoort een lijst te staan",
    "too_short": "deze lijst is leeg",
    "model_type": "hier horen velden met waarden te staan",
    "dict_type": "hier horen velden met waarden te staan",
}


def _veldnaam(loc: tuple) -> str:
    naam = ""
    for deel in loc:
        naam += f"[{deel + 1}]" if isinstance(deel, int) else (f".{deel}" if naam else str(deel))
    return naam or "(hele bestand)"


def _bericht(fout: dict) -> str:
    if fout["type"] == "literal_error" and fout["loc"][-1] == "domein":
        return (f"'{fout['input']}' is geen bekend levensdomein; kies uit: "
                + ", ".join(LEVENSDOMEINEN))
    if fout["type"] == "literal_error":
        keuzes = fout["ctx"]["expected"].replace(" or ", " of ")
        return f"'{fout['input']}' is hier niet toegestaan; kies uit {keuzes}"
    return _BERICHTEN.get(fout["type"], f"ongeldige waarde ({fout['msg']})")


def _fout_bij_validatie(pad: Path, fout: ValidationError) -> CasusFout:
    regels = [f"- veld '{_veldnaam(f['loc'])}': {_bericht(f)}" for f in fout.errors()]
    return CasusFout(f"Het casusbestand {pad} klopt niet:\n" + "\n".join(regels))


def lees_casusbestand(pad: Path) -> Casus:
    """Read and validate one case file; raise CasusFout in Dutch when it is broken."""
    pad = Path(pad)
    try:
        ruw = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CasusFout(f"Het casusbestand {pad} bestaat niet.") from None
    except UnicodeDecodeError:
        raise CasusFout(f"Het casusbestand {pad} is geen UTF-8-tekst.") from None
    except yaml.YAMLError as fout:
        plek = getattr(fout, "problem_mark", None)
        waar = f" (regel {plek.line + 1}, kolom {plek.column + 1})" if plek else ""
        uitleg = getattr(fout, "problem", None) or "onleesbare YAML"
        raise CasusFout(
            f"Het casusbestand {pad} is geen geldige YAML{waar}: {uitleg}.") from None
    if not isinstance(ruw, dict):
        raise CasusFout(f"Het casusbestand {pad} bevat geen velden met waarden.")
    try:
        casus = Casus.model_validate(ruw)
    except ValidationError as fout:
        raise _fout_bij_validatie(pad, fout) from None
    if casus.id != pad.stem:
        raise CasusFout(
            f"Het casusbestand {pad} klopt niet:\n- veld 'id': '{casus.id}' moet gelijk zijn "
            f"aan de bestandsnaam ('{pad.stem}')")
    for i, c in enumerate(casus.citaten, start=1):
        if c.herkomst == "rapport" and not c.pagina:
            raise CasusFout(f"Het casusbestand {pad} klopt niet:\n- veld 'citaten[{i}].pagina': "
                            "een citaat uit het rapport heeft een paginanummer nodig")
    fragmenten = {f.id for f in casus.fragmenten}
    for i, m in enumerate(casus.tijdlijn, start=1):
        if m.fragment and m.fragment not in fragmenten:
            raise CasusFout(f"Het casusbestand {pad} klopt niet:\n- veld 'tijdlijn[{i}].fragment': "
                            f"er is geen fragment '{m.fragment}'")
    dubbel = {c.id for c in casus.citaten if [d.id for d in casus.citaten].count(c.id) > 1}
    if dubbel:
        raise CasusFout(f"Het casusbestand {pad} klopt niet:\n- veld 'citaten': id "
                        f"'{sorted(dubbel)[0]}' komt meer dan eens voor")
    return casus


@cache
def laad_casus(casus_id: str, map: Path = CASUSSEN_MAP) -> Casus:
    """The validated case ``casus_id`` from the course's data folder (read once)."""
    return lees_casusbestand(Path(map) / f"{casus_id}.yaml")


def alle_casussen(map: Path = CASUSSEN_MAP) -> dict[str, Casus]:
    return {p.stem: laad_casus(p.stem, Path(map)) for p in sorted(Path(map).glob("*.yaml"))}
