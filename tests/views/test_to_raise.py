"""What it takes to meet a criterion: `to_raise`, against a brute force over every subset."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from cse_cli.core.ratings import Rating
from cse_cli.core.scoring import score_criterion
from cse_cli.core.standard import Criterion, StandardElement, SubCriterion
from cse_cli.views.to_raise import to_raise, to_raise_criterion

F, P, NC, CP = Rating.FULL, Rating.PARTIAL, Rating.NON_COMPLIANCE, Rating.COMPLIANCE_PLUS

# to_raise: one row per way a criterion can fail, and their mixtures --------------

# Columns: total, compliant, partial, non-compliance, unrated, max partials, share, expected.
CASES = {
    "met": (11, 9, 2, 0, 0, 2, 0.8, 0),
    "met-all-full": (12, 12, 0, 0, 0, 2, 0.8, 0),
    "exactly-80-percent-of-10-is-met": (10, 8, 2, 0, 0, 2, 0.8, 0),
    "share-only-bolton-criterion-4": (13, 10, 3, 0, 0, 3, 0.8, 1),
    "share-only-three-short": (12, 7, 5, 0, 0, 5, 0.8, 3),
    "partials-only": (20, 17, 3, 0, 0, 2, 0.8, 1),
    "partials-and-share-overlap-bolton-criterion-5": (10, 7, 3, 0, 0, 2, 0.8, 1),
    "partials-outweigh-share": (10, 5, 5, 0, 0, 1, 0.5, 4),
    "share-outweighs-partials": (11, 4, 7, 0, 0, 5, 0.8, 5),
    "one-non-compliance": (11, 10, 0, 1, 0, 2, 0.8, 1),
    "non-compliance-and-partials-over": (11, 7, 3, 1, 0, 2, 0.8, 2),
    "non-compliance-within-share": (20, 19, 0, 1, 0, 2, 0.5, 1),
    "one-unrated": (11, 10, 0, 0, 1, 2, 0.8, 1),
    "all-unrated": (10, 0, 0, 0, 10, 2, 0.8, 10),
    "every-rule-fails-share-decides": (13, 6, 4, 1, 2, 3, 0.8, 5),
    "every-rule-fails-rules-decide": (13, 5, 6, 1, 1, 2, 0.6, 6),
    "custom-share-90-percent": (13, 11, 2, 0, 0, 3, 0.9, 1),
    "share-of-100-percent": (10, 8, 2, 0, 0, 2, 1.0, 2),
    "no-partials-allowed": (10, 9, 1, 0, 0, 0, 0.8, 1),
}


@pytest.mark.parametrize(
    ("total", "compliant", "partial", "nc", "unrated", "max_partials", "share", "expected"),
    list(CASES.values()),
    ids=list(CASES),
)
def test_to_raise(
    total: int,
    compliant: int,
    partial: int,
    nc: int,
    unrated: int,
    max_partials: int,
    share: float,
    expected: int,
) -> None:
    assert compliant + partial + nc + unrated == total
    got = to_raise(
        total=total,
        compliant=compliant,
        partial=partial,
        non_compliance=nc,
        unrated=unrated,
        max_partials=max_partials,
        min_compliant_share=share,
    )
    assert got == expected
    assert got == _brute_force(
        [F] * compliant + [P] * partial + [NC] * nc + [None] * unrated, max_partials, share
    )


def _criterion(size: int, max_partials: int) -> Criterion:
    elements = [StandardElement(id=f"1.1.{i + 1}", text="wording") for i in range(size)]
    sub = SubCriterion(id="1.1", title="Sub", elements=elements)
    return Criterion(number=1, title="Test", max_partials=max_partials, sub_criteria=[sub])


def _brute_force(ratings: list[Rating | None], max_partials: int, share: float) -> int:
    """The fewest elements raised to full that make `score_criterion` say met."""
    criterion = _criterion(len(ratings), max_partials)
    ids = [e.id for e in criterion.elements]
    below = [i for i, r in zip(ids, ratings, strict=True) if r is None or not r.compliant]
    for size in range(len(below) + 1):
        for raised in itertools.combinations(below, size):
            trial = {i: (F if i in raised else r) for i, r in zip(ids, ratings, strict=True)}
            if score_criterion(criterion, trial, share).met:
                return size
    raise AssertionError("raising every element must meet the criterion")


@settings(max_examples=300, deadline=None)
@given(
    ratings=st.lists(st.sampled_from([CP, F, P, NC, None]), min_size=1, max_size=8),
    max_partials=st.integers(0, 3),
    share=st.sampled_from([0.5, 0.6, 0.75, 0.8, 0.9, 1.0]),
)
def test_to_raise_is_the_minimum_over_every_subset(
    ratings: list[Rating | None], max_partials: int, share: float
) -> None:
    criterion = _criterion(len(ratings), max_partials)
    result = score_criterion(
        criterion, dict(zip([e.id for e in criterion.elements], ratings, strict=True)), share
    )
    got = to_raise_criterion(result)
    event("already met" if result.met else "something to raise")
    assert got == _brute_force(ratings, max_partials, share)
    assert (got == 0) == result.met
