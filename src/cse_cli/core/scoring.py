"""The scoring rules, as pure functions: ratings and rules in, results out.

A criterion is met when it has no non-compliance, no unrated element, no more
partial compliances than its maximum, and at least the minimum share of its
elements at full compliance or compliance plus. The standard is met when every
criterion is. Where the published partials table and the minimum share disagree
(criterion 4: 3 partials of 13 leave 76.9%), both rules apply and the reasons
say which one failed. The result is indicative: the certification body decides.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from cse_cli.core.ratings import Rating
from cse_cli.core.stages import Stage
from cse_cli.core.text import and_list, plural

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile, Evidence
    from cse_cli.core.standard import Criterion, Standard

INDICATIVE = "indicative: the certification body decides"


class CriterionResult(NamedTuple):
    """How one criterion scores at a stage."""

    number: int
    title: str
    elements: int
    compliance_plus: int
    full: int
    partial: int
    non_compliance: int
    unrated: int
    max_partials: int
    min_compliant_share: float
    compliant_share: float
    met: bool
    reasons: tuple[str, ...]
    ratings: tuple[tuple[str, Rating | None], ...]
    """Each element id with its rating at the stage, in the standard's order."""

    def as_json(self) -> dict[str, object]:
        """The criterion as the JSON object of the `check` contract."""
        return {
            "number": self.number,
            "title": self.title,
            "elements": self.elements,
            "compliance_plus": self.compliance_plus,
            "full": self.full,
            "partial": self.partial,
            "non_compliance": self.non_compliance,
            "unrated": self.unrated,
            "max_partials": self.max_partials,
            "compliant_share": round(self.compliant_share, 3),
            "met": self.met,
            "reasons": list(self.reasons),
        }


class Verdict(NamedTuple):
    """How the whole standard scores at a stage."""

    stage: Stage
    criteria: tuple[CriterionResult, ...]

    @property
    def met(self) -> bool:
        """Whether every criterion is met."""
        return all(criterion.met for criterion in self.criteria)

    @property
    def failed(self) -> tuple[int, ...]:
        """The numbers of the criteria not met."""
        return tuple(c.number for c in self.criteria if not c.met)


def falls_short(failed: tuple[int, ...]) -> str:
    """Which criteria fall short, as a sentence starts: 'criterion 4 falls short'."""
    numbers = and_list(str(number) for number in failed)
    return f"criterion {numbers} falls short" if len(failed) == 1 else (
        f"criteria {numbers} fall short"
    )  # fmt: skip


def verdict_sentence(verdict: Verdict) -> str:
    """The verdict in one sentence, as every text output gives it."""
    if verdict.met:
        return f"Met: every criterion meets the standard's rules ({INDICATIVE})."
    return f"Not met: {falls_short(verdict.failed)} ({INDICATIVE})."


def ratings_at(elements: Mapping[str, ElementFile], stage: Stage) -> dict[str, Rating | None]:
    """The rating of every element file at a stage."""
    return {element_id: element.rating(stage) for element_id, element in elements.items()}


def compliant_needed(min_compliant_share: float, total: int) -> int:
    """The fewest of `total` elements at full or compliance plus that reach the minimum share.

    Exact arithmetic: 0.8 of 10 is 8, not 8.000000000000002.
    """
    return math.ceil(Fraction(str(min_compliant_share)) * total)


def score_evidence(standard: Standard, evidence: Evidence, stage: Stage) -> Verdict:
    """Score a repository's evidence at a stage, with the rules its cse.yaml sets."""
    return score(
        standard,
        ratings_at(evidence.elements, stage),
        stage,
        evidence.config.rules.min_compliant_share,
    )


def score(
    standard: Standard,
    ratings: Mapping[str, Rating | None],
    stage: Stage,
    min_compliant_share: float | None = None,
) -> Verdict:
    """Score every criterion; elements missing from `ratings` are unrated."""
    share = standard.rules.min_compliant_share if min_compliant_share is None else (
        min_compliant_share
    )  # fmt: skip
    return Verdict(
        stage=stage,
        criteria=tuple(
            score_criterion(criterion, ratings, share, stage) for criterion in standard.criteria
        ),
    )


def score_criterion(
    criterion: Criterion,
    ratings: Mapping[str, Rating | None],
    min_compliant_share: float,
    stage: Stage = Stage.LATEST,
) -> CriterionResult:
    """Score one criterion against the four rules."""
    listed = tuple((element.id, ratings.get(element.id)) for element in criterion.elements)
    by_rating: dict[Rating | None, list[str]] = {}
    for element_id, rating in listed:
        by_rating.setdefault(rating, []).append(element_id)
    count = {rating: len(by_rating.get(rating, [])) for rating in (*Rating, None)}
    total = len(listed)
    compliant = count[Rating.FULL] + count[Rating.COMPLIANCE_PLUS]
    needed = compliant_needed(min_compliant_share, total)
    reasons = _reasons(
        criterion, by_rating, compliant=compliant, total=total, needed=needed,
        min_share=min_compliant_share, stage=stage,
    )  # fmt: skip
    return CriterionResult(
        number=criterion.number,
        title=criterion.title,
        elements=total,
        compliance_plus=count[Rating.COMPLIANCE_PLUS],
        full=count[Rating.FULL],
        partial=count[Rating.PARTIAL],
        non_compliance=count[Rating.NON_COMPLIANCE],
        unrated=count[None],
        max_partials=criterion.max_partials,
        min_compliant_share=min_compliant_share,
        compliant_share=compliant / total if total else 1.0,
        met=not reasons,
        reasons=tuple(reasons),
        ratings=listed,
    )


def _reasons(
    criterion: Criterion,
    by_rating: Mapping[Rating | None, list[str]],
    *,
    compliant: int,
    total: int,
    needed: int,
    min_share: float,
    stage: Stage,
) -> list[str]:
    reasons = []
    failing = by_rating.get(Rating.NON_COMPLIANCE, [])
    if failing:
        reasons.append(
            f"non-compliance: {plural(len(failing), 'element')} rated non-compliance "
            f"({', '.join(failing)}); none is allowed"
        )
    unrated = by_rating.get(None, [])
    if unrated:
        reasons.append(
            f"unrated: {plural(len(unrated), 'element')} with no rating at the {stage.value} stage "
            f"({_list(unrated)})"
        )
    partial = by_rating.get(Rating.PARTIAL, [])
    if len(partial) > criterion.max_partials:
        reasons.append(
            f"partials: {len(partial)} partial compliances ({', '.join(partial)}), "
            f"more than the maximum of {criterion.max_partials}"
        )
    if compliant < needed:
        reasons.append(
            f"share: {compliant} of {total} elements ({compliant / total:.1%}) at full "
            f"compliance or compliance plus, below the minimum of {min_share * 100:g}%"
        )
    return reasons


def _list(ids: list[str], limit: int = 6) -> str:
    if len(ids) <= limit:
        return ", ".join(ids)
    return ", ".join(ids[:limit]) + f" and {len(ids) - limit} more"
