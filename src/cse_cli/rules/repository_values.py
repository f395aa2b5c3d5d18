"""The element files of a repository hold at most 500,000 values and 20,000 evidence items.

Values and items are counted as the element files are read, in the order cse
reads them; the file that passes a limit is reported and ends the reading,
before it is validated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.rules.context import Located

MAX_EVIDENCE_VALUES = 500_000  # the element files' values together (texts, numbers…)
MAX_EVIDENCE_ITEMS = 20_000  # the evidence items of the element files together


def counted(doc: Located) -> tuple[int, int]:
    """What one element file adds toward the limits: its values and its evidence items."""
    items = doc.data.get("evidence") if isinstance(doc.data, dict) else None
    return doc.values, len(items) if isinstance(items, list) else 0


def check(values: int, items: int) -> str | None:
    """Why the element files read so far, this many values and items, are too much, or None."""
    if values > MAX_EVIDENCE_VALUES:
        what = f"{values:,} values (texts, numbers, lists and mappings), over the limit of "
        what += f"{MAX_EVIDENCE_VALUES:,}"
    elif items > MAX_EVIDENCE_ITEMS:
        what = f"{items:,} evidence items, over the limit of {MAX_EVIDENCE_ITEMS:,}"
    else:
        return None
    return (
        f"the element files up to this one hold {what} for a repository: "
        "the files after it are not read"
    )


RULE = Rule(
    "repository-values", "values and items are counted as the element files are read", check
)
