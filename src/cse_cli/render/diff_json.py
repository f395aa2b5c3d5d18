"""`cse diff --format json`: one JSON object for other tools."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cse_cli.views.diff import Diff
    from cse_cli.views.diff_items import Item, PointChange


def to_json(diff: Diff) -> str:
    """The `diff --format json` object."""

    def items(listed: Iterable[Item]) -> list[dict[str, object]]:
        return [{"element": i.element, "id": i.id, "title": i.title} for i in listed]

    def points(listed: Iterable[PointChange]) -> list[dict[str, object]]:
        return [{"element": p.element, "point": p.point, "status": p.status} for p in listed]

    return (
        json.dumps(
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
                "on_site": {
                    "added": items(diff.on_site_added),
                    "removed": items(diff.on_site_removed),
                    "changed": items(diff.on_site_changed),
                },
                "development_points": {
                    "opened": points(diff.points_opened),
                    "addressed": points(diff.points_addressed),
                },
                "elements": {
                    "added": list(diff.elements_added),
                    "removed": list(diff.elements_removed),
                    "not_compared": list(diff.not_compared),
                },
                "fields_changed": [
                    {"element": f.element, "field": f.field, "before": f.before, "after": f.after}
                    for f in diff.fields_changed
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
