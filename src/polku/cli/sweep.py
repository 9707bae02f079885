"""``polku sweep``: sensitivity of the results to the parameters (tornado or Sobol)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from polku import files
from polku.data.reader import read_region
from polku.files import guard_outputs
from polku.i18n import Lang, fmt_number, said
from polku.rules import load_rules
from polku.simulation.calibrate import build
from polku.simulation.limits import parse_size
from polku.simulation.money import prices
from polku.simulation.runner import DEFAULT_SEED, Settings
from polku.simulation.sweep import (
    DEFAULT_METRICS,
    PARAMETERS,
    Base,
    dask_mapper,
    local_mapper,
    one_at_a_time,
    sobol,
)
from polku.simulation.sweep_parameters import range_text, unit_label

from .common import (
    DATASET_HELP,
    LANG_HELP,
    ForceOption,
    MaxMemoryOption,
    console,
    dataset_folder,
    failures,
    note_first_compilation,
    resolve_lang,
    say_error,
)
from .exits import BAD_OPTION


class Method(StrEnum):
    """Which sweep."""

    OAT = "oat"
    SOBOL = "sobol"


_TEXT = {
    "en": {
        "oat": "Tornado: each parameter at the low and the high end of its range (in brackets), "
        "the others at the baseline; the largest swing first.",
        "sobol": "Sobol indices from {runs} runs over the ranges in brackets: S1 first-order, "
        "ST total (with interactions).",
    },
    "fi": {
        "oat": "Tornado: kukin parametri vaihteluvälinsä (suluissa) ala- ja ylärajalla, muut "
        "perusuran arvoissaan; suurin vaihtelu ensin.",
        "sobol": "Sobolin indeksit {runs} laskennasta suluissa olevilla vaihteluväleillä: "
        "S1 ensimmäisen kertaluvun, ST kokonaisindeksi (yhdysvaikutuksineen).",
    },
}
_HEAD = {
    "en": ("parameter (range; baseline)", "at low", "baseline", "at high", "swing"),
    "fi": (
        "parametri (vaihteluväli; perusura)",
        "alarajalla",
        "perusura",
        "ylärajalla",
        "vaihtelu",
    ),
}
_DECIMALS = {"eur_per_year": 0, "share": 3, "months": 1}  # others (persons): whole


def _title(doc: dict[str, Any], metric: str, lang: Lang) -> str:
    entry = doc["metrics"][metric]
    text = entry["description_fi" if lang == "fi" else "description"]
    return f"{text}, {unit_label(entry['unit'], lang)}"


def _print(doc: dict[str, Any], lang: Lang) -> None:
    params = {e["name"]: range_text(e, lang) for e in doc["parameters"]}
    if doc["method"] == "one_at_a_time":
        console.print(said(_TEXT, lang)["oat"])
        for metric in doc["metrics"]:
            decimals = _DECIMALS.get(doc["metrics"][metric]["unit"], 0)
            table = Table(title=_title(doc, metric, lang), title_justify="left")
            for i, h in enumerate(said(_HEAD, lang)):
                table.add_column(h, justify="left" if i == 0 else "right")
            rows = [r for r in doc["rows"] if r["metric"] == metric]
            for row in sorted(rows, key=lambda r: -r["swing"]):
                table.add_row(
                    params[row["parameter"]],
                    *(
                        fmt_number(row[k], lang, decimals)
                        for k in ("at_low", "baseline", "at_high", "swing")
                    ),
                )
            console.print(table)
        return
    console.print(said(_TEXT, lang)["sobol"].format(runs=fmt_number(doc["samples"], lang)))
    for metric, by_param in doc["indices"].items():
        table = Table(title=_title(doc, metric, lang), title_justify="left")
        table.add_column(said(_HEAD, lang)[0])
        for h in ("S1", "ST"):
            table.add_column(h, justify="right")
        for name, values in sorted(by_param.items(), key=lambda kv: -kv[1]["ST"]):
            table.add_row(
                params[name], fmt_number(values["S1"], lang, 3), fmt_number(values["ST"], lang, 3)
            )
        console.print(table)


def _check_dask(address: str) -> None:
    """Refuse a scheduler address that cannot be one, or Dask missing, before any work."""
    if importlib.util.find_spec("distributed") is None:
        say_error(
            "--dask needs Dask's distributed package: pip install 'polku[dask]' "
            "/ --dask vaatii distributed-paketin"
        )
        raise typer.Exit(BAD_OPTION)
    if not re.fullmatch(r"(tcp|tls|inproc|ucx|ws|wss)://[^\s/:]+(:\d{1,5})?/?", address):
        say_error(
            f"--dask {address}: expected a scheduler address such as tcp://host:8786 "
            "/ odotettiin osoitetta muotoa tcp://kone:8786"
        )
        raise typer.Exit(BAD_OPTION)


def sweep_command(
    dataset: Annotated[str | None, typer.Argument(help=DATASET_HELP, show_default=False)] = None,
    method: Annotated[Method, typer.Option("--method", help="oat or sobol")] = Method.OAT,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", help="Parameter to vary (repeatable): " + ", ".join(PARAMETERS)),
    ] = None,
    metric: Annotated[
        list[str] | None,
        typer.Option("--metric", help="Metric to report (repeatable); see docs/simulation-json.md"),
    ] = None,
    samples: Annotated[int, typer.Option("--samples", min=2, help="Sobol base samples.")] = 64,
    years: Annotated[int, typer.Option("--years", min=1, max=50)] = 5,
    replications: Annotated[int, typer.Option("--replications", min=1)] = 1,
    seed: Annotated[int, typer.Option("--seed", min=0)] = DEFAULT_SEED,
    stochastic: Annotated[
        bool, typer.Option("--stochastic", help="Stochastic runs (default: expected).")
    ] = False,
    workers: Annotated[int, typer.Option("--workers", min=1)] = max(1, (os.cpu_count() or 1)),
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write the JSON here.")] = None,
    output: Annotated[str, typer.Option("--format", help="table or json")] = "table",
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    force: ForceOption = False,
    max_memory: MaxMemoryOption = None,
) -> None:
    """Vary parameters and see what moves the results. / Herkkyysanalyysi.

    An existing --out is replaced only with --force."""
    language = resolve_lang(lang)
    if dask is not None:
        _check_dask(dask)
    with failures(language):
        guard_outputs([("--out", out)], force)
        with dataset_folder(dataset) as folder:
            region = read_region(folder)
        rules = load_rules()
        calibration = build(region, months=years * 12)
        settings = Settings(
            mode="stochastic" if stochastic else "expected",
            replications=replications,
            seed=seed,
            months=years * 12,
            workers=workers,
            memory_limit=parse_size(max_memory) if max_memory else None,
        )
        note_first_compilation(settings.mode, settings.engine, language)
        base = Base(calibration.network, prices(region, rules, calibration.network), settings)
        mapper = dask_mapper(dask) if dask else local_mapper(workers)
        wanted = tuple(metric or DEFAULT_METRICS)
        try:
            doc = (
                one_at_a_time(base, param, wanted, mapper)
                if method is Method.OAT
                else sobol(base, samples, param, wanted, mapper, seed=seed)
            )
        except (OSError, TimeoutError) as exc:
            if dask is None:
                raise
            say_error(
                f"--dask {dask}: no Dask scheduler answered ({exc}) / Dask-ajoa ei tavoitettu"
            )
            raise typer.Exit(BAD_OPTION) from exc
        if out is not None:
            files.write_text(out, json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False))
    if output == "json":
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        _print(doc, language)
