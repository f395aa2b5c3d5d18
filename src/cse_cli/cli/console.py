"""Everything `cse` prints goes through here: results on stdout, problems on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cse_cli.render import Rendered


def echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    """Print on stdout, or on stderr with `err`, and flush."""
    stream = sys.stderr if err else sys.stdout
    stream.write(message + "\n" if nl else message)
    stream.flush()


def error_line(message: Problem | str) -> str:
    """The line the user reads on stderr: a located problem, or `cse: error: message`."""
    return str(message) if isinstance(message, Problem) else f"cse: error: {message}"


def report_problems(problems: Iterable[Problem | str]) -> None:
    """Print each problem on stderr, one line each."""
    for problem in problems:
        echo(error_line(problem), err=True)


def show(rendered: Rendered) -> None:
    """Print a finished rendering on stdout: text as it is, styled text through Rich."""
    if isinstance(rendered, str):
        echo(rendered, nl=False)
        return
    if isinstance(rendered, bytes):
        sys.stdout.buffer.write(rendered)
        sys.stdout.flush()
        return
    from rich.console import Console

    console = Console(highlight=rendered.highlight, soft_wrap=rendered.soft_wrap)
    console.print(rendered.renderable)


def fail(*problems: Problem | str) -> CseError:
    """The error that stops a command with these problems (raise it)."""
    return CseError(*problems)
