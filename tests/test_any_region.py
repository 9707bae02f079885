"""Another region, through the commands a planner runs: nothing of the survey's region
leaks into its output, and the income of its three associations is all counted.

The region is :func:`small_region.three_producer_region`: Lapland-like codes and three
associations that each report their own income and income shares (the survey has one
group reported together). Each command runs through the CLI on its dataset folder.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polku import default_region, load
from polku.cli import app
from polku.data.writer import write_region
from polku.model.vocabulary import ProducerIndicatorKind
from polku.report import build_report
from small_region import ASSOCIATIONS, three_producer_region

# The survey's region, its organiser, towns and producers, in both languages and their
# inflected forms (Lappeenrannan, Eksoten, Imatran ...).
SURVEY_NAMES = (
    "south karelia",
    "etelä-karjal",
    "karelia",
    "eksote",
    "lappeenran",
    "imatra",
    "laptuote",
    "morova",
    "työnvuoksi",
    "intopajat",
    "hyötyhalli",
    "mk09",
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_region(three_producer_region(), tmp_path_factory.mktemp("other") / "region")


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _leaks(text: str) -> list[str]:
    lowered = text.lower()
    return [name for name in SURVEY_NAMES if name in lowered]


def _incomes() -> dict[str, float]:
    region = three_producer_region()
    return {
        r.producer: r.value
        for r in region.producer_indicators
        if r.indicator is ProducerIndicatorKind.INCOME
    }


def test_the_dataset_names_none_of_the_survey_s_region(folder: Path) -> None:
    text = "".join(p.read_text("utf-8") for p in sorted(folder.iterdir()))
    assert _leaks(text) == []
    assert len(_incomes()) == 3


def test_check_passes_with_no_finding(folder: Path) -> None:
    result = load(folder)
    assert result.region is not None
    assert result.findings == []
    assert "0 errors, 0 warnings" in _run("check", str(folder), "--lang", "en")


@pytest.fixture(scope="module")
def analysed(folder: Path) -> dict[str, object]:
    doc: dict[str, object] = json.loads(_run("analyse", str(folder), "--format", "json"))
    return doc


def test_analyse_counts_every_association_s_income(analysed: dict[str, object]) -> None:
    funding = analysed["funding"]
    assert isinstance(funding, dict)
    assert funding["income"] == pytest.approx(sum(_incomes().values()))
    assert set(funding["producer"].split("+")) == set(ASSOCIATIONS)
    expected: dict[str, float] = {}
    for _, _, income, mix in ASSOCIATIONS.values():
        for source, pct in mix.items():
            expected[source.value] = expected.get(source.value, 0.0) + income * pct / 100
    got = {k: v["income"] for k, v in funding["by_source"].items()}
    assert got == pytest.approx(expected)
    assert funding["cost_per_client"] == pytest.approx(5000)  # income / 5000 clients each


def test_analyse_output_names_none_of_the_survey_s_region(
    folder: Path, analysed: dict[str, object]
) -> None:
    assert _leaks(json.dumps(analysed, ensure_ascii=False)) == []
    for lang in ("en", "fi"):
        assert _leaks(_run("analyse", str(folder), "--lang", lang)) == []


def test_simulated_income_is_the_associations_income(folder: Path) -> None:
    out = _run("simulate", str(folder), "--years", "2", "--format", "json", "--lang", "en")
    assert _leaks(out) == []
    doc = json.loads(out)
    simulated = doc["scenarios"]["baseline"]["metrics"]["income_total_per_year"]["mean"]
    data = sum(_incomes().values())
    assert simulated == pytest.approx(data, rel=0.03), (simulated, data)


def test_producers_shows_each_association_with_its_income(folder: Path) -> None:
    out = _run("producers", str(folder), "--format", "json", "--lang", "en")
    assert _leaks(out) == []
    finances = {f["producer"]: f["income"] for f in json.loads(out)["finances"]}
    assert finances == pytest.approx(_incomes())
    table = _run("producers", str(folder), "--lang", "fi")
    assert _leaks(table) == []
    for _, (name, *_rest) in ASSOCIATIONS.items():
        assert name in table


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_report_names_none_of_the_survey_s_region(folder: Path, tmp_path: Path, lang: str) -> None:
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    args = ["report", str(folder), "--lang", lang, "--out", str(html), "--xlsx", str(xlsx)]
    _run(*args, "--scenario", "proposal-500", "--years", "1")
    text = html.read_text("utf-8")
    assert _leaks(text) == []
    with zipfile.ZipFile(xlsx) as book:
        sheets = "".join(
            book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml")
        )
    assert _leaks(sheets) == []
    assert "Lappi" in text if lang == "fi" else "Lapland" in text  # its own region instead
    # every outcome column of this region sums to 100 %: no caption says otherwise
    assert "100 %:iin" not in text
    assert "do not sum to 100 %" not in text


def test_the_survey_s_report_says_which_columns_miss_100() -> None:
    caption = next(
        f.description
        for f in build_report(default_region(), "en").figures()
        if f.id == "f_outcomes"
    )
    assert "rehabilitative work / all (88 %)" in caption
    assert "pay subsidy / association" not in caption  # it sums to 100 %
