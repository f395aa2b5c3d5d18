"""A development point names only reviews that are in the cycle.

A point's `reviews:` (the response and update per surveillance) and its
`addressed_at:` name surveillances that cse.yaml's `cycle:` dates. Checked when
cse.yaml is valid, so that its cycle is known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import REVIEWS
from cse_cli.core.text import quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """Each review named that the cycle does not date is an error at its key or value."""
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


RULE = Rule(
    "point-reviews",
    "a development point's `reviews:` or `addressed_at:` naming a review that is not in the cycle",
    check,
)
