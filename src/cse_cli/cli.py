"""The command line: the only module that reads argv, prints, and chooses exit codes.

Exit codes: 0 the evidence is valid (and, for check, the standard is met);
1 valid but not met (check only); 2 invalid evidence or a usage error; 3 a bug.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from cse_cli.errors import CseError, Problem, has_errors

if TYPE_CHECKING:
    from cse_cli.models import Standard
    from cse_cli.repository import Evidence

EXIT_MET, EXIT_NOT_MET, EXIT_INVALID, EXIT_BUG = 0, 1, 2, 3

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


class Stage(str, enum.Enum):
    """The assessment stage whose ratings count."""

    SELF = "self"
    DESK_TOP = "desk-top"
    FINAL = "final"
    LATEST = "latest"


class CheckFormat(str, enum.Enum):
    """How `check` prints its result."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


PathArgument = Annotated[
    Path,
    typer.Argument(
        help="A folder in the evidence repository (its root is found by searching "
        "upward for cse.yaml).",
        show_default=False,
    ),
]
StageOption = Annotated[
    Stage,
    typer.Option(
        "--stage",
        "-s",
        help="Whose ratings count: self (self_assessment), desk-top, final, or latest "
        "(per element the latest stage that has a rating). Example: --stage desk-top",
    ),
]


def _fail(*messages: str | Problem) -> NoReturn:
    for message in messages:
        text = str(message)
        typer.echo(text if isinstance(message, Problem) else f"cse: error: {text}", err=True)
    raise typer.Exit(EXIT_INVALID)


def _read(path: Path) -> tuple[Standard, Evidence]:
    from cse_cli.repository import open_repository
    from cse_cli.standard import load_standard

    standard = load_standard()
    try:
        return standard, open_repository(path, standard)
    except CseError as exc:
        _fail(*exc.problems)


@app.command()
def check(
    path: PathArgument = Path(),
    stage: StageOption = Stage.LATEST,
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: a table per criterion, problems on stderr; json: one JSON object "
            "on stdout; github: GitHub Actions annotations. Example: --format json",
        ),
    ] = CheckFormat.TEXT,
) -> None:
    """Validate every evidence file, score each criterion and print the verdict.

    Exit 0 when the standard is met, 1 when it is not, 2 when the evidence is
    invalid (every problem is listed as file:line:column: error: message).

    Example: cse check examples/bolton --stage desk-top
    """
    from cse_cli.scoring import ratings_at, score

    standard, evidence = _read(path)
    verdict = score(
        standard,
        ratings_at(evidence.elements, stage.value),
        stage.value,
        evidence.config.rules.min_compliant_share,
    )
    invalid = has_errors(evidence.problems)
    organisation = evidence.config.organisation
    if output_format is CheckFormat.JSON:
        from cse_cli.check_output import to_json

        typer.echo(to_json(organisation, verdict, evidence.problems))
    elif output_format is CheckFormat.GITHUB:
        from cse_cli.check_output import to_github

        if evidence.problems:
            typer.echo(to_github(evidence.problems))
    else:
        for problem in evidence.problems:
            typer.echo(str(problem), err=True)
        if invalid:
            errors = sum(1 for problem in evidence.problems if problem.severity == "error")
            typer.echo(
                f"cse: {errors} error{'s' if errors != 1 else ''}: "
                "the evidence is invalid, so there is no verdict",
                err=True,
            )
        else:
            from rich.console import Console

            from cse_cli.check_output import to_table

            Console().print(to_table(organisation, verdict))
    if invalid:
        raise typer.Exit(EXIT_INVALID)
    raise typer.Exit(EXIT_MET if verdict.met else EXIT_NOT_MET)


@app.command()
def init(
    path: PathArgument = Path(),
    organisation: Annotated[
        str | None,
        typer.Option(
            "--organisation",
            "-o",
            help="The organisation's name for cse.yaml (default: the folder's name). "
            'Example: --organisation "Bolton Library"',
        ),
    ] = None,
) -> None:
    """Create cse.yaml and the 57 element files, each with the element's wording.

    It never overwrites a file that exists: run again, it only adds what is missing.

    Example: cse init my-cse --organisation "Anytown Council"
    """
    from cse_cli.init import init_repository
    from cse_cli.standard import load_standard

    try:
        result = init_repository(path, load_standard(), organisation)
    except CseError as exc:
        _fail(*exc.problems)
    for rel in result.created:
        typer.echo(f"created {rel}")
    if result.kept:
        typer.echo(f"kept {len(result.kept)} existing file(s) unchanged")
    if not result.created:
        typer.echo(f"nothing to add: {result.root} already has every file")


def main() -> None:
    """Run the command line; a bug (and only a bug) shows a traceback and exits 3."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("cse: interrupted", err=True)
        sys.exit(130)
    except Exception:  # noqa: BLE001 - the one place that turns a bug into exit 3
        import traceback

        traceback.print_exc()
        typer.echo("cse: internal error (a bug): please report it with the lines above", err=True)
        sys.exit(EXIT_BUG)
