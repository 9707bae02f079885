"""Simulation runs of saved scenarios or given changes, and comparisons of two."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from polku.simulation.runner import Settings

from ..deps import RunnerDep, StoreDep
from ..service import Runner
from ..store import RunRow
from .errors import COMMON, NOT_FOUND
from .models import CompareIn, Id, RunIn, RunOut

router = APIRouter(tags=["runs"], responses=COMMON)


def run_out(runner: Runner, row: RunRow) -> RunOut:
    out = RunOut.model_validate(row, from_attributes=True)
    out.progress = runner.fraction(row.id, row.progress)
    return out


@router.post("/runs", status_code=202, responses=NOT_FOUND)
def start_run(store: StoreDep, runner: RunnerDep, body: RunIn) -> RunOut:
    """Run a saved scenario or given changes against the baseline. Expected mode
    answers at once; stochastic mode runs in the background: poll ``/api/runs/{id}``."""
    changes = body.changes.as_data() if body.changes else {}
    if body.scenario_id is not None:
        changes = store.scenario(body.scenario_id).changes
    run_id = runner.start(
        body.dataset,
        changes,
        mode=body.mode,
        replications=body.replications,
        seed=body.seed,
        months=body.months,
        scenario_id=body.scenario_id,
    )
    return run_out(runner, store.run(run_id))


@router.get("/runs")
def list_runs(
    store: StoreDep, runner: RunnerDep, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> list[RunOut]:
    """The newest runs first."""
    return [run_out(runner, r) for r in store.runs(limit)]


@router.get("/runs/{run_id}", responses=NOT_FOUND)
def get_run(store: StoreDep, runner: RunnerDep, run_id: Id) -> RunOut:
    """A run's status, progress (0-1) and, when done, its summary
    (docs/simulation-json.md)."""
    return run_out(runner, store.run(run_id))


@router.post("/compare", responses=NOT_FOUND)
def compare_scenarios(store: StoreDep, runner: RunnerDep, body: CompareIn) -> dict[str, Any]:
    """Two saved scenarios (or the baseline and one) with the same random numbers:
    each metric for both and the difference with its p5-p95 band."""
    first = store.scenario(body.first) if body.first else None
    second = store.scenario(body.second)
    settings = Settings(mode=body.mode, replications=body.replications, seed=body.seed)
    return runner.compare(
        body.dataset,
        (first.name, first.changes) if first else None,
        (second.name, second.changes),
        settings,
    )
