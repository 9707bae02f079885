"""`polku fetch` end to end against recorded answers in today's shapes (127.0.0.1).

Two employment areas (:mod:`recorded_sources`): a large one, built from nothing and run
through check, analyse, simulate, bill, report and producers with its sources in the
report; a small one whose smallest municipalities have confidential cells. Also: the
split Kela files, a 429 with Retry-After, an unchanged resource not downloaded twice,
the old table id's 400, the old portal name, offline rebuilds, and every refusal that
must leave a planner's folder as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from polku.cli import app
from polku.data.reader import read_region
from polku.model.vocabulary import IndicatorKind
from recorded_sources import (
    LARGE,
    MONTHS_2025,
    PX,
    SMALL,
    Recording,
    kela_rows,
    members,
    statfin_value,
)
from source_server import Script, serve

PERIOD = ("2025-10", "2026-09")
ASKED = [f"2025-{m}" for m in ("10", "11", "12")] + [f"2026-{m:02d}" for m in range(1, 10)]


@pytest.fixture
def recording() -> Iterator[Recording]:
    holder = Script()
    with serve(holder) as host:
        rec = Recording(host)
        holder.answers, holder.dynamic = rec.script.answers, rec.script.dynamic
        rec.script = holder
        yield rec


def run_fetch(rec: Recording, area: str, out: Path, cache: Path, *extra: str) -> Any:
    args = ["fetch", "--area", area, "--from", PERIOD[0], "--to", PERIOD[1]]
    args += ["--out", str(out), "--cache", str(cache), "--lang", "en", *rec.args()]
    return CliRunner().invoke(app, [*args, *extra])


def _ok(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _average(content: str, area: str) -> float:
    codes = members(area)
    total = sum(statfin_value(content, f"KU{c}", m) or 0.0 for c in codes for m in ASKED)
    return total / len(ASKED)


def _paid(area: str) -> float:
    """The municipal share of the months asked, from the parts (never the totals)."""
    eur = 0.0
    codes = members(area)
    for line in kela_rows(codes, [m for m in ASKED if m < "2026"]) + kela_rows(
        codes, [m for m in ASKED if m >= "2026"]
    ):
        kind, _y, _m, _ym, _code, benefit, cls, age, _n, value = line.split(";")
        if kind == "Kuukausi" and "Yhteensä" not in (benefit, cls, age) and _code != "199":
            eur += float(value)
    return eur * 12 / len(ASKED)


def test_a_large_area_from_nothing_to_a_report(recording: Recording, tmp_path: Path) -> None:
    out = tmp_path / "large"
    result = run_fetch(recording, LARGE, out, tmp_path / "cache")
    assert result.exit_code == 0, result.output
    region = read_region(out)
    ind = {r.indicator: r for r in region.indicators if r.area == LARGE}
    assert ind[IndicatorKind.UNEMPLOYED_JOBSEEKERS].value == pytest.approx(
        _average("TYOTTOMATLOPUSSA", LARGE), abs=0.05
    )
    assert ind[IndicatorKind.REHABILITATIVE_WORK_CLIENTS].value == pytest.approx(
        _average("tyonv-KUNTTYOLOP", LARGE), abs=0.05
    )
    assert not ind[IndicatorKind.UNEMPLOYED_JOBSEEKERS].estimate
    assert ind[IndicatorKind.MUNICIPAL_SHARE_PAID].value == pytest.approx(_paid(LARGE), rel=1e-6)
    # the whole 2025-2026 history of the municipalities, parts only, for polku bill
    months = {r.month for r in region.municipal_share_months}
    assert months == set(MONTHS_2025) | set(ASKED)
    assert {r.municipality for r in region.municipal_share_months} == set(members(LARGE))
    assert {r.benefit.value for r in region.municipal_share_months if r.month >= "2026-05"} >= {
        "general_benefit"
    }
    # areas: the country, the employment area as the dataset's area, its municipalities
    assert {a.code for a in region.areas} == {"SSS", LARGE, *(f"KU{m}" for m in members(LARGE))}
    # where every table came from, with provenance
    by_table: dict[str, list[str]] = {}
    for ref in region.sources:
        for table in ref.tables:
            by_table.setdefault(table, []).append(ref.title)
    assert any("Template region" in t for t in by_table["segments"])
    assert any("Kela" in t for t in by_table["municipal_share_months"])
    kela_refs = [r for r in region.sources if "data_2025.csv" in r.title]
    assert kela_refs
    assert kela_refs[0].sha256
    assert kela_refs[0].modified
    assert kela_refs[0].retrieved
    assert any(r.modified == "2026-10-21T05.00.00Z" for r in region.sources)  # JSON-stat updated
    segments = [r for r in region.segments if r.area == LARGE]
    assert segments
    assert all(r.estimate and "Template" in r.source for r in segments)
    # nothing asked for the old long table ids; 12u4's sex and age asked as totals
    assert not [r for r in recording.script.seen if "statfin_tyonv_pxt" in r.path]
    u4 = [
        json.loads(r.body) for r in recording.script.seen if r.path.endswith("12u4.px") and r.body
    ]
    query = {q["code"]: q["selection"]["values"] for q in u4[0]["query"]}
    assert query["Sukupuoli"] == ["SSS"]
    assert query["Ikäryhmät"] == ["SSS"]
    assert query["contentscode"] == ["tyonv-KUNTTYOLOP"]  # matched behind its prefix
    # every command runs on it
    check = _ok("check", str(out))
    assert "0 errors" in check
    _ok("analyse", str(out), "--format", "json")
    _ok("simulate", str(out), "--years", "2")
    _ok("bill", str(out))
    _ok("producers", str(out))
    report = tmp_path / "large.html"
    _ok("report", str(out), "--out", str(report), "--lang", "en")
    html = report.read_text("utf-8")
    assert kela_refs[0].sha256[:12] in html
    assert "data_2025.csv" in html
    assert "Template region" in html


def test_a_small_area_with_confidential_cells(recording: Recording, tmp_path: Path) -> None:
    out = tmp_path / "small"
    result = run_fetch(recording, SMALL, out, tmp_path / "cache")
    assert result.exit_code == 0, result.output
    region = read_region(out)
    rehab = next(
        r
        for r in region.indicators
        if r.area == SMALL and r.indicator is IndicatorKind.REHABILITATIVE_WORK_CLIENTS
    )
    codes = members(SMALL)
    hidden = sum(
        statfin_value("tyonv-KUNTTYOLOP", f"KU{c}", m) is None for c in codes for m in ASKED
    )
    assert hidden > 0
    assert rehab.estimate
    assert rehab.value == pytest.approx(
        _average("tyonv-KUNTTYOLOP", SMALL) + hidden * 2.5 / 12, abs=0.05
    )
    assert "confidential" in (rehab.note or "")
    assert "between" in (rehab.note or "")
    assert "0 errors" in _ok("check", str(out))
    _ok("analyse", str(out))
    _ok("simulate", str(out), "--years", "1")
    _ok("bill", str(out), "--format", "csv")
    _ok("producers", str(out))
    report = tmp_path / "small.html"
    _ok("report", str(out), "--out", str(report), "--lang", "fi")
    html = report.read_text("utf-8")
    assert "Aineiston lähteet" in html
    assert "data.csv" in html  # each Kela file, with its SHA-256


def test_split_kela_files_and_an_unchanged_resource_is_not_downloaded_twice(
    recording: Recording, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    assert run_fetch(recording, SMALL, tmp_path / "a", cache).exit_code == 0
    files = [r for r in recording.script.seen if "/download/data" in r.path]
    assert sorted(r.path.rsplit("/", 1)[-1] for r in files) == ["data.csv", "data_2025.csv"]
    recording.script.seen.clear()
    again = run_fetch(recording, SMALL, tmp_path / "b", cache)
    assert again.exit_code == 0, again.output
    files = [r for r in recording.script.seen if "/download/data" in r.path]
    assert files
    assert all(r.status == 304 for r in files)
    assert all(r.headers.get("If-None-Match") for r in files)
    for name in ("benefit_days.csv", "indicators.csv", "municipal_share_months.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_429_with_retry_after_then_success(recording: Recording, tmp_path: Path) -> None:
    recording.throttle_once("data.csv", seconds=1)
    result = run_fetch(recording, SMALL, tmp_path / "out", tmp_path / "cache")
    assert result.exit_code == 0, result.output
    statuses = [r.status for r in recording.script.seen if r.path.endswith("/data.csv")]
    assert statuses == [429, 200]


def test_the_old_table_id_answers_400_and_a_mirror_with_only_old_ids_is_found(
    recording: Recording, tmp_path: Path
) -> None:
    from polku.sources import statfin
    from polku.sources.client import Client

    base = f"{recording.host}/PxWeb/api/v1/fi/StatFin"
    client = Client("statfin", tmp_path / "c")
    with pytest.raises(Exception, match="400"):
        statfin.metadata(client, statfin.long_url("12r5", base=base))
    # a mirror that still has the long ids only: found through the folder listing
    answers = recording.script.answers
    answers[f"{PX}/statfin_tyonv_pxt_12r5.px"] = [recording.meta["12r5"]]
    answers[f"{PX}/12r5.px"] = [(400, {}, b"Bad Request")]
    answers[PX] = [
        (
            200,
            {},
            json.dumps(
                [{"id": "statfin_tyonv_pxt_12r5.px", "type": "t", "text": "12r5 -- Työnhakijat"}]
            ).encode(),
        )
    ]
    table = statfin.find(Client("statfin", tmp_path / "d"), "12r5", base=base)
    assert table.url.endswith("statfin_tyonv_pxt_12r5.px")
    assert table.time.code == "timeperiod_m"


def test_the_old_portal_name_is_tried_when_the_new_one_fails(
    recording: Recording, tmp_path: Path
) -> None:
    args = [
        a if a != f"{recording.host}/data" else f"{recording.host}/gone" for a in recording.args()
    ]
    result = CliRunner().invoke(
        app,
        [
            "fetch",
            "--area",
            SMALL,
            "--from",
            PERIOD[0],
            "--to",
            PERIOD[1],
            "--out",
            str(tmp_path / "o"),
            "--cache",
            str(tmp_path / "c"),
            *args[:2],
            "--kela-url",
            f"{recording.host}/gone",
            "--kela-url",
            f"{recording.host}/data",
            *args[4:],
        ],
    )
    assert result.exit_code == 0, result.output
    shown = [r.path for r in recording.script.seen if "package_show" in r.path]
    assert shown[0].startswith("/gone/")
    assert shown[1].startswith("/data/")


def test_offline_rebuilds_the_same_dataset(recording: Recording, tmp_path: Path) -> None:
    assert run_fetch(recording, SMALL, tmp_path / "a", tmp_path / "cache").exit_code == 0
    again = run_fetch(recording, SMALL, tmp_path / "c", tmp_path / "cache", "--offline")
    assert again.exit_code == 0, again.output
    for path in (tmp_path / "a").iterdir():
        if path.name != "datapackage.yaml":  # retrieval times differ
            assert (tmp_path / "c" / path.name).read_bytes() == path.read_bytes(), path.name


def test_refresh_a_base_dataset(recording: Recording, tmp_path: Path) -> None:
    built = tmp_path / "built"
    assert run_fetch(recording, LARGE, built, tmp_path / "cache").exit_code == 0
    refreshed = tmp_path / "refreshed"
    result = run_fetch(recording, LARGE, refreshed, tmp_path / "cache", "--base", str(built))
    assert result.exit_code == 0, result.output
    region = read_region(refreshed)
    assert "Carried over from" in region.description
    assert len(region.municipal_share_months) == len(read_region(built).municipal_share_months)
    assert "0 errors" in _ok("check", str(refreshed))


def _filled_for(area: str) -> Any:
    """The small test region's producers and finances, filled in for ``area``."""
    from dataclasses import replace

    from polku.model.region import Region
    from small_region import three_producer_region

    other = three_producer_region()
    tables = dict.fromkeys(Region.table_names(), ())
    tables["areas"] = tuple(
        replace(a, code=area, parent="SSS") if a.code == "MK19" else a
        for a in other.areas
        if a.code in ("SSS", "MK19")
    )
    for t in ("producers", "income_mix", "producer_indicators"):
        tables[t] = tuple(
            replace(r, area=area) if getattr(r, "area", None) == "MK19" else r
            for r in getattr(other, t)
        )
    return replace(other, **tables)


def test_a_filled_workbook_replaces_the_borrowed_tables(
    recording: Recording, tmp_path: Path
) -> None:
    from polku import default_region
    from polku.data.workbook import write_template

    filled = _filled_for(SMALL)
    book = tmp_path / "filled.xlsx"
    write_template(filled, book, "en")
    result = run_fetch(recording, SMALL, tmp_path / "o", tmp_path / "cache", "--fill", str(book))
    assert result.exit_code == 0, result.output
    region = read_region(tmp_path / "o")
    assert {p.id for p in region.producers} == {p.id for p in filled.producers}
    assert {p.id for p in region.producers}.isdisjoint({p.id for p in default_region().producers})
    assert region.income_mix == filled.income_mix  # as the planner gave them, not estimates
    assert any(r.title.startswith("Filled in by the planner") for r in region.sources)
    assert "0 errors" in _ok("check", str(tmp_path / "o"))
    # a workbook filled in for another area is refused, naming the sheet, row and code
    other = tmp_path / "other.xlsx"
    write_template(_filled_for("MK19"), other, "en")
    refused = run_fetch(recording, SMALL, tmp_path / "p", tmp_path / "cache", "--fill", str(other))
    assert refused.exit_code == 2
    assert "sheet producers, row 2: area MK19" in refused.output


def _existing(tmp_path: Path) -> Path:
    from polku import default_region
    from polku.data.writer import write_region

    out = tmp_path / "mine"
    write_region(default_region(), out)
    (out / "keep.txt").write_text("mine")
    return out


@pytest.mark.parametrize(
    ("area", "extra", "message"),
    [
        ("SK999", (), "unknown area code SK999"),
        (SMALL, ("--to", "2026-12"), "2026-12 is not published"),
        (SMALL, ("--from", "2024-11", "--to", "2025-02"), "straddles 2025-01"),
    ],
)
def test_errors_are_clear_and_leave_the_folder_untouched(
    recording: Recording, tmp_path: Path, area: str, extra: tuple[str, ...], message: str
) -> None:
    out = _existing(tmp_path)
    result = run_fetch(recording, area, out, tmp_path / "cache", "--force", *extra)
    assert result.exit_code != 0
    assert message in result.output
    assert "keep.txt" in {p.name for p in out.iterdir()}
    assert read_region(out).name == "south-karelia-2017"  # last year's, untouched


def test_a_service_that_ignores_the_totals_is_refused(recording: Recording, tmp_path: Path) -> None:
    real = recording.script.dynamic
    assert real is not None

    def dynamic(request: Any) -> Any:
        if request.method == "POST" and request.path.endswith("12u4.px"):
            return 200, {}, _splitted(request.body)  # split by sex, though totals were asked
        return real(request)

    recording.script.dynamic = dynamic
    result = run_fetch(recording, SMALL, tmp_path / "o", tmp_path / "cache")
    assert result.exit_code == 2
    assert "split by Sukupuoli" in result.output


def _splitted(body: bytes) -> bytes:
    query = {q["code"]: q["selection"]["values"] for q in json.loads(body)["query"]}
    order = ["Alue", "Sukupuoli", "Ikäryhmät", "timeperiod_m", "contentscode"]
    sizes = [len(query[d]) if d != "Sukupuoli" else 2 for d in order]
    dims = {d: {"category": {"index": query[d] if d != "Sukupuoli" else ["1", "2"]}} for d in order}
    count = 1
    for s in sizes:
        count *= s
    doc = {
        "version": "2.0",
        "class": "dataset",
        "id": order,
        "size": sizes,
        "dimension": dims,
        "value": [1.0] * count,
    }
    return json.dumps(doc).encode()


def test_dry_run_prints_valid_requests_for_every_employment_area() -> None:
    from polku.sources.classification import load

    areas = [a for a in load().areas if a.level == "employment_area" and a.to_year >= 2026]
    assert len(areas) == 45
    for area in areas:
        output = _ok(
            "fetch", "--area", area.code, "--dry-run", "--from", "2026-01", "--to", "2026-09"
        )
        bodies = _bodies(output)
        assert len(bodies) == 2, area.code  # 12r5 and 12u4
        for body in bodies:
            query = {q["code"]: q["selection"]["values"] for q in body["query"]}
            assert sorted(query["Alue"]) == [f"KU{m}" for m in load().members(area.code, 2026)]
            assert query["timeperiod_m"] == [f"2026M{m:02d}" for m in range(1, 10)]
            assert body["response"] == {"format": "json-stat2"}
        assert "package_show?id=kunnan-osarahoittaman" in output
        assert "/12r5.px" in output
        assert "?config" in output


def _bodies(output: str) -> list[dict[str, Any]]:
    """The JSON bodies printed after each POST line."""
    out, lines = [], output.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("POST "):
            j, text = i + 1, []
            while j < len(lines) and not lines[j].startswith(("GET ", "POST ", "# ")):
                text.append(lines[j])
                j += 1
            out.append(json.loads("\n".join(t for t in text if not t.lstrip().startswith("# "))))
    return out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--area", "TA-SUUPOHJA", "--to", "2026"], "not a month YYYY-MM"),
        (["--area", "TA-SUUPOHJA", "--from", "2026-13"], "not a month YYYY-MM"),
        (["--area", "TA-SUUPOHJA", "--from", "2026-09", "--to", "2025-10"], "is after --to"),
        (["--area", ""], "is not an area code"),
        (["--area", "Suupohja"], "did you mean TA-SUUPOHJA"),
        (["--area", "TA-SUUPOHJA", "--name", "../x"], "--name '../x'"),
    ],
)
def test_bad_options_are_refused_before_any_request(args: list[str], message: str) -> None:
    for mode in (["--dry-run"], ["--out", "never-written"]):
        result = CliRunner().invoke(app, ["fetch", *args, *mode])
        assert result.exit_code == 3, result.output
        assert message in result.output
    assert not Path("never-written").exists()


def test_codes_are_case_blind_and_no_dataset_is_written_inside_another(tmp_path: Path) -> None:
    assert "TA-SUUPOHJA (Suupohja)" in _ok("fetch", "--area", "ta-suupohja", "--dry-run")
    inside = _existing(tmp_path) / "sub"
    result = CliRunner().invoke(app, ["fetch", "--area", SMALL, "--out", str(inside)])
    assert result.exit_code == 3
    assert "inside the dataset folder" in result.output


def test_borrowed_tables_hold_no_invented_history_and_real_counts_win(
    recording: Recording, tmp_path: Path
) -> None:
    out = tmp_path / "small"
    assert run_fetch(recording, SMALL, out, tmp_path / "cache").exit_code == 0
    region = read_region(out)
    assert {r.period for r in region.jobseekers} == {"2025-10/2026-09"}  # dated to the fetch
    rehab = [r for r in region.service_capacity if r.measure.value == "rehabilitative_work"]
    fetched = next(
        r for r in region.indicators if r.indicator is IndicatorKind.REHABILITATIVE_WORK_CLIENTS
    )
    assert [r.clients for r in rehab] == [round(fetched.value)]
    assert not [r for r in region.indicators if r.area == "SSS"]  # the template's country
    # a workbook made from the dataset, one sheet changed: only that sheet is the planner's
    book = tmp_path / "mine.xlsx"
    _ok("template", str(out), "--out", str(book))
    from openpyxl import load_workbook

    wb = load_workbook(book)
    sheet = wb["segments"]
    head = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[head.index("segment")].value == "green":
            row[head.index("share_pct")].value = 30
        if row[head.index("segment")].value == "yellow":
            row[head.index("share_pct")].value = 45.6
    wb.save(book)
    again = run_fetch(recording, SMALL, tmp_path / "o", tmp_path / "cache", "--fill", str(book))
    assert again.exit_code == 0, again.output
    filled = read_region(tmp_path / "o")
    planner = [r for r in filled.sources if r.title.startswith("Filled in by the planner")]
    assert [r.tables for r in planner] == [("segments",)]
    assert "mine.xlsx" in planner[0].title
