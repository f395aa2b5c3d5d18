"""What reading one element file did, and what it looked up: so that it can be done again.

The history reader (cse_cli.io.history_reader) keeps an `Outcome` for each file
it reads, with the ids and elements it looked up (through `Watched` dicts) and
the paths it checked; while those answer as they did, the outcome holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cse_cli.core.stages import Stage
    from cse_cli.io.maptree import MapTree
    from cse_cli.io.tree import Refusal


class Watched(dict[str, Any]):
    """A dict that notes, while `seen` is a list, each key looked up and its value (or None)."""

    seen: list[tuple[str, Any]] | None = None

    def get(self, key: str, default: object = None) -> object:
        """As dict.get, noted."""
        found = dict.get(self, key)
        if self.seen is not None:
            self.seen.append((key, found))
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        """As `key in dict`, noted."""
        assert isinstance(key, str)  # noqa: S101 - ids and element ids
        if self.seen is not None:
            self.seen.append((key, dict.get(self, key)))
        return dict.__contains__(self, key)


@dataclass
class Outcome:
    """What reading one element file did, and what it depended on beyond the file itself.

    It holds while the ids and elements it looked up are there or not as they were,
    and each path it checked gives the same answer.
    """

    ids_seen: list[tuple[str, Any]]
    files_seen: list[tuple[str, Any]]
    paths: list[tuple[str, Refusal | None]]
    problems: list[Any]
    ids: list[tuple[str, tuple[str, int, int]]]
    refs: list[tuple[str, str, int, int]]
    element: tuple[str, Any, str] | None
    reviews: tuple[Any, dict[Stage, Any], dict[Stage, str]] | None = None
    read: tuple[int, int] = (0, 0)
    """The values and evidence items the file holds (toward the repository's limits)."""
    """For the review files: the documents requested, the reviews and their files."""

    @property
    def effects(self) -> tuple[object, ...]:
        """What it did that another file can look up: the ids it defined, the element taken."""
        return (self.ids, self.element and (self.element[0], self.element[2]))

    @property
    def free(self) -> bool:
        """Whether it depended on nothing but the file and cse.yaml."""
        return not (self.ids_seen or self.files_seen or self.paths)

    def holds(self, ids: dict[str, Any], files: dict[str, str], tree: MapTree) -> bool:
        """Whether reading the file again now would do the same."""
        for key, was in self.ids_seen:
            if dict.get(ids, key) != was:
                return False
        for key, was in self.files_seen:
            if dict.get(files, key) != was:
                return False
        return all(same_answer(tree.check_file(path), refusal) for path, refusal in self.paths)


def watching(found: dict[str, Any]) -> Watched:
    """`found`, which the history reader made a `Watched` dict, as one."""
    assert isinstance(found, Watched)  # noqa: S101 - as HistoryReader sets it
    return found


def same_answer(a: Refusal | None, b: Refusal | None) -> bool:
    """Whether two checks of a path gave the same answer: none, or the same refusal."""
    return a == b and getattr(a, "why", None) is getattr(b, "why", None)
