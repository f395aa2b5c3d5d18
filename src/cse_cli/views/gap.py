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

from cse_cli.core.problems import CseError
from cse_cli.core.ratings import Rating
from cse_cli.core.scoring import compliant_needed
from cse_cli.core.text import did_you_mean
from cse_cli.views.points import point_view

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.core.evidence import ElementFile, Evidence, EvidenceItem
    from cse_cli.core.scoring import CriterionResult, Verdict
    from cse_cli.core.stages import Stage
    from cse_cli.core.standard import Standard


def to_raise(
    *,
    total: int,
    compliant: int,
    partial: int,
    non_compliance: int,
    unrated: int,
    max_partials: int,
    min_compliant_share: float,
    share_is_rule: bool = True,
) -> int:
    """The fewest elements to raise to full compliance for a criterion to be met.

    Raising a below-full element to full never hurts a rule and helps each rule
    it touches, so the rules can be met separately and the answer is the larger
    of two needs: every non-compliance, every unrated element and the partials
    over the maximum must be raised; and enough below-full elements to reach the
    compliant share. Either set can be chosen to contain the other's, so no
    greater number is ever needed, and none smaller satisfies both. When the
    share is not a rule, only the first need counts.
    """
    for_share = max(0, compliant_needed(min_compliant_share, total) - compliant)
    if not share_is_rule:
        for_share = 0
    for_rules = non_compliance + unrated + max(0, partial - max_partials)
    return max(for_share, for_rules)


def to_raise_criterion(result: CriterionResult) -> int:
    """`to_raise` for a scored criterion."""
    return to_raise(
        total=result.elements,
        compliant=result.full + result.compliance_plus,
        partial=result.partial,
        non_compliance=result.non_compliance,
        unrated=result.unrated,
        max_partials=result.max_partials,
        min_compliant_share=result.min_compliant_share,
        share_is_rule=result.share_is_rule,
    )


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
class ElementNote:
    """An element named in one of the gap's lists, with its rating and owner."""

    element: str
    rating: Rating | None
    owner: str | None


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
    unsupported: tuple[ElementNote, ...]
    unjustified_compliance_plus: tuple[ElementNote, ...]
    stale: tuple[DatedItem, ...]
    undated: tuple[DatedItem, ...]
    open_development_points: tuple[OpenPoint, ...]


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the month's last day when it is shorter."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


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
    elements = evidence.elements
    items = {element_id: evidence.resolved_items(e) for element_id, e in elements.items()}
    service = _known_service(evidence, items, service)
    owner = _known_owner(elements, owner)

    def listed(element_id: str) -> bool:
        element = elements.get(element_id)
        if owner is not None and (element is None or not _same(element.owner, owner)):
            return False
        return service is None or any(i.service == service for i in items.get(element_id, ()))

    ratings = dict(c_rating for c in verdict.criteria for c_rating in c.ratings)
    order = [element_id for element_id in standard.element_ids() if listed(element_id)]
    position = {element_id: index for index, element_id in enumerate(order)}
    wording = {e.id: e.text for c in standard.criteria for e in c.elements}
    stale_before = months_before(as_of, evidence.config.stale_after_months)

    def note(element_id: str) -> ElementNote:
        element = elements.get(element_id)
        return ElementNote(element_id, ratings[element_id], element.owner if element else None)

    stale, undated = [], []
    for element_id in order:
        element = elements.get(element_id)
        for item in element.evidence if element else ():
            if item.ref is not None or (service is not None and item.service != service):
                continue  # a cited item is listed once, under the element that defines it
            dated = DatedItem(element_id, item.title or "", item.date)
            if item.date is None:
                undated.append(dated)
            elif item.date < stale_before:
                stale.append(dated)
    return Gap(
        organisation=evidence.config.organisation,
        stage=verdict.stage,
        as_of=as_of,
        stale_after_months=evidence.config.stale_after_months,
        stale_before=stale_before,
        service=service,
        owner=owner,
        met=verdict.met,
        criteria=tuple(_criterion_gap(c, elements, wording, set(order)) for c in verdict.criteria),
        without_evidence=tuple(note(e) for e in order if not items.get(e)),
        unsupported=tuple(note(e) for e in order if not items.get(e) and _compliant(ratings[e])),
        unjustified_compliance_plus=tuple(
            note(e)
            for e in order
            if ratings[e] is Rating.COMPLIANCE_PLUS
            and not (elements[e].compliance_plus or "").strip()
        ),
        stale=tuple(sorted(stale, key=lambda i: (position[i.element], str(i.date), i.title))),
        undated=tuple(undated),
        open_development_points=tuple(
            OpenPoint(
                e,
                point.point,
                point.raised,
                point.by,
                point.raised_at,
                point_view(standard, e, point).source,
            )
            for e in order
            for point in (elements[e].development_points if e in elements else ())
            if point.status == "open"
        ),
    )


def _criterion_gap(
    result: CriterionResult,
    elements: Mapping[str, ElementFile],
    wording: Mapping[str, str],
    listed: set[str],
) -> CriterionGap:
    needed = to_raise_criterion(result)
    must = tuple((e, r) for e, r in result.ratings if r is None or r is Rating.NON_COMPLIANCE)
    partials = tuple(e for e, r in result.ratings if r is Rating.PARTIAL)
    below = []
    for element_id, rating in result.ratings:
        if _compliant(rating) or element_id not in listed:
            continue
        element = elements.get(element_id)
        points = (
            [p.point for p in element.development_points if p.status == "open"] if element else []
        )
        below.append(
            ElementGap(
                element_id,
                wording[element_id],
                rating,
                element.owner if element else None,
                tuple(points),
            )
        )
    return CriterionGap(
        number=result.number,
        title=result.title,
        met=result.met,
        to_raise=needed,
        reasons=result.reasons,
        notes=result.notes,
        must_raise=must,
        then_raise=max(0, needed - len(must)),
        partials=partials,
        elements=tuple(below),
    )


def _compliant(rating: Rating | None) -> bool:
    return rating is not None and rating.compliant


def _same(written: str | None, wanted: str) -> bool:
    return written is not None and written.strip().casefold() == wanted.strip().casefold()


def _known_service(
    evidence: Evidence, items: Mapping[str, list[EvidenceItem]], service: str | None
) -> str | None:
    """The service as the evidence spells it; CseError when no evidence names it."""
    if service is None:
        return None
    used = {i.service for found in items.values() for i in found if i.service is not None}
    known = sorted(set(evidence.config.services) | used)
    match = next((name for name in known if _same(name, service)), None)
    if match is None:
        choices = f"the services are {', '.join(known)}" if known else "no item names a service"
        raise CseError(
            f"--service '{service}' names no service: {choices}{did_you_mean(service, known)}"
        )
    return match


def _known_owner(elements: Mapping[str, ElementFile], owner: str | None) -> str | None:
    """The owner as the evidence spells it; CseError when no element has that owner."""
    if owner is None:
        return None
    known = sorted({e.owner for e in elements.values() if e.owner})
    match = next((name for name in known if _same(name, owner)), None)
    if match is None:
        choices = f"the owners are {', '.join(known)}" if known else "no element names an owner"
        raise CseError(f"--owner '{owner}' owns no element: {choices}{did_you_mean(owner, known)}")
    return match
