"""The renderers, in one registry: per view, each of its formats and the function that renders it.

Each view has an enum of its formats (cse_cli.render.formats), and here a
mapping from each member to its renderer, typed by what the renderer takes and
gives: `Shown` for what a command prints (exact text, or `Styled` text that Rich
lays out), `Document` for what it writes (text, or the bytes of a workbook or a
Word file). Each renderer below imports its module only when it is called, so
that `check --format json` loads neither Rich nor Jinja.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, NamedTuple, Union

from cse_cli.render.formats import (
    CheckFormat,
    DiffFormat,
    ExportFormat,
    GapFormat,
    HistoryFormat,
    ImportFormat,
    PackFormat,
    ReportFormat,
    SelfAssessmentFormat,
)
from cse_cli.render.matrix_renderers import (
    export_csv,
    export_xlsx,
    import_json,
    import_text,
    self_assessment_xlsx,
    update_json,
    update_text,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from cse_cli.views.check import CheckView
    from cse_cli.views.diff import Diff
    from cse_cli.views.export import ExportView
    from cse_cli.views.gap import Gap
    from cse_cli.views.history import HistoryView
    from cse_cli.views.imported import ImportView
    from cse_cli.views.pack import PackView
    from cse_cli.views.readiness import Readiness
    from cse_cli.views.report import ReportView
    from cse_cli.views.review_report import ReviewReport
    from cse_cli.views.self_assessment import SelfAssessmentView
    from cse_cli.views.updated import UpdateView
    from cse_cli.views.visit import VisitPlan


class Styled(NamedTuple):
    """Text for a terminal, laid out by Rich when it is printed (to the terminal's width)."""

    renderable: RenderableType
    soft_wrap: bool = False
    """Long lines are left to the terminal to wrap, not wrapped by Rich."""
    highlight: bool = True


Shown = Union[str, Styled]  # noqa: UP007 - evaluated at run time on Python 3.10 too
"""What a command prints on stdout: exact text, or styled text for a terminal."""
Document = Union[str, bytes]  # noqa: UP007
"""What a command writes with -o (or prints down a pipe): text, or a binary file."""


def _check_text(view: CheckView) -> Styled:
    from cse_cli.render.check import to_text

    return to_text(view)


def _check_json(view: CheckView) -> str:
    from cse_cli.render.check import to_json

    return to_json(view)


def _check_github(view: CheckView) -> str:
    from cse_cli.render.github import to_github

    return to_github(view)


def _gap_text(view: Gap) -> Styled:
    from cse_cli.render.gap import to_text

    return to_text(view)


def _gap_json(view: Gap) -> str:
    from cse_cli.render.gap_json import to_json

    return to_json(view)


def _readiness_text(view: Readiness) -> Styled:
    from cse_cli.render.readiness import to_text

    return to_text(view)


def _readiness_json(view: Readiness) -> str:
    from cse_cli.render.readiness import to_json

    return to_json(view)


def _visit_text(view: VisitPlan) -> Styled:
    from cse_cli.render.visit import to_text

    return to_text(view)


def _visit_json(view: VisitPlan) -> str:
    from cse_cli.render.visit import to_json

    return to_json(view)


def _history_text(view: HistoryView) -> Styled:
    from cse_cli.render.history import to_text

    return to_text(view)


def _history_json(view: HistoryView) -> str:
    from cse_cli.render.history import to_json

    return to_json(view)


def _history_markdown(view: HistoryView) -> str:
    from cse_cli.render.history import to_markdown

    return to_markdown(view)


def _history_html(view: HistoryView) -> str:
    from cse_cli.render.report import history_to_html

    return history_to_html(view)


def _diff_text(view: Diff) -> Styled:
    from cse_cli.render.diff_text import to_text

    return to_text(view)


def _diff_markdown(view: Diff) -> str:
    from cse_cli.render.diff_markdown import to_markdown

    return to_markdown(view)


def _diff_json(view: Diff) -> str:
    from cse_cli.render.diff_json import to_json

    return to_json(view)


def _report_markdown(view: ReportView) -> str:
    from cse_cli.render.report import to_markdown

    return to_markdown(view)


def _report_html(view: ReportView) -> str:
    from cse_cli.render.report import to_html

    return to_html(view)


def _report_docx(view: ReportView) -> bytes:
    from cse_cli.render.report_docx import to_docx

    return to_docx(view)


def _review_markdown(view: ReviewReport) -> str:
    from cse_cli.render.report import review_to_markdown

    return review_to_markdown(view)


def _review_html(view: ReviewReport) -> str:
    from cse_cli.render.report import review_to_html

    return review_to_html(view)


def _review_docx(view: ReviewReport) -> bytes:
    from cse_cli.render.review_docx import to_docx

    return to_docx(view)


def _pack_csv(view: PackView) -> str:
    from cse_cli.render.pack import to_csv

    return to_csv(view)


def _pack_json(view: PackView) -> str:
    from cse_cli.render.pack import to_json

    return to_json(view)


def _pack_readme(view: PackView) -> str:
    from cse_cli.render.pack import to_readme

    return to_readme(view)


CHECK: Mapping[CheckFormat, Callable[[CheckView], Shown]] = {
    CheckFormat.TEXT: _check_text,
    CheckFormat.JSON: _check_json,
    CheckFormat.GITHUB: _check_github,
}
GAP: Mapping[GapFormat, Callable[[Gap], Shown]] = {
    GapFormat.TEXT: _gap_text,
    GapFormat.JSON: _gap_json,
}
READINESS: Mapping[GapFormat, Callable[[Readiness], Shown]] = {
    GapFormat.TEXT: _readiness_text,
    GapFormat.JSON: _readiness_json,
}
"""`cse gap --review`: the same formats as `cse gap`."""
VISIT: Mapping[GapFormat, Callable[[VisitPlan], Shown]] = {
    GapFormat.TEXT: _visit_text,
    GapFormat.JSON: _visit_json,
}
"""`cse gap --visit`: the same formats as `cse gap`."""
HISTORY: Mapping[HistoryFormat, Callable[[HistoryView], Shown]] = {
    HistoryFormat.TEXT: _history_text,
    HistoryFormat.JSON: _history_json,
    HistoryFormat.MD: _history_markdown,
    HistoryFormat.HTML: _history_html,
}
DIFF: Mapping[DiffFormat, Callable[[Diff], Shown]] = {
    DiffFormat.TEXT: _diff_text,
    DiffFormat.MD: _diff_markdown,
    DiffFormat.JSON: _diff_json,
}
REPORT: Mapping[ReportFormat, Callable[[ReportView], Document]] = {
    ReportFormat.MD: _report_markdown,
    ReportFormat.HTML: _report_html,
    ReportFormat.DOCX: _report_docx,
}
REVIEW: Mapping[ReportFormat, Callable[[ReviewReport], Document]] = {
    ReportFormat.MD: _review_markdown,
    ReportFormat.HTML: _review_html,
    ReportFormat.DOCX: _review_docx,
}
"""`cse report --review`: the same formats as `cse report`."""
EXPORT: Mapping[ExportFormat, Callable[[ExportView], Document]] = {
    ExportFormat.XLSX: export_xlsx,
    ExportFormat.CSV: export_csv,
}
SELF_ASSESSMENT: Mapping[SelfAssessmentFormat, Callable[[SelfAssessmentView], Document]] = {
    SelfAssessmentFormat.XLSX: self_assessment_xlsx,
}
"""`cse export --layout self-assessment`: a workbook only."""
IMPORT: Mapping[ImportFormat, Callable[[ImportView], Shown]] = {
    ImportFormat.TEXT: import_text,
    ImportFormat.JSON: import_json,
}
UPDATE: Mapping[ImportFormat, Callable[[UpdateView], Shown]] = {
    ImportFormat.TEXT: update_text,
    ImportFormat.JSON: update_json,
}
"""`cse import --update`: its closing line after the diff, or its JSON object."""
PACK: Mapping[PackFormat, Callable[[PackView], str]] = {
    PackFormat.CSV: _pack_csv,
    PackFormat.JSON: _pack_json,
    PackFormat.HTML: _pack_readme,
}
"""The pack's own files made from its manifest (its report is REPORT's HTML)."""
