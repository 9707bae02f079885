"""The message catalogue: every text a finding shows, in English.

Each entry has ``what`` (what is wrong) and ``expected`` (what was expected), each a
``str.format`` template. Keys are stable codes, also printed in JSON. The other
languages are gettext catalogues (:mod:`polku.catalogue`): the context of an entry is
``message:<code>:what`` or ``message:<code>:expected``.
"""

from __future__ import annotations

from polku.messages_bill import BILL
from polku.messages_data import DATA
from polku.messages_files import FILES

Entry = dict[str, str]  # "what" and "expected", in English


def _m(what: str, expected: str) -> Entry:
    return {"what": what, "expected": expected}


LABELS: dict[str, str] = {  # key: English
    "row": "row",
    "column": "column",
    "expected": "expected",
    "found": "found",
    "level": "level",
    "table": "table",
    "what": "problem",
    "error": "error",
    "warning": "warning",
    "place": "place",
}

CATALOGUE: dict[str, Entry] = {
    # --- the dataset cannot be read at all ---
    "folder_missing": _m(
        "dataset folder not found",
        "an existing folder holding datapackage.yaml",
    ),
    "descriptor_missing": _m(
        "datapackage.yaml not found",
        "a datapackage.yaml file in the dataset folder (polku export --out DIR writes a "
        "complete dataset to start from)",
    ),
    "descriptor_malformed": _m(
        "datapackage.yaml is not valid YAML: {detail}",
        "well-formed YAML",
    ),
    "descriptor_duplicate_key": _m(
        "key {key} appears twice in datapackage.yaml",
        "each key once in a mapping",
    ),
    "descriptor_not_mapping": _m(
        "datapackage.yaml does not hold a mapping of keys",
        "a mapping with name, resources and so on",
    ),
    # --- the descriptor is readable but incomplete or wrong ---
    "descriptor_key_missing": _m(
        "{key} is missing from datapackage.yaml",
        "{key}: {kind}",
    ),
    "descriptor_key_type": _m(
        "{key} in datapackage.yaml has the wrong type",
        "{kind}",
    ),
    "resource_missing": _m(
        "table {table} is not listed in datapackage.yaml",
        "a resource named {table}",
    ),
    "resource_unknown": _m(
        "table {table} is not a Polku table and is not read",
        "one of: {names}",
    ),
    "resource_duplicate": _m(
        "table {table} is listed twice in datapackage.yaml",
        "each table once",
    ),
    "schema_field_missing": _m(
        "the schema of {table} does not declare column {column}",
        "a field {column} of type {type}",
    ),
    "schema_field_unknown": _m(
        "the schema of {table} declares an unknown column {column}",
        "only the columns: {columns}",
    ),
    "schema_field_type": _m(
        "column {column} of {table} has the wrong type in the schema",
        "type {type}",
    ),
    # --- files ---
    "file_missing": _m(
        "file not found",
        "the file {path} named in datapackage.yaml",
    ),
    "scenario_missing": _m(
        "scenario file not found",
        "a scenario YAML file, or one of the shipped scenarios: {examples}",
    ),
    "scenario_yaml": _m(
        "the scenario file is not valid YAML: {detail}",
        "well-formed YAML",
    ),
    "file_empty": _m(
        "file is empty",
        "a header row of column names",
    ),
    "encoding": _m(
        "file is not UTF-8 text (byte {offset})",
        "UTF-8 encoded text (in Excel: Save as CSV UTF-8)",
    ),
    "delimiter": _m(
        "columns are separated by tabs",
        "commas between columns (comma-separated values)",
    ),
    "csv_syntax": _m(
        "the CSV text cannot be parsed: {detail}",
        "valid CSV",
    ),
    "column_missing": _m(
        "column {column} is missing from the header",
        "the columns: {columns}",
    ),
    "column_unknown": _m(
        "unexpected column {column}",
        "only the columns: {columns}",
    ),
    "column_duplicate": _m(
        "column {column} appears twice in the header",
        "each column once",
    ),
    "row_length": _m(
        "row has {cells} cells",
        "{columns} cells, one per column",
    ),
    # --- values ---
    "required": _m(
        "value is missing",
        "a value",
    ),
    "not_a_number": _m(
        "not a number",
        "a number such as 1234.5 (in a semicolon-separated file also 1234,5)",
    ),
    "fractional": _m(
        "a count must be a whole number",
        "a whole number, e.g. 12",
    ),
    "below_minimum": _m(
        "value is below {minimum}",
        "a value of at least {minimum}",
    ),
    "share_out_of_range": _m(
        "share outside 0-100 %",
        "a percentage from 0 to 100",
    ),
    "not_boolean": _m(
        "not true or false",
        "true or false",
    ),
    "not_in_vocabulary": _m(
        "unknown value",
        "one of: {values}",
    ),
    "pattern": _m(
        "value does not have the required form",
        "{description}",
    ),
    "duplicate_key": _m(
        "the key ({key}) appears again (first on row {first})",
        "each key once per table",
    ),
    "unknown_reference": _m(
        "unknown code {value}",
        "a code listed in {target}.csv",
    ),
    "unit_mismatch": _m(
        "unit does not fit {item}",
        "{unit}",
    ),
    "value_negative": _m(
        "{item} cannot be negative",
        "zero or more",
    ),
    "range_inverted": _m(
        "low is greater than high",
        "low at most high",
    ),
    # --- consistency warnings ---
    "parts_sum": _m(
        "{total} is not the sum of its parts",
        "{expected} = {parts}",
    ),
    "rollup_sum": _m(
        "{area} is not the sum of its subareas",
        "{expected} = {parts}",
    ),
    "shares_sum": _m(
        "shares of {group} sum to {total} %",
        "100 % (within ±{tolerance} percentage points for rounding)",
    ),
    "reported_share": _m(
        "printed share differs from the share computed from the counts",
        "{expected} % ({part} / {whole})",
    ),
    "reported_change": _m(
        "printed change differs from the change computed from the counts",
        "{expected} % ({now} / {before} - 1)",
    ),
    "text_share": _m(
        "the source's text says about {text} %, its figures give {expected} %",
        "{expected} % ({part} / {whole})",
    ),
    "reported_clients": _m(
        "printed client count differs from share x client base",
        "{expected} ({share} % of {base})",
    ),
    "derived_value": _m(
        "{indicator} differs from {formula}",
        "{expected}",
    ),
    "survival_increasing": _m(
        "share still unemployed rises from {before} % to {after} %",
        "shares that do not rise with time",
    ),
    # --- rules ---
    "rule_yaml": _m(
        "the rule file is not valid YAML: {detail}",
        "well-formed YAML",
    ),
    "rule_key_unknown": _m(
        "unknown key",
        "only the keys: {allowed}",
    ),
    "rule_key_missing": _m(
        "{key} is missing",
        "description, description_fi, unit, kind, reference and values",
    ),
    "rule_value_type": _m(
        "value of the wrong type",
        "{kind}",
    ),
    "rule_date": _m(
        "not a date",
        "the date the value took effect, YYYY-MM-DD",
    ),
    "rule_scale": _m(
        "bad bracket in a scale",
        "{{above: days, rate_pct: 0-100}} with days rising",
    ),
    "rule_no_value": _m(
        "{name} has no value on {date}",
        "a date within the parameter's history",
    ),
    "rule_unknown": _m(
        "unknown rule parameter {name}",
        "one of: {names}",
    ),
    # --- scenarios ---
    "scenario_value": _m(
        "value not allowed here",
        "{expected}",
    ),
    "income_without_mix": _m(
        "producer {producer} has an income for {period} but no income shares",
        "rows in income_mix.csv for {producer} and {period}: without them its income by "
        "source, concentration and next year's income cannot be computed",
    ),
    "table_empty": _m(
        "table {table} has no rows",
        "rows: polku analyse and polku simulate need this table",
    ),
    # --- rows the analyses and the simulation need (polku.data.required) ---
    "row_missing": _m(
        "no row with {row}",
        "a row with {row}, needed by {commands} for {purpose}",
    ),
    "rows_ambiguous": _m(
        "{count} rows with {row}",
        "one such row (one period): {commands} look it up as the only one, for {purpose}",
    ),
    "needed_value_zero": _m(
        "the row with {row} holds 0",
        "more than 0, needed by {commands} for {purpose}",
    ),
    # --- the Excel template ---
    "sheet_missing": _m(
        "sheet {sheet} is missing from the workbook",
        "a sheet named {sheet}, as polku template writes it",
    ),
    "workbook_unreadable": _m(
        "the file cannot be read as an Excel workbook ({detail})",
        "an .xlsx file saved by Excel or LibreOffice",
    ),
    # --- uploads to the web dashboard ---
    "upload_type": _m(
        "the upload is not an Excel workbook",
        "an .xlsx file, as polku template writes it",
    ),
    "upload_size": _m(
        "the upload is too large",
        "{expected}",
    ),
}

CATALOGUE.update(BILL)
CATALOGUE.update(FILES)  # polku.messages_files: hostile or broken files
CATALOGUE.update(DATA)
