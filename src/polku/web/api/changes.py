"""A scenario's ``changes`` as a pydantic model: the keys, value types and bounds the
scenario checks (:mod:`polku.simulation.scenario`) state, so the OpenAPI document says
what a valid change is. The checks stay the source of truth for what a schema cannot
say (shares and outcomes that sum to 100, a price for added places, start months inside
the horizon, places removed beyond those there are): their findings answer 422 in the
API's one error shape. ``tests/test_web_api.py`` checks the model against the checks.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator
from pydantic.config import JsonDict

from polku.assumptions import definition
from polku.simulation.scenario import MAX_MONTHS, MAX_PLACES, rules_range

FIRST_RULES, LAST_RULES = rules_range()
_YEARS = "|".join(str(y) for y in range(FIRST_RULES.year, LAST_RULES.year + 1))
# the range in the OpenAPI document too (JSON Schema has no date bounds): the years the
# rules cover; a date inside those years but outside the range is refused by the bounds
RULES_DATE_PATTERN = rf"^({_YEARS})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
RULES_DATE_SCHEMA: JsonDict = {"pattern": RULES_DATE_PATTERN, "example": LAST_RULES.isoformat()}


def _numeric(annotation: Any) -> bool:
    """True for ``int``, ``float`` and their optional forms."""
    kinds = set(get_args(annotation)) - {type(None)} or {annotation}
    kinds = {get_args(k)[0] if get_origin(k) is Annotated else k for k in kinds}
    return bool(kinds) and kinds <= {int, float}


class JsonNumbers(BaseModel):
    """JSON's own numbers only: true is not 1 and "5" is not 5, as the schema says
    (5.0 is the integer 5, as JSON Schema counts it)."""

    @model_validator(mode="before")
    @classmethod
    def _json_numbers(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name, info in cls.model_fields.items():
                value = data.get(info.alias or name)
                if isinstance(value, bool | str) and _numeric(info.annotation):
                    raise ValueError(f"{info.alias or name}: a number, not text or true/false")
        return data


Pct = Annotated[float, Field(ge=0, le=100)]
Month = Annotated[int, Field(ge=0, le=MAX_MONTHS)]


class _Strict(JsonNumbers):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class PlacesAdd(_Strict):
    add: float = Field(ge=-MAX_PLACES, le=MAX_PLACES, description="Places added (or removed)")
    from_month: Month | None = None


class PlacesSet(_Strict):
    set: float = Field(ge=0, le=MAX_PLACES, description="The number of places")
    from_month: Month | None = None


Places = PlacesAdd | PlacesSet


class PlacesIn(_Strict):
    pay_subsidy: Places | None = None
    work_trial: Places | None = None
    rehabilitative_work: Places | None = None
    education: Places | None = None


class PriceIn(_Strict):
    per_week: float | None = Field(None, ge=0, description="EUR a client-week")
    per_day: float | None = Field(None, ge=0, description="EUR a day of activity")
    applies_to: Literal["new_places", "all_places"] | None = None


class SharesIn(_Strict):
    green: Pct | None = None
    yellow: Pct | None = None
    red: Pct | None = None


class OutcomesOf(_Strict):
    open_market: Pct | None = None
    subsidised: Pct | None = None
    education: Pct | None = None
    pension_other: Pct | None = None
    unknown: Pct | None = None
    unemployed: Pct | None = None
    next_period: Pct | None = None


class OutcomesIn(_Strict):
    pay_subsidy: OutcomesOf | None = None
    work_trial: OutcomesOf | None = None
    rehabilitative_work: OutcomesOf | None = None
    education: OutcomesOf | None = None


class FundingCutIn(_Strict):
    """Percent of the associations' income cut, by source."""

    purchased_services: Pct | None = None
    maintenance_compensation: Pct | None = None
    pay_subsidies: Pct | None = None
    sales: Pct | None = None
    employment_grants: Pct | None = None
    state_grants: Pct | None = None
    municipal_grants: Pct | None = None
    other: Pct | None = None


def _assumption(name: str) -> Any:
    """A field of the assumption ``name`` with its own range."""
    a = definition(name)
    return Field(None, ge=a.minimum, le=a.maximum, alias=name, description=a.note_en)


class AssumptionsIn(_Strict):
    """The assumptions a scenario may change (``polku assumptions`` lists their ranges)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, populate_by_name=True)

    sim_priority: Literal["first_come", "segment", "benefit_days"] | None = Field(
        None, alias="sim.priority"
    )
    sim_abandon_pct: float | None = _assumption("sim.abandon_pct")
    sim_waiting_list_pct: float | None = _assumption("sim.waiting_list_pct")
    pricing_activity_days_per_week: float | None = _assumption("pricing.activity_days_per_week")
    pricing_organiser_cost_per_week: float | None = _assumption("pricing.organiser_cost_per_week")
    producers_market_sales_change_pct: float | None = _assumption(
        "producers.market_sales_change_pct"
    )


class ChangesIn(_Strict):
    """Changes to the baseline, as in a scenario file (docs/simulation.md)."""

    places: PlacesIn | None = None
    price: PriceIn | None = None
    segment_shares: SharesIn | None = Field(None, description="Percent; they sum to 100")
    priority: Literal["first_come", "segment", "benefit_days"] | None = None
    inflow_factor: float | None = Field(None, ge=0, le=10)
    outcomes: OutcomesIn | None = Field(None, description="Percent; each measure's sum to 100")
    funding_cut: FundingCutIn | None = None
    market_path: StrictBool | None = None
    rules_date: dt.date | None = Field(
        None,
        ge=FIRST_RULES,
        le=LAST_RULES,
        description=f"The rules that price the money: {FIRST_RULES} to {LAST_RULES}",
        json_schema_extra=RULES_DATE_SCHEMA,
    )
    months: int | None = Field(None, ge=1, le=MAX_MONTHS)
    assumptions: AssumptionsIn | None = None
    from_month: Month | None = None

    def as_data(self) -> dict[str, Any]:
        """The changes as a scenario file holds them (keys given, dates as text)."""
        out: dict[str, Any] = _whole(self.model_dump(mode="json", exclude_none=True, by_alias=True))
        return out


def _whole(value: Any) -> Any:
    """Whole numbers as integers again (``add: 500``, not ``500.0``)."""
    if isinstance(value, dict):
        return {k: _whole(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


__all__ = ["FIRST_RULES", "LAST_RULES", "RULES_DATE_SCHEMA", "ChangesIn"]
