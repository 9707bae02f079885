"""Kela's monthly municipal-share rows, read as Kela publishes them: :func:`read_history`.

The layout is Kela's open data on the municipally co-financed unemployment benefits
(kuntaosuus), by municipality and month: ``;``-separated UTF-8 with the columns
``aikatyyppi; vuosi; kuukausi_nro; vuosikuukausi; kunta_nro; etuus; kertymaluokka;
saajat; kuntaosuus_eur``. Only ``aikatyyppi = Kuukausi`` rows are read (a month alone).
``etuus`` and ``kertymaluokka`` hold ``Yhteensä`` total rows beside the parts: the parts
are kept, the totals checked against them (summing all rows would count twice).
Recipients do not add up across classes (a person crossing a threshold is in two);
euros do.

Every problem is reported at once, with file, row and column.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from polku.errors import BillError
from polku.findings import Finding, Level
from polku.model.region import Region
from polku.sources.classification import load as classification

COLUMNS = (
    "aikatyyppi",
    "vuosi",
    "kuukausi_nro",
    "vuosikuukausi",
    "kunta_nro",
    "etuus",
    "kertymaluokka",
    "saajat",
    "kuntaosuus_eur",
)
TOTAL = "Yhteensä"
BENEFITS = {  # Kela's word -> Polku's code
    "Ansiopäiväraha": "earnings_related",
    "Peruspäiväraha": "basic_allowance",
    "Työmarkkinatuki": "labour_market_subsidy",
}
GENERAL_BENEFIT = "general_benefit"  # yleistuki, from 1.5.2026 ("Yleistuki ...")
CLASSES = ("101-200", "201-300", "301-400", "401-700", "701-")
TOLERANCE_EUR = 0.05  # a total may differ from its parts by rounding to cents


@dataclass(frozen=True)
class BillRow:
    """The municipal share of one benefit and accumulated-days class in one month."""

    month: str  # YYYY-MM
    municipality: str  # the 3-digit code
    benefit: str  # earnings_related, basic_allowance, labour_market_subsidy, general_benefit
    days_class: str  # 101-200, 201-300, 301-400, 401-700, 701-
    recipients: int
    eur: float
    line: int  # the row of the file, the header being row 1


@dataclass(frozen=True)
class History:
    """Every part row of a file, and the file it came from."""

    file: str
    rows: tuple[BillRow, ...]

    @property
    def months(self) -> tuple[str, ...]:
        """The months the file holds, in order."""
        return tuple(sorted({r.month for r in self.rows}))

    @property
    def municipalities(self) -> tuple[str, ...]:
        """The municipalities the file holds, in order of their codes."""
        return tuple(sorted({r.municipality for r in self.rows}))

    def total(self, month: str, municipality: str | None = None) -> float:
        """EUR billed in ``month``, to one municipality or to all."""
        return sum(
            r.eur
            for r in self.rows
            if r.month == month and (municipality is None or r.municipality == municipality)
        )


def _benefit(word: str) -> str | None:
    if word in BENEFITS:
        return BENEFITS[word]
    if word.lower().startswith("yleistuki"):
        return GENERAL_BENEFIT
    return None


def _bad(file: str, line: int, column: str, found: str, code: str, **params: str) -> Finding:
    return Finding(
        Level.ERROR, code, row=line, column=column, found=found, file=file, params=params
    )


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return None


def parse_history(text: str, file: str) -> History:
    """Kela's rows in ``text`` (named ``file`` in messages); :class:`BillError` lists
    every problem."""
    problems: list[Finding] = []
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    header = tuple(reader.fieldnames or ())
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise BillError(
            [
                Finding(
                    Level.ERROR,
                    "bill_columns",
                    row=1,
                    file=file,
                    found=";".join(header)[:200],
                    params={"missing": ", ".join(missing), "columns": ";".join(COLUMNS)},
                )
            ]
        )
    parts: list[BillRow] = []
    totals: dict[tuple[str, str, str, str], tuple[float, int]] = {}
    for line, record in enumerate(reader, start=2):
        if (record.get("aikatyyppi") or "").strip() != "Kuukausi":
            continue
        month_code = (record["vuosikuukausi"] or "").strip()
        if not re.fullmatch(r"(19|20)\d\d(0[1-9]|1[0-2])", month_code):
            problems.append(_bad(file, line, "vuosikuukausi", month_code, "bill_month"))
            continue
        month = f"{month_code[:4]}-{month_code[4:]}"
        town = (record["kunta_nro"] or "").strip()
        if not re.fullmatch(r"\d{1,3}", town):
            problems.append(_bad(file, line, "kunta_nro", town, "bill_municipality"))
            continue
        town = town.zfill(3)
        word = (record["etuus"] or "").strip()
        benefit = "all" if word == TOTAL else _benefit(word)
        if benefit is None:
            known = ", ".join([*BENEFITS, "Yleistuki ...", TOTAL])
            problems.append(_bad(file, line, "etuus", word, "bill_benefit", known=known))
            continue
        days_class = (record["kertymaluokka"] or "").strip()
        if days_class != TOTAL and days_class not in CLASSES:
            known = ", ".join([*CLASSES, TOTAL])
            problems.append(
                _bad(file, line, "kertymaluokka", days_class, "bill_class", known=known)
            )
            continue
        eur = _number(record["kuntaosuus_eur"] or "")
        if eur is None or abs(eur) > 1e9:
            found = record["kuntaosuus_eur"] or ""
            problems.append(_bad(file, line, "kuntaosuus_eur", found, "bill_eur"))
            continue
        count = _number(record["saajat"] or "")
        if count is None or count < 0 or count != int(count):
            found = record["saajat"] or ""
            problems.append(_bad(file, line, "saajat", found, "bill_recipients"))
            continue
        if benefit == "all" or days_class == TOTAL:
            totals[(month, town, benefit, days_class)] = (eur, line)
            continue
        parts.append(BillRow(month, town, benefit, days_class, int(count), eur, line))
    seen: dict[tuple[str, str, str, str], int] = {}
    for r in parts:
        key = (r.month, r.municipality, r.benefit, r.days_class)
        if key in seen:
            problems.append(
                _bad(
                    file,
                    r.line,
                    "kertymaluokka",
                    r.days_class,
                    "bill_duplicate",
                    first=str(seen[key]),
                )
            )
        seen.setdefault(key, r.line)
    if problems:
        raise BillError(problems)
    if not parts:
        raise BillError(
            [Finding(Level.ERROR, "bill_empty", file=file, params={"columns": ";".join(COLUMNS)})]
        )
    history = History(file, tuple(parts))
    _check_totals(history, totals)
    return history


def _check_totals(
    history: History, totals: dict[tuple[str, str, str, str], tuple[float, int]]
) -> None:
    """Each printed total (a benefit's classes, a class's benefits, all) must be the sum
    of its parts in EUR: a file whose totals disagree is not Kela's layout."""
    sums: dict[tuple[str, str, str, str], float] = {}
    for r in history.rows:
        for key in (
            (r.month, r.municipality, r.benefit, TOTAL),
            (r.month, r.municipality, "all", r.days_class),
            (r.month, r.municipality, "all", TOTAL),
        ):
            sums[key] = sums.get(key, 0.0) + r.eur
    problems = [
        Finding(
            Level.ERROR,
            "bill_total",
            row=line,
            column="kuntaosuus_eur",
            found=eur,
            file=history.file,
            params={"parts": round(sums.get(key, 0.0), 2)},
        )
        for key, (eur, line) in totals.items()
        if abs(sums.get(key, 0.0) - eur) > TOLERANCE_EUR + 1e-6 * abs(eur)
    ]
    if problems:
        raise BillError(problems)


def read_history(path: str | Path) -> History:
    """Read Kela's municipal-share CSV at ``path``."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise BillError(
            [
                Finding(
                    Level.ERROR,
                    "bill_file",
                    file=str(file),
                    params={"reason": exc.strerror or str(exc)},
                )
            ]
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BillError(
            [
                Finding(
                    Level.ERROR,
                    "bill_encoding",
                    file=file.name,
                    found=str(exc.start),
                    params={"byte": str(exc.start)},
                )
            ]
        ) from exc
    return parse_history(text, file.name)


def from_region(region: Region) -> History:
    """The ``municipal_share_months`` table of a dataset as a :class:`History`
    (:class:`BillError` when the dataset has none)."""
    rows = tuple(
        BillRow(
            r.month,
            r.municipality,
            r.benefit.value,
            r.days_class.value,
            r.recipients,
            r.eur,
            line,
        )
        for line, r in enumerate(region.municipal_share_months, start=2)
    )
    if not rows:
        raise BillError(
            [
                Finding(
                    Level.ERROR,
                    "bill_no_rows",
                    file="municipal_share_months.csv",
                    params={"dataset": region.name},
                )
            ]
        )
    return History("municipal_share_months.csv", rows)


def municipality_names(history: History) -> dict[str, str]:
    """Municipality code -> Finnish name, from the bundled classification of the file's
    last year (a code it does not know keeps its code)."""
    year = int(history.months[-1][:4])
    return {m.code: m.name_fi for m in classification().in_year(year)}
