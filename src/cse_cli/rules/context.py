"""What a rule sees: one document, and the facts of the rest of the repository it may ask for.

The rules never read a file. They receive a loaded document (`Located`: its
data, where each value stands, the problems met) and a context that answers the
few questions one file's rules ask of the others: is this evidence id defined
already, and where; which file gives this element; is this path a file inside
the repository. Each question is noted with its answer (`Lookups`), so that a
reader can tell when what reading a file did still holds (cse_cli.io.memo)
without recording anything behind the rules' backs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from cse_cli.core.config import Config, RequestedDocument
    from cse_cli.core.problems import Problem
    from cse_cli.core.reviews import Review
    from cse_cli.core.stages import Stage


class Located(Protocol):
    """A loaded YAML file as the rules see it (cse_cli.io.yaml_document's `Document`)."""

    file: str
    """Its path, relative to the repository's root."""
    data: Any
    values: int
    """The values it holds (texts, numbers, lists and mappings), aliases counted in full."""
    problems: list[Problem]

    def position(self, loc: tuple[Any, ...] = (), *, of_key: bool = False) -> tuple[int, int]:
        """The (line, column) of the value at `loc`, or of its key with `of_key`."""

    def contains(self, loc: tuple[Any, ...]) -> bool:
        """Whether every key of `loc` exists in the data."""

    def error(self, where: tuple[int, int], message: str) -> None:
        """Record an error at a (line, column) place."""

    def warning(self, where: tuple[int, int], message: str) -> None:
        """Record a warning at a (line, column) place."""


class Paths(Protocol):
    """The repository's files, as far as the rules ask (a `Tree` of cse_cli.io.tree)."""

    def check_file(self, rel: str) -> str | None:
        """Why `rel` is not a readable regular file inside the repository, or None."""


class Place(NamedTuple):
    """Where a value is written: a file, a line and a column."""

    file: str
    line: int
    column: int


class Ref(NamedTuple):
    """A `ref:` to an evidence id, and where it is written (checked once every file is read)."""

    ref: str
    file: str
    line: int
    column: int


@dataclass
class Lookups:
    """Each question one file's rules asked of the rest of the repository, with the answer.

    While every question gets the same answer, reading the file again does what
    reading it did; `complete` is False when an answer depended on more than the
    questions (a suggestion among every id defined), so that it is never reused.
    """

    ids: list[tuple[str, Place | None]] = field(default_factory=list)
    elements: list[tuple[str, str | None]] = field(default_factory=list)
    paths: list[tuple[str, str | None]] = field(default_factory=list)
    complete: bool = True

    def hold(self, ids: Mapping[str, Place], elements: Mapping[str, str], paths: Paths) -> bool:
        """Whether each question gets the same answer from these ids, elements and files."""
        return (
            all(ids.get(key) == was for key, was in self.ids)
            and all(elements.get(key) == was for key, was in self.elements)
            and all(paths.check_file(path) == was for path, was in self.paths)
        )


@dataclass
class ElementContext:
    """The rest of the repository, as one element file's rules may ask of it.

    `ids` and `elements` are what the element files read before this one define
    and take, in the order `cse check` reads them; what this file defines and
    cites is gathered in `defined` and `refs`.
    """

    known: Collection[str]
    """The standard's element ids."""
    config: Config
    cycle_known: bool
    """Whether cse.yaml was valid, so that its cycle can be checked against."""
    ids: Mapping[str, Place]
    elements: Mapping[str, str]
    """The file of each element taken by the files read before."""
    paths: Paths
    lookups: Lookups = field(default_factory=Lookups)
    defined: dict[str, Place] = field(default_factory=dict)
    """The evidence ids this file defines first, with where."""
    refs: list[Ref] = field(default_factory=list)

    def first_definition(self, item_id: str) -> Place | None:
        """Where `item_id` is defined first, by this file or one read before, or None."""
        own = self.defined.get(item_id)
        if own is not None:  # this file's own: no question of the others
            return own
        found = self.ids.get(item_id)
        self.lookups.ids.append((item_id, found))
        return found

    def element_file(self, element_id: str) -> str | None:
        """The file read before that gives `element_id`, or None."""
        found = self.elements.get(element_id)
        self.lookups.elements.append((element_id, found))
        return found

    def check_path(self, path: str) -> str | None:
        """Why `path` is not a readable file inside the repository, or None."""
        found = self.paths.check_file(path)
        self.lookups.paths.append((path, found))
        return found


@dataclass
class ReviewContext:
    """The rest of the repository, as a review file's rules may ask of it."""

    config: Config
    requested: list[RequestedDocument]
    """The documents the certification body requests: cse.yaml's list, else the standard's."""
    criteria: list[int]
    """The standard's criteria, by number."""
    ids: Mapping[str, Place]
    """Every evidence id the element files define."""
    paths: Paths
    earlier: Mapping[Stage, Review]
    """The review files read before this one (the first surveillance's, for the second)."""
    lookups: Lookups = field(default_factory=Lookups)

    def defined(self, item_id: str) -> bool:
        """Whether an element file defines `item_id`."""
        found = self.ids.get(item_id)
        self.lookups.ids.append((item_id, found))
        return found is not None

    def every_id(self) -> Collection[str]:
        """Every evidence id (to suggest one): an answer no single question holds."""
        self.lookups.complete = False
        return self.ids.keys()

    def check_path(self, path: str) -> str | None:
        """Why `path` is not a readable file inside the repository, or None."""
        found = self.paths.check_file(path)
        self.lookups.paths.append((path, found))
        return found
