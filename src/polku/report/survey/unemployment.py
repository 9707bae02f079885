"""S2-S4: who is unemployed, for how long, and how many benefit days they carry."""

from __future__ import annotations

from typing import Any

from polku.analysis import Analysis
from polku.i18n import Lang, fmt_number
from polku.model.terms import service_line

from .. import charts
from ..context import Figure, table
from ..context import pick as _t
from ..context import pick_all as _c
from ..texts import text
from .words import listed

DAY_CLASSES = ("0-299", "300-499", "500-999", "1000+")


def s3_service_lines(a: Analysis, lang: Lang) -> Figure:
    """S3: unemployed jobseekers by TE service line, in the months the data give."""
    lines = [
        r
        for r in a.service_lines.rows
        if r.area == a.area and r.group == "unemployed" and "+" not in r.service_line
    ]
    periods = sorted({r.period for r in lines})
    rows: list[dict[str, Any]] = [
        {"line": service_line(r.service_line, lang), "period": r.period, "count": r.count}
        for r in sorted(lines, key=lambda r: (r.service_line, r.period))
        if r.service_line != "all"
    ]
    raw = [
        [service_line(r.service_line, lang), r.period, r.count, r.share_pct, r.change_pct]
        for r in lines
    ]
    cols = _c(
        lang,
        ["Service line", "Month", "Unemployed", "Share %", "Change %"],
        ["Palvelulinja", "Kuukausi", "Työttömät", "Osuus %", "Muutos %"],
    )
    title = _t(
        lang,
        "Unemployed jobseekers by service line (S3)",
        "Työttömät työnhakijat palvelulinjoittain (S3)",
    )
    axis = _t(lang, "Unemployed jobseekers, persons", "Työttömät työnhakijat, henkilöä")
    chart = charts.bars(rows, title, "line", "count", cols[0], axis, "period", horizontal=True)
    return Figure(
        "f_lines",
        title,
        text("lines_caption", lang, months=listed([str(p) for p in periods], lang)),
        chart,
        table(
            "t_lines",
            title,
            cols,
            raw,
            lang,
            a.service_lines.inputs,
            decimals=1,
            counts=(2,),
            derived=(3, 4),
            groups=(1,),
        ),
    )


def s2_still_unemployed(a: Analysis, lang: Lang) -> Figure:
    """S2: the share of a month's inflow still unemployed after 1, 3, 6 and 12 months."""
    steps = a.survival.steps
    rows = [{"months": 0, "share": 1.0}]
    rows += [{"months": x.months, "share": x.share} for x in steps]
    title = _t(
        lang,
        "Share of the inflow still unemployed (S2)",
        "Työttömyyteen tulleista yhä työttömänä (S2)",
    )
    cols = _c(
        lang,
        ["Months", "Still unemployed", "Monthly exit hazard", "Persons a month"],
        ["Kuukautta", "Yhä työttömänä", "Poistuma kuukaudessa", "Henkeä kuukaudessa"],
    )
    raw = [[x.months, x.share, x.monthly_hazard, x.persons_per_month] for x in steps]
    axis = _t(lang, "Months since becoming unemployed", "Kuukautta työttömäksi tulosta")
    return Figure(
        "f_survival",
        title,
        text(
            "survival_caption",
            lang,
            inflow=fmt_number(a.survival.inflow_per_month, lang),
            months=listed([str(x.months) for x in steps], lang) or "-",
        ),
        charts.line(rows, title, "months", "share", axis, cols[1], percent=True),
        table("t_survival", title, cols, raw, lang, a.survival.inputs, (1, 2), 2),
    )


def s4_benefit_days(a: Analysis, lang: Lang) -> Figure:
    """S4: labour market subsidy recipients by accumulated benefit days, by area."""
    names = a.region.area_names(lang)
    days = [r for r in a.benefit_days.rows if r.days_class in DAY_CLASSES]
    title = _t(
        lang,
        "Labour market subsidy recipients by benefit days (S4)",
        "Työmarkkinatuen saajat tukipäivien kertymän mukaan (S4)",
    )
    cols = _c(
        lang,
        ["Area", "Benefit days", "Recipients", "Share %"],
        ["Alue", "Tukipäivät", "Saajat", "Osuus %"],
    )
    days_axis = _t(lang, "Accumulated benefit days", "Kertyneet tukipäivät")
    if all(r.share_pct is not None for r in days):
        shares = [
            {"area": names[r.area], "days": r.days_class, "share": (r.share_pct or 0) / 100}
            for r in days
        ]
        axis = _t(lang, "Share of the area's recipients", "Osuus alueen saajista")
        chart = charts.bars(shares, title, "days", "share", days_axis, axis, "area", percent=True)
    else:  # no count of all recipients to divide by: the counts
        counts = [{"area": names[r.area], "days": r.days_class, "n": r.recipients} for r in days]
        axis = _t(lang, "Recipients, persons", "Saajat, henkilöä")
        chart = charts.bars(counts, title, "days", "n", days_axis, axis, "area")
    return Figure(
        "f_days",
        title,
        _t(
            lang,
            "Bars show each area's recipients by accumulated benefit days, as shares.",
            "Pylväät näyttävät alueiden saajien jakauman tukipäivien kertymän mukaan.",
        ),
        chart,
        table(
            "t_days",
            title,
            cols,
            [[names[r.area], r.days_class, r.recipients, r.share_pct] for r in days],
            lang,
            a.benefit_days.inputs,
            decimals=1,
            counts=(2,),
            derived=(3,),
            groups=(0,),
        ),
    )
