"""The bundled classification: roll-ups by year, mergers, employment areas, and errors
that name the area, the year and what is covered."""

from __future__ import annotations

import pytest

from polku import default_region
from polku.errors import SourceError
from polku.sources.areas import municipalities
from polku.sources.classification import load

HELSINKI_SUBREGION = [
    *("049", "091", "092", "106", "186", "224", "235", "245", "257"),
    *("444", "505", "543", "611", "753", "755", "858", "927"),
]
ALAND = [
    *("035", "043", "060", "062", "065", "076", "170", "295"),
    *("318", "417", "438", "478", "736", "766", "771", "941"),
]
SOUTH_KARELIA = ["153", "405", "416", "441", "580", "689", "700", "739", "831"]


@pytest.mark.parametrize("year", [2025, 2026])
def test_2025_key_is_complete_and_nested(year: int) -> None:
    key = load()
    rows = key.in_year(year)
    assert len(rows) == 308
    assert len({m.code for m in rows}) == 308
    assert len({m.subregion for m in rows}) == 69
    assert len({m.region for m in rows}) == 19
    assert all(m.subregion[2:4] == m.region[2:] for m in rows)  # SK091 lies in MK09
    for m in rows:  # every code used has a name in areas.csv for the year
        assert key.area(m.subregion, year) is not None, m.subregion
        assert key.area(m.region, year) is not None, m.region
        for code in (m.employment_area, m.wellbeing_county):
            assert not code or key.area(code, year) is not None, code
        assert m.name_sv, m.code  # Statistics Finland's Swedish name
    aland = [m for m in rows if m.region == "MK21"]
    assert len(aland) == 16
    assert not any(m.employment_area or m.wellbeing_county for m in aland)
    assert all(m.employment_area and m.wellbeing_county for m in rows if m.region != "MK21")


@pytest.mark.parametrize(
    ("area", "year", "expected"),
    [
        ("MK09", 2025, SOUTH_KARELIA),
        ("MK09", 2016, SOUTH_KARELIA),
        ("SK091", 2024, ["405", "416", "441", "739", "831"]),
        ("SK093", 2025, ["153", "580", "689", "700"]),
        ("KU405", 2013, ["405"]),
        ("TA-ETELAKARJALA", 2025, SOUTH_KARELIA),
        (
            "SK011",
            2025,
            HELSINKI_SUBREGION,
        ),
        (
            "MK21",
            2025,
            ALAND,
        ),
        ("TA-ETELAKARJALA", 2026, SOUTH_KARELIA),
        ("HV11", 2025, SOUTH_KARELIA),
        ("HV90", 2026, ["091"]),
        ("TA-HELSINKI", 2025, ["091"]),
        ("HV04", 2025, ["092", "245"]),
    ],
)
def test_members_by_year(area: str, year: int, expected: list[str]) -> None:
    assert load().members(area, year) == expected


@pytest.mark.parametrize(
    ("area", "year", "words"),
    [
        ("MK01", 2024, ["unknown area code MK01 for 2024", "9 municipalities", "(MK09)"]),
        ("MK09", 2010, ["unknown area code MK09 for 2010", "nothing for 2010", "2013-2026"]),
        ("TA-ETELAKARJALA", 2024, ["for 2024", "no employment areas (they begin in 2025)"]),
        ("SK999", 2025, ["unknown area code SK999 for 2025", "308 municipalities"]),
        ("KU775", 2014, ["KU775", "joined KU739 on 2013-01-01"]),
        ("SSS", 2025, ["not summed"]),
    ],
)
def test_what_is_missing_is_named(area: str, year: int, words: list[str]) -> None:
    with pytest.raises(SourceError) as caught:
        load().members(area, year)
    for word in words:
        assert word in str(caught.value)


def test_employment_areas_are_known_only_where_bundled() -> None:
    key = load()
    assert key.employment_areas(["405"], 2025) == {"TA-ETELAKARJALA": SOUTH_KARELIA}
    assert key.employment_areas(["091"], 2025) == {"TA-HELSINKI": ["091"]}
    with pytest.raises(SourceError, match=r"no employment area is known for 2025 for KU478"):
        key.employment_areas(["478"], 2025)  # Åland runs its own employment services
    with pytest.raises(SourceError, match=r"no employment area is known for 2024 for KU405"):
        key.employment_areas(["405"], 2024)


def test_fetch_finds_municipalities_in_the_bundle_then_in_the_base() -> None:
    base = default_region()
    assert municipalities(base, "MK09", [2024, 2025]) == SOUTH_KARELIA
    assert municipalities(base, "KU091", [2025]) == ["091"]  # not in the base, in the bundle
    # MK09 in 2010 is not bundled: the base dataset's own areas.csv answers
    assert municipalities(base, "MK09", [2010]) == SOUTH_KARELIA
    # an area the bundle has today but not for that year: today's boundaries
    assert municipalities(base, "MK01", [2010]) == load().members("MK01", load().years()[-1])
    assert municipalities(base, "TA-SUUPOHJA", [2024]) == load().members("TA-SUUPOHJA", 2026)
    with pytest.raises(SourceError, match="unknown area code MK99"):
        municipalities(base, "MK99", [2010])
