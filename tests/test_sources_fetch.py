"""`polku fetch` end to end against a local server: build, check, analyse, offline, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from polku.cli import app
from polku.data.reader import read_region
from source_server import Reply, Script, serve

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
MUNICIPALITIES = ["153", "405", "416", "441", "580", "689", "700", "739", "831"]  # MK09
PX = "/PxWeb/api/v1/fi/StatFin/tyonv/statfin_tyonv_pxt_{}.px"
MONTHS = ["2024M01", "2024M02", "2024M03"]


def js(doc: Any, status: int = 200) -> Reply:
    return status, {"Content-Type": "application/json"}, json.dumps(doc).encode()


def meta(
    contents: list[str], areas: tuple[str, ...] = ("SSS", "MK09"), months: list[str] = MONTHS
) -> Reply:
    return js(
        {
            "title": "tyonv",
            "variables": [
                {
                    "code": "Alue",
                    "text": "Alue",
                    "values": list(areas),
                    "valueTexts": [""] * len(areas),
                },
                {
                    "code": "Kuukausi",
                    "text": "Kuukausi",
                    "time": True,
                    "values": months,
                    "valueTexts": months,
                },
                {"code": "Tiedot", "text": "Tiedot", "values": contents, "valueTexts": contents},
            ],
        }
    )


def stat(contents: list[str], months: list[str], base: int) -> Reply:
    values = [base + 10 * c + m for m in range(len(months)) for c in range(len(contents))]
    return js(
        {
            "version": "2.0",
            "class": "dataset",
            "id": ["Alue", "Kuukausi", "Tiedot"],
            "size": [1, len(months), len(contents)],
            "dimension": {
                "Alue": {"category": {"index": ["MK09"]}},
                "Kuukausi": {"category": {"index": months}},
                "Tiedot": {"category": {"index": contents}},
            },
            "value": values,
        }
    )


def kela_csv() -> bytes:
    header = (FIXTURES / "kela_data.csv").read_text("utf-8").splitlines()[0]
    lines = [header]
    for month in (1, 2, 3):
        for code, n in (("405", 1000), ("153", 400)):
            lines += [
                f"Kuukausi,{month},2024{month:02d},2024,{code},X,25-29,Mies,Yhteensä,"
                f"{n + month},{20 * n},{30 * n}.5,-{n}.25"
                if code == "153" and month == 3
                else f"Kuukausi,{month},2024{month:02d},2024,{code},X,25-29,Mies,Yhteensä,"
                f"{n + month},{20 * n},{30 * n}.5,{15 * n}.25",
                f"Kuukausi,{month},2024{month:02d},2024,{code},X,25-29,Mies,300-499,{n // 2},1,1,1",
                f"Kuukausi,{month},2024{month:02d},2024,{code},X,25-29,Mies,500-999,{n // 4},1,1,1",
                f"Kuukausi,{month},2024{month:02d},2024,{code},X,25-29,Mies,1000 tai yli,"
                f"{n // 4 + month},1,1,1",
            ]
        lines.append(
            f"Kuukausi,{month},2024{month:02d},2024,199,Tuntematon,25-29,Mies,Yhteensä,2,1,1,1"
        )
    return ("\n".join(lines) + "\n").encode()


def script(base: str) -> Script:
    regions = [
        {"id": 1000 + i, "code": c, "category": "KUNTA", "title": {"fi": c}}
        for i, c in enumerate(MUNICIPALITIES)
    ]
    population = [
        {"indicator": 127, "region": 1000 + i, "year": 2024, "gender": "total", "value": 10000 + i}
        for i in range(len(MUNICIPALITIES))
    ]
    ckan = {
        "result": {
            "resources": [
                {"name": "data.csv", "url": f"{base}/kela/data.csv"},
                {"name": "package.json", "url": f"{base}/kela/package.json"},
            ]
        }
    }
    r5 = ["TYOTTOMATLOPUSSA", "PITKAAIKAISTYOTTOMAT"]
    return Script(
        {
            PX.format("12r5"): [meta(r5), stat(r5, MONTHS[:2], 5000)],
            PX.format("12u4"): [
                meta(["KUNTTYOLOP", "KOKEILULOP"]),
                stat(["KUNTTYOLOP"], MONTHS[:2], 700),
            ],
            "/data/api/3/action/package_show": [js(ckan)],
            "/kela/package.json": [(200, {}, (FIXTURES / "kela_package.json").read_bytes())],
            "/kela/data.csv": [(200, {}, kela_csv())],
            "/rest/1.1/regions": [js(regions)],
            "/rest/1.1/indicators": [js([{"id": 127, "title": {"fi": "Väestö 31.12."}}])],
            "/rest/1.1/json": [js(population)],
        }
    )


def run_fetch(base: str, out: Path, cache: Path, *extra: str) -> Any:
    args = [
        "fetch",
        "--area",
        "MK09",
        "--from",
        "2024-01",
        "--to",
        "2024-02",
        "--out",
        str(out),
        "--cache",
        str(cache),
        "--statfin-url",
        f"{base}/PxWeb/api/v1/fi/StatFin",
        "--kela-url",
        f"{base}/data",
        "--sotkanet-url",
        f"{base}/rest/1.1",
        "--lang",
        "en",
    ]
    return CliRunner().invoke(app, [*args, *extra])


def test_fetch_builds_a_dataset_that_checks_and_analyses_and_offline_is_identical(
    tmp_path: Path,
) -> None:
    served = script("")
    with serve(served) as host:
        served.answers.update(script(host).answers)  # the listing names the host's files
        result = run_fetch(host, tmp_path / "mk09", tmp_path / "cache")
    assert result.exit_code == 0, result.output
    region = read_region(tmp_path / "mk09")
    assert region.name == "mk09-2024-02"
    days = {r.days_class.value: r.recipients for r in region.benefit_days if r.area == "MK09"}
    # months 1-2, Lappeenranta + Imatra, the suppressed 199 rows left out
    assert days["300+"] == round(((1001 + 401) + (1002 + 402)) / 2)
    assert days["1000+"] == round(((250 + 1 + 100 + 1) + (250 + 2 + 100 + 2)) / 2)
    ind = {r.indicator.value: r for r in region.indicators if r.area == "MK09"}
    assert ind["municipal_share_paid"].value == pytest.approx((15000.25 + 6000.25) * 2 * 6)
    assert ind["municipal_share_paid"].estimate  # annualised from two months
    assert ind["residents"].value == sum(10000 + i for i in range(9))
    assert ind["unemployed_jobseekers"].value == (5000 + 5001) / 2
    assert ind["long_term_unemployed"].value == (5010 + 5011) / 2
    assert ind["rehabilitative_work_clients"].value == (700 + 701) / 2
    assert any("retrieved" in s.title and s.path for s in region.sources)
    # what was asked: the area, the contents and the months, in json-stat2
    asked = {
        r.path.rsplit("_", 1)[-1]: json.loads(r.body) for r in served.seen if r.method == "POST"
    }
    assert set(asked) == {"12r5.px", "12u4.px"}
    for table, codes in (
        ("12r5.px", ["TYOTTOMATLOPUSSA", "PITKAAIKAISTYOTTOMAT"]),
        ("12u4.px", ["KUNTTYOLOP"]),
    ):
        query = {q["code"]: q["selection"]["values"] for q in asked[table]["query"]}
        assert query == {"Alue": ["MK09"], "Tiedot": codes, "Kuukausi": MONTHS[:2]}
        assert asked[table]["response"] == {"format": "json-stat2"}
    assert "Carried over from south-karelia-2017" in region.description
    check = CliRunner().invoke(app, ["check", str(tmp_path / "mk09")])
    assert check.exit_code == 0, check.output
    analysed = CliRunner().invoke(app, ["analyse", str(tmp_path / "mk09"), "--format", "json"])
    assert analysed.exit_code == 0, analysed.output
    doc = json.loads(analysed.output)
    assert doc["municipal_share"]["reported"] == pytest.approx(ind["municipal_share_paid"].value)
    # the server is gone: offline, from the cache only, the same files byte for byte
    again = run_fetch(host, tmp_path / "again", tmp_path / "cache", "--offline")
    assert again.exit_code == 0, again.output
    for path in (tmp_path / "mk09").iterdir():
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name


def _existing(tmp_path: Path) -> Path:
    """Last year's dataset folder, with a file of the planner's own in it."""
    out = tmp_path / "mk09"
    assert CliRunner().invoke(app, ["export", "--out", str(out)]).exit_code == 0
    (out / "keep.txt").write_text("planner's own file")
    return out


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    ("change", "extra", "message"),
    [
        ({}, ("--area", "SK999"), "unknown area code SK999"),
        ({}, ("--to", "2024-09"), "2024-09 is not published"),
        ({PX.format("12r5"): [(500, {}, b"down")]}, ("--retries", "1"), "failed"),
        (
            {
                PX.format("12r5"): [
                    meta(["TYOTTOMATLOPUSSA", "PITKAAIKAISTYOTTOMAT"]),
                    js({"class": "x"}),
                ]
            },
            (),
            'class: expected "dataset"',
        ),
        (
            {
                "/kela/data.csv": [
                    (200, {}, kela_csv().replace(b"kunta_osuus_eur", b"kuntaosuus", 1))
                ]
            },
            (),
            "missing kunta_osuus_eur",
        ),
    ],
)
def test_errors_are_clear_and_leave_the_folder_untouched(
    tmp_path: Path, change: dict[str, list[Reply]], extra: tuple[str, ...], message: str
) -> None:
    out = _existing(tmp_path)
    served = script("")
    with serve(served) as host:
        served.answers.update(script(host).answers)
        served.answers.update(change)
        result = run_fetch(host, out, tmp_path / "cache", "--force", *extra)
    assert result.exit_code != 0
    assert message in result.output
    assert "not changed" in result.output or result.exit_code == 2
    assert "keep.txt" in _names(out)
    assert read_region(out).name == "south-karelia-2017"  # last year's, untouched


def test_429_then_success(tmp_path: Path) -> None:
    served = script("")
    with serve(served) as host:
        served.answers.update(script(host).answers)
        first = served.answers[PX.format("12r5")]
        served.answers[PX.format("12r5")] = [(429, {"Retry-After": "0"}, b"busy"), *first]
        result = run_fetch(host, tmp_path / "out", tmp_path / "cache")
    assert result.exit_code == 0, result.output
    assert sum(r.path.endswith("12r5.px") for r in served.seen) == 3  # 429, metadata, data


def test_a_non_empty_folder_needs_force(tmp_path: Path) -> None:
    out = _existing(tmp_path)
    result = run_fetch("http://127.0.0.1:9", out, tmp_path / "cache")
    assert result.exit_code == 3
    assert "--force" in result.output
    assert "keep.txt" in _names(out)
    assert read_region(out).name == "south-karelia-2017"  # last year's, untouched


def test_force_replaces_only_a_dataset_folder_and_never_the_cache(tmp_path: Path) -> None:
    plain = tmp_path / "notes"
    plain.mkdir()
    (plain / "notes.txt").write_text("mine")
    refused = run_fetch("http://127.0.0.1:9", plain, tmp_path / "cache", "--force")
    assert refused.exit_code == 3
    assert "not a dataset folder" in refused.output
    out = _existing(tmp_path)
    inside = run_fetch("http://127.0.0.1:9", out, out / "cache", "--force")
    assert inside.exit_code == 3
    assert "inside" in inside.output
    afile = tmp_path / "file.txt"
    afile.write_text("x")
    assert "not a folder" in run_fetch("http://127.0.0.1:9", afile, tmp_path / "c").output


def test_a_failed_swap_puts_the_old_folder_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from polku import default_region
    from polku.cli.fetch import replace_folder

    out = _existing(tmp_path)
    real = os.rename
    calls: list[str] = []

    def flaky(src: object, dst: object) -> None:
        calls.append(str(src))
        if len(calls) == 2:  # the new folder cannot be moved in (disk full, Ctrl-C...)
            raise OSError("no space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", flaky)
    with pytest.raises(OSError, match="no space"):
        replace_folder(out, default_region())
    monkeypatch.setattr(os, "rename", real)
    assert "keep.txt" in _names(out)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mk09-")] == []


def test_a_month_missing_from_one_table_is_an_error_not_a_shorter_average(tmp_path: Path) -> None:
    served = script("")
    with serve(served) as host:
        served.answers.update(script(host).answers)
        short = json.loads(meta(["KUNTTYOLOP"])[2])
        short["variables"][1]["values"] = short["variables"][1]["valueTexts"] = ["2024M01"]
        served.answers[PX.format("12u4")] = [js(short)]
        result = run_fetch(host, tmp_path / "out", tmp_path / "cache")
    assert result.exit_code == 2
    assert "12u4: no figures for 2024-02" in result.output


def test_an_answer_split_by_another_dimension_is_refused(tmp_path: Path) -> None:
    served = script("")
    with serve(served) as host:
        served.answers.update(script(host).answers)
        split = json.loads(stat(["KUNTTYOLOP"], MONTHS[:2], 700)[2])
        split["id"].append("Sukupuoli")
        split["size"].append(2)
        split["dimension"]["Sukupuoli"] = {"category": {"index": ["1", "2"]}}
        split["value"] = [1, 2, 3, 4]
        served.answers[PX.format("12u4")] = [meta(["KUNTTYOLOP"]), js(split)]
        result = run_fetch(host, tmp_path / "out", tmp_path / "cache")
    assert result.exit_code == 2
    assert "split by Sukupuoli" in result.output
