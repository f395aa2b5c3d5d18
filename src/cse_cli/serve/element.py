"""The element and review pages: everything a file holds, read-only, beside the standard's wording.

Values are shown as the reports show them, from the same views: each item's
details with `ref:` resolved and inferred values marked (the report's
`ItemView`), each development point with whose words it is and each review's
response and update labelled apart (`point_view`). A file that cannot be read
is shown as it is on disk, with the problems `cse check` finds in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.stages import RECORDED, REVIEWS, Stage
from cse_cli.io.tree import DirTree, TooLarge, Unreadable
from cse_cli.serve.editor import editor

if TYPE_CHECKING:
    from pathlib import Path

    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.core.evidence import ElementFile, Evidence
    from cse_cli.core.problems import Problem
    from cse_cli.core.standard import Standard
    from cse_cli.serve.editor import Editor
    from cse_cli.views.points import PointView
    from cse_cli.views.report import ItemView


@dataclass(frozen=True)
class ItemRow:
    """One evidence item as the element page lists it."""

    number: int
    id: str | None
    ref: str | None
    """The id it cites, when it is a `ref:` item."""
    cited_from: str | None
    """The element that defines the cited item, as a page to link to."""
    view: ItemView
    notes: str | None
    """A `ref:` item's own notes (the cited item's are in `view`)."""


async def element_page(request: Request) -> Response:
    """One element: the standard's wording, then every key of its file."""
    ed = editor(request)
    element_id = request.path_params["element_id"]
    if element_id not in ed.standard.element_ids():
        return ed.pages.render(request, "missing.html.j2", 404, what="element")
    criterion, sub, wording = ed.standard.element(element_id)
    evidence = ed.repository.current().evidence
    element = evidence.elements.get(element_id)
    file = evidence.files.get(element_id) or _named(evidence, element_id)
    problems = [p for p in evidence.problems if file is not None and p.file == file]
    return ed.pages.render(
        request,
        "element.html.j2",
        element_id=element_id,
        criterion=criterion,
        sub=sub,
        wording=wording.text,
        element=element,
        file=file,
        problems=problems,
        raw=_raw(ed.repository.root, file) if element is None and file else None,
        ratings=[(stage, element.recorded(stage) if element else None) for stage in RECORDED],
        stage_words={stage: ed.standard.words(stage.value) for stage in RECORDED},
        items=_items(ed, evidence, element) if element else [],
        points=_points(ed.standard, element_id, element),
    )


def _named(evidence: Evidence, element_id: str) -> str | None:
    """The file named after an element whose file could not be read, if there is one."""
    for name in (f"{element_id}.yaml", f"{element_id}.yml"):
        rel = f"{evidence.config.evidence_dir.strip('/')}/{name}"
        if any(p.file == rel for p in evidence.problems):
            return rel
    return None


def _raw(root: Path, file: str) -> str | None:
    """A file's text as it is on disk (read as `cse check` reads it), or None."""
    try:
        data = DirTree(root).read(file)
    except (TooLarge, Unreadable):
        return None
    return None if data is None else data.decode("utf-8", "replace")


def _items(ed: Editor, evidence: Evidence, element: ElementFile) -> list[ItemRow]:
    """The element's items, each `ref:` resolved and worded as the report words it."""
    report = ed.report_view()
    views = next(
        e.items
        for c in report.criteria
        for sub in c.sub_criteria
        for e in sub.elements
        if e.id == element.element
    )
    owners = {
        item.id: element_id
        for element_id, found in evidence.elements.items()
        for item in found.evidence
        if item.id is not None
    }
    rows = []
    for number, (item, view) in enumerate(zip(element.evidence, views, strict=True), start=1):
        cited = owners.get(item.ref) if item.ref is not None else None
        notes = item.notes if item.ref is not None else None
        rows.append(ItemRow(number, item.id, item.ref, cited, view, notes))
    return rows


def _points(standard: Standard, element_id: str, element: ElementFile | None) -> list[PointView]:
    from cse_cli.views.points import point_view

    if element is None:
        return []
    return [point_view(standard, element_id, point) for point in element.development_points]


async def reviews_page(request: Request) -> Response:
    """The surveillance reviews of the cycle, each with its file's state."""
    ed = editor(request)
    evidence = ed.repository.current().evidence
    listed = [
        (stage, ed.standard.called(stage.value), evidence.reviews.get(stage), _review_file(stage))
        for stage in REVIEWS
    ]
    return ed.pages.render(request, "reviews.html.j2", reviews=listed, cycle=evidence.config.cycle)


def _review_file(stage: Stage) -> str:
    return f"reviews/{stage.value}.yaml"


async def review_page(request: Request) -> Response:
    """One surveillance review file: every key it has, and its problems."""
    ed = editor(request)
    try:
        stage = Stage(request.path_params["stage"])
    except ValueError:
        stage = Stage.LATEST
    if stage not in REVIEWS:
        return ed.pages.render(request, "missing.html.j2", 404, what="review")
    evidence = ed.repository.current().evidence
    review = evidence.reviews.get(stage)
    file = _review_file(stage)
    problems: list[Problem] = [p for p in evidence.problems if p.file == file]
    requested = {d.key: d.title for d in evidence.requested}
    return ed.pages.render(
        request,
        "review.html.j2",
        stage=stage,
        called=ed.standard.called(stage.value),
        review=review,
        file=file,
        problems=problems,
        raw=_raw(ed.repository.root, file) if review is None else None,
        requested=requested,
        criteria={f"criterion_{c.number}": f"{c.number} {c.title}" for c in ed.standard.criteria},
        points=[
            (element_id, point)
            for element_id, element in evidence.elements.items()
            for point in _points(ed.standard, element_id, element)
            if point.open_at(stage) or any(r.stage == stage.value for r in point.reviews)
        ],
    )
