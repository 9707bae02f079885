"""The cost-benefit account of each scenario in the report: one table, a column a
scenario (:mod:`polku.simulation.cba` computes it).

The English is here, keyed; the other languages are the gettext catalogues (context
``cba:<key>``)."""

from __future__ import annotations

from typing import Any

from polku.catalogue import translate
from polku.i18n import Lang, fmt_number

from .context import Table, sourced

WORDS: dict[str, str] = {  # key: English
    "title": "{name}: cost-benefit account against the baseline, {months} months, "
    "present values at {rate} % a year",
    "item": "item",
    "value": "EUR, present value",
    "state": "State: net saving",
    "municipal_share": "Municipalities (municipal share): net saving",
    "organiser": "Organiser: net saving",
    "public": "Public sector: net present value (optimism bias {bias} % included)",
    "benefits": "Benefits: the savings of the payers who save",
    "costs": "Costs: the added spending of the payers who pay more, with the optimism bias",
    "bias": "of which the optimism bias",
    "bcr": "Benefit-cost ratio",
    "payback": "Paid back by month (median of the replications that pay back, and their share)",
    "never": "not within the horizon",
    "associations": "Associations' income: change (present value)",
    "note": "The baseline is the counterfactual: what it achieves alone is not counted. A "
    "saving is positive, an added cost negative; money moved between payers adds to both "
    "benefits and costs.",
}


def word(key: str, lang: Lang) -> str:
    """The text ``key`` in ``lang``."""
    return translate(lang, f"cba:{key}", WORDS[key])


ROWS = (  # (word, where in the account, decimals)
    ("state", ("npv", "state"), 0),
    ("municipal_share", ("npv", "municipal_share"), 0),
    ("organiser", ("npv", "organiser"), 0),
    ("public", ("npv", "public"), 0),
    ("benefits", ("benefits_pv",), 0),
    ("costs", ("costs_pv",), 0),
    ("bias", ("bias_pv",), 0),
    ("bcr", ("bcr",), 2),
    ("associations", ("associations_income_pv",), 0),
)


def _at(cba: dict[str, Any], path: tuple[str, ...]) -> dict[str, float] | None:
    value: Any = cba
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, dict) else None


def cba_report_table(doc: dict[str, Any], lang: Lang, source: str) -> Table | None:
    """The accounts of every scenario of ``doc`` (``summary.json``); None without one."""
    runs = [(name, e) for name, e in doc["scenarios"].items() if "cba" in e]
    if not runs:
        return None
    stochastic = doc["mode"] == "stochastic"
    first = runs[0][1]["cba"]
    rate, bias = (
        fmt_number(first["discount_rate_pct"], lang),
        fmt_number(first["optimism_bias_pct"], lang),
    )
    titles = [e["title_fi"] if lang == "fi" else e["title"] for _, e in runs]
    rows: list[list[Any]] = []
    raw: list[list[Any]] = []
    for key, path, decimals in ROWS:
        label = word(key, lang).format(bias=bias)
        cells: list[Any] = [label]
        values: list[Any] = [label]
        for _, e in runs:
            bands = _at(e["cba"], path)
            values.append(None if bands is None else bands["mean"])
            if bands is None:
                cells.append("-")
                continue
            text = fmt_number(round(bands["mean"], decimals), lang, decimals)
            if stochastic:
                low = fmt_number(round(bands["p5"], decimals), lang, decimals)
                high = fmt_number(round(bands["p95"], decimals), lang, decimals)
                text += f" ({low} … {high})"
            cells.append(text)
        rows.append(cells)
        raw.append(values)
    paid = [word("payback", lang)]
    for _, e in runs:
        month, share = e["cba"]["payback"]["month_p50"], e["cba"]["payback"]["share_paid_back"]
        said = word("never", lang) if month is None else str(month)
        if stochastic and month is not None:
            said += f" ({fmt_number(round(100 * share, 1), lang)} %)"
        paid.append(said)
    rows.append(paid)
    raw.append(paid)
    caption = word("title", lang).format(name=", ".join(titles), months=first["months"], rate=rate)
    table = Table("t_cba", caption, [word("item", lang), *titles], rows, raw=raw)
    return sourced(table, source)
