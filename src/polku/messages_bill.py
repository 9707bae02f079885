"""The messages of Kela's municipal-share rows (``polku bill --history``), in English
(translated by the gettext catalogues), merged into :data:`polku.messages.CATALOGUE`."""

from __future__ import annotations

Entry = dict[str, str]  # "what" and "expected", in English


def _m(what: str, expected: str) -> Entry:
    return {"what": what, "expected": expected}


BILL: dict[str, Entry] = {
    # --- Kela's municipal-share rows (polku bill --history) ---
    "bill_file": _m(
        "the file cannot be opened ({reason})",
        "a CSV file of Kela's municipal-share rows",
    ),
    "bill_encoding": _m(
        "the file is not UTF-8 text (byte {byte})",
        "UTF-8 text, as Kela publishes it",
    ),
    "bill_columns": _m(
        "the header lacks the columns {missing}",
        "Kela's columns separated by semicolons: {columns}",
    ),
    "bill_empty": _m(
        "the file has no monthly rows (aikatyyppi Kuukausi) by benefit and class",
        "rows with the columns {columns}",
    ),
    "bill_no_rows": _m(
        "the dataset {dataset} has no rows of Kela's monthly municipal share",
        "rows in municipal_share_months.csv, or Kela's CSV given with --history FILE",
    ),
    "bill_places": _m(
        "more places than there are recipients in the class {target}",
        "at most {most} places: the class's recipients a month in the level months",
    ),
    "bill_duplicate": _m(
        "the same municipality, month, benefit and class twice",
        "one row for each; the first is on row {first}",
    ),
    "bill_general_benefit": _m(
        "a yleistuki row in a month before yleistuki took effect",
        "yleistuki from the month the rules give (municipal_share.general_benefit)",
    ),
    "bill_month": _m(
        "not a month",
        "a month YYYYMM, e.g. 202507",
    ),
    "bill_municipality": _m(
        "not a municipality code",
        "a municipality code of up to 3 digits, e.g. 405",
    ),
    "bill_benefit": _m(
        "unknown benefit",
        "one of: {known}",
    ),
    "bill_class": _m(
        "unknown accumulated-days class",
        "one of: {known}",
    ),
    "bill_eur": _m(
        "not an amount in EUR",
        "an amount in EUR with a decimal point or comma",
    ),
    "bill_recipients": _m(
        "not a number of recipients",
        "a whole number of recipients, 0 or more",
    ),
    "bill_total": _m(
        "a Yhteensä row differs from the sum of its parts",
        "the sum of its parts in EUR: {parts}",
    ),
    "bill_no_months": _m(
        "no month before {start} can be fitted",
        "at least one month before {start} after any change of the rules "
        "(the file holds: {months})",
    ),
    "bill_backtest": _m(
        "cannot back-test on {fit} fitted months",
        "from 1 to {last} months: the rest of the {months} are forecast",
    ),
}
