"""The evidence repository at many git revisions: tags, named revisions, or every commit of a range.

One `Git` (one long-lived `git cat-file --batch`) reads every revision. A
revision whose repository folder is the same git tree as one already read is
not read again. A range is bounded (`MAX_RANGE_COMMITS`), counted before it is
read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.io.git import Git, _run
from cse_cli.io.gittree import GitTree, _prefix, _root
from cse_cli.io.repository import read_evidence
from cse_cli.io.root import CONFIG_FILE

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.evidence import Evidence
    from cse_cli.core.standard import Standard

MAX_RANGE_COMMITS = 10_000
"""The most commits `cse history --range` reads: beyond it, name a shorter range."""

OnRevision = Callable[[int, int], None]


@dataclass(frozen=True)
class Revision:
    """A revision read: its label, commit id and date, and its evidence (None without cse.yaml)."""

    label: str
    commit: str
    date: str
    evidence: Evidence | None


class History:
    """The git repository holding an evidence repository, read revision by revision."""

    def __init__(self, git: Git, prefix: str, standard: Standard) -> None:
        """Read the evidence repository at folder `prefix` of `git`'s revisions."""
        self.git = git
        self.prefix = prefix
        self.standard = standard
        self._by_tree: dict[str, Evidence | None] = {}

    @property
    def shallow(self) -> bool:
        """Whether the clone is shallow, so that older commits are missing."""
        result = _run(self.git.top, "rev-parse", "--is-shallow-repository")
        return result.stdout.strip() == b"true"

    def tags(self) -> list[str]:
        """Every tag, oldest commit first."""
        result = _run(
            self.git.top, "for-each-ref", "--sort=creatordate", "--format=%(refname:short)",
            "refs/tags",
        )  # fmt: skip
        return [line for line in result.stdout.decode("utf-8", "replace").splitlines() if line]

    def range(self, spec: str) -> list[tuple[str, str]]:
        """Every commit of `A..B` on its first-parent line, oldest first, with a short label."""
        base, dots, head = spec.partition("..")
        if not dots or not head or head.startswith(".") or base.startswith("-"):
            raise CseError(f"--range '{spec}' is not a range: write it as A..B, such as v1..main")
        for side in (base, head) if base else (head,):
            self.git.commit(side)  # a located error when a side names no revision
        count = _run(self.git.top, "rev-list", "--count", "--first-parent", spec)
        total = int(count.stdout.strip() or b"0")
        if total > MAX_RANGE_COMMITS:
            raise CseError(
                f"--range {spec} holds {total:,} commits, over the limit of "
                f"{MAX_RANGE_COMMITS:,}: name a shorter range"
            )
        listed = _run(self.git.top, "rev-list", "--reverse", "--first-parent", "--format=%h", spec)
        lines = listed.stdout.decode("ascii").split()
        # rev-list --format prints "commit <id>" then the formatted line
        return [(lines[i + 2], lines[i + 1]) for i in range(0, len(lines), 3)]

    def read(self, label: str, revision: str) -> Revision:
        """The evidence at `revision` (None when it has no cse.yaml there)."""
        commit = self.git.commit(revision)
        date = _run(self.git.top, "show", "-s", "--format=%cs", commit)
        spec = f"{commit}:{self.prefix}" if self.prefix else f"{commit}^{{tree}}"
        tree = _run(self.git.top, "rev-parse", "--verify", "--quiet", spec).stdout.strip()
        key = tree.decode("ascii") or commit
        if key not in self._by_tree:
            config = f"{self.prefix}/{CONFIG_FILE}" if self.prefix else CONFIG_FILE
            if self.git.read(f"{commit}:{config}") is None:
                self._by_tree[key] = None
            else:
                files = GitTree(self.git, commit, self.prefix, label)
                self._by_tree[key] = read_evidence(files, self.standard)
        return Revision(label, commit, date.stdout.decode("ascii").strip(), self._by_tree[key])


@contextmanager
def open_history(path: Path, standard: Standard) -> Iterator[History]:
    """The history of the evidence repository holding `path`.

    Its root is the nearest folder with cse.yaml in the working tree, else at
    HEAD, else the folder given, where each revision without cse.yaml says so.
    """
    with closing(Git.find(path)) as git:
        start = _prefix(git, path)
        head = _run(git.top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").stdout.strip()
        sides: list[str | None] = [None, head.decode("ascii")] if head else [None]
        prefix = _root(git, start, sides)
        yield History(git, start if prefix is None else prefix, standard)
