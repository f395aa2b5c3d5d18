"""A rating at a surveillance needs that surveillance's date in cse.yaml.

An element file records at a surveillance only the ratings it changed; such a
rating belongs to a surveillance that cse.yaml's `cycle:` dates. Checked when
cse.yaml is valid, so that its cycle is known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import REVIEWS
from cse_cli.rules.cycle_order import NAMES
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """A `surveillance_1` or `surveillance_2` rating with no such date is an error at it."""
    if not context.cycle_known or (
        element.surveillance_1 is None and element.surveillance_2 is None
    ):
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


RULE = Rule(
    "surveillance-ratings", "a rating at a surveillance needs that surveillance's date", check
)
