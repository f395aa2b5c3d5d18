"""What stands between the organisation and the standard: the view model of `cse gap`.

Pure functions: validated evidence and a finished verdict in, a `Gap` out, no I/O.
The verdict (met, `to_raise`, reasons) always covers the whole organisation;
`--service` and `--owner` only narrow the lists, so each service lead sees their
own work against the one verdict.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.ratings import Rating
from cse_cli.views.gap_scope import ElementNote, Scope, gap_scope
from cse_cli.views.points import point_view
from cse_cli.views.to_raise import to_raise_criterion

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.scoring import CriterionResult, Verdict
    from cse_cli.core.stages import Stage
    from cse_cli.core.standard import Standard


@dataclass(frozen=True)
class ElementGap:
    """An element below full compliance at the stage, with what is open on it."""

    element: str
    text: str
    rating: Rating | None
    owner: str | None
    development_points: tuple[str, ...]


@dataclass(frozen=True)
class CriterionGap:
    """A criterion's verdict, what it takes to meet it, and its elements below full."""

    number: int
    title: str
    met: bool
    to_raise: int
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    """Where a met criterion is below the strict share, which the partials table allows."""
    must_raise: tuple[tuple[str, Rating | None], ...]
    """Non-compliant and unrated elements, with their rating: each must become full."""
    then_raise: int
    """How many of `partials` must also be raised."""
    partials: tuple[str, ...]
    elements: tuple[ElementGap, ...]


@dataclass(frozen=True)
class DatedItem:
    """An evidence item that is stale (dated) or cannot be checked (undated)."""

    element: str
    title: str
    date: dt.date | None


@dataclass(frozen=True)
class OpenPoint:
    """An open development point, with its element and when it was raised."""

    element: str
    point: str
    raised: dt.date | None
    by: str | None = None
    """assessor, organisation, or None when who wrote it is not recorded."""
    raised_at: str | None = None
    source: str = ""
    """Who wrote it, in words, with any inferred values (cse_cli.views.points)."""


@dataclass(frozen=True)
class Gap:
    """Everything `cse gap` shows, narrowed to a service or owner when asked."""

    organisation: str
    stage: Stage
    as_of: dt.date
    stale_after_months: int
    stale_before: dt.date
    service: str | None
    owner: str | None
    met: bool
    criteria: tuple[CriterionGap, ...]
    without_evidence: tuple[ElementNote, ...]
    """Elements with neither desk-top nor on-site evidence."""
    rests_on_visit: tuple[ElementNote, ...]
    """Elements with no desk-top evidence whose only support is what the visit will show."""
    unsupported: tuple[ElementNote, ...]
    unjustified_compliance_plus: tuple[ElementNote, ...]
    stale: tuple[DatedItem, ...]
    undated: tuple[DatedItem, ...]
    open_development_points: tuple[OpenPoint, ...]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the month's last day when it is shorter.

    A day before the first of January of the year 1 cannot be written: the
    earliest date is the answer then, before which nothing is dated.
    """
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def closest_first(criteria: Iterable[CriterionGap]) -> list[CriterionGap]:
    """The criteria not met, the closest to being met first: the fewest elements to raise."""
    return sorted((c for c in criteria if not c.met), key=lambda c: (c.to_raise, c.number))


def build_gap(
    standard: Standard,
    evidence: Evidence,
    verdict: Verdict,
    *,
    as_of: dt.date,
    service: str | None = None,
    owner: str | None = None,
) -> Gap:
    """The gap view model; raises CseError for a service or owner that names nothing."""
    scope = gap_scope(standard, evidence, verdict, service, owner)
    stale_before = months_before(as_of, evidence.config.stale_after_months)
    stale, undated = _dated_items(scope, stale_before)
    wording = {e.id: e.text for c in standard.criteria for e in c.elements}
    return Gap(
        organisation=evidence.config.organisation,
        stage=verdict.stage,
        as_of=as_of,
        stale_after_months=evidence.config.stale_after_months,
        stale_before=stale_before,
        service=scope.service,
        owner=scope.owner,
        met=verdict.met,
        criteria=tuple(_criterion_gap(c, scope, wording) for c in verdict.criteria),
        without_evidence=tuple(
            scope.note(e) for e in scope.order if scope.supported(e) == (False, False)
        ),
        rests_on_visit=tuple(
            scope.note(e) for e in scope.order if scope.supported(e) == (False, True)
        ),
        unsupported=_unsupported(scope),
        unjustified_compliance_plus=_unjustified(scope),
        stale=stale,
        undated=undated,
        open_development_points=_open_points(standard, scope),
    )


def _unsupported(scope: Scope) -> tuple[ElementNote, ...]:
    """Elements rated full or compliance plus with no evidence, desk-top or on site, for it."""
    return tuple(
        scope.note(e)
        for e in scope.order
        if scope.supported(e) == (False, False) and _compliant(scope.ratings[e])
    )


def _unjustified(scope: Scope) -> tuple[ElementNote, ...]:
    """Elements at compliance plus whose file gives no justification for it."""
    return tuple(
        scope.note(e)
        for e in scope.order
        if scope.ratings[e] is Rating.COMPLIANCE_PLUS
        and not (scope.elements[e].compliance_plus or "").strip()
    )


def _dated_items(
    scope: Scope, stale_before: dt.date
) -> tuple[tuple[DatedItem, ...], tuple[DatedItem, ...]]:
    """The stale items (oldest first within an element) and the undated ones.

    A cited item is listed once, under the element that defines it.
    """
    stale, undated = [], []
    for element_id in scope.order:
        element = scope.elements.get(element_id)
        for item in element.evidence if element else ():
            if item.ref is not None or scope.service not in {None, item.service}:
                continue
            dated = DatedItem(element_id, item.title or "", item.date)
            if item.date is None:
                undated.append(dated)
            elif item.date < stale_before:
                stale.append(dated)
    position = {element_id: index for index, element_id in enumerate(scope.order)}
    stale.sort(key=lambda i: (position[i.element], str(i.date), i.title))
    return tuple(stale), tuple(undated)


def _open_points(standard: Standard, scope: Scope) -> tuple[OpenPoint, ...]:
    """The open development points of the elements listed, in the standard's order."""
    return tuple(
        OpenPoint(e, p.point, p.raised, p.by, p.raised_at, point_view(standard, e, p).source)
        for e in scope.order
        for p in (scope.elements[e].development_points if e in scope.elements else ())
        if p.status == "open"
    )


def _criterion_gap(
    result: CriterionResult, scope: Scope, wording: Mapping[str, str]
) -> CriterionGap:
    """A criterion's verdict, what to raise, and its listed elements below full."""
    needed = to_raise_criterion(result)
    must = tuple((e, r) for e, r in result.ratings if r is None or r is Rating.NON_COMPLIANCE)
    return CriterionGap(
        number=result.number,
        title=result.title,
        met=result.met,
        to_raise=needed,
        reasons=result.reasons,
        notes=result.notes,
        must_raise=must,
        then_raise=max(0, needed - len(must)),
        partials=tuple(e for e, r in result.ratings if r is Rating.PARTIAL),
        elements=_below_full(result, scope, wording),
    )


def _below_full(
    result: CriterionResult, scope: Scope, wording: Mapping[str, str]
) -> tuple[ElementGap, ...]:
    """The criterion's listed elements below full compliance, each with its open points."""
    listed, below = set(scope.order), []
    for element_id, rating in result.ratings:
        if _compliant(rating) or element_id not in listed:
            continue
        element = scope.elements.get(element_id)
        points = (
            [p.point for p in element.development_points if p.status == "open"] if element else []
        )
        owner = element.owner if element else None
        below.append(ElementGap(element_id, wording[element_id], rating, owner, tuple(points)))
    return tuple(below)


def _compliant(rating: Rating | None) -> bool:
    return rating is not None and rating.compliant
