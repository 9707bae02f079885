"""The cost-benefit account of a scenario as ``polku simulate`` prints it (its words are
the report's, :mod:`polku.report.cba`)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from polku.i18n import Lang, fmt_number
from polku.report.cba import word


def cba_table(name: str, cba: dict[str, Any], lang: Lang, stochastic: bool) -> Table:
    """A scenario's account (``summary.json``'s ``cba``) as a table."""

    def money(bands: dict[str, float] | None, decimals: int = 0) -> str:
        if bands is None:
            return "-"
        text = fmt_number(round(bands["mean"], decimals), lang, decimals)
        if stochastic:
            low = fmt_number(round(bands["p5"], decimals), lang, decimals)
            high = fmt_number(round(bands["p95"], decimals), lang, decimals)
            text += f" ({low} … {high})"
        return text

    title = word("title", lang).format(
        name=name, months=cba["months"], rate=fmt_number(cba["discount_rate_pct"], lang)
    )
    table = Table(
        title=title, title_justify="left", caption=word("note", lang), caption_justify="left"
    )
    table.add_column(word("item", lang))
    table.add_column(word("value", lang), justify="right")
    for payer in ("state", "municipal_share", "organiser"):
        table.add_row(word(payer, lang), money(cba["npv"][payer]))
    bias = fmt_number(cba["optimism_bias_pct"], lang)
    table.add_row(word("public", lang).format(bias=bias), money(cba["npv"]["public"]), style="bold")
    table.add_row(word("benefits", lang), money(cba["benefits_pv"]))
    table.add_row(word("costs", lang), money(cba["costs_pv"]))
    table.add_row(word("bias", lang), money(cba["bias_pv"]))
    table.add_row(word("bcr", lang), money(cba["bcr"], 2))
    payback = cba["payback"]
    month = payback["month_p50"]
    said = word("never", lang) if month is None else str(month)
    if stochastic and month is not None:
        said += f" ({fmt_number(round(100 * payback['share_paid_back'], 1), lang)} %)"
    table.add_row(word("payback", lang), said)
    table.add_row(word("associations", lang), money(cba["associations_income_pv"]))
    return table
