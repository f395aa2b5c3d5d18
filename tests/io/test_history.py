"""`cse history --tags` across real repositories: tags that name no commit, names not UTF-8 (§7).

git.git itself has a tag that names a blob (a public key); git allows almost any
bytes in a tag's name. Neither may stop the history: a tag that names no
commit is left out with a one-line warning, and a name is shown escaped.
"""

from __future__ import annotations

import json
import os
import subprocess
from typing import TYPE_CHECKING

import pytest

from cse_cli.core.stages import Stage
from cse_cli.io.history import open_history
from cse_cli.io.resources import load_standard
from tests.helpers import WINDOWS, element_yaml, git, init_git, run, write_repo

if TYPE_CHECKING:
    from pathlib import Path

_NOT_UTF8 = b"caf\xe9"
_AS_AN_ARGUMENT = "caf\udce9"  # the name as Python decodes it from a command line (POSIX)
_REVERSED = "\u202eexe.txt"  # a right-to-left override: the name would show reversed
needs_byte_arguments = pytest.mark.skipif(
    WINDOWS, reason="Windows passes arguments as Unicode: none holds bytes that are not UTF-8"
)


def _git_at(root: Path, day: str, *args: str) -> None:
    """Run git with its clock at noon on `day`, so that tags sort by the day made."""
    stamp = f"{day}T12:00:00Z"
    env = {**os.environ, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_DATE": stamp}
    subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


def _tagged(tmp_path: Path) -> Path:
    """Two commits tagged several ways, and tags that name a blob, a tree, or a tag of a blob."""
    root = init_git(tmp_path / "repo")
    write_repo(root, {"evidence/1.1.1.yaml": element_yaml("1.1.1", final="full")})
    _git_at(root, "2026-03-11", "add", "-A")
    _git_at(root, "2026-03-11", "commit", "-q", "-m", "first")
    _git_at(root, "2026-03-11", "tag", "first")
    write_repo(root, {"evidence/1.1.1.yaml": element_yaml("1.1.1", final="compliance-plus")})
    _git_at(root, "2027-03-10", "add", "-A")
    _git_at(root, "2027-03-10", "commit", "-q", "-m", "second")
    blob = git(root, "hash-object", "-w", "cse.yaml").strip()
    _git_at(
        root, "2027-04-01", "tag", "-a", "-m", "a key, as git.git keeps one", "public-key", blob
    )
    _git_at(root, "2027-04-02", "tag", "-a", "-m", "a tree", "a-tree", "HEAD^{tree}")
    _git_at(root, "2027-04-03", "tag", "-a", "-m", "of a tag", "key-again", "public-key")
    _git_at(root, "2027-04-04", "tag", "-a", "-m", "of a tag of a commit", "released", "first")
    _git_at(root, "2027-04-06", "tag", _REVERSED, "HEAD")
    _git_at(root, "2027-04-07", "tag", "-a", "-m", "second", "annotated", "HEAD")
    subprocess.run(["git", "tag", "lightweight-blob", blob], cwd=root, check=True)
    _tag_named_in_bytes(root, _NOT_UTF8, git(root, "rev-parse", "HEAD").strip())
    return root


def _tag_named_in_bytes(root: Path, name: bytes, commit: str) -> None:
    """Tag `commit` with a name that is not UTF-8, as git allows, in its packed-refs file.

    Not as a file of its own (`git tag`): macOS names files in UTF-8 and Windows in
    Unicode, so neither can hold the name. The list is left unsorted, which git allows.
    """
    git(root, "pack-refs", "--all")
    packed = root / ".git" / "packed-refs"
    header, *refs = packed.read_bytes().splitlines(keepends=True)
    assert header.startswith(b"# pack-refs with:"), header
    header = header.replace(b" sorted ", b" ")
    packed.write_bytes(b"".join([header, *refs, b"%s refs/tags/%s\n" % (commit.encode(), name)]))


def test_tags_that_name_no_commit_are_left_out_with_a_warning(tmp_path: Path) -> None:
    root = _tagged(tmp_path)
    result = run("history", str(root), "--tags", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "cse: warning: tag 'lightweight-blob' names a blob, not a commit: left out",
        "cse: warning: tag 'public-key' names a blob, not a commit: left out",
        "cse: warning: tag 'a-tree' names a tree, not a commit: left out",
        "cse: warning: tag 'key-again' names a blob, not a commit: left out",
    ]
    points = json.loads(result.stdout)["points"]
    first, second = (git(root, "rev-parse", f"HEAD{up}").strip() for up in ("~1", ""))
    # oldest first: a tag object by the day it was made, any other tag by its commit's
    assert [(p["label"], p["revision"], p["date"]) for p in points] == [
        ("first", first, "2026-03-11"),
        ("caf\\xe9", second, "2027-03-10"),
        ("\\u202eexe.txt", second, "2027-03-10"),
        ("released", first, "2026-03-11"),
        ("annotated", second, "2027-03-10"),
    ]
    assert [p["totals"]["compliance_plus"] for p in points] == [0, 1, 1, 0, 1]


def test_a_tag_name_that_is_not_utf8_is_shown_escaped_in_every_format(tmp_path: Path) -> None:
    root = _tagged(tmp_path)
    # Markdown escapes the backslash
    shown = {"text": "caf\\xe9", "md": "caf\\\\xe9", "html": "caf\\xe9"}
    for output_format, label in shown.items():
        result = run("history", str(root), "--tags", "--format", output_format)
        assert result.exit_code == 0, result.stderr
        assert label in result.stdout
        assert "\u202e" not in result.stdout


@needs_byte_arguments
def test_a_tag_name_that_is_not_utf8_can_be_named(tmp_path: Path) -> None:
    root = _tagged(tmp_path)
    assert os.fsdecode(_NOT_UTF8) == _AS_AN_ARGUMENT
    named = run("history", str(root), _AS_AN_ARGUMENT, "--format", "json")
    assert named.exit_code == 0, named.stderr
    assert [p["label"] for p in json.loads(named.stdout)["points"]] == ["caf\\xe9"]


@needs_byte_arguments
def test_a_revision_not_utf8_that_names_nothing_is_one_line(tmp_path: Path) -> None:
    root = _tagged(tmp_path)
    result = run("history", str(root), os.fsdecode(b"nope\xff"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"cse: error: 'nope\\xff' is not a revision of the git repository in {root}: "
        "name a branch, a tag or a commit, such as HEAD~1 or main\n"
    )


def test_only_tags_that_name_no_commit_is_no_tags(tmp_path: Path) -> None:
    root = init_git(tmp_path / "repo")
    write_repo(root, {"evidence/1.1.1.yaml": element_yaml("1.1.1")})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    git(root, "tag", "a-tree", "HEAD^{tree}")
    result = run("history", str(root), "--tags")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "cse: warning: tag 'a-tree' names a tree, not a commit: left out",
        "cse: error: the git repository has no tags: name revisions, or use --range",
    ]


def test_tags_lists_each_commit_tag_with_its_commit(tmp_path: Path) -> None:
    root = _tagged(tmp_path)
    with open_history(root, load_standard()) as history:
        named, left_out = history.tags()
        revisions = list(history.each(named))
    assert len(left_out) == 4
    assert [label for label, _ in named] == [r.label for r in revisions]
    assert all(r.evidence is not None and not r.evidence.problems for r in revisions)
    assert {r.commit for r in revisions} == {
        git(root, "rev-parse", "HEAD~1").strip(),
        git(root, "rev-parse", "HEAD").strip(),
    }
    assert Stage.LATEST.value == "latest"
