"""The messages of hostile or broken input files (another encoding, a NUL byte, a file
too large, an unclosed quote, an unreadable sheet), in English (translated by the gettext
catalogues), merged into :data:`polku.messages.CATALOGUE`."""

from __future__ import annotations

Entry = dict[str, str]  # "what" and "expected", in English


def _m(what: str, expected: str) -> Entry:
    return {"what": what, "expected": expected}


FILES: dict[str, Entry] = {
    # --- hostile or broken files ---
    "text_nul": _m(
        "the text holds a NUL byte (is it a binary file?)",
        "plain UTF-8 text",
    ),
    "file_too_large": _m(
        "the file is too large ({size} bytes)",
        "at most {limit} bytes",
    ),
    "file_unreadable": _m(
        "the file cannot be read ({detail})",
        "a readable file",
    ),
    "csv_quote_unclosed": _m(
        "a quote opened on this row is not closed where its cell ends (the record runs to "
        "line {end})",
        'a closing quote for every opening one, e.g. "Survey, part 2"',
    ),
    "sheet_unreadable": _m(
        "sheet {sheet} cannot be read ({detail})",
        "a sheet saved by Excel or LibreOffice",
    ),
    "sheet_too_large": _m(
        "sheet {sheet} has more than {limit} rows",
        "at most {limit} rows",
    ),
    "cell_too_long": _m(
        "sheet {sheet}, row {row}: a cell holds more than {limit} characters",
        "at most {limit} characters, as in Excel",
    ),
    "dataset_name_invalid": _m(
        "the dataset's name cannot be used in an address or a file name",
        "letters a-z, digits, '.', '_' and '-', starting with a letter or digit, at most 80, "
        "e.g. my-region-2024",
    ),
    "dataset_name_missing": _m(
        "the dataset needs a name",
        "a name on the row name of the datapackage sheet, e.g. my-region-2024",
    ),
    # --- what the simulation is given (from the dataset, through the calibration) ---
    "simulation_count": _m(
        "the simulation cannot run with this number of people ({name})",
        "a finite number from 0 to {high}; it comes from the dataset, whose values "
        "polku check bounds",
    ),
    "simulation_rate": _m(
        "the simulation cannot run with this rate ({name})",
        "a finite number; it comes from the dataset (a zero or missing denominator?)",
    ),
}
