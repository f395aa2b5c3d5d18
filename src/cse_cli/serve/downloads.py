"""The Reports page and its downloads, each made by the renderer `cse report` or `cse export` uses.

This module is the one place of the editor that calls the renderers (`cse_cli.render`).
A download of invalid evidence is refused with its problems, as the command
refuses it. The evidence pack is the one `cse pack` writes, byte for byte
(`cse_cli.render.pack_zip`), sent as it is made: it can be far larger than
memory, and nothing is written outside the repository (or in it) to send it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError, has_errors
from cse_cli.core.scoring import score_evidence
from cse_cli.core.stages import REVIEWS, Stage
from cse_cli.serve.editor import chosen_stage, editor, problem_links

if TYPE_CHECKING:
    from collections.abc import Iterator

    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.core.evidence import Evidence
    from cse_cli.serve.editor import Editor

MEDIA = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


@dataclass(frozen=True)
class Download:
    """One file the Reports page offers."""

    name: str
    """Its address under /reports/ and the name it is saved as."""
    title: str
    kind: str


def offered(evidence: Evidence, standard_called: dict[Stage, str]) -> list[Download]:
    """The downloads: the report, each surveillance report there is, the export, the pack."""
    found = [
        Download("report.html", "The report, as a web page", "html"),
        Download("report.docx", "The report, as a Word document", "docx"),
        Download("report.md", "The report, in Markdown", "md"),
    ]
    for stage in REVIEWS:
        if stage in evidence.reviews:
            called = standard_called[stage]
            for kind, words in (
                ("html", "a web page"),
                ("docx", "a Word document"),
                ("md", "Markdown"),
            ):
                found.append(
                    Download(f"{stage.value}.{kind}", f"The report of {called}, as {words}", kind)
                )
    found.append(
        Download("evidence-matrix.xlsx", "The evidence matrix, as an Excel workbook", "xlsx")
    )
    found.append(
        Download("evidence-pack.zip", "The evidence pack for the assessor (a zip file)", "zip")
    )
    return found


async def reports_page(request: Request) -> Response:
    """The downloads, at the stage chosen."""
    ed = editor(request)
    evidence = ed.repository.current().evidence
    stage, error = chosen_stage(request)
    called = {stage: ed.standard.called(stage.value) for stage in REVIEWS}
    return ed.pages.render(
        request,
        "reports.html.j2",
        downloads=offered(evidence, called),
        stage=stage,
        stages=list(Stage),
        stage_error=error,
        problems=problem_links(evidence, ed.standard) if has_errors(evidence.problems) else [],
    )


async def report(request: Request) -> Response:
    """One download, made now from the files on disk."""
    from starlette.responses import Response, StreamingResponse

    ed = editor(request)
    evidence = ed.repository.current().evidence
    stage, _ = chosen_stage(request)
    called = {s: ed.standard.called(s.value) for s in REVIEWS}
    wanted = next(
        (d for d in offered(evidence, called) if d.name == request.path_params["name"]), None
    )
    if wanted is None:
        return ed.pages.render(request, "missing.html.j2", 404, what="report")
    if has_errors(evidence.problems):
        return ed.pages.render(
            request,
            "refused.html.j2",
            409,
            message=(
                "The evidence has errors, so there is nothing to download: fix them first "
                "(the overview lists them)"
            ),
        )
    headers = {"content-disposition": f'attachment; filename="{wanted.name}"'}
    if wanted.kind == "zip":
        packed = _pack(ed, evidence, stage)
        if isinstance(packed, str):
            return ed.pages.render(request, "refused.html.j2", 409, message=packed)
        return StreamingResponse(packed, media_type=MEDIA["zip"], headers=headers)
    made = _made(ed, evidence, wanted, stage)
    body = made.encode("utf-8") if isinstance(made, str) else made
    return Response(body, media_type=MEDIA[wanted.kind], headers=headers)


def _made(ed: Editor, evidence: Evidence, wanted: Download, stage: Stage) -> str | bytes:
    """The document, rendered by the registry of renderers (`cse_cli.render`)."""
    from cse_cli.render import EXPORT, REPORT, REVIEW
    from cse_cli.render.formats import ExportFormat, ReportFormat

    if wanted.kind == "xlsx":
        from dataclasses import replace

        from cse_cli.matrix.update.exported import export_base
        from cse_cli.views.export import build_export

        verdict = score_evidence(ed.standard, evidence, stage)
        matrix = build_export(ed.standard, evidence, verdict)
        base = export_base(evidence, str(stage), matrix.headers, matrix.rows)
        return EXPORT[ExportFormat.XLSX](replace(matrix, base=base))  # so it can come back
    if wanted.name.startswith("report."):
        from cse_cli.views.report import build_view

        verdict = score_evidence(ed.standard, evidence, stage)
        return REPORT[ReportFormat(wanted.kind)](build_view(ed.standard, evidence, verdict))
    from cse_cli.io.resources import load_cycle
    from cse_cli.views.review_report import build_review_report

    review = Stage(wanted.name.rsplit(".", 1)[0])
    verdict = score_evidence(ed.standard, evidence, review)
    view = build_review_report(ed.standard, evidence, verdict, load_cycle(), None)
    return REVIEW[ReportFormat(wanted.kind)](view)


def _pack(ed: Editor, evidence: Evidence, stage: Stage) -> Iterator[bytes] | str:
    """The evidence pack's bytes, as `cse pack` writes them, or why it cannot be made."""
    from cse_cli.io.tree import DirTree
    from cse_cli.render.pack_zip import planned, streamed

    verdict = score_evidence(ed.standard, evidence, stage)
    tree = DirTree(ed.repository.root)
    try:
        wanted = planned(ed.standard, evidence, tree)
    except CseError as exc:
        return f"The evidence pack cannot be made: {exc}"
    return streamed(ed.standard, evidence, verdict, tree, wanted)
