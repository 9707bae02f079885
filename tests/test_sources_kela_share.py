"""Kela's 2025 municipal-share layout and the portal's split files.

The real extract (South Karelia, January-June 2025, tests/fixtures/kela) is read as a
fetch reads a Kela file, by its package's dialect: the parts are kept, the
``Yhteensä`` rows never added, and the monthly sums of the parts give the totals the
extract's README prints. The split-file choice follows the portal's names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from polku.errors import SourceError, SourceFormatError
from polku.sources import ckan
from polku.sources.kela import Dialect, Schema, read_csv
from polku.sources.kela_share import columns, recipients_over_300, share_months

REAL = Path(__file__).parent / "fixtures" / "kela" / "south-karelia-2025-01-06.csv"
FIELDS = (
    ("aikatyyppi", "string"),
    ("vuosi", "integer"),
    ("kuukausi_nro", "integer"),
    ("vuosikuukausi", "integer"),
    ("kunta_nro", "string"),
    ("etuus", "string"),
    ("kertymaluokka", "string"),
    ("saajat", "number"),
    ("kuntaosuus_eur", "number"),
)
SPEC = Schema("kela", FIELDS, Dialect(delimiter=";"))
REGION = ["153", "405", "416", "441", "580", "689", "700", "739", "831"]
PRINTED = {  # the extract's README: etuus and class Yhteensä, EUR
    "2025-01": 567_864,
    "2025-02": 1_364_356,
    "2025-03": 1_468_297,
    "2025-04": 1_583_221,
    "2025-05": 1_466_540,
    "2025-06": 1_473_126,
}


def test_the_real_extract_gives_the_printed_totals_from_its_parts() -> None:
    rows = read_csv(REAL.read_bytes(), SPEC, REAL.name)
    got = share_months(rows, SPEC, REGION, ("2025-01", "2025-12"))
    assert not got.unknown
    assert {r.month for r in got.rows} == set(PRINTED)
    for month, printed in PRINTED.items():
        total = sum(r.eur for r in got.rows if r.month == month)
        assert total == pytest.approx(printed, abs=1.0), month
    # every kept row is a part: no total row in the benefit or the class
    assert {r.benefit.value for r in got.rows} <= {
        "earnings_related",
        "basic_allowance",
        "labour_market_subsidy",
    }
    assert "Yhteensä" not in {r.days_class.value for r in got.rows}
    over = recipients_over_300(got.rows, ["2025-06"])
    assert over > 0


def test_only_the_municipalities_and_months_asked() -> None:
    rows = list(read_csv(REAL.read_bytes(), SPEC, REAL.name))
    got = share_months(rows, SPEC, ["153"], ("2025-02", "2025-03"))
    assert {r.municipality for r in got.rows} == {"153"}
    assert {r.month for r in got.rows} == {"2025-02", "2025-03"}


def test_a_column_that_cannot_be_found_is_named() -> None:
    renamed = Schema("kela", (*FIELDS[:-1], ("summa", "number")), SPEC.dialect)
    with pytest.raises(SourceFormatError, match="column for eur"):
        columns(renamed)


def test_other_total_columns_are_kept_at_their_total() -> None:
    fields = (*FIELDS[:7], ("ikaryhma", "string"), *FIELDS[7:])
    spec = Schema("kela", fields, SPEC.dialect)
    rows = [
        {
            "aikatyyppi": "Kuukausi",
            "vuosi": 2025,
            "kuukausi_nro": 3,
            "vuosikuukausi": 202503,
            "kunta_nro": "405",
            "etuus": "Työmarkkinatuki",
            "kertymaluokka": "701-",
            "ikaryhma": age,
            "saajat": n,
            "kuntaosuus_eur": eur,
        }
        for age, n, eur in (("alle 30", 2, 10.0), ("30-", 3, 20.0), ("Yhteensä", 5, 30.0))
    ]
    got = share_months(rows, spec, ["405"], ("2025-01", "2025-12"))
    assert [(r.recipients, r.eur) for r in got.rows] == [(5, 30.0)]  # not 60 EUR


def _res(name: str) -> ckan.Resource:
    match = ckan._YEARS.match(name)
    years = (int(match[1]), int(match[2] or match[1])) if match else None
    return ckan.Resource(name, f"http://x/{name}", None, None, years)


def test_split_files_are_chosen_by_year() -> None:
    found = [_res(n) for n in ("data_2010_2017.csv", "data_2025.csv", "data.csv", "package.json")]
    names = [r.name for r in ckan.data_files(found, [2025, 2026], "p")]
    assert names == ["data_2025.csv", "data.csv"]  # 2026 only in data.csv, the newest
    assert [r.name for r in ckan.data_files(found, [2015], "p")] == ["data_2010_2017.csv"]
    no_plain = [_res("data_2024.csv")]
    with pytest.raises(SourceError, match="no file holds 2026"):
        ckan.data_files(no_plain, [2026], "p")
    assert [r.name for r in ckan.data_files([_res("data.csv")], [2026], "p")] == ["data.csv"]
