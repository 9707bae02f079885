"""The requests a fetch would make, without making them (``polku fetch --dry-run``).

A planner behind a proxy can check each request by hand (``curl``). The Statistics
Finland queries are built by the same code a real fetch uses (:func:`statfin.bodies`),
from the variable codes the service documents (docs/official-data.md): a real fetch
reads them from each table's metadata first, so a code the service has changed shows
up there, not here. Requests whose address comes from an earlier answer (Kela's files,
Sotkanet's indicator id) are described in words.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from . import statfin
from .collect import KELA_DATASET, POPULATION, STATFIN_CONTENTS, Endpoints
from .kela_share import DATASET as KELA_2025
from .kela_share import FIRST_MONTH

# The variables each table is documented to have after 8 June 2026 (12r5 seen in a
# recorded answer; 12u4's sex and age codes are the older documented ones: unverified).
DOCUMENTED: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "12r5": (("Alue", ()), ("timeperiod_m", ()), ("contentscode", ())),
    "12u4": (
        ("Alue", ()),
        ("Sukupuoli", ("SSS",)),
        ("Ikäryhmät", ("SSS",)),
        ("timeperiod_m", ()),
        ("contentscode", ()),
    ),
}


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    body: dict[str, Any] | None = None
    note: str = ""

    def render(self) -> str:
        text = f"{self.method} {self.url}"
        if self.note:
            text += f"\n  # {self.note}"
        if self.body is not None:
            text += "\n" + json.dumps(self.body, ensure_ascii=False)  # one line, for curl -d
        return text


def assumed_months(first: str | None, last: str | None, today: dt.date) -> list[str]:
    """The months a fetch would ask for (``YYYY-MM``): ``first``..``last``; without
    ``--to`` the month two before today's (the newest a table usually has), without
    ``--from`` the twelve months up to it."""
    if last is None:
        y, m = today.year, today.month - 2
        last = f"{y if m > 0 else y - 1}-{(m - 1) % 12 + 1:02d}"
    y, m = int(last[:4]), int(last[5:7])
    out = [last]
    while len(out) < 120:
        m, y = (m - 1, y) if m > 1 else (12, y - 1)
        month = f"{y}-{m:02d}"
        if (first is None and len(out) == 12) or (first is not None and month < first):
            break
        out.append(month)
    return sorted(out)


def _table(table_id: str, url: str, areas: list[str], months: list[str]) -> statfin.Table:
    variables = []
    for code, values in DOCUMENTED[table_id]:
        if code == "Alue":
            values = tuple(areas)
        elif code == "timeperiod_m":
            values = tuple(m.replace("-", "M") for m in months)
        elif code == "contentscode":
            values = tuple(STATFIN_CONTENTS[table_id])
        variables.append(statfin.Variable(code, code, values, values, code == "timeperiod_m"))
    return statfin.Table(url, table_id, tuple(variables))


def requests(
    area: str, municipalities: list[str], months: list[str], ends: Endpoints
) -> list[Request]:
    """Every request of a fetch of ``area`` over ``months``, in order."""
    asked = [area] if area.startswith(("KU", "SK", "MK")) else [f"KU{m}" for m in municipalities]
    out = [Request("GET", statfin.config_url(ends.statfin), note="the service's limits")]
    for table_id, contents in STATFIN_CONTENTS.items():
        url = statfin.table_url(table_id, base=ends.statfin)
        out.append(Request("GET", url, note=f"table {table_id}'s variables and months"))
        table = _table(table_id, url, asked, months)
        selection = {"Alue": asked, "contentscode": list(contents)}
        for body in statfin.bodies(table, selection, [m.replace("-", "M") for m in months]):
            out.append(Request("POST", url, body))
    package = KELA_2025 if months[0] >= FIRST_MONTH else KELA_DATASET
    years = sorted({m[:4] for m in months})
    out.append(
        Request(
            "GET",
            f"{ends.kela_ckan[0]}/api/3/action/package_show?id={package}",
            note=f"then its package.json and the data files holding {', '.join(years)}, "
            "by the URLs this answer lists (conditional: If-None-Match / If-Modified-Since)",
        )
    )
    out += [
        Request("GET", f"{ends.sotkanet}/regions"),
        Request("GET", f"{ends.sotkanet}/indicators", note=f"to find {POPULATION!r} by title"),
        Request(
            "GET",
            f"{ends.sotkanet}/json?indicator=<id>"
            + "".join(f"&years={int(months[-1][:4]) - k}" for k in (2, 1, 0))
            + "&genders=total",
            note="<id>: the indicator found above",
        ),
    ]
    return out


__all__ = ["DOCUMENTED", "Request", "assumed_months", "requests"]
