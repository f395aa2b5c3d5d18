"""A second surveillance needs the first one's date."""

from __future__ import annotations

from cse_cli.rules import cycle_second_surveillance
from tests.helpers import located, rule_config, said


def _check(text: str) -> list[str]:
    doc = located(text, "cse.yaml")
    cycle_second_surveillance.check(doc, rule_config(text))
    return said(doc)


def test_a_second_without_a_first_is_an_error_at_the_second() -> None:
    assert _check(
        "organisation: T\ncycle:\n  visit: 2026-03-11\n  surveillance_2: 2028-03-08\n"
    ) == [
        "cse.yaml:4:19: error: cycle surveillance_2: a second surveillance needs the first "
        "one's date (surveillance_1) too"
    ]


def test_both_or_the_first_alone_pass() -> None:
    assert _check("organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n") == []
    both = "organisation: T\ncycle:\n  surveillance_1: 2027-03-10\n  surveillance_2: 2028-03-08\n"
    assert _check(both) == []
