"""The view model of `cse report --review`: Sections 2 and 3 of the assessor's record.

For one surveillance: the documents requested, with receipt; the development
points and their progress; the on-site plan; what changed per criterion; the
scoring changes since the first assessment, computed; the scoring table; and
the verdict. The headings are the assessor's, from standard/cycle.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.core.scoring import verdict_sentence
from cse_cli.core.stages import Stage
from cse_cli.views.points import PointView, point_view
from cse_cli.views.visit import VisitPlan, build_visit

if TYPE_CHECKING:
    from cse_cli.core.evidence import Evidence
    from cse_cli.core.reviews import CycleStandard, DocumentSent, PlanVisit, Review
    from cse_cli.core.scoring import CriterionResult, Verdict
    from cse_cli.core.standard import Standard


@dataclass(frozen=True)
class DocumentRow:
    """A requested document: what it is, where it is, and whether receipt was confirmed."""

    title: str
    evidence: str
    """The evidence it points at, in words: 'file documents/x.md', 'evidence AT-1: title'."""
    url: str | None
    received: str


@dataclass(frozen=True)
class PlanRow:
    """A session of the on-site plan."""

    when: str
    people: tuple[str, ...]
    issues: tuple[str, ...]


@dataclass(frozen=True)
class ScoringChange:
    """An element whose rating at this review differs from the first assessment's."""

    element: str
    before: str
    after: str


@dataclass(frozen=True)
class ScoringRow:
    """A criterion in the scoring table of the assessor's record."""

    number: int
    title: str
    elements: int
    max_partials: int
    partials: int
    last: int
    """Compliance plus at the first surveillance; non-compliances at the second."""
    met: bool


@dataclass(frozen=True)
class ReviewReport:
    """Everything a surveillance report shows."""

    organisation: str
    reference: str | None
    assessment_type: str
    title: str
    stage: Stage
    facts: tuple[tuple[str, str], ...]
    documents: tuple[DocumentRow, ...]
    points: tuple[PointView, ...]
    plan: tuple[PlanRow, ...]
    visit: VisitPlan | None
    """The on-site evidence by person and place, for a review on site (or not said) that has
    any to plan."""
    changes_question: str
    changes: tuple[tuple[str, str], ...]
    progress_question: str
    scoring_question: str
    scoring_changes: tuple[ScoringChange, ...]
    last_column: str
    scoring: tuple[ScoringRow, ...]
    verdict: str
    met: bool
    notes: tuple[str, ...]
    summary: str | None


def build_review_report(
    standard: Standard,
    evidence: Evidence,
    verdict: Verdict,
    cycle_standard: CycleStandard,
    generated: dt.datetime | None = None,
) -> ReviewReport:
    """The surveillance report of `verdict.stage` (a surveillance with a review file).

    `generated`, when given, is shown among the facts, as the full report shows it.
    """
    stage = verdict.stage
    review = evidence.reviews.get(stage)
    if review is None:
        raise CseError(
            f"reviews/{stage.value}.yaml does not exist: write the review file first "
            "(date:, documents:…; see the README's Surveillance reviews)"
        )
    headings = cycle_standard.reviews[stage.value]
    config = evidence.config
    return ReviewReport(
        organisation=config.organisation,
        reference=config.reference,
        assessment_type=(
            "Initial assessment" if config.cycle.assessment_type == "initial" else "Reassessment"
        ),
        title=headings.title,
        stage=stage,
        facts=_facts(review, config.assessor, generated),
        documents=tuple(
            _document(r.title, review.documents.get(r.key), evidence) for r in evidence.requested
        ),
        points=_points(standard, evidence, stage),
        plan=tuple(_session(p) for p in review.plan),
        visit=_visit(standard, evidence, review.date) if review.on_site is not False else None,
        changes_question=headings.changes,
        changes=_changes(standard, review),
        progress_question=headings.progress,
        scoring_question=headings.scoring,
        scoring_changes=_scoring_changes(standard, evidence, stage),
        last_column=headings.last_column,
        scoring=tuple(_scoring_row(c, stage) for c in verdict.criteria),
        verdict=verdict_sentence(verdict),
        met=verdict.met,
        notes=tuple(f"Criterion {c.number}: {n}" for c in verdict.criteria for n in c.notes),
        summary=review.summary,
    )


def _visit(standard: Standard, evidence: Evidence, day: dt.date) -> VisitPlan | None:
    """The planning view of the on-site evidence for the review's visit `day`, if there is any."""
    plan = build_visit(standard, evidence)
    return replace(plan, visit=day) if plan.items else None


def _facts(
    review: Review, assessor: str | None, generated: dt.datetime | None
) -> tuple[tuple[str, str], ...]:
    """The review's facts, as far as they are given: date, assessor, days, visit, categories."""
    facts = [("Date", review.date.isoformat())]
    if review.assessor or assessor:
        facts.append(("Assessor", review.assessor or assessor or ""))
    if review.days is not None:
        facts.append(("Number of days", f"{review.days:g}"))
    if review.on_site is not None:
        facts.append(("Visit", "on site" if review.on_site else "off site"))
    for label, category in (
        ("Surveillance category before", review.category_before),
        ("Surveillance category after", review.category_after),
    ):
        if category is not None:
            facts.append((label, category))
    if generated is not None:
        facts.append(("Generated", generated.strftime("%Y-%m-%d %H:%M %Z")))
    return tuple(facts)


def _points(standard: Standard, evidence: Evidence, stage: Stage) -> tuple[PointView, ...]:
    """The development points open at the review, as they stood then, in the standard's order."""
    return tuple(
        view
        for element_id in standard.element_ids()
        if element_id in evidence.elements
        for point in evidence.elements[element_id].development_points
        if (view := point_view(standard, element_id, point).as_at(stage)) is not None
        and view.open_at(stage)
    )


def _session(session: PlanVisit) -> PlanRow:
    """A session of the on-site plan: when, whom to see, what to explore."""
    day = session.date.isoformat()
    when = f"{day} {session.time}" if session.time else day
    return PlanRow(when, tuple(session.people), tuple(session.issues))


def _changes(standard: Standard, review: Review) -> tuple[tuple[str, str], ...]:
    """What changed per criterion, as the review says (or that it records no change)."""
    return tuple(
        (
            f"Criterion {c.number} {c.title}",
            review.changes.get(f"criterion_{c.number}", "No change recorded."),
        )
        for c in sorted(standard.criteria, key=lambda c: c.number)
    )


def _scoring_row(result: CriterionResult, stage: Stage) -> ScoringRow:
    """A criterion in the scoring table, as the assessor's record has it.

    Its last column counts compliance plus at the first surveillance, and
    non-compliances at the second.
    """
    last = result.compliance_plus if stage is Stage.SURVEILLANCE_1 else result.non_compliance
    return ScoringRow(
        result.number,
        result.title,
        result.elements,
        result.max_partials,
        result.partial,
        last,
        result.met,
    )


def _document(title: str, sent: DocumentSent | None, evidence: Evidence) -> DocumentRow:
    if sent is None:
        return DocumentRow(title, "not given", None, "not confirmed")
    parts = ["web page"] if sent.url is not None and sent.ref is None and sent.path is None else []
    if sent.ref is not None:
        item = evidence.defined.get(sent.ref)
        parts.append(f"evidence {sent.ref}" + (f": {item.title}" if item and item.title else ""))
    if sent.path is not None:
        parts.append(f"file {sent.path}")
    if sent.date is not None:
        parts.append(f"dated {sent.date.isoformat()}")
    received = sent.received.isoformat() if sent.received else "not confirmed"
    return DocumentRow(title, "; ".join(parts), sent.url, received)


def _scoring_changes(
    standard: Standard, evidence: Evidence, stage: Stage
) -> tuple[ScoringChange, ...]:
    changes = []
    for element_id in standard.element_ids():
        element = evidence.elements.get(element_id)
        if element is None:
            continue
        before, after = element.rating(Stage.FINAL), element.rating(stage)
        if before != after:
            changes.append(
                ScoringChange(
                    element_id,
                    before.label if before else "not rated",
                    after.label if after else "not rated",
                )
            )
    return tuple(changes)
