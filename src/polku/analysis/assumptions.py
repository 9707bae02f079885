"""Named assumptions: every number the analyses need that is not in the data or the rules.

Each has a default, a unit and a note (in English and Finnish); a default of ``None``
means "take it from the dataset", and the note says which figure. Users override them
from the CLI (``--set NAME=VALUE``) or from Python (``Assumptions.parse`` or
``Assumptions({...})``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from polku.errors import AssumptionError

from .base import Input

Value = float | str | None


@dataclass(frozen=True)
class Assumption:
    """A named parameter with its default, unit and note."""

    name: str
    default: Value
    unit: str
    note_en: str
    note_fi: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    kind: str = "number"  # number, choice, date or service_lines

    def parse(self, text: str) -> Value:
        """The value of ``text`` for this assumption; :class:`AssumptionError` if invalid."""
        if self.kind == "choice":
            if text not in self.choices:
                raise self._bad(text, "one of: " + ", ".join(self.choices))
            return text
        if self.kind == "date":
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                raise self._bad(text, "a date YYYY-MM-DD") from None
            return text
        if self.kind == "service_lines":
            if not re.fullmatch(r"(0[0-5]|unknown)(\+(0[0-5]|unknown))*", text):
                raise self._bad(text, "service lines such as 03+05")
            return text
        try:
            number = float(text)
        except ValueError:
            raise self._bad(text, f"a number ({self.unit})") from None
        if self.minimum is not None and number < self.minimum:
            raise self._bad(text, f"at least {self.minimum:g} {self.unit}")
        if self.maximum is not None and number > self.maximum:
            raise self._bad(text, f"at most {self.maximum:g} {self.unit}")
        return number

    def _bad(self, text: str, expected: str) -> AssumptionError:
        return AssumptionError(f"--set {self.name}={text}: expected {expected}")


def _a(name: str, default: Value, unit: str, en: str, fi: str, **kw: Any) -> Assumption:
    return Assumption(name, default, unit, en, fi, **kw)


REGISTRY: tuple[Assumption, ...] = (
    _a(
        "client_base.rounding",
        500.0,
        "persons",
        "The survey's 'about 2500' and 'about 4500' are the mean of its two statistics "
        "for each definition, rounded to this step",
        "Selvityksen 'noin 2500' ja 'noin 4500' ovat kummankin tulkinnan kahden tilaston "
        "keskiarvo tähän tarkkuuteen pyöristettynä",
        minimum=1,
    ),
    _a(
        "client_base.narrow_basis",
        "mean",
        "",
        "Narrow client base from labour market subsidy recipients with 300+ days "
        "(benefit_days), unemployed jobseekers on the service lines (service_lines), or both",
        "Suppea asiakasmäärä: yli 300 päivää työmarkkinatukea saaneet (benefit_days), "
        "palvelulinjojen työttömät (service_lines) tai niiden keskiarvo (mean)",
        choices=("mean", "benefit_days", "service_lines"),
        kind="choice",
    ),
    _a(
        "client_base.broad_basis",
        "mean",
        "",
        "Broad client base from all jobseekers on the service lines (service_lines), "
        "structural unemployment less the recently long-term unemployed (structural), or both",
        "Laaja asiakasmäärä: palvelulinjojen kaikki työnhakijat (service_lines), "
        "rakennetyöttömyys vähennettynä tuoreilla pitkäaikaistyöttömillä (structural) tai "
        "keskiarvo (mean)",
        choices=("mean", "service_lines", "structural"),
        kind="choice",
    ),
    _a(
        "client_base.service_lines",
        "03+05",
        "",
        "TE service lines whose clients form the client base",
        "TE-palvelulinjat, joiden asiakkaat muodostavat asiakasmäärän",
        kind="service_lines",
    ),
    _a(
        "client_base.recently_long_term_pct",
        None,
        "percent",
        "Share of structural unemployment deducted as recently become long-term unemployed; "
        "default: the dataset's indicator recently_long_term_share",
        "Rakennetyöttömyydestä vähennettävä tuoreiden pitkäaikaistyöttömien osuus; "
        "oletus: aineiston tunnusluku recently_long_term_share",
        minimum=0,
        maximum=100,
    ),
    _a(
        "effectiveness.confidence",
        0.95,
        "probability",
        "Coverage of the Wilson intervals of outcome shares",
        "Tulososuuksien Wilsonin luottamusvälien kattavuus",
        minimum=0.5,
        maximum=0.999,
    ),
    _a(
        "municipal_share.rules_date",
        None,
        "date",
        "Date whose rules price the benefit days; default: mid-year of the benefit-day statistic",
        "Päivä, jonka säännöillä etuuspäivät hinnoitellaan; oletus: "
        "etuuspäivätilaston vuoden puoliväli",
        kind="date",
    ),
    _a(
        "municipal_share.benefit_days_per_year",
        261.0,
        "days",
        "Benefit days paid in a year to a recipient receiving it all year (five days a "
        "week, 52.2 weeks)",
        "Vuoden etuuspäivät koko vuoden saajalle (viisi päivää viikossa, 52,2 viikkoa)",
        minimum=1,
        maximum=366,
    ),
    _a(
        "funding.cut_pct",
        None,
        "percent",
        "Cut applied to each income source in turn; default: the dataset's funding_change",
        "Kuhunkin tulolähteeseen vuorollaan kohdistuva leikkaus; oletus: aineiston funding_change",
        minimum=0,
        maximum=100,
    ),
    _a(
        "funding.knock_on_pct",
        0.0,
        "percent",
        "Share of a cut in one source that is lost from the others too (S12 says cuts "
        "spill over; the survey gives no figure)",
        "Osuus yhden lähteen leikkauksesta, joka menetetään myös muista (S12; ei lukua "
        "selvityksessä)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "pricing.activity_days_per_week",
        2.5,
        "days_per_week",
        "Activity days a week of a typical client (the survey's services run 1-4 days)",
        "Tyypillisen asiakkaan toimintapäivät viikossa (selvityksessä 1-4 päivää)",
        minimum=0.5,
        maximum=5,
    ),
    _a(
        "pricing.weeks_per_year",
        46.0,
        "weeks",
        "Weeks a work-activity place is used in a year (holidays and gaps excluded)",
        "Viikot, jotka työtoimintapaikka on vuodessa käytössä",
        minimum=1,
        maximum=52,
    ),
    _a(
        "pricing.organiser_cost_per_week",
        10.0,
        "eur_per_week",
        "The organiser's own client guidance and contract management cost per client-week "
        "(the survey's price includes it; no figure given)",
        "Järjestäjän oma asiakasohjaus- ja sopimushallintakustannus asiakasviikolta",
        minimum=0,
    ),
    _a(
        "pricing.client_days_class",
        "300+",
        "",
        "Benefit-day class of the clients the added places serve; sets the municipal share "
        "saved during activity",
        "Lisäpaikkojen asiakkaiden tukipäiväluokka",
        choices=("300+", "all", "1000+", "500-999", "300-499"),
        kind="choice",
    ),
    _a(
        "pricing.fixed_price_per_week",
        None,
        "eur_per_week",
        "Fixed price per client-week; default: the middle of the dataset's proposal",
        "Kiinteä hinta asiakasviikolta; oletus: aineiston ehdotuksen keskikohta",
        minimum=0,
    ),
    _a(
        "pricing.price_per_activity_day",
        None,
        "eur_per_day",
        "Price per activity day; default: the middle of the dataset's proposal",
        "Hinta toimintapäivältä; oletus: aineiston ehdotuksen keskikohta",
        minimum=0,
    ),
)

_BY_NAME = {a.name: a for a in REGISTRY}


@dataclass(frozen=True)
class Assumptions:
    """Assumption values: the defaults, with overrides by name."""

    overrides: Mapping[str, Value] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.overrides:
            definition(name)

    @classmethod
    def parse(cls, settings: Iterable[str]) -> Assumptions:
        """From ``NAME=VALUE`` strings, as ``--set`` gives them."""
        overrides: dict[str, Value] = {}
        for setting in settings:
            name, sep, text = setting.partition("=")
            if not sep:
                raise AssumptionError(f"--set {setting}: expected NAME=VALUE")
            overrides[name.strip()] = definition(name.strip()).parse(text.strip())
        return cls(overrides)

    def value(self, name: str) -> Value:
        """The value in force for ``name``."""
        return self.overrides[name] if name in self.overrides else definition(name).default

    def number(self, name: str, fallback: float | None = None) -> float:
        """A numeric assumption; ``fallback`` is used when the value is None."""
        value = self.value(name)
        if value is None:
            if fallback is None:
                raise AssumptionError(f"{name} has no value; give one with --set {name}=VALUE")
            return fallback
        return float(value)

    def text(self, name: str) -> str | None:
        """A choice, date or service-line assumption."""
        value = self.value(name)
        return None if value is None else str(value)

    def input(self, name: str, value: Any = None) -> Input:
        """The :class:`Input` describing this assumption's use."""
        spec = definition(name)
        shown = self.value(name) if value is None else value
        origin = "set by the user" if name in self.overrides else "default"
        return Input("assumption", name, shown, f"assumption ({origin}): {spec.note_en}", True)


def definition(name: str) -> Assumption:
    """The registered assumption ``name``; :class:`AssumptionError` lists the known ones."""
    if name not in _BY_NAME:
        raise AssumptionError(
            f"unknown assumption {name!r}; expected one of: " + ", ".join(_BY_NAME)
        )
    return _BY_NAME[name]
