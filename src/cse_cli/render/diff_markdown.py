"""`cse diff --format md`: Markdown for a pull-request comment or a GitHub job summary.

The verdict and a one-line summary come first, the details folded in
`<details>`. Every string that comes from the evidence is escaped, so a title
with `|`, `<`, a backtick or an @mention cannot break a table or ping anyone.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from cse_cli.render.diff import INDICATIVE, invalid, met, sections, summary

if TYPE_CHECKING:
    from cse_cli.render.diff import Rows
    from cse_cli.views.diff import Diff

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
    out += [f"\n> ⚠️ {escape(invalid(side))}." for side in (diff.base, diff.head) if not side.valid]
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
