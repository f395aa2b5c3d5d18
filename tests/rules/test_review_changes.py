"""A review's `changes:` are per criterion: criterion_1 to criterion_5."""

from __future__ import annotations

from cse_cli.core.reviews import Review
from cse_cli.core.stages import Stage
from cse_cli.rules import review_changes
from tests.helpers import located, review_context, said, validated


def test_a_change_that_names_no_criterion_is_an_error_at_its_key() -> None:
    text = "date: 2027-03-10\nchanges:\n  criterion_1: A report\n  criterion_6: More\n"
    doc = located(text, "reviews/surveillance-1.yaml")
    review_changes.check(doc, Stage.SURVEILLANCE_1, validated(doc, Review), review_context())
    assert said(doc) == [
        "reviews/surveillance-1.yaml:4:3: error: changes: 'criterion_6' is not a criterion: use "
        "criterion_1 to criterion_5 (did you mean 'criterion_5'?)"
    ]
