"""`cse diff` as Rich text for a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import inert, short
from cse_cli.render import Styled
from cse_cli.render.diff import INDICATIVE, invalid, met, sections, summary, verdict

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cse_cli.views.diff import Diff


def to_text(diff: Diff) -> Styled:
    """The diff as Rich text: verdict, changed criteria, then every change."""
    return Styled(_text(diff), soft_wrap=True, highlight=False)


def _text(diff: Diff) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    style = {"met": "bold green", "not met": "bold red", "invalid": "bold yellow"}
    lines = [
        Text(
            f"{inert(diff.base.label)} → {inert(diff.head.label)}, at the {diff.stage} stage",
            style="bold",
        ),
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
            if heading in {"Ratings changed", "Other fields changed"}:
                element, what, before, after = (short(cell) or "(none)" for cell in row)
                lines.append(Text(f"  {element} {what}: {before} → {after}"))
            else:
                first, *rest = (inert(cell) for cell in row if cell)
                lines.append(Text(f"  {first}" + (": " + " · ".join(rest) if rest else "")))
    for side in (diff.base, diff.head):
        if not side.valid:
            lines.append(Text(inert(invalid(side)) + ":", "yellow"))
            lines.extend(Text(f"  {inert(str(problem))}") for problem in side.errors)
    return Group(*lines)
