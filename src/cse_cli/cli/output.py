"""Where a command's document goes: stdout, or a file written atomically with `-o FILE`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from cse_cli.cli.console import echo
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from pathlib import Path


def deliver(text: str | bytes, output: Path | None, what: str) -> None:
    """Print `text`, or write it to `output` atomically and say so on stderr.

    Bytes (a Word document) go to stdout only when it is not a terminal.
    """
    if output is None:
        if isinstance(text, str):
            echo(text, nl=False)
        elif sys.stdout.isatty() or not hasattr(sys.stdout, "buffer"):  # a terminal, or text only
            raise CseError(f"the {what} is a binary file: write it with -o FILE")
        else:
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        return
    from cse_cli.io.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise CseError(f"{output}: cannot write the {what}: {exc.strerror or exc}") from None
    echo(f"wrote {output}", err=True)
