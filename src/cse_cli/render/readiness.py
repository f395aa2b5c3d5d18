"""`cse gap --review` as text for a screen, or as one JSON object."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.core.text import plural
from cse_cli.render import Styled

if TYPE_CHECKING:
    from cse_cli.views.readiness import Readiness


def to_json(view: Readiness) -> str:
    """The `gap --review --format json` object."""
    data = {
        "organisation": view.organisation,
        "review": view.review.value,
        "review_date": _iso(view.review_date),
        "since": _iso(view.since),
        "as_of": view.as_of.isoformat(),
        "days_left": view.days_left,
        "ready": view.missing == 0,
        "documents": [
            {
                "key": d.key,
                "title": d.title,
                "ready": d.problem is None,
                "problem": d.problem,
                "date": _iso(d.date),
                "received": _iso(d.received),
            }
            for d in view.documents
        ],
        "development_points_without_response": [
            {"element": p.element, "point": p.point, "source": p.source} for p in view.points_due
        ],
        "stale_elements": list(view.stale_elements),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_text(view: Readiness) -> Styled:
    """What the assessor will ask for at the review, and what is missing, for a screen."""
    from rich.console import Group
    from rich.text import Text

    called = view.review_called
    when = "no date set"
    if view.review_date is not None and view.days_left is not None:
        left = view.days_left
        when = (
            f"{view.review_date}, {plural(left, 'day')} from {view.as_of}"
            if left >= 0
            else f"{view.review_date}, {plural(-left, 'day')} before {view.as_of}"
        )
    lines: list[Text] = [
        Text(f"{view.organisation}: getting ready for {called} ({when})", "bold"),
        Text(""),
        Text("Documents the certification body requests", "bold underline"),
    ]
    for d in view.documents:
        mark = Text("ready   ", "green") if d.problem is None else Text("missing ", "bold red")
        detail = f" ({d.problem})" if d.problem else ""
        received = f", receipt confirmed {d.received}" if d.received else ""
        lines.append(Text.assemble("  ", mark, f"{d.title}{detail}{received}"))
    lines += [
        Text(""),
        Text(f"Open development points with no response for {called}", "bold underline"),
    ]
    lines += [Text(f"  {p.element}  ({p.source}) {p.point}") for p in view.points_due] or [
        Text("  none")
    ]
    lines += [Text(""), Text("Elements whose evidence is stale", "bold underline")]
    lines.append(Text(f"  {', '.join(view.stale_elements)}" if view.stale_elements else "  none"))
    lines.append(Text(""))
    summary = (
        f"Ready for {called}."
        if view.missing == 0
        else f"{plural(view.missing, 'thing')} to do before {called}."
    )
    lines.append(Text(summary, "bold"))
    return Styled(Group(*lines))


def _iso(day: object) -> str | None:
    return None if day is None else str(day)
