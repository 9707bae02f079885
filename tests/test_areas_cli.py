"""``polku areas`` and the bundled 2025 classification behind it: 45 employment areas
covering the mainland, each host one of its members, Åland outside them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from polku.cli import run
from polku.cli.exits import BAD_OPTION
from polku.sources.classification import load
from polku.sources.classification.listing import entries, fold, search

SOUTH_KARELIA = ["153", "405", "416", "441", "580", "689", "700", "739", "831"]
ALAND_REGION = "MK21"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert run(["areas", *args, "--format", "json"]) == 0
    data: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return data


@pytest.mark.parametrize("year", [2025, 2026])
def test_45_employment_areas_cover_every_mainland_municipality_once(year: int) -> None:
    areas = entries(year, "employment_area")
    assert len(areas) == 45
    rows = load().in_year(year)
    mainland = {m.code for m in rows if m.region != ALAND_REGION}
    assert len(mainland) == 292
    assert len(rows) == 308
    members = [code for a in areas for code in a.members]
    assert sorted(members) == sorted(mainland)  # each mainland municipality exactly once
    assert all(not m.employment_area for m in rows if m.region == ALAND_REGION)


def test_each_host_is_one_of_its_members() -> None:
    areas = entries(2025, "employment_area")
    hosted = [a for a in areas if a.host]
    assert len(hosted) >= 19
    for area in hosted:
        assert area.host in area.members, area.code
    joint = {a.code: a.host for a in areas if a.code in ("TA-KYMPPI", "TA-SUUPOHJA")}
    assert joint == {"TA-KYMPPI": "", "TA-SUUPOHJA": ""}  # joint municipal authorities
    alone = {a.code: a.members for a in areas if len(a.members) == 1}
    assert alone == {
        "TA-HELSINKI": ("091",),
        "TA-VANTAA": ("092",),
        "TA-LAHTI": ("398",),
        "TA-KOUVOLA": ("286",),
    }


def test_wellbeing_counties_and_regions() -> None:
    counties = entries(2025, "wellbeing_county")
    assert len(counties) == 22  # 21 counties and the City of Helsinki
    rows = load().in_year(2025)
    assert sorted(c for w in counties for c in w.members) == sorted(
        m.code for m in rows if m.region != ALAND_REGION
    )
    assert next(w for w in counties if w.code == "HV90").members == ("091",)
    assert len(entries(2025, "region")) == 19


def test_south_karelia_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    (area,) = _json(capsys, "TA-ETELAKARJALA")
    assert area["kind"] == "employment_area"
    assert area["members"] == SOUTH_KARELIA
    assert area["host"] == "405"
    assert area["name_fi"] == "Etelä-Karjalan työllisyysalue"
    assert set(area) >= {"code", "kind", "name_fi", "name_sv", "members", "host"}
    (town,) = _json(capsys, "KU405", "--year", "2025")
    assert town["members"] == ["405"]
    assert "host" not in town
    (old,) = _json(capsys, "lemi", "--year", "2013")
    assert old["code"] == "KU416"
    assert old["name_sv"] is None


def test_search_by_finnish_and_swedish_names(capsys: pytest.CaptureFixture[str]) -> None:
    found = _json(capsys, "etelä-karjala")
    assert {a["code"] for a in found} == {"TA-ETELAKARJALA", "HV11", "MK09"}
    assert [a["code"] for a in _json(capsys, "ETELA-KARJALA", "--kind", "region")] == ["MK09"]
    assert [a["code"] for a in _json(capsys, "villmanstrand", "--kind", "municipality")] == [
        "KU405"
    ]
    assert [a["code"] for a in _json(capsys, "raseborg", "--kind", "employment_area")] == [
        "TA-HANKOINKOORAASEPORI"
    ]
    assert fold("Åbo Ä") == "abo a"
    assert [e.code for e in search("vasa", 2025, "municipality")] == ["KU905"]


def test_table_and_no_match(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["areas", "karjalan", "--kind", "employment_area", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "TA-ETELAKARJALA" in out
    assert "405 Lappeenranta" in out
    assert run(["areas", "no such place", "--lang", "en"]) == 0  # an empty answer
    assert "no area matches 'no such place'" in capsys.readouterr().err
    assert run(["areas", "no such place", "--lang", "fi"]) == 0
    assert "mikään alue ei vastaa" in capsys.readouterr().err
    assert _json(capsys, "no such place") == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--kind", "county"], "--kind county"),
        (["--year", "1990"], "--year 1990"),
        (["--format", "xml"], "--format xml"),
    ],
)
def test_bad_options_exit_3(
    capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert run(["areas", *args]) == BAD_OPTION
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err
