"""A second surveillance needs the first one's date.

cse.yaml's `cycle:` may not give `surveillance_2` without `surveillance_1`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.config import Config
    from cse_cli.rules.context import Located


def check(doc: Located, config: Config) -> None:
    """A `surveillance_2` date without a `surveillance_1` date is an error at the former."""
    cycle = config.cycle
    if cycle.surveillance_2 is not None and cycle.surveillance_1 is None:
        doc.error(
            doc.position(("cycle", "surveillance_2")),
            "cycle surveillance_2: a second surveillance needs the first one's date "
            "(surveillance_1) too",
        )


RULE = Rule("cycle-second-surveillance", "a second surveillance needs the first one's date", check)
