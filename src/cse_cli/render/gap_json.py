"""`cse gap --format json`: one JSON object for other tools."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cse_cli.core.ratings import Rating
    from cse_cli.views.gap import CriterionGap, DatedItem, Gap, OpenPoint
    from cse_cli.views.gap_scope import ElementNote


def to_json(gap: Gap) -> str:
    """The `gap --format json` object."""
    return (
        json.dumps(
            {
                "organisation": gap.organisation,
                "stage": gap.stage.value,
                "as_of": gap.as_of.isoformat(),
                "service": gap.service,
                "owner": gap.owner,
                "met": gap.met,
                "criteria": [_criterion(c) for c in gap.criteria],
                "without_evidence": [_note(n) for n in gap.without_evidence],
                "rests_on_visit": [_note(n) for n in gap.rests_on_visit],
                "unsupported": [_note(n) for n in gap.unsupported],
                "compliance_plus_without_justification": [
                    _note(n) for n in gap.unjustified_compliance_plus
                ],
                "stale_after_months": gap.stale_after_months,
                "stale": [_item(i) for i in gap.stale],
                "undated": [{"element": i.element, "title": i.title} for i in gap.undated],
                "open_development_points": [_point(p) for p in gap.open_development_points],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def _criterion(c: CriterionGap) -> dict[str, object]:
    return {
        "number": c.number,
        "title": c.title,
        "met": c.met,
        "to_raise": c.to_raise,
        "reasons": list(c.reasons),
        "notes": list(c.notes),
        "must_raise": [element for element, _ in c.must_raise],
        "then_raise": c.then_raise,
        "then_raise_from": list(c.partials) if c.then_raise else [],
        "elements": [
            {
                "element": e.element,
                "rating": _value(e.rating),
                "owner": e.owner,
                "development_points": list(e.development_points),
                "text": e.text,
            }
            for e in c.elements
        ],
    }


def _point(p: OpenPoint) -> dict[str, object]:
    return {
        "element": p.element,
        "point": p.point,
        "raised": p.raised.isoformat() if p.raised else None,
        "raised_at": p.raised_at,
        "by": p.by,
        "source": p.source,
    }


def _value(rating: Rating | None) -> str | None:
    return rating.value if rating is not None else None


def _note(note: ElementNote) -> dict[str, object]:
    return {"element": note.element, "rating": _value(note.rating), "owner": note.owner}


def _item(item: DatedItem) -> dict[str, object]:
    date = item.date.isoformat() if item.date else None
    return {"element": item.element, "title": item.title, "date": date}
