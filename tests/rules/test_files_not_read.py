"""What looks like element files that cse will not read is named in a warning."""

from __future__ import annotations

from cse_cli.rules import files_not_read


def test_an_element_file_named_in_capitals_is_a_warning() -> None:
    problem = files_not_read.check("evidence/", "1.1.1.YAML", None)
    assert str(problem) == (
        "evidence/1.1.1.YAML:0:0: warning: 1.1.1.YAML is not read: name element files "
        "NAME.yaml or NAME.yml, in lower case"
    )


def test_a_folder_of_element_files_is_a_warning_and_one_of_other_files_is_not() -> None:
    problem = files_not_read.check("evidence/", "old", lambda: ["1.1.1.yml", "notes.txt"])
    assert str(problem) == (
        "evidence/old:0:0: warning: old is a folder: cse does not read the element files in it"
    )
    assert files_not_read.check("evidence/", "scans", lambda: ["a.pdf"]) is None


def test_other_files_pass_and_a_file_is_never_listed() -> None:
    def never() -> list[str]:
        raise AssertionError

    assert files_not_read.check("evidence/", "README.md", None) is None
    assert files_not_read.check("evidence/", "1.1.1.YAML", never) is not None
