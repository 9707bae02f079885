"""``polku simulate --areas all``: every employment area of the bundled classification on
a generated national dataset, as one table, a JSON document and a map-like chart."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import typer
from rich.table import Table

from polku import files
from polku.catalogue import translate
from polku.i18n import Lang, fmt_number
from polku.model.region import Region
from polku.national import National, run_national
from polku.national.chart import national_svg, run_words
from polku.simulation.runner import Settings, find_scenario
from polku.simulation.scenario import Scenario

from .common import console, err_console, progress_bars

DEFAULT_SCENARIO = "rules-2025"  # the question of 2025: what the reform does, area by area
NATIONAL_FILES = frozenset({"national.json", "national.csv", "national-fi.svg", "national-en.svg"})

CSV_COLUMNS = (
    "code",
    "name_fi",
    "region",
    "municipalities",
    "scale",
    "baseline_eur_per_year",
    "scenario_eur_per_year",
    "difference_mean",
    "difference_p5",
    "difference_p95",
)
WORDS: dict[str, str] = {  # key: English (context national_cli:<key>)
    "head_area": "area",
    "head_region": "region",
    "head_municipalities": "municipalities",
    "head_baseline": "baseline",
    "head_scenario": "scenario",
    "head_change": "change (p5-p95)",
    "title": "Municipal share, million EUR a year, by employment area ({year}): {scenario}",
    "total": "Whole country",
    "generated": "Generated: each area is {dataset} scaled by its number of municipalities "
    "({run}). Sizes differ, structure does not: a dataset of one area (polku fetch --area "
    "TA-...) gives that area's own figures.",
}
HEADS = tuple(k for k in WORDS if k.startswith("head_"))


def _word(key: str, lang: Lang) -> str:
    return translate(lang, f"national_cli:{key}", WORDS[key])


def national_run(
    region: Region,
    scenarios: list[Scenario],
    settings: Settings,
    *,
    out: Path | None,
    as_json: bool,
    lang: Lang,
) -> None:
    """Run every area and show the table (or JSON); write the files into ``out``."""
    if len(scenarios) > 1:
        raise typer.BadParameter(
            "one --scenario with --areas all (the table compares it with the baseline)",
            param_hint="--scenario",
        )
    scenario = scenarios[0] if scenarios else find_scenario(DEFAULT_SCENARIO, region)
    with progress_bars() as tick:
        national = run_national(
            region, scenario, settings, done=lambda i, n: tick(scenario.name, i, n)
        )
    if out is not None:
        with files.folder(out) as staging:
            _write(national, staging)
        for name in sorted(NATIONAL_FILES):
            err_console.print(f"-> {out / name}")
    if as_json:
        typer.echo(json.dumps(national.to_dict(), ensure_ascii=False, indent=2))
    else:
        _table(national, lang)


def _million(value: float, lang: Lang) -> str:
    return fmt_number(value / 1e6, lang, 1)


def _table(national: National, lang: Lang) -> None:
    title = _word("title", lang).format(year=national.year, scenario=national.scenario)
    table = Table(title=title, title_justify="left", caption_justify="left")
    for i, head in enumerate(_word(k, lang) for k in HEADS):
        table.add_column(head, justify="left" if i < 2 else "right")
    banded = national.settings.mode == "stochastic"
    for r in national.rows:
        band = f" ({_million(r.p5, lang)} … {_million(r.p95, lang)})" if banded else ""
        table.add_row(
            r.area.name(lang),
            r.area.region_name(lang),
            str(r.area.municipalities),
            _million(r.baseline, lang),
            _million(r.scenario, lang),
            _million(r.difference, lang) + band,
        )
    total = national.total()
    table.add_row(
        _word("total", lang),
        "",
        str(sum(r.area.municipalities for r in national.rows)),
        _million(total["baseline"], lang),
        _million(total["scenario"], lang),
        _million(total["difference"], lang),
        style="bold",
    )
    table.caption = _word("generated", lang).format(
        dataset=national.dataset, run=run_words(national, lang)
    )
    console.print(table)


def _write(national: National, folder: Path) -> None:
    doc = national.to_dict()
    (folder / "national.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2), "utf-8")
    with (folder / "national.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for a in doc["areas"]:
            d = a["difference"]
            area = [a["code"], a["name_fi"], a["region"], a["municipalities"], a["scale"]]
            writer.writerow([*area, a["baseline"], a["scenario"], d["mean"], d["p5"], d["p95"]])
    for lang in ("fi", "en"):
        (folder / f"national-{lang}.svg").write_text(national_svg(national, lang), "utf-8")
