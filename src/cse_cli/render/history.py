"""`cse history` as text, JSON, Markdown or one self-contained HTML page with a chart."""

from __future__ import annotations

import json
from html import escape
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


def _when(p: Point) -> str:
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
            str(t.non_compliance), str(t.unrated), _when(p),
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
            f"{t.partial} | {t.non_compliance} | {t.unrated} | {md_text(_when(p))} | "
            f"{md_text(compliance_plus_words(p))} |"
        )
    return "\n".join(lines) + "\n"


def to_html(view: HistoryView) -> str:
    """One self-contained page: a chart of the counts over time, then the table."""
    from cse_cli.io.resources import resource

    css = (resource("templates") / "report.css").read_text(encoding="utf-8")
    title = f"Customer Service Excellence history: {view.organisation}"
    rows = "\n".join(
        f'<tr><th scope="row">{escape(p.label)}</th><td>{escape(p.date or "")}</td>'
        f'<td class="number">{p.totals.compliance_plus}</td>'
        f'<td class="number">{p.totals.full}</td><td class="number">{p.totals.partial}</td>'
        f'<td class="number">{p.totals.non_compliance}</td>'
        f'<td class="number">{p.totals.unrated}</td><td>{escape(_when(p))}</td>'
        f"<td>{escape(compliance_plus_words(p))}</td></tr>"
        for p in view.points
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{escape(title)}</h1>\n{chart_svg(view)}\n"
        '<table class="summary">\n<caption>Elements by rating at each point</caption>\n'
        '<thead><tr><th scope="col">Point</th><th scope="col">Date</th>'
        '<th scope="col" class="number"><abbr title="Compliance Plus">CP</abbr></th>'
        '<th scope="col" class="number"><abbr title="Full Compliance">F</abbr></th>'
        '<th scope="col" class="number"><abbr title="Partial Compliance">P</abbr></th>'
        '<th scope="col" class="number"><abbr title="Non-compliance">NC</abbr></th>'
        '<th scope="col" class="number">Unrated</th><th scope="col">Verdict</th>'
        '<th scope="col">Compliance plus</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</main>\n</body>\n</html>\n"
    )


_SERIES = (("compliance_plus", "Compliance plus"), ("partial", "Partial compliance"))


def chart_svg(view: HistoryView) -> str:
    """Compliance plus and partials at each point, as an inline SVG with a text description."""
    points = view.points
    width, height, left, top = 640, 220, 48, 16
    step = (width - left - 16) / max(1, len(points) - 1)
    peak = max([1, *(getattr(p.totals, key) for p in points for key, _ in _SERIES)])
    desc = "; ".join(
        f"{p.label}: {p.totals.compliance_plus} compliance plus, {p.totals.partial} partial"
        for p in points
    )
    parts = [
        (
            '<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height + 40}" role="img" aria-labelledby="h-title h-desc">'
        ),
        '<title id="h-title">Compliance plus and partial compliances over time</title>',
        f'<desc id="h-desc">{escape(desc)}</desc>',
    ]
    for key, name in _SERIES:
        xy = [
            (left + i * step, top + height - 20 - getattr(p.totals, key) * (height - 40) / peak)
            for i, p in enumerate(points)
        ]
        style = "stroke: var(--cp)" if key == "compliance_plus" else (
            "stroke: var(--text); stroke-dasharray: 6 4"
        )  # fmt: skip
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
        parts.append(
            f'<polyline fill="none" stroke-width="3" style="{style}" points="{path}">'
            f"<title>{name}</title></polyline>"
        )
        parts += [
            f'<text class="tick" x="{x:.1f}" y="{y - 6:.1f}">{getattr(p.totals, key)}</text>'
            for (x, y), p in zip(xy, points, strict=True)
        ]
    parts += [
        f'<text class="tick" x="{left + i * step:.1f}" y="{height + 30}">{escape(p.label)}</text>'
        for i, p in enumerate(points)
    ]
    parts.append("</svg><figcaption>Compliance plus (solid line) and partial compliances "
                 "(dashed line) at each point; the table below gives every count.</figcaption>"
                 "</figure>")  # fmt: skip
    return "".join(parts)
