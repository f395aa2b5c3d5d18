"""A development point names only reviews that are in the cycle."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import point_reviews
from tests.helpers import element_context, located, rule_config, said, validated

POINTS = (
    'element: "1.1.1"\ndevelopment_points:\n  - A plain open point\n'
    "  - point: Publish complaints\n    addressed_at: surveillance-2\n"
    "    reviews:\n      surveillance-1:\n        response: Done\n"
    "      surveillance-2:\n        update: Seen\n"
)


def test_a_review_the_cycle_does_not_date_is_an_error_at_its_key_or_value() -> None:
    doc = located(POINTS)  # the config dates the first surveillance only
    assert point_reviews.check(doc, validated(doc, ElementFile), element_context())
    words = "is not a review in this cycle (cse.yaml's cycle has surveillance-1)"
    assert sorted(said(doc)) == [
        f"evidence/1.1.1.yaml:5:19: error: development point 2: 'surveillance-2' {words}",
        f"evidence/1.1.1.yaml:9:7: error: development point 2: 'surveillance-2' {words}",
    ]


def test_a_cycle_with_no_surveillance_says_so() -> None:
    doc = located(POINTS)
    config = rule_config("organisation: Test\n")
    assert point_reviews.check(doc, validated(doc, ElementFile), element_context(config=config))
    assert said(doc)[0].endswith("(cse.yaml's cycle gives no surveillance date)")
    assert len(doc.problems) == 3


def test_every_review_dated_passes() -> None:
    doc = located(POINTS)
    config = rule_config(
        "organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n  surveillance_2: 2028-03-08\n"
    )
    assert point_reviews.check(doc, validated(doc, ElementFile), element_context(config=config))
    assert doc.problems == []
