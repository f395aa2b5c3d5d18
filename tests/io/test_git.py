"""Git runs the same whatever the user's configuration and environment (issue 18, §6 and §7).

The repositories are real. Signing is real as far as git can tell: a stand-in
for gpg, named by `gpg.program`, signs each commit and, when git asks it to
verify one, says what gpg says (a "Good signature" line and words that are not
ASCII), which git then prints in the middle of `git log` and `git show` for
anyone with `log.showSignature=true`.
"""

from __future__ import annotations

import json
import os
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from cse_cli.io.git import git_environment
from tests.helpers import element_yaml, git, init_git, run, write_repo

if TYPE_CHECKING:
    from pathlib import Path

_GPG = """#!/bin/sh
# A stand-in for gpg: a fixed signature when git signs, a good one when it verifies.
for arg in "$@"; do
  if [ "$arg" = "--verify" ]; then
    cat >/dev/null
    echo 'gpg: Signature made Mär 10 2027 — vérifiée' >&2
    echo 'gpg: Good signature from "Ünïcödé Signer <signer@example.org>" [ultimate]' >&2
    echo '[GNUPG:] GOODSIG 0123456789ABCDEF Ünïcödé Signer'
    echo '[GNUPG:] TRUST_ULTIMATE 0 pgp'
    exit 0
  fi
done
cat >/dev/null
echo '[GNUPG:] SIG_CREATED D 1 8 00 1700000000 0123456789ABCDEF' >&2
printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nZmFrZQ==\\n-----END PGP SIGNATURE-----\\n'
"""
_DAYS = ("2026-03-11", "2027-03-10", "2028-03-08")


def _commit(root: Path, day: str, message: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"{day}T12:00:00Z",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00Z",
    }
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, check=True, env=env)


def _signed_history(tmp_path: Path) -> Path:
    """Three signed commits, one per day of `_DAYS`, tagged; 1.1.1 rated P, F, then CP."""
    gpg = tmp_path / "gpg"
    gpg.write_text(_GPG, encoding="utf-8", newline="")
    gpg.chmod(0o755)
    root = init_git(tmp_path / "repo")
    git(root, "config", "gpg.program", str(gpg))
    git(root, "config", "user.signingkey", "0123456789ABCDEF")
    git(root, "config", "commit.gpgsign", "true")
    for day, rating in zip(_DAYS, ("partial", "full", "compliance-plus"), strict=True):
        write_repo(root, {"evidence/1.1.1.yaml": element_yaml("1.1.1", final=rating)})
        _commit(root, day, f"1.1.1 {rating}")
        git(root, "tag", f"at-{day}")
    return root


@pytest.fixture(params=["repository", "global"])
def shows_signatures(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A signed history read by someone whose git shows every signature (and in colour).

    The setting is in the repository's own config, or in the user's global one.
    """
    root = _signed_history(tmp_path)
    settings = ["log.showSignature", "true"], ["color.ui", "always"]
    if request.param == "repository":
        for key, value in settings:
            git(root, "config", key, value)
    else:
        config = tmp_path / "gitconfig"
        monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
        for key, value in settings:
            git(root, "config", "--file", str(config), key, value)
    return root


def _points(*args: str) -> list[dict[str, Any]]:
    result = run("history", *args, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    points: list[dict[str, Any]] = json.loads(result.stdout)["points"]
    return points


def test_the_hazard_is_real(shows_signatures: Path) -> None:
    """Without cse's settings, git prints gpg's words where the date should be."""
    shown = git(shows_signatures, "show", "-s", "--format=%cs", "HEAD")
    assert "gpg: Good signature from" in shown
    assert "Ünïcödé" in shown
    assert shown.rstrip().endswith("2028-03-08")


def test_history_reads_the_dates_of_signed_commits(shows_signatures: Path) -> None:
    root = str(shows_signatures)
    named = _points(root, "at-2026-03-11", "HEAD~1", "main")
    assert [p["date"] for p in named] == list(_DAYS)
    assert [p["totals"]["compliance_plus"] for p in named] == [0, 0, 1]
    assert [p["date"] for p in _points(root, "--tags")] == list(_DAYS)
    walked = _points(root, "--range", "at-2026-03-11..main")
    assert [p["date"] for p in walked] == list(_DAYS[1:])
    assert [p["totals"]["full"] for p in walked] == [1, 0]


def test_a_signed_commit_that_changes_nothing_has_its_own_date(shows_signatures: Path) -> None:
    """A commit `git log --raw` lists no file for is dated on its own."""
    env = {**os.environ, "GIT_COMMITTER_DATE": "2028-04-01T12:00:00Z"}
    subprocess.run(
        ["git", "commit", "-q", "--allow-empty", "-m", "nothing"],
        cwd=shows_signatures, check=True, env=env,
    )  # fmt: skip
    walked = _points(str(shows_signatures), "--range", "HEAD~1..HEAD")
    assert [p["date"] for p in walked] == ["2028-04-01"]


def test_diff_reads_signed_commits(shows_signatures: Path) -> None:
    result = run("diff", "HEAD~2", "HEAD", "--path", str(shows_signatures), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    ratings = json.loads(result.stdout)["ratings"]
    assert [(r["element"], r["before"], r["after"]) for r in ratings] == [
        ("1.1.1", "partial", "compliance-plus")
    ]


def test_what_a_parent_git_leaves_in_the_environment_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a hook, git's variables name another repository and other settings."""
    root = _signed_history(tmp_path)
    other = init_git(tmp_path / "other")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    monkeypatch.setenv("GIT_INDEX_FILE", str(other / ".git" / "index"))
    monkeypatch.setenv("GIT_CONFIG_PARAMETERS", "'log.showsignature'='true'")
    monkeypatch.setenv("GIT_TRACE", "1")
    monkeypatch.setenv("GIT_PAGER", "false")
    assert [p["date"] for p in _points(str(root), "--tags")] == list(_DAYS)
    assert [p["date"] for p in _points(str(root), "main")] == [_DAYS[-1]]


def test_outside_git_is_said_in_the_same_words_whatever_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tracing on, and git speaking German where it can: still 'not in a git repository'."""
    folder = write_repo(tmp_path / "loose", {})
    monkeypatch.setenv("GIT_TRACE", "1")
    monkeypatch.setenv("LANGUAGE", "de")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    result = run("diff", "HEAD", "--path", str(folder))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"cse: error: {folder}: not in a git repository (to compare two folders, "
        "use --base-dir and --head-dir)\n"
    )


def test_the_environment_keeps_where_the_configuration_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """safe.directory lives in the user's configuration: git must still find it."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/somewhere/gitconfig")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", "/home")
    monkeypatch.setenv("GIT_DIR", "/elsewhere/.git")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    env = git_environment()
    assert env["GIT_CONFIG_GLOBAL"] == "/somewhere/gitconfig"
    assert env["GIT_CEILING_DIRECTORIES"] == "/home"
    assert "GIT_DIR" not in env
    assert env["LC_ALL"] == "C"
    assert env["PATH"] == os.environ["PATH"]
