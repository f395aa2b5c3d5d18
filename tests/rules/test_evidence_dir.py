"""`evidence_dir` is a folder of its own inside the repository."""

from __future__ import annotations

import pytest

from cse_cli.rules import evidence_dir
from tests.helpers import located, said


@pytest.mark.parametrize(
    ("cleaned", "why"),
    [
        (None, "is outside the repository"),
        (".", "is the repository's root: element files go in a folder of their own"),
        ("evid\x1bence", "holds a control or invisible character: rename the folder"),
        ("evidence", None),
        ("a/b", None),
    ],
)
def test_why_a_folder_is_refused(cleaned: str | None, why: str | None) -> None:
    assert evidence_dir.refusal(cleaned) == why


def test_the_error_is_at_the_key_or_at_the_start_when_it_is_the_default() -> None:
    doc = located("organisation: T\nevidence_dir: ../x\n", "cse.yaml")
    evidence_dir.check(doc, "../x", "is outside the repository")
    default = located("organisation: T\n", "cse.yaml")
    evidence_dir.check(default, "evidence", "is a file, not a folder")
    assert said(doc) + said(default) == [
        "cse.yaml:2:15: error: evidence_dir '../x' is outside the repository",
        "cse.yaml:1:1: error: evidence_dir 'evidence' is a file, not a folder",
    ]
