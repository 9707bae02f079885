"""Money by payer that reconciles: what is paid out, and who finally bears it.

Kela pays the unemployment benefits and expense allowances, but it does not bear them:
the state does, less the municipal share that Kela bills to the municipalities. The
state also pays the compensation for rehabilitative work (to the organiser, who passes
it on for the places on maintenance compensation) and the pay subsidies; the organiser
bears the price of rehabilitative work less the compensation it keeps, and its own
client guidance. :func:`accounts` gives one :class:`Account` per flow, EUR a year, whose
bearer columns add up to what is paid out, with the rule that sets each split; the
``associations`` column says how much of a flow they receive.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .money import Money

BEARERS = ("state", "municipalities", "organiser")


@dataclass(frozen=True)
class Account:
    """One flow of money, EUR a year (mean over replications and the horizon)."""

    flow: str
    paid_by: str
    paid: float
    state: float
    municipalities: float
    organiser: float
    associations: float  # of which the associations receive
    rule: str  # the rule or calibration that sets the split

    @property
    def borne(self) -> float:
        """The bearers' columns added up: equals ``paid``."""
        return self.state + self.municipalities + self.organiser


def _year(values: np.ndarray) -> float:
    return float(values.mean() * 12.0)


def accounts(m: Money) -> tuple[Account, ...]:
    """The flows of ``m`` with who pays them out and who bears them; the last row is the
    total."""
    f = {k: _year(v) for k, v in m.flows.items()}
    assoc_ps = m.prices.pay_subsidy_shares.get("association", 0.0)
    price = f["price"]  # what the organiser pays for the places
    passed = f["compensation_passed"]  # passed on to maintenance-compensation places
    kept = f["compensation"] - passed  # the compensation the organiser keeps
    rows = (
        Account(
            "benefits",
            "kela",
            f["benefits"],
            f["benefits"] - f["municipal_share"],
            f["municipal_share"],
            0.0,
            0.0,
            "municipal_share.rates",
        ),
        Account(
            "allowances",
            "kela",
            f["allowances"],
            f["allowances"],
            0.0,
            0.0,
            0.0,
            "services.expense_allowance_per_day",
        ),
        Account(
            "pay_subsidies",
            "state",
            f["pay_subsidies"],
            f["pay_subsidies"],
            0.0,
            0.0,
            f["pay_subsidies"] * assoc_ps,
            "pay_subsidy_per_month",
        ),
        Account(
            "rehabilitative_work_price",
            "organiser",
            price,
            kept,
            0.0,
            price - kept,
            f["price_to_associations"],
            "services.rehabilitative_work_state_compensation_per_day",
        ),
        Account(
            "rehabilitative_work_maintenance",
            "organiser",
            passed,
            passed,
            0.0,
            0.0,
            passed,
            "services.rehabilitative_work_state_compensation_per_day",
        ),
        Account(
            "guidance",
            "organiser",
            f["guidance"],
            0.0,
            0.0,
            f["guidance"],
            0.0,
            "pricing.organiser_cost_per_week",
        ),
    )
    total = Account(
        "total",
        "",
        sum(r.paid for r in rows),
        sum(r.state for r in rows),
        sum(r.municipalities for r in rows),
        sum(r.organiser for r in rows),
        sum(r.associations for r in rows),
        "",
    )
    return (*rows, total)


FLOW_LABELS = {
    "benefits": ("Unemployment benefits", "Työttömyysetuudet"),
    "allowances": ("Expense allowances in services", "Kulukorvaukset palveluissa"),
    "pay_subsidies": ("Pay subsidies", "Palkkatuet"),
    "rehabilitative_work_price": (
        "Rehabilitative work: price of the places (own units, municipalities, purchases)",
        "Kuntouttava työtoiminta: paikkojen hinta (omat yksiköt, kunnat, ostopalvelut)",
    ),
    "rehabilitative_work_maintenance": (
        "Rehabilitative work on maintenance compensation (state compensation passed on)",
        "Kuntouttava työtoiminta ylläpitokorvauksella (valtionkorvaus edelleen)",
    ),
    "guidance": (
        "The organiser's client guidance and contract management",
        "Järjestäjän asiakasohjaus ja sopimushallinta",
    ),
    "total": ("Total", "Yhteensä"),
}
RULE_WORDS = {  # rule or calibration behind a split: (English, Finnish), {date} the rules
    "municipal_share.rates": (
        "municipal share by accumulated benefit days, rules in force on {date}",
        "kuntaosuus kertyneiden etuuspäivien mukaan, {date} voimassa olleet säännöt",
    ),
    "services.expense_allowance_per_day": (
        "expense allowance a service day, rules in force on {date}; the state pays it",
        "kulukorvaus palvelupäivältä, {date} voimassa olleet säännöt; valtio maksaa",
    ),
    "pay_subsidy_per_month": (
        "pay subsidy a person-month, calibrated to the associations' pay-subsidy income",
        "palkkatuki henkilökuukaudelta, kalibroitu järjestöjen palkkatukituloihin",
    ),
    "services.rehabilitative_work_state_compensation_per_day": (
        "the state's compensation an activity day, rules in force on {date}",
        "valtionkorvaus toimintapäivältä, {date} voimassa olleet säännöt",
    ),
    "pricing.organiser_cost_per_week": (
        "the organiser's own cost a client-week (assumption)",
        "järjestäjän oma kustannus asiakasviikolta (oletus)",
    ),
    "": ("", ""),
}
PAYER_WORDS = {
    "kela": ("Kela", "Kela"),
    "state": ("the state", "valtio"),
    "organiser": ("the organiser", "järjestäjä"),
    "": ("", ""),
}
