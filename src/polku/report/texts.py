"""Every text of the report, in Finnish and English."""

from __future__ import annotations

from polku.i18n import Lang
from polku.model.terms import TERMS, term

TEXTS: dict[str, dict[str, str]] = {
    "title": {
        "en": "Employment services and the third sector: {region}",
        "fi": "Työllisyyspalvelut ja kolmas sektori: {region}",
    },
    "made": {
        "en": "Made with Polku {version} on {date} from the dataset {dataset}.",
        "fi": "Tehty Polku {version} -ohjelmalla {date} aineistosta {dataset}.",
    },
    "contents": {"en": "Contents", "fi": "Sisällys"},
    "sheet": {"en": "Sheet", "fi": "Välilehti"},
    "table": {"en": "Table", "fi": "Taulukko"},
    "s0": {"en": "0 Subject and method", "fi": "0 Selvityksen kohde ja toteutus"},
    "s0_text": {
        "en": "This report computes, from the dataset described below, the analyses of a "
        "regional survey of employment services for the hard-to-employ and of the "
        "associations that produce them: client numbers and needs, the effectiveness of "
        "measures, the associations' funding and the cost-neutral price of work activity. "
        "Every figure is computed from the data and the dated rules, and every table and "
        "chart names its sources. Figures marked * rest on estimates or unverified rule "
        "values.",
        "fi": "Tämä raportti laskee alla kuvatusta aineistosta alueellisen selvityksen "
        "analyysit vaikeasti työllistyvien työllisyyspalveluista ja niitä tuottavista "
        "järjestöistä: asiakasmäärät ja palvelutarpeet, toimenpiteiden vaikuttavuuden, "
        "järjestöjen rahoituksen ja työtoiminnan kustannusneutraalin hinnan. Jokainen luku "
        "lasketaan aineistosta ja päivätyistä säännöistä, ja jokainen taulukko ja kaavio "
        "kertoo lähteensä. Tähdellä * merkityt luvut perustuvat arvioihin tai "
        "varmistamattomiin sääntöarvoihin.",
    },
    "outcomes_caption": {
        "en": "Stacked bars: the outcomes of ended periods; the unknown share is its own colour.",
        "fi": "Pinotut pylväät: päättyneiden jaksojen tilanteet; tuntematon on omalla värillään.",
    },
    "outcomes_not_whole": {
        "en": "In the source, the shares of {columns} do not sum to 100 %.",
        "fi": "Lähteessä sarakkeiden {columns} osuudet eivät summaudu 100 %:iin.",
    },
    "lines_caption": {
        "en": "Bars compare each service line's unemployed jobseekers in {months}.",
        "fi": "Pylväät vertaavat palvelulinjojen työttömiä työnhakijoita: {months}.",
    },
    "survival_caption": {
        "en": "Of {inflow} new unemployed a month, the line shows the share still "
        "unemployed after {months} months.",
        "fi": "Viiva näyttää, kuinka suuri osa kuukaudessa työttömiksi tulevista {inflow} "
        "henkilöstä on yhä työttömänä {months} kuukauden jälkeen.",
    },
    "and": {"en": "and", "fi": "ja"},
    "s1": {"en": "1 Client numbers and needs", "fi": "1 Asiakasmäärät ja palvelutarpeet"},
    "s2": {"en": "2 The organiser's view", "fi": "2 Palveluiden järjestäjän näkökulma"},
    "s3": {"en": "3 The third sector's funding", "fi": "3 Kolmannen sektorin rahoitus"},
    "s4": {
        "en": "4 Conclusions: the cost-neutral price",
        "fi": "4 Johtopäätökset: kustannusneutraali hinta",
    },
    "s5": {"en": "5 Scenarios against the baseline", "fi": "5 Skenaariot perusuraan verrattuna"},
    "s7": {
        "en": "6 The associations' funding base",
        "fi": "6 Järjestöjen rahoituspohja",
    },
    "s8": {"en": "7 The municipal-share bill", "fi": "7 Kuntaosuuslasku"},
    "s6": {
        "en": "Appendix: assumptions, rules and findings",
        "fi": "Liite: oletukset, säännöt ja havainnot",
    },
    "not_computed": {
        "en": "Not computed for this dataset: {reason}",
        "fi": "Ei laskettu tälle aineistolle: {reason}",
    },
    "sources": {"en": "Sources", "fi": "Lähteet"},
    "t_sources": {
        "en": "Where the data come from: each source, the tables it fed, and how to check it",
        "fi": "Aineiston lähteet: kukin lähde, sen tiedoilla täytetyt taulut ja tarkistustiedot",
    },
    "src_tables": {"en": "Tables", "fi": "Taulut"},
    "src_address": {"en": "Address", "fi": "Osoite"},
    "src_retrieved": {"en": "Retrieved (UTC)", "fi": "Haettu (UTC)"},
    "src_modified": {"en": "Changed at the source", "fi": "Muutettu lähteessä"},
    "source": {"en": "Source", "fi": "Lähde"},
    "estimate_mark": {"en": "* includes estimates", "fi": "* sisältää arvioita"},
    "data_table": {"en": "The data behind the chart", "fi": "Kaavion tiedot taulukkona"},
    "suppressed": {
        "en": "Counts of fewer than the threshold of persons are not shown (..), nor the cells "
        "and shares from which they could be computed; a chart with such a count is not drawn.",
        "fi": "Kynnystä pienempiä henkilömääriä ei näytetä (..), eikä soluja ja osuuksia, "
        "joista ne voisi laskea; kaaviota, jossa sellainen luku olisi, ei piirretä.",
    },
    "no_scenarios": {
        "en": "No scenarios were given; run polku report --scenario NAME.",
        "fi": "Skenaarioita ei annettu; aja polku report --scenario NIMI.",
    },
    "assumptions": {"en": "Assumptions", "fi": "Oletukset"},
    "rules": {"en": "Rule values used", "fi": "Käytetyt sääntöarvot"},
    "findings": {
        "en": "Consistency findings in the data",
        "fi": "Aineiston johdonmukaisuushavainnot",
    },
    "none": {"en": "None.", "fi": "Ei yhtään."},
    "name": {"en": "Name", "fi": "Nimi"},
    "value": {"en": "Value", "fi": "Arvo"},
    "unit": {"en": "Unit", "fi": "Yksikkö"},
    "note": {"en": "Note", "fi": "Huomautus"},
    "verified": {"en": "Verified", "fi": "Varmistettu"},
    "yes": {"en": "yes", "fi": "kyllä"},
    "no": {"en": "no", "fi": "ei"},
    "level": {"en": "Level", "fi": "Taso"},
    "place": {"en": "Place", "fi": "Paikka"},
    "problem": {"en": "Problem", "fi": "Ongelma"},
    "expected": {"en": "Expected", "fi": "Odotettu"},
    "found": {"en": "Found", "fi": "Havaittu"},
}


def text(key: str, lang: Lang, **params: object) -> str:
    """The text ``key`` in ``lang``, with ``params`` filled in."""
    return TEXTS[key][lang].format(**params)


__all__ = ["TERMS", "TEXTS", "term", "text"]
