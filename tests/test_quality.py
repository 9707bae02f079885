"""The house rules that tools check: ruff, ruff format, mypy strict, module size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_check() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_modules_stay_small() -> None:
    sizes = {p: len(p.read_text("utf-8").splitlines()) for p in (ROOT / "src").rglob("*.py")}
    large = {str(p.relative_to(ROOT)): n for p, n in sizes.items() if n > 450}
    assert not large, f"modules over about 400 lines: {large}"


def test_imports_flow_down_the_pipeline() -> None:
    """A lower layer never imports a higher one (design.md, 'The pipeline')."""
    rank = {
        "messages": 0,
        "catalogue": 0,
        "catalogue_extract": 0,
        "i18n": 0,
        "findings": 0,
        "strictyaml": 0,
        "disclosure": 0,
        "errors": 1,
        "files": 1,
        "model": 2,
        "data": 3,
        "rules": 3,
        "consistency": 4,
        "analysis": 5,
        "provenance": 0,
        "assumptions": 2,
        "simulation": 6,
        "bill": 5.5,
        "producers": 6.5,
        "national": 6.8,
        "optimise": 6.8,
        "sources": 4,
        "report": 7,
        "web": 8,
        "cli": 9,
    }
    for path in (ROOT / "src" / "polku").rglob("*.py"):
        rel = path.relative_to(ROOT / "src" / "polku").parts
        own = rel[0].removesuffix(".py")
        if own not in rank:
            continue
        for line in path.read_text("utf-8").splitlines():
            if line.strip().startswith(("from polku.", "import polku.")):
                target = line.strip().split()[1].split(".")[1]
                if target in rank:
                    assert rank[target] <= rank[own], f"{path.name} imports polku.{target}"


def test_no_region_names_in_code_or_texts() -> None:
    """South Karelia is data: the embedded dataset's area and producer names appear in no
    module, template or catalogue of the package (the dataset's own folder aside)."""
    from polku import default_region

    region = default_region()
    names = {a.name_en for a in region.areas if a.level.value != "country"}
    names |= {a.name_fi for a in region.areas if a.level.value != "country"}
    names |= {p.name.split(" (")[0] for p in region.producers if p.kind.value != "association"}
    words = {n.split()[0] for n in names if len(n.split()[0]) > 4} - {"Other", "Muut"}
    stems = {w[:7] for w in words}  # Lappeenrannan seutukunta -> Lappeen
    package = ROOT / "src" / "polku"
    found = []
    for path in package.rglob("*"):
        if "datasets" in path.parts or path.suffix not in (".py", ".j2", ".yaml", ".html"):
            continue
        text = path.read_text("utf-8")
        found += [f"{path.relative_to(ROOT)}: {s}" for s in sorted(stems) if s in text]
    assert not found, found
