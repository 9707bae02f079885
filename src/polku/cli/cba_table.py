"""The cost-benefit account of a scenario as ``polku simulate`` prints it.

The English is here, keyed; the other languages are the gettext catalogues (context
``cba:<key>``)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from polku.catalogue import translate
from polku.i18n import Lang, fmt_number

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
    "payback": "Paid back by month (median of the replications that pay back)",
    "paid_share": "Replications paid back within the horizon",
    "never": "not within the horizon",
    "associations": "Associations' income: change (present value)",
    "note": "The baseline is the counterfactual: what it achieves alone is not counted. A "
    "saving is positive, an added cost negative; money moved between payers adds to both "
    "benefits and costs.",
}


def word(key: str, lang: Lang) -> str:
    """The text ``key`` in ``lang``."""
    return translate(lang, f"cba:{key}", WORDS[key])


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
    table.add_row(word("payback", lang), word("never", lang) if month is None else str(month))
    if stochastic:
        share = fmt_number(round(100 * payback["share_paid_back"], 1), lang)
        table.add_row(word("paid_share", lang), f"{share} %")
    table.add_row(word("associations", lang), money(cba["associations_income_pv"]))
    return table
