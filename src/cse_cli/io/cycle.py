"""Rules of the assessment cycle that span cse.yaml and the element files.

The cycle's dates must run in order (desk-top review, visit, first and second
surveillance, reassessment); a surveillance category needs its review's date;
an element rated at a surveillance needs that surveillance's date in cse.yaml.
Each problem goes to the document it is written in, at its key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import REVIEWS

if TYPE_CHECKING:
    import datetime as dt

    from cse_cli.core.evidence import Config, ElementFile
    from cse_cli.io.yaml_document import Document

_ORDER = ("desk_top_review", "visit", "surveillance_1", "surveillance_2", "reassessment")
"""The cycle's dates in the order they must happen."""

_NAMES = {
    "desk_top_review": "the desk-top review",
    "visit": "the visit",
    "surveillance_1": "the first surveillance",
    "surveillance_2": "the second surveillance",
    "reassessment": "the reassessment",
}


def check_cycle(doc: Document, config: Config) -> None:
    """Problems of cse.yaml's `cycle:`: dates out of order, categories with no review."""
    cycle = config.cycle
    dated = [(key, day) for key in _ORDER if (day := getattr(cycle, key)) is not None]
    for (key, day), (before_key, before) in _later_than(dated):
        # the visit may follow the desk-top review on the same day; reviews may not
        same_day = day == before and key != "visit"
        if day < before or same_day:
            order = "the same day as" if same_day else "before"
            doc.error(
                doc.position(("cycle", key)),
                f"cycle {key}: {day.isoformat()} is {order} {_NAMES[before_key]} "
                f"({before.isoformat()}): the cycle's reviews come in order",
            )
    if cycle.surveillance_2 is not None and cycle.surveillance_1 is None:
        doc.error(
            doc.position(("cycle", "surveillance_2")),
            "cycle surveillance_2: a second surveillance needs the first one's date "
            "(surveillance_1) too",
        )
    for stage in REVIEWS:
        key = stage.field
        if getattr(cycle.category, key) is not None and getattr(cycle, key) is None:
            doc.error(
                doc.position(("cycle", "category", key)),
                f"cycle category {key}: a category after {_NAMES[key]}, but cycle has no "
                f"{key} date",
            )


def check_ratings(doc: Document, element: ElementFile, config: Config) -> None:
    """An element rated at a surveillance whose date cse.yaml does not give."""
    for stage in REVIEWS:
        key = stage.field
        if element.recorded(stage) is not None and getattr(config.cycle, key) is None:
            doc.error(
                doc.position((key,)),
                f"{key}: a rating at {_NAMES[key]}, but cse.yaml's cycle gives no "
                f"{key} date: add it, or leave the rating out",
            )


def _later_than(
    dated: list[tuple[str, dt.date]],
) -> list[tuple[tuple[str, dt.date], tuple[str, dt.date]]]:
    """Each date with the one that comes before it in the cycle."""
    return [(dated[index], dated[index - 1]) for index in range(1, len(dated))]
