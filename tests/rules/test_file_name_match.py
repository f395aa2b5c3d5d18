"""A file whose name does not match its element is a warning."""

from __future__ import annotations

import pytest

from cse_cli.core.evidence import ElementFile
from cse_cli.rules import file_name_match
from tests.helpers import element_context, located, said, validated


@pytest.mark.parametrize("file", ["evidence/1.1.3.yaml", "evidence/1.1.3.yml", "ev/1.1.3.yaml"])
def test_a_file_named_for_its_element_passes(file: str) -> None:
    doc = located('element: "1.1.3"\n', file)
    assert file_name_match.check(doc, validated(doc, ElementFile), element_context())
    assert doc.problems == []


def test_another_name_is_a_warning_that_says_the_right_one_and_still_counts() -> None:
    doc = located('element: "1.1.2"\n', "evidence/1.1.3.yaml")
    assert file_name_match.check(doc, validated(doc, ElementFile), element_context())
    assert said(doc) == [
        "evidence/1.1.3.yaml:1:10: warning: file name 1.1.3.yaml does not match element "
        "1.1.2: name it 1.1.2.yaml"
    ]
