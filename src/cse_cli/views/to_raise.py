"""What it takes to meet a criterion: the fewest elements to raise to full compliance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.scoring import compliant_needed

if TYPE_CHECKING:
    from cse_cli.core.scoring import CriterionResult


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
