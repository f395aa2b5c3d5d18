"""GitTree: a revision read straight from git behaves as the same files on disk."""

from __future__ import annotations

import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from cse_cli.core.problems import CseError
from cse_cli.io import gittree
from cse_cli.io.git import GIT, Git
from cse_cli.io.gittree import GitTree, diff_trees
from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.io.tree import DirTree, TooLarge
from tests.helpers import (
    BOLTON,
    bolton_repo,
    commit_all,
    git,
    git_state,
    init_git,
    link,
    write_repo,
)


def _answers(tree: DirTree | GitTree, paths: list[str]) -> list[object]:
    """What a tree says about each path: listing, file check and content (or the error)."""
    answers: list[object] = []
    for rel in paths:
        listing = tree.listdir(rel)
        answers.append([e for e in listing if e.name != ".git"] if listing else listing)
        answers.append(tree.check_file(rel))
        try:
            answers.append(tree.read(rel))
        except OSError as exc:
            answers.append(f"{type(exc).__name__}: {exc.strerror or exc}")
    return answers


def _links_repo(top: Path, prefix: str) -> Path:
    """Files, folders and every kind of link, in folder `prefix` of a git repository."""
    root = write_repo(
        top / prefix if prefix else top,
        {
            "evidence/1.1.1.yaml": 'element: "1.1.1"\n',
            "documents/a.pdf": "A",
            "documents/sub/b.pdf": "B",
            "documents/empty.txt": "",
        },
    )
    (top.parent / "outside.txt").write_text("outside git", encoding="utf-8", newline="")
    if prefix:
        (top / "beside.txt").write_text("beside the repository", encoding="utf-8", newline="")
    links = {
        "documents/to-file": "a.pdf",
        "documents/to-dir": "sub",
        "documents/up": "../cse.yaml",
        "documents/through": "to-dir/b.pdf",
        "documents/dangling": "missing.pdf",
        "documents/absolute": str(top.parent / "outside.txt"),
        "documents/escape": "../../../beside.txt" if prefix else "../../outside.txt",
        "documents/loop-a": "loop-b",
        "documents/loop-b": "loop-a",
        "to-root": ".",
    }
    for rel, target in links.items():
        link(root / rel, target)
    return root


LINK_PATHS = [
    ".",
    "cse.yaml",
    "evidence",
    "evidence/1.1.1.yaml",
    "documents",
    "documents/sub",
    "documents/to-file",
    "documents/to-dir",
    "documents/to-dir/b.pdf",
    "documents/up",
    "documents/through",
    "documents/dangling",
    "documents/absolute",
    "documents/escape",
    "documents/loop-a",
    "to-root",
    "to-root/documents/a.pdf",
    "documents/empty.txt",
    "missing",
    "../cse.yaml",
    "/etc/passwd",
    "documents/../cse.yaml",
]


@pytest.mark.parametrize("prefix", ["", "cse/evidence-repo"], ids=["top", "subfolder"])
def test_a_revision_answers_as_the_same_files_on_disk(tmp_path: Path, prefix: str) -> None:
    top = init_git(tmp_path / "top")
    root = _links_repo(top, prefix)
    commit = commit_all(top)
    disk = _answers(DirTree(root), LINK_PATHS)
    with closing(Git(top)) as repo:
        revision = _answers(GitTree(repo, commit, prefix, "HEAD"), LINK_PATHS)
    for index, (on_disk, in_git) in enumerate(zip(disk, revision, strict=True)):
        rel, asked = LINK_PATHS[index // 3], ["listdir", "check_file", "read"][index % 3]
        assert in_git == on_disk, (rel, asked)


def test_links_that_leave_the_repository_are_refused(tmp_path: Path) -> None:
    top = init_git(tmp_path / "top")
    _links_repo(top, "repo")
    commit = commit_all(top)
    with closing(Git(top)) as repo:
        tree = GitTree(repo, commit, "repo", "HEAD")
        outside = "leads outside the repository (through a symbolic link)"
        assert tree.check_file("documents/escape") == outside
        assert tree.check_file("documents/absolute") == outside
        assert tree.check_file("documents/loop-a") == "is a loop of symbolic links"
        assert tree.check_file("../beside.txt") == "is outside the repository"
        with pytest.raises(OSError, match="leads outside the repository"):
            tree.read("documents/escape")
        assert tree.read("documents/through") == b"B"
        # a path through a file (DirTree calls it a loop of links: see the report)
        assert tree.check_file("documents/a.pdf/x") == "does not exist"
        assert tree.read("documents/a.pdf/x") is None


def test_reads_the_revision_and_never_the_working_tree_or_the_index(tmp_path: Path) -> None:
    root = bolton_repo(tmp_path / "bolton")
    first = commit_all(root)
    (root / "evidence" / "1.1.1.yaml").write_text(
        'element: "1.1.1"\nfinal: partial\n', encoding="utf-8", newline=""
    )
    (root / "evidence" / "1.1.2.yaml").unlink()
    git(root, "add", "evidence/1.1.1.yaml")  # staged, but not committed
    before = git_state(root)
    with closing(Git(root)) as repo:
        tree = GitTree(repo, repo.commit("HEAD"), "", "HEAD")
        assert tree.read("evidence/1.1.1.yaml") == (BOLTON / "evidence" / "1.1.1.yaml").read_bytes()
        assert tree.check_file("evidence/1.1.2.yaml") is None
        assert repo.commit("HEAD") == first
    assert git_state(root) == before


def test_a_revision_validates_exactly_like_the_folder(tmp_path: Path) -> None:
    root = bolton_repo(tmp_path / "bolton")
    standard = load_standard()
    on_disk = read_evidence(DirTree(root), standard)
    with closing(Git(root)) as repo:
        at_head = read_evidence(GitTree(repo, repo.commit("HEAD"), "", "HEAD"), standard)
    assert len(at_head.elements) == 57
    assert at_head.elements == on_disk.elements
    assert at_head.problems == on_disk.problems
    assert at_head.config == on_disk.config


def test_one_git_process_reads_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = bolton_repo(tmp_path / "bolton")
    started: list[list[str]] = []
    real = subprocess.Popen

    def counting(args: list[str], *rest: object, **kwargs: object) -> object:
        started.append(list(args))
        return real(args, *rest, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "Popen", counting)
    with diff_trees(root, "HEAD", None) as (base, _):
        evidence = read_evidence(base, load_standard())
    assert len(evidence.elements) == 57
    commands = [args[len(GIT)] for args in started]
    assert commands.count("cat-file") == 1
    assert len(started) <= 5, commands  # rev-parse twice, ls-tree once, cat-file once


def test_a_file_over_the_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_repo(init_git(tmp_path / "repo"), {"evidence/1.1.1.yaml": 'element: "1.1.1"\n'})
    commit = commit_all(root)
    monkeypatch.setattr(gittree, "MAX_FILE_BYTES", 10)
    with closing(Git(root)) as repo:
        tree = GitTree(repo, commit, "", "HEAD")
        with pytest.raises(
            TooLarge, match=r"^file is 17 bytes, over the limit of 10 for one YAML file"
        ):
            tree.read("evidence/1.1.1.yaml")


def test_a_submodule_is_not_a_file(tmp_path: Path) -> None:
    root = write_repo(init_git(tmp_path / "repo"), {"evidence/1.1.1.yaml": 'element: "1.1.1"\n'})
    commit = commit_all(root)
    git(root, "update-index", "--add", "--cacheinfo", f"160000,{commit},evidence/other.yaml")
    git(root, "commit", "-q", "-m", "a submodule")
    with closing(Git(root)) as repo:
        tree = GitTree(repo, repo.commit("HEAD"), "", "HEAD")
        listing = tree.listdir("evidence")
        assert listing is not None
        assert [(e.name, e.kind, e.problem) for e in listing] == [
            ("1.1.1.yaml", "file", None),
            ("other.yaml", "other", "is a git submodule, not a file"),
        ]
        with pytest.raises(OSError, match="is a git submodule, not a file"):
            tree.read("evidence/other.yaml")


def test_a_folder_missing_at_the_revision_is_an_empty_tree(tmp_path: Path) -> None:
    root = write_repo(init_git(tmp_path / "repo"), {"evidence/1.1.1.yaml": 'element: "1.1.1"\n'})
    commit = commit_all(root)
    with closing(Git(root)) as repo:
        tree = GitTree(repo, commit, "not-yet", "HEAD")
        assert tree.listdir(".") == []
        assert tree.read("cse.yaml") is None
        problems = read_evidence(tree, load_standard()).problems
    assert [str(p) for p in problems] == ["cse.yaml:0:0: error: cse.yaml is missing"]


def test_a_name_that_is_not_a_revision(tmp_path: Path) -> None:
    root = write_repo(init_git(tmp_path / "repo"), {})
    commit_all(root)
    with closing(Git(root)) as repo:
        for name in ("no-such-branch", "--output=x", ""):
            with pytest.raises(CseError) as caught:
                repo.commit(name)
            assert str(caught.value) == (
                f"'{name}' is not a revision of the git repository in {repo.top}: "
                "name a branch, a tag or a commit, such as HEAD~1 or main"
            )


def test_a_folder_outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_repo(tmp_path / "plain", {})
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(CseError, match="not in a git repository"):
        Git.find(folder)
    with pytest.raises(CseError, match="no such file or folder"):
        Git.find(tmp_path / "missing")


def test_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_repo(tmp_path / "repo", {})
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    with pytest.raises(CseError) as caught:
        Git.find(folder)
    assert str(caught.value) == (
        "git is not installed (or not on PATH): cse diff reads revisions with it"
    )
