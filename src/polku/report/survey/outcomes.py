"""S5: the situation after a measure, and the open-market share's upper bound (S5, S9)."""

from __future__ import annotations

from polku.analysis import Analysis
from polku.consistency.base import rounding
from polku.i18n import Lang, fmt_number

from .. import charts
from ..context import Figure, Table, table
from ..context import pick as _t
from ..context import pick_all as _c
from ..texts import term, text
from .words import listed


def _outcomes_caption(a: Analysis, lang: Lang) -> str:
    """What the chart shows, and which columns of the source miss 100 % (beyond the
    rounding of their printed shares), where any do."""
    off = []
    for col in a.effectiveness.columns:
        shares = [
            round(100.0 * c.share, 6)  # the printed percentage back, without float noise
            for c in a.effectiveness.cells
            if (c.measure, c.producer) == (col.measure, col.producer)
        ]
        total = sum(shares)
        if abs(total - 100.0) > sum(rounding(v) for v in shares) + 1e-9:
            name = f"{term(col.measure, lang)} / {term(col.producer, lang)}"
            off.append(f"{name} ({fmt_number(round(total, 1), lang)} %)")
    caption = text("outcomes_caption", lang)
    if off:
        caption += " " + text("outcomes_not_whole", lang, columns=listed(off, lang))
    return caption


def s5_outcomes(a: Analysis, lang: Lang) -> Figure:
    """S5: where each measure's ended periods led, by producer, as stacked shares."""
    title = _t(lang, "Situation after the measure (S5)", "Tilanne palvelun jälkeen (S5)")
    cols = _c(
        lang,
        ["Measure", "Producer", "Outcome", "Share %", "95 % low", "95 % high"],
        ["Toimenpide", "Tuottaja", "Tilanne", "Osuus %", "95 % alaraja", "95 % yläraja"],
    )
    cells = a.effectiveness.cells
    rows = [
        {
            "column": f"{term(c.measure, lang)} / {term(c.producer, lang)}",
            "outcome": term(c.outcome, lang),
            "share": c.share,
        }
        for c in cells
    ]
    return Figure(
        "f_outcomes",
        title,
        _outcomes_caption(a, lang),
        charts.bars(
            rows,
            title,
            "column",
            "share",
            _t(lang, "Measure / producer", "Toimenpide / tuottaja"),
            _t(lang, "Share of ended periods", "Osuus päättyneistä jaksoista"),
            "outcome",
            stack=True,
            percent=True,
            horizontal=True,
        ),
        table(
            "t_outcomes",
            title,
            cols,
            [
                [
                    term(c.measure, lang),
                    term(c.producer, lang),
                    term(c.outcome, lang),
                    c.share,
                    c.low,
                    c.high,
                ]
                for c in cells
            ],
            lang,
            a.effectiveness.inputs,
            (3, 4, 5),
            1,
        ),
    )


def s5_open_market_bounds(a: Analysis, lang: Lang) -> Table:
    """S5, S9: the open-market share with the unknown outcomes shared out in proportion."""
    cols = _c(
        lang,
        [
            "Measure",
            "Producer",
            "Ended periods",
            "Sum of shares %",
            "Open market %",
            "Unknown %",
            "Upper bound %",
        ],
        [
            "Toimenpide",
            "Tuottaja",
            "Päättyneet jaksot",
            "Osuuksien summa %",
            "Avoimet työmarkkinat %",
            "Tuntematon %",
            "Yläraja %",
        ],
    )
    title = _t(
        lang,
        "To the open market, with the unknown outcomes shared out (S5, S9)",
        "Avoimille työmarkkinoille, tuntemattomat jaettuina samassa suhteessa (S5, S9)",
    )
    return table(
        "t_bounds",
        title,
        cols,
        [
            [
                term(c.measure, lang),
                term(c.producer, lang),
                c.ended_periods,
                c.share_sum,
                c.open_market,
                c.unknown,
                c.open_market_upper_bound,
            ]
            for c in a.effectiveness.columns
        ],
        lang,
        a.effectiveness.inputs,
        (3, 4, 5, 6),
        1,
    )
