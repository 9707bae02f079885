"""Kela open data read by its package.json: dialect, schema, suppression, refunds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polku.errors import SourceFormatError
from polku.sources.kela import municipal_share, read_csv, schema

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
PACKAGE = json.loads((FIXTURES / "kela_package.json").read_text("utf-8"))
DATA = (FIXTURES / "kela_data.csv").read_bytes()
SOUTH_KARELIA_PART = ["405", "153"]  # Lappeenranta and Imatra


def test_rows_are_typed_by_the_package_schema() -> None:
    rows = list(read_csv(DATA, schema(PACKAGE)))
    assert len(rows) == 12
    assert rows[0]["kunta_nro"] == "405"  # a code stays text: leading zeros matter
    assert rows[8]["kunta_nro"] == "091"
    assert rows[0]["saaja_lkm"] == 40.0
    assert rows[5]["maksettu_eur"] == -1200.0  # refunds are negative, and kept


def test_monthly_sums_over_the_area_with_suppressed_rows_apart() -> None:
    result = municipal_share(read_csv(DATA, schema(PACKAGE)), SOUTH_KARELIA_PART)
    january = result.periods["2024-01"]
    assert january.recipients["300+"] == 40 + 5 + 3
    assert january.recipients["300-499"] == 10
    assert january.recipients["500-999"] == 5
    assert january.recipients["1000+"] == 30 + 3  # both spellings of the top class
    assert january.municipal_share_eur == pytest.approx(15000.25 + 2000 - 600)
    assert january.days == 800 + 100 - 20
    assert result.periods["2024-02"].recipients["300+"] == 41
    assert result.suppressed_recipients == 2  # the 199 row is not anyone's
    assert "2023" not in result.periods  # yearly rows only when asked for
    yearly = municipal_share(read_csv(DATA, schema(PACKAGE)), ["405"], kind="Vuosi")
    assert yearly.periods["2023"].municipal_share_eur == 175000


def test_other_dialects_are_read_as_declared() -> None:
    package = json.loads(json.dumps(PACKAGE))
    package["resources"][0]["dialect"] = {"delimiter": ";", "decimalChar": ","}
    package["resources"][0]["encoding"] = "latin-1"
    text = DATA.decode("utf-8").replace(",", ";")
    text = text.replace("30000.5", "30000,5").replace("15000.25", "15000,25")
    rows = list(read_csv(text.encode("latin-1"), schema(package)))
    assert rows[0]["maksettu_eur"] == 30000.5
    assert rows[0]["kunta_osuus_eur"] == 15000.25


def test_a_changed_column_is_named() -> None:
    renamed = DATA.replace(b"kunta_osuus_eur", b"kuntaosuus_eur", 1)
    with pytest.raises(SourceFormatError) as caught:
        list(read_csv(renamed, schema(PACKAGE), "kela data.csv"))
    message = str(caught.value)
    assert "missing kunta_osuus_eur" in message
    assert "unexpected kuntaosuus_eur" in message
    assert message.startswith("kela data.csv: row 1 (header)")


def test_bad_cells_and_rows_name_row_and_column() -> None:
    bad = DATA.replace(b",40,800,", b",forty,800,", 1)
    with pytest.raises(SourceFormatError, match="row 2, column saaja_lkm"):
        list(read_csv(bad, schema(PACKAGE)))
    short = DATA + b"Kuukausi,3,202403\n"
    with pytest.raises(SourceFormatError, match="row 14"):
        list(read_csv(short, schema(PACKAGE)))


def test_package_without_the_resource_or_fields() -> None:
    with pytest.raises(SourceFormatError, match=r"a resource other\.csv"):
        schema(PACKAGE, "other.csv")
    with pytest.raises(SourceFormatError, match="resources"):
        schema({"name": "x"})
    broken = json.loads(json.dumps(PACKAGE))
    broken["resources"][0]["schema"]["fields"] = []
    with pytest.raises(SourceFormatError, match=r"schema\.fields"):
        schema(broken)


def test_an_abolished_municipality_is_credited_to_the_one_it_joined() -> None:
    from polku.sources.kela import mergers

    joined = mergers()
    assert joined["173"] == "405"  # Joutseno joined Lappeenranta in 2009
    assert joined["775"] == "739"  # Suomenniemi joined Savitaipale in 2013
    old = (
        DATA
        + (
            "Vuosi,12,200812,2008,173,173,25-29,Mies,Yhteensä,7,1400,50000,25000\n"
            "Vuosi,12,200812,2008,405,Lappeenranta,25-29,Mies,Yhteensä,30,6000,200000,100000\n"
        ).encode()
    )
    rows = list(read_csv(old, schema(PACKAGE)))
    merged = municipal_share(rows, ["405"], kind="Vuosi", mergers=joined)
    assert merged.periods["2008"].recipients["300+"] == 37
    apart = municipal_share(rows, ["405"], kind="Vuosi")
    assert apart.periods["2008"].recipients["300+"] == 30
