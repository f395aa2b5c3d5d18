"""`cse import`: a new evidence repository from an evidence matrix in Excel or CSV."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.cli.console import echo, fail, report_problems, show
from cse_cli.cli.exits import Exit
from cse_cli.core.problems import errors_of, has_errors
from cse_cli.core.text import plural

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.scoring import Verdict
    from cse_cli.views.matrix import Matrix


def run(
    matrix: Path, path: Path, sheet: str | None, columns: list[str], output_format: str
) -> Exit:
    """Read the matrix and, when it has no error, write the repository and print its verdict."""
    from cse_cli.io.import_writer import refuse_existing
    from cse_cli.io.matrix import read_matrix
    from cse_cli.io.resources import load_standard
    from cse_cli.views.matrix import recognise
    from cse_cli.views.matrix_header import parse_mapping

    mapping, wrong = parse_mapping(columns)
    if wrong:
        raise fail(*wrong)
    refuse_existing(path)
    standard = load_standard()
    result = recognise(read_matrix(matrix, sheet), standard, mapping)
    if has_errors(result.problems):
        if output_format == "json":
            _json(result, matrix.name, [], None)
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
    from cse_cli.views.schema import editor_schemas

    standard = load_standard()
    organisation = path.resolve().name
    files = {CONFIG_FILE: repository_config(organisation, result.services)}
    for element_id, data in result.elements.items():
        files[f"{EVIDENCE_DIR}/{element_id}.yaml"] = element_text(standard, data, source)
    schemas = editor_schemas(standard)
    return write_imported(path, standard, files, schemas)


def _verdict(
    path: Path, source: str, result: Matrix, created: list[str], output_format: str
) -> Exit:
    from cse_cli.cli.reading import read_valid

    _, evidence, verdict = read_valid(path, progress=False, report=False)
    problems = [*result.problems, *evidence.problems]
    if output_format == "json":
        _json(result, source, created, None if has_errors(evidence.problems) else verdict, path)
        return Exit.INVALID if has_errors(evidence.problems) else Exit.MET
    report_problems(problems)
    echo(
        f"read {source}: {plural(len(result.elements), 'element')}, "
        f"{plural(result.items, 'evidence item')} ({result.refs} citing an earlier one with ref:)"
    )
    echo(f"created {plural(len(created), 'file')} in {path}")
    if has_errors(evidence.problems):  # what import writes passes check: this is a bug
        echo("cse: the imported repository does not pass cse check (a bug): see above", err=True)
        return Exit.INVALID
    from cse_cli.render import render
    from cse_cli.views.check import CheckView

    view = CheckView(evidence.config.organisation, verdict, tuple(evidence.problems), evidence.root)
    show(render("check", "text", view))
    return Exit.MET


def _json(
    result: Matrix,
    source: str,
    created: list[str],
    verdict: Verdict | None,
    root: Path | None = None,
) -> None:
    document = {
        "matrix": source,
        "root": str(root) if root is not None else None,
        "created": created,
        "elements": len(result.elements),
        "items": result.items,
        "refs": result.refs,
        "services": result.services,
        "unplaced_columns": result.unplaced,
        "met": verdict.met if verdict is not None else None,
        "criteria": [c.as_json() for c in verdict.criteria] if verdict is not None else [],
        "problems": [problem.as_json() for problem in result.problems],
    }
    echo(json.dumps(document, indent=2, ensure_ascii=False))
