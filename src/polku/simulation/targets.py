"""The baseline's money and stocks against the region's reported figures.

The flow calibration (:mod:`polku.simulation.calibrate`) fits stocks and flows; this
module holds the baseline up against the figures a board would check it by:

- the municipal share paid (S11), reached by fitting one parameter, the average paid
  fraction of the full daily rate (:func:`fitted`, named with its value and meaning);
- the organiser's purchases from the third sector (S11);
- the associations' income, in total and by funding source (S13);
- the registered unemployed jobseekers (S3) against the modelled unemployed stock,
  which is defined differently: the lines say what remains and why.

Each line is a :class:`~polku.simulation.calibrate.Check` with a note in both languages
that is computed from the data, never typed in.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from polku.analysis.base import main_area, maybe
from polku.i18n import Lang, fmt_number
from polku.model.region import Region, rows_where
from polku.model.vocabulary import IndicatorKind, JobseekerGroup

from .calibrate import MONTHLY_BINS, Check
from .engine import Trajectory
from .income import SOURCES, income_by_source
from .money import PAYERS, Money, Prices

TOLERANCE = 0.02  # a money line within 2 % of its figure needs no explanation


@dataclass(frozen=True)
class Fitted:
    """A parameter fitted so that the baseline reaches a reported figure."""

    name: str
    value: float
    unit: str
    en: str
    fi: str


def fitted(p: Prices) -> tuple[Fitted, ...]:
    """The money parameters calibrated from reported figures, with what they mean."""
    s4 = p.s4_paid_fraction if p.s4_paid_fraction is not None else p.paid_fraction
    return (
        Fitted(
            "paid_fraction",
            p.paid_fraction,
            "share",
            f"Average paid share of the full daily rate (means-testing, partial benefits, "
            f"time out of benefit), fitted so that the baseline pays the reported municipal "
            f"share; priced on the recipients by benefit-day class alone it is "
            f"{fmt_number(s4, 'en', 3)}, and the fit differs from that as the model's own "
            "stock by class (those waiting for a place included) differs from theirs",
            f"Keskimäärin maksettu osuus täydestä päivärahasta (tarveharkinta, sovitellut "
            f"etuudet, etuudettomat jaksot), sovitettu niin, että perusura maksaa "
            f"ilmoitetun kuntaosuuden; pelkistä etuuspäiväluokista laskettuna se on "
            f"{fmt_number(s4, 'fi', 3)}, ja sovite poikkeaa siitä sen verran kuin mallin "
            "oma kanta luokittain (paikkaa odottavat mukaan lukien) poikkeaa niistä",
        ),
        Fitted(
            "price_per_week",
            p.price_per_week,
            "eur_per_week",
            "Price the organiser pays a week for a client of rehabilitative work: its "
            "purchases from the third sector over the clients on purchase contracts",
            "Järjestäjän viikkohinta kuntouttavan työtoiminnan asiakkaasta: ostot "
            "kolmannelta sektorilta jaettuna ostopalveluasiakkailla",
        ),
        Fitted(
            "other_purchases_per_year",
            p.other_purchases_per_month * 12.0,
            "eur_per_year",
            "The associations' purchased services that others than the organiser buy (the "
            "municipalities' own purchases): their purchased-services income (S13) less the "
            "organiser's purchases (S11); it does not move with the organiser's places",
            "Järjestöjen ostopalvelutulot, jotka tulevat muilta kuin järjestäjältä (kuntien "
            "omat ostot): ostopalvelutulot (S13) vähennettynä järjestäjän ostoilla (S11); "
            "eivät muutu järjestäjän paikkojen mukana",
        ),
        Fitted(
            "pay_subsidy_per_month",
            p.pay_subsidy_per_month,
            "eur_per_month",
            "Pay subsidy the associations receive a month per pay-subsidised worker: their "
            "pay-subsidy income over their share of the pay-subsidy places",
            "Järjestöjen kuukausittainen palkkatuki palkkatuettua kohden: "
            "palkkatukitulot jaettuna niiden osuudella palkkatukipaikoista",
        ),
    )


def _first_year(values: np.ndarray) -> float:
    """[R, T] EUR a month -> the mean over replications of the first year's sum."""
    return float(values[:, :12].sum(axis=1).mean() * 12.0 / min(12, values.shape[1]))


def _money_note(target: str, data: float, model: float) -> tuple[str, str]:
    if data and abs(model / data - 1.0) <= TOLERANCE:
        return "", ""
    if target.startswith("money_income_"):
        return (
            "The associations' income follows their clients and places in the model; this "
            "source depends on places the model calibrates from other figures",
            "Järjestöjen tulot seuraavat mallissa asiakkaita ja paikkoja; tämä lähde "
            "riippuu paikoista, jotka malli kalibroi muista luvuista",
        )
    return "", ""


def money_checks(region: Region, traj: Trajectory, m: Money) -> tuple[Check, ...]:
    """The baseline's first year of money against S11 and S13."""
    area = main_area(region)
    out: list[Check] = []
    paid = maybe(region.indicators, area=area, indicator=IndicatorKind.MUNICIPAL_SHARE_PAID)
    if paid is not None:
        model = _first_year(m.payers[:, :, PAYERS.index("municipal_share")])
        out.append(_check("money_municipal_share_per_year", paid.value, model, "eur_per_year"))
    bought = maybe(region.indicators, area=area, indicator=IndicatorKind.THIRD_SECTOR_PURCHASES)
    income = {s: _first_year(m.income[:, :, i]) for i, s in enumerate(SOURCES)}
    if bought is not None:
        others = m.prices.other_purchases_per_month * 12.0
        out.append(
            _check(
                "money_organiser_purchases_per_year",
                bought.value,
                income["purchased_services"] - others,
                "eur_per_year",
            )
        )
    data = income_by_source(region)
    if data:
        out.append(
            _check(
                "money_income_total_per_year",
                sum(data.values()),
                sum(income.values()),
                "eur_per_year",
            )
        )
        within = m.prices.grants_per_month  # the sources the compensation may sit in
        for source in SOURCES:
            if source == "maintenance_compensation":
                continue
            model = income[source]
            if source in within and _holds_compensation(m.prices, source, data):
                model += income["maintenance_compensation"]
            target = f"money_income_{source}_per_year"
            out.append(_check(target, data.get(source, 0.0), model, "eur_per_year"))
    out = [_noted(c) for c in out]
    stock = _register(region, area, traj)
    if stock is not None:
        out.append(stock)
    return tuple(out)


def _holds_compensation(p: Prices, source: str, data: dict[str, float]) -> bool:
    """True when ``source``'s fixed part was lowered by the compensation it holds."""
    return source in data and p.grants_per_month.get(source, 0.0) * 12.0 < data[source] - 1e-6


def _check(target: str, data: float, model: float, unit: str) -> Check:
    return Check(target, data, model, unit=unit)


def _noted(c: Check) -> Check:
    en, fi = _money_note(c.target, c.data, c.model)
    return Check(c.target, c.data, c.model, unit=c.unit, note=en, note_fi=fi)


def _register(region: Region, area: str, traj: Trajectory) -> Check | None:
    """Registered unemployed jobseekers (S3) against the modelled unemployed stock."""
    rows = sorted(
        (
            r
            for r in rows_where(region.jobseekers, area=area, group=JobseekerGroup.UNEMPLOYED)
            if r.service_line == "all"
        ),
        key=lambda r: r.period,
    )
    if not rows:
        return None
    newest, oldest = rows[-1], rows[0]
    u = traj.u_by_bin[:, 0]  # [R, B] the first month
    early = float(u[:, :MONTHLY_BINS].sum(axis=1).mean())
    model = float(u.sum(axis=1).mean() + traj.queue[:, 0].sum(axis=(1, 2)).mean())

    def note(lang: Lang) -> str:
        n = {
            "early": fmt_number(round(early), lang),
            "later": fmt_number(round(model - early), lang),
            "gap": fmt_number(round(100 * (model / newest.count - 1), 1), lang, 1),
            "old_gap": fmt_number(round(100 * (model / oldest.count - 1), 1), lang, 1),
            "old": fmt_number(oldest.count, lang),
        }
        if lang == "fi":
            text = (
                f"Eri määritelmä, ei sovitettu: mallin työttömiä ovat kaikki työttömyyteen "
                f"tulleet (S2) ensimmäisten {MONTHLY_BINS} kuukautensa ajan ({n['early']}) ja "
                f"vähintään 300 päivää tukea saaneet paikkaa odottavat mukaan lukien (S4, "
                f"{n['later']}); rekisteri laskee työttömät työnhakijat yhtenä päivänä "
                f"({newest.period}), tulovirran jakson jälkeen. Ero on {n['gap']} %"
            )
            older = f"; {oldest.period} lukuun {n['old']} ero on {n['old_gap']} %"
        else:
            text = (
                f"Defined differently, not fitted: the model's unemployed are everyone from "
                f"the inflow to unemployment (S2) in their first {MONTHLY_BINS} months "
                f"({n['early']}) and the recipients with 300 or more benefit days, those "
                f"waiting for a place included (S4, {n['later']}); the register counts "
                f"unemployed jobseekers on one day ({newest.period}), after the period of "
                f"the inflow. The difference is {n['gap']} %"
            )
            older = f"; against {oldest.period}'s {n['old']} it is {n['old_gap']} %"
        return text + (older if oldest is not newest else "")

    return Check(
        "stock_unemployed_registered",
        float(newest.count),
        model,
        unit="persons",
        note=note("en"),
        note_fi=note("fi"),
    )
