"""The command line: every command's options, help and output, and its exit code.

`main.py` is the program's entry point: it runs a plainly written `cse check` or
`cse report` itself, with the functions in `commands.py` that the commands below
call too, and hands every other command line to this Typer app.

Exit codes: 0 the evidence is valid (and, for check, the standard is met);
1 valid but not met (check only); 2 invalid evidence or a usage error; 3 a bug.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from cse_cli.commands import (
    CheckFormat,
    ReportFormat,
    Stage,
    check_evidence,
    read_scored,
    write_output,
    write_report,
)
from cse_cli.errors import EXIT_INVALID, CseError, Problem, error_line
from cse_cli.main import main  # the program's entry point, which comes here for Typer

__all__ = ["app", "main"]

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
        typer.echo(error_line(message), err=True)
    raise typer.Exit(EXIT_INVALID)


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
    raise typer.Exit(check_evidence(path, stage, output_format, typer.echo))


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
    ci: Annotated[
        bool,
        typer.Option(
            "--ci",
            help="Also write a GitHub Actions workflow (.github/workflows/cse.yml) that runs "
            "cse check and shows cse diff as the job summary. Example: cse init --ci",
        ),
    ] = False,
) -> None:
    """Create cse.yaml and the 57 element files, each with the element's wording.

    It never overwrites a file that exists: run again, it only adds what is missing.

    Example: cse init my-cse --organisation "Anytown Council"
    """
    from cse_cli.init import init_repository
    from cse_cli.standard import load_standard

    try:
        result = init_repository(path, load_standard(), organisation, ci=ci)
    except CseError as exc:
        _fail(*exc.problems)
    for rel in result.created:
        typer.echo(f"created {rel}")
    if result.kept:
        typer.echo(f"kept {len(result.kept)} existing file(s) unchanged")
    if not result.created:
        typer.echo(f"nothing to add: {result.root} already has every file")


class GapFormat(str, enum.Enum):
    """How `gap` prints its result."""

    TEXT = "text"
    JSON = "json"


@app.command()
def gap(
    path: PathArgument = Path(),
    *,
    stage: StageOption = Stage.LATEST,
    service: Annotated[
        str | None,
        typer.Option(
            "--service",
            help="Narrow the lists (not the verdict) to the elements and evidence of one "
            'service. Example: --service "Student Services"',
        ),
    ] = None,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            help="Narrow the lists (not the verdict) to the elements one owner looks "
            'after. Example: --owner "Head of Library"',
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The day evidence ages are measured from, YYYY-MM-DD (default: today). "
            "Example: --as-of 2015-03-09",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        GapFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: for a screen; json: one JSON object on stdout. Example: --format json",
        ),
    ] = GapFormat.TEXT,
) -> None:
    """Show what stands between the organisation and the standard, and what to fix first.

    Per criterion: met or not, why, and how many elements must become full
    compliance; then the elements below full, elements without evidence,
    unsupported ratings, stale and undated evidence, and open development points.
    Exit 0, or 2 when the evidence is invalid.

    Example: cse gap examples/bolton --service Library --as-of 2015-03-09
    """
    import datetime as dt

    from cse_cli.gap import build_gap

    try:
        day = (
            dt.date.fromisoformat(as_of)
            if as_of is not None
            else dt.datetime.now(dt.timezone.utc).astimezone().date()  # the local day
        )
    except ValueError:
        _fail(f"--as-of '{as_of}' is not a date: write it as YYYY-MM-DD")
    scored = read_scored(path, stage, typer.echo, progress=output_format is GapFormat.TEXT)
    if isinstance(scored, int):
        raise typer.Exit(scored)
    standard, evidence, verdict = scored
    try:
        result = build_gap(standard, evidence, verdict, as_of=day, service=service, owner=owner)
    except CseError as exc:
        _fail(*exc.problems)
    if output_format is GapFormat.JSON:
        from cse_cli.gap_output import to_json

        typer.echo(to_json(result))
    else:
        from rich.console import Console

        from cse_cli.gap_output import to_text

        Console().print(to_text(result))


@app.command()
def report(
    path: PathArgument = Path(),
    *,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="md: GitHub-flavoured Markdown; html: one self-contained, accessible, "
            "printable HTML file. Example: --format html",
        ),
    ],
    stage: StageOption = Stage.LATEST,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file (default: stdout). Example: -o bolton.html",
            show_default=False,
        ),
    ] = None,
    timestamp: Annotated[
        bool,
        typer.Option(
            "--timestamp",
            help="Add when the report was generated (off by default, so the same "
            "evidence gives the same bytes). Example: --timestamp",
        ),
    ] = False,
) -> None:
    """Render the assessor's analysis table and a summary as Markdown or HTML.

    The same evidence always gives a byte-identical report, so it can be
    committed and diffed. Exit 0, or 2 when the evidence is invalid.

    Example: cse report examples/bolton --format html -o bolton.html
    """
    raise typer.Exit(write_report(path, output_format, stage, output, timestamp, typer.echo))


class DiffFormat(str, enum.Enum):
    """How `diff` prints its result."""

    TEXT = "text"
    MD = "md"
    JSON = "json"


class SchemaKind(str, enum.Enum):
    """Which file a schema describes."""

    ELEMENT = "element"
    CONFIG = "config"


@app.command()
def diff(
    base: Annotated[
        str | None,
        typer.Argument(
            help="The git revision to compare with: a branch, tag or commit. Example: main",
            show_default=False,
            metavar="BASE",
        ),
    ] = None,
    head: Annotated[
        str | None,
        typer.Argument(
            help="The git revision to compare (default: the working tree, uncommitted "
            "edits included). Example: HEAD",
            show_default=False,
            metavar="HEAD",
        ),
    ] = None,
    path: Annotated[
        Path,
        typer.Option(
            "--path",
            "-p",
            help="A folder in the evidence repository, inside the git repository "
            "(cse.yaml may be in a subfolder). Example: --path examples/bolton",
        ),
    ] = Path(),
    stage: StageOption = Stage.LATEST,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: for the terminal; md: Markdown for a pull-request comment or a "
            "job summary; json: one JSON object. Example: --format md",
        ),
    ] = DiffFormat.TEXT,
    base_dir: Annotated[
        Path | None,
        typer.Option(
            "--base-dir",
            help="Compare with the evidence in this folder instead of a git revision. "
            "Example: --base-dir ../cse-2024",
            show_default=False,
        ),
    ] = None,
    head_dir: Annotated[
        Path | None,
        typer.Option(
            "--head-dir",
            help="Compare the evidence in this folder instead of the working tree. "
            "Example: --head-dir ../cse-2025",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show what changed in the evidence between two git revisions, or two folders.

    Ratings changed per element and stage, elements added or removed, evidence
    items added, removed or changed, development points opened or addressed,
    and whether each criterion and the standard went from met to not met or
    back. Revisions are read straight from git: the working tree and the index
    are never touched. A revision whose evidence is invalid is reported as such.
    Exit 0 when both sides were read (whatever changed; `cse check` is the
    gate), 2 for a usage error such as a name that is not a revision.

    Example: cse diff main --format md
    """
    from cse_cli.diff import compare
    from cse_cli.gittree import diff_trees
    from cse_cli.repository import read_evidence
    from cse_cli.standard import load_standard

    standard = load_standard()
    try:
        with diff_trees(path, base, head, base_dir, head_dir) as (base_tree, head_tree):
            before = read_evidence(base_tree, standard)
            after = read_evidence(head_tree, standard)
    except CseError as exc:
        _fail(*exc.problems)
    result = compare(standard, before, after, (base_tree.label, head_tree.label), stage.value)
    if output_format is DiffFormat.JSON:
        from cse_cli.diff_output import to_json

        typer.echo(to_json(result))
    elif output_format is DiffFormat.MD:
        from cse_cli.diff_output import to_markdown

        typer.echo(to_markdown(result), nl=False)
    else:
        from rich.console import Console

        from cse_cli.diff_output import to_text

        Console(highlight=False, soft_wrap=True).print(to_text(result))


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Option(
            "--kind",
            "-k",
            help="element: the schema of the element files; config: of cse.yaml. "
            "Example: --kind config",
        ),
    ] = SchemaKind.ELEMENT,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the schema to this file instead of printing it. "
            "Example: -o .cse/element.schema.json",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of element files (or of cse.yaml) for editors.

    VS Code (with the YAML extension) and JetBrains IDEs use it to complete keys,
    element ids and ratings, and to flag mistakes such as `finale:` as you type.
    `cse init` writes both schemas to .cse/ and points each file at them.

    Example: cse schema --kind element -o .cse/element.schema.json
    """
    from cse_cli.schema import schema_text
    from cse_cli.standard import load_standard

    text = schema_text(kind.value, load_standard())
    if output is None:
        typer.echo(text, nl=False)
        return
    if not write_output(output, text, "schema", typer.echo):
        raise typer.Exit(EXIT_INVALID)
    typer.echo(f"wrote {output}")
