"""One file per element: the same element in two files is an error."""

from __future__ import annotations

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import element_twice
from tests.helpers import element_context, located, said, validated


def test_an_element_a_file_before_gives_is_an_error_naming_that_file() -> None:
    doc = located('element: "1.1.1"\n', "evidence/copy.yaml")
    context = element_context(elements={"1.1.1": "evidence/1.1.1.yaml"})
    assert not element_twice.check(doc, validated(doc, ElementFile), context)
    assert said(doc) == [
        "evidence/copy.yaml:1:10: error: element 1.1.1 is already given in "
        "evidence/1.1.1.yaml: one file per element"
    ]
    assert context.lookups.elements == [("1.1.1", "evidence/1.1.1.yaml")]


def test_the_first_file_to_give_an_element_counts_and_asks_once() -> None:
    doc = located('element: "1.1.1"\n')
    context = element_context(elements={"1.1.2": "evidence/1.1.2.yaml"})
    assert element_twice.check(doc, validated(doc, ElementFile), context)
    assert doc.problems == []
    assert context.lookups.elements == [("1.1.1", None)]
