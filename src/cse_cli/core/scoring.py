"""The scoring rules, as pure functions: ratings and rules in, results out.

A criterion is met, as the certification body applies the rules, when it has
no non-compliance, no unrated element and no more partial compliances than the
standard's table allows. The table is 80% of each criterion rounded to the
nearest whole element, so it can allow what a strict 80% would not (criterion
4: 3 partials of 13 leave 76.9%); a met criterion below the strict share gets a
note saying so. When cse.yaml asks for it (`rules: strict_share: true`, or an
explicit `min_compliant_share`), the share is a rule as well. The standard is
met when every criterion is. The result is indicative: the certification body
decides.
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
    share_is_rule: bool = False
    """Whether the minimum share is a rule (cse.yaml asked for it) or only a note."""
    notes: tuple[str, ...] = ()
    """Where a met criterion is below the strict share, which the table allows."""

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
            "notes": list(self.notes),
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


def rules_sentence(share_is_rule: bool, min_compliant_share: float) -> str:
    """The rules a criterion must meet, as a clause: 'no non-compliance, …'."""
    rules = "no non-compliance, no unrated element and no more partial compliances than its maximum"
    if share_is_rule:
        return (
            f"{rules.replace(' and no more', ', no more')}, and at least "
            f"{min_compliant_share:.0%} of its elements at full compliance or compliance plus"
        )
    return rules


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
    rules = evidence.config.rules
    return score(
        standard,
        ratings_at(evidence.elements, stage),
        stage,
        rules.min_compliant_share,
        strict_share=rules.strict_share,
    )


def score(
    standard: Standard,
    ratings: Mapping[str, Rating | None],
    stage: Stage,
    min_compliant_share: float | None = None,
    *,
    strict_share: bool = False,
) -> Verdict:
    """Score every criterion; elements missing from `ratings` are unrated.

    The share is a rule only when asked for: `strict_share`, or an explicit
    `min_compliant_share`; otherwise it only notes where the table allows less.
    """
    share = standard.rules.min_compliant_share if min_compliant_share is None else (
        min_compliant_share
    )  # fmt: skip
    share_is_rule = strict_share or min_compliant_share is not None
    return Verdict(
        stage=stage,
        criteria=tuple(
            score_criterion(criterion, ratings, share, stage, share_is_rule=share_is_rule)
            for criterion in standard.criteria
        ),
    )


def score_criterion(
    criterion: Criterion,
    ratings: Mapping[str, Rating | None],
    min_compliant_share: float,
    stage: Stage = Stage.LATEST,
    *,
    share_is_rule: bool = True,
) -> CriterionResult:
    """Score one criterion against the table's rules, and the share when it is a rule."""
    listed = tuple((element.id, ratings.get(element.id)) for element in criterion.elements)
    by_rating: dict[Rating | None, list[str]] = {}
    for element_id, rating in listed:
        by_rating.setdefault(rating, []).append(element_id)
    count = {rating: len(by_rating.get(rating, [])) for rating in (*Rating, None)}
    total = len(listed)
    compliant = count[Rating.FULL] + count[Rating.COMPLIANCE_PLUS]
    needed = compliant_needed(min_compliant_share, total)
    reasons = _reasons(criterion, by_rating, stage)
    shown = f"{compliant} of {total} elements ({compliant / total:.1%}) at full" if total else ""
    notes: tuple[str, ...] = ()
    if compliant < needed and share_is_rule:
        reasons.append(
            f"share: {shown} compliance or compliance plus, "
            f"below the minimum of {min_compliant_share * 100:g}%"
        )
    elif compliant < needed and not reasons:
        note = (
            f"share: {shown} compliance or compliance plus, below a strict "
            f"{min_compliant_share * 100:g}%; met, as the partials table the assessor applies "
            f"allows {plural(criterion.max_partials, 'partial')}"
        )
        notes = (note,)
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
        share_is_rule=share_is_rule,
        notes=notes,
    )


def _reasons(
    criterion: Criterion, by_rating: Mapping[Rating | None, list[str]], stage: Stage
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
    return reasons


def _list(ids: list[str], limit: int = 6) -> str:
    if len(ids) <= limit:
        return ", ".join(ids)
    return ", ".join(ids[:limit]) + f" and {len(ids) - limit} more"
