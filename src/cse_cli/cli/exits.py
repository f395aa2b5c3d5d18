"""The exit codes of every command (README, "Exit codes")."""

from __future__ import annotations

import enum


class Exit(enum.IntEnum):
    """What a run of `cse` ended with."""

    MET = 0
    """The evidence is valid and (for `check`) the standard is met; or the command did its job."""
    NOT_MET = 1
    """The evidence is valid and the standard is not met (`check` only)."""
    INVALID = 2
    """Invalid evidence or a usage error: every problem is reported."""
    BUG = 3
    """An internal error: the one case that shows a traceback."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C, as shells count it (128 + SIGINT)."""
    OUTPUT_CLOSED = 141
    """The reader of the output went away (`| head -1`), as shells count it (128 + SIGPIPE)."""
