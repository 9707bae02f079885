"""Assumptions of the cost-benefit account (polku.simulation.cba)."""

from __future__ import annotations

from .definition import Assumption

CBA: tuple[Assumption, ...] = (
    Assumption(
        "cba.discount_rate_pct",
        3.5,
        "percent",
        "Real discount rate a year of the cost-benefit account: HM Treasury's Green Book "
        "social time preference rate (3.5 % for the first 30 years); Finland sets no one "
        "rate for public appraisals",
        "Kustannus-hyötylaskelman reaalinen diskonttokorko vuodessa: HM Treasuryn Green "
        "Bookin yhteiskunnallinen aikapreferenssikorko (3,5 % ensimmäiset 30 vuotta); "
        "Suomessa julkisille arvioinneille ei ole yhtä korkoa",
        minimum=0,
        maximum=20,
    ),
    Assumption(
        "cba.optimism_bias_pct",
        10.0,
        "percent",
        "Uplift of every added cost in the account for the optimism of appraisals (Green "
        "Book supplementary guidance); Polku's default for a service change, not a "
        "published rate; 0 gives the unadjusted account",
        "Laskelman jokaisen lisäkustannuksen korotus arvioiden optimismin vuoksi (Green "
        "Bookin täydentävä ohje); Polun oletus palvelumuutokselle, ei julkaistu luku; 0 "
        "antaa korjaamattoman laskelman",
        minimum=0,
        maximum=200,
    ),
)
