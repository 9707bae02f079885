"""Bounds a run is held to before it starts: its settings, its inputs and its memory.

- Settings: ``replications``, ``months`` and ``workers`` are whole numbers of at least
  1, the seed a whole number from 0 to 2**63 - 1 (:func:`check_settings`); a bad one is
  an :class:`~polku.errors.AssumptionError`, never NumPy's ``ValueError``.
- Inputs: the counts of people the engine starts from (inflow, starting stocks,
  places) are finite and from 0 to :data:`MAX_COUNT`, its rates finite
  (:func:`check_inputs`); otherwise a :class:`~polku.errors.DatasetError` names them.
  Larger counts would overflow the 64-bit integers of the stochastic draws.
- Memory: a run's estimate (:mod:`polku.simulation.footprint`) is compared with a
  limit before anything is allocated (:func:`check_memory`); above it, a
  :class:`~polku.errors.ResourceLimitError` gives the estimate, the limit and the
  option that raises it (``--max-memory``).

The default memory limit (:func:`default_memory_limit`) is half of the memory this
machine (or its container's cgroup, when that is smaller) has, or 4 GiB when neither
can be read. Sizes are binary: ``16G`` is 16 GiB (:func:`parse_size`).
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import re
from pathlib import Path
from typing import Any

import numpy as np

from polku.errors import AssumptionError, DatasetError, ResourceLimitError
from polku.findings import Finding, Level
from polku.i18n import Lang, fmt_number

from .network import Network

MEMORY_SHARE = 0.5  # the default limit: this share of the machine's memory
FALLBACK_MEMORY = 4 * 2**30  # when the machine's memory cannot be read
MAX_SEED = 2**63 - 1
MAX_MONTHS = 600  # 50 years, the longest horizon a scenario or a command asks for
MAX_COUNT = 1e9  # people in one cell or month: more than any region has
MODES = ("expected", "stochastic")
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}
_CGROUP_FILES = ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")
_SETTINGS = {  # name: (Finnish name, lowest, highest)
    "replications": ("toistot", 1, None),
    "months": ("kuukaudet", 1, MAX_MONTHS),
    "workers": ("prosessit", 1, None),
    "seed": ("siemen", 0, MAX_SEED),
    "samples": ("otokset", 1, None),
}


def check_whole(name: str, value: Any) -> int:
    """``value`` of setting ``name`` (``replications``, ``months``, ``workers``,
    ``seed`` or ``samples``) as an int; :class:`AssumptionError` if it is not a whole
    number in range."""
    fi, low, high = _SETTINGS[name]
    whole = isinstance(value, int | np.integer) and not isinstance(value, bool)
    if whole and low <= value and (high is None or value <= high):
        return int(value)
    top_en = f" to {high:,}" if high is not None else ""
    top_fi = f" - {high}" if high is not None else ""
    en = f"{name} {value!r}: expected a whole number from {low}{top_en}"
    raise AssumptionError(f"{en} / {fi} {value!r}: odotettiin kokonaislukua {low}{top_fi}")


def check_settings(
    mode: Any, replications: Any, seed: Any, months: Any, workers: Any, memory_limit: Any
) -> None:
    """Refuse settings a run cannot take, with the setting and what it accepts."""
    if mode not in MODES:
        raise AssumptionError(
            f"mode {mode!r}: expected one of: {', '.join(MODES)} / tila {mode!r}: odotettiin "
            "expected tai stochastic"
        )
    for name, value in (
        ("replications", replications),
        ("seed", seed),
        ("months", months),
        ("workers", workers),
    ):
        check_whole(name, value)
    if memory_limit is not None and not (
        isinstance(memory_limit, int) and not isinstance(memory_limit, bool) and memory_limit > 0
    ):
        raise AssumptionError(
            f"memory limit {memory_limit!r}: expected a number of bytes above 0 (--max-memory) "
            f"/ muistiraja {memory_limit!r}: odotettiin tavumäärää, yli 0 (--max-memory)"
        )


def check_inputs(net: Network) -> None:
    """Refuse a network whose counts are not finite or beyond :data:`MAX_COUNT`, or
    whose rates are not finite: :class:`DatasetError` names each (they come from the
    dataset; ``polku check`` bounds its values)."""
    counts = {
        "inflow": net.inflow,
        "initial_u": net.initial_u,
        "initial_q": net.initial_q,
        "initial_m": net.initial_m,
        **{f"places.{m.name}": m.places for m in net.measures},
    }
    rates = {
        "hazard": net.hazard,
        "advance": net.advance,
        "segment_shares": net.segment_shares,
        "destinations": net.destinations,
        "queue_advance": net.queue_advance,
        "abandon_prob": np.asarray(net.abandon_prob, dtype=np.float64),
        **{f"exit_prob.{m.name}": np.asarray(m.exit_prob, dtype=np.float64) for m in net.measures},
        **{f"route.{m.name}": m.route for m in net.measures},
        **{f"outcomes.{m.name}": m.outcomes for m in net.measures},
    }
    findings = []
    for name, values in counts.items():
        bad = ~np.isfinite(values) | (values < 0) | (values > MAX_COUNT)
        if bad.any():
            findings.append(_input_finding(name, values, bad, "count"))
    for name, values in rates.items():
        bad = ~np.isfinite(values)
        if bad.any():
            findings.append(_input_finding(name, values, bad, "rate"))
    if findings:
        raise DatasetError(findings)


def _input_finding(name: str, values: Any, bad: Any, kind: str) -> Finding:
    flat = np.asarray(values, dtype=np.float64).reshape(-1)
    first = int(np.flatnonzero(np.asarray(bad).reshape(-1))[0])
    return Finding(
        Level.ERROR,
        f"simulation_{kind}",
        column=name,
        found=f"{flat[first]:g}",
        params={"name": name, "high": int(MAX_COUNT)},
    )


@functools.cache
def machine_memory() -> int | None:
    """Bytes of memory this machine has (its cgroup's limit when smaller), if known."""
    found: list[int] = []
    with contextlib.suppress(AttributeError, ValueError, OSError):
        found.append(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    for name in _CGROUP_FILES:
        try:
            text = Path(name).read_text(encoding="ascii").strip()
        except OSError:
            continue
        if text.isdigit() and 0 < int(text) < 2**60:  # "max" or a huge number: no limit
            found.append(int(text))
    positive = [n for n in found if n > 0]
    return min(positive) if positive else None


def default_memory_limit() -> int:
    """:data:`MEMORY_SHARE` of :func:`machine_memory`, or :data:`FALLBACK_MEMORY`."""
    total = machine_memory()
    return int(total * MEMORY_SHARE) if total else FALLBACK_MEMORY


def parse_size(text: str) -> int:
    """Bytes in a size such as ``16G``, ``512M``, ``2.5GiB`` or ``1000000`` (binary
    units K, M, G, T; a trailing B or iB is allowed); :class:`AssumptionError` if not.

    Examples:
        >>> parse_size("16G") == 16 * 2**30
        True
        >>> parse_size("1.5 GiB") == 3 * 2**29
        True
    """
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*([kKmMgGtT]?)(?:i?[bB])?\s*", str(text))
    if match is None or float(match[1].replace(",", ".")) <= 0:
        raise AssumptionError(
            f"--max-memory {text!r}: expected a size such as 16G or 512M / odotettiin kokoa, "
            "esimerkiksi 16G tai 512M"
        )
    return int(float(match[1].replace(",", ".")) * _UNITS[match[2].lower()])


def format_size(size: float, lang: Lang = "en") -> str:
    """``size`` bytes in MiB or GiB, e.g. ``8.4 GiB`` (``8,4 GiB`` in Finnish)."""
    if size >= 2**30:
        return f"{fmt_number(size / 2**30, lang, 1)} GiB"
    return f"{fmt_number(max(size / 2**20, 0.1), lang, 1)} MiB"


def run_size(reps: int, runs: int, months: int) -> tuple[str, str]:
    """A simulation's size in words, English and Finnish, for :func:`check_memory`."""
    return (
        f"{reps:,} replications, {runs} run{'s' if runs != 1 else ''} of up to {months} months",
        f"{fmt_number(reps, 'fi')} toistoa, {runs} ajoa, enintään {months} kuukautta",
    )


def sweep_size(reps: int, months: int, processes: int) -> tuple[str, str]:
    """A sweep's size in words, English and Finnish, for :func:`check_memory`."""
    return (
        f"{reps:,} replications of {months} months a variant, {processes} at once",
        f"{fmt_number(reps, 'fi')} toistoa, {months} kuukautta muunnelmaa kohden, "
        f"{processes} yhtä aikaa",
    )


def check_memory(need: int, limit: int | None, size: tuple[str, str]) -> None:
    """Refuse a run whose estimate ``need`` (bytes) exceeds ``limit`` (``None``: the
    :func:`default_memory_limit`) with :class:`ResourceLimitError`; ``size`` says the
    run's size in English and Finnish (:func:`run_size`, :func:`sweep_size`). The
    message gives the estimate, the limit and ``--max-memory``, in both languages."""
    cap = limit if limit is not None else default_memory_limit()
    if need <= cap:
        return
    suggest = f"{max(1, math.ceil(need * 1.25 / 2**30))}G"
    share = round(MEMORY_SHARE * 100)
    whose = (
        ("given", "annettu")
        if limit is not None
        else (f"the default, {share}% of this machine's memory", f"oletus, {share} % muistista")
    )
    en = (
        f"the run would need about {format_size(need)} of memory ({size[0]}); the limit is "
        f"{format_size(cap)} ({whose[0]}). Fewer replications, scenarios or months need "
        f"less; --max-memory raises the limit (e.g. --max-memory {suggest})"
    )
    fi = (
        f"ajo tarvitsisi noin {format_size(need, 'fi')} muistia ({size[1]}); raja on "
        f"{format_size(cap, 'fi')} ({whose[1]}). Vähemmän toistoja, skenaarioita tai "
        f"kuukausia tarvitsee vähemmän; --max-memory nostaa rajaa (esim. --max-memory {suggest})"
    )
    raise ResourceLimitError(f"{en}\n{fi}")
