"""Everything the dashboard says: ``ui(key, lang)``.

The English is here, beside its key; the other languages are the gettext catalogues
(:mod:`polku.catalogue`, context ``ui:<key>``).
"""

from __future__ import annotations

from polku.catalogue import translate
from polku.i18n import Lang

UI: dict[str, str] = {  # key: English
    "app": "Polku: employment services planning",
    "skip": "Skip to content",
    "nav": "Main menu",
    "chart_actions": "Save the chart",
    "overview": "Overview",
    "needs": "Needs and places",
    "effectiveness": "Effectiveness",
    "funding": "Funding",
    "producers": "Producers' funding base",
    "producers_scenario": "Next year also under a saved scenario",
    "stress_cut": "Stress test: cut each income source by, %",
    "price": "Price calculator",
    "builder": "Scenario builder",
    "scenarios": "Saved scenarios",
    "compare": "Compare",
    "downloads": "Downloads",
    "upload": "Upload a dataset",
    "bill": "Municipal-share bill",
    "bill_help": "Upload Kela's monthly municipal-share CSV (by municipality, benefit and "
    "accumulated-days class, as Kela publishes it): the page forecasts the months after "
    "it with p5-p95 bands under the rules in force each month, and back-tests the "
    "forecast on the file's first half.",
    "bill_file": "Kela's CSV file",
    "bill_months": "Months to forecast",
    "bill_run": "Forecast",
    "dataset": "Dataset",
    "choose": "Show",
    "key_figures": "Key figures",
    "figure": "Figure",
    "value": "Value",
    "source": "Source",
    "estimate": "estimate",
    "findings": "Findings of the data check",
    "no_findings": "No findings: the data are consistent.",
    "sources": "Sources",
    "client_base_narrow": "Client base, narrow definition (persons)",
    "client_base_broad": "Client base, broad definition (persons)",
    "inflow": "New unemployed a month (persons)",
    "municipal": "Municipal share of labour market subsidy (EUR a year)",
    "per_resident": "Municipal share per resident (EUR)",
    "assoc_income": "Associations' income (EUR a year)",
    "per_client": "Associations' income per client (EUR)",
    "break_even": "Break-even fixed price per client-week (EUR)",
    "table_data": "The figure's data as a table",
    "per_week": "Fixed price per client-week (EUR)",
    "per_day": "Price per activity day (EUR)",
    "days": "Activity days a week",
    "net_cost_week": "The organiser's net cost per client-week (EUR)",
    "net_cost_year": "Net cost of one place a year (EUR)",
    "price_help": "Move the inputs: the net cost and the break-even are computed from the rules in"
    " force and the dataset (S16).",
    "cost_neutral": "cost-neutral or cheaper",
    "costs_more": "costs the organiser more",
    "places": "Places to add",
    "m_rehabilitative_work": "Rehabilitative work activity",
    "m_pay_subsidy": "Pay-subsidised work",
    "m_work_trial": "Work trial",
    "m_education": "Labour market training",
    "priority": "Who gets a place first",
    "p_first_come": "First come, first served",
    "p_segment": "By segment",
    "p_benefit_days": "Longest benefit days first",
    "cut": "Cut in the associations' pay-subsidy income (%)",
    "rules_date": "Rule set in force on",
    "rules_now": "2015-2024 rules",
    "rules_2025": "2025 financing rules",
    "mode": "Mode",
    "expected": "Expected (at once)",
    "stochastic": "Stochastic, with bands",
    "replications": "Replications",
    "run": "Run",
    "running": "Running",
    "progress": "Progress of the run",
    "failed": "The run failed",
    "interrupted": "The run was interrupted",
    "metric": "Metric",
    "unit": "Unit",
    "baseline": "Baseline",
    "scenario": "Scenario",
    "difference": "Difference",
    "band": "p5-p95",
    "save": "Save",
    "name": "Name (letters, digits, spaces, - _ .)",
    "description": "Description",
    "saved": "Saved.",
    "deleted": "The scenario was deleted.",
    "check_fields": "Not run: check the marked fields.",
    "open": "Open",
    "delete": "Delete",
    "duplicate": "Duplicate",
    "none_saved": "No saved scenarios yet.",
    "changes": "Changes to the baseline",
    "first": "First",
    "second": "Second",
    "results": "Results",
    "download_report": "Report (HTML)",
    "download_xlsx": "Workbook (XLSX)",
    "with_scenarios": "With saved scenarios",
    "language": "Language",
    "download": "Download",
    "file": "Filled template (.xlsx)",
    "upload_help": "Fill in the Excel template (polku template --out template.xlsx) and upload it;"
    " it is checked like polku import.",
    "uploaded": "Uploaded and checked",
    "errors": "The file has errors; nothing was saved",
    "not_found": "Not found",
    "problem": "Problem",
    "months": "months",
    "persons": "persons",
    "made": "Polku {version}",
    "field_expected": "{field}: expected {expected}, found {found}",
    "price_all": "Price every place at this price, not only the added ones",
    "price_blank": "for the added places unless ticked below; empty: today's price",
    "compare_button": "Compare",
    "changes_made": "What the scenario changes",
    "queued": "Waiting for an earlier run to finish",
    "level_warning": "warning",
    "level_error": "error",
    "confirm_delete": "Delete this scenario?",
    "confirm_delete_dataset": "Delete this dataset?",
    "too_large": "The file is too large (at most 10 MB).",
    "api_docs": "API documentation",
    "suppressed": "Counts of fewer persons than the threshold are not shown (..), nor the cells "
    "and shares from which they could be computed; a chart with such a count is not drawn.",
    # results as pictures, busy state and progress (charts.py, forms.js)
    "working": "Working…",
    "run_started": "The run has started.",
    "run_done": "The run is done: the results are below.",
    "run_failed_live": "The run failed.",
    "request_failed": "The request failed (the server answered {status}): try again.",
    "replications_done": "{done} of {total} replications (baseline and scenario)",
    "preparing": "Preparing the model",
    "month": "Month",
    "mean": "Mean",
    "payer": "Payer",
    "producer": "Producer",
    "payer_kela": "Kela",
    "payer_state": "State",
    "payer_municipal_share": "Municipalities",
    "payer_organiser": "Organiser",
    "payer_public": "Public sector together",
    "optimise": "Where the next euro goes",
    "optimise_help": "Polku searches mixes of added places (rehabilitative work, work trials, "
    "pay subsidy) and the priority rule for the fewest long-term unemployed and the best "
    "public net present value, with the organiser's added cost within the dataset's "
    "purchases; the best-balanced mixes are run again with bands, and each can be saved "
    "as a scenario.",
    "optimise_trials": "Mixes to search",
    "optimise_seed": "Seed",
    "optimise_replications": "Replications for the bands",
    "optimise_run": "Search",
    "optimise_done": "{done} of {total} mixes",
    "optimise_mixes": "The best-balanced mixes",
    "optimise_save": "Save as a scenario",
    "cba_chart": "Net present value by payer against the baseline",
    "cba_axis": "Net present value, EUR (a saving is positive)",
    "cba_reads": "Each bar is what the payer saves (right) or pays more (left) over {months} "
    "months, discounted at {rate} % a year; the public sector's bar includes an optimism "
    "bias of {bias} %.",
    "results_table": "Table: every figure of the run",
    "chart_table": "Table: the chart's figures",
    "compare_chart": "Difference in costs by payer, EUR a year",
    "compare_subtitle": "Difference = {second} \u2212 {first}",
    "compare_axis": "Difference, EUR a year",
    "compare_reads": "A bar to the right: the payer pays more under {second} than under {first}.",
    "whiskers": "The whiskers are p5-p95 of the difference, replication by replication.",
    "band_reads": "The line is the mean month by month, the shaded band p5-p95.",
    "line_reads": "The line is the expected value month by month.",
    "deficit_chart": "Probability of a deficit next year, by producer",
    "deficit_axis": "Probability of a deficit next year",
    "deficit_reads": "The share of {reps} simulated years (seed {seed}) in which the producer's "
    "income falls short of its costs.",
    "model_run": "Model run",
    "model_expected": "expected values",
    "model_stochastic": "stochastic, {reps} replications, seed {seed}",
    "model_months": "{months} months",
    "model_rules": "rules in force: {rules}",
    "model_dataset": "dataset {dataset}",
    "model_scenarios": "{second} against {first}",
}


def ui(key: str, lang: Lang) -> str:
    """The text ``key`` in ``lang``."""
    return translate(lang, f"ui:{key}", UI[key])


__all__ = ["UI", "ui"]


_EXPECTED: dict[str, str] = {  # pydantic error type: what was expected, in English
    "less_than_equal": "at most {le}",
    "less_than": "less than {lt}",
    "greater_than_equal": "at least {ge}",
    "greater_than": "more than {gt}",
    "float_parsing": "a number",
    "int_parsing": "a whole number",
    "string_pattern_mismatch": "a value of the right form",
    "missing": "a value",
    "valid": "a valid value",
}


def invalid_field(
    field: str, kind: str, context: dict[str, object], found: object, lang: Lang
) -> str:
    """A form field's validation error as a reader says it, in ``lang``."""
    kind = kind if kind in _EXPECTED else "valid"
    shown = {k: f"{v:g}" if isinstance(v, float) else str(v) for k, v in context.items()}
    expected = translate(lang, f"expected:{kind}", _EXPECTED[kind]).format(**shown)
    return ui("field_expected", lang).format(field=field, expected=expected, found=found)
