"""The `cse` program: `main(argv)` runs one command line and returns its exit code.

This is the one place that decides how a run ends: a command returns its code,
and every way of stopping early (invalid evidence, a usage error, Ctrl-C, a
bug) is turned into a code here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from typing import TYPE_CHECKING

from cse_cli.cli import startup
from cse_cli.cli.console import OutputClosed, OutputFailed, closed_pipe, echo, report_problems
from cse_cli.cli.exits import Exit
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run `cse` with the arguments after the program's name; the exit code.

    A bug, and only a bug, prints a traceback and gives 3. Standard output
    closed by its reader ends the run quietly, as Unix tools end; one that
    cannot be written (a full disk) is said on stderr, with exit 2.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    startup.begin(program=argv is None)
    before = signal.getsignal(signal.SIGINT)
    if before is not signal.SIG_IGN:  # a job started with Ctrl-C ignored keeps it ignored
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return _ended(args)
    finally:
        if before is not signal.SIG_IGN and before is not None:
            signal.signal(signal.SIGINT, before)


def _ended(args: list[str]) -> int:
    try:
        return _run(args)
    except OutputClosed:
        _silence_stdout()
        return Exit.OUTPUT_CLOSED
    except OutputFailed as exc:
        _silence_stdout()
        _quietly(report_problems, exc.problems)
        return Exit.INVALID
    except KeyboardInterrupt:
        _quietly(echo, "cse: interrupted", err=True)
        return Exit.INTERRUPTED
    except Exception:  # noqa: BLE001 - the one place that turns a bug into exit 3
        import traceback

        traceback.print_exc()
        _quietly(
            echo, "cse: internal error (a bug): please report it with the lines above", err=True
        )
        return Exit.BUG


def _quietly(say: Callable[..., None], *args: object, **kwargs: object) -> None:
    """Say something on stderr, unless stderr is gone too."""
    with contextlib.suppress(OutputClosed):
        say(*args, **kwargs)


# What a write can fail with; cse's own reads and -o writes turn every OSError
# into a problem, so one of these escaping Typer is its help or usage text failing.
_WRITE_ERRORS = {errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT}


def _usage_error(exc: Exception) -> int:
    """Let Typer say what is wrong with the command line (its usage and error); exit 2.

    An option with choices says it in one line of its own (cse_cli.cli.options).
    """
    show = getattr(exc, "show", None)
    if show is not None:
        show()
    return int(getattr(exc, "exit_code", Exit.INVALID))


def _typer_output(main: Callable[..., object], args: list[str]) -> object:
    """Run Typer's `main`, its own output (help, usage) failing as cse's does."""
    stdout = sys.stdout
    try:
        return main(args, prog_name="cse", standalone_mode=False)
    except OSError as exc:
        if closed_pipe(exc):  # Click itself stops quietly only at EPIPE
            raise OutputClosed from None
        if exc.errno not in _WRITE_ERRORS:
            raise
        raise OutputFailed(f"cannot write to standard output: {exc.strerror or exc}") from None
    except SystemExit:
        if sys.stdout is not stdout:  # Typer's output met a closed pipe: it swapped stdout
            sys.stdout = stdout
            raise OutputClosed from None
        raise


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's last flush at exit cannot fail again.

    Without it, the text still buffered is written once more at exit, and
    Python prints "Exception ignored … BrokenPipeError".
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (captured in a test)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _run(args: list[str]) -> int:
    import typer
    from typer.main import get_command

    from cse_cli.cli.app import app
    from cse_cli.cli.reading import InvalidEvidence

    command = get_command(app)
    startup.settle_when_invoked(command)
    try:
        result = _typer_output(command.main, args)
    except OutputFailed:
        raise
    except CseError as exc:
        report_problems(exc.problems)
        return Exit.INVALID
    except InvalidEvidence:  # its problems are listed already
        return Exit.INVALID
    except typer.Abort:
        echo("cse: interrupted", err=True)
        return Exit.INTERRUPTED
    except typer.exceptions.TyperException as exc:  # a usage error: Typer says what is wrong
        return _usage_error(exc)
    except SystemExit as exc:  # shell completion ends the program itself
        return exc.code if isinstance(exc.code, int) else Exit.MET
    return int(result) if isinstance(result, int) else Exit.MET
