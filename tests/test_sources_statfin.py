"""PxWeb v1 client against a local server in today's shape (short ids, ``timeperiod_m``,
``contentscode``): metadata at run time, split queries, totals, prefixes, limits, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from polku.errors import SourceError, SourceFormatError
from polku.sources.client import Client
from polku.sources.statfin import (
    Table,
    Variable,
    bodies,
    find,
    limits,
    match,
    metadata,
    months_between,
    query,
    table_url,
    total,
)
from source_server import Script, serve

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
META = (FIXTURES / "statfin_12r5_meta.json").read_bytes()
PATH = "/PxWeb/api/v1/fi/StatFin/tyonv/12r5.px"


def answer(months: list[str], start: int) -> tuple[int, dict[str, str], bytes]:
    """A json-stat2 answer for MK09 x months x TYOTTOMATLOPUSSA: value = start + i."""
    doc: dict[str, Any] = {
        "version": "2.0",
        "class": "dataset",
        "id": ["Alue", "timeperiod_m", "contentscode"],
        "size": [1, len(months), 1],
        "dimension": {
            "Alue": {"category": {"index": ["MK09"]}},
            "timeperiod_m": {"category": {"index": {m: i for i, m in enumerate(months)}}},
            "contentscode": {"category": {"index": ["TYOTTOMATLOPUSSA"]}},
        },
        "value": [start + i for i in range(len(months))],
    }
    return 200, {"Content-Type": "application/json"}, json.dumps(doc).encode()


def test_metadata_is_read_at_run_time(tmp_path: Path) -> None:
    script = Script({PATH: [(200, {}, META)]})
    with serve(script) as base:
        url = table_url("12r5", base=f"{base}/PxWeb/api/v1/fi/StatFin")
        table = metadata(Client("statfin", tmp_path), url)
    assert table.time.code == "timeperiod_m"
    assert table.holding("MK09").code == "Alue"
    assert table.holding("PITKAAIKAISTYOTTOMAT").code == "contentscode"
    assert months_between(table, "2024-02", "2024-04") == ["2024M02", "2024M03", "2024M04"]
    assert months_between(table, None, None)[-1] == "2024M06"


def test_an_unpublished_month_is_refused_before_asking(tmp_path: Path) -> None:
    script = Script({PATH: [(200, {}, META)]})
    with serve(script) as base:
        table = metadata(Client("statfin", tmp_path), f"{base}{PATH}")
    with pytest.raises(SourceError) as caught:
        months_between(table, "2024-01", "2024-09")
    assert "2024-09 is not published" in str(caught.value)
    assert "2024M06" in str(caught.value)


def test_large_queries_are_split_by_month_and_joined(tmp_path: Path) -> None:
    months = ["2024M01", "2024M02", "2024M03", "2024M04", "2024M05"]
    script = Script(
        {
            PATH: [
                (200, {}, META),
                answer(months[:2], 10),
                answer(months[2:4], 20),
                answer(months[4:], 30),
            ]
        }
    )
    with serve(script) as base:
        c = Client("statfin", tmp_path)
        table = metadata(c, f"{base}{PATH}")
        parts = query(
            c, table, {"Alue": ["MK09"], "contentscode": ["TYOTTOMATLOPUSSA"]}, months, limit=2
        )
    bodies = [json.loads(r.body) for r in script.seen if r.method == "POST"]
    asked = [
        next(q for q in b["query"] if q["code"] == "timeperiod_m")["selection"]["values"]
        for b in bodies
    ]
    assert asked == [months[:2], months[2:4], months[4:]]
    assert all(b["response"] == {"format": "json-stat2"} for b in bodies)
    values = [c.value for part in parts for c in part.cells()]
    assert values == [10, 11, 20, 21, 30]


def test_unknown_area_and_changed_table_id(tmp_path: Path) -> None:
    script = Script({PATH: [(200, {}, META)]})
    with serve(script) as base:
        c = Client("statfin", tmp_path)
        table = metadata(c, f"{base}{PATH}")
        with pytest.raises(SourceError, match="Alue has no KU999"):
            query(c, table, {"Alue": ["KU999"], "contentscode": ["X"]}, ["2024M01"])
        with pytest.raises(SourceError, match="404"):
            metadata(c, f"{base}/PxWeb/api/v1/fi/StatFin/tyonv/statfin_tyonv_pxt_12r6.px")


def test_malformed_metadata_and_answers(tmp_path: Path) -> None:
    bad_meta = json.dumps({"variables": [{"code": "Alue"}]}).encode()
    script = Script(
        {"/meta": [(200, {}, bad_meta)], PATH: [(200, {}, META), (200, {}, b'{"class": "x"}')]}
    )
    with serve(script) as base:
        c = Client("statfin", tmp_path)
        with pytest.raises(SourceFormatError, match="variables\\[0\\]"):
            metadata(c, f"{base}/meta")
        table = metadata(c, f"{base}{PATH}")
        with pytest.raises(SourceFormatError, match="class"):
            query(c, table, {"Alue": ["MK09"], "contentscode": ["TYOTTOMATLOPUSSA"]}, ["2024M01"])


def _variable(code: str, values: list[str], texts: list[str] | None = None) -> Variable:
    return Variable(code, code, tuple(values), tuple(texts or values), False)


def test_content_codes_match_with_or_without_their_new_prefix() -> None:
    contents = _variable("contentscode", ["tyokay-tyolliset2", "TYOTTOMATLOPUSSA", "x_KUNTTYOLOP"])
    assert match(contents, "TYOLLISET2") == "tyokay-tyolliset2"
    assert match(contents, "TYOTTOMATLOPUSSA") == "TYOTTOMATLOPUSSA"
    assert match(contents, "kunttyolop") == "x_KUNTTYOLOP"
    assert match(contents, "TYOLLISET") is None  # a prefix, not any substring
    assert match(contents, "LLISET2") is None


def test_every_variable_not_asked_for_is_asked_for_its_total() -> None:
    sex = _variable("Sukupuoli", ["1", "2", "SSS"], ["Miehet", "Naiset", "Yhteensä"])
    age = _variable("Ikä", ["15-24", "kaikki"], ["15-24", "Kaikki ikäryhmät"])
    odd = _variable("Muu", ["a", "b"])
    assert total(sex, "t") == "SSS"
    assert total(age, "t") == "kaikki"
    with pytest.raises(SourceFormatError, match="variable Muu"):
        total(odd, "t")
    time = Variable("timeperiod_m", "", ("2026M01",), ("2026M01",), True)
    table = Table("t", "t", (_variable("Alue", ["KU405"]), sex, age, time))
    body = bodies(table, {"Alue": ["KU405"]}, ["2026M01"])[0]
    asked = {q["code"]: q["selection"]["values"] for q in body["query"]}
    assert asked == {
        "Alue": ["KU405"],
        "Sukupuoli": ["SSS"],
        "Ikä": ["kaikki"],
        "timeperiod_m": ["2026M01"],
    }


def test_limits_are_read_from_config_and_fall_back_when_it_fails(tmp_path: Path) -> None:
    config = {"maxValues": 120000, "maxCalls": 40, "timeWindow": 60, "CORS": True}
    script = Script({"/PxWeb/api/v1/fi/": [(200, {}, json.dumps(config).encode())]})
    with serve(script) as base:
        found = limits(Client("statfin", tmp_path), f"{base}/PxWeb/api/v1/fi/StatFin")
        assert (found.max_values, found.max_calls, found.time_window) == (120000, 40, 60.0)
        assert script.seen[0].path == "/PxWeb/api/v1/fi/?config"
        fallback = limits(Client("statfin", tmp_path / "b", retries=0), f"{base}/other/StatFin")
    assert fallback.url is None
    assert fallback.max_values == 100_000


def test_a_table_is_found_by_short_id_then_listing_then_long_id(tmp_path: Path) -> None:
    base = "/PxWeb/api/v1/fi/StatFin"
    listing = json.dumps([{"id": "12u4.px", "type": "t", "text": "12u4 -- ..."}]).encode()
    script = Script(
        {
            f"{base}/tyonv/12r5.px": [(200, {}, META)],
            f"{base}/tyonv": [(200, {}, listing)],
            f"{base}/tyonv/12u4.px": [(400, {}, b"Bad Request"), (200, {}, META)],
        }
    )
    with serve(script) as host:
        c = Client("statfin", tmp_path)
        assert find(c, "12r5", base=f"{host}{base}").url.endswith("/tyonv/12r5.px")
        assert find(c, "12u4", base=f"{host}{base}").url.endswith("/tyonv/12u4.px")
        with pytest.raises(SourceError, match="no table 99zz in tyonv; tried"):
            find(c, "99zz", base=f"{host}{base}")
    paths = [r.path for r in script.seen]
    assert f"{base}/tyonv/statfin_tyonv_pxt_99zz.px" in paths  # the long id, last
