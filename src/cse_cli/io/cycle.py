"""Rules of the assessment cycle that span cse.yaml and the element files.

The cycle's dates must run in order (desk-top review, visit, first and second
surveillance, reassessment); a surveillance category needs its review's date;
an element rated at a surveillance needs that surveillance's date in cse.yaml.
Each problem goes to the document it is written in, at its key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.evidence import inferable
from cse_cli.core.stages import REVIEWS
from cse_cli.core.text import did_you_mean, quoted

if TYPE_CHECKING:
    import datetime as dt

    from cse_cli.core.config import Config
    from cse_cli.core.evidence import ElementFile
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
    if element.surveillance_1 is None and element.surveillance_2 is None:
        return
    for stage in REVIEWS:
        key = stage.field
        if element.recorded(stage) is not None and getattr(config.cycle, key) is None:
            doc.error(
                doc.position((key,)),
                f"{key}: a rating at {_NAMES[key]}, but cse.yaml's cycle gives no "
                f"{key} date: add it, or leave the rating out",
            )


def check_points(doc: Document, element: ElementFile, config: Config) -> None:
    """Points updated or addressed at a review not in the cycle; `inferred:` naming no key."""
    if not element.development_points and not any(item.inferred for item in element.evidence):
        return
    in_cycle = [stage.value for stage in REVIEWS if getattr(config.cycle, stage.field)]
    for index, point in enumerate(element.development_points):
        at = ("development_points", index)
        named: list[tuple[str, tuple[str | int, ...]]] = [
            (key, (*at, "reviews", key)) for key in point.reviews
        ]
        if point.addressed_at is not None:
            named.append((point.addressed_at, (*at, "addressed_at")))
        for review, where in named:
            if review not in in_cycle:
                doc.error(
                    doc.position(where, of_key=where[-2] == "reviews"),
                    f"development point {index + 1}: {quoted(review)} is not a review in "
                    f"this cycle ({_cycle_words(in_cycle)})",
                )
        _check_inferred(doc, at, point.inferred, inferable(type(point)))
    for index, item in enumerate(element.evidence):
        if item.inferred:
            _check_inferred(doc, ("evidence", index), item.inferred, inferable(type(item)))


def _check_inferred(
    doc: Document, at: tuple[str | int, ...], inferred: list[str], keys: list[str]
) -> None:
    if not inferred:
        return
    for index, key in enumerate(inferred):
        if key not in keys:
            doc.error(
                doc.position((*at, "inferred", index)),
                f"inferred: {quoted(key)} is not a key here{did_you_mean(key, keys)}",
            )


def _cycle_words(in_cycle: list[str]) -> str:
    if not in_cycle:
        return "cse.yaml's cycle gives no surveillance date"
    return "cse.yaml's cycle has " + " and ".join(in_cycle)


def _later_than(
    dated: list[tuple[str, dt.date]],
) -> list[tuple[tuple[str, dt.date], tuple[str, dt.date]]]:
    """Each date with the one that comes before it in the cycle."""
    return [(dated[index], dated[index - 1]) for index in range(1, len(dated))]
