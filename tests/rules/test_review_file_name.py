"""A review file is named for its surveillance: surveillance-1.yaml or surveillance-2.yaml."""

from __future__ import annotations

from cse_cli.core.stages import Stage
from cse_cli.rules import review_file_name
from tests.helpers import located, said


def test_each_surveillance_has_its_name() -> None:
    doc = located("date: 2027-03-10\n", "reviews/surveillance-2.yaml")
    assert review_file_name.check(doc, "surveillance-2.yaml") is Stage.SURVEILLANCE_2
    assert doc.problems == []


def test_another_name_is_an_error_with_a_suggestion() -> None:
    doc = located("date: 2027-03-10\n", "reviews/surveilance-1.yaml")
    assert review_file_name.check(doc, "surveilance-1.yaml") is None
    assert said(doc) == [
        "reviews/surveilance-1.yaml:1:1: error: surveilance-1.yaml is not a review file: name it "
        "surveillance-1.yaml or surveillance-2.yaml (did you mean 'surveillance-1.yaml'?)"
    ]
