"""Assumptions of the simulation: where the survey is silent about flows."""

from __future__ import annotations

from .definition import Assumption


def _a(name: str, default: float | str, unit: str, en: str, fi: str, **kw: object) -> Assumption:
    return Assumption(name, default, unit, en, fi, **kw)  # type: ignore[arg-type]


SIMULATION: tuple[Assumption, ...] = (
    _a(
        "sim.months.pay_subsidy",
        8.0,
        "months",
        "Mean length of a pay-subsidy period (the survey gives starts, not the stock)",
        "Palkkatukijakson keskipituus (selvitys antaa alkaneet, ei kantaa)",
        minimum=1,
        maximum=36,
    ),
    _a(
        "sim.months.work_trial",
        3.0,
        "months",
        "Mean length of a work trial",
        "Työkokeilun keskipituus",
        minimum=1,
        maximum=12,
    ),
    _a(
        "sim.months.education",
        6.0,
        "months",
        "Mean length of an education period",
        "Koulutusjakson keskipituus",
        minimum=1,
        maximum=36,
    ),
    _a(
        "sim.continue_pct.rehabilitative_work",
        80.0,
        "percent",
        "Share of S5's 'in a service or education' outcome of rehabilitative work that is "
        "the next period of the same activity (periods follow each other)",
        "Osuus kuntouttavan työtoiminnan 'palvelussa tai koulutuksessa' -tuloksesta, joka on "
        "saman toiminnan seuraava jakso",
        minimum=0,
        maximum=100,
    ),
    _a(
        "sim.continue_pct.work_trial",
        50.0,
        "percent",
        "Share of S5's 'in a service or education' outcome of work trials that is a next "
        "work trial",
        "Osuus työkokeilun 'palvelussa tai koulutuksessa' -tuloksesta, joka on uusi työkokeilu",
        minimum=0,
        maximum=100,
    ),
    _a(
        "sim.abandon_pct",
        5.0,
        "percent_per_month",
        "Monthly share of those waiting for a place who stop waiting (find work, another "
        "service, move)",
        "Paikkaa odottavista kuukaudessa odottamisen lopettavien osuus",
        minimum=0,
        maximum=100,
    ),
    _a(
        "sim.waiting_list_pct",
        10.0,
        "percent",
        "People the organiser keeps referred and waiting for a measure, as a share of its "
        "places; referrals are made to fill the places that free up and this list",
        "Ohjattuina odottavat henkilöt osuutena toimenpiteen paikoista",
        minimum=0,
        maximum=500,
    ),
    _a(
        "sim.grant_cv_pct",
        10.0,
        "percent",
        "Year-to-year variation (coefficient of variation) of the associations' project and "
        "ad hoc money (employment grants and ESF, state grants, municipal grants), drawn a "
        "year at a time in the stochastic mode; an assumption: the survey gives no spread, "
        "but says such funding is decided a year or a project at a time and that its "
        "uncertainty grew considerably (S12, S13)",
        "Järjestöjen hanke- ja kertarahoituksen (työvoimapoliittinen avustus ja ESR, "
        "valtionavustukset, kuntien avustukset) vaihtelu vuodesta toiseen "
        "(variaatiokerroin), arvotaan vuosittain satunnaistilassa; oletus: selvitys ei anna "
        "vaihtelua, mutta kertoo rahoituksen päätettävän vuosi tai hanke kerrallaan ja "
        "epävarmuuden kasvaneen selvästi (S12, S13)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "sim.sales_cv_pct",
        10.0,
        "percent",
        "Year-to-year variation (coefficient of variation) of the associations' sales and "
        "other income beyond what their pay-subsidised labour explains, drawn a year at a "
        "time in the stochastic mode; an assumption (the survey gives no spread)",
        "Järjestöjen myynnin ja muiden tulojen vaihtelu vuodesta toiseen "
        "(variaatiokerroin) sen lisäksi, mitä palkkatuettu työ selittää, arvotaan "
        "vuosittain satunnaistilassa; oletus (selvitys ei anna vaihtelua)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "sim.compensation_source",
        "municipal_grants",
        "",
        "The associations' funding source (income_mix.csv) that already holds the state "
        "compensation passed on for rehabilitative work on maintenance compensation: the "
        "survey's income mix (S13) has no line of its own for it; 'none' adds it on top",
        "Järjestöjen rahoituslähde (income_mix.csv), johon ylläpitokorvauksella tuotetun "
        "kuntouttavan työtoiminnan valtionkorvaus jo sisältyy: selvityksen tulorakenteessa "
        "(S13) sillä ei ole omaa riviä; 'none' lisää sen erikseen",
        choices=(
            "none",
            "sales",
            "purchased_services",
            "employment_grants",
            "state_grants",
            "municipal_grants",
            "other",
        ),
        kind="choice",
    ),
    _a(
        "sim.priority",
        "first_come",
        "",
        "Who gets a free place first: first_come (longest waiting), segment (yellow, then "
        "green, then red) or benefit_days (most benefit days)",
        "Kuka saa vapautuvan paikan ensin: first_come, segment tai benefit_days",
        choices=("first_come", "segment", "benefit_days"),
        kind="choice",
    ),
    _a(
        "sim.exits.none",
        "open_market:55,education:15,pension_other:5,unknown:25",
        "percent",
        "Where those leaving unemployment before the client base go",
        "Minne ennen asiakasmäärään tuloa työttömyydestä poistuvat menevät",
        kind="shares",
    ),
    _a(
        "sim.exits.green",
        "open_market:55,education:15,pension_other:5,unknown:25",
        "percent",
        "Where green-segment clients leaving unemployment go",
        "Minne vihreän segmentin työttömyydestä poistuvat menevät",
        kind="shares",
    ),
    _a(
        "sim.exits.yellow",
        "open_market:35,education:15,pension_other:15,unknown:35",
        "percent",
        "Where yellow-segment clients leaving unemployment go",
        "Minne keltaisen segmentin työttömyydestä poistuvat menevät",
        kind="shares",
    ),
    _a(
        "sim.exits.red",
        "open_market:10,education:5,pension_other:50,unknown:35",
        "percent",
        "Where red-segment clients leaving unemployment go",
        "Minne punaisen segmentin työttömyydestä poistuvat menevät",
        kind="shares",
    ),
    _a(
        "sim.outcome_uncertainty",
        1.0,
        "flag",
        "1: each stochastic replication draws outcome shares from their Dirichlet posterior "
        "given the S5 period counts; 0: use the printed shares",
        "1: satunnaistoistot arpovat tulososuudet posteriorijakaumasta; 0: painetut osuudet",
        minimum=0,
        maximum=1,
    ),
    _a(
        "sim.burn_in_months",
        240.0,
        "months",
        "Months simulated from empty to reach the steady state that runs start from",
        "Tasapainotilan saavuttamiseen simuloidut kuukaudet",
        minimum=12,
        maximum=1200,
    ),
)
