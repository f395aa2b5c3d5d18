"""Git revisions that cannot be read are said so, in git's words (§7); link cost bounded (§3)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from cse_cli.io.limits import MAX_LINK_BYTES
from tests.helpers import element_yaml, run, write_repo


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@e.org", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def _repo(tmp_path: Path) -> Path:
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": element_yaml("1.1.1")})
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "first")
    return root


def test_a_corrupt_tree_at_base_is_not_an_empty_revision(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    tree = _git(root, "rev-parse", "HEAD:evidence")
    (root / ".git" / "objects" / tree[:2] / tree[2:]).unlink()
    result = run("diff", "HEAD", "--path", str(root))
    assert result.exit_code == 2
    assert result.stderr.startswith("cse: error: git cannot read the files at ")
    assert len(result.stderr.splitlines()) == 1
    assert "missing" not in result.stdout
    assert result.stdout == ""


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_repository_of_dubious_ownership_is_not_called_no_repository(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    os.chown(root, 12345, 12345)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run(
        ["cse", "diff", "HEAD", "--path", str(root)],
        capture_output=True,
        text=True,
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
        text=True,
        check=True,
    ).stdout.strip()
    _git(root, "update-index", "--add", "--cacheinfo", f"120000,{blob},documents/long")
    (root / "evidence" / "1.1.1.yaml").write_text(
        element_yaml("1.1.1", evidence="[{title: T, path: documents/long}]")
    )
    _git(root, "add", "evidence")
    _git(root, "commit", "-qm", "long link")
    result = run("diff", "HEAD~1", "HEAD", "--path", str(root))
    assert "path 'documents/long' is too long a name for a file" in result.stdout
