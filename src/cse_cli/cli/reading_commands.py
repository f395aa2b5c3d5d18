"""The commands that read and score the evidence: check, gap, report and diff.

Each only hands its options to its module in `cse_cli.cli.commands`, imported
when the command runs, and returns that module's exit code.
"""

# No `from __future__ import annotations`: Typer reads these annotations when it
# builds the command line, on every run, and text annotations must be compiled first.

from pathlib import Path
from typing import Annotated

import typer

from cse_cli.cli.exits import Exit
from cse_cli.cli.options import PathArgument, ReviewOption, StageOption, choice, required
from cse_cli.core.stages import Stage
from cse_cli.render.formats import CheckFormat, DiffFormat, GapFormat, ReportFormat


def check(
    path: PathArgument = Path(),
    stage: StageOption = Stage.LATEST,
    output_format: Annotated[
        CheckFormat,
        choice(
            CheckFormat,
            "--format",
            "-f",
            help="text: a table per criterion, problems on stderr; json: one JSON object "
            "on stdout; github: GitHub Actions annotations. Example: --format json",
        ),
    ] = CheckFormat.TEXT,
) -> Exit:
    """Validate every evidence file, score each criterion and print the verdict.

    Exit 0 when the standard is met, 1 when it is not, 2 when the evidence is
    invalid (every problem is listed as file:line:column: error: message).

    Example: cse check examples/bolton --stage desk-top
    """
    from cse_cli.cli.commands import check as command

    return command.run(path, stage, output_format)


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
    visit: Annotated[
        bool,
        typer.Option(
            "--visit",
            help="Plan the visit day instead: the on-site evidence (on_site:) by person or "
            "role, then by place, with the elements each supports. Example: --visit",
        ),
    ] = False,
    output_format: Annotated[
        GapFormat,
        choice(
            GapFormat,
            "--format",
            "-f",
            help="text: for a screen; json: one JSON object on stdout. Example: --format json",
        ),
    ] = GapFormat.TEXT,
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

    With --visit: the on-site evidence by person or role, then by place, to plan
    the visit day, and the elements with nothing to hear or see on site.

    Example: cse gap examples/bolton --service Library --as-of 2015-03-09

    Example: cse gap examples/anytown --review surveillance-2 --as-of 2028-02-01

    Example: cse gap examples/anytown --visit --service Libraries
    """
    from cse_cli.cli.commands import gap as command

    return command.run(
        path, stage, output_format, service=service, owner=owner, as_of=as_of,
        review=None if review is None else Stage(review.value), visit=visit,
    )  # fmt: skip


def report(
    path: PathArgument = Path(),
    *,
    output_format: Annotated[
        ReportFormat | None,
        choice(
            ReportFormat,
            "--format",
            "-f",
            help="Required. md: GitHub-flavoured Markdown; html: one self-contained, "
            "accessible, printable HTML file; docx: a Word document (with -o FILE, or down "
            "a pipe). Each works with --review too. Example: --format html",
        ),
    ] = None,
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
    in any of the three formats (Word: -f docx -o FILE), laid out as the
    assessor's record (documents requested with receipt, development points and
    their progress, the on-site plan, what changed per criterion, the scoring
    changes since the first assessment, the scoring table and the verdict), from
    reviews/surveillance-1.yaml and the ratings at that stage.

    Example: cse report examples/bolton --format html -o bolton.html

    Example: cse report examples/anytown --review surveillance-1 --format md
    """
    if output_format is None:
        raise required("--format", ReportFormat)
    from cse_cli.cli.commands import report as command

    return command.run(
        path, output_format, stage, output, timestamp=timestamp,
        review=None if review is None else Stage(review.value),
    )  # fmt: skip


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
        choice(
            DiffFormat,
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
