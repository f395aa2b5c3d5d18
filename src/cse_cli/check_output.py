"""Formats a finished `check` result as JSON or as a Rich table; never prints."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.errors import Problem, has_errors

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import RenderableType

    from cse_cli.scoring import Verdict


def to_json(organisation: str, verdict: Verdict, problems: list[Problem]) -> str:
    """The `check --format json` object; `met` is null when the evidence is invalid."""
    invalid = has_errors(problems)
    criteria = []
    for criterion in verdict.criteria:
        entry = criterion.as_json()
        if invalid:
            entry["met"] = None
        criteria.append(entry)
    return json.dumps(
        {
            "organisation": organisation,
            "stage": verdict.stage,
            "met": None if invalid else verdict.met,
            "criteria": criteria,
            "problems": [problem.as_json() for problem in problems],
        },
        indent=2,
        ensure_ascii=False,
    )


def to_github(problems: list[Problem], root: Path | None = None) -> str:
    """GitHub Actions workflow commands, exactly one per problem, so they land on the lines.

    Given `root` (the repository's root folder), each file is an absolute path,
    which the runner turns into one relative to the workspace: annotations land
    on the right file even when cse.yaml is in a subfolder of the git
    repository. Without it, files are relative to the repository root, which is
    right only when that root is the workspace. Values are escaped as GitHub's
    toolkit escapes them, so a message can never start a second command.
    """
    base = root.resolve() if root is not None else None
    lines = []
    for problem in problems:
        command = "error" if problem.severity == "error" else "warning"
        file = (base / problem.file).as_posix() if base is not None else problem.file
        place = f"file={_escape_property(file)}"
        if problem.line:
            place += f",line={problem.line}"
            if problem.column:
                place += f",col={problem.column}"
        lines.append(f"::{command} {place},title=cse check::{_escape_data(problem.message)}")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def verdict_lines(verdict: Verdict) -> list[str]:
    """Why each unmet criterion fails, one line per failed rule, then the verdict."""
    lines = [
        f"Criterion {c.number} not met: {reason}" for c in verdict.criteria for reason in c.reasons
    ]
    failed = [str(c.number) for c in verdict.criteria if not c.met]
    if failed:
        which = (
            f"criterion {failed[0]} falls"
            if len(failed) == 1
            else f"criteria {', '.join(failed[:-1])} and {failed[-1]} fall"
        )
        lines.append(f"Not met: {which} short (indicative: the certification body decides).")
    else:
        lines.append(
            "Met: every criterion meets the standard's rules "
            "(indicative: the certification body decides)."
        )
    return lines


def to_table(organisation: str, verdict: Verdict) -> RenderableType:
    """The verdict as a Rich table per criterion, with why each unmet one fails."""
    from rich import box
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=f"{organisation}\nCustomer Service Excellence at the {verdict.stage} stage",
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("Criterion", ratio=1)
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
