"""Formats a finished `Diff` as text (Rich), Markdown or JSON; never prints.

The Markdown is written to be posted as a pull-request comment or a GitHub job
summary: the verdict and a one-line summary first, the details folded in
`<details>`. Every string that comes from the evidence is escaped, so a title
with `|`, `<`, a backtick or an @mention cannot break a table or ping anyone.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import RenderableType

    from cse_cli.diff import Diff, Item, PointChange, Side
    from cse_cli.models import Rating

INDICATIVE = "indicative: the certification body decides"


def to_json(diff: Diff) -> str:
    """The `diff --format json` object."""

    def items(listed: Iterable[Item]) -> list[dict[str, object]]:
        return [{"element": i.element, "id": i.id, "title": i.title} for i in listed]

    def points(listed: Iterable[PointChange]) -> list[dict[str, object]]:
        return [{"element": p.element, "point": p.point, "status": p.status} for p in listed]

    return json.dumps(
        {
            "base": diff.base.label,
            "head": diff.head.label,
            "met_before": diff.met_before,
            "met_after": diff.met_after,
            "criteria": [
                {"number": c.number, "met_before": c.met_before, "met_after": c.met_after}
                for c in diff.criteria
            ],
            "ratings": [
                {
                    "element": r.element,
                    "stage": r.stage,
                    "before": r.before.value if r.before else None,
                    "after": r.after.value if r.after else None,
                }
                for r in diff.ratings
            ],
            "evidence": {
                "added": items(diff.evidence_added),
                "removed": items(diff.evidence_removed),
                "changed": items(diff.evidence_changed),
            },
            "development_points": {
                "opened": points(diff.points_opened),
                "addressed": points(diff.points_addressed),
            },
        },
        indent=2,
        ensure_ascii=False,
    )


def met(value: bool | None) -> str:
    """A verdict in words: met, not met, or invalid (no verdict)."""
    return "invalid" if value is None else "met" if value else "not met"


def rating(value: Rating | None) -> str:
    """A rating as the files spell it, or `unrated`."""
    return "unrated" if value is None else value.value


def verdict(diff: Diff) -> str:
    """The overall verdict before and after: `not met → met`, or `met (unchanged)`."""
    if diff.met_before == diff.met_after:
        return f"{met(diff.met_after)} (unchanged)"
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
        (len(diff.points_opened), "development point", "opened"),
        (len(diff.points_addressed), "development point", "addressed"),
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

    ratings: Rows = [(r.element, r.stage, rating(r.before), rating(r.after)) for r in diff.ratings]
    return [
        ("Ratings changed", ("Element", "Stage", "Before", "After"), ratings),
        ("Elements added", ("Element",), elements(diff.elements_added)),
        ("Elements removed", ("Element",), elements(diff.elements_removed)),
        ("Evidence added", _ITEM, items(diff.evidence_added)),
        ("Evidence removed", _ITEM, items(diff.evidence_removed)),
        ("Evidence changed", _ITEM, items(diff.evidence_changed)),
        ("Development points opened", _POINT, points(diff.points_opened)),
        ("Development points addressed", _POINT, points(diff.points_addressed)),
        (
            "Elements not compared because their file has errors",
            ("Element",),
            elements(diff.not_compared),
        ),
    ]


def _invalid(side: Side) -> str:
    count = len(side.errors)
    return f"The evidence at {side.label} is invalid ({count} error{'s' if count != 1 else ''})"


# Text ---------------------------------------------------------------------------


def to_text(diff: Diff) -> RenderableType:
    """The diff as Rich text: verdict, changed criteria, then every change."""
    from rich.console import Group
    from rich.text import Text

    style = {"met": "bold green", "not met": "bold red", "invalid": "bold yellow"}
    lines = [
        Text(f"{diff.base.label} → {diff.head.label}, at the {diff.stage} stage", style="bold"),
        Text.assemble(
            "Verdict: ",
            (verdict(diff), style[met(diff.met_after)]),
            f" ({INDICATIVE})",
        ),
    ]
    for c in diff.criteria:
        if c.changed:
            lines.append(
                Text.assemble(
                    f"  Criterion {c.number} {c.title}: {met(c.met_before)} → ",
                    (met(c.met_after), style[met(c.met_after)]),
                )
            )
            if c.met_after is False:
                lines.extend(Text(f"    {reason}") for reason in c.reasons_after)
    lines.append(Text(summary(diff).capitalize() + "."))
    for heading, _, rows in sections(diff):
        if not rows:
            continue
        lines.append(Text(f"{heading}:", style="bold"))
        for row in rows:
            if heading == "Ratings changed":
                element, stage, before, after = row
                lines.append(Text(f"  {element} {stage}: {before} → {after}"))
            else:
                first, *rest = (cell for cell in row if cell)
                lines.append(Text(f"  {first}" + (": " + " · ".join(rest) if rest else "")))
    for side in (diff.base, diff.head):
        if not side.valid:
            lines.append(Text(_invalid(side) + ":", "yellow"))
            lines.extend(Text(f"  {problem}") for problem in side.errors)
    return Group(*lines)


# Markdown -----------------------------------------------------------------------

_MARKDOWN = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_[]|~#$"},
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "@": "@&#8203;",  # a zero-width space after @ stops GitHub mentioning anyone
        "\n": " ",
        "\r": " ",
    }
)


def escape(text: str) -> str:
    """Text from the evidence, safe inside a Markdown table cell or paragraph."""
    return text.translate(_MARKDOWN).strip()


def to_markdown(diff: Diff) -> str:
    """The diff as Markdown for a pull-request comment: summary first, details folded."""
    mark = {"met": "✅ met", "not met": "❌ not met", "invalid": "⚠️ invalid"}
    out = [
        f"### Customer Service Excellence: {escape(diff.base.label)} → {escape(diff.head.label)}",
        "",
        f"**Verdict at the {diff.stage} stage: "
        + (
            f"{mark[met(diff.met_after)]} (unchanged)"
            if diff.met_before == diff.met_after
            else f"{mark[met(diff.met_before)]} → {mark[met(diff.met_after)]}"
        )
        + f"** ({INDICATIVE})",
        "",
        summary(diff).capitalize() + ".",
    ]
    out += [f"\n> ⚠️ {escape(_invalid(side))}." for side in (diff.base, diff.head) if not side.valid]
    changed = [c for c in diff.criteria if c.changed]
    if changed:
        out += ["", "| Criterion | Before | After |", "|---|---|---|"]
        out += [
            f"| {c.number} {escape(c.title)} | {mark[met(c.met_before)]} | "
            f"{mark[met(c.met_after)]}{_reasons(c.reasons_after) if c.met_after is False else ''} |"
            for c in changed
        ]
    for heading, columns, rows in sections(diff):
        if rows:
            out += _folded(f"{heading} ({len(rows)})", columns, rows)
    for side in (diff.base, diff.head):
        if not side.valid:
            rows = [(p.file, f"{p.line}:{p.column}", p.message) for p in side.errors]
            out += _folded(
                f"Problems at {html.escape(side.label)} ({len(rows)})",
                ("File", "Place", "Problem"),
                rows,
            )
    return "\n".join(out) + "\n"


def _reasons(reasons: tuple[str, ...]) -> str:
    return "".join(f"<br>{escape(reason)}" for reason in reasons)


def _folded(summary_text: str, columns: tuple[str, ...], rows: Rows) -> list[str]:
    table = [
        "| " + " | ".join(columns) + " |",
        "|" + "---|" * len(columns),
        *("| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows),
    ]
    return ["", "<details>", f"<summary>{summary_text}</summary>", "", *table, "", "</details>"]
