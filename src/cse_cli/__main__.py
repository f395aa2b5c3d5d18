r"""Where `cse` starts: the installed program and `python -m cse_cli` both call `main`.

Ctrl-C ends a run with one line, `cse: interrupted`, and exit 130 at any moment.
While a command runs, `cse_cli.cli.main` sees to it. Before that, while Typer,
Pydantic and the rest are imported, and after it, while Python shuts down,
Python's own handler would raise KeyboardInterrupt inside whatever import or
clean-up is running and print a traceback. So `main` puts a handler of its own
in place first, before importing anything else of cse, and leaves it there when
the command returns.

Standard output and error are UTF-8, with `\n` line ends, everywhere. Python
writes a pipe or a file in the locale's encoding, which on Windows is a code page
such as cp1252: a report redirected to a file (`cse report > report.md`) would
stop at its first ✅ or en dash, and JSON, which is UTF-8 by definition, would
come out in cp1252. Windows would also end every line with `\r\n` there, so the
report printed would not be the bytes `-o` writes.

Importing a module of cse changes none of this: a program that imports cse_cli
(the tests, an editor) keeps its own handler and streams.
"""

from __future__ import annotations

import io
import os
import signal
import sys

from cse_cli.cli.exits import Exit


def _interrupted(_signum: int, _frame: object) -> None:
    """Ctrl-C outside the command itself: stop at once, in one line."""
    os.write(2, b"cse: interrupted\n")
    os._exit(Exit.INTERRUPTED)


def main() -> int:
    """Run `cse` with `sys.argv`; the exit code."""
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # a job started with it ignored
        signal.signal(signal.SIGINT, _interrupted)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", newline="\n")
    from cse_cli.cli.main import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
