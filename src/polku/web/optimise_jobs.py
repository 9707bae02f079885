"""``polku optimise`` on the dashboard: a search runs in the background, one at a time,
and its page polls its progress (evaluations done of all) until the answer is there.

Jobs live in memory: a restarted server forgets them (a search takes seconds); what a
planner keeps is the mix they save as a scenario.
"""

from __future__ import annotations

import itertools
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from polku.optimise import Optimised, optimise_region

from .service import Catalog

MAX_TRIALS = 2000
MAX_CONFIRM = 1000


@dataclass
class Job:
    """One search: its state, progress and answer."""

    id: int
    dataset: str
    trials: int
    seed: int
    replications: int
    status: str = "queued"  # queued, running, done, failed
    done: int = 0
    error: str = ""
    result: Optimised | None = field(default=None, repr=False)

    @property
    def fraction(self) -> float:
        """Evaluations done of all, below 1 until the answer is there."""
        if self.status == "done":
            return 1.0
        return min(self.done / self.trials, 0.99) if self.trials else 0.0


class OptimiseJobs:
    """The dashboard's searches, run one after another in a background thread."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    def start(self, dataset: str, trials: int, seed: int, replications: int) -> Job:
        """Record a search of ``dataset`` and start it; the dataset is checked now."""
        self.catalog.region(dataset)  # NotFoundError or DatasetError now, not later
        with self._lock:
            job = Job(next(self._ids), dataset, trials, seed, replications)
            self.jobs[job.id] = job
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="polku-optimise")
        self._pool.submit(self._run, job)
        return job

    def _run(self, job: Job) -> None:
        job.status = "running"

        def tick(done: int, _total: int) -> None:
            job.done = done

        try:
            job.result = optimise_region(
                self.catalog.region(job.dataset),
                seed=job.seed,
                trials=job.trials,
                replications=job.replications,
                progress=tick,
            )
            job.status = "done"
        except Exception as exc:  # shown on the page; the server stays up
            job.error, job.status = str(exc)[:2000], "failed"

    def get(self, job_id: int) -> Job | None:
        return self.jobs.get(job_id)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
