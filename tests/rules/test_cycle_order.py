"""The cycle's dates must come in order."""

from __future__ import annotations

import datetime as dt

from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.rules import cycle_order
from tests.helpers import located, rule_config, said

KEYS = ("desk_top_review", "visit", "surveillance_1", "surveillance_2", "reassessment")


def _config(dates: dict[str, dt.date]) -> str:
    lines = [f"  {key}: {day.isoformat()}" for key, day in dates.items()]
    return "organisation: Test\ncycle:\n" + "\n".join(lines) + "\n"


def _check(text: str) -> list[str]:
    doc = located(text, "cse.yaml")
    cycle_order.check(doc, rule_config(text))
    return said(doc)


def test_dates_in_order_pass() -> None:
    days = [dt.date(2026, 3, 9), dt.date(2026, 3, 9), dt.date(2027, 3, 10)]
    assert _check(_config(dict(zip(KEYS, days, strict=False)))) == []


def test_a_date_before_the_one_before_is_an_error_at_it() -> None:
    text = _config({"visit": dt.date(2026, 3, 11), "surveillance_1": dt.date(2026, 1, 1)})
    assert _check(text) == [
        "cse.yaml:4:19: error: cycle surveillance_1: 2026-01-01 is before the visit "
        "(2026-03-11): the cycle's reviews come in order"
    ]


def test_two_reviews_on_one_day_is_an_error_but_the_visit_may_follow_the_same_day() -> None:
    text = _config({"surveillance_1": dt.date(2026, 2, 1), "surveillance_2": dt.date(2026, 2, 1)})
    assert _check(text) == [
        "cse.yaml:4:19: error: cycle surveillance_2: 2026-02-01 is the same day as the first "
        "surveillance (2026-02-01): the cycle's reviews come in order"
    ]


@given(st.lists(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), min_size=2, max_size=5))
def test_an_error_for_each_date_not_after_the_one_before(days: list[dt.date]) -> None:
    dates = dict(zip(KEYS, days, strict=False))
    named = list(dates.items())
    wrong = [
        key
        for (key, day), (_, before) in zip(named[1:], named, strict=False)
        if day < before or (day == before and key != "visit")
    ]
    event(f"{len(wrong)} out of order")
    problems = _check(_config(dates))
    assert [p.split("cycle ")[1].split(":")[0] for p in problems] == wrong
