"""JSON-stat 2.0, read per the specification: index and value forms, status, errors."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from polku.errors import SourceFormatError
from polku.sources.jsonstat import parse

# Two areas x three months x one content: the last id (Tiedot) changes fastest, then
# Kuukausi, then Alue. Values are area*100 + month so that a cell says where it is.
BASE: dict[str, Any] = {
    "version": "2.0",
    "class": "dataset",
    "label": "Unemployed jobseekers",
    "updated": "2024-03-20T06:00:00Z",
    "id": ["Alue", "Kuukausi", "Tiedot"],
    "size": [2, 3, 1],
    "dimension": {
        "Alue": {
            "label": "Area",
            "category": {"index": ["KU405", "KU153"], "label": {"KU405": "Lappeenranta"}},
        },
        "Kuukausi": {
            "label": "Month",
            "category": {"index": {"2024M01": 0, "2024M02": 1, "2024M03": 2}},
        },
        "Tiedot": {"category": {"label": {"TYOTTOMATLOPUSSA": "Unemployed"}}},
    },
    "value": [101, 102, 103, 201, 202, 203],
}


def doc(**changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(BASE)
    out.update(changes)
    return out


def test_cells_follow_the_id_order_last_dimension_fastest() -> None:
    data = parse(doc())
    assert data.size == (2, 3, 1)
    assert data.value(Alue="KU153", Kuukausi="2024M02", Tiedot="TYOTTOMATLOPUSSA") == 202
    cells = list(data.cells())
    assert [c.value for c in cells] == [101, 102, 103, 201, 202, 203]
    assert cells[4].categories == {
        "Alue": "KU153",
        "Kuukausi": "2024M02",
        "Tiedot": "TYOTTOMATLOPUSSA",
    }
    area = data.dimension("Alue")
    assert area.labels == {"KU405": "Lappeenranta", "KU153": "KU153"}  # id when no label
    assert data.dimension("Tiedot").categories == ("TYOTTOMATLOPUSSA",)  # label only
    assert data.updated == "2024-03-20T06:00:00Z"


def test_object_index_in_any_key_order_is_read_by_position() -> None:
    shuffled = doc()
    shuffled["dimension"]["Kuukausi"]["category"]["index"] = {
        "2024M03": 2,
        "2024M01": 0,
        "2024M02": 1,
    }
    assert parse(shuffled).value(Alue="KU405", Kuukausi="2024M03", Tiedot="TYOTTOMATLOPUSSA") == 103


def test_a_different_id_order_changes_which_value_is_which() -> None:
    swapped = doc(id=["Kuukausi", "Alue", "Tiedot"], size=[3, 2, 1])
    data = parse(swapped)
    # now Alue changes faster than Kuukausi: value[1] is (2024M01, KU153)
    assert data.value(Kuukausi="2024M01", Alue="KU153", Tiedot="TYOTTOMATLOPUSSA") == 102


def test_sparse_values_and_missing_values_with_status() -> None:
    sparse = doc(value={"0": 101, "5": 203}, status={"1": "..", "4": "."})
    data = parse(sparse)
    assert [c.value for c in data.cells()] == [101, None, None, None, None, 203]
    assert [c.status for c in data.cells()] == [None, "..", None, None, ".", None]
    listed = parse(doc(value=[1, None, 3, 4, 5, 6], status=[None, "..", None, None, None, None]))
    assert listed.values[1] is None
    assert listed.statuses[1] == ".."
    assert set(parse(doc(status="p")).statuses) == {"p"}  # one status for every cell


def test_negative_and_decimal_values_are_kept() -> None:
    data = parse(doc(value=[-37969.5, 0, 1.25, 2, 3, 4]))
    assert data.values[:3] == (-37969.5, 0.0, 1.25)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"class": "collection"}, "class"),
        ({"version": "1.0"}, "version"),
        ({"id": "Alue"}, "id"),
        ({"size": [2, 3]}, "size"),
        ({"size": [2, 4, 1]}, "size of Kuukausi"),
        ({"value": [1, 2, 3]}, "value"),
        ({"value": {"9": 1}}, "value[9]"),
        ({"value": [1, "x", 3, 4, 5, 6]}, "value[1]"),
        ({"status": [None]}, "status"),
        ({"dimension": {"Alue": {}}}, "dimension Alue.category"),
        ({"dimension": {}}, "dimension Alue"),
    ],
)
def test_malformed_documents_name_where_and_what_was_expected(
    change: dict[str, Any], where: str
) -> None:
    with pytest.raises(SourceFormatError) as caught:
        parse(doc(**change), "statfin 12r5")
    assert caught.value.where == where
    assert str(caught.value).startswith("statfin 12r5: ")
    assert "expected" in str(caught.value)


def test_bad_category_indexes_are_refused() -> None:
    twice = doc()
    twice["dimension"]["Alue"]["category"]["index"] = ["KU405", "KU405"]
    with pytest.raises(SourceFormatError, match="each once"):
        parse(twice)
    gap = doc()
    gap["dimension"]["Kuukausi"]["category"]["index"] = {"a": 0, "b": 2, "c": 3}
    with pytest.raises(SourceFormatError, match="positions"):
        parse(gap)
    no_index = doc()
    no_index["dimension"]["Tiedot"]["category"] = {"label": {"A": "a", "B": "b"}}
    with pytest.raises(SourceFormatError, match="exactly one category"):
        parse(no_index)
    with pytest.raises(SourceFormatError, match="dimension Nope"):
        parse(doc()).dimension("Nope")


def test_a_round_trip_through_json_text() -> None:
    assert parse(json.loads(json.dumps(doc()))) == parse(doc())


def test_an_object_index_with_names_for_positions_is_refused() -> None:
    odd = doc()
    odd["dimension"]["Kuukausi"]["category"]["index"] = {"2024M01": "first", "2024M02": 1}
    with pytest.raises(SourceFormatError, match="integer positions"):
        parse(odd)
