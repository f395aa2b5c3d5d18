"""What text and Markdown say of a `Diff` alike: verdicts, the summary line, the sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.scoring import INDICATIVE
from cse_cli.core.text import plural

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cse_cli.core.ratings import Rating
    from cse_cli.views.diff import Diff, Side
    from cse_cli.views.diff_items import Item, PointChange

__all__ = ["INDICATIVE", "Rows", "invalid", "met", "rating", "sections", "summary", "verdict"]


def met(value: bool | None) -> str:
    """A verdict in words: met, not met, or invalid (no verdict)."""
    return "invalid" if value is None else "met" if value else "not met"


def rating(value: Rating | None) -> str:
    """A rating as the files spell it, or `unrated`."""
    return "unrated" if value is None else value.value


def verdict(diff: Diff) -> str:
    """The overall verdict before and after: `not met → met`, or `still met`."""
    if diff.met_before == diff.met_after:
        return f"still {met(diff.met_after)}"
    return f"{met(diff.met_before)} → {met(diff.met_after)}"


def summary(diff: Diff) -> str:
    """What changed, counted in one line; `no change to the evidence` when nothing did."""
    counts = [
        (len(diff.ratings), "rating", "changed"),
        (len(diff.elements_added), "element", "added"),
        (len(diff.elements_removed), "element", "removed"),
        (len(diff.evidence_added), "evidence item", "added"),
        (len(diff.evidence_removed), "evidence item", "removed"),
        (len(diff.evidence_changed), "evidence item", "changed"),
        (len(diff.on_site_added), "on-site item", "added"),
        (len(diff.on_site_removed), "on-site item", "removed"),
        (len(diff.on_site_changed), "on-site item", "changed"),
        (len(diff.points_opened), "development point", "opened"),
        (len(diff.points_addressed), "development point", "addressed"),
        (len(diff.fields_changed), "other field", "changed"),
    ]
    parts = [f"{n} {noun}{'s' if n != 1 else ''} {verb}" for n, noun, verb in counts if n]
    if parts:
        return ", ".join(parts)
    return "no change to the evidence" + (" that could be compared" if diff.not_compared else "")


Rows = list[tuple[str, ...]]
_ITEM = ("Element", "Id", "Title")
_POINT = ("Element", "Point", "Status")


def sections(diff: Diff) -> list[tuple[str, tuple[str, ...], Rows]]:
    """The details as (heading, columns, rows), in the order text and Markdown show them."""

    def items(listed: Iterable[Item]) -> Rows:
        return [(i.element, i.id or "", i.title or "") for i in listed]

    def points(listed: Iterable[PointChange]) -> Rows:
        return [(p.element, p.point, p.status) for p in listed]

    def elements(listed: Iterable[str]) -> Rows:
        return [(element,) for element in listed]

    ratings: Rows = [
        (r.element, str(r.stage), rating(r.before), rating(r.after)) for r in diff.ratings
    ]
    return [
        ("Ratings changed", ("Element", "Stage", "Before", "After"), ratings),
        ("Elements added", ("Element",), elements(diff.elements_added)),
        ("Elements removed", ("Element",), elements(diff.elements_removed)),
        ("Evidence added", _ITEM, items(diff.evidence_added)),
        ("Evidence removed", _ITEM, items(diff.evidence_removed)),
        ("Evidence changed", _ITEM, items(diff.evidence_changed)),
        ("On-site evidence added", _ITEM, items(diff.on_site_added)),
        ("On-site evidence removed", _ITEM, items(diff.on_site_removed)),
        ("On-site evidence changed", _ITEM, items(diff.on_site_changed)),
        ("Development points opened", _POINT, points(diff.points_opened)),
        ("Development points addressed", _POINT, points(diff.points_addressed)),
        (
            "Other fields changed",
            ("Element", "Field", "Before", "After"),
            [(f.element, f.field, f.before, f.after) for f in diff.fields_changed],
        ),
        (
            "Elements not compared because their file has errors",
            ("Element",),
            elements(diff.not_compared),
        ),
    ]


def invalid(side: Side) -> str:
    """That a side's evidence is invalid, with its count of errors."""
    return f"The evidence of {side.label} is invalid ({plural(len(side.errors), 'error')})"
