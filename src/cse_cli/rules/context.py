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


EVIDENCE = "evidence"
"""The list of desk-top evidence items ("Show Me"), and the kind of item an id names there."""
ON_SITE = "on_site"
"""The list of on-site items ("Tell Me / See On Site"), and the kind of item an id names there."""
ITEM_LISTS = (EVIDENCE, ON_SITE)
"""The lists of an element file whose items have ids and refs, one space of ids for both."""


class Place(NamedTuple):
    """Where a value is written: a file, a line and a column; for an id, the list it is in."""

    file: str
    line: int
    column: int
    kind: str = EVIDENCE
    """The list of the item an id defines: `evidence` or `on_site`."""


class Ref(NamedTuple):
    """A `ref:` to an item's id, and where it is written (checked once every file is read)."""

    ref: str
    file: str
    line: int
    column: int
    kind: str = EVIDENCE
    """The list it is written in, so the kind of item it must cite: `evidence` or `on_site`."""


class Lookups:
    """Each question one file's rules asked of the rest of the repository, with the answer.

    While every question gets the same answer, reading the file again does what
    reading it did; `complete` is False when an answer depended on more than the
    questions (a suggestion among every id defined), so that it is never reused.
    """

    __slots__ = ("complete", "elements", "ids", "paths")

    def __init__(
        self,
        ids: list[tuple[str, Place | None]] | None = None,
        elements: list[tuple[str, str | None]] | None = None,
        paths: list[tuple[str, str | None]] | None = None,
    ) -> None:
        """The questions asked so far (none, by default)."""
        self.ids = ids if ids is not None else []
        self.elements = elements if elements is not None else []
        self.paths = paths if paths is not None else []
        self.complete = True

    def hold(self, ids: Mapping[str, Place], elements: Mapping[str, str], paths: Paths) -> bool:
        """Whether each question gets the same answer from these ids, elements and files."""
        return (
            all(ids.get(key) == was for key, was in self.ids)
            and all(elements.get(key) == was for key, was in self.elements)
            and all(paths.check_file(path) == was for path, was in self.paths)
        )


# The contexts are plain classes, not dataclasses: a dataclass's methods are
# generated when its module is imported, on every start of `cse check`.


class ElementContext:
    """The rest of the repository, as one element file's rules may ask of it.

    `ids` and `elements` are what the element files read before this one define
    and take, in the order `cse check` reads them; what this file defines and
    cites is gathered in `defined` and `refs`.
    """

    __slots__ = (
        "config", "cycle_known", "defined", "elements", "ids", "known", "lookups", "paths", "refs",
    )  # fmt: skip

    def __init__(
        self,
        known: Collection[str],
        config: Config,
        cycle_known: bool,
        ids: Mapping[str, Place],
        elements: Mapping[str, str],
        paths: Paths,
    ) -> None:
        """The context of one element file.

        `known`: the standard's element ids; `config`: cse.yaml (valid when
        `cycle_known`); `ids` and `elements`: what the files read before define and
        take (the file of each element); `paths`: the repository's files.
        """
        self.known = known
        self.config = config
        self.cycle_known = cycle_known
        self.ids = ids
        self.elements = elements
        self.paths = paths
        self.lookups = Lookups()
        self.defined: dict[str, Place] = {}
        """The evidence ids this file defines first, with where."""
        self.refs: list[Ref] = []

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


class ReviewContext:
    """The rest of the repository, as a review file's rules may ask of it."""

    __slots__ = ("config", "criteria", "earlier", "ids", "lookups", "paths", "requested")

    def __init__(
        self,
        config: Config,
        requested: list[RequestedDocument],
        criteria: list[int],
        ids: Mapping[str, Place],
        paths: Paths,
        earlier: Mapping[Stage, Review],
    ) -> None:
        """The context of one review file.

        `config`: cse.yaml; `requested`: the documents requested (its list, else the
        standard's); `criteria`: the standard's, by number; `ids`: every evidence id;
        `paths`: the repository's files; `earlier`: the review files read before this
        one (the first surveillance's, for the second).
        """
        self.config = config
        self.requested = requested
        self.criteria = criteria
        self.ids = ids
        self.paths = paths
        self.earlier = earlier
        self.lookups = Lookups()

    def defined(self, item_id: str) -> bool:
        """Whether an element file defines `item_id` as an evidence item (not an on-site one)."""
        found = self.ids.get(item_id)
        self.lookups.ids.append((item_id, found))
        return found is not None and found.kind == EVIDENCE

    def every_id(self) -> Collection[str]:
        """Every evidence item's id (to suggest one): an answer no single question holds."""
        self.lookups.complete = False
        return [item_id for item_id, place in self.ids.items() if place.kind == EVIDENCE]

    def check_path(self, path: str) -> str | None:
        """Why `path` is not a readable file inside the repository, or None."""
        found = self.paths.check_file(path)
        self.lookups.paths.append((path, found))
        return found
