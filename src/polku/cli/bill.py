"""``polku bill``: the employment area's monthly municipal-share bill, forecast.

    polku bill --history FILE --from 2025-07 --months 6 --format csv
    polku bill --history FILE --backtest 3

``FILE`` is Kela's municipal-share CSV in its own layout (docs/bill.md). CSV prints one
row per month and municipality: ``month, municipality, eur_mean, eur_p5, eur_p95``.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from polku.bill.backtest import Backtest, backtest
from polku.bill.effect import MEASURES, Effect, effect
from polku.bill.forecast import Forecast, Settings, forecast, next_months
from polku.bill.history import CLASSES, History, from_region, municipality_names, read_history
from polku.data.reader import read_region
from polku.i18n import Lang, fmt_number
from polku.model.terms import term
from polku.rules import load_rules

from .common import (
    DATASET_HELP,
    LANG_HELP,
    console,
    dataset_folder,
    err_console,
    failures,
    resolve_lang,
)

CSV_COLUMNS = ("month", "municipality", "eur_mean", "eur_p5", "eur_p95")


class BillFormat(StrEnum):
    """How the forecast is printed."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _month(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", value):
        raise typer.BadParameter(f"{value!r}: expected a month YYYY-MM", param_hint="--from")
    return value


def _csv(result: Forecast) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in result.months:
        if m.municipality != "all":
            writer.writerow(
                [m.month, m.municipality, *(f"{v:.2f}" for v in (m.eur_mean, m.eur_p5, m.eur_p95))]
            )
    return out.getvalue()


def _doc(result: Forecast, history: History, test: Backtest | None) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "history": history.file,
        "fitted_months": list(result.fitted),
        "level_months": list(result.level),
        "transitional_months": [asdict(t) for t in result.transitional],
        "monthly_cv": round(result.monthly_cv, 4),
        "replications": result.settings.replications,
        "seed": result.settings.seed,
        "months": [{**asdict(m), "rules_date": m.rules_date.isoformat()} for m in result.months],
    }
    if test is not None:
        doc["backtest"] = {
            "fitted": list(test.fitted),
            "mape": round(test.mape(), 4),
            "mape_area": round(test.mape(municipality="all"), 4),
            "band_coverage": round(test.coverage, 4),
            "by_month": {
                m: round(test.mape(month=m), 4) for m in sorted({e.month for e in test.errors})
            },
            "by_municipality": {
                t: round(test.mape(municipality=t), 4) for t in history.municipalities
            },
            "errors": [{**asdict(e), "ape": round(e.ape, 4)} for e in test.errors],
        }
    return doc


def _eur(value: float, lang: Lang) -> str:
    return fmt_number(round(value), lang, 0)


def _table(result: Forecast, history: History, lang: Lang) -> None:
    names = municipality_names(history)
    fi = lang == "fi"
    title = (
        "Kuntaosuuslaskun ennuste kuukausittain (€), p5-p95"
        if fi
        else "The municipal-share bill forecast by month (EUR), p5-p95"
    )
    table = Table(title=title, title_justify="left")
    for head in (
        ("Kuukausi", "Kunta", "Keskiarvo", "p5", "p95", "Suurin luokka")
        if fi
        else ("Month", "Municipality", "Mean", "p5", "p95", "Largest class")
    ):
        table.add_column(
            head,
            justify="left" if head in ("Kuukausi", "Kunta", "Month", "Municipality") else "right",
        )
    for m in result.months:
        name = (
            ("Yhteensä" if fi else "All")
            if m.municipality == "all"
            else names.get(m.municipality, m.municipality)
        )
        top = max(m.by_class, key=lambda k: m.by_class[k]) if m.by_class else "-"
        table.add_row(
            m.month, name, _eur(m.eur_mean, lang), _eur(m.eur_p5, lang), _eur(m.eur_p95, lang), top
        )
    console.print(table)
    for t in result.transitional:
        pct = fmt_number(round(100 * t.ratio), lang, 0)
        console.print(
            f"{t.month}: {_eur(t.eur, lang)} € = {pct} % seuraavien kuukausien keskiarvosta; "
            "sen maksut koskivat osin edellisen kuukauden päiviä vanhoin säännöin, joten se "
            "jätettiin tason ulkopuolelle."
            if fi
            else f"{t.month}: {_eur(t.eur, lang)} EUR = {pct} % of the months after it; its "
            "payments partly covered days of the month before, under the old rules, so it "
            "is left out of the level.",
            highlight=False,
        )
    benefits = sorted({b for m in result.months for b in m.by_benefit})
    console.print(
        ("Etuudet: " if fi else "Benefits: ") + ", ".join(term(b, lang) for b in benefits),
        style="dim",
        highlight=False,
    )


def _print_backtest(test: Backtest, history: History, lang: Lang) -> None:
    fi = lang == "fi"
    names = municipality_names(history)
    table = Table(
        title=(
            f"Jälkitesti: sovitettu kuukausiin {', '.join(test.fitted)}; keskimääräinen "
            "absoluuttinen prosenttivirhe (MAPE)"
            if fi
            else f"Back-test: fitted on {', '.join(test.fitted)}; mean absolute percentage error"
        ),
        title_justify="left",
    )
    months = sorted({e.month for e in test.errors})
    table.add_column("Kunta" if fi else "Municipality")
    for month in months:
        table.add_column(month, justify="right")
    table.add_column("MAPE", justify="right")

    def pct(x: float) -> str:
        return fmt_number(round(100 * x, 1), lang, 1) + " %"

    for town in (*history.municipalities, "all"):
        label = ("Yhteensä" if fi else "All") if town == "all" else names.get(town, town)
        cells = [
            pct(next(e.ape for e in test.errors if e.month == m and e.municipality == town))
            for m in months
        ]
        table.add_row(label, *cells, pct(test.mape(municipality=town)))
    console.print(table)
    console.print(
        (
            f"Kuntien MAPE yhteensä {pct(test.mape())}; alueen "
            f"{pct(test.mape(municipality='all'))}; "
            f"{pct(test.coverage)} kuntakuukausista osui p5-p95-väliin."
            if fi
            else f"MAPE over municipalities {pct(test.mape())}; the area's "
            f"{pct(test.mape(municipality='all'))}; {pct(test.coverage)} of municipality-months "
            "fell inside the p5-p95 band."
        ),
        highlight=False,
    )


def bill_command(
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    history: Annotated[
        Path | None,
        typer.Option(
            "--history",
            help="Kela's municipal-share CSV (its own layout); without it, the dataset's "
            "municipal_share_months table. / Kelan kuntaosuusdata.",
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--from", help="First month to forecast, YYYY-MM (default: after the file)."),
    ] = None,
    months: Annotated[
        int, typer.Option("--months", min=1, max=36, help="Months to forecast.")
    ] = 12,
    output: Annotated[BillFormat, typer.Option("--format", help="table, json or csv")] = (
        BillFormat.TABLE
    ),
    backtest_months: Annotated[
        int | None,
        typer.Option(
            "--backtest",
            min=1,
            help="Fit on this many first months of the file, forecast the rest, print the error.",
        ),
    ] = None,
    method: Annotated[
        str,
        typer.Option(
            "--method",
            help="level (the fitted months' mean, held) or flows (people crossing into the "
            "next class each month, from the level).",
        ),
    ] = "level",
    level_months: Annotated[
        int, typer.Option("--level-months", min=1, max=24, help="Fitted months in the level.")
    ] = Settings.level_months,
    replications: Annotated[int, typer.Option("--replications", min=100, max=100_000)] = (
        Settings.replications
    ),
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="Random seed of the band.")
    ] = Settings.seed,
    add_places: Annotated[
        str | None,
        typer.Option(
            "--add-places",
            help="A scenario: MEASURE=N more places (pay_subsidy or rehabilitative_work) "
            "for people in --target, from the first forecast month.",
        ),
    ] = None,
    target: Annotated[
        str, typer.Option("--target", help="The class the added places take people from.")
    ] = "301-400",
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Forecast the monthly municipal-share bill. / Kuntaosuuslaskun ennuste."""
    language = resolve_lang(lang)
    first = _month(start)
    scenario = _places(add_places, target)
    with failures(language):
        if history is not None:
            rows = read_history(history)
        else:
            with dataset_folder(dataset) as folder:
                rows = from_region(read_region(folder))
        rules = load_rules()
        if method not in ("level", "flows"):
            raise typer.BadParameter(f"{method!r}: expected level or flows", param_hint="--method")
        settings = Settings(level_months, replications, seed, method=method)
        test = backtest(rows, rules, backtest_months, settings) if backtest_months else None
        if test is not None and first is None:
            result = test.forecast
        else:
            begin = first or next_months(rows.months[-1], 2)[1]
            result = forecast(rows, rules, begin, months, settings)
        change = effect(rows, rules, result, *scenario) if scenario else None
    if output is BillFormat.CSV:
        typer.echo(_csv(result), nl=False)
        if change is not None:
            err_console.print(
                "CSV: the forecast without the scenario; --format json gives its effect."
                if language == "en"
                else "CSV: ennuste ilman skenaariota; --format json antaa sen vaikutuksen.",
                highlight=False,
            )
    elif output is BillFormat.JSON:
        doc = _doc(result, rows, test)
        if change is not None:
            doc["scenario"] = {
                **{k: v for k, v in asdict(change).items() if k != "months"},
                "months": [asdict(m) for m in change.months],
            }
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _table(result, rows, language)
        if test is not None:
            _print_backtest(test, rows, language)
        if change is not None:
            _print_effect(change, language)


def _places(text: str | None, target: str) -> tuple[str, float, str] | None:
    """``MEASURE=N`` and the target class, checked."""
    if text is None:
        return None
    measure, _, count = text.partition("=")
    try:
        places = float(count)
    except ValueError:
        places = -1.0
    if measure not in MEASURES or not math.isfinite(places) or places < 0:
        raise typer.BadParameter(
            f"{text!r}: expected MEASURE=N with MEASURE one of {', '.join(MEASURES)} and N "
            "places, 0 or more",
            param_hint="--add-places",
        )
    if target not in CLASSES:
        raise typer.BadParameter(
            f"{target!r}: expected one of {', '.join(CLASSES)}", param_hint="--target"
        )
    return measure, places, target


def _print_effect(change: Effect, lang: Lang) -> None:
    fi = lang == "fi"
    area = [m for m in change.months if m.municipality == "all"]
    total = sum(m.eur for m in area)
    what = term(change.measure, lang)
    n = fmt_number(change.places, lang, 0)
    if fi:
        console.print(
            f"Skenaario: {n} paikkaa ({what}) luokan {change.target} saajille: lasku muuttuu "
            f"{_eur(total, lang)} € {len(area)} kuukaudessa ({_eur(total / len(area), lang)} € "
            "kuukaudessa).",
            highlight=False,
        )
    else:
        console.print(
            f"Scenario: {n} places ({what}) for recipients in class {change.target}: the bill "
            f"changes by {_eur(total, lang)} EUR over {len(area)} "
            f"{'month' if len(area) == 1 else 'months'} "
            f"({_eur(total / len(area), lang)} EUR a month).",
            highlight=False,
        )
    if change.measure != "pay_subsidy" and total == 0:
        console.print(
            "Etuus jatkuu palvelun aikana, ja vuodesta 2025 kunta maksaa siitäkin osuutensa "
            "(TTL 14:3 a, 385/2023)."
            if fi
            else "The benefit goes on during the service, and from 2025 the municipality pays "
            "its share of it too (TTL 14:3 a, 385/2023).",
            highlight=False,
        )
