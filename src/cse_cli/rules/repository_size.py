"""The element files of a repository are at most 200, and 5 MB together.

The number of files and their bytes are checked before any element file is
read: over either limit, none is read.
"""

from __future__ import annotations

from cse_cli.rules.rule import Rule

# The standard has 57 elements, each a file of a few kilobytes; these bound what
# one run may read, checked before reading any of it.
MAX_ELEMENT_FILES = 200
MAX_EVIDENCE_BYTES = 5_000_000  # the element files together: as much as one file may hold


def check(evidence_dir: str, files: int, total: int) -> str | None:
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


RULE = Rule(
    "repository-size",
    "The number of files and their bytes are checked before any element file is read",
    check,
)
