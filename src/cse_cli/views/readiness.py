"""Getting ready for a surveillance: the view model of `cse gap --review`.

What the assessor will ask for and what is missing: the requested documents not
yet pointed at, or whose evidence is older than the review before; the open
development points with no response for this review; the elements whose
evidence is stale; and the days left until the review. Pure: evidence in, a
`Readiness` out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.stages import Stage
from cse_cli.views.points import point_view

if TYPE_CHECKING:
    from cse_cli.core.config import RequestedDocument
    from cse_cli.core.evidence import Evidence
    from cse_cli.core.reviews import Review
    from cse_cli.core.standard import Standard
    from cse_cli.views.gap import Gap


@dataclass(frozen=True)
class DocumentState:
    """A requested document and what stands in the way of sending it."""

    key: str
    title: str
    problem: str | None
    """None when it is ready; else why not: 'not pointed at', 'dated … before …'."""
    date: dt.date | None
    received: dt.date | None


@dataclass(frozen=True)
class PointDue:
    """An open development point with no response for this review yet."""

    element: str
    point: str
    source: str


@dataclass(frozen=True)
class Readiness:
    """Everything `cse gap --review` shows."""

    organisation: str
    review: Stage
    review_called: str
    """The review in a sentence: 'the first surveillance' (standard/cycle.yaml)."""
    review_date: dt.date | None
    since: dt.date | None
    """The review before (the visit, or the first surveillance): documents must be newer."""
    as_of: dt.date
    days_left: int | None
    documents: tuple[DocumentState, ...]
    points_due: tuple[PointDue, ...]
    stale_elements: tuple[str, ...]
    """Elements whose newest dated evidence is older than `stale_after_months`."""

    @property
    def missing(self) -> int:
        """How many things are missing: documents, responses and stale elements."""
        not_ready = sum(1 for d in self.documents if d.problem is not None)
        return not_ready + len(self.points_due) + len(self.stale_elements)


def build_readiness(standard: Standard, evidence: Evidence, gap: Gap, review: Stage) -> Readiness:
    """What the assessor will ask for at `review`, and what is missing, as of `gap.as_of`."""
    reviewed = evidence.reviews.get(review)
    review_date = reviewed.date if reviewed is not None else evidence.config.cycle.date(review)
    since = _since(evidence, review)
    return Readiness(
        organisation=evidence.config.organisation,
        review=review,
        review_called=standard.called(review.value),
        review_date=review_date,
        since=since,
        as_of=gap.as_of,
        days_left=(review_date - gap.as_of).days if review_date is not None else None,
        documents=tuple(
            _document(requested, reviewed, evidence, since) for requested in evidence.requested
        ),
        points_due=_points_due(standard, evidence, review),
        stale_elements=_stale_elements(standard, evidence, gap.stale_before),
    )


def _since(evidence: Evidence, review: Stage) -> dt.date | None:
    """The day of the review before `review`: the visit, or the first surveillance."""
    cycle = evidence.config.cycle
    if review is Stage.SURVEILLANCE_2:
        previous = evidence.reviews.get(Stage.SURVEILLANCE_1)
        return previous.date if previous is not None else cycle.surveillance_1
    return cycle.visit or cycle.desk_top_review


def _document(
    requested: RequestedDocument, reviewed: Review | None, evidence: Evidence, since: dt.date | None
) -> DocumentState:
    """A requested document: pointed at or not, and dated after the review before or not."""
    document = reviewed.documents.get(requested.key) if reviewed is not None else None
    received = document.received if document is not None else None
    if document is None or not (document.path or document.url or document.ref):
        return DocumentState(requested.key, requested.title, "not pointed at yet", None, received)
    item = evidence.defined.get(document.ref) if document.ref is not None else None
    date = document.date or (item.date if item is not None else None)
    problem = None
    if since is not None and date is not None and date < since:
        problem = f"dated {date}, before the last review ({since})"
    return DocumentState(requested.key, requested.title, problem, date, received)


def _points_due(standard: Standard, evidence: Evidence, review: Stage) -> tuple[PointDue, ...]:
    """Open development points with no response for `review` (none raised at it)."""
    due = []
    for element_id, element in evidence.elements.items():
        for point in element.development_points:
            view = point_view(standard, element_id, point)
            answered = point.reviews.get(review.value)
            raised_here = point.raised_at == review.value
            if view.open_at(review) and not raised_here and not (answered and answered.response):
                due.append(PointDue(element_id, point.point, view.source))
    order = {element: index for index, element in enumerate(standard.element_ids())}
    return tuple(sorted(due, key=lambda p: (order.get(p.element, 0), p.point)))


def _stale_elements(
    standard: Standard, evidence: Evidence, stale_before: dt.date
) -> tuple[str, ...]:
    """Elements whose newest dated evidence is older than `stale_before`."""
    stale = []
    for element_id in standard.element_ids():
        found = evidence.elements.get(element_id)
        dates = [i.date for i in evidence.resolved_items(found) if i.date] if found else []
        if dates and max(dates) < stale_before:
            stale.append(element_id)
    return tuple(stale)
