"""Where a command's document goes: stdout, or a file written atomically with `-o FILE`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from pathlib import Path


def deliver(text: str, output: Path | None, what: str) -> None:
    """Print `text`, or write it to `output` atomically and say so on stderr."""
    if output is None:
        echo(text, nl=False)
        return
    from cse_cli.io.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise CseError(f"{output}: cannot write the {what}: {exc.strerror or exc}") from None
    echo(f"wrote {output}", err=True)
