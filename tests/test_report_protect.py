"""Small counts are not published: the report and workbook hide them and say so."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from polku import default_region
from polku.analysis import analyse
from polku.assumptions import Assumptions
from polku.model.region import Region
from polku.report import build_report, render_html, write_xlsx
from polku.report.protect import HIDDEN
from polku.report.xlsx import sheet_names


def _with_small_counts() -> Region:
    region = default_region()
    clients = tuple(
        replace(r, clients=3) if r.producer.value == "organiser" else r
        for r in region.producer_clients
    )
    days = tuple(
        replace(r, recipients=2) if r.area == "SK093" and r.days_class.value == "300-499" else r
        for r in region.benefit_days
    )
    return replace(region, producer_clients=clients, benefit_days=days)


def _table(report: object, table_id: str) -> object:
    return next(t for t in report.tables() if t.id == table_id)  # type: ignore[attr-defined]


def test_a_small_count_hides_its_block_and_every_share() -> None:
    report = build_report(_with_small_counts(), "en")
    producers = _table(report, "t_producers")
    for row in producers.rows:  # type: ignore[attr-defined]
        assert row[1:] == [HIDDEN, HIDDEN]  # one block: 3 could be had from 605 minus the rest
    assert producers.suppressed == 4  # type: ignore[attr-defined]
    days = _table(report, "t_days")
    rows = days.rows  # type: ignore[attr-defined]
    imatra = [r for r in rows if r[0] == "Imatra subregion"]
    others = [r for r in rows if r[0] != "Imatra subregion"]
    assert imatra
    assert all(r[2] == HIDDEN for r in imatra)  # the whole area's counts
    assert all(r[2] != HIDDEN for r in others)  # other areas keep theirs
    assert all(r[3] == HIDDEN for r in rows)  # shares would give the counts back


def test_a_chart_with_a_hidden_count_is_not_drawn_and_the_report_says_why(tmp_path: Path) -> None:
    report = build_report(_with_small_counts(), "fi")
    days_figure = next(f for f in report.figures() if f.id == "f_days")
    assert days_figure.spec == {}
    html = render_html(report)
    assert "Kynnystä pienempiä henkilömääriä ei näytetä" in html
    assert html.count('class="suppressed"') == 2  # t_producers and the f_days table
    book = load_workbook(write_xlsx(report, tmp_path / "r.xlsx"))
    sheet = book[sheet_names(report)["t_producers"]]
    cells = {row[0]: row[1:] for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]}
    assert cells["järjestäjä"][:2] == (HIDDEN, HIDDEN)  # not 3, nor its share
    assert 3 not in [v for row in sheet.iter_rows(values_only=True) for v in row]
    notes = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert any(str(n).startswith("Kynnystä pienempiä") for n in notes)


def test_the_threshold_is_a_named_assumption() -> None:
    region = _with_small_counts()
    strict = build_report(
        region,
        "en",
        analysis=analyse(region, assumptions=Assumptions({"disclosure.min_count": "2"})),
    )
    rows = {r[0]: r for r in _table(strict, "t_producers").rows}  # type: ignore[attr-defined]
    assert rows["organiser"][1] == "3"  # 3 is not under 2


def test_the_survey_s_own_report_hides_nothing() -> None:
    report = build_report(default_region(), "en")
    assert sum(t.suppressed for t in report.tables()) == 0
