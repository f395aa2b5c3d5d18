"""A category after a review needs that review's date."""

from __future__ import annotations

from cse_cli.rules import cycle_categories
from tests.helpers import located, rule_config, said


def _check(text: str) -> list[str]:
    doc = located(text, "cse.yaml")
    cycle_categories.check(doc, rule_config(text))
    return said(doc)


def test_a_category_after_an_undated_surveillance_is_an_error_at_it() -> None:
    text = "organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n  category:\n"
    text += "    final: High\n    surveillance_1: Low\n    surveillance_2: High\n"
    assert _check(text) == [
        "cse.yaml:7:21: error: cycle category surveillance_2: a category after the second "
        "surveillance, but cycle has no surveillance_2 date"
    ]


def test_a_category_after_the_final_assessment_needs_no_surveillance() -> None:
    assert _check("organisation: T\ncycle:\n  category:\n    final: High\n") == []
