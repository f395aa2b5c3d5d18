"""`cse import`: a new evidence repository from an evidence matrix in Excel or CSV."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo, fail, show
from cse_cli.cli.exits import Exit
from cse_cli.core.problems import errors_of, has_errors
from cse_cli.core.text import plural

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.problems import Problem
    from cse_cli.core.scoring import Verdict
    from cse_cli.matrix.recognise import Matrix
    from cse_cli.render.formats import ImportFormat
    from cse_cli.views.imported import ImportView


def run(
    matrix: Path,
    path: Path,
    sheet: str | None,
    columns: list[str],
    output_format: ImportFormat,
    organisation: str | None = None,
) -> Exit:
    """Read the matrix and, when it gives a repository `check` accepts, write it; its verdict.

    Everything is checked before anything is written: PATH, the matrix, and the
    repository it gives, rendered and read back in memory as `check` reads it.
    """
    from cse_cli.core.scoring import score_evidence
    from cse_cli.core.stages import Stage
    from cse_cli.io.resources import load_standard
    from cse_cli.io.scaffold import organisation_name
    from cse_cli.matrix.files import plan
    from cse_cli.matrix.header import parse_mapping
    from cse_cli.matrix.recognise import recognise_book
    from cse_cli.matrix.source import read_matrix_sheets
    from cse_cli.matrix.update.source import without_base
    from cse_cli.matrix.writer import refuse_existing, write_repository
    from cse_cli.render.formats import ImportFormat
    from cse_cli.render.schema import editor_schemas

    mapping, wrong = parse_mapping(columns)
    if wrong:
        raise fail(*wrong)
    refuse_existing(path)
    name = organisation_name(organisation, path)
    standard = load_standard()
    # a CSV export's base lines: not a matrix
    sheets = [without_base(one)[0] for one in read_matrix_sheets(matrix, sheet)]
    result = recognise_book(sheets, standard, mapping)
    sheet_read = sheets[0]
    evidence = None
    if not has_errors(result.problems):
        planned = plan(path, result, sheet_read, standard, editor_schemas(standard), name)
        result.problems += planned.problems
        evidence = planned.evidence
    if evidence is None or has_errors(result.problems):
        if output_format is ImportFormat.JSON:
            _show(output_format, _view(result, matrix.name))
        else:
            say_problems(result.problems)
            count = len(errors_of(result.problems))
            echo(f"cse: {plural(count, 'error')} in {matrix.name}: nothing written", err=True)
        return Exit.INVALID
    created = write_repository(path, planned.files)
    verdict = score_evidence(standard, evidence, Stage.LATEST)
    view = _view(result, matrix.name, created, verdict, path)
    if output_format is ImportFormat.JSON:
        _show(output_format, view)
    else:
        _written(view, verdict, evidence, [*result.problems, *evidence.problems])
    return Exit.MET


def say_problems(problems: Sequence[Problem]) -> None:
    """Each of the matrix's problems on stderr, at its cell (or the whole file's, with none)."""
    from cse_cli.core.text import inert
    from cse_cli.matrix.cells import shown

    for problem in problems:
        echo(inert(shown(problem)), err=True)


def _show(output_format: ImportFormat, view: ImportView) -> None:
    from cse_cli.render import IMPORT

    show(IMPORT[output_format](view))


def _written(
    view: ImportView, verdict: Verdict, evidence: Evidence, problems: list[Problem]
) -> None:
    """Say what was read and written, then the check's verdict on it."""
    from cse_cli.render import CHECK
    from cse_cli.render.formats import CheckFormat, ImportFormat
    from cse_cli.views.check import CheckView

    say_problems(problems)
    _show(ImportFormat.TEXT, view)
    check = CheckView(
        evidence.config.organisation, verdict, tuple(evidence.problems), evidence.root
    )
    show(CHECK[CheckFormat.TEXT](check))


def _view(
    result: Matrix,
    source: str,
    created: list[str] | None = None,
    verdict: Verdict | None = None,
    root: Path | None = None,
) -> ImportView:
    """What import shows: `result` read from `source`, and what was written, if anything."""
    from cse_cli.views.imported import ImportView

    return ImportView(
        matrix=source,
        root=root,
        created=tuple(created or ()),
        elements=len(result.elements),
        items=result.items - result.on_site,
        refs=result.refs,
        services=tuple(result.services),
        unplaced_columns=tuple(result.unplaced),
        verdict=verdict,
        problems=tuple(result.problems),
        on_site_items=result.on_site,
        sheets=tuple(result.read),
    )
