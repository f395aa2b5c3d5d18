"""A review file is named for its surveillance: surveillance-1.yaml or surveillance-2.yaml.

Another YAML file in `reviews/` is an error, with a suggestion when its name is close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.stages import REVIEWS
from cse_cli.core.text import did_you_mean
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.stages import Stage
    from cse_cli.rules.context import Located

NAMES = {f"{stage.value}.yaml": stage for stage in REVIEWS}
"""The surveillance of each review file, by its name."""


def check(doc: Located, name: str) -> Stage | None:
    """The surveillance the file `name` records; None, with an error at its start, for none."""
    stage = NAMES.get(name)
    if stage is None:
        doc.error(
            (1, 1),
            f"{name} is not a review file: name it {' or '.join(NAMES)}{did_you_mean(name, NAMES)}",
        )
    return stage


RULE = Rule("review-file-name", "a review file named other than for its surveillance", check)
