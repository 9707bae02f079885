"""Class flows for the bill forecast: who crosses into the next class each month.

A recipient accrues the benefit days Kela pays a month (about 21 in a full month); with
the days of a class spread evenly over it, the share of a class's people who cross into
the next each month is ``days a recipient-month / class width`` (100 days for 101-200,
201-300 and 301-400, 300 for 401-700; none leave 701- upwards). What the crossings do not
explain in the fitted months (new recipients reaching day 101, people leaving benefit) is
the class's net change as a share of it, held at its mean. Starting from the level,
each forecast month::

    D_c(t+1) = D_c(t) (1 - k_c - e_c) + k_(c-1) D_(c-1)(t)

in benefit days, per municipality, the benefits of a class in their shares of the level.
With steady months the flows keep the level; where the fitted months move, they carry the
move on for a while: the net change fades, with a half-life of as many months as were
fitted, towards the one that would hold the classes where they are (``--method flows``).
"""

from __future__ import annotations

import itertools

from polku.rules import RuleSet

from .history import CLASSES, History
from .share import implied_days

WIDTH = {"101-200": 100.0, "201-300": 100.0, "301-400": 100.0, "401-700": 300.0}
Key = tuple[str, str, str]  # municipality, benefit, class


def _totals(
    history: History, rules: RuleSet, months: list[str]
) -> tuple[dict[tuple[str, str, str], float], dict[tuple[str, str, str], int]]:
    """Days and recipients by (month, municipality, class)."""
    days: dict[tuple[str, str, str], float] = {}
    people: dict[tuple[str, str, str], int] = {}
    for r in history.rows:
        if r.month in months:
            key = (r.month, r.municipality, r.days_class)
            days[key] = days.get(key, 0.0) + implied_days(r, rules)
            people[key] = people.get(key, 0) + r.recipients
    return days, people


def project(
    history: History, rules: RuleSet, steady: list[str], level: dict[Key, float], count: int
) -> list[dict[Key, float]]:
    """Benefit days by (municipality, benefit, class) for ``count`` months from the level."""
    days, people = _totals(history, rules, steady)
    towns = sorted({k[0] for k in level})
    out: list[dict[Key, float]] = []
    state: dict[str, dict[str, float]] = {}
    share: dict[tuple[str, str], dict[str, float]] = {}
    rate: dict[tuple[str, str], float] = {}
    net: dict[tuple[str, str], float] = {}
    for town in towns:
        state[town] = {
            c: sum(v for k, v in level.items() if k[0] == town and k[2] == c) for c in CLASSES
        }
        for c in CLASSES:
            total = state[town][c]
            share[(town, c)] = {
                k[1]: v / total for k, v in level.items() if k[0] == town and k[2] == c and total
            }
            d = sum(days.get((m, town, c), 0.0) for m in steady)
            n = sum(people.get((m, town, c), 0) for m in steady)
            per = d / n if n else 0.0
            rate[(town, c)] = min(per / WIDTH[c], 1.0) if c in WIDTH else 0.0
        for i, c in enumerate(CLASSES):
            changes = []
            for a, b in itertools.pairwise(steady):
                here, nxt = days.get((a, town, c), 0.0), days.get((b, town, c), 0.0)
                below = days.get((a, town, CLASSES[i - 1]), 0.0) if i else 0.0
                inflow = rate[(town, CLASSES[i - 1])] * below if i else 0.0
                # the net change as a share of the class, so it cannot run a class empty
                if here > 0:
                    changes.append((here + inflow - rate[(town, c)] * here - nxt) / here)
            net[(town, c)] = min(max(sum(changes) / len(changes), -0.5), 0.5) if changes else 0.0
    steady_net = {  # the net change that would keep the level where it is
        (town, c): (
            (rate[(town, CLASSES[i - 1])] * state[town][CLASSES[i - 1]] if i else 0.0)
            / state[town][c]
            - rate[(town, c)]
            if state[town][c] > 0
            else 0.0
        )
        for town in towns
        for i, c in enumerate(CLASSES)
    }  # the first class's inflow from below day 101 is unseen: at rest it replaces the outflow
    half_life = max(len(steady), 1)  # the fitted months' momentum fades over as many months
    for t in range(count):
        month: dict[Key, float] = {}
        fade = 0.5 ** ((t + 1) / half_life)
        for town in towns:
            now = state[town]
            after = {}
            for i, c in enumerate(CLASSES):
                inflow = rate[(town, CLASSES[i - 1])] * now[CLASSES[i - 1]] if i else 0.0
                settle = steady_net.get((town, c), net[(town, c)])
                change = settle + (net[(town, c)] - settle) * fade
                after[c] = max(now[c] * (1.0 - rate[(town, c)] - change) + inflow, 0.0)
            state[town] = after
            for c, d in after.items():
                for benefit, part in share[(town, c)].items():
                    month[(town, benefit, c)] = d * part
        out.append(month)
    return out
