"""`cse history` as text, JSON or Markdown (its HTML page is templates/history.html.j2)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.render import Styled
from cse_cli.render.markdown import md_text

if TYPE_CHECKING:
    from cse_cli.views.history import HistoryView, Point

_MET = {True: "met", False: "not met", None: "no verdict"}


def to_json(view: HistoryView) -> str:
    """The `history --format json` object: `points`, oldest first."""
    points = [
        {
            "label": p.label,
            "revision": p.revision,
            "stage": p.stage.value,
            "date": p.date,
            "met": p.met,
            "problem": p.problem,
            "totals": p.totals.as_json(),
            "criteria": [
                {"number": c.number, **c.counts.as_json(), "met": c.met} for c in p.criteria
            ],
            "compliance_plus": {
                "retained": list(p.retained),
                "gained": list(p.gained),
                "lost": list(p.lost),
            },
        }
        for p in view.points
    ]
    if not points:
        return '{\n  "points": []\n}\n'
    # one point to a line: json's C encoder writes it (indent= would use the slow
    # Python one), and a thousand commits still read, and diff, line by line
    lines = ",\n    ".join(json.dumps(point, ensure_ascii=False) for point in points)
    return f'{{\n  "points": [\n    {lines}\n  ]\n}}\n'


def compliance_plus_words(p: Point) -> str:
    """Compliance plus since the point before: '5 retained; gained 1.3.1; lost 2.1.3'."""
    parts = [f"{len(p.retained)} retained"] if p.retained else []
    if p.gained:
        parts.append(f"gained {', '.join(p.gained)}")
    if p.lost:
        parts.append(f"lost {', '.join(p.lost)}")
    return "; ".join(parts) or "none"


def verdict_words(p: Point) -> str:
    """A point's verdict, or why it has none: 'met', 'not met', 'no cse.yaml at this revision'."""
    return p.problem or _MET[p.met]


def to_text(view: HistoryView) -> Styled:
    """One row per point: counts, verdict, and compliance plus retained, gained and lost."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{view.organisation}: history", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Point", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    for heading in ("CP", "F", "P", "NC", "Unrated"):
        table.add_column(heading, justify="right")
    table.add_column("Verdict", no_wrap=True)
    for p in view.points:
        t = p.totals
        table.add_row(
            p.label, p.date or "", str(t.compliance_plus), str(t.full), str(t.partial),
            str(t.non_compliance), str(t.unrated), verdict_words(p),
        )  # fmt: skip
    lines = [Text(f"  {p.label}: compliance plus {compliance_plus_words(p)}") for p in view.points]
    return Styled(Group(table, Text("Compliance plus since the point before:"), *lines))


def to_markdown(view: HistoryView) -> str:
    """A table of the points, GitHub-flavoured."""
    lines = [
        f"# Customer Service Excellence history: {md_text(view.organisation)}",
        "",
        "| Point | Date | CP | F | P | NC | Unrated | Verdict | Compliance plus |",
        "|---|---|--:|--:|--:|--:|--:|---|---|",
    ]
    for p in view.points:
        t = p.totals
        lines.append(
            f"| {md_text(p.label)} | {p.date or ''} | {t.compliance_plus} | {t.full} | "
            f"{t.partial} | {t.non_compliance} | {t.unrated} | {md_text(verdict_words(p))} | "
            f"{md_text(compliance_plus_words(p))} |"
        )
    return "\n".join(lines) + "\n"
