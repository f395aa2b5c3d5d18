"""`check` and `report` as plain functions: read, score, print, and return the exit code.

Both ways into these commands call them: the Typer commands in `cli.py`, and
`main.py`, which runs a plainly written `cse check` or `cse report` without
loading Typer. Everything else is imported when it is used, so that this module
costs nothing to other commands and `check --format json` loads neither Rich nor Jinja.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from cse_cli.errors import EXIT_INVALID, EXIT_MET, EXIT_NOT_MET, CseError, error_line, has_errors

if TYPE_CHECKING:
    from cse_cli.models import Standard
    from cse_cli.repository import Evidence
    from cse_cli.scoring import Verdict


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


class ReportFormat(str, enum.Enum):
    """The kind of document `report` renders."""

    MD = "md"
    HTML = "html"


class Echo(Protocol):
    """Prints a message on stdout, or on stderr with `err`: `typer.echo` is one."""

    def __call__(self, message: str, *, err: bool = False, nl: bool = True) -> None:
        """Print `message`, then a line break unless `nl` is false."""


def echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    """Print on stdout, or on stderr with `err`, and flush, as `typer.echo` does."""
    stream = sys.stderr if err else sys.stdout
    stream.write(message + "\n" if nl else message)
    stream.flush()


def check_evidence(path: Path, stage: Stage, output_format: CheckFormat, echo: Echo = echo) -> int:
    """Validate every file of the repository holding `path`, score it and print the verdict.

    The exit code: 0 met, 1 not met, 2 invalid evidence (every problem listed).
    """
    from cse_cli.scoring import score_evidence

    read = _read(path, echo, progress=output_format is CheckFormat.TEXT)
    if isinstance(read, int):
        return read
    standard, evidence = read
    verdict = score_evidence(standard, evidence, stage.value)
    invalid = has_errors(evidence.problems)
    organisation = evidence.config.organisation
    if output_format is CheckFormat.JSON:
        from cse_cli.check_output import to_json

        echo(to_json(organisation, verdict, evidence.problems))
    elif output_format is CheckFormat.GITHUB:
        from cse_cli.check_output import to_github, verdict_lines

        if evidence.problems:
            echo(to_github(evidence.problems, evidence.root))
        if not invalid:  # plain lines, not commands: the job log says why it failed
            echo("\n".join(verdict_lines(verdict)))
    else:
        for problem in evidence.problems:
            echo(str(problem), err=True)
        if invalid:
            errors = sum(1 for problem in evidence.problems if problem.severity == "error")
            echo(
                f"cse: {errors} error{'s' if errors != 1 else ''}: "
                "the evidence is invalid, so there is no verdict",
                err=True,
            )
        else:
            from rich.console import Console

            from cse_cli.check_output import to_table

            Console().print(to_table(organisation, verdict))
    if invalid:
        return EXIT_INVALID
    return EXIT_MET if verdict.met else EXIT_NOT_MET


def write_report(
    path: Path,
    output_format: ReportFormat,
    stage: Stage,
    output: Path | None,
    timestamp: bool,
    echo: Echo = echo,
) -> int:
    """Render the report of the repository holding `path` to `output`, or to stdout.

    The exit code: 0, or 2 when the evidence is invalid or the file cannot be written.
    """
    import datetime as dt

    from cse_cli.report import render_report

    scored = read_scored(path, stage, echo, progress=True)
    if isinstance(scored, int):
        return scored
    standard, evidence, verdict = scored
    generated = dt.datetime.now(dt.timezone.utc) if timestamp else None
    text = render_report(standard, evidence, verdict, output_format.value, generated)
    if output is None:
        echo(text, nl=False)
        return EXIT_MET
    if not write_output(output, text, "report", echo):
        return EXIT_INVALID
    echo(f"wrote {output}", err=True)
    return EXIT_MET


def write_output(output: Path, text: str, what: str, echo: Echo = echo) -> bool:
    """Write an `-o` file atomically; False when it cannot be written (said why on stderr)."""
    from cse_cli.files import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        echo(error_line(f"{output}: cannot write the {what}: {exc.strerror or exc}"), err=True)
        return False
    return True


def read_scored(
    path: Path, stage: Stage, echo: Echo, *, progress: bool
) -> tuple[Standard, Evidence, Verdict] | int:
    """Read and score the evidence; when it is invalid, list every problem and return 2.

    Warnings are listed too. With `progress`, a long read shows a count of files
    on stderr, if that is a terminal.
    """
    from cse_cli.scoring import score_evidence

    read = _read(path, echo, progress=progress)
    if isinstance(read, int):
        return read
    standard, evidence = read
    for problem in evidence.problems:
        echo(str(problem), err=True)
    if has_errors(evidence.problems):
        return EXIT_INVALID
    return standard, evidence, score_evidence(standard, evidence, stage.value)


def _read(path: Path, echo: Echo, *, progress: bool) -> tuple[Standard, Evidence] | int:
    """The standard and the evidence, or 2 when no repository could be read (said why)."""
    from cse_cli.progress import progress_on
    from cse_cli.repository import open_repository
    from cse_cli.standard import load_standard

    standard = load_standard()
    try:
        with progress_on(sys.stderr, wanted=progress) as shown:
            return standard, open_repository(path, standard, shown)
    except CseError as exc:
        for problem in exc.problems:
            echo(error_line(problem), err=True)
        return EXIT_INVALID
