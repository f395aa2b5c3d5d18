"""Every version of a folder's files git's history holds, by content hash, within limits."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cse_cli.io import blob_history
from cse_cli.io.blob_history import folder_versions
from cse_cli.io.yaml_edit import content_hash
from tests.helpers import commit_all, git, git_state, init_git

if TYPE_CHECKING:
    from pathlib import Path


def _repository(tmp_path: Path) -> Path:
    top = init_git(tmp_path / "top")
    evidence = top / "cse" / "evidence"
    evidence.mkdir(parents=True)
    (evidence / "1.1.1.yaml").write_bytes(b"one\n")
    (top / "outside.yaml").write_bytes(b"outside\n")
    commit_all(top, "first")
    (evidence / "1.1.1.yaml").write_bytes(b"two\n")
    commit_all(top, "second")
    git(top, "switch", "-q", "-c", "other")
    (evidence / "1.1.2.yaml").write_bytes(b"on a branch\n")
    commit_all(top, "a branch")
    git(top, "switch", "-q", "main")
    (evidence / "1.1.1.yaml").write_bytes(b"not committed\n")
    return top


def test_every_version_on_every_branch_and_nothing_else(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    before = git_state(top)
    found = folder_versions(top / "cse", "evidence")
    assert found is not None
    assert found.hashes == {content_hash(b) for b in (b"one\n", b"two\n", b"on a branch\n")}
    assert found.complete
    assert git_state(top) == before  # the working tree and the index untouched


def test_the_versions_read_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    top = _repository(tmp_path)
    monkeypatch.setattr(blob_history, "MAX_BLOBS", 1)
    found = folder_versions(top / "cse", "evidence")
    assert found is not None
    assert (len(found.hashes), found.complete) == (1, False)


def test_a_folder_outside_git_has_no_history(tmp_path: Path) -> None:
    (tmp_path / "evidence").mkdir()
    assert folder_versions(tmp_path, "evidence") is None
