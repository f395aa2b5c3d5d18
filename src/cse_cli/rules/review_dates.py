"""A surveillance comes after the assessment, the second after the first, on cse.yaml's date.

A review file's `date:` is after the assessment (the visit, else the desk-top
review), is the date cse.yaml's `cycle:` gives that surveillance when it gives
one, and for the second surveillance is after the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import Stage
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    import datetime as dt

    from cse_cli.core.reviews import Review
    from cse_cli.rules.context import Located, ReviewContext


def check(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:
    """Each date out of place is an error at `date:`."""
    cycle = context.config.cycle
    assessed = cycle.visit or cycle.desk_top_review
    where = doc.position(("date",))
    if assessed is not None and review.date <= assessed:
        doc.error(
            where,
            f"date: {review.date.isoformat()} is not after the assessment "
            f"({assessed.isoformat()}): a surveillance follows it",
        )
    planned: dt.date | None = getattr(cycle, stage.field)
    if planned is not None and planned != review.date:
        doc.error(
            where,
            f"date: {review.date.isoformat()}, but cse.yaml's cycle gives {stage.field}: "
            f"{planned.isoformat()}",
        )
    if stage is Stage.SURVEILLANCE_2:
        first = context.earlier.get(Stage.SURVEILLANCE_1)
        first_date = first.date if first is not None else cycle.surveillance_1
        if first_date is not None and review.date <= first_date:
            doc.error(
                where,
                f"date: {review.date.isoformat()} is not after the first surveillance "
                f"({first_date.isoformat()}): the second comes a year after it",
            )


RULE = Rule(
    "review-dates",
    "a date not after the assessment, a second surveillance not after the first, a date that "
    "differs from cse.yaml's `cycle`",
    check,
)
