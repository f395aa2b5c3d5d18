"""A surveillance comes after the assessment, the second after the first, on cse.yaml's date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.reviews import Review
from cse_cli.core.stages import Stage
from cse_cli.rules import review_dates
from tests.helpers import located, review_context, rule_config, said, validated

if TYPE_CHECKING:
    from collections.abc import Mapping

CYCLE = "organisation: T\ncycle:\n  visit: 2026-03-11\n  surveillance_1: 2027-03-10\n"


def _check(stage: Stage, date: str, earlier: Mapping[Stage, Review] | None = None) -> list[str]:
    doc = located(f"date: {date}\n", f"reviews/{stage.value}.yaml")
    context = review_context(config=rule_config(CYCLE), earlier=earlier)
    review_dates.check(doc, stage, validated(doc, Review), context)
    return said(doc)


def test_the_date_cse_yaml_gives_passes() -> None:
    assert _check(Stage.SURVEILLANCE_1, "2027-03-10") == []


def test_a_date_not_after_the_visit_and_not_cse_yamls_gives_both_errors_at_date() -> None:
    assert _check(Stage.SURVEILLANCE_1, "2026-03-11") == [
        "reviews/surveillance-1.yaml:1:7: error: date: 2026-03-11 is not after the assessment "
        "(2026-03-11): a surveillance follows it",
        "reviews/surveillance-1.yaml:1:7: error: date: 2026-03-11, but cse.yaml's cycle gives "
        "surveillance_1: 2027-03-10",
    ]


def test_the_second_comes_after_the_first_review_file_else_cse_yamls_date() -> None:
    first = located("date: 2027-06-01\n", "reviews/surveillance-1.yaml")
    earlier = {Stage.SURVEILLANCE_1: validated(first, Review)}
    words = "is not after the first surveillance"
    assert (
        f"2027-05-01 {words} (2027-06-01)" in _check(Stage.SURVEILLANCE_2, "2027-05-01", earlier)[0]
    )
    assert f"2027-03-10 {words} (2027-03-10)" in _check(Stage.SURVEILLANCE_2, "2027-03-10")[0]
    assert _check(Stage.SURVEILLANCE_2, "2028-03-08") == []
