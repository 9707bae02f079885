"""The message catalogue: every text a finding shows, in English and Finnish.

Each entry has ``what`` (what is wrong) and ``expected`` (what was expected), each a
``str.format`` template per language. Keys are stable codes, also printed in JSON.
"""

from __future__ import annotations

from polku.messages_bill import BILL
from polku.messages_data import DATA
from polku.messages_files import FILES

Entry = dict[str, dict[str, str]]


def _m(what_en: str, what_fi: str, exp_en: str, exp_fi: str) -> Entry:
    return {"what": {"en": what_en, "fi": what_fi}, "expected": {"en": exp_en, "fi": exp_fi}}


LABELS: dict[str, dict[str, str]] = {
    "row": {"en": "row", "fi": "rivi"},
    "column": {"en": "column", "fi": "sarake"},
    "expected": {"en": "expected", "fi": "odotettu"},
    "found": {"en": "found", "fi": "havaittu"},
    "level": {"en": "level", "fi": "taso"},
    "table": {"en": "table", "fi": "taulu"},
    "what": {"en": "problem", "fi": "ongelma"},
    "error": {"en": "error", "fi": "virhe"},
    "warning": {"en": "warning", "fi": "varoitus"},
    "place": {"en": "place", "fi": "paikka"},
}

CATALOGUE: dict[str, Entry] = {
    # --- the dataset cannot be read at all ---
    "folder_missing": _m(
        "dataset folder not found",
        "aineistokansiota ei löydy",
        "an existing folder holding datapackage.yaml",
        "olemassa oleva kansio, jossa on datapackage.yaml",
    ),
    "descriptor_missing": _m(
        "datapackage.yaml not found",
        "datapackage.yaml-tiedostoa ei löydy",
        "a datapackage.yaml file in the dataset folder (polku export --out DIR writes a "
        "complete dataset to start from)",
        "datapackage.yaml-tiedosto aineistokansiossa (polku export --out KANSIO kirjoittaa "
        "valmiin aineiston pohjaksi)",
    ),
    "descriptor_malformed": _m(
        "datapackage.yaml is not valid YAML: {detail}",
        "datapackage.yaml ei ole kelvollista YAMLia: {detail}",
        "well-formed YAML",
        "kelvollinen YAML",
    ),
    "descriptor_duplicate_key": _m(
        "key {key} appears twice in datapackage.yaml",
        "avain {key} esiintyy datapackage.yaml-tiedostossa kahdesti",
        "each key once in a mapping",
        "kukin avain kerran",
    ),
    "descriptor_not_mapping": _m(
        "datapackage.yaml does not hold a mapping of keys",
        "datapackage.yaml ei sisällä avain-arvo-rakennetta",
        "a mapping with name, resources and so on",
        "avain-arvo-rakenne (name, resources jne.)",
    ),
    # --- the descriptor is readable but incomplete or wrong ---
    "descriptor_key_missing": _m(
        "{key} is missing from datapackage.yaml",
        "{key} puuttuu datapackage.yaml-tiedostosta",
        "{key}: {kind}",
        "{key}: {kind}",
    ),
    "descriptor_key_type": _m(
        "{key} in datapackage.yaml has the wrong type",
        "datapackage.yaml-tiedoston {key} on väärää tyyppiä",
        "{kind}",
        "{kind}",
    ),
    "resource_missing": _m(
        "table {table} is not listed in datapackage.yaml",
        "taulua {table} ei ole lueteltu datapackage.yaml-tiedostossa",
        "a resource named {table}",
        "resurssi nimeltä {table}",
    ),
    "resource_unknown": _m(
        "table {table} is not a Polku table and is not read",
        "taulu {table} ei ole Polun taulu, eikä sitä lueta",
        "one of: {names}",
        "jokin näistä: {names}",
    ),
    "resource_duplicate": _m(
        "table {table} is listed twice in datapackage.yaml",
        "taulu {table} on lueteltu datapackage.yaml-tiedostossa kahdesti",
        "each table once",
        "kukin taulu kerran",
    ),
    "schema_field_missing": _m(
        "the schema of {table} does not declare column {column}",
        "taulun {table} skeemasta puuttuu sarake {column}",
        "a field {column} of type {type}",
        "kenttä {column}, tyyppiä {type}",
    ),
    "schema_field_unknown": _m(
        "the schema of {table} declares an unknown column {column}",
        "taulun {table} skeema määrittelee tuntemattoman sarakkeen {column}",
        "only the columns: {columns}",
        "vain sarakkeet: {columns}",
    ),
    "schema_field_type": _m(
        "column {column} of {table} has the wrong type in the schema",
        "taulun {table} sarakkeella {column} on skeemassa väärä tyyppi",
        "type {type}",
        "tyyppi {type}",
    ),
    # --- files ---
    "file_missing": _m(
        "file not found",
        "tiedostoa ei löydy",
        "the file {path} named in datapackage.yaml",
        "datapackage.yaml-tiedostossa nimetty tiedosto {path}",
    ),
    "scenario_missing": _m(
        "scenario file not found",
        "skenaariotiedostoa ei löydy",
        "a scenario YAML file, or one of the shipped scenarios: {examples}",
        "skenaarion YAML-tiedosto tai jokin mukana tulevista: {examples}",
    ),
    "scenario_yaml": _m(
        "the scenario file is not valid YAML: {detail}",
        "skenaariotiedosto ei ole kelvollista YAMLia: {detail}",
        "well-formed YAML",
        "kelvollinen YAML",
    ),
    "file_empty": _m(
        "file is empty",
        "tiedosto on tyhjä",
        "a header row of column names",
        "otsikkorivi sarakkeiden nimineen",
    ),
    "encoding": _m(
        "file is not UTF-8 text (byte {offset})",
        "tiedosto ei ole UTF-8-tekstiä (tavu {offset})",
        "UTF-8 encoded text (in Excel: Save as CSV UTF-8)",
        "UTF-8-merkistö (Excelissä: Tallenna nimellä → CSV UTF-8 (pilkuin erotettu))",
    ),
    "delimiter": _m(
        "columns are separated by tabs",
        "sarakkeet on erotettu sarkaimilla",
        "commas between columns (comma-separated values)",
        "pilkut sarakkeiden välissä (CSV)",
    ),
    "csv_syntax": _m(
        "the CSV text cannot be parsed: {detail}",
        "CSV-tekstiä ei voi jäsentää: {detail}",
        "valid CSV",
        "kelvollinen CSV",
    ),
    "column_missing": _m(
        "column {column} is missing from the header",
        "sarake {column} puuttuu otsikkoriviltä",
        "the columns: {columns}",
        "sarakkeet: {columns}",
    ),
    "column_unknown": _m(
        "unexpected column {column}",
        "odottamaton sarake {column}",
        "only the columns: {columns}",
        "vain sarakkeet: {columns}",
    ),
    "column_duplicate": _m(
        "column {column} appears twice in the header",
        "sarake {column} esiintyy otsikkorivillä kahdesti",
        "each column once",
        "kukin sarake kerran",
    ),
    "row_length": _m(
        "row has {cells} cells",
        "rivillä on {cells} solua",
        "{columns} cells, one per column",
        "{columns} solua, yksi kullekin sarakkeelle",
    ),
    # --- values ---
    "required": _m(
        "value is missing",
        "arvo puuttuu",
        "a value",
        "arvo",
    ),
    "not_a_number": _m(
        "not a number",
        "ei ole luku",
        "a number such as 1234.5 (in a semicolon-separated file also 1234,5)",
        "luku, esim. 1234.5 (puolipisteillä erotetussa tiedostossa myös 1234,5)",
    ),
    "fractional": _m(
        "a count must be a whole number",
        "lukumäärän on oltava kokonaisluku",
        "a whole number, e.g. 12",
        "kokonaisluku, esim. 12",
    ),
    "below_minimum": _m(
        "value is below {minimum}",
        "arvo on alle {minimum}",
        "a value of at least {minimum}",
        "vähintään {minimum}",
    ),
    "share_out_of_range": _m(
        "share outside 0-100 %",
        "osuus ei ole välillä 0-100 %",
        "a percentage from 0 to 100",
        "prosenttiluku 0-100",
    ),
    "not_boolean": _m(
        "not true or false",
        "ei ole tosi tai epätosi",
        "true or false",
        "true tai false",
    ),
    "not_in_vocabulary": _m(
        "unknown value",
        "tuntematon arvo",
        "one of: {values}",
        "jokin näistä: {values}",
    ),
    "pattern": _m(
        "value does not have the required form",
        "arvo ei ole vaaditussa muodossa",
        "{description}",
        "{description_fi}",
    ),
    "duplicate_key": _m(
        "the key ({key}) appears again (first on row {first})",
        "avain ({key}) toistuu (ensimmäisen kerran rivillä {first})",
        "each key once per table",
        "kukin avain kerran taulussa",
    ),
    "unknown_reference": _m(
        "unknown code {value}",
        "tuntematon koodi {value}",
        "a code listed in {target}.csv",
        "tiedostossa {target}.csv lueteltu koodi",
    ),
    "unit_mismatch": _m(
        "unit does not fit {item}",
        "yksikkö ei sovi tunnuslukuun {item}",
        "{unit}",
        "{unit}",
    ),
    "value_negative": _m(
        "{item} cannot be negative",
        "{item} ei voi olla negatiivinen",
        "zero or more",
        "nolla tai enemmän",
    ),
    "range_inverted": _m(
        "low is greater than high",
        "alaraja on suurempi kuin yläraja",
        "low at most high",
        "alaraja enintään yläraja",
    ),
    # --- consistency warnings ---
    "parts_sum": _m(
        "{total} is not the sum of its parts",
        "{total} ei ole osiensa summa",
        "{expected} = {parts}",
        "{expected} = {parts}",
    ),
    "rollup_sum": _m(
        "{area} is not the sum of its subareas",
        "{area} ei ole osa-alueidensa summa",
        "{expected} = {parts}",
        "{expected} = {parts}",
    ),
    "shares_sum": _m(
        "shares of {group} sum to {total} %",
        "ryhmän {group} osuuksien summa on {total} %",
        "100 % (within ±{tolerance} percentage points for rounding)",
        "100 % (pyöristysvara ±{tolerance} prosenttiyksikköä)",
    ),
    "reported_share": _m(
        "printed share differs from the share computed from the counts",
        "painettu osuus poikkeaa lukumääristä lasketusta",
        "{expected} % ({part} / {whole})",
        "{expected} % ({part} / {whole})",
    ),
    "reported_change": _m(
        "printed change differs from the change computed from the counts",
        "painettu muutos poikkeaa lukumääristä lasketusta",
        "{expected} % ({now} / {before} - 1)",
        "{expected} % ({now} / {before} - 1)",
    ),
    "text_share": _m(
        "the source's text says about {text} %, its figures give {expected} %",
        "lähteen tekstissä mainitaan noin {text} %, mutta sen luvuista saadaan {expected} %",
        "{expected} % ({part} / {whole})",
        "{expected} % ({part} / {whole})",
    ),
    "reported_clients": _m(
        "printed client count differs from share x client base",
        "painettu asiakasmäärä poikkeaa luvusta osuus x asiakasmäärä",
        "{expected} ({share} % of {base})",
        "{expected} ({share} % luvusta {base})",
    ),
    "derived_value": _m(
        "{indicator} differs from {formula}",
        "{indicator} poikkeaa laskelmasta {formula}",
        "{expected}",
        "{expected}",
    ),
    "survival_increasing": _m(
        "share still unemployed rises from {before} % to {after} %",
        "yhä työttömänä olevien osuus nousee {before} %:sta {after} %:iin",
        "shares that do not rise with time",
        "ajan myötä laskevat osuudet",
    ),
    # --- rules ---
    "rule_yaml": _m(
        "the rule file is not valid YAML: {detail}",
        "sääntötiedosto ei ole kelvollista YAMLia: {detail}",
        "well-formed YAML",
        "kelvollinen YAML",
    ),
    "rule_key_unknown": _m(
        "unknown key",
        "tuntematon avain",
        "only the keys: {allowed}",
        "vain avaimet: {allowed}",
    ),
    "rule_key_missing": _m(
        "{key} is missing",
        "{key} puuttuu",
        "description, description_fi, unit, kind, reference and values",
        "description, description_fi, unit, kind, reference ja values",
    ),
    "rule_value_type": _m(
        "value of the wrong type",
        "väärän tyyppinen arvo",
        "{kind}",
        "{kind}",
    ),
    "rule_date": _m(
        "not a date",
        "ei ole päivämäärä",
        "the date the value took effect, YYYY-MM-DD",
        "voimaantulopäivä muodossa VVVV-KK-PP",
    ),
    "rule_scale": _m(
        "bad bracket in a scale",
        "virheellinen porras asteikossa",
        "{{above: days, rate_pct: 0-100}} with days rising",
        "{{above: päivät, rate_pct: 0-100}}, päivät nousevassa järjestyksessä",
    ),
    "rule_no_value": _m(
        "{name} has no value on {date}",
        "parametrilla {name} ei ole arvoa {date}",
        "a date within the parameter's history",
        "päivä, jolle parametrilla on arvo",
    ),
    "rule_unknown": _m(
        "unknown rule parameter {name}",
        "tuntematon sääntöparametri {name}",
        "one of: {names}",
        "jokin näistä: {names}",
    ),
    # --- scenarios ---
    "scenario_value": _m(
        "value not allowed here",
        "arvo ei kelpaa tähän",
        "{expected}",
        "{expected_fi}",
    ),
    "income_without_mix": _m(
        "producer {producer} has an income for {period} but no income shares",
        "tuottajalla {producer} on tulot vuodelle {period} mutta ei tulojen jakaumaa",
        "rows in income_mix.csv for {producer} and {period}: without them its income by "
        "source, concentration and next year's income cannot be computed",
        "rivit income_mix.csv:hen tuottajalle {producer} ja jaksolle {period}: ilman niitä "
        "tuloja lähteittäin, keskittyneisyyttä ja ensi vuoden tuloja ei voi laskea",
    ),
    "table_empty": _m(
        "table {table} has no rows",
        "taulussa {table} ei ole rivejä",
        "rows: polku analyse and polku simulate need this table",
        "rivejä: polku analyse ja polku simulate tarvitsevat tämän taulun",
    ),
    # --- rows the analyses and the simulation need (polku.data.required) ---
    "row_missing": _m(
        "no row with {row}",
        "ei riviä, jossa {row}",
        "a row with {row}, needed by {commands} for {purpose}",
        "rivi, jossa {row}; sitä tarvitsevat {commands}: {purpose_fi}",
    ),
    "rows_ambiguous": _m(
        "{count} rows with {row}",
        "{count} riviä, joissa {row}",
        "one such row (one period): {commands} look it up as the only one, for {purpose}",
        "yksi tällainen rivi (yksi ajanjakso): {commands} hakevat sen ainoana: {purpose_fi}",
    ),
    "needed_value_zero": _m(
        "the row with {row} holds 0",
        "rivillä, jossa {row}, on 0",
        "more than 0, needed by {commands} for {purpose}",
        "enemmän kuin 0; sitä tarvitsevat {commands}: {purpose_fi}",
    ),
    # --- the Excel template ---
    "sheet_missing": _m(
        "sheet {sheet} is missing from the workbook",
        "välilehti {sheet} puuttuu työkirjasta",
        "a sheet named {sheet}, as polku template writes it",
        "välilehti nimeltä {sheet}, kuten polku template sen kirjoittaa",
    ),
    "workbook_unreadable": _m(
        "the file cannot be read as an Excel workbook ({detail})",
        "tiedostoa ei voi lukea Excel-työkirjana ({detail})",
        "an .xlsx file saved by Excel or LibreOffice",
        "Excelillä tai LibreOfficella tallennettu .xlsx-tiedosto",
    ),
    # --- uploads to the web dashboard ---
    "upload_type": _m(
        "the upload is not an Excel workbook",
        "ladattu tiedosto ei ole Excel-työkirja",
        "an .xlsx file, as polku template writes it",
        ".xlsx-tiedosto, kuten polku template sen kirjoittaa",
    ),
    "upload_size": _m(
        "the upload is too large",
        "ladattu tiedosto on liian suuri",
        "{expected}",
        "{expected}",
    ),
}

CATALOGUE.update(BILL)
CATALOGUE.update(FILES)  # polku.messages_files: hostile or broken files
CATALOGUE.update(DATA)
