"""Where a command's document goes: stdout, or a file written atomically with `-o FILE`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from pathlib import Path


def deliver(text: str | bytes, output: Path | None, what: str) -> None:
    """Print `text`, or write it to `output` atomically and say so on stderr.

    `-o` names a regular file or a new name; anything else there (a link, a
    folder, a pipe, a device such as /dev/stdout) is refused, not replaced. A
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
