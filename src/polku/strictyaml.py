"""Strict YAML: safe types only, duplicate keys refused, every node's line kept.

:func:`load` returns the data and a map from each node's path (a tuple of keys and
list indexes) to its line number, so that errors can name the line they are about.

A hostile file is refused with a located :class:`yaml.YAMLError` rather than expanded:
aliases (``*name``, the "billion laughs" bomb) are not allowed, nesting is bounded,
so is the number of values, a mapping key must be text, a number, true/false or a
date, and a value the YAML types cannot hold (``2025-13-01``) is an error at its line.

:func:`read_text` and :func:`decode` read a text file (YAML or CSV) as UTF-8 (with or
without a byte-order mark) and name what it is when it is not: UTF-16, latin-1, a NUL
byte, a file too large.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path as FilePath
from typing import Any, cast

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

Path = tuple[Any, ...]

MAX_YAML_BYTES = 1_000_000  # a dataset descriptor is about 40 kB, a rule file less
MAX_DEPTH = 64  # the files Polku reads nest five or six levels
MAX_NODES = 50_000  # a descriptor has about 4000; the cap keeps a refusal within seconds
KEY_TYPES = (str, int, float, dt.date)  # bool is an int; dt.datetime a dt.date


class DuplicateKeyError(ConstructorError):
    """A mapping has the same key twice."""

    def __init__(self, key: Any, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"duplicate key {key!r}", mark)
        self.key = key


class TextError(yaml.MarkedYAMLError):
    """A file is not UTF-8 text, holds a NUL byte, or is too large.

    ``code`` is the finding's code (``encoding``, ``text_nul`` or ``file_too_large``),
    ``line`` the line (1-based) where known, ``found`` what was seen (the encoding the
    bytes look like) and ``params`` the message's parameters.
    """

    def __init__(
        self, code: str, problem: str, line: int | None = None, found: str = "", **params: Any
    ) -> None:
        mark = yaml.Mark("<text>", 0, line - 1, 0, None, 0) if line else None
        super().__init__(None, None, problem, mark)
        self.code, self.line, self.found, self.params = code, line, found, params


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: every other byte of ASCII is NUL."""
    head = data[:4096]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.3


def _not_utf8(guess: str, line: int | None, offset: int) -> TextError:
    problem = f"not UTF-8 text (it looks like {guess}); save it as UTF-8"
    return TextError("encoding", problem, line, found=guess, offset=offset)


def decode(data: bytes, limit: int = MAX_YAML_BYTES) -> str:
    """``data`` as UTF-8 text (a byte-order mark is dropped).

    Raises:
        TextError: the bytes are another encoding (named when it can be told), hold a
            NUL byte, or are more than ``limit`` bytes.
    """
    if len(data) > limit:
        raise _too_large(len(data), limit)
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise _not_utf8(name, 1, 0)
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(data):
            raise _not_utf8("UTF-16", None, 0)
        line = data.count(b"\n", 0, nul) + 1
        raise TextError("text_nul", "a NUL byte in the text (a binary file?)", line, offset=nul)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            data.decode("cp1252")
            guess = "latin-1 / Windows-1252"
        except UnicodeDecodeError:
            guess = "latin-1 (ISO-8859-1)"
        raise _not_utf8(guess, line, exc.start) from exc


def _too_large(size: int, limit: int) -> TextError:
    return TextError(
        "file_too_large",
        f"the file is too large ({size} bytes; at most {limit})",
        size=size,
        limit=limit,
    )


def read_text(path: str | FilePath, limit: int = MAX_YAML_BYTES) -> str:
    """The UTF-8 text of the file at ``path`` (see :func:`decode`); at most ``limit``
    bytes are read.

    Raises:
        TextError: the file is not UTF-8 text, holds a NUL byte, or is too large.
        OSError: the file cannot be opened (missing, a folder, no permission).
    """
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    return decode(data, limit)


class _Loader(yaml.SafeLoader):
    """The safe loader with aliases refused and the depth and node count bounded."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        mark = cast(yaml.Mark, event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            problem = f"an alias (*{event.anchor}) is not allowed; write the value out"
            raise ComposerError(None, None, problem, mark)
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ComposerError(None, None, f"more than {MAX_NODES} values in one file", mark)
        if self.depth >= MAX_DEPTH:
            raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep", mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def load(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse ``text``; raises ``yaml.YAMLError`` (with a mark where known)."""
    if len(text) > MAX_YAML_BYTES:
        raise _too_large(len(text), MAX_YAML_BYTES)
    loader = _Loader(text)
    lines: dict[Path, int] = {}
    try:
        node = loader.get_single_node()
        if node is None:
            return None, lines
        return _walk(loader, node, (), lines), lines
    finally:
        loader.dispose()


def _construct(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """A scalar's value; a value its type cannot hold is an error at its line."""
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, TypeError) as exc:
        shown = str(node.value)[:40]
        raise ConstructorError(
            None, None, f"{shown!r} cannot be read as a value: {exc}", node.start_mark
        ) from exc


def _key(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        key = _construct(loader, node)
        if isinstance(key, KEY_TYPES):
            return key
        kind = "an empty key" if key is None else f"a {type(key).__name__} key"
    else:
        kind = "a list as a key" if isinstance(node, yaml.SequenceNode) else "a mapping as a key"
    raise ConstructorError(
        None, None, f"{kind}: a key must be text, a number or a date", node.start_mark
    )


def _walk(loader: yaml.SafeLoader, node: yaml.Node, path: Path, lines: dict[Path, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _key(loader, key_node)
            if key in out:
                raise DuplicateKeyError(key, key_node.start_mark)
            out[key] = _walk(loader, value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1  # errors point at the key
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(loader, item, (*path, i), lines) for i, item in enumerate(node.value)]
    return _construct(loader, node)


def describe(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """The line and a one-line description of a YAML error."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return None, str(exc)
    detail = exc.problem or str(exc)
    if exc.context and exc.context_mark is not None:
        detail += f" ({exc.context}, line {exc.context_mark.line + 1})"
    line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
    return line, detail
