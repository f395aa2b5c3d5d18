"""`cse gap` as Rich text for a screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.scoring import INDICATIVE, falls_short
from cse_cli.core.text import and_list, inert, plural
from cse_cli.render import Styled

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import RenderableType
    from rich.text import Text

    from cse_cli.core.ratings import Rating
    from cse_cli.views.gap import CriterionGap, DatedItem, ElementGap, Gap

# Past this many undated items the screen shows a count per element instead.
UNDATED_LISTED = 12
# Past this many stale items or open points the screen lists the first, then a count:
# a list longer than a screen tells nobody what to fix first (the JSON lists them all).
LISTED = 50


def plan(criterion: CriterionGap) -> str:
    """What meeting a criterion takes, in words: which elements to raise to full."""
    if criterion.met:
        return "met: nothing to raise"
    parts = [f"{e} ({r.value if r else 'unrated'})" for e, r in criterion.must_raise]
    if criterion.then_raise:
        parts.append(
            f"{criterion.then_raise} of the {len(criterion.partials)} partial"
            f"{'s' if len(criterion.partials) != 1 else ''} ({', '.join(criterion.partials)})"
        )
    return f"raise {criterion.to_raise} to full compliance: {and_list(parts)}"


def to_text(gap: Gap) -> Styled:
    """The gap for a screen: the verdict and what to fix first, then each list."""
    return Styled(_text(gap))


def _narrowed(gap: Gap) -> list[RenderableType]:
    """The line saying the lists are narrowed to a service or an owner, if they are."""
    from rich.text import Text

    narrowed = [
        f"{what} {inert(name)}"
        for what, name in (("service", gap.service), ("owner", gap.owner))
        if name
    ]
    if not narrowed:
        return []
    return [Text(f"Lists narrowed to {and_list(narrowed)}; the verdict covers every element.")]


def _text(gap: Gap) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [
        Text(
            f"{inert(gap.organisation)}: gaps at the {gap.stage} stage, as of {gap.as_of}", "bold"
        ),
        *_narrowed(gap),
        *_verdict(gap),
    ]
    parts.append(_heading(f"Below full compliance at the {gap.stage} stage"))
    below_full: set[str] = set()
    for c in gap.criteria:
        if c.elements:
            parts.append(Text(f"  Criterion {c.number} {c.title}", "bold"))
            parts.append(_rows([(e.element, _element_lines(e)) for e in c.elements], indent=4))
            below_full.update(e.element for e in c.elements)
    if not below_full:
        parts.append(_rows([]))
    for title, listed in (
        ("Elements with no evidence", gap.without_evidence),
        ("Resting on the visit: no desk-top evidence, only on-site evidence", gap.rests_on_visit),
        ("Rated full or compliance plus with no evidence to support it", gap.unsupported),
        ("Compliance plus without a justification", gap.unjustified_compliance_plus),
    ):
        rows = [(n.element, f"{_label(n.rating)} · {_owner(n.owner)}") for n in listed]
        parts += [_heading(title), _rows(rows)]
    parts.append(
        _heading(
            f"Stale evidence: dated before {gap.stale_before}, more than "
            f"{gap.stale_after_months} months before {gap.as_of}"
        )
    )
    parts.append(
        _rows([(i.element, f"{i.date} {inert(i.title)}") for i in gap.stale], what="stale items")
    )
    parts += [_heading("Evidence with no date (its age cannot be checked)"), _undated(gap.undated)]
    parts.append(_heading("Open development points"))
    others = [p for p in gap.open_development_points if p.element not in below_full]
    above = len(gap.open_development_points) - len(others)
    if others or not above:
        parts.append(
            _rows(
                [
                    (p.element, f"{_raised(p.raised)} ({p.source}): {inert(p.point)}")
                    for p in others
                ],
                what="open development points",
            )
        )
    if above:
        where = "and the" if others else "All"
        parts.append(_indented(f"{where} {above} shown above, on the elements below full."))
    return Group(*parts)


def _verdict(gap: Gap) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False)
    table.add_column("Criterion")
    table.add_column("Result")
    table.add_column("To raise", justify="right")
    table.add_column("Why not met, or a note", ratio=1)
    for c in gap.criteria:
        result = Text("met", "green") if c.met else Text("not met", "bold red")
        table.add_row(
            Text(f"{c.number} {c.title}"),
            result,
            Text(str(c.to_raise)),
            Text("\n".join(c.reasons or [f"note: {note}" for note in c.notes])),
        )
    from cse_cli.views.gap import closest_first

    failed = closest_first(gap.criteria)
    if failed:
        verdict = f"Not met: {falls_short(tuple(sorted(c.number for c in failed)))}"
    else:
        verdict = "Met: every criterion meets the standard's rules"
    parts: list[RenderableType] = [
        table,
        Text(f"{verdict} ({INDICATIVE}).", "bold"),
    ]
    if failed:
        parts.append(_heading("What to fix first: the criteria closest to being met"))
        rows = [
            (f"{rank}.", f"Criterion {c.number} {c.title}: {plan(c)}")
            for rank, c in enumerate(failed, 1)
        ]
        parts.append(_rows(rows))
    return parts


def _heading(title: str) -> Text:
    from rich.text import Text

    return Text("\n" + title, "bold underline")


def _rows(
    rows: list[tuple[str, str]], indent: int = 2, empty: str = "None.", what: str = "rows"
) -> RenderableType:
    """A two-column grid whose wrapped lines keep their indent; `empty` when there are none.

    Past LISTED rows, the first LISTED, then how many more `what` there are.
    """
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    if not rows:
        return _indented(empty, indent)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for first, rest in rows[:LISTED]:
        grid.add_row(Text(first), Text(rest))
    shown = Padding(grid, (0, 0, 0, indent))
    if len(rows) <= LISTED:
        return shown
    elements = len({first for first, _ in rows[LISTED:]})
    more = (
        f"and {len(rows) - LISTED:,} more {what} in {plural(elements, 'element')}: "
        "`cse gap --format json` lists every one."
    )
    return Group(shown, _indented(more, indent))


def _element_lines(element: ElementGap) -> str:
    lines = [f"{_label(element.rating)} · {_owner(element.owner)}", element.text]
    lines += [f"Open development point: {inert(point)}" for point in element.development_points]
    return "\n".join(lines)


def _label(rating: Rating | None) -> str:
    return f"{rating.abbreviation} {rating.label}" if rating is not None else "Unrated"


def _owner(owner: str | None) -> str:
    return f"owner: {inert(owner)}" if owner else "no owner named"


def _raised(raised: dt.date | None) -> str:
    return f"raised {raised}" if raised else "date raised not given"


def _indented(text: str, indent: int = 2) -> RenderableType:
    """A paragraph whose wrapped lines keep its indent."""
    from rich.padding import Padding
    from rich.text import Text

    return Padding(Text(text), (0, 0, 0, indent))


def _undated(listed: tuple[DatedItem, ...]) -> RenderableType:
    if len(listed) <= UNDATED_LISTED:
        return _rows([(i.element, inert(i.title)) for i in listed])
    counts: dict[str, int] = {}
    for item in listed:
        counts[item.element] = counts.get(item.element, 0) + 1
    each = ", ".join(f"{element}×{count}" for element, count in counts.items())  # noqa: RUF001
    return _indented(
        f"{len(listed)} items in {len(counts)} elements (element×items): {each}. "  # noqa: RUF001
        "`cse gap --format json` lists every item."
    )
