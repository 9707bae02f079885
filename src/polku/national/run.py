"""Every employment area of the generated national dataset, baseline and a scenario,
with bands: one row an area of the municipal share and its change."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from polku.assumptions import Assumptions
from polku.model.region import Region
from polku.rules import RuleSet, load_rules
from polku.simulation.calibrate import build
from polku.simulation.compiled import one_blas_thread
from polku.simulation.engine import choose_engine
from polku.simulation.results import summary
from polku.simulation.runner import Settings, simulate
from polku.simulation.scenario import Scenario

from .generate import NationalArea, national_areas, scaled

METRIC = "cost_municipal_share_per_year"  # what the national table compares


@dataclass(frozen=True)
class AreaRow:
    """One area's municipal share a year under the baseline, the scenario's, and the
    difference with its p5-p95 band (EUR a year)."""

    area: NationalArea
    baseline: float
    scenario: float
    difference: float
    p5: float
    p95: float


@dataclass(frozen=True)
class National:
    """The national run: a row per area, and what it was run on."""

    dataset: str
    scenario: str
    year: int
    settings: Settings
    rows: list[AreaRow]

    def total(self) -> dict[str, float]:
        """The country's sums of the rows' means (bands do not add up, so none)."""
        return {
            "baseline": sum(r.baseline for r in self.rows),
            "scenario": sum(r.scenario for r in self.rows),
            "difference": sum(r.difference for r in self.rows),
        }

    def to_dict(self) -> dict[str, Any]:
        """The run as JSON (``polku simulate --areas all --format json``)."""
        return {
            "dataset": self.dataset,
            "scenario": self.scenario,
            "year": self.year,
            "generated": True,  # sizes from the classification, structure of the dataset
            "mode": self.settings.mode,
            "replications": self.settings.replications,
            "seed": self.settings.seed,
            "months": self.settings.months,
            "metric": METRIC,
            "areas": [
                {
                    "code": r.area.code,
                    "name_fi": r.area.names["fi"],
                    "region": r.area.region,
                    "municipalities": r.area.municipalities,
                    "scale": round(r.area.scale, 6),
                    "baseline": r.baseline,
                    "scenario": r.scenario,
                    "difference": {"mean": r.difference, "p5": r.p5, "p95": r.p95},
                }
                for r in self.rows
            ],
            "total": self.total(),
        }


def run_national(
    region: Region,
    scenario: Scenario,
    settings: Settings,
    *,
    year: int | None = None,
    rules: RuleSet | None = None,
    assumptions: Assumptions | None = None,
    done: Callable[[int, int], Any] | None = None,
) -> National:
    """Run the baseline and ``scenario`` on every employment area of ``year`` (the
    classification's latest year by default); ``done(areas done, areas)`` as they end.

    The dataset is calibrated once; each area runs its scaled network at those prices,
    with the run's seed, so an area's bands are its own draws of the same model. With
    ``settings.workers`` above one and the compiled engine, areas run on that many
    threads (each area on one): the same rows as one after another.
    """
    rules = rules or load_rules()
    year = year or (dt.date.today().year)
    areas = national_areas(region, year)
    calibration = build(region, assumptions, months=settings.months)
    threads = settings.workers > 1 and choose_engine(settings.engine, settings.mode) == "compiled"
    each = dataclasses.replace(settings, workers=1) if threads else settings  # NumPy: by chunk

    def row(area: NationalArea) -> AreaRow:
        sim = simulate(
            region,
            [scenario],
            settings=each,
            rules=rules,
            assumptions=assumptions,
            calibration=calibration,
            network=scaled(calibration.network, area.scale),
        )
        doc = summary(sim)["scenarios"]
        base = doc["baseline"]["metrics"][METRIC]["mean"]
        own = doc[scenario.name]["metrics"][METRIC]["mean"]
        diff = doc[scenario.name]["difference"][METRIC]
        return AreaRow(area, base, own, diff["mean"], diff["p5"], diff["p95"])

    rows: list[AreaRow] = []
    with (
        one_blas_thread() if threads else nullcontext(),
        ThreadPoolExecutor(settings.workers if threads else 1) as pool,
    ):  # the compiled kernel releases the GIL: areas run on threads side by side
        for done_row in pool.map(row, areas):
            rows.append(done_row)
            if done is not None:
                done(len(rows), len(areas))
    return National(region.name, scenario.name, year, settings, rows)
