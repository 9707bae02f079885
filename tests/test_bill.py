"""The 2025 financing model and the bill forecast, held against Kela's real rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from polku.bill.backtest import backtest
from polku.bill.forecast import Settings, forecast
from polku.bill.history import CLASSES, parse_history, read_history
from polku.bill.share import day_share, implied_days, month_start
from polku.cli import app, run
from polku.errors import BillError
from polku.rules import load_rules

REAL = Path(__file__).parent / "fixtures" / "kela" / "south-karelia-2025-01-06.csv"
RULES = load_rules()


def _whole(days: float) -> bool:
    return round(days) > 0 and abs(days - round(days)) < 0.005


def test_the_rules_turn_one_recipients_euros_into_whole_days() -> None:
    """A row with one recipient pays that person's days: under the right rates most are a
    whole number of days (adjusted and back-dated payments are the rest)."""
    history = read_history(REAL)
    ones = [r for r in history.rows if r.recipients == 1]
    whole = [r for r in ones if _whole(implied_days(r, RULES))]
    assert len(whole) > 0.6 * len(ones), (len(whole), len(ones))
    # with a wrong percentage for 401-700 (45 % instead of 40 %) almost none would be
    in_class = [r for r in ones if r.days_class == "401-700"]
    daily = day_share(RULES, month_start("2025-03"), "401-700").daily_rate
    wrong = [r for r in in_class if _whole(r.eur / (daily * 0.45))]
    right = [r for r in in_class if _whole(implied_days(r, RULES))]
    assert len(wrong) <= 0.2 * len(in_class) < len(right)


def test_every_class_adds_up_to_the_municipality_total() -> None:
    """The reader checks every printed Yhteensä row against its parts; the area's months
    are Kela's own totals (the shared data's README lists them)."""
    history = read_history(REAL)
    printed = {"2025-01": 567_864, "2025-02": 1_364_356, "2025-06": 1_473_126}
    for month, total in printed.items():
        assert history.total(month) == pytest.approx(total, abs=1)
    text = REAL.read_text("utf-8")
    broken = text.replace(";Yhteensä;Yhteensä;", ";Yhteensä;Yhteensä;", 1)
    rows = list(csv.reader(io.StringIO(broken), delimiter=";"))
    for row in rows[1:]:
        if row[5] == "Yhteensä" and row[6] == "Yhteensä":
            row[8] = str(float(row[8]) + 100.0)  # a total that no longer adds up
            break
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    with pytest.raises(BillError) as info:
        parse_history(out.getvalue(), "broken.csv")
    assert info.value.findings[0].code == "bill_total"
    assert info.value.findings[0].row is not None


def test_the_forecast_prices_each_month_by_its_rules() -> None:
    history = read_history(REAL)
    result = forecast(history, RULES, "2026-03", 4, Settings(replications=200))
    benefits = {m.month: set(m.by_benefit) for m in result.months if m.municipality == "all"}
    assert "labour_market_subsidy" in benefits["2026-04"]
    assert "general_benefit" not in benefits["2026-04"]
    assert "general_benefit" in benefits["2026-05"]  # yleistuki from 1 May 2026
    assert "labour_market_subsidy" not in benefits["2026-05"]
    for m in result.months:
        assert m.eur_p5 < m.eur_mean < m.eur_p95
        assert set(m.by_class) <= set(CLASSES)


def test_january_2025_is_explained_not_fitted() -> None:
    """January's payments partly covered December 2024 days under the old rules."""
    history = read_history(REAL)
    result = forecast(history, RULES, "2025-07", 6)
    assert [t.month for t in result.transitional] == ["2025-01"]
    assert result.transitional[0].ratio < 0.6
    assert "2025-01" not in result.level


def test_backtest_on_the_real_months() -> None:
    history = read_history(REAL)
    test = backtest(history, RULES, 3)
    assert test.fitted == ("2025-01", "2025-02", "2025-03")
    assert {e.month for e in test.errors} == {"2025-04", "2025-05", "2025-06"}
    assert 0.0 < test.mape() < 0.2  # a level forecast is within 20 % on these months
    assert test.mape(municipality="all") < test.mape() + 1e-9  # the area errs less


def test_the_cli_prints_the_documented_csv() -> None:
    result = CliRunner().invoke(
        app,
        ["bill", "--history", str(REAL), "--from", "2025-07", "--months", "6", "--format", "csv"],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == ["month", "municipality", "eur_mean", "eur_p5", "eur_p95"]
    assert len(rows) == 6 * 9
    assert {r["month"] for r in rows} == {f"2025-{m:02d}" for m in range(7, 13)}
    assert all(len(r["municipality"]) == 3 for r in rows)
    assert all(float(r["eur_p5"]) <= float(r["eur_mean"]) <= float(r["eur_p95"]) for r in rows)


def test_the_cli_backtest_prints_its_error_in_both_languages() -> None:
    for lang, word in (("en", "MAPE over municipalities"), ("fi", "Kuntien MAPE")):
        result = CliRunner().invoke(
            app, ["bill", "--history", str(REAL), "--backtest", "3", "--lang", lang]
        )
        assert result.exit_code == 0, result.output
        assert word in result.output
        assert "Lappeenranta" in result.output  # names from the bundled classification
    doc = json.loads(
        CliRunner()
        .invoke(app, ["bill", "--history", str(REAL), "--backtest", "3", "--format", "json"])
        .output
    )
    assert doc["backtest"]["mape"] > 0
    assert set(doc["backtest"]["by_month"]) == {"2025-04", "2025-05", "2025-06"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a;b\n1;2\n", "bill_columns"),
        (
            "aikatyyppi;vuosi;kuukausi_nro;vuosikuukausi;kunta_nro;etuus;kertymaluokka;saajat;"
            "kuntaosuus_eur\nKuukausi;2025;1;2025-1;153;Työmarkkinatuki;101-200;3;10\n",
            "bill_month",
        ),
        (
            "aikatyyppi;vuosi;kuukausi_nro;vuosikuukausi;kunta_nro;etuus;kertymaluokka;saajat;"
            "kuntaosuus_eur\nKuukausi;2025;1;202501;153;Sairauspäiväraha;101-200;3;10\n",
            "bill_benefit",
        ),
        (
            "aikatyyppi;vuosi;kuukausi_nro;vuosikuukausi;kunta_nro;etuus;kertymaluokka;saajat;"
            "kuntaosuus_eur\nKuukausi;2025;1;202501;153;Työmarkkinatuki;1-100;3;10\n",
            "bill_class",
        ),
        (
            "aikatyyppi;vuosi;kuukausi_nro;vuosikuukausi;kunta_nro;etuus;kertymaluokka;saajat;"
            "kuntaosuus_eur\nKuukausi;2025;1;202501;153;Työmarkkinatuki;101-200;x;10\n",
            "bill_recipients",
        ),
        (
            "aikatyyppi;vuosi;kuukausi_nro;vuosikuukausi;kunta_nro;etuus;kertymaluokka;saajat;"
            "kuntaosuus_eur\n",
            "bill_empty",
        ),
    ],
)
def test_broken_files_name_the_row_and_column(text: str, code: str) -> None:
    with pytest.raises(BillError) as info:
        parse_history(text, "bad.csv")
    assert info.value.findings[0].code == code


def test_the_cli_turns_broken_files_into_messages_not_tracebacks(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(REAL.read_text("utf-8").encode("latin-1"))
    for args in (
        ["--history", str(tmp_path / "missing.csv")],
        ["--history", str(bad)],
        ["--history", str(REAL), "--from", "2025-13"],
        ["--history", str(REAL), "--from", "2024-12"],  # nothing before it to fit
        ["--history", str(REAL), "--backtest", "6"],
    ):
        result = CliRunner().invoke(app, ["bill", *args, "--lang", "fi"])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


def test_the_financing_model_by_hand() -> None:
    from polku.bill.share import municipal_share

    days = {
        ("labour_market_subsidy", "701-"): 10.0,
        ("basic_allowance", "701-"): 10.0,
        ("earnings_related", "101-200"): 4.0,
    }
    march, inputs = municipal_share(days, "2025-03", RULES)
    eur = {(s.benefit, s.days_class): s.eur for s in march}
    daily = RULES.at("2025-03-01").number("labour_market_subsidy.full_daily_rate")
    assert eur[("labour_market_subsidy", "701-")] == pytest.approx(10 * daily * 0.50)
    assert eur[("basic_allowance", "701-")] == pytest.approx(10 * daily * 0.40)  # stops at 40
    assert eur[("earnings_related", "101-200")] == pytest.approx(4 * daily * 0.10)
    assert any("385/2023" in i.source for i in inputs)
    june, _ = municipal_share(days, "2026-06", RULES)
    benefits = {s.benefit for s in june}
    assert benefits == {"general_benefit", "earnings_related"}  # yleistuki in place of two


def test_more_places_for_those_near_day_401() -> None:
    from polku.bill.effect import effect

    history = read_history(REAL)
    result = forecast(history, RULES, "2025-07", 3, Settings(replications=200))
    paid = effect(history, RULES, result, "pay_subsidy", 50, "301-400")
    area = [m for m in paid.months if m.municipality == "all"]
    share = day_share(RULES, month_start("2025-07"), "301-400").eur  # 30 % of a day
    assert 15 < paid.days_per_person <= 23  # benefit days a recipient gets in a month
    assert area[0].eur == pytest.approx(-50 * paid.days_per_person * share, rel=0.05)
    towns = [m.eur for m in paid.months if m.month == "2025-07" and m.municipality != "all"]
    assert sum(towns) == pytest.approx(area[0].eur)
    # in rehabilitative work the benefit goes on, and from 2025 it is shared: no saving
    rehab = effect(history, RULES, result, "rehabilitative_work", 50, "301-400")
    assert all(m.eur == 0 for m in rehab.months)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_report_carries_the_bill(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "--lang",
            lang,
            "--bill-history",
            str(REAL),
            "--bill-months",
            "6",
            "--out",
            str(out),
            "--xlsx",
            str(tmp_path / "r.xlsx"),
        ],
    )
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert 'id="s8"' in html
    assert ("Kuntaosuuslasku" if lang == "fi" else "The municipal-share bill") in html
    assert "Lappeenranta" in html
    assert "2025-12" in html
    assert ("Jälkitesti" if lang == "fi" else "Back-test") in html


def test_a_dataset_can_hold_the_months_and_check_vouches_for_them(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "area"
    assert runner.invoke(app, ["export", "--out", str(folder)]).exit_code == 0
    history = read_history(REAL)
    with (folder / "municipal_share_months.csv").open("a", encoding="utf-8") as out:
        for r in history.rows:
            out.write(
                f"{r.municipality},{r.month},{r.benefit},{r.days_class},{r.recipients},"
                f"{r.eur},Kela 2025,false,\n"
            )
    assert runner.invoke(app, ["check", str(folder)]).exit_code == 0
    args = ["--from", "2025-07", "--months", "3", "--format", "csv"]
    from_data = runner.invoke(app, ["bill", str(folder), *args])
    from_file = runner.invoke(app, ["bill", "--history", str(REAL), *args])
    assert from_data.exit_code == 0, from_data.output
    assert from_data.output == from_file.output  # the same rows, the same forecast
    # the embedded dataset has none: a clear message, exit 2
    empty = runner.invoke(app, ["bill", "--lang", "en"])
    assert empty.exit_code == 2
    assert "municipal_share_months.csv" in empty.output


def test_class_flows_keep_a_steady_history_steady() -> None:
    """Where every fitted month is the same, the crossings and the net change balance:
    the flows forecast is the level forecast."""
    from dataclasses import replace

    from polku.bill.history import History

    real = read_history(REAL)
    february = [r for r in real.rows if r.month == "2025-02"]
    rows = tuple(replace(r, month=m) for m in ("2025-02", "2025-03", "2025-04") for r in february)
    steady = History("steady.csv", rows)
    level = forecast(steady, RULES, "2025-05", 4, Settings(replications=100))
    flows = forecast(steady, RULES, "2025-05", 4, Settings(replications=100, method="flows"))
    for a, b in zip(level.months, flows.months, strict=True):
        assert b.eur_mean == pytest.approx(a.eur_mean, rel=1e-6)


def test_review_findings_stay_fixed(tmp_path: Path) -> None:
    """A month missing from the file, too many places, a non-number, a duplicate row, a
    yleistuki row before yleistuki and a municipality missing from one month."""
    text = REAL.read_text("utf-8")
    lines = text.splitlines(keepends=True)
    gap = "".join(line for line in lines if ";202505;" not in line)
    test = backtest(parse_history(gap, "gap.csv"), RULES, 3)
    assert {e.month for e in test.errors} == {"2025-04", "2025-06"}  # May is not in the file
    for bad in ("pay_subsidy=100000", "pay_subsidy=nan", "pay_subsidy=inf"):
        code = run(["bill", "--history", str(REAL), "--add-places", bad])
        assert code == 3, bad  # a bad option, as the polku command exits
    with pytest.raises(BillError) as twice:
        parse_history(text + lines[1], "twice.csv")
    assert twice.value.findings[0].code == "bill_duplicate"
    early = lines[0] + lines[1].replace("Ansiopäiväraha", "Yleistuki työttömyyden perusteella")
    with pytest.raises(BillError) as info:
        forecast(parse_history(early, "early.csv"), RULES, "2025-02", 1)
    assert info.value.findings[0].code == "bill_general_benefit"
    without = "".join(line for line in lines if ";202506;416;" not in line)
    full = forecast(read_history(REAL), RULES, "2025-07", 1, Settings(replications=100))
    part = forecast(
        parse_history(without, "x.csv"), RULES, "2025-07", 1, Settings(replications=100)
    )
    lemi = {m.municipality: m.eur_mean for m in part.months}["416"]
    assert lemi == pytest.approx({m.municipality: m.eur_mean for m in full.months}["416"], rel=0.1)


def test_the_band_allows_for_a_variation_estimated_from_few_months() -> None:
    """Two fitted months give the variation few degrees of freedom: the band is wider
    than a normal band of the same estimated variation would be."""
    history = read_history(REAL)
    result = forecast(history, RULES, "2025-04", 1, Settings(replications=4000))
    sigma = float(np.sqrt(np.log1p(result.monthly_cv**2)))
    normal_p95 = np.exp(1.645 * sigma * np.sqrt(1.0 + 1.0 / len(result.level)))
    towns = [m for m in result.months if m.municipality != "all"]
    wider = [m for m in towns if m.eur_p95 / m.eur_mean > normal_p95]
    assert len(wider) == len(towns)
