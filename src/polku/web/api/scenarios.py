"""Saved scenarios: create, read, update (versioned), delete, duplicate."""

from __future__ import annotations

from fastapi import APIRouter, Response

from ..deps import CatalogDep, StoreDep
from ..service import Catalog, scenario_of
from ..store import ScenarioRow
from .errors import COMMON, CONFLICT, NOT_FOUND
from .models import Id, ScenarioIn, ScenarioOut, ScenarioUpdate

router = APIRouter(prefix="/scenarios", tags=["scenarios"], responses=COMMON)


def scenario_out(row: ScenarioRow) -> ScenarioOut:
    return ScenarioOut.model_validate(row, from_attributes=True)


def _fields(catalog: Catalog, body: ScenarioIn) -> dict[str, object]:
    """The row's fields, once the dataset exists and the changes pass the scenario checks."""
    catalog.region(body.dataset)
    changes = body.changes.as_data()
    scenario_of(body.name, changes)
    return {**body.model_dump(exclude={"changes", "version"}), "changes": changes}


@router.get("")
def list_scenarios(store: StoreDep) -> list[ScenarioOut]:
    """Every saved scenario, by name."""
    return [scenario_out(r) for r in store.scenarios()]


@router.post("", status_code=201, responses={**NOT_FOUND, **CONFLICT})
def create_scenario(store: StoreDep, catalog: CatalogDep, body: ScenarioIn) -> ScenarioOut:
    """Save a scenario; its changes are checked like a scenario file (404: no such
    dataset; 409: the name is taken)."""
    return scenario_out(store.add_scenario(**_fields(catalog, body)))


@router.get("/{scenario_id}", responses=NOT_FOUND)
def get_scenario(store: StoreDep, scenario_id: Id) -> ScenarioOut:
    """One saved scenario."""
    return scenario_out(store.scenario(scenario_id))


@router.put("/{scenario_id}", responses={**NOT_FOUND, **CONFLICT})
def update_scenario(
    store: StoreDep, catalog: CatalogDep, scenario_id: Id, body: ScenarioUpdate
) -> ScenarioOut:
    """Change a saved scenario; 409 if someone saved a newer version meanwhile."""
    fields = _fields(catalog, body)
    return scenario_out(store.update_scenario(scenario_id, body.version, **fields))


@router.delete("/{scenario_id}", status_code=204, responses=NOT_FOUND)
def delete_scenario(store: StoreDep, scenario_id: Id) -> Response:
    """Delete a saved scenario (its runs stay, without it)."""
    store.delete_scenario(scenario_id)
    return Response(status_code=204)


@router.post("/{scenario_id}/duplicate", status_code=201, responses=NOT_FOUND)
def duplicate_scenario(store: StoreDep, scenario_id: Id) -> ScenarioOut:
    """A copy under the next free name ``<name>-copy``, ``<name>-copy-2``..."""
    return scenario_out(store.duplicate_scenario(scenario_id))
