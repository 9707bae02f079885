"""Assumptions of the producers' finances (S13-S19): where the survey gives no figure."""

from __future__ import annotations

from .definition import Assumption


def _a(
    name: str, default: float | str | None, unit: str, en: str, fi: str, **kw: object
) -> Assumption:
    return Assumption(name, default, unit, en, fi, **kw)  # type: ignore[arg-type]


PRODUCERS: tuple[Assumption, ...] = (
    _a(
        "producers.cost_pct_of_income",
        100.0,
        "percent",
        "A producer's yearly costs as a share of its income, used only when the data give "
        "neither cost items nor a cost per client (a non-profit association breaks even)",
        "Tuottajan vuosikulut osuutena tuloista, kun aineistossa ei ole kuluja eikä "
        "asiakaskohtaista kustannusta (yleishyödyllinen yhdistys toimii nollatuloksella)",
        minimum=0,
        maximum=200,
    ),
    _a(
        "producers.variable_cost_pct",
        100.0,
        "percent",
        "Share of a euro more (or less) of the income that follows clients and places "
        "(purchased services, pay subsidies, sales) that a producer spends on those clients "
        "next year, where the data give cost items or no costs (100: places are priced at "
        "what they cost the producer; costs given per client always follow in full)",
        "Osuus asiakkaiden ja paikkojen mukana muuttuvan tulon (ostopalvelut, palkkatuet, "
        "myynti) lisäeurosta, jonka tuottaja käyttää ensi vuonna näihin asiakkaisiin, kun "
        "aineisto antaa kuluerät tai ei kuluja (100: paikat hinnoitellaan kustannuksiinsa; "
        "asiakaskohtaiset kulut seuraavat aina kokonaan)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "producers.cost_adjustment_pct",
        0.0,
        "percent",
        "Share of lost income that a producer can save in costs within the same year "
        "(staff and premises are committed; S14: weak capacity for risk)",
        "Osuus menetetyistä tuloista, jonka tuottaja ehtii säästää kuluista samana vuonna",
        minimum=0,
        maximum=100,
    ),
    _a(
        "producers.pooled_overhead_saving_pct",
        10.0,
        "percent",
        "Share of the staff and premises costs saved when producers organise jointly (S18 "
        "recommends a joint organisation; the survey gives no figure)",
        "Yhteisen organisaation säästö henkilöstö- ja tilakuluista (S18; ei lukua)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "producers.result_share_pct",
        10.0,
        "percent",
        "Share of the per-client price withheld and paid back as a result-based bonus "
        "(S14, S16: some associations want result-based incentives; no figure given)",
        "Osuus asiakashinnasta, joka maksetaan tulospalkkiona (S14, S16; ei lukua)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "producers.wellbeing_gain_pct",
        50.0,
        "percent",
        "Share of ended work-activity periods with a measured wellbeing gain (S16 asks for "
        "new wellbeing measures; none exist in the data)",
        "Osuus päättyneistä työtoimintajaksoista, joissa hyvinvointi mitatusti paranee "
        "(S16; ei mittaria aineistossa)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "producers.voucher_market_share_pct",
        None,
        "percent",
        "Share of voucher clients who choose the producer; default: its share of the "
        "service's clients in the data (S10)",
        "Palvelusetelin käyttäjistä tuottajan valitsevien osuus; oletus: sen osuus "
        "palvelun asiakkaista aineistossa (S10)",
        minimum=0,
        maximum=100,
    ),
    _a(
        "producers.max_income_cv_pct",
        10.0,
        "percent",
        "Largest year-to-year variation (coefficient of variation) of income a small "
        "producer can carry; sets the client count below which per-client pricing is too "
        "volatile (S19)",
        "Suurin tulojen vaihtelu (variaatiokerroin), jonka pieni tuottaja kestää; "
        "määrää asiakasmäärän, jota pienemmillä asiakashinnoittelu on liian epävakaa (S19)",
        minimum=1,
        maximum=100,
    ),
    _a(
        "producers.market_sales_change_pct",
        0.0,
        "percent",
        "Change of sales income when a producer moves to market-based services (S17; the "
        "survey gives no figure)",
        "Myyntitulojen muutos, kun tuottaja siirtyy markkinaehtoisiin palveluihin (S17)",
        minimum=-100,
        maximum=1000,
    ),
    _a(
        "producers.replications",
        500.0,
        "replications",
        "Stochastic replications of next year behind the producers' income spread",
        "Satunnaistoistot, joista tuottajien tulojen vaihtelu lasketaan",
        minimum=20,
        maximum=10000,
    ),
)
