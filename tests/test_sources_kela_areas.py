"""Kela's 2025 dataset by employment area: columns found by the schema, the class
'Yhteensä', never a sum of areas, and `polku fetch` from 2025-01 through a local server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from polku.cli import app
from polku.data.reader import read_region
from polku.errors import SourceFormatError
from polku.sources.kela import read_csv, schema
from polku.sources.kela_areas import DATASET, area_share, columns, days_classes
from source_server import Reply, Script, serve
from test_sources_fetch import PX, js, meta, run_fetch, stat

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
PACKAGE = json.loads((FIXTURES / "kela_te_package.json").read_text("utf-8"))
DATA = (FIXTURES / "kela_te_data.csv").read_bytes()
MONTHS = ["2024M11", "2024M12", "2025M01", "2025M02"]
SOUTH_KARELIA = ["153", "405", "416", "441", "580", "689", "700", "739", "831"]


def _renamed(old: str, new: str) -> dict[str, Any]:
    package = json.loads(json.dumps(PACKAGE))
    for f in package["resources"][0]["schema"]["fields"]:
        if f["name"] == old:
            f["name"] = new
    return package


def test_columns_are_found_by_what_their_names_say() -> None:
    cols = columns(schema(PACKAGE))
    assert cols["area_name"] == "tyollisyysalue_nimi"
    assert cols["area_code"] == "tyollisyysalue_nro"
    assert cols["year"] == "vuosi"  # not vuosikuukausi
    assert cols["days_class"] == "kertymapaiva_luokka"
    assert cols["share"] == "kunta_osuus_eur"
    assert cols["days"] == "korvattu_paiva_lkm"


def test_a_missing_column_names_the_dataset_and_the_column() -> None:
    with pytest.raises(SourceFormatError) as caught:
        columns(schema(_renamed("kunta_osuus_eur", "kuntarahoitus_eur")))
    message = str(caught.value)
    assert DATASET in message
    assert "column for share" in message
    assert "osuus" in message
    assert "kuntarahoitus_eur" in message  # what the schema has instead


def test_one_area_by_name_each_recipient_once_refunds_kept() -> None:
    spec = schema(PACKAGE)
    result = area_share(
        read_csv(DATA, spec), columns(spec), "TA-ETELAKARJALA", "Etelä-Karjalan työllisyysalue"
    )
    january, february = result.periods["2025-01"], result.periods["2025-02"]
    assert january.recipients["all"] == 2000  # the class Yhteensä, not the sum of classes
    assert january.municipal_share_eur == pytest.approx(300000.25)  # Helsinki not added
    assert february.municipal_share_eur == pytest.approx(-12000.5)  # refunds are negative
    assert january.recipients["1000+"] == 350
    assert result.unknown_codes == {"alle 300"}
    assert set(result.periods) == {"2025-01", "2025-02"}  # the year-to-date row is skipped
    classes = days_classes([january, february])
    assert classes == {"300-499": 410, "500-999": 355, "1000+": 360, "300+": 1125}


def test_an_area_the_data_lacks_lists_the_areas_it_has() -> None:
    spec = schema(PACKAGE)
    with pytest.raises(SourceFormatError, match="the data has: Etelä-Karjala, Helsinki"):
        area_share(read_csv(DATA, spec), columns(spec), "TA-KAINUU", "Kainuun työllisyysalue")


# ------------------------------------------------------------------------------------


def _meta(contents: list[str]) -> Reply:
    return meta(contents, ("SSS", "MK09", *[f"KU{m}" for m in SOUTH_KARELIA]), MONTHS)


def _per_municipality(contents: list[str], months: list[str], base: int) -> Reply:
    areas = [f"KU{m}" for m in SOUTH_KARELIA]
    values = [base + i for i in range(len(areas)) for _ in months for _ in contents]
    return js(
        {
            "version": "2.0",
            "class": "dataset",
            "id": ["Alue", "Kuukausi", "Tiedot"],
            "size": [len(areas), len(months), len(contents)],
            "dimension": {
                "Alue": {"category": {"index": areas}},
                "Kuukausi": {"category": {"index": months}},
                "Tiedot": {"category": {"index": contents}},
            },
            "value": values,
        }
    )


def _script(host: str, data: bytes = DATA, package: bytes | None = None) -> Script:
    r5 = ["TYOTTOMATLOPUSSA", "PITKAAIKAISTYOTTOMAT"]
    asked = MONTHS[2:]
    regions = [
        {"id": 1000 + i, "code": c, "category": "KUNTA", "title": {"fi": c}}
        for i, c in enumerate(SOUTH_KARELIA)
    ]
    population = [
        {"indicator": 127, "region": 1000 + i, "year": 2025, "gender": "total", "value": 20_000 + i}
        for i in range(len(SOUTH_KARELIA))
    ]
    listing = {
        "result": {
            "resources": [
                {"name": "data.csv", "url": f"{host}/kela-te/data.csv"},
                {"name": "package.json", "url": f"{host}/kela-te/package.json"},
            ]
        }
    }
    return Script(
        {
            PX.format("12r5"): [_meta(r5), stat(r5, asked, 5000)],
            PX.format("12u4"): [_meta(["KUNTTYOLOP"]), stat(["KUNTTYOLOP"], asked, 700)],
            "/data/api/3/action/package_show": [js(listing)],
            "/kela-te/package.json": [(200, {}, package or json.dumps(PACKAGE).encode())],
            "/kela-te/data.csv": [(200, {}, data)],
            "/rest/1.1/regions": [js(regions)],
            "/rest/1.1/indicators": [js([{"id": 127, "title": {"fi": "Väestö 31.12."}}])],
            "/rest/1.1/json": [js(population)],
        }
    )


def _fetch(tmp_path: Path, area: str, *extra: str, **kw: Any) -> tuple[Any, Script]:
    served = Script({})
    with serve(served) as host:
        served.answers.update(_script(host, **kw).answers)
        args = ("--area", area, "--from", "2025-01", "--to", "2025-02", *extra)
        result = run_fetch(host, tmp_path / "out", tmp_path / "cache", *args)
    return result, served


def test_fetch_from_2025_reads_the_employment_area_dataset(tmp_path: Path) -> None:
    result, served = _fetch(tmp_path, "MK09")
    assert result.exit_code == 0, result.output
    asked = [r.path for r in served.seen if "package_show" in r.path]
    assert asked == [f"/data/api/3/action/package_show?id={DATASET}"]
    region = read_region(tmp_path / "out")
    ind = {r.indicator.value: r for r in region.indicators if r.area == "MK09"}
    paid = ind["municipal_share_paid"]
    assert paid.value == pytest.approx((300000.25 - 12000.5) * 6)
    assert "TA-ETELAKARJALA" in paid.note
    assert "2025 rules" in paid.note
    assert DATASET in paid.source
    days = {r.days_class.value: r.recipients for r in region.benefit_days if r.area == "MK09"}
    assert days == {"300-499": 410, "500-999": 355, "1000+": 360, "300+": 1125}
    assert ind["residents"].value == sum(20_000 + i for i in range(9))
    check = CliRunner().invoke(app, ["check", str(tmp_path / "out")])
    assert check.exit_code == 0, check.output


def test_fetch_by_employment_area_sums_its_municipalities_at_statistics_finland(
    tmp_path: Path,
) -> None:
    served = Script({})
    with serve(served) as host:
        served.answers.update(_script(host).answers)
        r5 = ["TYOTTOMATLOPUSSA", "PITKAAIKAISTYOTTOMAT"]
        served.answers[PX.format("12r5")] = [_meta(r5), _per_municipality(r5, MONTHS[2:], 10)]
        served.answers[PX.format("12u4")] = [
            _meta(["KUNTTYOLOP"]),
            _per_municipality(["KUNTTYOLOP"], MONTHS[2:], 1),
        ]
        args = ("--area", "TA-ETELAKARJALA", "--from", "2025-01", "--to", "2025-02")
        result = run_fetch(host, tmp_path / "out", tmp_path / "cache", *args)
    assert result.exit_code == 0, result.output
    region = read_region(tmp_path / "out")
    assert any(a.code == "TA-ETELAKARJALA" and a.parent == "MK09" for a in region.areas)
    ind = {r.indicator.value: r.value for r in region.indicators if r.area == "TA-ETELAKARJALA"}
    assert ind["unemployed_jobseekers"] == sum(10 + i for i in range(9))
    assert ind["rehabilitative_work_clients"] == sum(1 + i for i in range(9))
    posted = [json.loads(r.body) for r in served.seen if r.method == "POST"]
    assert posted[0]["query"][0]["selection"]["values"] == [f"KU{m}" for m in SOUTH_KARELIA]


@pytest.mark.parametrize(
    ("area", "extra", "change", "message"),
    [
        ("SK091", (), {}, "SK091 is not one employment area"),
        ("KU091", (), {}, "no employment area is known for 2025 for KU091"),
        ("MK09", ("--from", "2024-12"), {}, "straddles 2025-01"),
        (
            "MK09",
            (),
            {"data": DATA.replace(b"kunta_osuus_eur", b"kuntaosuus", 1)},
            "missing kunta_osuus_eur",
        ),
        (
            "MK09",
            (),
            {"package": json.dumps(_renamed("kunta_osuus_eur", "rahoitus_eur")).encode()},
            f"Kela {DATASET} package.json: column for share",
        ),
        ("MK09", ("--to", "2025-02"), {"data": DATA.split(b"\nKuukausi,2")[0]}, "2025-02"),
    ],
)
def test_2025_errors_are_clear(
    tmp_path: Path, area: str, extra: tuple[str, ...], change: dict[str, Any], message: str
) -> None:
    result, _ = _fetch(tmp_path, area, *extra, **change)
    assert result.exit_code == 2  # the source cannot be read
    assert message in result.output
    assert "not changed" in result.output
    assert not (tmp_path / "out").exists()
