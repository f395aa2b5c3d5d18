"""Where a command's document goes: stdout, or a file written atomically with `-o FILE`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.io.inputs import Input


def inputs_of(evidence: Evidence | None) -> Iterator[Input]:
    """What a command read: cse's own standard and templates, and the repository's files.

    Listed only when asked for, so a command that prints reads nothing more.
    """
    from cse_cli.io.inputs import repository_inputs, shipped_inputs

    if evidence is not None and evidence.root is not None:
        yield from repository_inputs(evidence.root, evidence)
    yield from shipped_inputs()


def refuse_inputs(output: Path, what: str, inputs: Iterable[Input]) -> None:
    """Raise CseError, before anything is written, when `output` is one of the `inputs`."""
    from cse_cli.core.text import inert
    from cse_cli.io.inputs import input_at

    found = input_at(output, inputs)
    if found is not None:
        raise CseError(
            f"{output}: cannot write the {what}: is {inert(found.name)}, {found.role}: "
            f"write the {what} elsewhere"
        )


def deliver(text: str | bytes, output: Path | None, what: str, inputs: Iterable[Input]) -> None:
    """Print `text`, or write it to `output` atomically and say so on stderr.

    `-o` names a regular file or a new name; anything else there (a link, a
    folder, a pipe, a device such as /dev/stdout) is refused, not replaced, and
    so is any of the `inputs`, the files the command read (`inputs_of`). A
    binary document (bytes) is printed only where stdout is not a terminal.
    """
    if output is None:
        if isinstance(text, bytes):
            import sys

            binary = getattr(sys.stdout, "buffer", None)
            if binary is None or sys.stdout.isatty():
                raise CseError(f"the {what} is a binary file: write it with -o FILE")
            sys.stdout.flush()
            binary.write(text)
            binary.flush()
            return
        echo(text, nl=False)
        return
    from cse_cli.io.atomic import NotRegularFile, write_atomic

    refuse_inputs(output, what, inputs)
    try:
        write_atomic(output, text)
    except NotRegularFile as exc:
        raise CseError(
            f"{output}: cannot write the {what}: {exc.strerror} "
            "(leave out -o to print it on standard output)"
        ) from None
    except OSError as exc:
        raise CseError(f"{output}: cannot write the {what}: {exc.strerror or exc}") from None
    echo(f"wrote {output}", err=True)
