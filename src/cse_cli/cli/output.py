"""Where a command's document goes: stdout, or a file written atomically with `-o FILE`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from pathlib import Path


def deliver(text: str | bytes, output: Path | None, what: str) -> None:
    """Print `text`, or write it to `output` atomically and say so on stderr.

    A binary document (bytes) is printed only where stdout is not a terminal.
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
    from cse_cli.io.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise CseError(f"{output}: cannot write the {what}: {exc.strerror or exc}") from None
    echo(f"wrote {output}", err=True)
