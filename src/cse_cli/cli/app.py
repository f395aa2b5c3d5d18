"""The command line as Typer parses it: the app, and each command registered by its name.

The commands' options and help are in `reading_commands`,
`writing_commands`, `history_command` and `serve_command`; each hands its options to its module in
`cse_cli.cli.commands`, imported only when it runs, and returns that module's
exit code to `cse_cli.cli.main`, which ends the program.
"""

# No `from __future__ import annotations`: Typer reads these annotations when it
# builds the command line, on every run, and text annotations must be compiled first.

from typing import Annotated

import typer

from cse_cli.cli import history_command, reading_commands, serve_command, writing_commands

app = typer.Typer(
    name="cse",
    help="Customer Service Excellence evidence as code: validate, score and report "
    "the evidence for the 57 elements, kept as one YAML file per element.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(wanted: bool) -> None:
    if wanted:
        from cse_cli import __version__

        typer.echo(f"cse {__version__}")
        raise typer.Exit


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version of cse and exit. Example: cse --version",
            is_eager=True,
            callback=_print_version,
        ),
    ] = False,
) -> None:
    """Customer Service Excellence evidence as code."""


for _name, _command in (
    ("check", reading_commands.check),
    ("init", writing_commands.init),
    ("gap", reading_commands.gap),
    ("report", reading_commands.report),
    ("diff", reading_commands.diff),
    ("schema", writing_commands.schema),
    ("import", writing_commands.import_),
    ("export", writing_commands.export),
    ("pack", writing_commands.pack),
    ("history", history_command.history),
    ("serve", serve_command.serve),
):
    app.command(name=_name)(_command)
