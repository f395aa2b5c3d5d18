"""`cse history`: its options and help; the work is `cse_cli.cli.commands.history`.

That module is imported only when the command runs. This one stands apart from
`reading_commands` so that neither passes 300 lines.
"""

# No `from __future__ import annotations`: Typer reads these annotations when it
# builds the command line, on every run, and text annotations must be compiled first.

from pathlib import Path
from typing import Annotated

import typer

from cse_cli.cli.exits import Exit
from cse_cli.cli.options import PathArgument, choice
from cse_cli.render.formats import HistoryFormat


def history(
    path: PathArgument = Path(),
    revisions: Annotated[
        list[str] | None,
        typer.Argument(
            help="Git revisions to show the repository at, oldest first (tags, branches, "
            "commits). Example: 2026-final 2027-surveillance-1",
            show_default=False,
            metavar="[REVISION]...",
        ),
    ] = None,
    *,
    tags: Annotated[
        bool,
        typer.Option(
            "--tags",
            help="Show the repository at every tag of the git repository, oldest first "
            "(earlier cycles live in git). Example: --tags",
        ),
    ] = False,
    commits: Annotated[
        str | None,
        typer.Option(
            "--range",
            help="Show every commit of a range A..B on its first-parent line (at most "
            "10,000). Example: --range 2026-final..main",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        HistoryFormat,
        choice(
            HistoryFormat,
            "--format",
            "-f",
            help="text: for a screen; json: one JSON object; md: Markdown; html: one "
            "self-contained page with a chart. Example: --format json",
        ),
    ] = HistoryFormat.TEXT,
) -> Exit:
    """Show the counts, the verdict and compliance plus at each stage or revision.

    With no revision: each stage of the current cycle (desk-top, final, each
    surveillance) from the working tree. With revisions or --tags: the
    repository at each (scored at the latest stage). With --range A..B: every
    commit between. Each point has counts per criterion and in total, the
    verdict, and the compliance plus elements retained, gained and lost since
    the point before. A revision without cse.yaml is shown as such.

    Example: cse history examples/anytown

    Example: cse history examples/anytown --tags --format json
    """
    from cse_cli.cli.commands import history as command

    return command.run(path, revisions or [], output_format, tags=tags, commits=commits)
