"""The cycle's dates must come in order.

cse.yaml's `cycle:` gives the desk-top review, the visit, the first and second
surveillance and the reassessment; each comes after the one before it, the
visit on the desk-top review's day or later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.config import Config
    from cse_cli.rules.context import Located

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


def check(doc: Located, config: Config) -> None:
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


RULE = Rule("cycle-order", "The cycle's dates must come in order", check)
