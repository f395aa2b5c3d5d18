"""What the `cse` process does for its own start: fewer needless passes of Python's collector.

A run of cse is short, and what its start-up makes (Typer, Pydantic, cse's own
modules and models) and what reading makes (the evidence, its every value and
place) lives until it ends. Python's cyclic garbage collector would walk those
objects again and again as they are made, and once more at exit, finding
nothing: none of them is garbage, and reference counting frees everything else.
So, when `main` runs as the program (not called by a test or another program):

- the collector is off while cse starts, until Typer hands the command its
  options; then what start-up made is frozen (`gc.freeze`: left out of every
  later collection) and the collector is on again, for the command's own work
  (a long-running command collects as any program does);
- reading the evidence (`paused`) is done the same way, and is bounded by the
  repository's limits;
- Pydantic's plugins are not looked for (`PYDANTIC_DISABLE_PLUGINS`, Pydantic's
  documented switch, unless the user set it): looking means reading every
  installed package's entry points, and no plugin has any business with cse's
  own models.

None of it changes what a command does or says; `benchmarks/README.md` measures
what it saves.
"""

from __future__ import annotations

import contextlib
import gc
import os
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping


class Command(Protocol):
    """A command of the parsed command line: what runs it."""

    callback: Callable[..., object] | None


class _Run:
    """Whether this process is cse's own: `main` runs as the program."""

    program = False


def begin(*, program: bool) -> None:
    """Start a run: as the program, the collector waits for the command and plugins are off."""
    _Run.program = program
    if program:
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        gc.disable()


def settle_when_invoked(command_line: object) -> None:
    """Have each command of the command line (a group of them), when it runs, settle first.

    Settling freezes what start-up made and turns the collector on again.
    """
    commands: Mapping[str, Command] = getattr(command_line, "commands", {})
    for command in commands.values():
        callback = command.callback
        if callback is not None:
            command.callback = _settling(callback)


def _settling(callback: Callable[..., object]) -> Callable[..., object]:
    def settled(*args: object, **kwargs: object) -> object:
        _settle()
        return callback(*args, **kwargs)

    return settled


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """As the program: the collector off while the block runs, what it made frozen, then on."""
    if not _Run.program:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        _settle()


def _settle() -> None:
    if _Run.program:
        gc.freeze()
        gc.enable()
