"""The history chart as geometry: compliance plus and partials at each point, as two lines.

templates/history-chart.html.j2 draws it, in `cse history --format html` and in
the report's history of the cycle. Every label stays whole inside the picture
and no two labels overlap:

- the points are spaced so that the first and the last label, centred under
  their points, fit between the edges (a label longer than `LABEL_CHARACTERS`
  is cut short: the table under the chart has it whole);
- where the labels are wider than the space between points, only every
  k-th point is labelled, and likewise the values;
- at each point the larger value is written above its line and the smaller
  below its own, so two values never meet, even when they are equal.

Text widths are estimated from the number of characters, generously for the
12-pixel text of the chart; coordinates are formatted here, so the same history
always gives the same SVG.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cse_cli.views.history import HistoryView, Point

WIDTH, HEIGHT = 640, 260
PLOT_TOP, PLOT_BOTTOM = 36, 216
"""Where the largest value and zero are drawn."""
LABEL_Y = 250
CHAR_WIDTH = 7.5
"""A generous average width of a character of 12-pixel text."""
LABEL_CHARACTERS = 24
GAP = 8
"""The least space between two labels side by side."""
ABOVE, BELOW = -6, 16
"""A value's baseline, from its point: above the line, or below it (past the text's height)."""
SERIES = (
    ("compliance_plus", "Compliance plus", "stroke: var(--cp)"),
    ("partial", "Partial compliance", "stroke: var(--text); stroke-dasharray: 6 4"),
)


@dataclass(frozen=True)
class Label:
    """A text of the chart: where it stands (its middle, horizontally) and what it says."""

    x: str
    y: str
    text: str


@dataclass(frozen=True)
class Line:
    """One series: its name, its style and its points, as an SVG polyline takes them."""

    name: str
    style: str
    points: str


@dataclass(frozen=True)
class HistoryChart:
    """The whole chart."""

    width: int
    height: int
    lines: tuple[Line, ...]
    values: tuple[Label, ...]
    labels: tuple[Label, ...]
    description: str


def _n(value: float) -> str:
    """A coordinate with one decimal, the same text every time."""
    return f"{value:.1f}"


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "…"


def _width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _every(widest: float, step: float) -> int:
    """Label every k-th point, the least k that leaves `GAP` between labels `widest` wide."""
    return max(1, math.ceil((widest + GAP) / step)) if step else 1


def _xs(labels: list[str]) -> list[float]:
    """Each point's x: evenly spaced, the first and last label inside the picture."""
    if not labels:
        return []
    left = max(48.0, _width(labels[0]) / 2 + 4)
    right = max(16.0, _width(labels[-1]) / 2 + 4)
    if len(labels) == 1:
        return [left]
    step = (WIDTH - left - right) / (len(labels) - 1)
    return [left + index * step for index in range(len(labels))]


def history_chart(view: HistoryView) -> HistoryChart:
    """The chart of a history's points, oldest first."""
    points = view.points
    labels = [_label(p.label) for p in points]
    xs = _xs(labels)
    step = xs[1] - xs[0] if len(xs) > 1 else 0.0
    peak = max([1, *(getattr(p.totals, key) for p in points for key, _, _ in SERIES)])
    ys = [
        [PLOT_BOTTOM - getattr(p.totals, key) * (PLOT_BOTTOM - PLOT_TOP) / peak for p in points]
        for key, _, _ in SERIES
    ]
    lines = tuple(
        Line(name, style, " ".join(f"{_n(x)},{_n(y)}" for x, y in zip(xs, series, strict=True)))
        for (_, name, style), series in zip(SERIES, ys, strict=True)
    )
    every_value = _every(_width("00"), step)
    values = tuple(
        label
        for index, point in enumerate(points)
        if index % every_value == 0
        for label in _values(point, xs[index], (ys[0][index], ys[1][index]))
    )
    every_label = _every(max(map(_width, labels), default=0), step)
    return HistoryChart(
        width=WIDTH,
        height=HEIGHT,
        lines=lines,
        values=values,
        labels=tuple(
            Label(_n(x), str(LABEL_Y), text)
            for index, (x, text) in enumerate(zip(xs, labels, strict=True))
            if index % every_label == 0
        ),
        description="; ".join(
            f"{p.label}: {p.totals.compliance_plus} compliance plus, {p.totals.partial} partial"
            for p in points
        ),
    )


def _values(point: Point, x: float, ys: tuple[float, float]) -> tuple[Label, Label]:
    """A point's two values: the higher on the chart (compliance plus, if equal) above its line."""
    compliance_plus, partial = ys
    cp_text, partial_text = str(point.totals.compliance_plus), str(point.totals.partial)
    if compliance_plus <= partial:  # the smaller y is the higher on the chart
        return (
            Label(_n(x), _n(compliance_plus + ABOVE), cp_text),
            Label(_n(x), _n(partial + BELOW), partial_text),
        )
    return (
        Label(_n(x), _n(compliance_plus + BELOW), cp_text),
        Label(_n(x), _n(partial + ABOVE), partial_text),
    )
