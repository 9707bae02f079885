"""Strict YAML: safe types only, duplicate keys refused, every node's line kept.

:func:`load` returns the data and a map from each node's path (a tuple of keys and
list indexes) to its line number, so that errors can name the line they are about.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError

Path = tuple[Any, ...]


class DuplicateKeyError(ConstructorError):
    """A mapping has the same key twice."""

    def __init__(self, key: Any, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"duplicate key {key!r}", mark)
        self.key = key


def load(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse ``text``; raises ``yaml.YAMLError`` (with a mark where known)."""
    loader = yaml.SafeLoader(text)
    lines: dict[Path, int] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            return None, lines
        return _walk(loader, node, (), lines), lines
    finally:
        loader.dispose()


def _walk(loader: yaml.SafeLoader, node: yaml.Node, path: Path, lines: dict[Path, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in out:
                raise DuplicateKeyError(key, key_node.start_mark)
            out[key] = _walk(loader, value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1  # errors point at the key
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(loader, item, (*path, i), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def describe(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """The line and a one-line description of a YAML error."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return None, str(exc)
    detail = exc.problem or str(exc)
    if exc.context and exc.context_mark is not None:
        detail += f" ({exc.context}, line {exc.context_mark.line + 1})"
    line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
    return line, detail
