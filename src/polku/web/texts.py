"""Everything the dashboard says, in Finnish and English: ``ui(key, lang)``."""

from __future__ import annotations

from polku.i18n import Lang

UI: dict[str, tuple[str, str]] = {
    # key: (English, Finnish)
    "app": ("Polku: employment services planning", "Polku: työllisyyspalvelujen suunnittelu"),
    "skip": ("Skip to content", "Siirry sisältöön"),
    "nav": ("Main menu", "Päävalikko"),
    "switch": ("Suomeksi", "In English"),
    "switch_label": (
        "Suomeksi: vaihda kieli suomeksi",
        "In English: switch the language to English",
    ),
    "chart_actions": ("Save the chart", "Tallenna kuvio"),
    "overview": ("Overview", "Yleiskuva"),
    "needs": ("Needs and places", "Tarpeet ja paikat"),
    "effectiveness": ("Effectiveness", "Vaikuttavuus"),
    "funding": ("Funding", "Rahoitus"),
    "producers": ("Producers' funding base", "Tuottajien rahoituspohja"),
    "producers_scenario": (
        "Next year also under a saved scenario",
        "Ensi vuosi myös tallennetulla skenaariolla",
    ),
    "stress_cut": (
        "Stress test: cut each income source by, %",
        "Stressitesti: kunkin tulolähteen leikkaus, %",
    ),
    "price": ("Price calculator", "Hintalaskuri"),
    "builder": ("Scenario builder", "Skenaarion rakentaja"),
    "scenarios": ("Saved scenarios", "Tallennetut skenaariot"),
    "compare": ("Compare", "Vertailu"),
    "downloads": ("Downloads", "Lataukset"),
    "upload": ("Upload a dataset", "Lataa aineisto"),
    "bill": ("Municipal-share bill", "Kuntaosuuslasku"),
    "bill_help": (
        "Upload Kela's monthly municipal-share CSV (by municipality, benefit and "
        "accumulated-days class, as Kela publishes it): the page forecasts the months after "
        "it with p5-p95 bands under the rules in force each month, and back-tests the "
        "forecast on the file's first half.",
        "Lataa Kelan kuukausittainen kuntaosuusdata CSV-tiedostona (kunnittain, etuuksittain "
        "ja kertymäluokittain, kuten Kela sen julkaisee): sivu ennustaa seuraavat kuukaudet "
        "p5-p95-vaihteluväleineen kunakin kuukautena voimassa olevin säännöin ja testaa "
        "ennusteen tiedoston alkupuoliskolla.",
    ),
    "bill_file": ("Kela's CSV file", "Kelan CSV-tiedosto"),
    "bill_months": ("Months to forecast", "Ennustettavat kuukaudet"),
    "bill_run": ("Forecast", "Ennusta"),
    "dataset": ("Dataset", "Aineisto"),
    "choose": ("Show", "Näytä"),
    "key_figures": ("Key figures", "Keskeiset luvut"),
    "figure": ("Figure", "Luku"),
    "value": ("Value", "Arvo"),
    "source": ("Source", "Lähde"),
    "estimate": ("estimate", "arvio"),
    "findings": ("Findings of the data check", "Aineiston tarkistuksen havainnot"),
    "no_findings": ("No findings: the data are consistent.", "Ei havaintoja: aineisto on eheä."),
    "sources": ("Sources", "Lähteet"),
    "client_base_narrow": (
        "Client base, narrow definition (persons)",
        "Asiakaspohja, suppea määritelmä (henkilöä)",
    ),
    "client_base_broad": (
        "Client base, broad definition (persons)",
        "Asiakaspohja, laaja määritelmä (henkilöä)",
    ),
    "inflow": ("New unemployed a month (persons)", "Uusia työttömiä kuukaudessa (henkilöä)"),
    "municipal": (
        "Municipal share of labour market subsidy (EUR a year)",
        "Työmarkkinatuen kuntaosuus (euroa vuodessa)",
    ),
    "per_resident": ("Municipal share per resident (EUR)", "Kuntaosuus asukasta kohti (euroa)"),
    "assoc_income": ("Associations' income (EUR a year)", "Järjestöjen tulot (euroa vuodessa)"),
    "per_client": (
        "Associations' income per client (EUR)",
        "Järjestöjen tulot asiakasta kohti (euroa)",
    ),
    "break_even": (
        "Break-even fixed price per client-week (EUR)",
        "Kustannusneutraali kiinteä viikkohinta (euroa)",
    ),
    "table_data": ("The figure's data as a table", "Kuvion tiedot taulukkona"),
    "per_week": ("Fixed price per client-week (EUR)", "Kiinteä hinta asiakasviikolta (euroa)"),
    "per_day": ("Price per activity day (EUR)", "Hinta toimintapäivältä (euroa)"),
    "days": ("Activity days a week", "Toimintapäiviä viikossa"),
    "net_cost_week": (
        "The organiser's net cost per client-week (EUR)",
        "Järjestäjän nettokustannus asiakasviikolta (euroa)",
    ),
    "net_cost_year": (
        "Net cost of one place a year (EUR)",
        "Yhden paikan nettokustannus vuodessa (euroa)",
    ),
    "price_help": (
        "Move the inputs: the net cost and the break-even are computed from the rules in"
        " force and the dataset (S16).",
        "Muuta arvoja: nettokustannus ja kustannusneutraali hinta lasketaan voimassa"
        " olevista säännöistä ja aineistosta (S16).",
    ),
    "cost_neutral": ("cost-neutral or cheaper", "kustannusneutraali tai edullisempi"),
    "costs_more": ("costs the organiser more", "maksaa järjestäjälle enemmän"),
    "places": ("Places to add", "Lisättävät paikat"),
    "m_rehabilitative_work": ("Rehabilitative work activity", "Kuntouttava työtoiminta"),
    "m_pay_subsidy": ("Pay-subsidised work", "Palkkatuettu työ"),
    "m_work_trial": ("Work trial", "Työkokeilu"),
    "m_education": ("Labour market training", "Työvoimakoulutus"),
    "priority": ("Who gets a place first", "Kuka saa paikan ensin"),
    "p_first_come": ("First come, first served", "Jonotusjärjestys"),
    "p_segment": ("By segment", "Segmentin mukaan"),
    "p_benefit_days": ("Longest benefit days first", "Pisimpään tukea saaneet ensin"),
    "cut": (
        "Cut in the associations' pay-subsidy income (%)",
        "Järjestöjen palkkatukitulojen leikkaus (%)",
    ),
    "rules_date": ("Rule set in force on", "Sääntöjen voimassaolopäivä"),
    "rules_now": ("2015-2024 rules", "Vuosien 2015-2024 säännöt"),
    "rules_2025": ("2025 financing rules", "Vuoden 2025 rahoitussäännöt"),
    "mode": ("Mode", "Laskentatapa"),
    "expected": ("Expected (at once)", "Odotusarvo (heti)"),
    "stochastic": ("Stochastic, with bands", "Stokastinen, vaihteluvälein"),
    "replications": ("Replications", "Toistoja"),
    "run": ("Run", "Laske"),
    "running": ("Running", "Lasketaan"),
    "progress": ("Progress of the run", "Laskennan eteneminen"),
    "failed": ("The run failed", "Laskenta epäonnistui"),
    "interrupted": ("The run was interrupted", "Laskenta keskeytyi"),
    "metric": ("Metric", "Mittari"),
    "unit": ("Unit", "Yksikkö"),
    "baseline": ("Baseline", "Perusura"),
    "scenario": ("Scenario", "Skenaario"),
    "difference": ("Difference", "Ero"),
    "band": ("p5-p95", "p5-p95"),
    "save": ("Save", "Tallenna"),
    "name": (
        "Name (letters, digits, spaces, - _ .)",
        "Nimi (kirjaimia, numeroita, välilyöntejä, - _ .)",
    ),
    "description": ("Description", "Kuvaus"),
    "saved": ("Saved.", "Tallennettu."),
    "deleted": ("The scenario was deleted.", "Skenaario poistettiin."),
    "check_fields": (
        "Not run: check the marked fields.",
        "Ei laskettu: tarkista merkityt kentät.",
    ),
    "open": ("Open", "Avaa"),
    "delete": ("Delete", "Poista"),
    "duplicate": ("Duplicate", "Monista"),
    "none_saved": ("No saved scenarios yet.", "Ei vielä tallennettuja skenaarioita."),
    "changes": ("Changes to the baseline", "Muutokset perusuraan"),
    "first": ("First", "Ensimmäinen"),
    "second": ("Second", "Toinen"),
    "results": ("Results", "Tulokset"),
    "download_report": ("Report (HTML)", "Raportti (HTML)"),
    "download_xlsx": ("Workbook (XLSX)", "Työkirja (XLSX)"),
    "with_scenarios": ("With saved scenarios", "Mukaan tallennetut skenaariot"),
    "language": ("Language", "Kieli"),
    "download": ("Download", "Lataa"),
    "file": ("Filled template (.xlsx)", "Täytetty pohja (.xlsx)"),
    "upload_help": (
        "Fill in the Excel template (polku template --out template.xlsx) and upload it;"
        " it is checked like polku import.",
        "Täytä Excel-pohja (polku template --out pohja.xlsx) ja lataa se; se tarkistetaan"
        " kuten polku import.",
    ),
    "uploaded": ("Uploaded and checked", "Ladattu ja tarkistettu"),
    "errors": (
        "The file has errors; nothing was saved",
        "Tiedostossa on virheitä; mitään ei tallennettu",
    ),
    "not_found": ("Not found", "Ei löydy"),
    "problem": ("Problem", "Ongelma"),
    "months": ("months", "kuukautta"),
    "persons": ("persons", "henkilöä"),
    "made": ("Polku {version}", "Polku {version}"),
    "price_all": (
        "Price every place at this price, not only the added ones",
        "Hinnoittele kaikki paikat tällä hinnalla, ei vain lisättyjä",
    ),
    "price_blank": (
        "for the added places unless ticked below; empty: today's price",
        "lisätyille paikoille, ellei alla toisin valita; tyhjä: nykyinen hinta",
    ),
    "compare_button": ("Compare", "Vertaa"),
    "changes_made": ("What the scenario changes", "Mitä skenaario muuttaa"),
    "queued": ("Waiting for an earlier run to finish", "Odottaa aiemman laskennan valmistumista"),
    "level_warning": ("warning", "varoitus"),
    "level_error": ("error", "virhe"),
    "confirm_delete": ("Delete this scenario?", "Poistetaanko skenaario?"),
    "confirm_delete_dataset": ("Delete this dataset?", "Poistetaanko aineisto?"),
    "too_large": (
        "The file is too large (at most 10 MB).",
        "Tiedosto on liian suuri (enintään 10 Mt).",
    ),
    "api_docs": ("API documentation", "Rajapinnan kuvaus"),
    "suppressed": (
        "Counts of fewer persons than the threshold are not shown (..), nor the cells and "
        "shares from which they could be computed; a chart with such a count is not drawn.",
        "Kynnystä pienempiä henkilömääriä ei näytetä (..), eikä soluja ja osuuksia, joista ne "
        "voisi laskea; kaaviota, jossa sellainen luku olisi, ei piirretä.",
    ),  # results as pictures, busy state and progress (charts.py, forms.js)
    "working": ("Working…", "Lasketaan…"),
    "run_started": ("The run has started.", "Laskenta on alkanut."),
    "run_done": ("The run is done: the results are below.", "Laskenta valmistui: tulokset alla."),
    "run_failed_live": ("The run failed.", "Laskenta epäonnistui."),
    "request_failed": (
        "The request failed (the server answered {status}): try again.",
        "Pyyntö epäonnistui (palvelin vastasi {status}): yritä uudelleen.",
    ),
    "replications_done": (
        "{done} of {total} replications (baseline and scenario)",
        "{done} / {total} toistoa (perusura ja skenaario)",
    ),
    "preparing": ("Preparing the model", "Mallia valmistellaan"),
    "month": ("Month", "Kuukausi"),
    "mean": ("Mean", "Keskiarvo"),
    "payer": ("Payer", "Maksaja"),
    "producer": ("Producer", "Tuottaja"),
    "payer_kela": ("Kela", "Kela"),
    "payer_state": ("State", "Valtio"),
    "payer_municipal_share": ("Municipalities", "Kunnat"),
    "payer_organiser": ("Organiser", "Järjestäjä"),
    "results_table": ("Table: every figure of the run", "Taulukko: ajon kaikki luvut"),
    "chart_table": ("Table: the chart's figures", "Taulukko: kuvion luvut"),
    "compare_chart": (
        "Difference in costs by payer, EUR a year",
        "Kustannusten ero maksajittain, € vuodessa",
    ),
    "compare_subtitle": ("Difference = {second} \u2212 {first}", "Ero = {second} \u2212 {first}"),
    "compare_axis": ("Difference, EUR a year", "Ero, € vuodessa"),
    "compare_reads": (
        "A bar to the right: the payer pays more under {second} than under {first}.",
        "Palkki oikealle: maksaja maksaa enemmän vaihtoehdossa {second} kuin {first}.",
    ),
    "whiskers": (
        "The whiskers are p5-p95 of the difference, replication by replication.",
        "Viikset ovat eron p5-p95, toisto toistolta.",
    ),
    "band_reads": (
        "The line is the mean month by month, the shaded band p5-p95.",
        "Viiva on kuukausittainen keskiarvo, varjostettu alue p5-p95.",
    ),
    "line_reads": (
        "The line is the expected value month by month.",
        "Viiva on kuukausittainen odotusarvo.",
    ),
    "deficit_chart": (
        "Probability of a deficit next year, by producer",
        "Alijäämän todennäköisyys ensi vuonna tuottajittain",
    ),
    "deficit_axis": ("Probability of a deficit next year", "Alijäämän todennäköisyys ensi vuonna"),
    "deficit_reads": (
        "The share of {reps} simulated years (seed {seed}) in which the producer's income falls "
        "short of its costs.",
        "Niiden {reps} simuloidun vuoden osuus (siemen {seed}), joina tuottajan tulot jäävät "
        "kuluja pienemmiksi.",
    ),
    "model_run": ("Model run", "Malliajo"),
    "model_expected": ("expected values", "odotusarvot"),
    "model_stochastic": (
        "stochastic, {reps} replications, seed {seed}",
        "stokastinen, {reps} toistoa, siemen {seed}",
    ),
    "model_months": ("{months} months", "{months} kuukautta"),
    "model_rules": ("rules in force: {rules}", "voimassa olevat säännöt: {rules}"),
    "model_dataset": ("dataset {dataset}", "aineisto {dataset}"),
    "model_scenarios": ("{second} against {first}", "{second} verrattuna: {first}"),
}


def ui(key: str, lang: Lang) -> str:
    """The text ``key`` in ``lang``."""
    en, fi = UI[key]
    return fi if lang == "fi" else en


__all__ = ["UI", "ui"]


_EXPECTED: dict[str, tuple[str, str]] = {  # pydantic error type: what was expected
    "less_than_equal": ("at most {le}", "enintään {le}"),
    "less_than": ("less than {lt}", "alle {lt}"),
    "greater_than_equal": ("at least {ge}", "vähintään {ge}"),
    "greater_than": ("more than {gt}", "yli {gt}"),
    "float_parsing": ("a number", "luku"),
    "int_parsing": ("a whole number", "kokonaisluku"),
    "string_pattern_mismatch": ("a value of the right form", "oikeanmuotoinen arvo"),
    "missing": ("a value", "arvo"),
}


def invalid_field(
    field: str, kind: str, context: dict[str, object], found: object, lang: Lang
) -> str:
    """A form field's validation error as a reader says it, in ``lang``."""
    en, fi = _EXPECTED.get(kind, ("a valid value", "kelvollinen arvo"))
    shown = {k: f"{v:g}" if isinstance(v, float) else str(v) for k, v in context.items()}
    expected = (fi if lang == "fi" else en).format(**shown)
    if lang == "fi":
        return f"{field}: odotettiin {expected}, saatiin {found!s}"
    return f"{field}: expected {expected}, found {found!s}"
