"""What a sweep varies: the parameters, their ranges, and their names in Finnish and English.

A parameter's range is fixed (``low``-``high``) unless it has ``around``: then it is
that share of the baseline's own value (the calibrated price of work activity, 50 %-150 %),
so that the baseline lies inside it on any dataset. A parameter whose baseline value is 0
(places added, the price per activity day) keeps its fixed range; a fixed range that does
not reach the baseline value is widened to it, so the baseline always lies in the range.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from polku.i18n import Lang, fmt_number

from .money import Prices
from .network import Network

# the metrics' units (polku.simulation.results.Metric.unit) as a reader says them
UNITS: dict[str, tuple[str, str]] = {
    "persons": ("persons", "henkilöä"),
    "persons_per_year": ("persons a year", "henkilöä vuodessa"),
    "months": ("months", "kuukautta"),
    "share": ("share", "osuus"),
    "eur_per_year": ("EUR a year", "€ vuodessa"),
}


def unit_label(unit: str, lang: Lang) -> str:
    """A unit as a reader says it (the key itself if it has no label)."""
    en, fi = UNITS.get(unit, (unit, unit))
    return fi if lang == "fi" else en


@dataclass(frozen=True)
class Parameter:
    """A sweepable change to the baseline, with its default range and its names."""

    name: str
    low: float
    high: float
    unit: str  # the key of the unit, as in the JSON
    en: str
    fi: str
    unit_en: str  # the unit as a reader says it
    unit_fi: str
    around: tuple[float, float] | None = None  # range as shares of a non-zero baseline

    def change(self, value: float) -> dict[str, Any]:
        """The scenario change that sets this parameter to ``value``."""
        kind, _, detail = self.name.partition(".")
        if kind == "places":
            return {"places": {detail: {"add": value}}}
        if kind == "price":
            # a sweep reprices every place, not only added ones (the scenario default)
            return {"price": {detail: value, "applies_to": "all_places"}}
        if kind == "inflow_factor":
            return {"inflow_factor": value}
        return {"assumptions": {self.name: value}}

    def baseline(self, net: Network, prices: Prices) -> float:
        """The parameter's value in the calibrated baseline."""
        by_name = {
            "price.per_week": prices.price_per_week,
            "price.per_day": prices.price_per_day,
            "inflow_factor": 1.0,
            "sim.abandon_pct": net.abandon_prob * 100.0,
            "sim.waiting_list_pct": float(
                np.mean([m.waiting_share for m in net.measures]) * 100.0 if net.measures else 0.0
            ),
            "pricing.activity_days_per_week": prices.activity_days,
            "pricing.organiser_cost_per_week": prices.organiser_cost_per_week,
        }
        return float(by_name.get(self.name, 0.0))  # places: none added

    def bounds(self, net: Network, prices: Prices) -> tuple[float, float]:
        """The low and high values a sweep uses on this baseline."""
        value = self.baseline(net, prices)
        if self.around is not None and value > 0:
            return value * self.around[0], value * self.around[1]
        return min(float(self.low), value), max(float(self.high), value)

    def label(self, lang: Lang) -> str:
        """The parameter's name with its unit, e.g. ``fixed price of work activity, EUR a
        client-week``."""
        if lang == "fi":
            return f"{self.fi}, {self.unit_fi}"
        return f"{self.en}, {self.unit_en}"

    def describe(self, net: Network, prices: Prices) -> dict[str, Any]:
        """The JSON entry: the values used, the baseline value and the names."""
        low, high = self.bounds(net, prices)
        return {
            "name": self.name,
            "low": low,
            "high": high,
            "baseline": self.baseline(net, prices),
            "unit": self.unit,
            "note": self.label("en"),  # kept from the first version of the document
            "label": self.label("en"),
            "label_fi": self.label("fi"),
        }


def value_text(value: float, lang: Lang) -> str:
    """A parameter value as printed: at most one decimal, locale separators."""
    return fmt_number(round(float(value), 1) + 0.0, lang)  # + 0.0: no "-0"


def range_text(entry: dict[str, Any], lang: Lang) -> str:
    """``label (low to high; baseline value)`` from a :meth:`Parameter.describe` entry."""
    low, high, base = (value_text(entry[k], lang) for k in ("low", "high", "baseline"))
    if lang == "fi":
        return f"{entry['label_fi']} ({low}…{high}; perusura {base})"
    return f"{entry['label']} ({low} to {high}; baseline {base})"


PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter(
            "places.rehabilitative_work",
            0,
            700,
            "places",
            en="rehabilitative work",
            fi="kuntouttava työtoiminta",
            unit_en="places added",
            unit_fi="lisäpaikkaa",
        ),
        Parameter(
            "places.pay_subsidy",
            -150,
            150,
            "places",
            en="pay-subsidised work",
            fi="palkkatukityö",
            unit_en="places added",
            unit_fi="lisäpaikkaa",
        ),
        Parameter(
            "price.per_week",
            20,
            60,
            "eur_per_week",
            en="fixed price of work activity",
            fi="työtoiminnan kiinteä hinta",
            unit_en="EUR a client-week",
            unit_fi="€ asiakasviikolta",
            around=(0.5, 1.5),
        ),
        Parameter(
            "price.per_day",
            0,
            20,
            "eur_per_day",
            en="day price of work activity",
            fi="työtoiminnan päivähinta",
            unit_en="EUR an activity day",
            unit_fi="€ toimintapäivältä",
            around=(0.5, 1.5),
        ),
        Parameter(
            "inflow_factor",
            0.8,
            1.2,
            "ratio",
            en="inflow into unemployment",
            fi="työttömäksi tulevat",
            unit_en="times today's",
            unit_fi="kertaa nykyinen",
        ),
        Parameter(
            "sim.abandon_pct",
            1,
            15,
            "percent_per_month",
            en="those waiting for a place who stop waiting",
            fi="paikkaa odottavista odottamisen lopettavat",
            unit_en="% a month",
            unit_fi="% kuukaudessa",
        ),
        Parameter(
            "sim.waiting_list_pct",
            0,
            50,
            "percent",
            en="waiting list kept",
            fi="ohjattuina odottavat",
            unit_en="% of places",
            unit_fi="% paikoista",
        ),
        Parameter(
            "pricing.activity_days_per_week",
            1,
            4,
            "days_per_week",
            en="activity days of a client",
            fi="asiakkaan toimintapäivät",
            unit_en="days a week",
            unit_fi="päivää viikossa",
        ),
        Parameter(
            "pricing.organiser_cost_per_week",
            0,
            30,
            "eur_per_week",
            en="the organiser's own guidance cost",
            fi="järjestäjän oma ohjauskustannus",
            unit_en="EUR a client-week",
            unit_fi="€ asiakasviikolta",
        ),
    )
}
