"""A review's categories agree with cse.yaml and with the review before.

`category_before` is the category the review before set (cse.yaml's category
after the final assessment, for the first surveillance; the first
surveillance's `category_after`, else cse.yaml's, for the second);
`category_after` is cse.yaml's category after this surveillance, when it gives one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import Stage
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.reviews import Review
    from cse_cli.rules.context import Located, ReviewContext


def check(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:
    """A category that disagrees is an error at its key."""
    before = category_before(stage, context)
    if before is not None and review.category_before not in (None, before[0]):
        doc.error(
            doc.position(("category_before",)),
            f"category_before: {review.category_before}, but {before[1]} says {before[0]}",
        )
    planned = getattr(context.config.cycle.category, stage.field)
    if planned is not None and review.category_after not in (None, planned):
        doc.error(
            doc.position(("category_after",)),
            f"category_after: {review.category_after}, but cse.yaml's cycle category "
            f"{stage.field} is {planned}",
        )


def category_before(stage: Stage, context: ReviewContext) -> tuple[str, str] | None:
    """The category the review before set, and where it is written."""
    category = context.config.cycle.category
    if stage is Stage.SURVEILLANCE_1:
        return (category.final, "cse.yaml's cycle category final") if category.final else None
    first = context.earlier.get(Stage.SURVEILLANCE_1)
    if first is not None and first.category_after is not None:
        return first.category_after, "reviews/surveillance-1.yaml's category_after"
    planned = category.surveillance_1
    return (planned, "cse.yaml's cycle category surveillance_1") if planned else None


RULE = Rule(
    "review-categories", "categories that disagree with cse.yaml or with the review before", check
)
