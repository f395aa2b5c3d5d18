"""The pre-commit hooks of .pre-commit-hooks.yaml, run by pre-commit in a scratch repository.

pre-commit would install a `language: python` hook from the network, so the test
copies each hook's entry into a `repo: local` hook with `language: system`, the
offline form the hook file tells users about, and runs it with this environment's
`cse` first on PATH.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import PROJECT, SCRIPTS, commit_all, git, init_git, run

HOOKS = PROJECT / ".pre-commit-hooks.yaml"


def _hooks() -> list[dict[str, Any]]:
    hooks: list[dict[str, Any]] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return hooks


def _with_cse(root: Path) -> dict[str, str]:
    """The environment, with this Python's programs (its `cse`) first on PATH."""
    return {
        **os.environ,
        "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
    }


def _pre_commit(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = _with_cse(root)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=root, env=env, capture_output=True, encoding="utf-8", errors="replace", check=False,
    )  # fmt: skip


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A git repository with a fresh evidence repository and a local copy of the hooks."""
    root = init_git(tmp_path / "evidence-repo")
    assert run("init", str(root), "--organisation", "Scratch Council").exit_code == 0
    local = [{**hook, "language": "system"} for hook in _hooks()]
    local[1]["stages"] = ["manual"]  # the strict hook only when asked for, as users would
    config = {"repos": [{"repo": "local", "hooks": local}]}
    (root / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump(config, sort_keys=False), encoding="utf-8", newline=""
    )
    commit_all(root, "a new evidence repository")
    return root


def test_the_hook_file_is_a_valid_manifest() -> None:
    result = _pre_commit(PROJECT, "validate-manifest", str(HOOKS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert [hook["id"] for hook in _hooks()] == ["cse-check", "cse-check-met"]
    assert {hook["language"] for hook in _hooks()} == {"python"}


def test_cse_check_passes_valid_evidence_and_fails_a_broken_file(scratch: Path) -> None:
    valid = _pre_commit(scratch, "run", "cse-check", "--all-files")
    assert valid.returncode == 0, valid.stdout + valid.stderr
    assert "cse check (the evidence is valid)" in valid.stdout
    # valid, but unrated: the standard is not met, and only the strict hook says so
    unmet = _pre_commit(scratch, "run", "cse-check-met", "--all-files", "--hook-stage", "manual")
    assert unmet.returncode == 1
    assert "unrated: 11 elements with no rating at the latest stage" in unmet.stdout

    element = scratch / "evidence" / "1.1.1.yaml"
    element.write_text(
        element.read_text(encoding="utf-8").replace("final:\n", "finale: full\n"),
        encoding="utf-8",
        newline="",
    )
    git(scratch, "add", "-A")
    broken = _pre_commit(scratch, "run", "cse-check", "--all-files")
    assert broken.returncode == 1
    assert "evidence/1.1.1.yaml:" in broken.stdout
    assert ": error: unknown key 'finale' (did you mean 'final'?)" in broken.stdout


def test_an_installed_hook_stops_a_commit_of_broken_evidence(scratch: Path) -> None:
    installed = _pre_commit(scratch, "install")
    assert installed.returncode == 0, installed.stderr
    head = git(scratch, "rev-parse", "HEAD")
    element = scratch / "evidence" / "2.1.1.yaml"
    good = element.read_text(encoding="utf-8")
    element.write_text(good.replace("final:\n", "final: fully\n"), encoding="utf-8", newline="")
    env = _with_cse(scratch)

    def commit() -> subprocess.CompletedProcess[str]:
        git(scratch, "add", "-A")
        return subprocess.run(
            ["git", "commit", "-q", "-m", "rate 2.1.1"],
            cwd=scratch, env=env, capture_output=True, encoding="utf-8", errors="replace",
            check=False,
        )  # fmt: skip

    refused = commit()
    assert refused.returncode != 0
    assert "'fully' is not a rating" in refused.stdout + refused.stderr
    assert git(scratch, "rev-parse", "HEAD") == head
    element.write_text(good.replace("final:\n", "final: full\n"), encoding="utf-8", newline="")
    accepted = commit()
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(scratch, "rev-parse", "HEAD") != head
