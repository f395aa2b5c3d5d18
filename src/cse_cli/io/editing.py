"""One file checked in the context of the repository, as the editor checks what it would write.

`read_state` reads the repository once, as `cse check` does, and keeps what
reading each file did. `check_file_in` then says what `cse check` would say of
one file if it held other bytes: the file's own problems, located, and the
problems elsewhere that the change causes or ends (a `ref:` to an id the new
bytes no longer define, an element now given twice). Nothing is written and no
other file is read again: the other files are as first read (cse_cli.io.snapshot),
and what reading each did is kept while the questions its rules asked of the
rest get the same answers (cse_cli.io.rereading).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.io.memo import Memo
from cse_cli.io.repository import RepositoryReader
from cse_cli.io.rereading import read_again
from cse_cli.io.root import find_root
from cse_cli.io.snapshot import SnapshotTree
from cse_cli.io.tree import DirTree, clean

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.problems import Problem
    from cse_cli.core.standard import Standard
    from cse_cli.io.memo import RepositoryRead
    from cse_cli.io.repository import OnFileRead


@dataclass(frozen=True)
class RepositoryState:
    """The repository as read: its evidence, and what is kept to check a file in it again."""

    tree: SnapshotTree
    standard: Standard
    memo: Memo
    read: RepositoryRead

    @property
    def evidence(self) -> Evidence:
        """The evidence, with every problem `cse check` reports, as `open_repository` gives it."""
        return self.read.evidence


@dataclass(frozen=True)
class FileCheck:
    """What `cse check` would say if one file held other bytes."""

    file: str
    problems: tuple[Problem, ...]
    """The file's problems, as `cse check` prints them (its first 100, then one line)."""
    caused: tuple[Problem, ...]
    """Problems in other files that the change causes (a `ref:` to an id it removed)."""
    ended: tuple[Problem, ...]
    """Problems in other files that the change ends."""
    state: RepositoryState
    """The repository with the file written: its evidence scores it, and the next check starts
    from it once the file is saved."""


def read_state(
    path: Path, standard: Standard, progress: OnFileRead | None = None
) -> RepositoryState:
    """Read the repository holding `path` (CseError if none), keeping what reading each file did."""
    root = find_root(path)
    tree = SnapshotTree(DirTree(root))
    memo = Memo()
    read = RepositoryReader(tree, standard, progress, cached=(tree, memo)).read()
    read.evidence.root = root
    return RepositoryState(tree, standard, memo, read)


def check_file_in(state: RepositoryState, rel: str, data: bytes) -> FileCheck:
    """What `cse check` would say of the repository `state` with the file `rel` holding `data`.

    `rel` is a path relative to the repository's root, with `/` between folders:
    cse.yaml, an element file (`evidence/1.1.1.yaml`), a review file
    (`reviews/surveillance-1.yaml`), new or not. The result holds exactly the
    problems `cse check` prints for that file once it is written, and those in
    other files that writing it causes or ends; its `state` is the repository
    with the file written. A file changed on disk since `state` was read (a code
    editor, `git pull`) is taken in the same way: pass its new bytes. Whether a
    document named by `path:` is a file is asked of the disk for the file checked;
    for the others it is as when they were read, so read the state again after
    documents are added or removed. The states share a memo: check from one thread
    at a time.

    In the Bolton example, with `data` its 1.1.1 whose `final: full` became
    `final: fine`, `check_file_in(read_state(BOLTON, standard), "evidence/1.1.1.yaml",
    data).problems` is the one problem `cse check` would print: `evidence/1.1.1.yaml:5:8:
    error: final: 'fine' is not a rating: use compliance-plus, full, partial or …`.

    Raises ValueError for a path that is not inside the repository.
    """
    if rel != clean(rel) or rel == ".":
        msg = f"{rel!r} is not a path inside the repository, written with / between folders"
        raise ValueError(msg)
    tree = state.tree.with_file(rel, data)
    read = read_again(state.read, tree, {rel}, state.standard, state.memo)
    read.evidence.root = state.evidence.root
    state.memo.forget(rel, {state.tree.oid(rel), tree.oid(rel)})
    before = Counter(p for p in state.evidence.problems if p.file != rel)
    after = Counter(p for p in read.evidence.problems if p.file != rel)
    return FileCheck(
        rel,
        tuple(problem for problem in read.evidence.problems if problem.file == rel),
        tuple((after - before).elements()),
        tuple((before - after).elements()),
        RepositoryState(tree, state.standard, state.memo, read),
    )
