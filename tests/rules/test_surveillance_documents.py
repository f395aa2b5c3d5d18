"""A document requested before a surveillance is listed once."""

from __future__ import annotations

from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.rules import surveillance_documents
from tests.helpers import located, rule_config, said


def _check(keys: list[str]) -> list[str]:
    lines = [f"  - key: {key}\n    title: The {key}\n" for key in keys]
    text = "organisation: Test\nsurveillance_documents:\n" + "".join(lines)
    doc = located(text, "cse.yaml")
    surveillance_documents.check(doc, rule_config(text))
    return said(doc)


def test_a_key_given_again_is_an_error_naming_the_line_of_the_first() -> None:
    assert _check(["minutes", "complaints", "minutes"]) == [
        "cse.yaml:7:10: error: surveillance_documents: 'minutes' is already given at line 3: "
        "list each document once"
    ]


def test_no_list_or_distinct_keys_pass() -> None:
    text = "organisation: Test\n"
    doc = located(text, "cse.yaml")
    surveillance_documents.check(doc, rule_config(text))
    assert doc.problems == []
    assert _check(["minutes", "complaints"]) == []


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=8))
def test_one_error_for_each_key_given_again(keys: list[str]) -> None:
    again = len(keys) - len(set(keys))
    event(f"{again} given again")
    assert len(_check(keys)) == again
