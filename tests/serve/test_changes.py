"""Save a version and send for review, against real git repositories made here.

The remote looks like GitHub to the editor (remote.origin.url), while git's
`url.<base>.insteadOf` sends the push to a bare repository beside it.
"""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import pytest

from tests.helpers import BOLTON, Served, git, multipart, serving, snapshot

if TYPE_CHECKING:
    from pathlib import Path

GITHUB = "https://github.com/example-council/cse-evidence.git"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(BOLTON, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Champion")
    git(root, "config", "user.email", "champion@example.org")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Bolton")
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", str(origin)], check=True)
    git(root, "remote", "add", "origin", GITHUB)
    git(root, "config", f"url.{origin.as_uri()}.insteadOf", GITHUB)
    return root


def _upload(served: Served, name: str, data: bytes) -> None:
    cookies = served.cookies()
    body, kind = multipart(
        [("csrftoken", cookies[f"cse-csrf-{served.port}"])], ("document", name, data)
    )
    answer = served.request(
        "POST", "/documents", cookies=cookies, body=body, headers={"Content-Type": kind}
    )
    assert answer.status == 303, answer.text


def _post(served: Served, path: str, **fields: str) -> str:
    cookies = served.cookies()
    body = urlencode({"csrftoken": cookies[f"cse-csrf-{served.port}"], **fields}).encode()
    answer = served.request(
        "POST",
        path,
        cookies=cookies,
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    return f"{answer.status} {answer.text}"


def test_save_commits_exactly_the_files_the_editor_wrote_then_sends_them(repo: Path) -> None:
    element = repo / "evidence" / "1.1.1.yaml"
    element.write_text(
        element.read_text(encoding="utf-8") + "notes: staged by hand\n",
        encoding="utf-8",
        newline="",
    )
    git(repo, "add", "evidence/1.1.1.yaml")  # staged by the user: never the editor's to commit
    other = repo / "evidence" / "1.1.2.yaml"
    other.write_text(
        other.read_text(encoding="utf-8") + "notes: not staged\n", encoding="utf-8", newline=""
    )
    with serving(repo) as served:
        _upload(served, "complaints-2026.pdf", b"%PDF-1.7")
        page = served.request("GET", "/changes").text
        assert "documents/complaints-2026.pdf" in page
        said = _post(
            served, "/changes/save", message="Add the complaints report", where="new",
            branch="evidence/complaints",
        )  # fmt: skip
        assert said.startswith("200 "), said
        assert "The version is saved" in said
        sent = _post(served, "/changes/send")
    assert sent.startswith("200 "), sent
    assert (
        "https://github.com/example-council/cse-evidence/compare/evidence%2Fcomplaints?expand=1"
    ) in sent
    assert git(repo, "branch", "--show-current").strip() == "evidence/complaints"
    assert git(repo, "log", "-1", "--format=%an <%ae>%n%s").splitlines() == [
        "Champion <champion@example.org>",
        "Add the complaints report",
    ]
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [
        "documents/complaints-2026.pdf"
    ]
    assert git(repo, "diff", "--cached", "--name-only").split() == ["evidence/1.1.1.yaml"]
    assert git(repo, "diff", "--name-only").split() == ["evidence/1.1.2.yaml"]
    pushed = subprocess.run(
        ["git", "--git-dir", str(repo.parent / "origin.git"), "rev-parse",
         "refs/heads/evidence/complaints"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    ).stdout  # fmt: skip
    assert pushed == git(repo, "rev-parse", "HEAD")
    assert git(repo, "rev-parse", "--abbrev-ref", "evidence/complaints@{upstream}").strip() == (
        "origin/evidence/complaints"
    )


@pytest.mark.parametrize("branch", ["../x", "-f", "has space", "a..b", "main"])
def test_a_bad_branch_name_saves_nothing(repo: Path, branch: str) -> None:
    head = git(repo, "rev-parse", "HEAD")
    with serving(repo) as served:
        _upload(served, "plan.pdf", b"plan")
        said = _post(served, "/changes/save", message="Plan", where="new", branch=branch)
    assert said.startswith("400 "), said
    assert "branch" in said
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "branch", "--show-current").strip() == "main"


def test_a_push_that_fails_shows_gits_own_words(repo: Path) -> None:
    git(repo, "config", "--unset", f"url.{(repo.parent / 'origin.git').as_uri()}.insteadOf")
    git(repo, "config", "url.file:///nonexistent/nowhere.git.insteadOf", GITHUB)
    with serving(repo) as served:
        sent = _post(served, "/changes/send")
    assert sent.startswith("400 ")
    assert "Git did not send the branch: fatal:" in sent
    assert "nowhere.git" in sent


def test_the_author_is_asked_for_once_when_git_has_none(repo: Path, tmp_path: Path) -> None:
    git(repo, "config", "--unset", "user.name")
    git(repo, "config", "--unset", "user.email")
    env = {"GIT_CONFIG_GLOBAL": str(tmp_path / "none"), "GIT_CONFIG_NOSYSTEM": "1"}
    with serving(repo, env=env) as served:
        _upload(served, "a.pdf", b"a")
        assert 'id="author_name"' in served.request("GET", "/changes").text
        said = _post(served, "/changes/save", message="A", where="current")
        assert said.startswith("400 ")
        assert "Enter your name" in said
        said = _post(
            served, "/changes/save", message="A", where="current",
            author_name="Sam Champion", author_email="sam@example.org",
        )  # fmt: skip
        assert said.startswith("200 "), said
        _upload(served, "b.pdf", b"b")
        assert 'id="author_name"' not in served.request("GET", "/changes").text
        assert _post(served, "/changes/save", message="B", where="current").startswith("200 ")
    assert git(repo, "log", "-2", "--format=%an <%ae> %s").splitlines() == [
        "Sam Champion <sam@example.org> B",
        "Sam Champion <sam@example.org> A",
    ]


def test_a_folder_that_is_not_a_git_repository_is_told_how_to_start_one(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    shutil.copytree(BOLTON, root)
    before = snapshot(root)
    with serving(root) as served:
        page = served.request("GET", "/changes").text
        said = _post(served, "/changes/save", message="x", where="current")
    assert "run <code>git init</code>" in page
    assert "Save a version</button>" not in page
    assert said.startswith("400 ")
    assert snapshot(root) == before
