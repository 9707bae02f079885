"""Array primitives the engine repeats every month, written for NumPy's speed.

Two NumPy operations are much slower on the engine's arrays than they need to be:
finding the nonzero cells of a float array (a branch per cell) and summing over a
short axis (a reduction loop per output cell). A month sums over short axes dozens of
times, so these two helpers matter; see ``benchmarks/run.py`` for the engine's speed.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
_SHORT = 8  # axes up to this length are summed by adding their slices
_SMALL = 2_000  # arrays with fewer cells are summed by NumPy in one call


def live_cells(counts: NDArray[np.generic]) -> NDArray[np.intp]:
    """Flat indexes of the cells that hold someone. ``counts != 0`` first: NumPy finds
    the nonzeros of a boolean array several times faster than of a float array.

    Examples:
        >>> live_cells(np.array([[0.0, 2.0], [1.0, 0.0]])).tolist()
        [1, 2]
    """
    return np.flatnonzero(counts != 0)


def total(values: Array, axis: int | tuple[int, ...]) -> Array:
    """``values.sum(axis)``, adding the slices of each short axis instead of reducing it.

    Examples:
        >>> total(np.arange(24.0).reshape(2, 3, 4), (0, 2)).tolist()
        [60.0, 92.0, 124.0]
    """
    if values.size < _SMALL:  # one call costs less than the slices' several
        return np.asarray(values.sum(axis=axis), dtype=np.float64)
    axes = sorted({a % values.ndim for a in ((axis,) if isinstance(axis, int) else axis)})
    trailing = axes == list(range(values.ndim - len(axes), values.ndim))
    if trailing and len(axes) > 1 and values.flags.c_contiguous:
        # the last axes of a contiguous array: one axis in memory
        values, axes = values.reshape(*values.shape[: values.ndim - len(axes)], -1), [-1]
    out = values
    # the last axis first, so that the earlier axes keep their numbers
    for a in reversed([a % values.ndim for a in axes]):
        if out.shape[a] == 1:
            out = out.reshape(out.shape[:a] + out.shape[a + 1 :])
            continue
        if out.shape[a] > _SHORT:
            out = out.sum(axis=a)
            continue
        view = np.moveaxis(out, a, 0)  # no copy
        summed = view[0].copy()
        for j in range(1, view.shape[0]):
            summed += view[j]
        out = summed
    return np.asarray(out, dtype=np.float64)
