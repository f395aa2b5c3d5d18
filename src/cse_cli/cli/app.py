"""The command line: every command's options and help, parsed by Typer.

Each command here only hands its options to its module in
`cse_cli.cli.commands`, imported when the command runs, and returns that
module's exit code to `cse_cli.cli.main`, which ends the program.
"""

# No `from __future__ import annotations`: Typer reads these annotations when it
# builds the command line, on every run, and text annotations must be compiled first.

import enum
from pathlib import Path
from typing import Annotated, Literal

import typer

from cse_cli.cli.exits import Exit
from cse_cli.core.stages import Stage

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


# The formats each command renders (cse_cli.render's registry; a test keeps them equal).
CheckFormat = Literal["text", "json", "github"]
GapFormat = Literal["text", "json"]
ReportFormat = Literal["md", "html", "docx"]
DiffFormat = Literal["text", "md", "json"]
SchemaKind = Literal["element", "config", "review"]


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
        help="Whose ratings count: self (self_assessment), desk-top, final, surveillance-1, "
        "surveillance-2 (each carrying forward the ratings it did not change), or latest "
        "(per element the latest stage that has a rating). Example: --stage surveillance-1",
    ),
]


class Review(str, enum.Enum):
    """A surveillance review of the cycle."""

    SURVEILLANCE_1 = "surveillance-1"
    SURVEILLANCE_2 = "surveillance-2"


ReviewOption = Annotated[
    Review | None,
    typer.Option(
        "--review",
        help="A surveillance: surveillance-1 or surveillance-2. Example: --review surveillance-1",
        show_default=False,
    ),
]


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
    ] = "text",
) -> Exit:
    """Validate every evidence file, score each criterion and print the verdict.

    Exit 0 when the standard is met, 1 when it is not, 2 when the evidence is
    invalid (every problem is listed as file:line:column: error: message).

    Example: cse check examples/bolton --stage desk-top
    """
    from cse_cli.cli.commands import check as command

    return command.run(path, stage, output_format)


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
    cse_source: Annotated[
        str | None,
        typer.Option(
            "--cse-source",
            help="With --ci: where the workflow installs cse from, pinned (default: where "
            "this cse was installed from, if pinned). "
            "Example: --cse-source git+https://github.com/OWNER/cse@v0.1.0",
        ),
    ] = None,
) -> Exit:
    """Create cse.yaml and the 57 element files, each with the element's wording.

    It never overwrites a file that exists: run again, it only adds what is missing.

    Example: cse init my-cse --organisation "Anytown Council"
    """
    from cse_cli.cli.commands import init as command

    return command.run(path, organisation, ci=ci, cse_source=cse_source)


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
    review: ReviewOption = None,
    output_format: Annotated[
        GapFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: for a screen; json: one JSON object on stdout. Example: --format json",
        ),
    ] = "text",
) -> Exit:
    """Show what stands between the organisation and the standard, and what to fix first.

    Per criterion: met or not, why, and how many elements must become full
    compliance; then the elements below full, elements without evidence,
    unsupported ratings, stale and undated evidence, and open development points.
    Exit 0, or 2 when the evidence is invalid.

    With --review surveillance-1 (or surveillance-2): getting ready for that
    review instead: the documents the certification body requests that are not
    pointed at or are older than the review before, open development points with
    no response for the review, elements with stale evidence, and the days left.

    Example: cse gap examples/bolton --service Library --as-of 2015-03-09

    Example: cse gap examples/anytown --review surveillance-2 --as-of 2028-02-01
    """
    from cse_cli.cli.commands import gap as command

    return command.run(
        path, stage, output_format, service=service, owner=owner, as_of=as_of,
        review=None if review is None else Stage(review.value),
    )  # fmt: skip


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
            "printable HTML file; docx: a Word document (with -o FILE, or down a pipe). "
            "Example: --format html",
        ),
    ],
    stage: StageOption = Stage.LATEST,
    review: ReviewOption = None,
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
) -> Exit:
    """Render the assessor's analysis table and a summary as Markdown, HTML or Word.

    The same evidence always gives a byte-identical report, so it can be
    committed and diffed. Exit 0, or 2 when the evidence is invalid.

    With --review surveillance-1 (or surveillance-2): that surveillance's report,
    laid out as the assessor's record (documents requested with receipt,
    development points and their progress, the on-site plan, what changed per
    criterion, the scoring changes since the first assessment, the scoring table
    and the verdict), from reviews/surveillance-1.yaml and the ratings at that stage.

    Example: cse report examples/bolton --format html -o bolton.html

    Example: cse report examples/anytown --review surveillance-1 --format md
    """
    from cse_cli.cli.commands import report as command

    return command.run(
        path, output_format, stage, output, timestamp=timestamp,
        review=None if review is None else Stage(review.value),
    )  # fmt: skip


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
    ] = "text",
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
) -> Exit:
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
    from cse_cli.cli.commands import diff as command

    return command.run(base, head, path, stage, output_format, base_dir=base_dir, head_dir=head_dir)


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Option(
            "--kind",
            "-k",
            help="element: the schema of the element files; config: of cse.yaml; review: "
            "of reviews/surveillance-1.yaml and -2.yaml. Example: --kind config",
        ),
    ] = "element",
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
) -> Exit:
    """Print the JSON Schema of element files (or of cse.yaml) for editors.

    VS Code (with the YAML extension) and JetBrains IDEs use it to complete keys,
    element ids and ratings, and to flag mistakes such as `finale:` as you type.
    `cse init` writes both schemas to .cse/ and points each file at them.

    Example: cse schema --kind element -o .cse/element.schema.json
    """
    from cse_cli.cli.commands import schema as command

    return command.run(kind, output)


ImportFormat = Literal["text", "json"]


@app.command(name="import")
def import_(
    matrix: Annotated[
        Path,
        typer.Argument(
            help="The evidence matrix: an Excel workbook (.xlsx) or a CSV file.",
            show_default=False,
        ),
    ],
    path: Annotated[
        Path,
        typer.Argument(
            help="The folder for the new evidence repository (default: the current folder).",
            show_default=False,
        ),
    ] = Path(),
    *,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet",
            help="The workbook's sheet holding the matrix (default: the first whose name has "
            '"matrix" or "evidence" in it, else the first). Example: --sheet "Evidence Matrix"',
            show_default=False,
        ),
    ] = None,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            "-c",
            help="FIELD=HEADER: read the field from the column with this header, where the "
            "usual names do not fit; repeat it for each. Fields: element, wording, evidence, "
            "evidence_id, owner, service, date, link, rating, self_assessment, desk_top, "
            "final, surveillance_1, surveillance_2, notes. "
            'Example: --column owner="Lead officer"',
            show_default=False,
            metavar="FIELD=HEADER",
        ),
    ] = None,
    output_format: Annotated[
        ImportFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: what was read and written, then the check's verdict; json: one "
            "JSON object on stdout. Example: --format json",
        ),
    ] = "text",
) -> Exit:
    """Start a new evidence repository from an evidence matrix in Excel (.xlsx) or CSV.

    It finds the header row below any title rows, reads one element per run of
    rows (merged cells and continuation rows included), turns an evidence id
    used again ("ES 2 …") into a ref: to its first use, and takes services from
    a column or the colour key. Every problem is listed at once, located as
    matrix.xlsx:Sheet!C12, and then nothing is written (exit 2). It never adds
    to an existing repository. It ends with the check's verdict (exit 0).

    Example: cse import matrix.xlsx my-cse --sheet "Evidence Matrix"
    """
    from cse_cli.cli.commands import import_ as command

    return command.run(matrix, path, sheet, column or [], output_format)


ExportFormat = Literal["xlsx", "csv"]


@app.command()
def export(
    path: PathArgument = Path(),
    *,
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="xlsx: an Excel workbook with the matrix and a summary sheet; csv: the "
            "matrix alone, as UTF-8 CSV. Example: --format xlsx",
        ),
    ],
    stage: StageOption = Stage.LATEST,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the matrix to this file (default: stdout, which must not be a "
            "terminal for xlsx). Example: -o matrix.xlsx",
            show_default=False,
        ),
    ] = None,
) -> Exit:
    """Write the evidence matrix for managers: one row per evidence item, in Excel or CSV.

    Each row has the element's number and wording, its rating at the stage and
    at each recorded stage, and the item's id, title, owner, service, date, link
    and notes; the workbook adds a summary sheet with each criterion's verdict.
    The same evidence gives the same bytes, no cell is ever a formula, and
    `cse import` reads an export back. Exit 0, or 2 when the evidence is invalid.

    Example: cse export examples/bolton --format xlsx -o matrix.xlsx
    """
    from cse_cli.cli.commands import export as command

    return command.run(path, output_format, stage, output)


@app.command()
def pack(
    path: PathArgument = Path(),
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The zip file to write (replaced if it exists). Example: -o pack.zip",
            show_default=False,
        ),
    ],
    stage: StageOption = Stage.LATEST,
) -> Exit:
    """Make the evidence pack an assessor opens offline: one zip file.

    It holds the HTML report, whose evidence links open the documents inside
    the pack; every document an item names with path:, once each; a manifest
    (manifest.csv, manifest.json) of each document's size, SHA-256 and the
    elements citing it; and a README page. The same evidence gives the same
    bytes. Exit 0, or 2 when the evidence is invalid, a document cannot be
    packed or the documents pass the size limit (nothing is written then).

    Example: cse pack examples/bolton -o bolton-pack.zip
    """
    from cse_cli.cli.commands import pack as command

    return command.run(path, output, stage)


HistoryFormat = Literal["text", "json", "md", "html"]


@app.command()
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
        typer.Option(
            "--format",
            "-f",
            help="text: for a screen; json: one JSON object; md: Markdown; html: one "
            "self-contained page with a chart. Example: --format json",
        ),
    ] = "text",
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
