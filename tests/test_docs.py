"""The documentation says what the code does."""

from __future__ import annotations

from pathlib import Path

from polku.data.schema import markdown_reference

ROOT = Path(__file__).parents[1]


def test_dataset_reference_is_current() -> None:
    text = (ROOT / "docs" / "dataset.md").read_text("utf-8")
    start = text.index("<!-- reference:start -->\n") + len("<!-- reference:start -->\n")
    end = text.index("<!-- reference:end -->")
    assert text[start:end] == markdown_reference(), (
        "docs/dataset.md is out of date: regenerate the reference section from "
        "polku.data.schema.markdown_reference()"
    )


def test_readme_gives_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    test_command = (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[dev]' && pytest"
    )
    assert test_command in readme
    assert test_command in ci
    assert "pip install . && polku check && polku report" in readme


def test_rules_reference_is_current() -> None:
    from polku.rules import load_rules
    from polku.rules.reference import reference

    text = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert text == reference(load_rules()), (
        "docs/rules.md is out of date: regenerate it with polku.rules.reference.reference()"
    )
