"""An `inferred:` list names only keys of its item or point.

An evidence item, an on-site item or a development point may mark the keys
whose values the transcriber inferred; each named must be another key of that
item or point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.evidence import inferable
from cse_cli.core.text import did_you_mean, quoted
from cse_cli.rules.items import each_item
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, element: ElementFile, context: ElementContext) -> bool:  # noqa: ARG001
    """Each key named that its item or point does not have is an error at it."""
    for index, point in enumerate(element.development_points):
        if point.inferred:
            _check(doc, ("development_points", index), point.inferred, inferable(type(point)))
    for kind, index, item in each_item(element):
        if item.inferred:
            _check(doc, (kind, index), item.inferred, inferable(type(item)))
    return True


def _check(doc: Located, at: tuple[str | int, ...], inferred: list[str], keys: list[str]) -> None:
    for index, key in enumerate(inferred):
        if key not in keys:
            doc.error(
                doc.position((*at, "inferred", index)),
                f"inferred: {quoted(key)} is not a key here{did_you_mean(key, keys)}",
            )


INFERRED_KEYS = Rule(
    "inferred-keys", "An `inferred:` list names only keys of its item or point", check
)
