"""A category after a review needs that review's date.

The surveillance category (High or Low) is set after a surveillance; cse.yaml's
`cycle: category:` may give one only for a surveillance whose date the cycle gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import REVIEWS
from cse_cli.rules.cycle_order import NAMES
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.config import Config
    from cse_cli.rules.context import Located


def check(doc: Located, config: Config) -> None:
    """A category after a surveillance the cycle gives no date for is an error at it."""
    cycle = config.cycle
    for stage in REVIEWS:
        key = stage.field
        if getattr(cycle.category, key) is not None and getattr(cycle, key) is None:
            doc.error(
                doc.position(("cycle", "category", key)),
                f"cycle category {key}: a category after {NAMES[key]}, but cycle has no {key} date",
            )


RULE = Rule("cycle-categories", "a category after a review needs that review's date", check)
