"""Every message code used exists; numbers and languages follow the locale."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from polku.i18n import detect_lang, fmt_number, parse_lang
from polku.messages import CATALOGUE

SRC = Path(__file__).parents[1] / "src" / "polku"


# Calls that take a message code, and the position of the code among their arguments.
_CODE_ARGUMENT = {
    "Finding": 1,
    "problem": 0,
    "_finding": 0,
    "_unreadable": 0,
    "warn": 3,
    "_error": 4,
    "_share_check": 6,
}


def _codes_in(tree: ast.AST) -> set[str]:
    codes = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        index = _CODE_ARGUMENT.get(name)
        if index is not None and len(node.args) > index:
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.add(arg.value)
    return codes


def test_every_code_used_in_the_source_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        used |= _codes_in(ast.parse(path.read_text("utf-8")))
    assert used - set(CATALOGUE) == set()
    assert len(used) > 25


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (1234.5, "fi", "1\u00a0234,5"),
        (1234.5, "en", "1,234.5"),
        (2480, "fi", "2\u00a0480"),
        (24.625, "en", "24.62"),
        (0.1, "fi", "0,1"),
        (-35, "fi", "-35"),
        (1234.5, "sv", "1\u00a0234,5"),  # Babel's Swedish symbols
    ],
)
def test_fmt_number(value: float, lang: str, text: str) -> None:
    assert fmt_number(value, parse_lang(lang)) == text


def test_detect_lang() -> None:
    assert detect_lang({"LANG": "fi_FI.UTF-8"}) == "fi"
    assert detect_lang({"LANG": "en_GB.UTF-8"}) == "en"
    assert detect_lang({"POLKU_LANG": "fi", "LANG": "C"}) == "fi"
    assert detect_lang({}) == "en"
    assert detect_lang({"LANG": "sv_FI.UTF-8"}) == "sv"
    assert detect_lang({"LANG": "de_DE.UTF-8"}) == "en"  # no German catalogue


def test_parse_lang_refuses_others() -> None:
    with pytest.raises(ValueError, match="fi, en, sv"):
        parse_lang("de")
