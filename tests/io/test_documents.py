"""Loading the YAML files of a tree and validating each; with a memo, each distinct file once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.config import Config
from cse_cli.io.documents import Documents
from cse_cli.io.memo import Memo
from cse_cli.io.snapshot import SnapshotTree
from cse_cli.io.tree import DirTree
from tests.helpers import write_repo

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_a_file_that_cannot_be_loaded_gives_why(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/bad.yaml": "a: [\n"}, config=None)
    documents = Documents(DirTree(root))
    assert [str(p) for p in documents.load("cse.yaml").problems] == [
        "cse.yaml:0:0: error: cse.yaml is missing"
    ]
    doc, problems = documents.load("evidence/bad.yaml")
    assert doc is None
    assert [p.line for p in problems] == [2]


def test_with_a_memo_a_file_is_loaded_and_validated_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_repo(tmp_path / "repo", {}, config="organisation: T\nservices: [A, A]\nbogus: 1\n")
    tree = SnapshotTree(DirTree(root))
    documents = Documents(tree, (tree, Memo()))
    first = documents.load("cse.yaml").doc
    assert first is not None
    assert documents.validate(first, Config, "cse.yaml") is None
    monkeypatch.setattr("cse_cli.io.documents.load", None)  # loading again would fail
    monkeypatch.setattr("cse_cli.io.documents.validate", None)
    again = documents.load("cse.yaml").doc
    assert again is not None
    assert again.problems == []  # a copy: the first's problems stay its own
    assert documents.validate(again, Config, "cse.yaml") is None
    assert again.problems == first.problems
    assert [p.message for p in again.problems] == ["unknown key 'bogus'"]
