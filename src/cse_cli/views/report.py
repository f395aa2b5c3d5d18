"""The view model of `cse report`, which `cse_cli.render.report` renders as Markdown or HTML.

Everything the templates show is decided here, sorted and formatted as text;
the templates hold only loops and conditions. The same evidence always gives the
same view: there is no timestamp unless one is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.evidence import ElementFile
from cse_cli.core.scoring import falls_short, rules_sentence
from cse_cli.core.stages import Stage
from cse_cli.io.tree import clean
from cse_cli.views.history import HistoryView, build_history, cycle_readings
from cse_cli.views.points import PointView, point_view
from cse_cli.views.to_raise import to_raise_criterion
from cse_cli.views.visit import OnSiteView, VisitPlan, build_visit, element_on_site

if TYPE_CHECKING:
    import datetime as dt

    from cse_cli.core.config import Cycle
    from cse_cli.core.evidence import Evidence, EvidenceItem
    from cse_cli.core.ratings import Rating
    from cse_cli.core.scoring import CriterionResult, Verdict
    from cse_cli.core.standard import Standard


@dataclass(frozen=True)
class RatingView:
    """A rating as a table cell: abbreviation, full label and a CSS class."""

    abbreviation: str
    label: str
    css: str


NOT_RATED = RatingView("–", "not rated", "unrated")  # noqa: RUF001 - an en dash, as printed
# An item marked `inferred: [title]`: its words, or where it begins and ends, are the
# transcriber's reading rather than the source's (other keys say "(service inferred)"…).
TITLE_INFERRED = "wording or grouping inferred"


@dataclass(frozen=True)
class ItemView:
    """One evidence item as listed in the desk-top evidence column."""

    title: str
    details: str
    """The service, the date, the file, the owner and notes, as far as they are given,
    each value marked `inferred:` saying so (and the title's, as TITLE_INFERRED)."""
    url: str | None
    path: str | None = None
    """The document it names, relative to the repository's root (normalised)."""


@dataclass(frozen=True)
class ElementView:
    """One row of the assessor's analysis table."""

    id: str
    text: str
    owner: str | None
    items: tuple[ItemView, ...]
    on_site: tuple[OnSiteView, ...]
    """What the assessor will hear or see at the visit, listed beside the desk-top evidence."""
    key_questions: tuple[str, ...]
    visit_evidence: str | None
    verified_on_site: bool
    self_assessment: RatingView
    desk_top: RatingView
    final: RatingView
    compliance_plus: str | None


@dataclass(frozen=True)
class SubCriterionView:
    """A sub-criterion and its elements."""

    id: str
    title: str
    elements: tuple[ElementView, ...]


@dataclass(frozen=True)
class CriterionView:
    """A criterion's score, its tables, justifications and development points."""

    result: CriterionResult
    share: str
    """The compliant share as the report writes it, such as 76.9%."""
    to_raise: int
    sub_criteria: tuple[SubCriterionView, ...]
    justifications: tuple[tuple[str, str], ...]
    development_points: tuple[PointView, ...]


@dataclass(frozen=True)
class ReportView:
    """Everything a report shows."""

    organisation: str
    reference: str | None
    assessor: str | None
    cycle: tuple[tuple[str, str], ...]
    standard: str
    stage: Stage
    stage_words: str
    min_share: str
    rules: str
    """The rules a criterion must meet, as a clause."""
    met: bool
    falls_short: str
    """Which criteria fall short, as a sentence: 'Criteria 4 and 5 fall short'."""
    criteria: tuple[CriterionView, ...]
    generated: str | None
    documents: str | None = None
    """Where the HTML report links each `path:` document (in a `cse pack`); None: not linked."""
    history: HistoryView | None = None
    """Each stage of the cycle, when more than one stage is rated."""
    visit: VisitPlan | None = None
    """The on-site evidence by person and place, when any element offers some."""


def build_view(
    standard: Standard,
    evidence: Evidence,
    verdict: Verdict,
    generated: dt.datetime | None = None,
) -> ReportView:
    """The report's view model: every value as the reader sees it, in a fixed order."""
    config = evidence.config
    results = {c.number: c for c in verdict.criteria}
    criteria = tuple(
        _criterion(criterion.number, results[criterion.number], standard, evidence)
        for criterion in standard.criteria
    )
    dates = config.cycle
    cycle = (
        ("Desk-top review", dates.desk_top_review),
        ("Assessment visit", dates.visit),
        ("First surveillance", dates.surveillance_1),
        ("Second surveillance", dates.surveillance_2),
        ("Reassessment", dates.reassessment),
        ("Next review", dates.next_review),
    )
    share = verdict.criteria[0].min_compliant_share if verdict.criteria else 0.0
    share_is_rule = any(c.share_is_rule for c in verdict.criteria)
    return ReportView(
        organisation=config.organisation,
        reference=config.reference,
        assessor=config.assessor,
        cycle=(
            *_kind(config.cycle),
            *((label, day.isoformat()) for label, day in cycle if day is not None),
            *_categories(config.cycle),
        ),
        standard=f"{standard.name}, {standard.edition}",
        stage=verdict.stage,
        stage_words=standard.words(verdict.stage.value),
        min_share=f"{share:.0%}",
        rules=rules_sentence(share_is_rule, share),
        met=verdict.met,
        falls_short=falls_short(verdict.failed).capitalize(),
        criteria=criteria,
        generated=generated.strftime("%Y-%m-%d %H:%M %Z") if generated is not None else None,
        history=_history(standard, evidence),
        visit=_visit(standard, evidence),
    )


def _kind(cycle: Cycle) -> tuple[tuple[str, str], ...]:
    """The assessment type, when cse.yaml gives it (it defaults to initial)."""
    if "assessment_type" not in cycle.model_fields_set:
        return ()
    words = "Initial assessment" if cycle.assessment_type == "initial" else "Reassessment"
    return (("Assessment", words),)


def _categories(cycle: Cycle) -> tuple[tuple[str, str], ...]:
    """The surveillance category after each review that has one."""
    after = (
        ("Surveillance category after the assessment", cycle.category.final),
        ("Surveillance category after the first surveillance", cycle.category.surveillance_1),
        ("Surveillance category after the second surveillance", cycle.category.surveillance_2),
    )
    return tuple((label, value) for label, value in after if value is not None)


def _history(standard: Standard, evidence: Evidence) -> HistoryView | None:
    """The stages of the cycle, leaving out the self-assessment, when two or more are rated."""
    readings = [r for r in cycle_readings(evidence) if r.stage is not Stage.SELF]
    if len(readings) < 2:  # noqa: PLR2004 - a history needs two points
        return None
    return build_history(standard, evidence.config.organisation, readings)


def _visit(standard: Standard, evidence: Evidence) -> VisitPlan | None:
    """The planning view of the visit, when there is any on-site evidence to plan."""
    plan = build_visit(standard, evidence)
    return plan if plan.items else None


def _criterion(
    number: int,
    result: CriterionResult,
    standard: Standard,
    evidence: Evidence,
) -> CriterionView:
    criterion = next(c for c in standard.criteria if c.number == number)
    subs = tuple(
        SubCriterionView(
            sub.id,
            sub.title,
            tuple(
                _element(e.id, e.text, evidence.elements.get(e.id), evidence) for e in sub.elements
            ),
        )
        for sub in criterion.sub_criteria
    )
    elements = [e for sub in subs for e in sub.elements]
    files = [evidence.elements[e.id] for e in criterion.elements if e.id in evidence.elements]
    points = tuple(point_view(standard, e.element, p) for e in files for p in e.development_points)
    return CriterionView(
        result=result,
        share=f"{result.compliant_share:.1%}",
        to_raise=to_raise_criterion(result),
        sub_criteria=subs,
        justifications=tuple((e.id, e.compliance_plus) for e in elements if e.compliance_plus),
        development_points=points,
    )


def _element(
    element_id: str, text: str, element: ElementFile | None, evidence: Evidence
) -> ElementView:
    if element is None:
        element = ElementFile(element=element_id)
    items = evidence.resolved_items(element)
    return ElementView(
        id=element_id,
        text=text,
        owner=element.owner,
        items=tuple(
            ItemView(i.title or i.ref or "", _details(i), i.url, clean(i.path) if i.path else None)
            for i in items
        ),
        on_site=element_on_site(evidence, element_id),
        key_questions=tuple(element.key_questions),
        visit_evidence=element.visit_evidence,
        verified_on_site=element.verified_on_site,
        self_assessment=_rating(element.self_assessment),
        desk_top=_rating(element.desk_top),
        final=_rating(element.final),
        compliance_plus=(element.compliance_plus or "").strip() or None,
    )


def _details(item: EvidenceItem) -> str:
    shown = {
        "service": item.service,
        "date": item.date.isoformat() if item.date else None,
        "path": f"file: {item.path}" if item.path else None,
        "owner": f"owner: {item.owner}" if item.owner else None,
        "notes": f"notes: {item.notes}" if item.notes else None,
    }
    parts = [
        f"{text} ({key} inferred)" if key in item.inferred else text
        for key, text in shown.items()
        if text
    ]
    if "title" in item.inferred:
        parts.append(TITLE_INFERRED)
    return ", ".join(parts)


def _rating(rating: Rating | None) -> RatingView:
    if rating is None:
        return NOT_RATED
    return RatingView(rating.abbreviation, rating.label, rating.value)
