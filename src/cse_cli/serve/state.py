"""The repository as the editor shows it: kept read in memory, read again when a file changes.

Pages always show what is on disk. Before each page the `os.stat` results of
the files the evidence comes from (cse.yaml, the element files, the review
files and the documents) are compared with those of the last reading; when
any differs (an edit in another program, a `git pull`, an upload), the
repository is read again, exactly as `cse check` reads it. No watcher, no
thread. This is the one module that reads the repository, so reading only the
file that changed can replace the whole reading here alone.

The version at git's HEAD, which the Changes page compares with, is read once
per commit.
"""

from __future__ import annotations

import os
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from cse_cli.core.problems import CseError
from cse_cli.io.repository import read_evidence
from cse_cli.io.root import CONFIG_FILE
from cse_cli.io.tree import DirTree, clean

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.standard import Standard

DOCUMENTS = "documents"
REVIEWS = "reviews"
_MAX_WATCHED = 20_000  # entries under documents/: past it, a change there is seen at the next edit

Signature = tuple[tuple[str, tuple[int, ...]], ...]


@dataclass(frozen=True)
class Reading:
    """One reading of the repository: the evidence, and a number that changes with it."""

    evidence: Evidence
    generation: int


class Repository:
    """The evidence repository at `root`, read when it changed since it was last read."""

    def __init__(self, root: Path, standard: Standard) -> None:
        """The repository whose root folder (holding cse.yaml) is `root`."""
        self.root = root.resolve()
        self.standard = standard
        self._reading: Reading | None = None
        self._signature: Signature = ()
        self._head: dict[str, Evidence] = {}

    def current(self) -> Reading:
        """The evidence as the files on disk are now."""
        before = self._signed(self._reading)
        if self._reading is None or before != self._signature:
            evidence = read_evidence(DirTree(self.root), self.standard)
            evidence.root = self.root
            generation = self._reading.generation + 1 if self._reading else 1
            self._reading = Reading(evidence, generation)
            # What the new reading names too (its documents); the status taken before
            # reading wins, so a file changed while it was read is read again next time.
            signed = dict(self._signed(self._reading))
            signed.update((name, status) for name, status in before if name in signed)
            self._signature = tuple(sorted(signed.items()))
        return self._reading

    def _signed(self, reading: Reading | None) -> Signature:
        """The status of every file the evidence is read from, and of every document."""
        root = str(self.root)
        evidence_dir = reading.evidence.config.evidence_dir if reading else "evidence"
        watched: dict[str, tuple[int, ...]] = {
            CONFIG_FILE: _status(os.path.join(root, CONFIG_FILE))
        }
        for folder in (evidence_dir, REVIEWS):
            _listing(root, clean(folder) or folder, watched, depth=1)
        _listing(root, DOCUMENTS, watched, depth=8)
        if reading is not None:
            for path in _paths(reading.evidence):
                watched.setdefault(path, _status(os.path.join(root, path)))
        return tuple(sorted(watched.items()))

    def at_head(self, commit: str, git_top: Path) -> Evidence:
        """The evidence as committed at `commit` (read once per commit)."""
        from cse_cli.io.git import Git
        from cse_cli.io.gittree import GitTree

        if commit not in self._head:
            prefix = self.root.relative_to(git_top.resolve()).as_posix()
            with closing(Git(git_top)) as git:
                tree = GitTree(git, commit, "" if prefix == "." else prefix, "the last version")
                self._head = {commit: read_evidence(tree, self.standard)}
        return self._head[commit]


def _status(path: str) -> tuple[int, ...]:
    """What changes when a file is written, replaced, moved or removed."""
    try:
        found = os.stat(path)
    except OSError as exc:
        return (-(exc.errno or 1),)
    return (found.st_mtime_ns, found.st_ctime_ns, found.st_size, found.st_ino, found.st_mode)


def _listing(root: str, rel: str, watched: dict[str, tuple[int, ...]], depth: int) -> None:
    """The status of a folder and of everything in it, `depth` folders down."""
    path = os.path.join(root, rel)
    watched[rel + "/"] = _status(path)
    if depth <= 0 or len(watched) > _MAX_WATCHED:
        return
    try:
        with os.scandir(path) as entries:
            names = [(entry.name, entry.is_dir()) for entry in entries]
    except OSError:
        return
    for name, is_dir in names:
        child = f"{rel}/{name}"
        if is_dir:
            _listing(root, child, watched, depth - 1)
        else:
            watched[child] = _status(os.path.join(root, child))


def _paths(evidence: Evidence) -> list[str]:
    """Every document the evidence names with `path:`, inside the repository."""
    named = [i.path for e in evidence.elements.values() for i in e.evidence if i.path]
    for review in evidence.reviews.values():
        named += [d.path for d in review.documents.values() if d.path]
    return [p for p in (clean(path) for path in named) if p is not None and p != "."]


def head_commit(root: Path) -> tuple[str, Path] | None:
    """The commit at HEAD and the top of the git repository holding `root`; None if none."""
    from cse_cli.io.git import Git

    try:
        with closing(Git.find(root)) as git:
            return git.commit("HEAD"), git.top
    except CseError:
        return None


class GitWatch:
    """What git says of the repository, asked again only when git's own files changed.

    HEAD, the config, the packed refs and the current branch's ref file are
    compared by their `os.stat` results, as the evidence's files are: a commit, a
    branch switched or a remote added outside the editor is seen at once.
    """

    def __init__(self, root: Path) -> None:
        """Watch the git repository holding `root`, if there is one."""
        self.root = root
        self._gitdir: str | None = None
        self._answers: dict[str, tuple[Signature, object]] = {}

    def _signed(self) -> Signature:
        if self._gitdir is None:
            from cse_cli.serve.gitsave import GitFailed, git

            try:
                self._gitdir = git(self.root, "rev-parse", "--absolute-git-dir").strip()
            except GitFailed:
                self._gitdir = ""
        if not self._gitdir:
            return (("no git", _status(os.path.join(str(self.root), ".git"))),)
        names = ["HEAD", "config", "packed-refs", "index"]
        try:
            with open(os.path.join(self._gitdir, "HEAD"), encoding="utf-8") as head:  # noqa: PTH123
                ref = head.read(1000).strip().removeprefix("ref: ")
        except OSError:
            ref = ""
        if ref.startswith("refs/"):
            names.append(ref)
        return tuple((name, _status(os.path.join(self._gitdir, name))) for name in names)

    def answer(self, name: str, ask: Callable[[], T]) -> T:
        """What `ask` gives, from the last time unless git's files changed since."""
        signature = self._signed()
        found = self._answers.get(name)
        if found is None or found[0] != signature:
            found = (signature, ask())
            self._answers[name] = found
        return found[1]  # type: ignore[return-value]
