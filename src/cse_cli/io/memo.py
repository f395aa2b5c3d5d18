"""What reading a repository did, kept to read it again quickly after some files changed.

`cse history --range` reads a repository at every commit, and the editor after
every edit; most files are as they were. A `Memo` keeps, keyed by what each was
made from (the file's path and content id, cse.yaml's content id), the loaded
documents, their validated models and what the rules did with each element file
(an `Outcome`, cse_cli.rules.element, with the questions it asked of the other
files). A `RepositoryRead` is one reading whole: the evidence, and the outcome of
each element file in the order read, from which cse_cli.io.rereading patches the
next reading when only element files changed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from cse_cli.io.limits import at_most_per_file
from cse_cli.io.root import CONFIG_FILE

if TYPE_CHECKING:
    from cse_cli.core.evidence import Evidence
    from cse_cli.core.problems import Problem
    from cse_cli.io.documents import Loaded
    from cse_cli.io.reviews import ReviewsRead
    from cse_cli.io.tree import Entry, Refusal
    from cse_cli.rules.element import Outcome


class Versioned(Protocol):
    """A tree that names each file's content without reading it (a git blob id, a hash)."""

    label: str
    paths: int
    """Counts the changes to the set of paths (a file added or deleted)."""

    def read(self, rel: str) -> bytes | None:
        """The bytes of a regular file (None when absent); raises TooLarge or Unreadable."""

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder, sorted by name (None when it is not a folder)."""

    def check_file(self, rel: str) -> Refusal | None:
        """Why `rel` is not a readable file inside the tree, or None when it is."""

    def oid(self, rel: str) -> str | None:
        """What names a file's content and kind, or None when there is no such file."""


ElementKey = tuple[str, str, "str | None", "str | None"]
"""An element file's path, its kind in the listing, its content id and cse.yaml's."""


class Trace(NamedTuple):
    """The element files read, in order: each one's key and what reading it did."""

    prefix: str
    """The evidence folder, with a final `/`."""
    outcomes: tuple[tuple[ElementKey | None, Outcome], ...]

    @property
    def places(self) -> dict[str, int]:
        """The place of each element file in the order read."""
        return {key[0]: at for at, (key, _) in enumerate(self.outcomes) if key is not None}


class RepositoryRead(NamedTuple):
    """One reading of a repository: its evidence, and what is needed to read it again."""

    evidence: Evidence
    problems: tuple[Problem, ...]
    """Every problem, before `at_most_per_file`."""
    trace: Trace | None
    """None when no element file was read, or the reading stopped at a limit."""
    config: str | None
    """cse.yaml's content id."""
    cycle_known: bool
    paths: int
    """The tree's count of changes to its set of paths, when read."""

    def updated(self, trace: Trace) -> RepositoryRead:
        """The reading, with element files read again, each giving what it gave before.

        Every changed file defines the same ids and takes the same element, so the
        other files, the `ref:`s and the review files read as they did.
        """
        assert self.trace is not None  # noqa: S101 - only a reading with a trace is patched
        pairs = zip(self.trace.outcomes, trace.outcomes, strict=True)
        changed = [(was, now) for (_, was), (_, now) in pairs if was is not now]
        evidence = self.evidence
        elements = dict(evidence.elements)
        for _, now in changed:
            if now.element is not None:
                elements[now.element.element_id] = now.element.element
        problems = self.problems
        shown = evidence.problems
        if any(was.problems or now.problems for was, now in changed):
            dropped = {id(problem) for was, _ in changed for problem in was.problems}
            kept = [problem for problem in problems if id(problem) not in dropped]
            problems = (*kept, *(problem for _, now in changed for problem in now.problems))
            shown = at_most_per_file(list(problems))
        return self._replace(
            evidence=replace(evidence, elements=elements, problems=shown),
            problems=problems, trace=trace,
        )  # fmt: skip


class Memo:
    """What reading files did, kept from one reading of a repository to the next."""

    __slots__ = ("elements", "known", "last", "loaded", "orders", "reviews", "validated")

    def __init__(self) -> None:
        """An empty memo."""
        self.loaded: dict[tuple[str, str | None], Loaded] = {}
        self.validated: dict[tuple[str, str | None, type], tuple[Any, tuple[Problem, ...]]] = {}
        """By file, content id and model: the model (or None) and the problems validating added."""
        self.elements: dict[ElementKey, Outcome] = {}
        self.reviews: dict[tuple[object, ...], ReviewsRead] = {}
        self.orders: dict[tuple[str, ...], list[str]] = {}
        """The order element files are read in, by the names in the folder."""
        self.last: RepositoryRead | None = None
        """The last reading, which the next one starts from (for `cse history --range`)."""
        self.known: frozenset[str] | None = None
        """The standard's element ids, made once."""

    def forget(self, rel: str, keep: set[str | None]) -> None:
        """Drop what was kept for `rel` at contents other than `keep` (an editor's drafts).

        So that an editor's memo stays the size of the repository however many
        times a file is checked. For cse.yaml, every element file's and review
        files' reading in another cse.yaml goes too.
        """
        config = rel == CONFIG_FILE
        self.loaded = {k: v for k, v in self.loaded.items() if k[0] != rel or k[1] in keep}
        self.validated = {k: v for k, v in self.validated.items() if k[0] != rel or k[1] in keep}
        self.elements = {
            k: v
            for k, v in self.elements.items()
            if (k[0] != rel or k[2] in keep) and (not config or k[3] in keep)
        }
        self.reviews = {
            k: v
            for k, v in self.reviews.items()
            if (not config or k[0] in keep) and _kept(k[1], rel, keep)
        }


def _kept(files: object, rel: str, keep: set[str | None]) -> bool:
    """Whether a key of the review files (their paths and content ids) has `rel` only as kept."""
    assert isinstance(files, tuple)  # noqa: S101 - as cse_cli.io.reviews keys them
    return all(path != rel or oid in keep for path, oid in files)
