"""Chart definitions: one Vega-Lite specification per figure, built with Altair.

Each function takes plain rows (the same rows the report prints as the chart's data
table) and axis labels in the report's language, and returns a Vega-Lite dictionary.
The report renders it to static SVG offline (vl-convert); the web dashboard can hand
the same dictionary to Vega-Embed.
"""

from __future__ import annotations

from typing import Any

import altair as alt

Rows = list[dict[str, Any]]
Spec = dict[str, Any]

WIDTH, HEIGHT = 520, 260
PALETTE = ["#1f5f99", "#d9822b", "#3a8f4a", "#b23b3b", "#7a5aa6", "#6b6b6b", "#c9a227"]
SEGMENT_COLOURS = {"green": "#3a8f4a", "yellow": "#d6b000", "red": "#b23b3b"}  # as named


def _data(rows: Rows) -> alt.Data:
    return alt.Data(values=rows)  # type: ignore[no-untyped-call]


def _base(rows: Rows, title: str) -> alt.Chart:
    return alt.Chart(_data(rows), title=title).properties(width=WIDTH, height=HEIGHT)


def _finish(chart: alt.TopLevelMixin) -> Spec:
    spec: Spec = chart.configure(font="DejaVu Sans").configure_range(category=PALETTE).to_dict()
    return spec


def line(
    rows: Rows,
    title: str,
    x: str,
    y: str,
    x_title: str,
    y_title: str,
    color: str | None = None,
    percent: bool = False,
) -> Spec:
    """A line with points; ``color`` splits it into series."""
    enc: dict[str, Any] = {
        "x": alt.X(f"{x}:Q", title=x_title),
        "y": alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format=".0%" if percent else ",.0f")),
    }
    if color:
        enc["color"] = alt.Color(f"{color}:N", title=None)
    return _finish(_base(rows, title).mark_line(point=True).encode(**enc))


def bars(
    rows: Rows,
    title: str,
    x: str,
    y: str,
    x_title: str,
    y_title: str,
    color: str,
    stack: bool = False,
    percent: bool = False,
    horizontal: bool = False,
    colors: dict[str, str] | None = None,
) -> Spec:
    """Bars by ``x``, grouped (or stacked) by ``color``; ``horizontal``: the categories
    down the side, for long names; ``colors``: a fixed colour for each ``color`` value
    (segments are green, yellow and red wherever they are drawn)."""
    category = (alt.Y if horizontal else alt.X)(
        f"{x}:N",
        title=x_title,
        sort=None,
        axis=alt.Axis(labelAngle=0, labelLimit=340 if horizontal else 120),
    )
    value = (alt.X if horizontal else alt.Y)(
        f"{y}:Q",
        title=y_title,
        stack="zero" if stack else None,
        axis=alt.Axis(format=".0%" if percent else ",.0f", tickCount=6, labelOverlap=True),
    )
    legend = alt.Legend(orient="bottom", direction="horizontal", labelLimit=480, columns=3)
    scale = alt.Scale(domain=list(colors), range=list(colors.values())) if colors else alt.Undefined
    hue = alt.Color(f"{color}:N", title=None, sort=None, legend=legend, scale=scale)
    enc: dict[str, Any] = {"x": value if horizontal else category, "color": hue}
    enc["y"] = category if horizontal else value
    if not stack:
        offset = alt.YOffset if horizontal else alt.XOffset
        enc["yOffset" if horizontal else "xOffset"] = offset(f"{color}:N", sort=None)
    chart = _base(rows, title).mark_bar().encode(**enc)
    if horizontal:  # room for every bar: the height follows the number of categories
        groups = len({r[x] for r in rows}) * (1 if stack else len({r[color] for r in rows}))
        chart = chart.properties(height=max(HEIGHT // 2, 22 * groups))
    return _finish(chart)


def band(rows: Rows, title: str, x_title: str, y_title: str, bands: bool = True) -> Spec:
    """Monthly series with their p5-p95 band: rows of month, series, mean, p5, p95
    (``bands`` False: the lines alone, as in the expected mode)."""
    base = alt.Chart(_data(rows), title=title).properties(width=WIDTH, height=HEIGHT)
    # one legend for both layers, drawn as lines so its symbols look like what they name
    legend = alt.Legend(
        orient="bottom",
        direction="vertical",
        symbolType="stroke",
        symbolStrokeWidth=3,
        symbolOpacity=1,
        labelLimit=900,  # a scenario's whole title: the legend may be wider than the plot
    )
    color = alt.Color("series:N", title=None, sort=None, legend=legend)
    months = alt.X("month:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d"))
    area = base.mark_area(opacity=0.2).encode(
        x=months, y=alt.Y("p5:Q", title=y_title), y2="p95:Q", color=color
    )
    mean = base.mark_line(strokeWidth=2.5).encode(
        x=months, y=alt.Y("mean:Q", title=y_title, axis=alt.Axis(format=",.0f")), color=color
    )
    return _finish(alt.layer(area, mean) if bands else alt.layer(mean))


def break_even(rows: Rows, title: str, x_title: str, y_title: str, low: float, high: float) -> Spec:
    """Break-even price per week by activity days, with the proposal's range shaded."""
    base = alt.Chart(_data(rows), title=title).properties(width=WIDTH, height=HEIGHT)
    shade = (
        alt.Chart(_data([{"low": low, "high": high}]))
        .mark_rect(opacity=0.15, color=PALETTE[1])
        .encode(y="low:Q", y2="high:Q")
    )
    curve = base.mark_line(point=True).encode(
        x=alt.X("days:Q", title=x_title), y=alt.Y("break_even:Q", title=y_title)
    )
    return _finish(alt.layer(shade, curve))
