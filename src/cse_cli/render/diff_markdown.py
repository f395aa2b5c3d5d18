"""`cse diff --format md`: Markdown for a pull-request comment or a GitHub job summary.

The verdict and a one-line summary come first, the details folded in
`<details>`. Every string that comes from the evidence is escaped, so a title
with `|`, `<`, a backtick or an @mention cannot break a table or ping anyone
(`cse_cli.render.markdown`, the one Markdown escaper).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.render.diff import INDICATIVE, invalid, met, sections, summary
from cse_cli.render.markdown import md_html, md_text

if TYPE_CHECKING:
    from cse_cli.render.diff import Rows
    from cse_cli.views.diff import Diff

escape = md_text  # every string from the evidence, in a paragraph, heading or cell


def to_markdown(diff: Diff) -> str:
    """The diff as Markdown for a pull-request comment: summary first, details folded."""
    mark = {"met": "✅ met", "not met": "❌ not met", "invalid": "⚠️ invalid"}
    out = [
        f"### Customer Service Excellence: {escape(diff.base.label)} → {escape(diff.head.label)}",
        "",
        f"**Verdict at the {diff.stage} stage: "
        + (
            f"still {mark[met(diff.met_after)]}"
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
                f"Problems of {md_html(side.label)} ({len(rows)})",
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
