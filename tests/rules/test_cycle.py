"""The assessment cycle: its dates in order, and only reviews it dates named or rated."""

from __future__ import annotations

import datetime as dt

from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import cycle
from tests.helpers import element_context, located, rule_config, said, validated

# in_order ------------------------------------------------------------

KEYS_IN_ORDER = ("desk_top_review", "visit", "surveillance_1", "surveillance_2", "reassessment")


def _config_in_order(dates: dict[str, dt.date]) -> str:
    lines = [f"  {key}: {day.isoformat()}" for key, day in dates.items()]
    return "organisation: Test\ncycle:\n" + "\n".join(lines) + "\n"


def _check_in_order(text: str) -> list[str]:
    doc = located(text, "cse.yaml")
    cycle.in_order(doc, rule_config(text))
    return said(doc)


def test_dates_in_order_pass() -> None:
    days = [dt.date(2026, 3, 9), dt.date(2026, 3, 9), dt.date(2027, 3, 10)]
    assert _check_in_order(_config_in_order(dict(zip(KEYS_IN_ORDER, days, strict=False)))) == []


def test_a_date_before_the_one_before_is_an_error_at_it() -> None:
    text = _config_in_order({"visit": dt.date(2026, 3, 11), "surveillance_1": dt.date(2026, 1, 1)})
    assert _check_in_order(text) == [
        "cse.yaml:4:19: error: cycle surveillance_1: 2026-01-01 is before the visit "
        "(2026-03-11): the cycle's reviews come in order"
    ]


def test_two_reviews_on_one_day_is_an_error_but_the_visit_may_follow_the_same_day() -> None:
    text = _config_in_order(
        {"surveillance_1": dt.date(2026, 2, 1), "surveillance_2": dt.date(2026, 2, 1)}
    )
    assert _check_in_order(text) == [
        "cse.yaml:4:19: error: cycle surveillance_2: 2026-02-01 is the same day as the first "
        "surveillance (2026-02-01): the cycle's reviews come in order"
    ]


@given(st.lists(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), min_size=2, max_size=5))
def test_an_error_for_each_date_not_after_the_one_before(days: list[dt.date]) -> None:
    dates = dict(zip(KEYS_IN_ORDER, days, strict=False))
    named = list(dates.items())
    wrong = [
        key
        for (key, day), (_, before) in zip(named[1:], named, strict=False)
        if day < before or (day == before and key != "visit")
    ]
    event(f"{len(wrong)} out of order")
    problems = _check_in_order(_config_in_order(dates))
    assert [p.split("cycle ")[1].split(":")[0] for p in problems] == wrong


# first_before_second ------------------------------------------------------------


def _check_first_before_second(text: str) -> list[str]:
    doc = located(text, "cse.yaml")
    cycle.first_before_second(doc, rule_config(text))
    return said(doc)


def test_a_second_without_a_first_is_an_error_at_the_second() -> None:
    assert _check_first_before_second(
        "organisation: T\ncycle:\n  visit: 2026-03-11\n  surveillance_2: 2028-03-08\n"
    ) == [
        "cse.yaml:4:19: error: cycle surveillance_2: a second surveillance needs the first "
        "one's date (surveillance_1) too"
    ]


def test_both_or_the_first_alone_pass() -> None:
    assert (
        _check_first_before_second("organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n") == []
    )
    both = "organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n  surveillance_2: 2028-03-08\n"
    assert _check_first_before_second(both) == []


# categories_dated ------------------------------------------------------------


def _check_categories_dated(text: str) -> list[str]:
    doc = located(text, "cse.yaml")
    cycle.categories_dated(doc, rule_config(text))
    return said(doc)


def test_a_category_after_an_undated_surveillance_is_an_error_at_it() -> None:
    text = "organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n  category:\n"
    text += "    final: High\n    surveillance_1: Low\n    surveillance_2: High\n"
    assert _check_categories_dated(text) == [
        "cse.yaml:7:21: error: cycle category surveillance_2: a category after the second "
        "surveillance, but cycle has no surveillance_2 date"
    ]


def test_a_category_after_the_final_assessment_needs_no_surveillance() -> None:
    assert _check_categories_dated("organisation: T\ncycle:\n  category:\n    final: High\n") == []


# ratings_dated ------------------------------------------------------------

ELEMENT_RATINGS_DATED = (
    'element: "1.1.1"\nfinal: partial\nsurveillance_1: full\nsurveillance_2: CP\n'
)


def test_a_rating_at_an_undated_surveillance_is_an_error_at_it() -> None:
    doc = located(ELEMENT_RATINGS_DATED)  # the config dates the first surveillance only
    assert cycle.ratings_dated(doc, validated(doc, ElementFile), element_context())
    assert said(doc) == [
        "evidence/1.1.1.yaml:4:17: error: surveillance_2: a rating at the second surveillance, "
        "but cse.yaml's cycle gives no surveillance_2 date: add it, or leave the rating out"
    ]


def test_without_a_valid_cse_yaml_there_is_no_cycle_to_check_against() -> None:
    doc = located(ELEMENT_RATINGS_DATED)
    context = element_context(cycle_known=False)
    assert cycle.ratings_dated(doc, validated(doc, ElementFile), context)
    assert doc.problems == []


# reviews_in_cycle ------------------------------------------------------------

POINTS_REVIEWS_IN_CYCLE = (
    'element: "1.1.1"\ndevelopment_points:\n  - A plain open point\n'
    "  - point: Publish complaints\n    addressed_at: surveillance-2\n"
    "    reviews:\n      surveillance-1:\n        response: Done\n"
    "      surveillance-2:\n        update: Seen\n"
)


def test_a_review_the_cycle_does_not_date_is_an_error_at_its_key_or_value() -> None:
    doc = located(POINTS_REVIEWS_IN_CYCLE)  # the config dates the first surveillance only
    assert cycle.reviews_in_cycle(doc, validated(doc, ElementFile), element_context())
    words = "is not a review in this cycle (cse.yaml's cycle has surveillance-1)"
    assert sorted(said(doc)) == [
        f"evidence/1.1.1.yaml:5:19: error: development point 2: 'surveillance-2' {words}",
        f"evidence/1.1.1.yaml:9:7: error: development point 2: 'surveillance-2' {words}",
    ]


def test_a_cycle_with_no_surveillance_says_so() -> None:
    doc = located(POINTS_REVIEWS_IN_CYCLE)
    config = rule_config("organisation: Test\n")
    assert cycle.reviews_in_cycle(doc, validated(doc, ElementFile), element_context(config=config))
    assert said(doc)[0].endswith("(cse.yaml's cycle gives no surveillance date)")
    assert len(doc.problems) == 3


def test_every_review_dated_passes() -> None:
    doc = located(POINTS_REVIEWS_IN_CYCLE)
    config = rule_config(
        "organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n  surveillance_2: 2028-03-08\n"
    )
    assert cycle.reviews_in_cycle(doc, validated(doc, ElementFile), element_context(config=config))
    assert doc.problems == []
