"""What a scenario changes, in words a planner reads: :func:`changes_in_words`.

Each change of a scenario becomes one sentence in Finnish or English, with the
baseline's own value beside the new one where the baseline has one (the price of the
existing places, the places today), so a result always says what it changed and what
it left alone.
"""

from __future__ import annotations

from polku.i18n import Lang, fmt_number
from polku.model.terms import term

from .money import Prices
from .network import Network
from .scenario import Scenario


def _n(value: float, lang: Lang, decimals: int = 0) -> str:
    return fmt_number(round(float(value), decimals), lang, decimals)


def _places(ch: dict[str, object], net: Network, lang: Lang, start: int) -> list[str]:
    out = []
    places = ch.get("places", {})
    assert isinstance(places, dict)
    for name, spec in places.items():
        if name not in [m.name for m in net.measures]:
            continue
        old = float(net.measures[net.measure_index(name)].places[0])
        month = int(spec.get("from_month", start)) + 1
        what = term(name, lang).capitalize()
        if "add" in spec:
            sign = "+" if spec["add"] >= 0 else ""
            out.append(
                f"{what}: {sign}{_n(spec['add'], lang)} paikkaa kuukaudesta {month} alkaen "
                f"(nyt {_n(old, lang)})"
                if lang == "fi"
                else f"{what}: {sign}{_n(spec['add'], lang)} places from month {month} "
                f"(now {_n(old, lang)})"
            )
        else:
            out.append(
                f"{what}: {_n(spec['set'], lang)} paikkaa kuukaudesta {month} alkaen "
                f"(nyt {_n(old, lang)})"
                if lang == "fi"
                else f"{what}: {_n(spec['set'], lang)} places from month {month} "
                f"(now {_n(old, lang)})"
            )
    return out


def _price(price: dict[str, object], p: Prices, lang: Lang) -> list[str]:
    if not price:
        return []
    week = price.get("per_week", p.price_per_week)
    day = price.get("per_day", p.price_per_day)
    assert isinstance(week, int | float)
    assert isinstance(day, int | float)
    old = p.price_per_month() / p.weeks_per_month
    every = price.get("applies_to") == "all_places"
    if lang == "fi":
        whom = "kaikille paikoille" if every else "vain lisätyille paikoille"
        keep = "" if every else f"; nykyiset paikat pitävät hintansa {_n(old, lang, 2)} €/viikko"
        per_day = f" + {_n(day, lang, 2)} € toimintapäivältä" if day else ""
        return [
            f"Kuntouttavan työtoiminnan hinta {_n(week, lang, 2)} € viikossa{per_day} {whom}{keep}"
        ]
    whom = "every place" if every else "the added places only"
    keep = "" if every else f"; the existing places keep their {_n(old, lang, 2)} EUR a week"
    per_day = f" + {_n(day, lang, 2)} EUR an activity day" if day else ""
    return [
        f"Price of rehabilitative work {_n(week, lang, 2)} EUR a week{per_day} for {whom}{keep}"
    ]


def changes_in_words(scenario: Scenario, net: Network, p: Prices, lang: Lang) -> list[str]:
    """One sentence per change of ``scenario``, against the baseline ``net`` and ``p``."""
    ch = scenario.changes
    start = int(ch.get("from_month", 0))
    fi = lang == "fi"
    out = _places(ch, net, lang, start)
    out += _price(ch.get("price", {}), p, lang)
    for source, pct in ch.get("funding_cut", {}).items():
        out.append(
            f"Järjestöjen tulot, {term(source, lang)}: -{_n(pct, lang)} % kuukaudesta "
            f"{start + 1} alkaen"
            if fi
            else f"Associations' income from {term(source, lang)}: -{_n(pct, lang)} % from "
            f"month {start + 1}"
        )
    if ch.get("market_path"):
        out.append(
            "Markkinaehtoinen polku: erilliset avustukset päättyvät (S17)"
            if fi
            else "Market path: the separate grants end (S17)"
        )
    if "inflow_factor" in ch:
        out.append(
            f"Työttömyyteen tulevat x {_n(ch['inflow_factor'], lang, 2)}"
            if fi
            else f"Inflow to unemployment x {_n(ch['inflow_factor'], lang, 2)}"
        )
    if "segment_shares" in ch:
        shares = ", ".join(
            f"{term(k, lang)} {_n(v, lang)} %" for k, v in ch["segment_shares"].items()
        )
        out.append(f"Segmentit: {shares}" if fi else f"Segments: {shares}")
    if "priority" in ch:
        out.append(
            f"Etusijajärjestys: {ch['priority']}" if fi else f"Priority rule: {ch['priority']}"
        )
    for name in ch.get("outcomes", {}):
        out.append(
            f"Tulokset muutettu: {term(name, lang)}"
            if fi
            else f"Outcomes changed: {term(name, lang)}"
        )
    if "rules_date" in ch:
        when = ch["rules_date"]
        day = f"{when.day}.{when.month}.{when.year}" if fi else when.isoformat()
        rate = _n(p.daily_rate, lang, 2)
        out.append(
            f"Rahoitusosuudet {day} voimassa olevin säännöin; päiväraha pysyy perusuran "
            f"{rate} eurossa, joten vain maksajien osuudet muuttuvat"
            if fi
            else f"Financing shares under the rules in force on {day}; the daily rate stays "
            f"at the baseline's {rate} EUR, so only who pays changes"
        )
    for name, value in ch.get("assumptions", {}).items():
        out.append(f"{name} = {value}")
    starts = [start] + [int(s.get("from_month", start)) for s in ch.get("places", {}).values()]
    if max(starts) >= net.months:
        out.append(
            f"Muutos alkaa kuukaudesta {max(starts) + 1}, laskentajakson ({net.months} kk) "
            "jälkeen: tällä jaksolla sillä ei ole vaikutusta"
            if fi
            else f"The change begins in month {max(starts) + 1}, after the horizon of "
            f"{net.months} months: it has no effect within it"
        )
    return out
