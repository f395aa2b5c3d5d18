"""`cse import MATRIX [PATH] --update`: a matrix that came back, merged into its repository.

The repository is read as `cse check` reads it, and must be valid. The matrix
is read as `cse import` reads one, with the base it carries (a workbook's
hidden sheet, a CSV file's first lines): with a base it merges three ways
(cse_cli.matrix.update.three_way), without one two ways (two_way). What it
changes is made in memory by the YAML writer and checked as `cse check` would
(cse_cli.matrix.update.plan), shown in `cse diff`'s words with the verdict
before and after, and written, all files or none, only with --write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.cli.console import echo, fail, report_problems, show
from cse_cli.cli.exits import Exit
from cse_cli.cli.options import Prefer
from cse_cli.core.problems import errors_of, has_errors
from cse_cli.core.text import plural

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from cse_cli.core.problems import Problem
    from cse_cli.core.standard import Standard
    from cse_cli.io.editing import RepositoryState
    from cse_cli.io.yaml_edit import FileChange
    from cse_cli.matrix.cells import Sheet, Value
    from cse_cli.matrix.update.base import Base
    from cse_cli.matrix.update.changes import Merge
    from cse_cli.matrix.update.plan import Planned
    from cse_cli.render.formats import ImportFormat
    from cse_cli.views.updated import ConflictView

    Rows = tuple[Sequence[str], Sequence[Sequence[Value]]]


@dataclass(frozen=True)
class Asked:
    """What the command line asks of the merge."""

    matrix: Path
    output_format: ImportFormat
    write: bool
    prefer: Prefer | None


def run(
    matrix: Path,
    path: Path,
    sheet_name: str | None,
    columns: list[str],
    output_format: ImportFormat,
    *,
    write: bool,
    prefer: Prefer | None,
) -> Exit:
    """Merge the matrix into the repository holding `path`; write only with `write`."""
    from cse_cli.io.editing import read_state
    from cse_cli.io.resources import load_standard
    from cse_cli.matrix.header import parse_mapping
    from cse_cli.matrix.update.plan import plan_update

    asked = Asked(matrix, output_format, write, prefer)
    mapping, wrong = parse_mapping(columns)
    if wrong:
        raise fail(*wrong)
    standard = load_standard()
    state = read_state(path, standard)
    if has_errors(state.evidence.problems):
        report_problems(state.evidence.problems)
        raise fail("the repository has errors: cse import --update merges only into a "
                   "repository cse check accepts; correct them first")  # fmt: skip
    sheet, merge = _merge(matrix, sheet_name, mapping, standard, state)
    changes = merge.asked(with_conflicts=prefer is Prefer.SHEET)
    planned = None
    if not has_errors(sheet.problems) and (prefer is not None or not merge.conflicts):
        planned = plan_update(state, standard, changes, sheet)
        sheet.problems += planned.problems
    problems = [*sheet.problems, *_said(merge, sheet)]
    if planned is None or has_errors(problems):
        return _refused(asked, sheet, merge, problems)
    if write and planned.writes:
        _save(planned.writes)
    return _report(asked, standard, sheet, merge, planned, problems)


def _merge(
    matrix: Path,
    sheet_name: str | None,
    mapping: dict[str, str],
    standard: Standard,
    state: RepositoryState,
) -> tuple[Sheet, Merge]:
    """The matrix read, with its base if it carries one, and what it asks of the repository."""
    from cse_cli.core.scoring import score_evidence
    from cse_cli.core.stages import Stage
    from cse_cli.matrix.source import read_matrix
    from cse_cli.matrix.update.base import Damaged, read_base
    from cse_cli.matrix.update.changes import Merge
    from cse_cli.matrix.update.origin import check_origin
    from cse_cli.matrix.update.source import without_base, workbook_base
    from cse_cli.views.export import build_export

    sheet, carried = without_base(read_matrix(matrix, sheet_name))
    if carried is None and sheet.name is not None:
        carried = workbook_base(matrix, sheet.file)
    verdict = score_evidence(standard, state.evidence, Stage.LATEST)
    exported = build_export(standard, state.evidence, verdict)
    now = (exported.headers, exported.rows)
    if carried is None:
        return sheet, _two_way(matrix, sheet_name, sheet, mapping, standard, now)
    try:
        base = read_base(carried.lines)
    except Damaged as exc:
        sheet.problems.append(carried.sheet.problem(carried.row, 1, "error", "the base this "
                              "sheet carries (the lines that start with #cse-base) was edited "
                              f"since the export: {exc}: export the matrix again"))  # fmt: skip
        return sheet, Merge("three-way")
    sheet.problems += check_origin(base, state, carried)
    if has_errors(sheet.problems):
        return sheet, Merge("three-way")
    return sheet, _three_way(sheet, mapping, standard, base, now)


def _three_way(
    sheet: Sheet, mapping: dict[str, str], standard: Standard, base: Base, now: Rows
) -> Merge:
    from cse_cli.matrix.update.rows import read_rows, sheet_of
    from cse_cli.matrix.update.three_way import merge_three

    known = set(standard.element_ids())
    read = read_rows(sheet, mapping, known)
    was = read_rows(sheet_of(sheet.file, "base", base.headers, base.rows), {}, known)
    there = read_rows(sheet_of(sheet.file, "now", *now), {}, known)
    return merge_three(read, was, there)


def _two_way(
    matrix: Path,
    sheet_name: str | None,
    sheet: Sheet,
    mapping: dict[str, str],
    standard: Standard,
    now: Rows,
) -> Merge:
    """What a matrix with no base asks, in whichever layout `cse import` recognises it.

    A workbook is read whole, as `cse import` reads it: every sheet that holds a
    header (a self-assessment workbook's criteria), or the one --sheet names.
    """
    from cse_cli.matrix.recognise import recognise, recognise_book
    from cse_cli.matrix.source import read_matrix_sheets
    from cse_cli.matrix.update.rows import sheet_of
    from cse_cli.matrix.update.two_way import merge_two

    sheets = read_matrix_sheets(matrix, sheet_name) if sheet.name is not None else [sheet]
    found = recognise_book(sheets, standard, mapping)
    sheet.problems = list(found.problems)
    now_found = recognise(sheet_of(sheet.file, "now", *now), standard, {})
    return merge_two(found, now_found, sheet, found.sheets.get)


def _said(merge: Merge, sheet: Sheet) -> list[Problem]:
    """What a two-way merge says of itself: that it never deletes (and what it did not delete)."""
    if merge.mode == "three-way":
        return []
    left = merge.deletes_not_made
    kept = f"; {plural(left, 'row')} marked delete not deleted" if left else ""
    return [sheet.problem(0, 0, "warning", "the sheet carries no base (it is not a cse export, "
                          "or was saved without its hidden sheet or first lines): merged two "
                          f"ways, which adds and changes but never deletes{kept}")]  # fmt: skip


def _conflicts(asked: Asked, merge: Merge, sheet: Sheet) -> tuple[ConflictView, ...]:
    from cse_cli.views.updated import ConflictView

    return tuple(
        ConflictView(
            f"{asked.matrix.name}:{sheet.place(*conflict.change.place)}",
            conflict.what,
            conflict.repository,
            conflict.sheet,
            conflict.base,
            conflict.said,
        )
        for conflict in merge.conflicts
    )


def _refused(asked: Asked, sheet: Sheet, merge: Merge, problems: list[Problem]) -> Exit:
    """Every problem and unresolved conflict, one a line, and that nothing was written."""
    from cse_cli.cli.commands.import_ import say_problems
    from cse_cli.render.updated import conflict_line

    say_problems(problems)
    conflicts = _conflicts(asked, merge, sheet) if not has_errors(problems) else ()
    for conflict in conflicts:
        echo(conflict_line(conflict, None), err=True)
    count = len(errors_of(problems)) + len(conflicts)
    echo(f"cse: {plural(count, 'error')} in {asked.matrix.name}: nothing written", err=True)
    return Exit.INVALID


def _save(writes: list[FileChange]) -> None:
    """Write every file the merge changes, all or nothing; CseError when one cannot be."""
    from cse_cli.io.atomic import NotRegularFile
    from cse_cli.io.yaml_edit import ChangedOnDisk, save

    try:
        save(writes)
    except ChangedOnDisk as exc:
        said = "changed on disk while cse import --update merged: nothing written; run it again"
        raise fail(*(f"{change.name}: {said}" for change in exc.changed)) from None
    except NotRegularFile as exc:
        raise fail(f"{exc}: nothing written") from None
    except OSError as exc:
        where = exc.filename if exc.filename is not None else writes[0].path
        raise fail(f"{where}: cannot write the merge: {exc.strerror or exc}: "
                   "nothing written") from None  # fmt: skip


def _report(
    asked: Asked,
    standard: Standard,
    sheet: Sheet,
    merge: Merge,
    planned: Planned,
    problems: list[Problem],
) -> Exit:
    """What the merge changes, in `cse diff`'s words with the verdict before and after."""
    from cse_cli.cli.commands.import_ import say_problems
    from cse_cli.render import DIFF, UPDATE
    from cse_cli.render.formats import DiffFormat, ImportFormat
    from cse_cli.render.updated import conflict_line
    from cse_cli.views.diff import compare
    from cse_cli.views.updated import UpdateView

    labels = ("the repository", f"with {asked.matrix.name} merged")
    view = UpdateView(
        matrix=asked.matrix.name,
        root=planned.before.root or asked.matrix.parent,
        mode=merge.mode,
        diff=compare(standard, planned.before, planned.after, labels),
        conflicts=_conflicts(asked, merge, sheet),
        prefer=asked.prefer.value if asked.prefer is not None else None,
        changed=tuple(write.name for write in planned.writes),
        written=asked.write,
        problems=tuple(problems),
    )
    if asked.output_format is ImportFormat.JSON:
        show(UPDATE[ImportFormat.JSON](view))
        return Exit.MET
    say_problems(problems)
    for conflict in view.conflicts:
        echo(conflict_line(conflict, view.prefer), err=True)
    show(DIFF[DiffFormat.TEXT](view.diff))
    show(UPDATE[ImportFormat.TEXT](view))
    return Exit.MET
