"""A review's categories agree with cse.yaml and with the review before."""

from __future__ import annotations

from cse_cli.core.reviews import Review
from cse_cli.core.stages import Stage
from cse_cli.rules import review_categories
from tests.helpers import located, review_context, rule_config, said, validated

CONFIG = (
    "organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n  surveillance_2: 2028-03-08\n"
    "  category:\n    final: High\n    surveillance_1: Low\n"
)


def _check(stage: Stage, text: str, earlier: dict[Stage, Review] | None = None) -> list[str]:
    doc = located(text, f"reviews/{stage.value}.yaml")
    context = review_context(config=rule_config(CONFIG), earlier=earlier)
    review_categories.check(doc, stage, validated(doc, Review), context)
    return said(doc)


def test_categories_that_disagree_with_cse_yaml_are_errors_at_their_keys() -> None:
    text = "date: 2027-03-10\ncategory_before: Low\ncategory_after: High\n"
    assert _check(Stage.SURVEILLANCE_1, text) == [
        "reviews/surveillance-1.yaml:2:18: error: category_before: Low, but cse.yaml's cycle "
        "category final says High",
        "reviews/surveillance-1.yaml:3:17: error: category_after: High, but cse.yaml's cycle "
        "category surveillance_1 is Low",
    ]


def test_the_second_follows_the_first_review_file_before_cse_yaml() -> None:
    first = located("date: 2027-03-10\ncategory_after: High\n", "reviews/surveillance-1.yaml")
    earlier = {Stage.SURVEILLANCE_1: validated(first, Review)}
    assert _check(Stage.SURVEILLANCE_2, "date: 2028-03-08\ncategory_before: Low\n", earlier) == [
        "reviews/surveillance-2.yaml:2:18: error: category_before: Low, but "
        "reviews/surveillance-1.yaml's category_after says High"
    ]
    assert _check(Stage.SURVEILLANCE_2, "date: 2028-03-08\ncategory_before: Low\n") == []
