"""A surveillance is on site or off site as its category says."""

from __future__ import annotations

import pytest

from cse_cli.core.reviews import Review
from cse_cli.core.stages import Stage
from cse_cli.rules import review_on_site
from tests.helpers import located, review_context, rule_config, said, validated


def _check(stage: Stage, on_site: bool, category: str | None) -> list[str]:
    config = "organisation: T\n"
    if category is not None:
        config += (
            f"cycle:\n  surveillance_1: 2027-03-10\n  category:\n    surveillance_1: {category}\n"
        )
    text = f"date: 2028-03-08\non_site: {str(on_site).lower()}\n"
    doc = located(text, f"reviews/{stage.value}.yaml")
    context = review_context(config=rule_config(config))
    review_on_site.check(doc, stage, validated(doc, Review), context)
    return said(doc)


def test_the_first_surveillance_is_always_on_site() -> None:
    assert _check(Stage.SURVEILLANCE_1, False, None) == [
        "reviews/surveillance-1.yaml:2:10: error: on_site: false, but the first surveillance "
        "is always on site"
    ]


@pytest.mark.parametrize(
    ("on_site", "category", "wrong"),
    [(True, "High", False), (False, "Low", False), (False, "High", True), (True, "Low", True),
     (True, None, False), (False, None, False)],
)  # fmt: skip
def test_the_second_is_on_site_after_high_and_off_site_after_low(
    on_site: bool, category: str | None, wrong: bool
) -> None:
    problems = _check(Stage.SURVEILLANCE_2, on_site, category)
    assert bool(problems) == wrong
    if wrong:
        assert problems == [
            f"reviews/surveillance-2.yaml:2:10: error: on_site: {str(on_site).lower()}, but the "
            f"category after the first surveillance is {category} (cse.yaml's cycle category "
            "surveillance_1): a second surveillance is on site when it is High and off site "
            "when it is Low"
        ]
