"""The repository as the editor shows it: kept read in memory, and only what changed read again.

Pages always show what is on disk. Before each page the `os.stat` results of
the files the evidence comes from (cse.yaml, the element files, the review
files and the documents) are compared with those of the last reading. When
only element or review files changed (an edit in another program, a save from
another tab), each is read again and checked in the repository as read
(`cse_cli.io.editing.check_file_in`), which validates again only what the
change concerns; when cse.yaml changed, or a file appeared, went or changed
kind, the repository is read again whole (`read_state`), exactly as `cse
check` reads it. A save by the editor itself takes the state its check made
(`adopt`), so nothing is read again after it. No watcher, no thread.

The version at git's HEAD, which the Changes page compares with, is read once
per commit.
"""

from __future__ import annotations

import os
import stat
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from cse_cli.core.problems import CseError
from cse_cli.io.editing import check_file_in, read_state
from cse_cli.io.repository import read_evidence
from cse_cli.io.root import CONFIG_FILE
from cse_cli.io.tree import DirTree, TooLarge, Unreadable, clean

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.standard import Standard
    from cse_cli.io.editing import FileCheck, RepositoryState

DOCUMENTS = "documents"
REVIEWS = "reviews"
_MAX_WATCHED = 20_000  # entries under documents/: past it, a change there is seen at the next edit
_SUFFIXES = (".yaml", ".yml")

Status = tuple[int, ...]
Signature = dict[str, Status]


@dataclass(frozen=True)
class Reading:
    """One reading of the repository: the evidence, a number that changes with it, its state."""

    evidence: Evidence
    generation: int
    state: RepositoryState


class Repository:
    """The evidence repository at `root`, read again where it changed since it was last read."""

    def __init__(self, root: Path, standard: Standard) -> None:
        """The repository whose root folder (holding cse.yaml) is `root`."""
        self.root = root.resolve()
        self.standard = standard
        self._reading: Reading | None = None
        self._signature: Signature = {}
        self._head: dict[str, Evidence] = {}
        self.whole_readings = 0
        """How many times the repository was read whole (the first reading included)."""

    def current(self) -> Reading:
        """The evidence as the files on disk are now."""
        now = self._signed(self._reading)
        if self._reading is None or now != self._signature:
            state = self._read_again(now) if self._reading is not None else None
            if state is None:
                state = read_state(self.root, self.standard)
                self.whole_readings += 1
            if self._reading is not None and state is self._reading.state:
                self._signature = now  # only documents' bytes changed: the evidence did not
            else:
                self._set(state, now)
        assert self._reading is not None  # noqa: S101 - set just above
        return self._reading

    def adopt(self, check: FileCheck) -> Reading:
        """The repository once the editor wrote the file `check` checked: nothing read again."""
        self._set(check.state, {**self._signature, check.file: _status(self._path(check.file))})
        assert self._reading is not None  # noqa: S101 - set just above
        return self._reading

    def _set(self, state: RepositoryState, signed: Signature) -> None:
        """Take `state` as the repository now, with the statuses taken before it was read.

        What the new reading names (its documents) is watched too; a status taken
        before reading wins, so a file changed while it was read is read again next time.
        """
        generation = self._reading.generation + 1 if self._reading else 1
        self._reading = Reading(state.evidence, generation, state)
        names = self._signed(self._reading)
        names.update((name, status) for name, status in signed.items() if name in names)
        self._signature = names

    def _read_again(self, now: Signature) -> RepositoryState | None:
        """The state with the element and review files that changed checked again; None: read whole.

        None when cse.yaml changed, a file appeared or went, a file changed kind (a
        document replaced by a folder or a pipe), or a changed file cannot be read.
        """
        assert self._reading is not None  # noqa: S101 - only called once read
        before = self._signature
        if {n for n in before if not n.endswith("/")} != {n for n in now if not n.endswith("/")}:
            return None
        changed = [n for n in now if not n.endswith("/") and now[n] != before[n]]
        evidence_dir = clean(self._reading.evidence.config.evidence_dir) or "evidence"
        state = self._reading.state
        tree = DirTree(self.root)
        for rel in changed:
            if rel == CONFIG_FILE or _kind(now[rel]) != _kind(before[rel]):
                return None
            if not (
                rel.startswith((f"{evidence_dir}/", f"{REVIEWS}/")) and rel.endswith(_SUFFIXES)
            ):
                continue  # a document's bytes: only whether it is a file counts, and it still is
            try:
                data = tree.read(rel)
            except (TooLarge, Unreadable):
                return None
            if data is None:
                return None
            state = check_file_in(state, rel, data).state
        return state

    def _path(self, rel: str) -> str:
        return os.path.join(str(self.root), rel)

    def _signed(self, reading: Reading | None) -> Signature:
        """The status of every file the evidence is read from, and of every document."""
        root = str(self.root)
        evidence_dir = reading.evidence.config.evidence_dir if reading else "evidence"
        watched: Signature = {CONFIG_FILE: _status(os.path.join(root, CONFIG_FILE))}
        for folder in (evidence_dir, REVIEWS):
            _listing(root, clean(folder) or folder, watched, depth=1)
        _listing(root, DOCUMENTS, watched, depth=8)
        if reading is not None:
            for path in _paths(reading.evidence):
                watched.setdefault(path, _status(os.path.join(root, path)))
        return watched

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


def _status(path: str) -> Status:
    """What changes when a file is written, replaced, moved or removed."""
    try:
        found = os.stat(path)
    except OSError as exc:
        return (-(exc.errno or 1),)
    return (found.st_mtime_ns, found.st_ctime_ns, found.st_size, found.st_ino, found.st_mode)


def _kind(status: Status) -> int:
    """What kind of file a status is of (a regular file, a folder…), or the error for none."""
    return stat.S_IFMT(status[4]) if len(status) > 1 else status[0]


def _listing(root: str, rel: str, watched: Signature, depth: int) -> None:
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
        self._answers: dict[str, tuple[tuple[tuple[str, Status], ...], object]] = {}

    def _signed(self) -> tuple[tuple[str, Status], ...]:
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
