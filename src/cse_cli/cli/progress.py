"""A count of the files read so far, on stderr, for runs long enough to make one wonder.

It is shown only on a terminal, only once reading has taken `DELAY` seconds, and
wiped when reading ends: a log, a pipe or a program reading JSON never sees it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

DELAY = 1.0  # seconds before the count appears: a quick run shows nothing
INTERVAL = 0.1  # seconds between redraws: a terminal need not draw every file


class Progress:
    """Called after each file with (files read, files in all); redraws one line."""

    def __init__(
        self,
        stream: TextIO,
        clock: Callable[[], float] = time.monotonic,
        what: str = "evidence files",
    ) -> None:
        """Draw on `stream`, timing from now by `clock`, counting `what`."""
        self.stream = stream
        self.what = what
        self.clock = clock
        self.start = clock()
        self.drawn_at: float | None = None
        self.width = 0

    def __call__(self, done: int, total: int) -> None:
        """Redraw the count, once the run is long enough and not too often."""
        now = self.clock()
        if now - self.start < DELAY:
            return
        if self.drawn_at is not None and now - self.drawn_at < INTERVAL and done < total:
            return
        line = f"cse: reading {self.what} {done}/{total}"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.drawn_at, self.width = now, len(line)

    def clear(self) -> None:
        """Wipe the line, if one was drawn, so that what follows starts clean."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


@contextmanager
def progress_on(
    stream: TextIO, *, wanted: bool = True, what: str = "evidence files"
) -> Iterator[Progress | None]:
    """A `Progress` on `stream` when it is a terminal (and it is wanted), wiped at the end."""
    progress = Progress(stream, what=what) if wanted and stream.isatty() else None
    try:
        yield progress
    finally:
        if progress is not None:
            progress.clear()
