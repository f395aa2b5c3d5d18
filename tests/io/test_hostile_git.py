"""Git revisions that cannot be read are said so, in git's words (§7); link cost bounded (§3)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cse_cli.io.limits import MAX_LINK_BYTES
from tests.helpers import commit_all, element_yaml, git, init_git, run, write_repo


def _repo(tmp_path: Path) -> Path:
    root = write_repo(init_git(tmp_path / "repo"), {"evidence/1.1.1.yaml": element_yaml("1.1.1")})
    commit_all(root, "first")
    return root


def test_a_corrupt_tree_at_base_is_not_an_empty_revision(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    tree = git(root, "rev-parse", "HEAD:evidence").strip()
    stored = root / ".git" / "objects" / tree[:2] / tree[2:]
    stored.chmod(0o644)  # git keeps its objects read-only, which Windows will not delete
    stored.unlink()
    result = run("diff", "HEAD", "--path", str(root))
    assert result.exit_code == 2
    assert result.stderr.startswith("cse: error: git cannot read the files at ")
    assert len(result.stderr.splitlines()) == 1
    assert "missing" not in result.stdout
    assert result.stdout == ""


@pytest.mark.skipif(
    getattr(os, "geteuid", lambda: None)() != 0,
    reason="only root can give a folder to another user (and Windows has no such owners)",
)
def test_a_repository_of_dubious_ownership_is_not_called_no_repository(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    os.chown(root, 12345, 12345)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run(  # the program, in a process of its own: git reads its environment
        [sys.executable, "-m", "cse_cli", "diff", "HEAD", "--path", str(root)],
        capture_output=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert "dubious ownership" in result.stderr
    assert "not in a git repository" not in result.stderr


def test_a_link_target_over_the_limit_is_not_followed(tmp_path: Path) -> None:
    """A link whose target is longer than any path is refused before git reads it."""
    root = _repo(tmp_path)
    target = "a/" * (MAX_LINK_BYTES // 2 + 1)
    blob = subprocess.run(
        ["git", "hash-object", "-w", "--stdin"],
        cwd=root,
        input=target,
        capture_output=True,
        encoding="utf-8",
        check=True,
    ).stdout.strip()
    git(root, "update-index", "--add", "--cacheinfo", f"120000,{blob},documents/long")
    (root / "evidence" / "1.1.1.yaml").write_text(
        element_yaml("1.1.1", evidence="[{title: T, path: documents/long}]"),
        encoding="utf-8",
        newline="",
    )
    git(root, "add", "evidence")
    git(root, "commit", "-qm", "long link")
    result = run("diff", "HEAD~1", "HEAD", "--path", str(root))
    assert "path 'documents/long' is too long a name for a file" in result.stdout
