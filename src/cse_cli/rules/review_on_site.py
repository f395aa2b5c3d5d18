"""A surveillance is on site or off site as its category says.

The first surveillance is always on site; the second is on site when the
category after the first is High, and off site when it is Low.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import Stage
from cse_cli.rules.review_categories import category_before
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.reviews import Review
    from cse_cli.rules.context import Located, ReviewContext


def check(doc: Located, stage: Stage, review: Review, context: ReviewContext) -> None:
    """An `on_site:` that disagrees with the category is an error at it."""
    if review.on_site is None:
        return
    where = doc.position(("on_site",))
    if stage is Stage.SURVEILLANCE_1 and not review.on_site:
        doc.error(where, "on_site: false, but the first surveillance is always on site")
    before = category_before(stage, context)
    if stage is Stage.SURVEILLANCE_2 and before is not None:
        wanted = before[0] == "High"
        if review.on_site is not wanted:
            doc.error(
                where,
                f"on_site: {str(review.on_site).lower()}, but the category after the first "
                f"surveillance is {before[0]} ({before[1]}): a second surveillance is on site "
                "when it is High and off site when it is Low",
            )


RULE = Rule("review-on-site", "a plan that disagrees with the category", check)
