"""`cse check` as JSON, or as a Rich table per criterion for a screen."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.core.scoring import verdict_sentence
from cse_cli.core.text import inert
from cse_cli.render import Styled

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cse_cli.core.scoring import Verdict
    from cse_cli.views.check import CheckView


def to_json(view: CheckView) -> str:
    """The `check --format json` object; `met` is null when the evidence is invalid."""
    criteria = []
    for criterion in view.verdict.criteria:
        entry = criterion.as_json()
        if view.invalid:
            entry["met"] = None
        criteria.append(entry)
    text = json.dumps(
        {
            "organisation": view.organisation,
            "stage": view.verdict.stage.value,
            "met": None if view.invalid else view.verdict.met,
            "criteria": criteria,
            "problems": [problem.as_json() for problem in view.problems],
        },
        indent=2,
        ensure_ascii=False,
    )
    return text + "\n"


def verdict_lines(verdict: Verdict) -> list[str]:
    """Why each unmet criterion fails, one line per failed rule, any notes, then the verdict."""
    lines = [
        f"Criterion {c.number} not met: {reason}" for c in verdict.criteria for reason in c.reasons
    ]
    lines += [f"Criterion {c.number} met, note: {n}" for c in verdict.criteria for n in c.notes]
    lines.append(verdict_sentence(verdict))
    return lines


def to_text(view: CheckView) -> Styled:
    """The verdict as a Rich table per criterion, with why each unmet one fails."""
    return Styled(_table(view.organisation, view.verdict))


def _table(organisation: str, verdict: Verdict) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=f"{inert(organisation)}\n"
        f"Customer Service Excellence at the {verdict.stage.value} stage",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,  # one space between columns: every column fits in 60
    )
    # Wide enough for the longest word of a criterion's title, so a narrow terminal
    # wraps the title between words instead of cutting it short.
    table.add_column("Criterion", ratio=1, min_width=12, overflow="fold")
    for heading in ("CP", "F", "P/max", "NC", "Unrated", "Share"):
        table.add_column(heading, justify="right", no_wrap=True, min_width=len(heading))
    table.add_column("Result", no_wrap=True, min_width=7)
    for c in verdict.criteria:
        table.add_row(
            f"{c.number} {c.title}",
            str(c.compliance_plus),
            str(c.full),
            f"{c.partial}/{c.max_partials}",
            str(c.non_compliance),
            str(c.unrated),
            f"{c.compliant_share:.0%}",
            Text("met", style="green") if c.met else Text("not met", style="bold red"),
        )
    *reasons, summary = verdict_lines(verdict)
    parts: list[RenderableType] = [table]
    parts.extend(Padding(Text(reason), (0, 0, 0, 2)) for reason in reasons)
    parts.extend([Text(""), Text(summary, style="bold green" if verdict.met else "bold red")])
    return Group(*parts)
