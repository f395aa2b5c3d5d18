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
from cse_cli.core.scoring import score_evidence
from cse_cli.core.stages import RECORDED, Stage

if TYPE_CHECKING:
    from cse_cli.core.evidence import Evidence
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
    before: set[str] = set()
    empty = Counts(0, 0, 0, 0, len(standard.element_ids()))
    for reading in readings:
        evidence = reading.evidence
        if evidence is None:
            points.append(
                Point(reading.label, reading.revision, reading.stage, reading.date, None,
                      reading.problem or "no cse.yaml at this revision", empty, (), (), (), ())
            )  # fmt: skip
            continue
        verdict = score_evidence(standard, evidence, reading.stage)
        errors = sum(1 for p in evidence.problems if p.severity == "error")
        problem = None if not errors else f"{errors} error{'s' if errors != 1 else ''}"
        plus = _compliance_plus(verdict)
        order = standard.element_ids()
        points.append(
            Point(
                label=reading.label,
                revision=reading.revision,
                stage=reading.stage,
                date=reading.date,
                met=None if errors else verdict.met,
                problem=problem,
                totals=_total(verdict.criteria),
                criteria=tuple(
                    CriterionPoint(c.number, _counts(c), None if errors else c.met)
                    for c in verdict.criteria
                ),
                retained=tuple(e for e in order if e in plus and e in before),
                gained=tuple(e for e in order if e in plus and e not in before),
                lost=tuple(e for e in order if e in before and e not in plus),
            )
        )
        before = plus
    return HistoryView(organisation, tuple(points))


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
