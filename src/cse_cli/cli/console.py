"""Everything `cse` prints goes through here: results on stdout, problems on stderr."""

from __future__ import annotations

import errno
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError, Problem
from cse_cli.core.text import inert

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from cse_cli.render import Shown


class OutputClosed(Exception):  # noqa: N818 - reads as what it says
    """The reader of our output has gone (`cse check | head -1`): stop quietly."""


# Windows says EINVAL, not EPIPE, of a pipe whose reader has gone: its C runtime has no
# other word for the system's ERROR_NO_DATA (python/cpython#79935).
_WINDOWS = sys.platform == "win32"


def closed_pipe(exc: OSError) -> bool:
    """Whether a write that failed with `exc` met a pipe whose reader has gone."""
    return isinstance(exc, BrokenPipeError) or (_WINDOWS and exc.errno == errno.EINVAL)


class OutputFailed(CseError):  # noqa: N818 - reads as what it says
    """Standard output cannot be written (a full disk, `>/dev/full`): said on stderr."""


@contextmanager
def _writing(*, err: bool) -> Iterator[None]:
    """Turn a failed write to stdout or stderr into OutputClosed or OutputFailed."""
    try:
        yield
    except OSError as exc:
        if err or closed_pipe(exc):  # its reader gone, or stderr, where it would be said
            raise OutputClosed from None
        raise OutputFailed(f"cannot write to standard output: {exc.strerror or exc}") from None


def echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    """Print on stdout, or on stderr with `err`, and flush."""
    stream = sys.stderr if err else sys.stdout
    with _writing(err=err):
        stream.write(message + "\n" if nl else message)
        stream.flush()


def error_line(message: Problem | str) -> str:
    """The line the user reads on stderr: a located problem, or `cse: error: message`.

    Always one line: whatever a message quotes from the evidence, a line break
    or a right-to-left override in it is escaped (`inert`), never printed raw.
    """
    return inert(str(message) if isinstance(message, Problem) else f"cse: error: {message}")


def report_problems(problems: Iterable[Problem | str]) -> None:
    """Print each problem on stderr, one line each."""
    for problem in problems:
        echo(error_line(problem), err=True)


def show(rendered: Shown) -> None:
    """Print a finished rendering on stdout: text as it is, styled text through Rich.

    A binary document (a workbook, a Word file) is never shown: cse_cli.cli.output
    delivers it to a file or a pipe.
    """
    if isinstance(rendered, str):
        echo(rendered, nl=False)
        return
    from rich.console import Console

    console = Console(highlight=rendered.highlight, soft_wrap=rendered.soft_wrap)
    console.on_broken_pipe = _closed  # type: ignore[method-assign] # Rich would exit with 1
    if console.is_terminal:
        with _writing(err=False):
            console.print(rendered.renderable)
        return
    # To a pipe or a file: the same text without the spaces Rich pads lines with.
    with console.capture() as captured:
        console.print(rendered.renderable)
    echo("\n".join(line.rstrip() for line in captured.get().split("\n")), nl=False)


def _closed() -> None:
    raise OutputClosed


def fail(*problems: Problem | str) -> CseError:
    """The error that stops a command with these problems (raise it)."""
    return CseError(*problems)
