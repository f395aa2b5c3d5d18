"""The `cse` program: `main(argv)` runs one command line and returns its exit code.

This is the one place that decides how a run ends: a command returns its code,
and every way of stopping early (invalid evidence, a usage error, Ctrl-C, a
bug) is turned into a code here.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from cse_cli.cli.console import echo, report_problems
from cse_cli.cli.exits import Exit
from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run `cse` with the arguments after the program's name; the exit code.

    A bug, and only a bug, prints a traceback and gives 3.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        echo("cse: interrupted", err=True)
        return Exit.INTERRUPTED
    except Exception:  # noqa: BLE001 - the one place that turns a bug into exit 3
        import traceback

        traceback.print_exc()
        echo("cse: internal error (a bug): please report it with the lines above", err=True)
        return Exit.BUG


def _run(args: list[str]) -> int:
    import typer
    from typer.main import get_command

    from cse_cli.cli.app import app
    from cse_cli.cli.reading import InvalidEvidence

    command = get_command(app)
    try:
        result = command.main(args, prog_name="cse", standalone_mode=False)
    except CseError as exc:
        report_problems(exc.problems)
        return Exit.INVALID
    except InvalidEvidence:  # its problems are listed already
        return Exit.INVALID
    except typer.Abort:
        echo("cse: interrupted", err=True)
        return Exit.INTERRUPTED
    except typer.exceptions.TyperException as exc:  # a usage error: Typer says what is wrong
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        return int(exc.exit_code)
    except SystemExit as exc:  # shell completion ends the program itself
        return exc.code if isinstance(exc.code, int) else Exit.MET
    return int(result) if isinstance(result, int) else Exit.MET
