"""Sotkanet client against a local server: regions, indicators by title, values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polku.errors import SourceError, SourceFormatError
from polku.sources import sotkanet
from polku.sources.client import Client
from source_server import Script, serve

REGIONS = [
    {
        "id": 833,
        "code": "1",
        "category": "ALUEHALLINTOVIRASTO",
        "title": {"fi": "Etelä-Suomen AVI"},
    },
    {
        "id": 52,
        "code": "405",
        "category": "KUNTA",
        "title": {"fi": "Lappeenranta", "en": "Lappeenranta"},
    },
    {"id": 405, "code": "9", "category": "MAAKUNTA", "title": {"fi": "Etelä-Karjala"}},
    {"id": 77, "code": "153", "category": "KUNTA", "title": {"fi": "Imatra"}},
]
INDICATORS = [
    {"id": 127, "title": {"fi": "Väestö 31.12.", "en": "Population 31 Dec"}},
    {
        "id": 3071,
        "title": {"fi": "Väestö 31.12., 65 vuotta täyttäneet", "en": "Population aged 65"},
    },
]
DATA = [
    {"indicator": 127, "region": 52, "year": 2023, "gender": "total", "value": 73032},
    {"indicator": 127, "region": 77, "year": 2023, "gender": "total", "value": 25344},
    {"indicator": 127, "region": 999, "year": 2023, "gender": "total", "value": None},
]


def encoded(doc: object) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json"}, json.dumps(doc).encode()


def test_municipality_indicator_and_values(tmp_path: Path) -> None:
    script = Script(
        {
            "/rest/1.1/regions": [encoded(REGIONS)],
            "/rest/1.1/indicators": [encoded(INDICATORS)],
            "/rest/1.1/json": [encoded(DATA)],
        }
    )
    with serve(script) as host:
        base = f"{host}/rest/1.1"
        c = Client("sotkanet", tmp_path)
        lappeenranta = sotkanet.municipality(sotkanet.regions(c, base), "405")
        population = sotkanet.find_indicator(sotkanet.indicators(c, base), "väestö 31.12.")
        got = sotkanet.values(c, population.id, [2022, 2023], base=base)
    assert lappeenranta.id == 52  # Sotkanet's own id, not the municipality code
    assert population.id == 127
    assert {v.region: v.value for v in got} == {52: 73032.0, 77: 25344.0, 999: None}
    asked = script.seen[-1].path
    assert "indicator=127" in asked
    assert "years=2022&years=2023" in asked  # years repeat, as the API wants
    assert "genders=total" in asked
    assert all("User-Agent" in r.headers for r in script.seen)  # Sotkanet refuses without


def test_unknown_municipality_and_ambiguous_titles() -> None:
    regions = [sotkanet.Region(52, "405", "KUNTA", "Lappeenranta")]
    with pytest.raises(SourceError, match="code 999"):
        sotkanet.municipality(regions, "999")
    found = [sotkanet.Indicator(1, "Väestö", "Population"), sotkanet.Indicator(2, "Väestö", "x")]
    with pytest.raises(SourceError, match="2 indicators"):
        sotkanet.find_indicator(found, "Väestö")
    with pytest.raises(SourceError, match="titles that contain it: Väestö"):
        sotkanet.find_indicator(found, "Väes")


def test_malformed_answers(tmp_path: Path) -> None:
    script = Script(
        {
            "/rest/1.1/regions": [encoded({"error": "x"})],
            "/rest/1.1/json": [encoded([{"indicator": 127, "region": "x"}])],
        }
    )
    with serve(script) as host:
        c = Client("sotkanet", tmp_path)
        with pytest.raises(SourceFormatError, match="a JSON list"):
            sotkanet.regions(c, f"{host}/rest/1.1")
        with pytest.raises(SourceFormatError, match=r"\[0\]"):
            sotkanet.values(c, 127, [2023], base=f"{host}/rest/1.1")
