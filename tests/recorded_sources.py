"""Recorded answers of the official sources in today's shapes, served on 127.0.0.1.

The shapes follow what was read from real answers (docs/official-data.md):

- Statistics Finland PxWeb v1 after 8 June 2026: short table ids (``12r5.px``), the
  variables ``Alue``, ``timeperiod_m`` and ``contentscode``; 12u4 has sex and age
  variables whose totals are ``SSS`` (older documentation; their codes after the change
  are not verified), and its content codes carry a prefix here to exercise the matching
  (which codes gained one is not verified); ``?config`` answers maxValues 120000,
  maxCalls 40, timeWindow 60; the old long id answers 400; confidential cells are
  ``null`` with the status ``...``; ``updated`` as ``2026-10-21T05.00.00Z``.
- Kela on the portal now called avoindata.suomi.fi: CKAN ``package_show`` listing
  ``package.json``, a yearly ``data_2025.csv`` and a ``data.csv`` holding only 2026,
  each with ``last_modified``, a SHA-256 ``hash`` and an ETag on download; the 2025
  layout with ``Yhteensä`` rows in benefit, class and age, and from 2026-05 the general
  benefit (``Yleistuki työttömyyden perusteella``).
- Sotkanet REST 1.1: regions, indicators by title, values.

The figures are synthetic (made from the codes, never random), so a test can compute
what a fetch must give; the two areas are real employment areas of the bundled
classification: a large one and a small one whose smallest municipalities have
confidential cells.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from polku.sources.classification import load
from source_server import Recorded, Reply, Script

LARGE = "TA-TAMPEREENSEUTU"
SMALL = "TA-SUUPOHJA"
MONTHS_2025 = [f"2025-{m:02d}" for m in range(1, 13)]
MONTHS_2026 = [f"2026-{m:02d}" for m in range(1, 10)]
MONTHS = [f"2024-{m:02d}" for m in range(1, 13)] + MONTHS_2025 + MONTHS_2026
PX = "/PxWeb/api/v1/fi/StatFin/tyonv"
R5 = ["HAKIJALOPUSSA", "TYOTTOMATLOPUSSA", "PITKAAIKAISTYOTTOMAT", "AVPAIKATLOPUSSA"]
U4 = ["tyonv-KUNTTYOLOP", "tyonv-KOKEILULOP"]
BENEFITS = ("Ansiopäiväraha", "Peruspäiväraha", "Työmarkkinatuki")
GENERAL = "Yleistuki työttömyyden perusteella"
CLASSES = (
    ("101-200", 0.05),
    ("201-300", 0.05),
    ("301-400", 0.10),
    ("401-700", 0.15),
    ("701-", 0.20),
)
AGES = ("alle 30", "30-")
RATE = 37.21  # EUR a day: synthetic, only to make euros from days


def members(area: str) -> list[str]:
    return load().members(area, 2026)


def size(code: str) -> int:
    """A municipality's synthetic size (unemployed jobseekers), from its code."""
    return 40 + int(hashlib.sha256(code.encode()).hexdigest(), 16) % 3000


def small(code: str) -> bool:
    """The smallest municipalities of the small area have confidential cells."""
    return code in members(SMALL)[:2]


def js(doc: Any, status: int = 200, **headers: str) -> Reply:
    return status, {"Content-Type": "application/json", **headers}, json.dumps(doc).encode()


def month_index(month: str) -> int:
    return MONTHS.index(month.replace("M", "-"))


def statfin_value(content: str, area: str, month: str) -> float | None:
    """The synthetic figure of a cell, None for a confidential one."""
    code = area.removeprefix("KU")
    base = size(code)
    i = month_index(month)
    factor = {
        "HAKIJALOPUSSA": 2.0,
        "TYOTTOMATLOPUSSA": 1.0,
        "PITKAAIKAISTYOTTOMAT": 0.3,
        "AVPAIKATLOPUSSA": 0.2,
        "KUNTTYOLOP": 0.05,
        "KOKEILULOP": 0.01,
    }[content.rsplit("-", 1)[-1]]
    if small(code) and content.endswith("KUNTTYOLOP") and i % 3 == 0:
        return None
    return float(round(base * factor) + i)


def _meta(codes: list[str], contents: list[str], with_groups: bool) -> dict[str, Any]:
    months = [m.replace("-", "M") for m in MONTHS]
    variables: list[dict[str, Any]] = [
        {"code": "Alue", "text": "Alue", "values": codes, "valueTexts": codes},
    ]
    if with_groups:
        variables += [
            {
                "code": "Sukupuoli",
                "text": "Sukupuoli",
                "values": ["SSS", "1", "2"],
                "valueTexts": ["Yhteensä", "Miehet", "Naiset"],
                "elimination": True,
            },
            {
                "code": "Ikäryhmät",
                "text": "Ikäryhmät",
                "values": ["SSS", "15-24", "25-"],
                "valueTexts": ["Yhteensä", "15-24", "25-"],
                "elimination": True,
            },
        ]
    variables += [
        {
            "code": "timeperiod_m",
            "text": "Kuukausi",
            "values": months,
            "valueTexts": months,
            "time": True,
        },
        {"code": "contentscode", "text": "Tiedot", "values": contents, "valueTexts": contents},
    ]
    return {"title": "Työnvälitystilasto", "variables": variables}


def _answer(table: str, body: bytes) -> Reply:
    query = {q["code"]: q["selection"]["values"] for q in json.loads(body)["query"]}
    order = [
        "Alue",
        *(["Sukupuoli", "Ikäryhmät"] if table == "12u4" else []),
        "timeperiod_m",
        "contentscode",
    ]
    if set(query) != set(order):
        return js({"error": f"expected {order}"}, 400)
    for group in ("Sukupuoli", "Ikäryhmät"):
        if group in query and query[group] != ["SSS"]:
            return js({"error": "totals only in this recording"}, 400)
    values: list[float | None] = []
    status: dict[str, str] = {}
    for area in query["Alue"]:
        for month in query["timeperiod_m"]:
            for content in query["contentscode"]:
                value = statfin_value(content, area, month)
                if value is None:
                    status[str(len(values))] = "..."
                values.append(value)
    doc = {
        "version": "2.0",
        "class": "dataset",
        "label": "Työnvälitystilasto",
        "updated": "2026-10-21T05.00.00Z",
        "id": order,
        "size": [len(query[d]) for d in order],
        "role": {"time": ["timeperiod_m"], "metric": ["contentscode"], "geo": ["Alue"]},
        "dimension": {
            d: {"category": {"index": {c: i for i, c in enumerate(query[d])}}} for d in order
        },
        "value": values,
        "status": status,
        "extension": {"px": {"tableid": table}},
    }
    return js(doc)


def kela_rows(codes: list[str], months: list[str]) -> list[str]:
    """Kela's 2025 layout: parts and Yhteensä totals in benefit, class and age."""
    lines = []
    for code in codes:
        for month in months:
            year, mm = month.split("-")
            i = month_index(month)
            benefits = list(BENEFITS)
            if month >= "2026-05":
                benefits.append(GENERAL)
            cells: dict[tuple[str, str, str], tuple[int, float]] = {}
            for b, benefit in enumerate(benefits):
                for cls, pct in CLASSES:
                    for a, age in enumerate(AGES):
                        people = max(0, size(code) // (8 + 3 * b + a) - i % 4)
                        if benefit == "Työmarkkinatuki" and month >= "2026-05":
                            people //= 3  # the general benefit takes over
                        if people == 0:
                            continue  # a class with no recipients has no row
                        cells[benefit, cls, age] = (people, round(people * 15 * RATE * pct, 2))

            def total(
                keep: Any, cells: dict[tuple[str, str, str], tuple[int, float]] = cells
            ) -> tuple[int, float]:
                chosen = [v for k, v in cells.items() if keep(k)]
                return sum(p for p, _ in chosen), round(sum(e for _, e in chosen), 2)

            rows = dict(cells)
            for benefit in [*benefits, "Yhteensä"]:
                for cls in [*(c for c, _ in CLASSES), "Yhteensä"]:
                    for age in [*AGES, "Yhteensä"]:
                        if (benefit, cls, age) in rows:
                            continue
                        found = total(
                            lambda k, b=benefit, c=cls, g=age: (
                                (b in ("Yhteensä", k[0]))
                                and (c in ("Yhteensä", k[1]))
                                and (g in ("Yhteensä", k[2]))
                            )
                        )
                        if found[0]:
                            rows[benefit, cls, age] = found
            for (benefit, cls, age), (people, eur) in rows.items():
                lines.append(
                    f"Kuukausi;{year};{int(mm)};{year}{mm};{code};{benefit};{cls};{age};{people};{eur}"
                )
        lines.append(f"Vuosikertymä;2025;12;202512;{code};Yhteensä;Yhteensä;Yhteensä;1;1.0")
    lines.append("Kuukausi;2025;1;202501;199;Yhteensä;Yhteensä;Yhteensä;3;120.5")
    return lines


KELA_HEADER = (
    "aikatyyppi;vuosi;kuukausi_nro;vuosikuukausi;kunta_nro;etuus;kertymaluokka;ikaryhma;"
    "saajat;kuntaosuus_eur"
)
KELA_PACKAGE = "kunnan-osarahoittaman-tyottomyysturvan-saajat-ja-maksetut-etuudet-kunnittain"


def kela_package() -> dict[str, Any]:
    fields = [
        ("aikatyyppi", "string"),
        ("vuosi", "integer"),
        ("kuukausi_nro", "integer"),
        ("vuosikuukausi", "integer"),
        ("kunta_nro", "string"),
        ("etuus", "string"),
        ("kertymaluokka", "string"),
        ("ikaryhma", "string"),
        ("saajat", "number"),
        ("kuntaosuus_eur", "number"),
    ]
    return {
        "name": KELA_PACKAGE,
        "resources": [
            {
                "name": "data",
                "path": ["data_2025.csv", "data.csv"],
                "encoding": "UTF-8",
                "dialect": {"delimiter": ";"},
                "schema": {
                    "missingValues": [""],
                    "fields": [{"name": n, "type": t} for n, t in fields],
                },
            }
        ],
    }


@dataclass
class Recording:
    """The recorded answers for both areas, served under ``host``."""

    host: str
    script: Script = field(default_factory=Script)
    files: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        codes = sorted(set(members(LARGE)) | set(members(SMALL)))
        areas = ["SSS", *(f"KU{c}" for c in codes), "MK06", "MK14"]
        self.files = {
            "data_2025.csv": (
                "\n".join([KELA_HEADER, *kela_rows(codes, MONTHS_2025)]) + "\n"
            ).encode(),
            "data.csv": ("\n".join([KELA_HEADER, *kela_rows(codes, MONTHS_2026)]) + "\n").encode(),
            "package.json": json.dumps(kela_package()).encode(),
        }
        resources = [
            {
                "id": f"res-{name}",
                "name": name,
                "url": f"{self.host}/dataset/kela/download/{name}",
                "format": name.rsplit(".", 1)[-1].upper(),
                "last_modified": "2026-10-20T06:00:00.000000"
                if name != "data_2025.csv"
                else "2026-02-20T06:00:00.000000",
                "hash": hashlib.sha256(body).hexdigest(),
                "size": len(body),
            }
            for name, body in self.files.items()
        ]
        regions = [
            {"id": 5000 + i, "code": c, "category": "KUNTA", "title": {"fi": c}}
            for i, c in enumerate(codes)
        ]
        population = [
            {
                "indicator": 127,
                "region": 5000 + i,
                "year": year,
                "gender": "total",
                "value": size(c) * 14,
            }
            for i, c in enumerate(codes)
            for year in (2024, 2025)
        ]
        a = self.script.answers
        a["/PxWeb/api/v1/fi/"] = [
            js({"maxValues": 120000, "maxCalls": 40, "timeWindow": 60, "CORS": True})
        ]
        self.meta = {"12r5": js(_meta(areas, R5, False)), "12u4": js(_meta(areas, U4, True))}
        for old in ("statfin_tyonv_pxt_12r5.px", "statfin_tyonv_pxt_12u4.px"):
            a[f"{PX}/{old}"] = [
                (400, {"Content-Type": "text/plain"}, b"Bad Request: table not found")
            ]
        a["/data/api/3/action/package_show"] = [
            js({"success": True, "result": {"name": KELA_PACKAGE, "resources": resources}})
        ]
        for name, body in self.files.items():
            tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            a[f"/dataset/kela/download/{name}"] = [
                (200, {"ETag": tag, "Last-Modified": "Tue, 20 Oct 2026 06:00:00 GMT"}, body)
            ]
        a["/rest/1.1/regions"] = [js(regions)]
        a["/rest/1.1/indicators"] = [
            js([{"id": 127, "title": {"fi": "Väestö 31.12.", "en": "Population 31 Dec"}}])
        ]
        a["/rest/1.1/json"] = [js(population)]
        self.script.dynamic = self._dynamic

    def _dynamic(self, request: Recorded) -> Reply | None:
        for table in ("12r5", "12u4"):
            if request.path == f"{PX}/{table}.px":
                return self.meta[table] if request.method == "GET" else _answer(table, request.body)
        return None

    def throttle_once(self, name: str, seconds: int = 1) -> None:
        """The file's first download answers 429 with Retry-After."""
        path = f"/dataset/kela/download/{name}"
        ok = self.script.answers[path][0]
        self.script.answers[path] = [(429, {"Retry-After": str(seconds)}, b"Too Many Requests"), ok]

    def args(self) -> list[str]:
        return [
            "--statfin-url",
            f"{self.host}/PxWeb/api/v1/fi/StatFin",
            "--kela-url",
            f"{self.host}/data",
            "--sotkanet-url",
            f"{self.host}/rest/1.1",
        ]
