"""The evidence repository at many git revisions: tags, named revisions, or every commit of a range.

Named revisions and tags are read whole, through one `Git` (one long-lived
`git cat-file --batch`); a revision whose repository folder is the same git tree
as one already read is not read again. A range is read from one `git log --raw`:
the files are followed commit by commit, every blob is fetched in one batch, and
each distinct file is loaded and validated once. A range is bounded
(`MAX_RANGE_COMMITS`), counted before anything is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.core.text import quoted
from cse_cli.io.git import Git, GitObject, run_git, shown
from cse_cli.io.gittree import GitTree, _prefix, _root
from cse_cli.io.history_reader import HistoryReader
from cse_cli.io.limits import MAX_FILE_BYTES
from cse_cli.io.maptree import MapTree
from cse_cli.io.memo import Memo
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
        result = run_git(self.git.top, "rev-parse", "--is-shallow-repository")
        return result.stdout.strip() == b"true"

    def tags(self) -> tuple[list[tuple[str, str]], list[str]]:
        """Every tag that names a commit, oldest first, as (label, commit id).

        Then a warning for each tag left out: one that names a blob or a tree
        (git.git has one), through any number of tag objects.
        """
        result = run_git(
            self.git.top, "for-each-ref", "--sort=creatordate", "--format=%(refname)", "refs/tags"
        )
        named, left_out = [], []
        for ref in result.stdout.splitlines():
            name = shown(ref.removeprefix(b"refs/tags/"))
            found = self.git.peeled(ref.decode("utf-8", "surrogateescape"))
            if found is not None and found[0] == "commit":
                named.append((name, found[1]))
                continue
            what = f"a {found[0]}" if found is not None else "an object git cannot read"
            left_out.append(f"tag {quoted(name)} names {what}, not a commit: left out")
        return named, left_out

    def range(self, spec: str) -> list[tuple[str, str]]:
        """Every commit of `A..B` on its first-parent line, oldest first, with a short label."""
        base, dots, head = spec.partition("..")
        if not dots or not head or head.startswith(".") or base.startswith("-"):
            raise CseError(f"--range '{spec}' is not a range: write it as A..B, such as v1..main")
        for side in (base, head) if base else (head,):
            self.git.commit(side)  # a located error when a side names no revision
        count = run_git(self.git.top, "rev-list", "--count", "--first-parent", spec)
        total = int(count.stdout.strip() or b"0")
        if total > MAX_RANGE_COMMITS:
            raise CseError(
                f"--range {spec} holds {total:,} commits, over the limit of "
                f"{MAX_RANGE_COMMITS:,}: name a shorter range"
            )
        listed = run_git(
            self.git.top, "rev-list", "--reverse", "--first-parent", "--format=%h", spec
        )
        lines = listed.stdout.decode("ascii").split()
        # rev-list --format prints "commit <id>" then the formatted line
        return [(lines[i + 2], lines[i + 1]) for i in range(0, len(lines), 3)]

    def walk(self, spec: str, progress: OnRevision | None = None) -> Iterator[Revision]:
        """Every commit of range `spec` (see `range`), read from one `git log --raw`.

        The files are tracked from the listing before the first commit, then
        changed as each commit changes them; each distinct file is loaded and
        validated once, whatever number of commits hold it.
        """
        listed = self.range(spec)
        if not listed:
            return
        first = listed[0][1]
        parent = run_git(self.git.top, "rev-parse", "--verify", "--quiet", f"{first}^")
        start = parent.stdout.decode("ascii").strip()
        listing = self.git.listing(start, self.prefix) if start else {}
        objects = {path: found for path, found in listing.items() if found.kind == "blob"}
        log = run_git(
            self.git.top, "log", "--first-parent", "--reverse", "--no-show-signature",
            "--format=%x00%H %cs", "--raw", "-z", "--no-renames", "--no-abbrev", spec,
            "--", self.prefix or ".",
        )  # fmt: skip
        changes = _changes(log.stdout, self.prefix)
        wanted = {found.oid for found in objects.values()} | {
            found.oid for _, changed in changes.values() for _, found in changed if found
        }
        tree = MapTree(self.git, objects, _prefetch(self.git.top, wanted))
        memo = Memo()
        for done, (label, commit) in enumerate(listed, start=1):
            date, changed = changes.get(commit, ("", []))
            tree.change(changed)
            tree.label = label
            evidence = None
            if CONFIG_FILE in objects:
                evidence = HistoryReader(tree, self.standard, memo).run()
            yield Revision(label, commit, date or self.git.date(commit), evidence)
            if progress is not None:
                progress(done, len(listed))

    def each(self, wanted: Iterable[tuple[str, str]]) -> Iterator[Revision]:
        """The evidence at each (label, revision), in order."""
        for label, revision in wanted:
            yield self.read(label, revision)

    def read(self, label: str, revision: str) -> Revision:
        """The evidence at `revision` (None when it has no cse.yaml there)."""
        commit = self.git.commit(revision)
        spec = f"{commit}:{self.prefix}" if self.prefix else f"{commit}^{{tree}}"
        tree = run_git(self.git.top, "rev-parse", "--verify", "--quiet", spec).stdout.strip()
        key = tree.decode("ascii") or commit
        if key not in self._by_tree:
            config = f"{self.prefix}/{CONFIG_FILE}" if self.prefix else CONFIG_FILE
            if self.git.read(f"{commit}:{config}") is None:
                self._by_tree[key] = None
            else:
                files = GitTree(self.git, commit, self.prefix, label)
                self._by_tree[key] = read_evidence(files, self.standard)
        return Revision(label, commit, self.git.date(commit), self._by_tree[key])


@contextmanager
def open_history(path: Path, standard: Standard) -> Iterator[History]:
    """The history of the evidence repository holding `path`.

    Its root is the nearest folder with cse.yaml in the working tree, else at
    HEAD, else the folder given, where each revision without cse.yaml says so.
    """
    with closing(Git.find(path)) as git:
        start = _prefix(git, path)
        head = run_git(git.top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").stdout.strip()
        sides: list[str | None] = [None, head.decode("ascii")] if head else [None]
        prefix = _root(git, start, sides)
        yield History(git, start if prefix is None else prefix, standard)


def _changes(raw: bytes, prefix: str) -> dict[str, tuple[str, list[tuple[str, GitObject | None]]]]:
    """Per commit of a `git log --raw -z` output: its date and the files it changed.

    Paths are made relative to `prefix`; a deleted file maps to None.
    """
    found: dict[str, tuple[str, list[tuple[str, GitObject | None]]]] = {}
    lead = f"{prefix}/" if prefix else ""
    fields = raw.split(b"\0")
    commit = ""
    index = 0
    while index < len(fields):
        field = fields[index].lstrip(b"\n")
        index += 1
        if not field:
            continue
        if not field.startswith(b":"):  # "<commit id> <date>", from --format
            commit, _, day = field.decode("ascii").partition(" ")
            found[commit] = (day, [])
            continue
        meta = field.decode("ascii").split()  # ":old-mode new-mode old-id new-id status"
        path = fields[index].decode("utf-8", "surrogateescape")
        index += 1
        if commit and path.startswith(lead):
            change = None if meta[4] == "D" else GitObject(meta[1], "blob", meta[3], -1)
            found[commit][1].append((path[len(lead) :], change))
    return found


def _prefetch(top: Path, oids: set[str]) -> dict[str, bytes]:
    """Every blob of `oids` no larger than one file may be, in one `git cat-file --batch` run.

    One round trip instead of one per blob; a larger blob is left for `_MapTree.read`
    to refuse with the limit's message.
    """
    if not oids:
        return {}
    order = sorted(oids)
    done = run_git(top, "cat-file", "--batch", stdin="\n".join(order).encode() + b"\n")
    blobs: dict[str, bytes] = {}
    out, at = done.stdout, 0
    for oid in order:
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or not header[2].isdigit():  # noqa: PLR2004 - `<id> missing`
            continue
        size = int(header[2])
        if size <= MAX_FILE_BYTES:
            blobs[oid] = out[at : at + size]
        at += size + 1
    return blobs
