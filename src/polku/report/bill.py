"""Report section 7: the municipal-share bill, Kela's months and the forecast."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from polku.bill.backtest import Backtest
from polku.bill.forecast import Forecast
from polku.bill.history import History
from polku.i18n import Lang, fmt_number

from . import charts
from .context import Figure, Section, Table, sourced, table
from .context import pick as _t
from .texts import text


@dataclass(frozen=True)
class BillPart:
    """What the bill section shows: the history read, the forecast, a back-test."""

    history: History
    forecast: Forecast
    backtest: Backtest | None = None


def _eur(value: float, lang: Lang) -> str:
    return fmt_number(round(value), lang, 0)


def _source(part: BillPart, lang: Lang) -> str:
    f = part.forecast
    return _t(
        lang,
        f"Kela, municipal share of unemployment benefits by municipality and month "
        f"({part.history.file}, {part.history.months[0]}-{part.history.months[-1]}); "
        f"forecast by Polku, {f.settings.replications} draws (seed {f.settings.seed})",
        f"Kela, työttömyysetuuksien kuntaosuus kunnittain ja kuukausittain "
        f"({part.history.file}, {part.history.months[0]}-{part.history.months[-1]}); "
        f"ennuste Polku, {f.settings.replications} arvontaa (siemen {f.settings.seed})",
    )


def _chart(part: BillPart, lang: Lang, source: str) -> Figure:
    actual = _t(lang, "Kela's bill", "Kelan lasku")
    ahead = _t(lang, "forecast", "ennuste")
    rows: list[dict[str, Any]] = []
    data: list[list[Any]] = []
    months = list(part.history.months)
    for i, month in enumerate(months):
        value = part.history.total(month)
        rows.append({"series": actual, "month": i + 1, "mean": value, "p5": value, "p95": value})
        data.append([actual, month, value, None, None])
    area = [m for m in part.forecast.months if m.municipality == "all"]
    offset = len(months)
    for j, m in enumerate(area):
        rows.append(
            {
                "series": ahead,
                "month": offset + j + 1,
                "mean": m.eur_mean,
                "p5": m.eur_p5,
                "p95": m.eur_p95,
            }
        )
        data.append([ahead, m.month, m.eur_mean, m.eur_p5, m.eur_p95])
    title = _t(lang, "The area's bill by month, EUR", "Alueen lasku kuukausittain, €")
    cols = [
        _t(lang, "Series", "Sarja"),
        _t(lang, "Month", "Kuukausi"),
        _t(lang, "EUR", "€"),
        "p5",
        "p95",
    ]
    first = area[0]
    total = sum(m.eur_mean for m in area)
    reading = _t(
        lang,
        f"Over {len(area)} months from {first.month} the area's bill is forecast at "
        f"{_eur(total, lang)} EUR, {_eur(first.eur_mean, lang)} EUR in {first.month} "
        f"(p5-p95 {_eur(first.eur_p5, lang)} … {_eur(first.eur_p95, lang)}). Months 1-"
        f"{offset} are Kela's bills, then the forecast with its band.",
        f"{len(area)} kuukauden laskun ennuste kuukaudesta {first.month} alkaen on "
        f"{_eur(total, lang)} €, kuukaudelle {first.month} {_eur(first.eur_mean, lang)} € "
        f"(p5-p95 {_eur(first.eur_p5, lang)} … {_eur(first.eur_p95, lang)}). Kuukaudet 1-"
        f"{offset} ovat Kelan laskuja, sitten ennuste vaihteluväleineen.",
    )
    own = sourced(table("t_bill_area", title, cols, data, lang, decimals=0), source)
    spec = charts.band(rows, title, _t(lang, "Month", "Kuukausi"), "€")
    return Figure("f_bill_area", title, reading, spec, own)


def _towns(part: BillPart, lang: Lang, names: dict[str, str], source: str) -> Table:
    months = sorted({m.month for m in part.forecast.months})
    cols = [_t(lang, "Municipality", "Kunta"), *months, _t(lang, "Total", "Yhteensä")]
    raw: list[list[Any]] = []
    for town in (*part.history.municipalities, "all"):
        own = [m for m in part.forecast.months if m.municipality == town]
        label = _t(lang, "All", "Yhteensä") if town == "all" else names.get(town, town)
        raw.append([label, *(m.eur_mean for m in own), sum(m.eur_mean for m in own)])
    caption = _t(
        lang,
        "The bill forecast by municipality and month, EUR (mean)",
        "Laskun ennuste kunnittain ja kuukausittain, € (keskiarvo)",
    )
    return sourced(table("t_bill_towns", caption, cols, raw, lang, decimals=0), source)


def bill_section(part: BillPart, lang: Lang, names: dict[str, str]) -> Section:
    """7: Kela's months, how the forecast is made, the chart and the table."""
    s = Section("s8", text("s8", lang))
    f = part.forecast
    s.paragraphs.append(
        _t(
            lang,
            "Kela bills each municipality monthly, in arrears, the share of the basic "
            "unemployment benefits paid to its residents, by their accumulated benefit days "
            "(docs/bill.md). Each forecast month is priced by the rules in force then "
            f"(yleistuki from May 2026). The level is the mean of {', '.join(f.level)}.",
            "Kela laskuttaa kuukausittain jälkikäteen kultakin kunnalta sen asukkaille "
            "maksettujen työttömyysetuuksien kuntaosuuden kertyneiden etuuspäivien mukaan. "
            "Kukin ennustekuukausi hinnoitellaan silloin voimassa olevin säännöin (yleistuki "
            f"toukokuusta 2026). Taso on kuukausien {', '.join(f.level)} keskiarvo.",
        )
    )
    for t in f.transitional:
        pct = fmt_number(round(100 * t.ratio), lang, 0)
        s.paragraphs.append(
            _t(
                lang,
                f"{t.month} was {pct} % of the months after it: its payments were partly for "
                "days of the month before, which Kela bills under the rules then in force, so "
                "it is left out of the level.",
                f"{t.month} oli {pct} % seuraavien kuukausien keskiarvosta: sen maksut "
                "koskivat osin edellisen kuukauden päiviä, jotka Kela laskuttaa silloisin "
                "säännöin, joten se jätettiin tason ulkopuolelle.",
            )
        )
    test = part.backtest
    if test is not None:
        mape = fmt_number(round(100 * test.mape(), 1), lang, 1)
        area = fmt_number(round(100 * test.mape(municipality="all"), 1), lang, 1)
        s.paragraphs.append(
            _t(
                lang,
                f"Back-test: fitted on {', '.join(test.fitted)} and forecasting the months "
                f"after, the mean absolute percentage error was {mape} % over the "
                f"municipalities and {area} % for the area.",
                f"Jälkitesti: kuukausiin {', '.join(test.fitted)} sovitettuna ja seuraavia "
                f"ennustaen keskimääräinen absoluuttinen prosenttivirhe oli kunnissa {mape} % "
                f"ja alueella {area} %.",
            )
        )
    source = _source(part, lang)
    s.items.append(_chart(part, lang, source))
    s.items.append(_towns(part, lang, names, source))
    return s
