"""Saving a version in git, for people who do not know git: exactly the files the editor wrote.

"Save a version" is `git add -- PATHS` then `git commit --only -- PATHS`: git
commits those paths as they are in the working tree and nothing else, so what
the user had staged of other files stays staged and out of the commit. On a new
branch it first runs `git switch -c BRANCH`, which keeps every edit. "Send for
review" is `git push -u origin BRANCH`. Every command is an argument list, never
a shell line; the paths come from the editor's own record and follow `--`; a
branch name is checked with `git check-ref-format --branch` before it is used,
and the commit message goes through standard input. Git's own words are shown
when it refuses.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

_ENV = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
_TIMEOUT = 120  # seconds: a push over a slow network, never a command waiting for ever


class GitFailed(Exception):  # noqa: N818 - reads as what it says
    """Git refused or failed; the message is git's own words, or why it was not run."""


@dataclass(frozen=True)
class Remote:
    """The `origin` remote and the page that opens a pull request for a branch on it."""

    url: str
    host: str
    """GitHub, GitLab or Azure DevOps."""
    web: str
    """The repository's address in a browser."""

    def pull_request(self, branch: str) -> str:
        """The address that opens a pull request (a merge request) from `branch`."""
        name = quote(branch, safe="")
        if self.host == "GitHub":
            return f"{self.web}/compare/{name}?expand=1"
        if self.host == "GitLab":
            return f"{self.web}/-/merge_requests/new?merge_request%5Bsource_branch%5D={name}"
        return f"{self.web}/pullrequestcreate?sourceRef={name}"


@dataclass(frozen=True)
class GitState:
    """What the Changes page needs to know of the git repository holding the evidence."""

    top: Path | None
    """The top of the git repository, None when the folder is not in one."""
    branch: str | None
    """The current branch, None when HEAD is detached (or there is no repository)."""
    author: tuple[str, str] | None
    """user.name and user.email from git's config, when both are set."""
    remote: Remote | None


def git(cwd: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> str:
    """Run git; its output, or GitFailed with what it said."""
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",  # git's output, and a message typed in the editor
            errors="replace",  # a name or message git holds in another encoding
            check=False,
            timeout=_TIMEOUT,
            env={**os.environ, **_ENV, **(env or {})},
        )
    except FileNotFoundError:
        raise GitFailed("git is not installed (or not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise GitFailed(f"git {args[0]} did not finish in {_TIMEOUT} seconds") from None
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip() or "(no message)").splitlines()
        raise GitFailed("\n".join(line for line in said if line.strip()))
    return result.stdout


def state(root: Path) -> GitState:
    """The git repository holding `root`: its top, branch, configured author and remote."""
    try:
        top = git(root, "rev-parse", "--show-toplevel").rstrip("\n")
    except GitFailed:
        return GitState(None, None, None, None)
    from pathlib import Path

    try:
        branch: str | None = git(root, "symbolic-ref", "--quiet", "--short", "HEAD").strip()
    except GitFailed:
        branch = None
    return GitState(Path(top), branch, _author(root), _remote(root))


def _config(root: Path, key: str) -> str | None:
    try:
        return git(root, "config", "--get", key).strip() or None
    except GitFailed:
        return None


def _author(root: Path) -> tuple[str, str] | None:
    name, email = _config(root, "user.name"), _config(root, "user.email")
    return (name, email) if name and email else None


_REMOTES = (
    # https://github.com/OWNER/REPO(.git), git@github.com:OWNER/REPO(.git), ssh://git@github.com/…
    (
        re.compile(
            r"^(?:https://|ssh://git@|git@)(github\.com|gitlab\.com)[:/]([\w.-]+(?:/[\w.-]+)+?)(?:\.git)?/?$"
        ),
        None,
    ),
    (
        re.compile(
            r"^https://(?:[\w.-]+@)?dev\.azure\.com/([\w.-]+)/([\w.%-]+)/_git/([\w.%-]+)/?$"
        ),
        "azure",
    ),
    (
        re.compile(
            r"^(?:ssh://)?git@ssh\.dev\.azure\.com:(?:/)?v3/([\w.-]+)/([\w.%-]+)/([\w.%-]+)/?$"
        ),
        "azure",
    ),
)


def _remote(root: Path) -> Remote | None:
    """`origin` as configured (not as `insteadOf` rewrites it), when its host is known."""
    url = _config(root, "remote.origin.url")
    return None if url is None else remote_of(url)


def remote_of(url: str) -> Remote | None:
    """The remote at `url`, when it is on GitHub, GitLab or Azure DevOps."""
    for pattern, kind in _REMOTES:
        found = pattern.match(url)
        if found is None:
            continue
        if kind == "azure":
            org, project, repo = found.groups()
            return Remote(url, "Azure DevOps", f"https://dev.azure.com/{org}/{project}/_git/{repo}")
        host, path = found.groups()
        name = "GitHub" if host == "github.com" else "GitLab"
        return Remote(url, name, f"https://{host}/{path.removesuffix('.git')}")
    return None


def branch_name(root: Path, wanted: str) -> str:
    """`wanted` as a new branch's name, checked by git; GitFailed saying why it cannot be one."""
    if not wanted or wanted.startswith("-") or not wanted.isprintable():
        raise GitFailed(f"'{wanted[:60]}' cannot be the name of a branch")
    try:
        name = git(root, "check-ref-format", "--branch", wanted).strip()
    except GitFailed:
        raise GitFailed(
            f"'{wanted[:60]}' cannot be the name of a branch: use letters, digits, - and /, "
            "with no spaces, such as evidence/complaints-2026"
        ) from None
    try:
        git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{name}")
    except GitFailed:
        return name
    raise GitFailed(f"a branch named '{name}' exists already: choose another name")


def changed(root: Path, paths: Iterable[str]) -> list[str]:
    """Those of `paths` (relative to `root`) that differ from the last version, or are new."""
    listed = sorted(paths)
    if not listed:
        return []
    out = git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *listed)
    status = 3  # each entry is `XY PATH`: two letters of status and a space
    found = {entry[status:] for entry in out.split("\0") if len(entry) > status}
    prefix = git(root, "rev-parse", "--show-prefix").strip()
    return [path for path in listed if prefix + path in found]


def save(
    root: Path, paths: list[str], message: str, branch: str | None, author: tuple[str, str] | None
) -> str:
    """Commit exactly `paths` with `message`, on a new `branch` if one is named; the commit id."""
    if branch is not None:
        git(root, "switch", "-c", branch)
    env = {}
    if author is not None:
        name, email = author
        env = {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
        }
    git(root, "add", "--", *paths)
    git(root, "commit", "--only", "--quiet", "--file=-", "--", *paths, stdin=message, env=env)
    return git(root, "rev-parse", "HEAD").strip()


def send(root: Path, branch: str) -> str:
    """Push `branch` to origin with git's own credentials; what git said."""
    checked = git(root, "check-ref-format", "--branch", branch).strip()
    if checked != branch or branch.startswith("-"):
        raise GitFailed(f"'{branch[:60]}' cannot be pushed: it is not a plain branch name")
    return git(root, "push", "--porcelain", "-u", "--", "origin", branch)
