"""The evidence folder holds element files, each a regular file, and no unread look-alike."""

from __future__ import annotations

from cse_cli.rules import evidence_folder

# regular ------------------------------------------------------------


def test_a_regular_file_passes() -> None:
    assert evidence_folder.regular("evidence/", "1.1.1.yaml", "file", None) is None


def test_a_folder_named_like_an_element_file_is_an_error() -> None:
    problem = evidence_folder.regular("evidence/", "1.1.1.yaml", "dir", None)
    assert (
        str(problem)
        == "evidence/1.1.1.yaml:0:0: error: 1.1.1.yaml is a folder, not an element file"
    )


def test_anything_else_says_why_the_tree_refused_it() -> None:
    problem = evidence_folder.regular("evidence/", "1.1.1.yaml", "other", "is not a regular file")
    assert str(problem) == "evidence/1.1.1.yaml:0:0: error: 1.1.1.yaml is not a regular file"


# not_read ------------------------------------------------------------


def test_an_element_file_named_in_capitals_is_a_warning() -> None:
    problem = evidence_folder.not_read("evidence/", "1.1.1.YAML", None)
    assert str(problem) == (
        "evidence/1.1.1.YAML:0:0: warning: 1.1.1.YAML is not read: name element files "
        "NAME.yaml or NAME.yml, in lower case"
    )


def test_a_folder_of_element_files_is_a_warning_and_one_of_other_files_is_not() -> None:
    problem = evidence_folder.not_read("evidence/", "old", lambda: ["1.1.1.yml", "notes.txt"])
    assert str(problem) == (
        "evidence/old:0:0: warning: old is a folder: cse does not read the element files in it"
    )
    assert evidence_folder.not_read("evidence/", "scans", lambda: ["a.pdf"]) is None


def test_other_files_pass_and_a_file_is_never_listed() -> None:
    def never() -> list[str]:
        raise AssertionError

    assert evidence_folder.not_read("evidence/", "README.md", None) is None
    assert evidence_folder.not_read("evidence/", "1.1.1.YAML", never) is not None
