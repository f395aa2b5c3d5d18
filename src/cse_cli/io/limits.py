"""What one file may cost: the limits stated in the README, checked before reading.

Real element files are a few kilobytes and a few hundred values; these limits
are far above any real one and far below what would hurt a CI runner.
"""

from __future__ import annotations

MAX_FILE_BYTES = 5_000_000
MAX_VALUES = 100_000  # texts, numbers, lists and mappings, each use of an alias counted in full
MAX_DEPTH = 64  # lists and mappings nested in one another
MAX_NUMBER_CHARS = 100  # a plain scalar YAML would read as a number (as 1:2:3…, base 60)

MAX_PACK_BYTES = 2_000_000_000  # the documents of one `cse pack`, in all

MAX_PROBLEMS_PER_FILE = 100  # past this, one line says how many more: nobody reads 100,000 lines


def too_large(size: int) -> str:
    """The message for a file over MAX_FILE_BYTES."""
    return (
        f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} for one YAML file: "
        "keep large documents as files of their own and point at them with path:"
    )
