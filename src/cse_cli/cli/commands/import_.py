"""`cse import`: a new evidence repository from an evidence matrix in Excel or CSV."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.cli.console import echo, fail, report_problems, show
from cse_cli.cli.exits import Exit
from cse_cli.core.problems import errors_of, has_errors
from cse_cli.core.text import plural

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.scoring import Verdict
    from cse_cli.render.formats import ImportFormat
    from cse_cli.views.imported import ImportView
    from cse_cli.views.matrix import Matrix


def run(
    matrix: Path, path: Path, sheet: str | None, columns: list[str], output_format: ImportFormat
) -> Exit:
    """Read the matrix and, when it has no error, write the repository and print its verdict."""
    from cse_cli.io.import_writer import refuse_existing
    from cse_cli.io.matrix import read_matrix
    from cse_cli.io.resources import load_standard
    from cse_cli.render import IMPORT
    from cse_cli.render.formats import ImportFormat
    from cse_cli.views.matrix import recognise
    from cse_cli.views.matrix_header import parse_mapping

    mapping, wrong = parse_mapping(columns)
    if wrong:
        raise fail(*wrong)
    refuse_existing(path)
    standard = load_standard()
    result = recognise(read_matrix(matrix, sheet), standard, mapping)
    if has_errors(result.problems):
        if output_format is ImportFormat.JSON:
            show(IMPORT[output_format](_view(result, matrix.name)))
        else:
            report_problems(result.problems)
            count = len(errors_of(result.problems))
            echo(f"cse: {plural(count, 'error')} in {matrix.name}: nothing written", err=True)
        return Exit.INVALID
    created = _write(path, matrix.name, result)
    return _verdict(path, matrix.name, result, created, output_format)


def _write(path: Path, source: str, result: Matrix) -> list[str]:
    from cse_cli.io.import_writer import (
        EVIDENCE_DIR,
        element_text,
        repository_config,
        write_imported,
    )
    from cse_cli.io.resources import load_standard
    from cse_cli.io.root import CONFIG_FILE
    from cse_cli.render.schema import editor_schemas

    standard = load_standard()
    organisation = path.resolve().name
    files = {CONFIG_FILE: repository_config(organisation, result.services)}
    for element_id, data in result.elements.items():
        files[f"{EVIDENCE_DIR}/{element_id}.yaml"] = element_text(standard, data, source)
    schemas = editor_schemas(standard)
    return write_imported(path, standard, files, schemas)


def _verdict(
    path: Path, source: str, result: Matrix, created: list[str], output_format: ImportFormat
) -> Exit:
    from cse_cli.cli.reading import read
    from cse_cli.core.scoring import score_evidence
    from cse_cli.core.stages import Stage
    from cse_cli.render import IMPORT
    from cse_cli.render.formats import ImportFormat

    standard, evidence = read(path, progress=False)
    invalid = has_errors(evidence.problems)  # what import writes passes check: else a bug
    verdict = None if invalid else score_evidence(standard, evidence, Stage.LATEST)
    if output_format is not ImportFormat.JSON:
        report_problems([*result.problems, *evidence.problems])
    show(IMPORT[output_format](_view(result, source, created, verdict, path)))
    if output_format is ImportFormat.JSON:
        return Exit.INVALID if invalid else Exit.MET
    if verdict is None:
        echo("cse: the imported repository does not pass cse check (a bug): see above", err=True)
        return Exit.INVALID
    from cse_cli.render import CHECK
    from cse_cli.render.formats import CheckFormat
    from cse_cli.views.check import CheckView

    view = CheckView(evidence.config.organisation, verdict, tuple(evidence.problems), evidence.root)
    show(CHECK[CheckFormat.TEXT](view))
    return Exit.MET


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
        items=result.items,
        refs=result.refs,
        services=tuple(result.services),
        unplaced_columns=tuple(result.unplaced),
        verdict=verdict,
        problems=tuple(result.problems),
    )
