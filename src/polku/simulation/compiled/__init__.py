"""The compiled month step: the stochastic engine as Numba kernels.

Numba is an optional dependency (the ``fast`` extra). :func:`available` says whether
it can be imported; nothing in this package imports it before that is asked, so a
plain ``pip install .`` runs the NumPy engine (:mod:`polku.simulation.month`), which
stays the reference. See docs/simulation.md, "Engines".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
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


def jit(function: F) -> F:
    """``function`` compiled by Numba (``nopython``, cached on disk), or as it is
    where Numba is missing (a kernel then runs as slow plain Python)."""
    if not available():  # pragma: no cover
        return function
    import numba

    compiled = numba.njit(cache=True, nogil=True, error_model="numpy")(function)
    return cast(F, compiled)
