"""The compiled month step: the stochastic engine as Numba kernels.

Numba is an optional dependency (the ``fast`` extra). :func:`available` says whether
it can be imported; nothing in this package imports it before that is asked, so a
plain ``pip install .`` runs the NumPy engine (:mod:`polku.simulation.month`), which
stays the reference. See docs/simulation.md, "Engines".
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])


@cache
def available() -> bool:
    """Whether Numba can be imported here."""
    try:
        import numba  # noqa: F401
    except ImportError:  # pragma: no cover - the fast extra is not installed
        return False
    return True


@cache
def cache_dir() -> str:
    """Where the compiled kernels are cached: a folder of the user's cache named by a
    digest of this package's sources and Numba's version. Numba checks only a cached
    function's own file, not the files of the functions it calls; a digest of them all
    makes a change anywhere here compile everything afresh."""
    import numba
    import platformdirs

    digest = hashlib.sha256(numba.__version__.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return str(Path(platformdirs.user_cache_dir("polku")) / "numba" / digest.hexdigest()[:16])


def cached() -> bool:
    """Whether the month loop's compiled code is in the disk cache (:func:`cache_dir`):
    a run then loads it in about 0.3 s; otherwise its first chunk compiles it, about
    17 s on this project's machine."""
    return any(Path(cache_dir()).rglob("kernel.months-*.nbi"))


def one_blas_thread() -> AbstractContextManager[object]:
    """While the compiled engine's threads run, BLAS on one thread: OpenBLAS's own
    threads keep spinning on the other core after a call (calibration's, NumPy's) and
    slowed two threads of the kernel by a third (0.74 s against 0.56 s for 1000
    replications of the embedded region). ``threadpoolctl`` comes with the ``fast``
    extra; without it, nothing changes."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - numba installed without the extra
        return nullcontext()
    return cast(AbstractContextManager[object], threadpool_limits(limits=1, user_api="blas"))


def jit(function: F) -> F:
    """``function`` compiled by Numba (``nopython``, cached on disk in
    :func:`cache_dir`), or as it is where Numba is missing (a kernel then runs as slow
    plain Python), without Numba's reference counting: for code that makes no array.
    A call counted up and down the reference of every array it was given, with atomic
    instructions, where the counting could not be pruned; that cost a binomial draw
    15 % and a month of the peer network a microsecond."""
    return _compile(function, counted=False)


def jit_inline(function: F) -> F:
    """As :func:`jit`, and written into each caller (Numba's ``inline="always"``) rather
    than called: the short samplers (a uniform, a binomial's choice of method and its
    person-by-person draws, a multinomial, a Poisson) and most month steps. A call
    between compiled functions passes each array as its seven words and checks a status
    word on return; a draw made by a call cost the embedded region and its small areas
    8 % of their time (same bits either way). The long samplers (inversion, BTRS) stay
    calls: written into each of their dozen callers, they made the first compilation
    36 s against 14 s, for no gain measured."""
    return _compile(function, counted=False, inline=True)


def jit_allocating(function: F) -> F:
    """As :func:`jit`, with Numba's reference counting, for code that makes arrays
    (the month loop's scratch, a replication's views)."""
    return _compile(function, counted=True)


def _compile(function: F, *, counted: bool, inline: bool = False) -> F:
    if not available():  # pragma: no cover
        return function
    import numba
    from numba.core import config

    settings = vars(config)  # numba.config sets its names at import: not typed
    previous = settings["CACHE_DIR"]
    settings["CACHE_DIR"] = cache_dir()  # read once, when the function's cache is made
    try:
        njit: Any = numba.njit  # its typed overloads do not know the _nrt option
        compiled = njit(
            cache=True,
            nogil=True,
            error_model="numpy",
            _nrt=counted,
            inline="always" if inline else "never",
        )(function)
    finally:
        settings["CACHE_DIR"] = previous
    return cast(F, compiled)
