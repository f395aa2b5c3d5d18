"""The HTML report's chart as geometry: a stacked bar per criterion, by rating.

The view keeps the numbers (each criterion's result); this turns them into
coordinates for the SVG that templates/report.html.j2 draws, when the report is
rendered as HTML.

Each bar is as long as the others whatever the criterion's size, so the minimum
compliant share is one vertical line across all bars; under each bar a bracket
spans the partial compliances the criterion allows, starting where its compliant
elements end, so partials past the bracket show at a glance. Coordinates are
formatted here, so the SVG is the same to the byte for the same scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.ratings import Rating

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cse_cli.core.scoring import CriterionResult

WIDTH, BAR_X, BAR_WIDTH = 760, 290, 440
TOP, ROW, BAR_HEIGHT = 40, 56, 24
CHAR_WIDTH = 7.5  # a generous average for 12px sans-serif text


@dataclass(frozen=True)
class Segment:
    """The elements of one rating in one bar."""

    css: str
    x: str
    width: str
    text_x: str
    text: str
    """`F 9`, or empty when the segment is too narrow to hold it."""


@dataclass(frozen=True)
class Bar:
    """One criterion's row of the chart."""

    title: str
    caption: str
    title_y: str
    caption_y: str
    bar_y: str
    text_y: str
    segments: tuple[Segment, ...]
    bracket_x1: str
    bracket_x2: str
    bracket_y: str
    tick_y1: str
    tick_y2: str


@dataclass(frozen=True)
class Chart:
    """The whole chart: its size, bars, the minimum share line, the axis and a description."""

    width: int
    height: int
    bar_x: int
    bar_end: int
    bars: tuple[Bar, ...]
    threshold_x: str
    threshold_label: str
    line_top: int
    line_bottom: int
    axis_y: int
    ticks: tuple[tuple[str, str], ...]
    description: str


def _counts(c: CriterionResult) -> tuple[int, int, int, int]:
    """The criterion's count of each rating, in the order of `Rating`."""
    return (c.compliance_plus, c.full, c.partial, c.non_compliance)


def _n(value: float) -> str:
    """A coordinate with at most one decimal, the same text every time."""
    return f"{value:.1f}".removesuffix(".0")


def chart(criteria: Sequence[CriterionResult]) -> Chart:
    """The chart of a verdict's criteria."""
    share = criteria[0].min_compliant_share if criteria else 1.0
    bottom = TOP + len(criteria) * ROW
    ticks = sorted({0.0, 0.5, share, 1.0})
    return Chart(
        width=WIDTH,
        height=bottom + 24,
        bar_x=BAR_X,
        bar_end=BAR_X + BAR_WIDTH,
        bars=tuple(_bar(TOP + index * ROW, c) for index, c in enumerate(criteria)),
        threshold_x=_n(BAR_X + share * BAR_WIDTH),
        threshold_label=f"{share:.0%} minimum share",
        line_top=TOP - 22,
        line_bottom=bottom,
        axis_y=bottom + 16,
        ticks=tuple((_n(BAR_X + t * BAR_WIDTH), f"{t:.0%}") for t in ticks),
        description=" ".join(_described(c) for c in criteria),
    )


def _bar(top: float, c: CriterionResult) -> Bar:
    """A criterion's bar, its top at `top`: a segment per rating, and the partials' bracket."""
    scale = BAR_WIDTH / c.elements if c.elements else 0.0
    compliant = c.full + c.compliance_plus
    allowed = min(c.max_partials, c.elements - compliant)
    return Bar(
        title=f"{c.number} {c.title}",
        caption=f"{c.elements} elements, up to {c.max_partials} P",
        title_y=_n(top + 10),
        caption_y=_n(top + 27),
        bar_y=_n(top),
        text_y=_n(top + BAR_HEIGHT / 2 + 4),
        segments=_segments(c, scale),
        bracket_x1=_n(BAR_X + compliant * scale),
        bracket_x2=_n(BAR_X + (compliant + allowed) * scale),
        bracket_y=_n(top + BAR_HEIGHT + 8),
        tick_y1=_n(top + BAR_HEIGHT + 3),
        tick_y2=_n(top + BAR_HEIGHT + 13),
    )


def _segments(c: CriterionResult, scale: float) -> tuple[Segment, ...]:
    """A segment per rating the criterion has, in the order of `Rating`, then unrated."""
    counts = (
        *((r.value, r.abbreviation, n) for r, n in zip(Rating, _counts(c), strict=True)),
        ("unrated", "Unrated", c.unrated),
    )
    segments, start = [], 0
    for css, abbreviation, count in counts:
        if count:
            width = count * scale
            text = f"{abbreviation} {count}"
            fits = width >= len(text) * CHAR_WIDTH + 8
            x = BAR_X + start * scale
            segments.append(Segment(css, _n(x), _n(width), _n(x + width / 2), text if fits else ""))
        start += count
    return tuple(segments)


def _described(c: CriterionResult) -> str:
    """A criterion's bar in words, for the chart's description."""
    return (
        f"Criterion {c.number} {c.title}: {c.compliance_plus} CP, {c.full} F, "
        f"{c.partial} P, {c.non_compliance} NC and {c.unrated} unrated of {c.elements}; "
        f"{c.compliant_share:.1%} compliant; {c.partial} of up to {c.max_partials} "
        f"partials allowed; {'met' if c.met else 'not met'}."
    )
