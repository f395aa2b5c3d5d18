"""`cse serve`: its options and help; the editor is `cse_cli.serve`, imported when it runs."""

# No `from __future__ import annotations`: Typer reads these annotations when it
# builds the command line, on every run, and text annotations must be compiled first.

from pathlib import Path
from typing import Annotated

import typer

from cse_cli.cli.exits import Exit
from cse_cli.cli.options import PathArgument


def serve(
    path: PathArgument = Path(),
    *,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            help="The port to serve on (default: a free one). Example: --port 8765",
            min=0,
            max=65535,
            show_default=False,
        ),
    ] = 0,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="The address to serve on (default: 127.0.0.1, this computer only; any "
            "other prints a warning). Example: --host 127.0.0.1",
        ),
    ] = "127.0.0.1",
    no_browser: Annotated[
        bool,
        typer.Option(
            "--no-browser",
            help="Do not open the browser: open the printed address yourself. "
            "Example: --no-browser",
        ),
    ] = False,
) -> Exit:
    """Open the evidence in the browser: every element, document and review, as pages.

    Prints one line, the address to open (with a token only you have), and opens
    your browser there. Pages always show the files as they are on disk. Stop it
    with Ctrl-C.

    Example: cse serve examples/bolton
    """
    from cse_cli.cli.console import echo
    from cse_cli.serve.server import serve as run

    def say(text: str, err: bool) -> None:
        echo(text, err=err)

    try:
        run(path, host=host, port=port, open_browser=not no_browser, say=say)
    except KeyboardInterrupt:  # Ctrl-C, the way to stop it: `cse: interrupted`, exit 130
        raise typer.Abort from None
    return Exit.MET
