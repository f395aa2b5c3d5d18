"""`cse import`: a new evidence repository from an evidence matrix in Excel or CSV."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cse_cli.cli.console import echo, fail, show
from cse_cli.cli.exits import Exit
from cse_cli.core.problems import errors_of, has_errors
from cse_cli.core.text import plural

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.problems import Problem
    from cse_cli.core.scoring import Verdict
    from cse_cli.matrix.recognise import Matrix


def run(
    matrix: Path,
    path: Path,
    sheet: str | None,
    columns: list[str],
    output_format: str,
    organisation: str | None = None,
) -> Exit:
    """Read the matrix and, when it gives a repository `check` accepts, write it; its verdict.

    Everything is checked before anything is written: PATH, the matrix, and the
    repository it gives, rendered and read back in memory as `check` reads it.
    """
    from cse_cli.io.resources import load_standard
    from cse_cli.io.scaffold import organisation_name
    from cse_cli.matrix.files import plan
    from cse_cli.matrix.header import parse_mapping
    from cse_cli.matrix.recognise import recognise
    from cse_cli.matrix.source import read_matrix
    from cse_cli.matrix.writer import refuse_existing, write_repository
    from cse_cli.views.schema import editor_schemas

    mapping, wrong = parse_mapping(columns)
    if wrong:
        raise fail(*wrong)
    refuse_existing(path)
    name = organisation_name(organisation, path)
    standard = load_standard()
    sheet_read = read_matrix(matrix, sheet)
    result = recognise(sheet_read, standard, mapping)
    evidence = None
    if not has_errors(result.problems):
        planned = plan(path, result, sheet_read, standard, editor_schemas(standard), name)
        result.problems += planned.problems
        evidence = planned.evidence
    if evidence is None or has_errors(result.problems):
        if output_format == "json":
            _json(result, matrix.name, [], None)
        else:
            _say(result.problems)
            count = len(errors_of(result.problems))
            echo(f"cse: {plural(count, 'error')} in {matrix.name}: nothing written", err=True)
        return Exit.INVALID
    created = write_repository(path, planned.files)
    from cse_cli.core.scoring import score_evidence
    from cse_cli.core.stages import Stage

    verdict = score_evidence(standard, evidence, Stage.LATEST)
    if output_format == "json":
        _json(result, matrix.name, created, verdict, path)
    else:
        _written(path, matrix.name, result, evidence, verdict, created)
    return Exit.MET


def _say(problems: list[Problem]) -> None:
    """Each of the matrix's problems on stderr, at its cell (or the whole file's, with none)."""
    from cse_cli.core.text import inert
    from cse_cli.matrix.cells import shown

    for problem in problems:
        echo(inert(shown(problem)), err=True)


def _written(
    path: Path,
    source: str,
    result: Matrix,
    evidence: Evidence,
    verdict: Verdict,
    created: list[str],
) -> None:
    """Say what was read and written, then the check's verdict on it."""
    from cse_cli.render import render
    from cse_cli.views.check import CheckView

    _say([*result.problems, *evidence.problems])
    echo(
        f"read {source}: {plural(len(result.elements), 'element')}, "
        f"{plural(result.items, 'evidence item')} ({result.refs} citing an earlier one with ref:)"
    )
    echo(f"created {plural(len(created), 'file')} in {path}")
    view = CheckView(evidence.config.organisation, verdict, tuple(evidence.problems), evidence.root)
    show(render("check", "text", view))


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
