"""What the web app does with Polku's library: datasets, analyses, prices, runs, files.

Pages and API routes call these; none of them touches a file path a user gave. An
uploaded workbook is kept as bytes in the database and read through the same
validation as ``polku import`` in a temporary folder of our own naming.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np

from polku.analysis import Analysis, analyse
from polku.analysis.pricing import break_even_fixed, net_cost_per_week
from polku.consistency import check_region
from polku.data.embedded import DEFAULT_DATASET, dataset_names, load_embedded
from polku.data.reader import LoadResult
from polku.data.workbook import read_workbook
from polku.errors import AnalysisError, DatasetError, DatasetUnreadableError
from polku.findings import Finding, Level
from polku.i18n import Lang
from polku.model.region import Region
from polku.producers.run import ProducerAnalysis, analyse_producers
from polku.rules import RuleSet, load_rules
from polku.simulation.calibrate import Calibration, build
from polku.simulation.results import metrics, series
from polku.simulation.runner import Settings, Simulation, simulate
from polku.simulation.scenario import Scenario, check_places, scenario_from_data

from .charts import run_summary
from .store import ConflictError, NotFoundError, Store, _now

T = TypeVar("T")
MAX_UPLOAD = 10 * 1024 * 1024  # bytes: a filled template is a few hundred kB
XLSX_MAGIC = b"PK\x03\x04"
MAX_REPLICATIONS = 2000
MAX_COMPARE_REPLICATIONS = 500  # compare answers while the user waits
BASELINE = "baseline"
RUNNING_AT_MOST = 0.99  # the fraction a run in progress shows at most: 100 % means done


@dataclass(frozen=True)
class DatasetInfo:
    """A dataset the app can use."""

    name: str
    title: str
    embedded: bool


class Catalog:
    """Embedded and uploaded datasets, loaded once and kept with their analyses."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rules: RuleSet = load_rules()
        self._memo: dict[tuple[str, ...], Any] = {}  # (kind, dataset, ...) -> made once
        self._lock = threading.Lock()

    def memo(self, key: tuple[str, ...], make: Callable[[], T]) -> T:
        """``make()`` once per ``key`` (whose second item names the dataset)."""
        with self._lock:
            if key in self._memo:
                return cast(T, self._memo[key])
        value = make()
        with self._lock:
            self._memo[key] = value
        return value

    def infos(self) -> list[DatasetInfo]:
        out = [DatasetInfo(n, self.region(n).title, True) for n in dataset_names()]
        out += [DatasetInfo(r.name, r.title, False) for r in self.store.datasets()]
        return out

    def load(self, name: str) -> LoadResult:
        """The dataset ``name``; :class:`NotFoundError` if there is none."""

        def read() -> LoadResult:
            if name in dataset_names():
                return load_embedded(name)
            row = self.store.dataset(name)
            if row is None:
                raise NotFoundError(f"dataset {name!r} not found", f"aineistoa {name!r} ei löydy")
            return _read_bytes(row.workbook)

        return self.memo(("load", name), read)

    def region(self, name: str) -> Region:
        result = self.load(name)
        if result.region is None:
            raise DatasetError(result.findings)
        return result.region

    def analysis(self, name: str) -> Analysis:
        return self.memo(("analysis", name), lambda: analyse(self.region(name), self.rules))

    def calibration(self, name: str) -> Calibration:
        """The calibrated network of ``name`` (seconds to make, so made once)."""
        return self.memo(("calibration", name), lambda: build(self.region(name)))

    def producers(self, name: str) -> ProducerAnalysis:
        """The producers' funding base of ``name`` (S13-S19), on its kept calibration."""
        return self.memo(
            ("producers", name),
            lambda: analyse_producers(
                self.region(name), rules=self.rules, calibration=self.calibration(name)
            ),
        )

    def producers_if_possible(self, name: str) -> ProducerAnalysis | None:
        """:meth:`producers`, or None where the dataset cannot carry the simulation (the
        report then says why in its producer section)."""
        try:
            return self.producers(name)
        except AnalysisError:
            return None

    def findings(self, name: str) -> list[Finding]:
        result = self.load(name)
        if result.region is None:
            return result.findings
        return [*result.findings, *check_region(result.region, result.lines)]

    def upload(self, filename: str, content: bytes) -> Region:
        """Check and keep an uploaded workbook; errors name sheet, row and column."""
        check_upload(filename, content)
        result = _read_bytes(content)
        if result.region is None:
            raise DatasetError(result.findings)
        region = result.region
        if region.name in dataset_names():
            raise ConflictError(
                f"{region.name} is the embedded dataset's name: give yours another on the sheet "
                "datapackage",
                f"{region.name} on sisäänrakennetun aineiston nimi: anna omallesi toinen nimi "
                "välilehdellä datapackage",
            )
        self.store.add_dataset(region.name, region.title, content)
        return region

    def delete(self, name: str) -> None:
        if name in dataset_names():
            raise ConflictError(
                "an embedded dataset cannot be deleted",
                "sisäänrakennettua aineistoa ei voi poistaa",
            )
        self.store.delete_dataset(name)
        with self._lock:
            for key in [k for k in self._memo if k[1] == name]:
                del self._memo[key]


def check_upload(filename: str, content: bytes) -> None:
    """An upload must be an .xlsx file (a zip) of at most :data:`MAX_UPLOAD` bytes."""

    def bad(code: str, found: str, expected: str) -> DatasetUnreadableError:
        return DatasetUnreadableError(
            [
                Finding(
                    Level.ERROR,
                    code,
                    file=filename[:200],
                    found=found,
                    params={"expected": expected},
                )
            ]
        )

    if not filename.lower().endswith(".xlsx"):
        raise bad("upload_type", Path(filename).suffix or "-", "an Excel workbook (.xlsx)")
    if len(content) > MAX_UPLOAD:
        raise bad("upload_size", f"{len(content)} B", f"at most {MAX_UPLOAD} B")
    if not content.startswith(XLSX_MAGIC):
        raise bad("upload_type", "not a zip", "an Excel workbook (.xlsx)")


def _read_bytes(content: bytes) -> LoadResult:
    with tempfile.TemporaryDirectory(prefix="polku-upload-") as tmp:
        path = Path(tmp) / "dataset.xlsx"
        path.write_bytes(content)
        return read_workbook(path)


# prices ----------------------------------------------------------------------------------


def price(a: Analysis, per_week: float, per_day: float, days: float) -> dict[str, float]:
    """The organiser's net cost of one client-week at a price, and the break-even."""
    terms = a.pricing.terms
    weeks = a.pricing.weeks_per_year
    net = net_cost_per_week(terms, per_week, per_day, days)
    return {
        "per_week": per_week,
        "per_day": per_day,
        "days_per_week": days,
        "net_cost_per_week": round(net, 2),
        "net_cost_per_place_year": round(net * weeks, 0),
        "break_even_per_week": round(break_even_fixed(terms, per_day, days), 2),
        "compensation_per_day": terms.compensation_per_day,
        "share_saved_per_day": round(terms.share_saved_per_day, 2),
        "organiser_cost_per_week": terms.organiser_cost_per_week,
        "weeks_per_year": weeks,
    }


# runs ------------------------------------------------------------------------------------


def scenario_of(name: str, changes: dict[str, Any], title: str = "") -> Scenario:
    """A scenario from the web's data, through the same checks as a scenario file."""
    return scenario_from_data({"name": name, "title": title, "changes": changes}, "scenario")


def _simulate(
    catalog: Catalog,
    dataset: str,
    scenarios: list[Scenario],
    settings: Settings,
    progress: Callable[[float, int], None] | None = None,
) -> Simulation:
    """Run ``scenarios`` against the baseline; ``progress(done, total)`` counts the
    replications of all the runs together, as the engine finishes them."""
    return simulate(
        catalog.region(dataset),
        scenarios,
        settings=settings,
        rules=catalog.rules,
        calibration=catalog.calibration(dataset),
        replications=progress,
    )


def compare(sim: Simulation, first: str, second: str) -> dict[str, Any]:
    """Metrics of two runs side by side, and ``second - first`` replication by replication."""
    runs = {r.name: r for r in sim.runs}
    a, b = runs[first], runs[second]
    sa, sb = series(a), series(b)
    rows = []
    for m in metrics(sim.baseline):
        if m.series not in sa or m.series not in sb:
            continue
        va, vb = m.reduce(sa[m.series]), m.reduce(sb[m.series])
        diff = vb - va
        q = np.percentile(diff, (5, 50, 95))
        rows.append(
            {
                "metric": m.name,
                "unit": m.unit,
                "en": m.en,
                "fi": m.fi,
                "first": round(float(va.mean()), 3),
                "second": round(float(vb.mean()), 3),
                "difference": round(float(diff.mean()), 3),
                "p5": round(float(q[0]), 3),
                "p95": round(float(q[2]), 3),
            }
        )
    return {"first": first, "second": second, "rows": rows}


class Runner:
    """Runs simulations: expected mode at once, stochastic mode in the background."""

    def __init__(self, store: Store, catalog: Catalog) -> None:
        self.store, self.catalog = store, catalog
        self._pool: ThreadPoolExecutor | None = None
        self.counts: dict[int, tuple[float, int]] = {}  # run id -> (done, total) replications

    def start(
        self,
        dataset: str,
        changes: dict[str, Any],
        *,
        mode: str = "expected",
        replications: int = 200,
        seed: int = 20170401,
        months: int = 60,
        scenario_id: int | None = None,
    ) -> int:
        """Check the inputs, record the run and start it; returns the run's id."""
        self.catalog.region(dataset)  # NotFoundError or DatasetError now, not later
        scenario = scenario_of("scenario", changes)
        # what only the region's network can refute is refuted now too, in the reader's
        # language beside its field, not later as a failed run
        check_places(scenario, self.catalog.calibration(dataset).network)
        settings = Settings(mode=mode, replications=replications, seed=seed, months=months)
        row = self.store.add_run(
            scenario_id=scenario_id,
            dataset=dataset,
            changes=changes,
            mode=mode,
            replications=replications if mode == "stochastic" else 1,
            seed=seed,
            months=months,
            status="queued",
        )
        if mode == "expected":
            self._execute(row.id, dataset, scenario, settings)
        else:
            if self._pool is None:  # made when first needed, again after a shutdown
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="polku-run")
            self._pool.submit(self._execute, row.id, dataset, scenario, settings)
        return row.id

    def _execute(self, run_id: int, dataset: str, scenario: Scenario, settings: Settings) -> None:
        self.store.set_run(run_id, status="running")
        self.counts[run_id] = (0.0, 0)

        def tick(done: float, total: int) -> None:
            self.counts[run_id] = (done, total)

        try:
            sim = _simulate(self.catalog, dataset, [scenario], settings, tick)
            self.store.set_run(
                run_id, status="done", progress=1.0, summary=run_summary(sim), finished=_now()
            )
        except Exception as exc:
            self.store.set_run(run_id, status="failed", error=str(exc)[:2000], finished=_now())
        finally:
            # kept as all done, not dropped: a poll that read the row just before the end
            # must not fall back to its stale stored progress (0 %) for a moment
            _, total = self.counts.get(run_id, (0.0, 0))
            self.counts[run_id] = (float(total), total)

    def fraction(self, run_id: int, stored: float) -> float:
        """The share of the run's replications done; below 1 until the run is done (the
        summary is still being made when the last replication ends)."""
        if run_id not in self.counts or stored >= 1.0:  # not run here, or done
            return stored
        done, total = self.counts[run_id]
        return min(done / total, RUNNING_AT_MOST) if total else 0.0

    def replications_done(self, run_id: int) -> tuple[float, int] | None:
        """(replications done, of all) of a run in progress: baseline and scenario."""
        return self.counts.get(run_id)

    def compare(
        self,
        dataset: str,
        first: tuple[str, dict[str, Any]] | None,
        second: tuple[str, dict[str, Any]],
        settings: Settings,
    ) -> dict[str, Any]:
        """Two scenarios (``None`` is the baseline) run with the same random numbers."""
        scenarios = [scenario_of(f"first-{first[0]}", first[1])] if first else []
        scenarios.append(scenario_of(f"second-{second[0]}", second[1]))
        sim = _simulate(self.catalog, dataset, scenarios, settings)
        keys = (scenarios[0].name if first else BASELINE, scenarios[-1].name)
        out = compare(sim, *keys)
        dates = {r.name: r.money.prices.rules_date.isoformat() for r in sim.runs}
        out.update(
            first=first[0] if first else BASELINE,
            second=second[0],
            mode=settings.mode,
            replications=settings.replications if settings.mode == "stochastic" else 1,
            dataset=dataset,
            seed=settings.seed,
            months=settings.months,
            rules={"first": dates[keys[0]], "second": dates[keys[1]]},
        )
        return out

    def shutdown(self) -> None:
        """Cancel queued runs; a run in progress finishes (threads cannot be stopped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            self.store.interrupt_unfinished()


# files -----------------------------------------------------------------------------------


def report_files(
    catalog: Catalog, dataset: str, lang: Lang, changes: list[tuple[str, dict[str, Any]]]
) -> tuple[str, bytes]:
    """The report as HTML text and the workbook as XLSX bytes (without scenarios, made
    once per dataset and language)."""
    if not changes:
        return catalog.memo(("files", dataset, lang), lambda: _files(catalog, dataset, lang, []))
    return _files(catalog, dataset, lang, changes)


def _files(
    catalog: Catalog, dataset: str, lang: Lang, changes: list[tuple[str, dict[str, Any]]]
) -> tuple[str, bytes]:
    from polku.report import build_report, render_html, write_xlsx

    sim = None
    if changes:
        scenarios = [scenario_of(name, c, name) for name, c in changes]
        sim = _simulate(catalog, dataset, scenarios, Settings(months=60))
    report = build_report(
        catalog.region(dataset),
        lang,
        rules=catalog.rules,
        analysis=catalog.analysis(dataset),
        simulation=sim,
        producers=catalog.producers_if_possible(dataset),
    )
    with tempfile.TemporaryDirectory(prefix="polku-xlsx-") as tmp:
        path = write_xlsx(report, Path(tmp) / "report.xlsx")
        return render_html(report), path.read_bytes()


def today() -> str:
    return dt.date.today().isoformat()


__all__ = [
    "BASELINE",
    "DEFAULT_DATASET",
    "MAX_UPLOAD",
    "Catalog",
    "DatasetInfo",
    "Runner",
    "check_upload",
    "compare",
    "price",
    "report_files",
    "scenario_of",
]
