"""The dataset's own proposal as scenarios: ``from-data`` and ``from-data-high``.

``proposals.csv`` gives a proposal as ranges (S9, S16: about 500-700 added places of
rehabilitative work at a cost-neutral 30-40 EUR a week plus 10 EUR an activity day).
``from-data`` adds the lower end of the places at the middle of the price range,
``from-data-high`` the upper end; both price the added places only. Any region's
proposal is its own, never the survey's.
"""

from __future__ import annotations

from typing import Any

from polku.analysis.base import main_area
from polku.errors import ScenarioError
from polku.findings import Finding, Level
from polku.model.region import Region, rows_where
from polku.model.vocabulary import ProposalItem

from .scenario import Scenario, scenario_from_data

NAMES = ("from-data", "from-data-high")


def _missing(name: str) -> ScenarioError:
    return ScenarioError(
        [
            Finding(
                Level.ERROR,
                "scenario_value",
                file="proposals.csv",
                column="item",
                found="",
                params={
                    "expected": f"an added_places row for the scenario {name}",
                    "expected_fi": f"added_places-rivi skenaariolle {name}",
                },
            )
        ]
    )


def data_scenario(region: Region, name: str) -> Scenario:
    """``from-data`` or ``from-data-high`` from the dataset's ``proposals.csv``."""
    rows = list(rows_where(region.proposals, area=main_area(region)))
    places = [r for r in rows if r.item is ProposalItem.ADDED_PLACES]
    if not places:
        raise _missing(name)
    first = places[0]
    own = {r.item: r for r in rows if r.proposal == first.proposal and r.measure == first.measure}
    high = name.endswith("-high")
    added = first.high if high else first.low
    changes: dict[str, Any] = {"places": {first.measure.value: {"add": added, "from_month": 1}}}
    price: dict[str, Any] = {}
    week = own.get(ProposalItem.FIXED_PRICE_PER_WEEK)
    day = own.get(ProposalItem.PRICE_PER_ACTIVITY_DAY)
    if week is not None:
        price["per_week"] = (week.low + week.high) / 2.0
    if day is not None:
        price["per_day"] = (day.low + day.high) / 2.0
    if price:
        changes["price"] = {**price, "applies_to": "new_places"}
    words = _title(added, price)
    return scenario_from_data(
        {
            "name": name,
            "title": f"{words[0]} (the dataset's proposal)",
            "title_fi": f"{words[1]} (aineiston ehdotus)",
            "description": f"The dataset's own proposal from proposals.csv ({first.source}).",
            "changes": changes,
        },
        "proposals.csv",
    )


def _title(added: float, price: dict[str, Any]) -> tuple[str, str]:
    en = f"+{added:.0f} rehabilitative work places"
    fi = f"+{added:.0f} kuntouttavan työtoiminnan paikkaa"
    if "per_week" in price:
        en += f" at {price['per_week']:g} EUR a week"
        fi += f", {price['per_week']:g} € viikossa".replace(".", ",")
    if "per_day" in price:
        en += f" + {price['per_day']:g} EUR an activity day"
        fi += f" + {price['per_day']:g} € toimintapäivältä".replace(".", ",")
    return en, fi
