"""Report section 5: the scenarios against the baseline, in words, tables and charts.

Each scenario says what it changes (:func:`polku.simulation.describe.changes_in_words`);
the metrics table gives the baseline, the scenario and the difference with its p5-p95
band from common random numbers; the money table says what is paid out and who bears
it; each chart has a one-sentence reading under it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from polku.i18n import Lang, fmt_number
from polku.model.terms import unit
from polku.simulation.accounts import FLOW_LABELS, PAYER_WORDS, RULE_WORDS, accounts
from polku.simulation.describe import changes_in_words
from polku.simulation.results import series, summary
from polku.simulation.runner import ScenarioRun, Simulation

from . import charts
from .cba import cba_report_table
from .cba import word as cba_word
from .context import Figure, Section, Table, sourced, table
from .context import pick as _t
from .texts import text

SERIES = {  # series: (title en, title fi, the metric its reading quotes)
    "stock.long_term": (
        "Unemployed with 300+ benefit days",
        "Vähintään 300 päivää tukea saaneet työttömät",
        "long_term",
    ),
    "stock.in_rehabilitative_work": (
        "Clients in rehabilitative work",
        "Kuntouttavan työtoiminnan asiakkaat",
        "in_rehabilitative_work",
    ),
    "stock.waiting_rehabilitative_work": (
        "Waiting for rehabilitative work",
        "Kuntouttavaan työtoimintaan odottavat",
        "waiting_rehabilitative_work",
    ),
    "cost.municipal_share": (
        "Municipal share, EUR a month",
        "Kuntaosuus, € kuukaudessa",
        "cost_municipal_share_per_year",
    ),
}
READING = {  # metric: (English noun, Finnish noun in the partitive, money or persons)
    "long_term": ("the unemployed with 300+ benefit days", "vähintään 300 päivää tukea saaneita"),
    "in_rehabilitative_work": (
        "the clients in rehabilitative work",
        "kuntouttavan työtoiminnan asiakkaita",
    ),
    "waiting_rehabilitative_work": (
        "those waiting for rehabilitative work",
        "kuntouttavaan työtoimintaan odottavia",
    ),
    "cost_municipal_share_per_year": (
        "the municipal share (a year, over the horizon)",
        "kuntaosuutta (vuodessa, koko jaksolla)",
    ),
}
METRICS = (
    "long_term",
    "in_rehabilitative_work",
    "wait_rehabilitative_work",
    "exits_open_market_per_year",
    "cost_state_per_year",
    "cost_municipal_share_per_year",
    "cost_organiser_per_year",
    "income_total_per_year",
    "cost_state_next_year",
    "cost_municipal_share_next_year",
    "cost_organiser_next_year",
    "income_total_next_year",
)
DECIMALS = {"months": 1, "share": 2}  # persons and euros are whole


def _title(run: ScenarioRun, lang: Lang) -> str:
    return run.title_fi if lang == "fi" else run.title


def _source(doc: dict[str, Any], sim: Simulation, lang: Lang) -> str:
    """The model run a figure comes from: dataset, scenarios, replications and seed (or
    expected values), months, and the dates whose rules priced the money."""
    dataset = sim.region.name
    names = [_title(run, lang) for run in sim.scenarios]
    compared = _t(lang, "the baseline and ", "perusura ja ") + ", ".join(names)
    dates = sorted({run.money.prices.rules_date for run in sim.runs})
    shown = ", ".join(_date(d, lang) for d in dates)
    rules = _t(lang, f"rules in force on {shown}", f"säännöt {shown} voimassa olleina")
    if doc["mode"] == "stochastic":
        return _t(
            lang,
            f"Polku simulation of the dataset {dataset} ({compared}): {doc['replications']} "
            f"stochastic replications, seed {doc['seed']}, {doc['months']} months, {rules}",
            f"Polku-simulaatio aineistosta {dataset} ({compared}): {doc['replications']} "
            f"satunnaistoistoa, siemenluku {doc['seed']}, {doc['months']} kuukautta, {rules}",
        )
    return _t(
        lang,
        f"Polku simulation of the dataset {dataset} ({compared}): expected values, "
        f"{doc['months']} months, {rules}",
        f"Polku-simulaatio aineistosta {dataset} ({compared}): odotusarvot, "
        f"{doc['months']} kuukautta, {rules}",
    )


def _date(day: dt.date, lang: Lang) -> str:
    return f"{day.day}.{day.month}.{day.year}" if lang == "fi" else day.isoformat()


def _mode(doc: dict[str, Any], lang: Lang) -> str:
    if doc["mode"] == "stochastic":
        return _t(
            lang,
            f"Each scenario and the baseline were simulated {doc['replications']} times "
            f"(seed {doc['seed']}) over {doc['months']} months. A figure is the mean; the "
            "band p5-p95 holds 90 % of the simulated outcomes. A difference is taken run by "
            "run with the same random numbers, so its band shows the scenario's own effect. "
            "Stocks are the average of the last year; money and flows a year the average "
            "over the whole horizon.",
            f"Kukin skenaario ja perusura simuloitiin {doc['replications']} kertaa "
            f"(siemenluku {doc['seed']}) {doc['months']} kuukauden ajalle. Luku on keskiarvo; "
            "vaihteluväli p5-p95 kattaa 90 % simuloiduista tuloksista. Ero lasketaan ajo "
            "kerrallaan samoilla satunnaisluvuilla, joten sen vaihteluväli kuvaa skenaarion "
            "omaa vaikutusta. Kannat ovat viimeisen vuoden keskiarvoja, rahat ja virrat "
            "vuodessa koko jakson keskiarvoja.",
        )
    return _t(
        lang,
        f"Expected values over {doc['months']} months (no bands: run the report with "
        "--mode stochastic for them).",
        f"Odotusarvot {doc['months']} kuukauden ajalle (ei vaihteluvälejä: aja raportti "
        "valinnalla --mode stochastic).",
    )


def _n(value: float, lang: Lang, decimals: int = 0) -> str:
    return fmt_number(round(float(value), decimals), lang, decimals)


def _metrics_table(doc: dict[str, Any], sim: Simulation, lang: Lang, source: str) -> Table:
    stochastic = doc["mode"] == "stochastic"
    cols = [
        _t(lang, "Metric", "Mittari"),
        _t(lang, "Unit", "Yksikkö"),
        _t(lang, "Baseline", "Perusura"),
    ]
    for run in sim.scenarios:
        cols += [_title(run, lang), _t(lang, "difference", "ero")]
        if stochastic:
            cols += [_t(lang, "difference p5", "ero p5"), _t(lang, "difference p95", "ero p95")]
    raw: list[list[Any]] = []
    for m in METRICS:
        meta = doc["metrics"][m]
        places = DECIMALS.get(meta["unit"], 0)
        base = doc["scenarios"]["baseline"]["metrics"][m]["mean"]
        label = meta["description_fi" if lang == "fi" else "description"]
        row: list[Any] = [label, unit(meta["unit"], lang), round(base, places)]
        for run in sim.scenarios:
            entry = doc["scenarios"][run.name]
            diff = entry["difference"][m]
            row += [round(entry["metrics"][m]["mean"], places), round(diff["mean"], places)]
            if stochastic:
                row += [round(diff["p5"], places), round(diff["p95"], places)]
        raw.append(row)
    caption = _t(lang, "Scenarios against the baseline", "Skenaariot perusuraan verrattuna")
    own = table("t_scenarios", caption, cols, raw, lang)
    own.rows = [
        [r[0], r[1], *(_n(v, lang, DECIMALS.get(doc["metrics"][m]["unit"], 0)) for v in r[2:])]
        for m, r in zip(METRICS, raw, strict=True)
    ]
    return sourced(own, source)


def _zero_bands(doc: dict[str, Any], lang: Lang) -> str:
    """Say why a stochastic band has no width, naming the metrics it concerns."""
    if doc["mode"] != "stochastic":
        return ""

    def flat(m: str) -> bool:
        diffs = [e["difference"][m] for n, e in doc["scenarios"].items() if n != "baseline"]
        return any(d["p5"] == d["p95"] and d["p5"] != 0 for d in diffs)

    key = "description_fi" if lang == "fi" else "description"
    names = "; ".join(doc["metrics"][m][key] for m in METRICS if flat(m))
    if not names:
        return ""
    return _t(
        lang,
        f"A difference whose band has no width ({names}) does not depend on chance: it "
        "follows the places, which are full in every simulated run.",
        f"Ero, jonka vaihteluväli on nolla ({names}), ei riipu sattumasta: se seuraa "
        "paikkoja, jotka ovat täynnä jokaisessa simuloidussa ajossa.",
    )


def _accounts_table(run: ScenarioRun, lang: Lang, source: str, id: str, caption: str) -> Table:
    cols = [
        _t(lang, "Flow", "Rahavirta"),
        _t(lang, "Paid out by", "Maksaja"),
        _t(lang, "Paid out, EUR a year", "Maksettu, € vuodessa"),
        _t(lang, "Borne by the state", "Valtion osuus"),
        _t(lang, "Borne by the municipalities", "Kuntien osuus"),
        _t(lang, "Borne by the organiser", "Järjestäjän osuus"),
        _t(lang, "Of which to the associations", "Tästä järjestöille"),
        _t(lang, "Split set by", "Jaon peruste"),
    ]
    i = 1 if lang == "fi" else 0
    when = run.money.prices.rules_date
    date = f"{when.day}.{when.month}.{when.year}" if lang == "fi" else when.isoformat()
    raw = [
        [
            FLOW_LABELS[a.flow][i],
            PAYER_WORDS[a.paid_by][i],
            round(a.paid),
            round(a.state),
            round(a.municipalities),
            round(a.organiser),
            round(a.associations),
            RULE_WORDS[a.rule][i].format(date=date),
        ]
        for a in accounts(run.money)
    ]
    return sourced(table(id, caption, cols, raw, lang, decimals=0), source)


def _reading(doc: dict[str, Any], run: ScenarioRun, metric: str, lang: Lang) -> str:
    """One sentence: what the scenario does to the metric, with its band, and whether the
    band says the scenario clearly differs from the baseline."""
    meta = doc["metrics"][metric]
    places = DECIMALS.get(meta["unit"], 0)
    diff = doc["scenarios"][run.name]["difference"][metric]
    money = meta["unit"].startswith("eur")
    noun = READING[metric][1 if lang == "fi" else 0]
    size = _n(abs(diff["mean"]), lang, places)
    down = diff["mean"] < 0
    stochastic = doc["mode"] == "stochastic"
    clear = not stochastic or diff["p5"] > 0 or diff["p95"] < 0
    band = f"{_n(diff['p5'], lang, places)} … {_n(diff['p95'], lang, places)}"
    if lang == "fi":
        verb = (
            ("pienentää" if down else "kasvattaa") if money else ("vähentää" if down else "lisää")
        )
        how = f"{size} eurolla" if money else f"{size} henkilöllä"
        banded = (
            f" (ero p5-p95 {band}" + ("" if clear else "; ei selvästi perusurasta poikkeava") + ")"
        )
        return f"{_title(run, lang)} {verb} {noun} {how}{banded if stochastic else ''}."
    verb = "lowers" if down else "raises"
    how = f"{size} EUR" if money else f"{size} persons"
    banded = (
        f" (difference p5-p95 {band}"
        + ("" if clear else "; not clearly different from the baseline")
        + ")"
    )
    return f"{_title(run, lang)} {verb} {noun} by {how}{banded if stochastic else ''}."


def _chart(sim: Simulation, doc: dict[str, Any], name: str, lang: Lang, source: str) -> Figure:
    title_en, title_fi, metric = SERIES[name]
    rows, data = [], []
    for run in sim.runs:
        values = series(run)[name]
        label = _t(lang, "Baseline", "Perusura") if run is sim.baseline else _title(run, lang)
        mean = values.mean(axis=0)
        lo, hi = np.percentile(values, 5, axis=0), np.percentile(values, 95, axis=0)
        for month in range(values.shape[1]):
            rows.append(
                {
                    "series": label,
                    "month": month + 1,
                    "mean": round(float(mean[month])),
                    "p5": round(float(lo[month])),
                    "p95": round(float(hi[month])),
                }
            )
            if (month + 1) % 12 == 0:
                data.append([label, month + 1, mean[month], lo[month], hi[month]])
    title = _t(lang, title_en, title_fi)
    words_unit = unit("eur_per_month" if name.startswith("cost.") else "persons", lang)
    cols = [
        _t(lang, "Scenario", "Skenaario"),
        _t(lang, "Month", "Kuukausi"),
        _t(lang, "Mean", "Keskiarvo"),
        "p5",
        "p95",
    ]
    readings = [_reading(doc, run, metric, lang) for run in sim.scenarios]
    stochastic = doc["mode"] == "stochastic"
    shows = (
        _t(
            lang,
            "The line is the mean month by month, the shaded band p5-p95.",
            "Viiva on kuukausittainen keskiarvo, varjostettu alue p5-p95.",
        )
        if stochastic
        else _t(
            lang,
            "The line is the expected value month by month.",
            "Viiva on kuukausittainen odotusarvo.",
        )
    )
    if not stochastic:  # no band to show: the table holds the means alone
        cols, data = cols[:3], [r[:3] for r in data]
    flat = name.replace(".", "_")
    own = sourced(table(f"t_{flat}", title, cols, data, lang, decimals=0), source)
    spec = charts.band(rows, title, cols[1], words_unit, bands=stochastic)
    return Figure(f"f_{flat}", title, " ".join([*readings, shows]), spec, own)


def scenarios(sim: Simulation | None, lang: Lang) -> Section:
    """5: what each scenario changes, its metrics and money against the baseline, and
    its monthly series with bands."""
    s = Section("s5", text("s5", lang))
    if sim is None or not sim.scenarios:
        s.paragraphs.append(text("no_scenarios", lang))
        return s
    doc = summary(sim)
    source = _source(doc, sim, lang)
    s.paragraphs.append(_mode(doc, lang))
    base_net, base_prices = sim.calibration.network, sim.baseline.money.prices
    for run in sim.scenarios:
        if run.scenario is None:
            continue
        changes = changes_in_words(run.scenario, base_net, base_prices, lang)
        head = _t(lang, f"{run.title} changes: ", f"{run.title_fi} muuttaa: ")
        s.paragraphs.append(head + "; ".join(changes) + ".")
    s.items.append(_metrics_table(doc, sim, lang, source))
    flat = _zero_bands(doc, lang)
    if flat:
        s.paragraphs.append(flat)
    s.items.append(
        _accounts_table(
            sim.baseline,
            lang,
            source,
            "t_accounts",
            _t(
                lang,
                "Baseline: what is paid out and who bears it, EUR a year",
                "Perusura: mitä maksetaan ja kuka sen kantaa, € vuodessa",
            ),
        )
    )
    for k, run in enumerate(sim.scenarios):
        s.items.append(
            _accounts_table(
                run,
                lang,
                source,
                f"t_accounts_{k + 1}",
                _t(
                    lang,
                    f"{run.title}: what is paid out and who bears it, EUR a year",
                    f"{run.title_fi}: mitä maksetaan ja kuka sen kantaa, € vuodessa",
                ),
            )
        )
    account = cba_report_table(doc, lang, source)
    if account is not None:
        s.items.append(account)
        s.paragraphs.append(cba_word("note", lang))
    for name in SERIES:
        s.items.append(_chart(sim, doc, name, lang, source))
    return s
