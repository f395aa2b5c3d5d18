"""Compliance plus and the counts over time: the view model of `cse history`.

Each point is the repository at one stage of its cycle, or at one git revision:
its counts per criterion and in total, its verdict, and the compliance plus
elements retained, gained and lost since the point before, as organisations
report them ("retained our 12 compliance plus ratings and achieved two more").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.ratings import Rating
from cse_cli.core.scoring import score
from cse_cli.core.stages import RECORDED, Stage

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile, Evidence
    from cse_cli.core.scoring import CriterionResult, Verdict
    from cse_cli.core.standard import Standard


@dataclass(frozen=True)
class Counts:
    """Elements by rating."""

    compliance_plus: int
    full: int
    partial: int
    non_compliance: int
    unrated: int

    def as_json(self) -> dict[str, int]:
        """The counts as the JSON object of the `history` contract."""
        return {
            "compliance_plus": self.compliance_plus,
            "full": self.full,
            "partial": self.partial,
            "non_compliance": self.non_compliance,
            "unrated": self.unrated,
        }


@dataclass(frozen=True)
class CriterionPoint:
    """A criterion at one point: its counts and whether it is met."""

    number: int
    counts: Counts
    met: bool | None


@dataclass(frozen=True)
class Point:
    """The repository at one stage or revision."""

    label: str
    revision: str | None
    """The commit id; None for the working tree."""
    stage: Stage
    date: str | None
    met: bool | None
    """None when the evidence is invalid or absent there."""
    problem: str | None
    """Why there is no verdict: 'no cse.yaml at this revision', '3 errors'."""
    totals: Counts
    criteria: tuple[CriterionPoint, ...]
    retained: tuple[str, ...]
    gained: tuple[str, ...]
    lost: tuple[str, ...]


@dataclass(frozen=True)
class HistoryView:
    """Every point, oldest first."""

    organisation: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Reading:
    """One point to build: where it comes from, and the evidence there (None if absent)."""

    label: str
    revision: str | None
    stage: Stage
    date: str | None
    evidence: Evidence | None
    problem: str | None = None


def cycle_readings(evidence: Evidence) -> list[Reading]:
    """Each stage of the current cycle that has a rating, from the working tree."""
    readings = []
    for stage in RECORDED:
        if any(element.recorded(stage) is not None for element in evidence.elements.values()):
            day = evidence.config.cycle.date(stage)
            readings.append(
                Reading(stage.value, None, stage, day.isoformat() if day else None, evidence)
            )
    return readings


def build_history(standard: Standard, organisation: str, readings: list[Reading]) -> HistoryView:
    """The points in order, each with what changed in compliance plus since the one before."""
    points = []
    before: frozenset[str] = frozenset()
    empty = Counts(0, 0, 0, 0, len(standard.element_ids()))
    verdict_of = _Scorer(standard)
    summaries: dict[tuple[int, bool], _Summary] = {}
    changes: dict[tuple[frozenset[str], frozenset[str]], tuple[tuple[str, ...], ...]] = {}
    for reading in readings:
        evidence = reading.evidence
        if evidence is None:
            points.append(
                Point(reading.label, reading.revision, reading.stage, reading.date, None,
                      reading.problem or "no cse.yaml at this revision", empty, (), (), (), ())
            )  # fmt: skip
            continue
        verdict = verdict_of(evidence, reading.stage)
        errors = sum(1 for p in evidence.problems if p.severity == "error")
        problem = None if not errors else f"{errors} error{'s' if errors != 1 else ''}"
        summary = summaries.get((id(verdict), bool(errors)))
        if summary is None:  # the scorer keeps each verdict, so that id() stays its own
            summary = summaries[id(verdict), bool(errors)] = _summary(verdict, errors=bool(errors))
        plus = summary.plus
        if (before, plus) not in changes:
            order = standard.element_ids()
            changes[before, plus] = (
                tuple(e for e in order if e in plus and e in before),
                tuple(e for e in order if e in plus and e not in before),
                tuple(e for e in order if e in before and e not in plus),
            )
        retained, gained, lost = changes[before, plus]
        points.append(
            Point(
                label=reading.label,
                revision=reading.revision,
                stage=reading.stage,
                date=reading.date,
                met=summary.met,
                problem=problem,
                totals=summary.totals,
                criteria=summary.criteria,
                retained=retained,
                gained=gained,
                lost=lost,
            )
        )
        before = plus
    return HistoryView(organisation, tuple(points))


@dataclass(frozen=True)
class _Summary:
    """What a point shows of a verdict: the same for every point with that verdict."""

    met: bool | None
    totals: Counts
    criteria: tuple[CriterionPoint, ...]
    plus: frozenset[str]


def _summary(verdict: Verdict, *, errors: bool) -> _Summary:
    return _Summary(
        met=None if errors else verdict.met,
        totals=_total(verdict.criteria),
        criteria=tuple(
            CriterionPoint(c.number, _counts(c), None if errors else c.met)
            for c in verdict.criteria
        ),
        plus=frozenset(_compliance_plus(verdict)),
    )


class _Scorer:
    """`score_evidence`, once for each distinct set of ratings and rules.

    A range of a thousand commits holds far fewer distinct sets: most commits
    change evidence, not ratings. Only the element files that changed since the
    point before are rated again.
    """

    def __init__(self, standard: Standard) -> None:
        self.standard = standard
        self._last: tuple[dict[str, ElementFile], Stage, dict[str, Rating | None]] | None = None
        self._verdicts: dict[object, Verdict] = {}

    def __call__(self, evidence: Evidence, stage: Stage) -> Verdict:
        elements, last = evidence.elements, self._last
        if last is not None and last[1] is stage and last[0].keys() == elements.keys():
            was, _, ratings = last  # a commit changes a few element files: rate only those
            ratings = dict(ratings)
            for element_id, element in elements.items():
                if element is not was[element_id]:
                    ratings[element_id] = element.rating(stage)
        else:
            ratings = {element_id: e.rating(stage) for element_id, e in elements.items()}
        self._last = (elements, stage, ratings)
        rules = evidence.config.rules
        rated = (stage, rules.min_compliant_share, rules.strict_share, frozenset(ratings.items()))
        verdict = self._verdicts.get(rated)
        if verdict is None:
            verdict = self._verdicts[rated] = score(
                self.standard, ratings, stage, rules.min_compliant_share,
                strict_share=rules.strict_share,
            )  # fmt: skip
        return verdict


def _compliance_plus(verdict: Verdict) -> set[str]:
    return {
        element
        for criterion in verdict.criteria
        for element, rating in criterion.ratings
        if rating is Rating.COMPLIANCE_PLUS
    }


def _counts(c: CriterionResult) -> Counts:
    return Counts(c.compliance_plus, c.full, c.partial, c.non_compliance, c.unrated)


def _total(criteria: tuple[CriterionResult, ...]) -> Counts:
    return Counts(
        sum(c.compliance_plus for c in criteria),
        sum(c.full for c in criteria),
        sum(c.partial for c in criteria),
        sum(c.non_compliance for c in criteria),
        sum(c.unrated for c in criteria),
    )
