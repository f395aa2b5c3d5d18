"""The assessment cycle: its dates in order, and only reviews it dates named or rated.

In cse.yaml's `cycle:`:

- cycle-order: the dates come in order (desk-top review, visit, first and second
  surveillance, reassessment; the visit may be on the desk-top review's day);
- cycle-second-surveillance: a second surveillance needs the first one's date;
- cycle-categories: a surveillance category (High or Low) after a review needs
  that review's date.

In an element file, checked when cse.yaml is valid, so that its cycle is known:

- surveillance-ratings: a rating at a surveillance (an element file records only
  the ratings a surveillance changed) needs that surveillance's date;
- point-reviews: a development point's `reviews:` (the response and update per
  surveillance) and `addressed_at:` name surveillances the cycle dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import REVIEWS
from cse_cli.core.text import quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.config import Config
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located

ORDER = ("desk_top_review", "visit", "surveillance_1", "surveillance_2", "reassessment")
"""The cycle's dates in the order they must happen."""

NAMES = {
    "desk_top_review": "the desk-top review",
    "visit": "the visit",
    "surveillance_1": "the first surveillance",
    "surveillance_2": "the second surveillance",
    "reassessment": "the reassessment",
}
"""Each of the cycle's reviews in words."""


def in_order(doc: Located, config: Config) -> None:
    """Each date of the cycle before the one before it (or on its day) is an error at its key."""
    cycle = config.cycle
    dated = [(key, day) for key in ORDER if (day := getattr(cycle, key)) is not None]
    for (key, day), (before_key, before) in zip(dated[1:], dated, strict=False):
        # the visit may follow the desk-top review on the same day; reviews may not
        same_day = day == before and key != "visit"
        if day < before or same_day:
            order = "the same day as" if same_day else "before"
            doc.error(
                doc.position(("cycle", key)),
                f"cycle {key}: {day.isoformat()} is {order} {NAMES[before_key]} "
                f"({before.isoformat()}): the cycle's reviews come in order",
            )


def first_before_second(doc: Located, config: Config) -> None:
    """A `surveillance_2` date without a `surveillance_1` date is an error at the former."""
    cycle = config.cycle
    if cycle.surveillance_2 is not None and cycle.surveillance_1 is None:
        doc.error(
            doc.position(("cycle", "surveillance_2")),
            "cycle surveillance_2: a second surveillance needs the first one's date "
            "(surveillance_1) too",
        )


def categories_dated(doc: Located, config: Config) -> None:
    """A category after a surveillance the cycle gives no date for is an error at it."""
    cycle = config.cycle
    for stage in REVIEWS:
        key = stage.field
        if getattr(cycle.category, key) is not None and getattr(cycle, key) is None:
            doc.error(
                doc.position(("cycle", "category", key)),
                f"cycle category {key}: a category after {NAMES[key]}, but cycle has no {key} date",
            )


def ratings_dated(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """A `surveillance_1` or `surveillance_2` rating with no such date is an error at it."""
    if not context.cycle_known:
        return True
    cycle = context.config.cycle
    for stage in REVIEWS:
        key = stage.field
        if element.recorded(stage) is not None and getattr(cycle, key) is None:
            doc.error(
                doc.position((key,)),
                f"{key}: a rating at {NAMES[key]}, but cse.yaml's cycle gives no "
                f"{key} date: add it, or leave the rating out",
            )
    return True


def reviews_in_cycle(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """Each review a point names that the cycle does not date is an error at its key or value."""
    if not context.cycle_known or not element.development_points:
        return True
    cycle = context.config.cycle
    in_cycle = [stage.value for stage in REVIEWS if getattr(cycle, stage.field)]
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
    return True


def _cycle_words(in_cycle: list[str]) -> str:
    if not in_cycle:
        return "cse.yaml's cycle gives no surveillance date"
    return "cse.yaml's cycle has " + " and ".join(in_cycle)


CYCLE_ORDER = Rule("cycle-order", "The cycle's dates must come in order", in_order)
CYCLE_SECOND_SURVEILLANCE = Rule(
    "cycle-second-surveillance",
    "a second surveillance needs the first one's date",
    first_before_second,
)
CYCLE_CATEGORIES = Rule(
    "cycle-categories", "a category after a review needs that review's date", categories_dated
)
SURVEILLANCE_RATINGS = Rule(
    "surveillance-ratings",
    "a rating at a surveillance needs that surveillance's date",
    ratings_dated,
)
POINT_REVIEWS = Rule(
    "point-reviews",
    "a development point's `reviews:` or `addressed_at:` naming a review that is not in the cycle",
    reviews_in_cycle,
)
