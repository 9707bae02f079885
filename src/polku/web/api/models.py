"""The API's inputs and answers (pydantic); the OpenAPI document is made from them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import Path, Query
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from polku.data.descriptor import DATASET_NAME
from polku.i18n import LANGS

from ..service import MAX_COMPARE_REPLICATIONS, MAX_REPLICATIONS
from .changes import ChangesIn, JsonNumbers

Name = Annotated[str, Field(min_length=1, max_length=80, pattern=DATASET_NAME)]
SCENARIO_NAME = r"^[^\W_][\w .-]*$"  # letters of any alphabet (ä, ö), digits, space, - _ .
ScenarioName = Annotated[str, Field(min_length=1, max_length=80, pattern=SCENARIO_NAME)]
RowId = Annotated[int, Field(ge=1, le=2**31 - 1)]
Id = Annotated[int, Path(ge=1, le=2**31 - 1, description="A row id")]
ScenarioIds = Annotated[
    list[Annotated[int, Field(ge=1, le=2**31 - 1)]],
    Query(max_length=20, description="Saved scenario ids to include"),
]
LANG_PATTERN = "^(" + "|".join(LANGS) + ")$"  # the languages of the gettext catalogues
LangParam = Annotated[str, Query(description="Language / kieli / språk", pattern=LANG_PATTERN)]
SK = "south-karelia-2017"


def _utc(value: dt.datetime) -> dt.datetime:
    """A stored time (naive UTC in the database) as an aware UTC time."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


Utc = Annotated[dt.datetime, AfterValidator(_utc), Field(description="RFC 3339, UTC")]


class Strict(JsonNumbers):
    model_config = ConfigDict(extra="forbid")


class DatasetOut(BaseModel):
    name: str
    title: str
    embedded: bool


class FindingOut(BaseModel):
    level: str
    code: str
    file: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None
    place: str
    what: str
    expected: str
    found: str | float | None = None


class DatasetDetail(DatasetOut):
    findings: list[FindingOut]


class PriceOut(BaseModel):
    per_week: float
    per_day: float
    days_per_week: float
    net_cost_per_week: float
    net_cost_per_place_year: float
    break_even_per_week: float
    compensation_per_day: float
    share_saved_per_day: float
    organiser_cost_per_week: float
    weeks_per_year: float


class RuleOut(BaseModel):
    value: bool | float | str
    unit: str
    description: str
    description_fi: str
    from_: dt.date = Field(alias="from")
    reference: str
    verified: bool


class RulesOut(BaseModel):
    date: dt.date
    values: dict[str, RuleOut]


class ScenarioIn(Strict):
    name: ScenarioName
    title: str = Field("", max_length=400)
    description: str = Field("", max_length=4000)
    dataset: Name = SK
    changes: ChangesIn = Field(default_factory=lambda: ChangesIn.model_validate({}))


class ScenarioUpdate(ScenarioIn):
    version: int = Field(ge=1, le=2**31 - 1, description="The version this edit started from")


class ScenarioOut(BaseModel):
    id: int
    name: str
    title: str
    description: str
    dataset: str
    changes: dict[str, Any]
    version: int
    created: Utc
    updated: Utc


class RunIn(Strict):
    dataset: Name = SK
    scenario_id: RowId | None = None
    changes: ChangesIn | None = None
    mode: Literal["expected", "stochastic"] = "expected"
    replications: int = Field(200, ge=2, le=MAX_REPLICATIONS)
    seed: int = Field(20170401, ge=0, le=2**31 - 1)
    months: int = Field(60, ge=1, le=120)


class RunOut(BaseModel):
    id: int
    scenario_id: int | None
    dataset: str
    mode: str
    replications: int
    seed: int
    months: int
    status: str
    progress: float
    error: str
    summary: dict[str, Any] | None
    created: Utc
    finished: Utc | None


class CompareIn(Strict):
    dataset: Name = SK
    first: RowId | None = Field(None, description="Scenario id; none = baseline")
    second: RowId
    mode: Literal["expected", "stochastic"] = "expected"
    replications: int = Field(200, ge=2, le=MAX_COMPARE_REPLICATIONS)
    seed: int = Field(20170401, ge=0, le=2**31 - 1)


__all__ = [
    "SCENARIO_NAME",
    "CompareIn",
    "DatasetDetail",
    "DatasetOut",
    "FindingOut",
    "Id",
    "LangParam",
    "Name",
    "PriceOut",
    "RulesOut",
    "RunIn",
    "RunOut",
    "ScenarioIds",
    "ScenarioIn",
    "ScenarioName",
    "ScenarioOut",
    "ScenarioUpdate",
    "Strict",
    "Utc",
]
