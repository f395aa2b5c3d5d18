"""An element file is one element of the standard's, given by one file, named for it."""

from __future__ import annotations

import pytest

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import element_file
from tests.helpers import element_context, located, said, validated

# known ------------------------------------------------------------


def _check_known(element: str) -> tuple[bool, list[str]]:
    doc = located(f'element: "{element}"\n', f"evidence/{element}.yaml")
    counts = element_file.known(doc, validated(doc, ElementFile), element_context())
    return counts, said(doc)


def test_an_element_of_the_standard_counts() -> None:
    assert _check_known("5.3.3") == (True, [])


def test_an_unknown_id_is_an_error_with_a_suggestion_and_counts_not() -> None:
    assert _check_known("1.1.9") == (
        False,
        ["evidence/1.1.9.yaml:1:10: error: unknown element '1.1.9' (did you mean '1.1.3'?)"],
    )


def test_an_id_far_from_any_has_no_suggestion() -> None:
    counts, problems = _check_known("criterion one")
    assert not counts
    assert problems == ["evidence/criterion one.yaml:1:10: error: unknown element 'criterion one'"]


# once ------------------------------------------------------------


def test_an_element_a_file_before_gives_is_an_error_naming_that_file() -> None:
    doc = located('element: "1.1.1"\n', "evidence/copy.yaml")
    context = element_context(elements={"1.1.1": "evidence/1.1.1.yaml"})
    assert not element_file.once(doc, validated(doc, ElementFile), context)
    assert said(doc) == [
        "evidence/copy.yaml:1:10: error: element 1.1.1 is already given in "
        "evidence/1.1.1.yaml: one file per element"
    ]
    assert context.lookups.elements == [("1.1.1", "evidence/1.1.1.yaml")]


def test_the_first_file_to_give_an_element_counts_and_asks_once() -> None:
    doc = located('element: "1.1.1"\n')
    context = element_context(elements={"1.1.2": "evidence/1.1.2.yaml"})
    assert element_file.once(doc, validated(doc, ElementFile), context)
    assert doc.problems == []
    assert context.lookups.elements == [("1.1.1", None)]


# named ------------------------------------------------------------


@pytest.mark.parametrize("file", ["evidence/1.1.3.yaml", "evidence/1.1.3.yml", "ev/1.1.3.yaml"])
def test_a_file_named_for_its_element_passes(file: str) -> None:
    doc = located('element: "1.1.3"\n', file)
    assert element_file.named(doc, validated(doc, ElementFile), element_context())
    assert doc.problems == []


def test_another_name_is_a_warning_that_says_the_right_one_and_still_counts() -> None:
    doc = located('element: "1.1.2"\n', "evidence/1.1.3.yaml")
    assert element_file.named(doc, validated(doc, ElementFile), element_context())
    assert said(doc) == [
        "evidence/1.1.3.yaml:1:10: warning: file name 1.1.3.yaml does not match element "
        "1.1.2: name it 1.1.2.yaml"
    ]
