"""The element files of a repository: at most 200 files and 5 MB, 500,000 values and 20,000 items.

- repository-size: the number of files and their bytes are checked before any
  element file is read; over either limit, none is read.
- repository-values: values and items (evidence items and on-site items
  together) are counted as the element files are read, in the order cse reads
  them; the file that passes a limit is reported and ends the reading, before it
  is validated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.rules.context import ITEM_LISTS
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.rules.context import Located

# The standard has 57 elements, each a file of a few kilobytes; these bound what
# one run may read.
MAX_ELEMENT_FILES = 200
MAX_EVIDENCE_BYTES = 5_000_000  # the element files together: as much as one file may hold
MAX_EVIDENCE_VALUES = 500_000  # the element files' values together (texts, numbers…)
MAX_EVIDENCE_ITEMS = 20_000  # the evidence and on-site items of the element files together


def files_and_bytes(evidence_dir: str, files: int, total: int) -> str | None:
    """Why `files` element files of `total` bytes are too much for one run, or None."""
    if files > MAX_ELEMENT_FILES:
        return (
            f"{evidence_dir} holds {files:,} element files, over the limit of "
            f"{MAX_ELEMENT_FILES} for a repository: one file per element (57)"
        )
    if total > MAX_EVIDENCE_BYTES:
        return (
            f"the element files in {evidence_dir} hold {total:,} bytes, over the limit of "
            f"{MAX_EVIDENCE_BYTES:,} for a repository: keep large documents as files of "
            "their own and point at them with path:"
        )
    return None


def counted(doc: Located) -> tuple[int, int]:
    """What one element file adds toward the limits: its values and its items.

    Its items are its evidence items and its on-site items: both are items of one
    space of ids, and the limit bounds what the rules and reports walk.
    """
    data = doc.data if isinstance(doc.data, dict) else {}
    lists = (data.get(kind) for kind in ITEM_LISTS)
    return doc.values, sum(len(items) for items in lists if isinstance(items, list))


def values_and_items(values: int, items: int) -> str | None:
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


REPOSITORY_SIZE = Rule(
    "repository-size",
    "The number of files and their bytes are checked before any element file is read",
    files_and_bytes,
)
REPOSITORY_VALUES = Rule(
    "repository-values",
    "values and items are counted as the element files are read",
    values_and_items,
)
