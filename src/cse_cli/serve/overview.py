"""The overview and criterion pages: the verdict, what to fix first, and each element's state.

Every number comes from the views `cse check`, `cse gap` and `cse gap --review`
print: the verdict from scoring, the lists and "to raise" from `build_gap`, the
plan for a criterion from `cse gap`'s own wording, the readiness from
`build_readiness`, the chart from the report's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cse_cli.core.problems import CseError, has_errors
from cse_cli.core.scoring import INDICATIVE, score_evidence, verdict_sentence
from cse_cli.core.stages import RECORDED, REVIEWS, Stage
from cse_cli.serve.editor import chosen_stage, editor, problem_links, today

if TYPE_CHECKING:
    import datetime as dt

    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.ratings import Rating
    from cse_cli.core.standard import Standard
    from cse_cli.serve.editor import Editor
    from cse_cli.views.gap import Gap
    from cse_cli.views.readiness import Readiness


async def overview(request: Request) -> Response:
    """The whole picture at a stage: verdict, chart, what to fix first, lists, review, changes."""
    from cse_cli.serve.state import head_commit

    ed = editor(request)
    reading = ed.repository.current()
    stage, stage_error = chosen_stage(request)
    head = ed.git.answer("head", lambda: head_commit(ed.repository.root))
    day = today()
    shown = ed.made(
        ("overview", reading.generation, head, stage, day),
        lambda: _overview(ed, reading.evidence, stage, day),
    )
    return ed.pages.render(request, "overview.html.j2", stage_error=stage_error, **shown)


def _overview(ed: Editor, evidence: Evidence, stage: Stage, day: dt.date) -> dict[str, Any]:
    """What the overview shows at `stage`, as of `day`."""
    from cse_cli.render.gap import plan
    from cse_cli.render.report_chart import chart
    from cse_cli.serve.changes import uncommitted
    from cse_cli.views.gap import build_gap, closest_first

    verdict = score_evidence(ed.standard, evidence, stage)
    gap = build_gap(ed.standard, evidence, verdict, as_of=day)
    failed = closest_first(gap.criteria)
    return {
        "stage": stage,
        "stages": list(Stage),
        "stage_words": ed.standard.words(stage.value),
        "valid": not has_errors(evidence.problems),
        "verdict": verdict,
        "sentence": verdict_sentence(verdict),
        "indicative": INDICATIVE,
        "chart": chart(verdict.criteria),
        "gap": gap,
        "fix_first": [(c, plan(c)) for c in failed],
        "readiness": _readiness(ed.standard, evidence, gap),
        "changes": uncommitted(ed, evidence, stage),
        "problems": problem_links(evidence, ed.standard),
    }


def _readiness(standard: Standard, evidence: Evidence, gap: Gap) -> Readiness | None:
    """`cse gap --review` for the next review of the cycle: the first not yet past."""
    from cse_cli.views.readiness import build_readiness

    day = today()
    for review in REVIEWS:
        reviewed = evidence.reviews.get(review)
        date = reviewed.date if reviewed is not None else evidence.config.cycle.date(review)
        if date is None or date >= day:
            return build_readiness(standard, evidence, gap, review)
    return None


@dataclass(frozen=True)
class ElementRow:
    """One element on its criterion's page."""

    id: str
    text: str
    ratings: tuple[tuple[Stage, Rating | None, bool], ...]
    """At each recorded stage: the rating that counts, and whether it was carried forward."""
    owner: str | None
    items: int
    newest: dt.date | None
    open_points: int
    readable: bool
    """False when its file has errors (its problems are on its page)."""


async def criterion(request: Request) -> Response:
    """A criterion's elements, each with its ratings, owner, items, newest date and open points.

    `?service=` and `?owner=` narrow the list as `cse gap --service --owner` narrows
    its lists (`cse_cli.views.narrowing`), and an unknown name is refused with its words.
    """
    from cse_cli.views.narrowing import narrowed, services

    ed = editor(request)
    number = request.path_params["number"]
    found = next((c for c in ed.standard.criteria if c.number == number), None)
    if found is None:
        return ed.pages.render(request, "missing.html.j2", 404, what="criterion")
    evidence = ed.repository.current().evidence
    items = {element_id: evidence.resolved_items(e) for element_id, e in evidence.elements.items()}
    on_site = {
        element_id: evidence.resolved_on_site(e) for element_id, e in evidence.elements.items()
    }
    service = request.query_params.get("service") or None
    owner = request.query_params.get("owner") or None
    error = None
    try:
        service, owner, listed = narrowed(evidence, items, service, owner, on_site)
    except CseError as exc:
        error = str(exc)
        service, owner, listed = narrowed(evidence, items, None, None, on_site)
    rows = [_row(evidence, e.id, e.text) for e in found.elements if listed(e.id)]
    return ed.pages.render(
        request,
        "criterion.html.j2",
        criterion=found,
        rows=rows,
        stages=RECORDED,
        service=service,
        owner=owner,
        services=services(evidence, items, on_site),
        owners=sorted({e.owner for e in evidence.elements.values() if e.owner}),
        error=error,
    )


def _row(evidence: Evidence, element_id: str, text: str) -> ElementRow:
    element = evidence.elements.get(element_id)
    if element is None:
        return ElementRow(
            element_id, text, (), None, 0, None, 0, element_id not in _broken(evidence)
        )
    items = evidence.resolved_items(element)
    dates = [item.date for item in items if item.date is not None]
    return ElementRow(
        id=element_id,
        text=text,
        ratings=tuple(
            (stage, element.rating(stage), element.recorded(stage) is None) for stage in RECORDED
        ),
        owner=element.owner,
        items=len(items),
        newest=max(dates) if dates else None,
        open_points=sum(1 for point in element.development_points if point.status == "open"),
        readable=True,
    )


def _broken(evidence: Evidence) -> set[str]:
    """The elements whose file (named after them) has errors, so it was not read."""
    return {
        p.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        for p in evidence.problems
        if p.severity == "error"
    }
