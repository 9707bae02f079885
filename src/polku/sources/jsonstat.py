"""JSON-stat 2.0 datasets (the format of Statistics Finland's PxWeb ``json-stat2``).

Read per the specification (https://json-stat.org/format/): the dimension order is
``id``; each dimension's ``category.index`` is a list of ids or an object of
positions (a single-category dimension may give only ``label``); ``value`` is a list
(``null`` = missing) or a sparse object keyed by flat index; ``status`` is one string,
a list or a sparse object. Values are in row-major order, the last dimension of ``id``
changing fastest. Every problem is a :class:`SourceFormatError` naming where it is.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from polku.errors import SourceFormatError


@dataclass(frozen=True)
class Dimension:
    """One dimension: its category ids in order and their labels."""

    id: str
    label: str
    categories: tuple[str, ...]
    labels: Mapping[str, str]

    def position(self, category: str) -> int:
        return self.categories.index(category)


@dataclass(frozen=True)
class Cell:
    """One value with its categories (dimension id -> category id) and status."""

    categories: Mapping[str, str]
    value: float | None
    status: str | None


@dataclass(frozen=True)
class Dataset:
    """A JSON-stat 2.0 dataset, read and checked."""

    label: str
    dimensions: tuple[Dimension, ...]
    values: tuple[float | None, ...]
    statuses: tuple[str | None, ...]
    updated: str | None
    source: str

    @property
    def size(self) -> tuple[int, ...]:
        return tuple(len(d.categories) for d in self.dimensions)

    def dimension(self, dim_id: str) -> Dimension:
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        known = ", ".join(d.id for d in self.dimensions)
        raise SourceFormatError(self.source, f"dimension {dim_id}", f"one of: {known}")

    def flat_index(self, categories: Mapping[str, str]) -> int:
        """The position of a cell in ``values``: last dimension fastest."""
        index = 0
        for d in self.dimensions:
            index = index * len(d.categories) + d.position(categories[d.id])
        return index

    def value(self, **categories: str) -> float | None:
        """The value at the given category of every dimension."""
        return self.values[self.flat_index(categories)]

    def cells(self) -> Iterator[Cell]:
        """Every cell, in the dataset's order."""
        sizes = self.size
        for flat, value in enumerate(self.values):
            rest, positions = flat, []
            for size in reversed(sizes):
                rest, position = divmod(rest, size)
                positions.append(position)
            positions.reverse()
            categories = {
                d.id: d.categories[p] for d, p in zip(self.dimensions, positions, strict=True)
            }
            yield Cell(categories, value, self.statuses[flat])


def _categories(source: str, dim_id: str, spec: Any) -> tuple[tuple[str, ...], dict[str, str]]:
    where = f"dimension {dim_id}.category"
    if not isinstance(spec, dict):
        raise SourceFormatError(source, where, "an object with index and/or label", spec)
    labels = spec.get("label") or {}
    if not isinstance(labels, dict):
        raise SourceFormatError(source, f"{where}.label", "an object of category labels", labels)
    index = spec.get("index")
    if index is None:
        if len(labels) != 1:
            raise SourceFormatError(
                source, f"{where}.index", "an index, or a label of exactly one category", labels
            )
        ids: tuple[str, ...] = tuple(labels)
    elif isinstance(index, list):
        ids = tuple(str(i) for i in index)
    elif isinstance(index, dict):
        try:
            positions = sorted((int(p), str(k)) for k, p in index.items())
        except (TypeError, ValueError) as exc:
            raise SourceFormatError(
                source, f"{where}.index", "integer positions", list(index.values())
            ) from exc
        if [p for p, _ in positions] != list(range(len(positions))):
            raise SourceFormatError(
                source, f"{where}.index", "positions 0..n-1, each once", sorted(index.values())
            )
        ids = tuple(k for _, k in positions)
    else:
        raise SourceFormatError(source, f"{where}.index", "a list or an object", index)
    if len(set(ids)) != len(ids):
        raise SourceFormatError(source, f"{where}.index", "category ids each once", ids)
    return ids, {i: str(labels.get(i, i)) for i in ids}


def _number(source: str, where: str, raw: Any) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise SourceFormatError(source, where, "a number or null", raw)
    value = float(raw)
    if not math.isfinite(value):
        raise SourceFormatError(source, where, "a finite number", raw)
    return value


def _spread(source: str, name: str, raw: Any, total: int) -> list[Any]:
    """A list of ``total`` entries from a list or a sparse object keyed by flat index."""
    if isinstance(raw, list):
        if len(raw) != total:
            raise SourceFormatError(
                source, name, f"{total} entries (the product of size)", len(raw)
            )
        return list(raw)
    if isinstance(raw, dict):
        out: list[Any] = [None] * total
        for key, item in raw.items():
            if not str(key).isdigit() or int(key) >= total:
                raise SourceFormatError(source, f"{name}[{key}]", f"a flat index below {total}")
            out[int(key)] = item
        return out
    raise SourceFormatError(source, name, "a list or an object keyed by flat index", raw)


def parse(doc: Any, source: str = "json-stat") -> Dataset:
    """A JSON-stat 2.0 dataset from its parsed JSON; ``source`` names it in errors."""
    if not isinstance(doc, dict):
        raise SourceFormatError(source, "document", "a JSON object", type(doc).__name__)
    if doc.get("class") != "dataset":
        raise SourceFormatError(source, "class", '"dataset"', doc.get("class", ""))
    if str(doc.get("version", "")) != "2.0":
        raise SourceFormatError(source, "version", '"2.0"', doc.get("version", ""))
    ids, size, dims = doc.get("id"), doc.get("size"), doc.get("dimension")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise SourceFormatError(source, "id", "a list of dimension ids", ids)
    if not isinstance(size, list) or len(size) != len(ids):
        raise SourceFormatError(source, "size", f"{len(ids)} sizes, one per id", size)
    if not isinstance(dims, dict):
        raise SourceFormatError(source, "dimension", "an object of dimensions", dims)
    dimensions = []
    for dim_id, n in zip(ids, size, strict=True):
        spec = dims.get(dim_id)
        if not isinstance(spec, dict):
            raise SourceFormatError(source, f"dimension {dim_id}", "an object", spec)
        categories, labels = _categories(source, dim_id, spec.get("category"))
        if len(categories) != n:
            raise SourceFormatError(source, f"size of {dim_id}", f"{len(categories)}", n)
        dimensions.append(Dimension(dim_id, str(spec.get("label", dim_id)), categories, labels))
    total = math.prod(int(n) for n in size)
    raw_values = _spread(source, "value", doc.get("value"), total)
    values = tuple(_number(source, f"value[{i}]", v) for i, v in enumerate(raw_values))
    status = doc.get("status")
    if status is None:
        statuses: tuple[str | None, ...] = (None,) * total
    elif isinstance(status, str):
        statuses = (status,) * total
    else:
        statuses = tuple(
            None if s is None else str(s) for s in _spread(source, "status", status, total)
        )
    return Dataset(
        str(doc.get("label", "")),
        tuple(dimensions),
        values,
        statuses,
        doc.get("updated"),
        source,
    )


__all__ = ["Cell", "Dataset", "Dimension", "SourceFormatError", "parse"]
