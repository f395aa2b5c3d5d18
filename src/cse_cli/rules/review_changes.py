"""A review's `changes:` are per criterion: criterion_1 to criterion_5."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.reviews import Review
    from cse_cli.core.stages import Stage
    from cse_cli.rules.context import Located, ReviewContext


def check(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:  # noqa: ARG001
    """A key of `changes:` that names no criterion of the standard is an error at it."""
    keys = [f"criterion_{number}" for number in context.criteria]
    for key in review.changes:
        if key not in keys:
            doc.error(
                doc.position(("changes", key), of_key=True),
                f"changes: {quoted(key)} is not a criterion: use {keys[0]} to {keys[-1]}"
                f"{did_you_mean(key, keys)}",
            )


RULE = Rule("review-changes", "a change that names no criterion", check)
