"""Customer Service Excellence evidence as code."""

from __future__ import annotations

import os
import signal
import sys

__version__ = "0.1.0"


def _stopped_before_main(_signum: int, _frame: object) -> None:
    """Ctrl-C before `main` has started (or after it ended): stop at once, in one line.

    Python's own handler would raise KeyboardInterrupt in whatever import or
    shutdown step is running, and print a traceback or "Exception ignored".
    """
    os.write(2, b"cse: interrupted\n")
    os._exit(130)  # 128 + SIGINT, as shells count Ctrl-C


if sys.argv and sys.argv[0].rpartition("/")[2] == "cse":  # the installed program, not a test
    signal.signal(signal.SIGINT, _stopped_before_main)
