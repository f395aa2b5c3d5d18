"""The surveillance reviews: the list of the cycle's two, and each review file as a form.

`reviews/surveillance-1.yaml` and `-2.yaml` hold what Sections 2 and 3 of the
assessor's record ask for; every key is a field (`fields.review_form`), the
documents requested being cse.yaml's list (else the standard's). A review with
no file gets one when its form is first saved: its schema line, then the values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.reviews import Review
from cse_cli.core.stages import REVIEWS, Stage
from cse_cli.serve.editor import editor
from cse_cli.serve.fields import review_form
from cse_cli.serve.formpage import Asked, page, post
from cse_cli.serve.forms import Target

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from cse_cli.core.evidence import Evidence
    from cse_cli.serve.editor import Editor
    from cse_cli.serve.formpage import Render, Shown
    from cse_cli.serve.formstate import FormState


def _file(stage: Stage) -> str:
    return f"reviews/{stage.value}.yaml"


def target(ed: Editor, stage: Stage) -> Target:
    """The file a review's form edits, and what it must be read as."""
    from cse_cli.io.scaffold_text import review_text

    evidence = ed.repository.current().evidence
    rel = evidence.review_files.get(stage, _file(stage))
    criteria = [(c.number, c.title) for c in ed.standard.criteria]
    key = (id(ed.standard), tuple((d.key, d.title) for d in evidence.requested))
    form = ed.made(("review-form", *key), lambda: review_form(evidence.requested, criteria))

    def taken(found: Evidence) -> bool:
        return stage in found.reviews and found.review_files.get(stage) == rel

    fresh = review_text(ed.standard.called(stage.value)).encode("utf-8")
    return Target(rel, form, Review, fresh, taken)


def _stage(request: Request) -> Stage | None:
    try:
        stage = Stage(request.path_params["stage"])
    except ValueError:
        return None
    return stage if stage in REVIEWS else None


async def reviews_page(request: Request) -> Response:
    """The surveillance reviews of the cycle, each with its file's state."""
    ed = editor(request)
    evidence = ed.repository.current().evidence
    listed = [
        (stage, ed.standard.called(stage.value), evidence.reviews.get(stage), _file(stage))
        for stage in REVIEWS
    ]
    return ed.pages.render(request, "reviews.html.j2", reviews=listed, cycle=evidence.config.cycle)


async def review_page(request: Request) -> Response:
    """One surveillance review file as a form; a new file when it has none yet."""
    ed = editor(request)
    stage = _stage(request)
    if stage is None:
        return ed.pages.render(request, "missing.html.j2", 404, what="review")
    return await page(Asked(request, target(ed, stage), _render(stage), f"/reviews/{stage.value}"))


async def review_post(request: Request) -> Response:
    """A review's form sent: a button of the form done, or the file saved."""
    ed = editor(request)
    stage = _stage(request)
    if stage is None:
        return ed.pages.render(request, "missing.html.j2", 404, what="review")
    return await post(Asked(request, target(ed, stage), _render(stage), f"/reviews/{stage.value}"))


def _render(stage: Stage) -> Render:
    """How the review's page shows its form."""

    async def render(
        request: Request,
        state: FormState | None,  # noqa: ARG001 - the page shows the form from `shown`
        shown: Shown,
        status: int,
    ) -> Response:
        from cse_cli.serve.bodies import MAX_UPLOAD_BYTES
        from cse_cli.views.points import point_view

        ed = editor(request)
        evidence = ed.repository.current().evidence
        found = target(ed, stage)
        points = [
            (element_id, view)
            for element_id, element in evidence.elements.items()
            for view in (point_view(ed.standard, element_id, p) for p in element.development_points)
            if view.open_at(stage) or any(r.stage == stage.value for r in view.reviews)
        ]
        return ed.pages.render(
            request,
            "review.html.j2",
            status,
            stage=stage,
            called=ed.standard.called(stage.value),
            file=found.rel,
            form=found.form,
            shown=shown,
            placed=shown.at_fields(),
            saved=request.query_params.get("saved", "") if request.method == "GET" else "",
            requested=evidence.requested,
            points=points,
            limit=MAX_UPLOAD_BYTES,
        )

    return render
