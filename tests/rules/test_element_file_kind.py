"""An element file is a regular file."""

from __future__ import annotations

from cse_cli.rules import element_file_kind


def test_a_regular_file_passes() -> None:
    assert element_file_kind.check("evidence/", "1.1.1.yaml", "file", None) is None


def test_a_folder_named_like_an_element_file_is_an_error() -> None:
    problem = element_file_kind.check("evidence/", "1.1.1.yaml", "dir", None)
    assert (
        str(problem)
        == "evidence/1.1.1.yaml:0:0: error: 1.1.1.yaml is a folder, not an element file"
    )


def test_anything_else_says_why_the_tree_refused_it() -> None:
    problem = element_file_kind.check("evidence/", "1.1.1.yaml", "other", "is not a regular file")
    assert str(problem) == "evidence/1.1.1.yaml:0:0: error: 1.1.1.yaml is not a regular file"
