"""Where `cse` starts: the installed program and `python -m cse_cli` both call `main`.

Ctrl-C ends a run with one line, `cse: interrupted`, and exit 130 at any moment.
While a command runs, `cse_cli.cli.main` sees to it. Before that, while Typer,
Pydantic and the rest are imported, and after it, while Python shuts down,
Python's own handler would raise KeyboardInterrupt inside whatever import or
clean-up is running and print a traceback. So `main` puts a handler of its own
in place first, before importing anything else of cse, and leaves it there when
the command returns. Importing a module of cse installs nothing: a program that
imports cse_cli (the tests, an editor) keeps its own handler.
"""

from __future__ import annotations

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
    from cse_cli.cli.main import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
