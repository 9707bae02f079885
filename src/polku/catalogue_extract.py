"""Keeping the gettext catalogues in step with the code (a developer's tool).

Polku's English texts are keyed dictionaries (``UI = {"nav": "Main menu", ...}``), not
``_()`` calls, so ``pybabel extract`` is given :func:`extract_keyed` as its method for
those files (``babel.cfg`` names the dictionaries and their context prefix). Then

    python -m polku.catalogue_extract

writes ``src/polku/locale/polku.pot`` and merges it into every language's PO file with
Babel (new texts empty, changed ones fuzzy, removed ones obsolete), which is what a
translator then edits (Poedit, Weblate, any PO editor). ``pybabel extract -F babel.cfg``
and ``pybabel update`` do the same by hand.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

PARTS = ("what", "expected")  # a message entry's two texts, in order


def extract_keyed(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extraction method: every text of the module-level dictionaries that the
    ``catalogues`` option names (``NAME:prefix ...``), with ``prefix:key`` as context.

    A value is a string (the English) or a call with two strings (a message's ``what``
    and ``expected``: contexts ``prefix:key:what`` and ``prefix:key:expected``).
    """
    wanted = dict(item.split(":", 1) for item in str(options.get("catalogues", "")).split())
    tree = ast.parse(fileobj.read())
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(node, ast.AnnAssign):
            target = node.target
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if not isinstance(target, ast.Name) or target.id not in wanted:
            continue
        if not isinstance(value, ast.Dict):
            raise ValueError(f"{target.id} is not a dictionary literal (line {node.lineno})")
        prefix = wanted[target.id]
        for key, text in zip(value.keys, value.values, strict=True):
            if not isinstance(key, ast.Constant) or not isinstance(key.value, str):
                raise ValueError(f"{target.id}: a key is not a string (line {text.lineno})")
            yield from _texts(f"{prefix}:{key.value}", text)


def _texts(context: str, node: ast.expr) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.lineno, "pgettext", (context, node.value), []
        return
    if isinstance(node, ast.Call) and len(node.args) == len(PARTS):
        for part, arg in zip(PARTS, node.args, strict=True):
            if not isinstance(arg, ast.Constant) or not isinstance(arg.value, str):
                raise ValueError(f"{context}: {part} is not a string (line {arg.lineno})")
            yield arg.lineno, "pgettext", (f"{context}:{part}", arg.value), []
        return
    raise ValueError(f"{context}: neither a string nor a message (line {node.lineno})")


def template(root: Path) -> Any:
    """The catalogue template (a Babel ``Catalog``) of the code under ``root``."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (root / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    catalog = Catalog(project="Polku", copyright_holder="Polku developers", fuzzy=False)
    found = extract_from_dir(root, method_map, options_map, strip_comment_tags=True)
    for _file, _line, message, comments, context in found:
        catalog.add(message, context=context, auto_comments=comments)
    return catalog


def main(argv: list[str] | None = None) -> int:
    """Write the template and merge it into every PO file (run from the repository)."""
    from babel.messages.pofile import read_po, write_po

    root = Path(argv[0] if argv else ".").resolve()
    locale = root / "src" / "polku" / "locale"
    pot = template(root)
    with (locale / "polku.pot").open("wb") as out:
        write_po(out, pot, width=88, no_location=True, omit_header=True)
    for po_path in sorted(locale.glob("*/LC_MESSAGES/polku.po")):
        with po_path.open("rb") as handle:
            po = read_po(handle, locale=po_path.parts[-3])
        po.update(pot, update_header_comment=False)
        with po_path.open("wb") as out:
            write_po(out, po, width=88, no_location=True, ignore_obsolete=True)
        todo = sum(1 for m in po if m.id and (not m.string or m.fuzzy))
        print(f"{po_path.relative_to(root)}: {len(po)} texts, {todo} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
