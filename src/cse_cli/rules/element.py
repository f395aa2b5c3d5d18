"""One element file read in its repository: its rules applied, and what reading it did.

`read_element` is pure: given the file's document, its model (None when it did
not validate) and what the files read before define and take, it applies the
element file's rules in the registry's order and returns an `Outcome`: the
problems, the ids the file defines, the `ref:`s it makes, the element it gives,
and every question it asked of the rest of the repository. The repository
reader (cse_cli.io.repository) calls it for each element file; the history
reader and the editor reuse an outcome while its questions get the same answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from cse_cli.rules import ELEMENT_RULES, paths, refs
from cse_cli.rules.context import EVIDENCE, ITEM_LISTS, Lookups, Place, Ref
from cse_cli.rules.repository_limits import counted

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.core.evidence import ElementFile
    from cse_cli.core.problems import Problem
    from cse_cli.rules.context import ElementContext, Located, Paths


class Taken(NamedTuple):
    """The element a file gives: its id, what the file says, and the file."""

    element_id: str
    element: ElementFile
    file: str


NOTHING_ASKED = Lookups()
"""The questions of a file refused before its rules were applied: none (never added to)."""


class Outcome(NamedTuple):
    """What reading one element file did, and the questions it asked of the others."""

    problems: tuple[Problem, ...]
    ids: tuple[tuple[str, Place], ...] = ()
    """The evidence ids it defines first, in order, with where."""
    refs: tuple[Ref, ...] = ()
    element: Taken | None = None
    lookups: Lookups = NOTHING_ASKED
    read: tuple[int, int] = (0, 0)
    """The values and evidence items the file holds (toward the repository's limits)."""

    @property
    def effects(self) -> tuple[object, ...]:
        """What it did that another file can ask about: the ids it defines, the element taken."""
        taken = self.element and (self.element.element_id, self.element.file)
        return (self.ids, taken)

    def holds(self, ids: Mapping[str, Place], elements: Mapping[str, str], files: Paths) -> bool:
        """Whether reading it after files defining `ids` and taking `elements` does the same."""
        return self.lookups.hold(ids, elements, files)


def read_element(doc: Located, element: ElementFile | None, context: ElementContext) -> Outcome:
    """Apply the rules of one element file to it; `element` is None when it did not validate.

    A file that does not validate, or cannot count as its element, still defines
    the ids and makes the `ref:`s it writes, and its paths are checked: one
    mistake never hides another, and a `ref:` to an id it defines is not called
    a ref to nothing.
    """
    taken = None
    if element is not None and all(rule.check(doc, element, context) for rule in ELEMENT_RULES):
        taken = Taken(element.element, element, doc.file)
        refs.cite(doc, element, context)
    else:
        _as_written(doc, context)
    return Outcome(
        tuple(doc.problems), tuple(context.defined.items()), tuple(context.refs), taken,
        context.lookups, counted(doc),
    )  # fmt: skip


def _as_written(doc: Located, context: ElementContext) -> None:
    """The ids, refs and paths of a file that failed validation, as it was written."""
    data = doc.data
    for kind in ITEM_LISTS:
        items = data.get(kind) if isinstance(data, dict) else None
        for index, raw in enumerate(items if isinstance(items, list) else []):
            if not isinstance(raw, dict):
                continue
            at = (kind, index)
            item_id, ref, path = raw.get("id"), raw.get("ref"), raw.get("path")
            if isinstance(ref, str):
                context.refs.append(Ref(ref, doc.file, *doc.position((*at, "ref")), kind))
            elif isinstance(item_id, str) and context.first_definition(item_id) is None:
                context.defined[item_id] = Place(doc.file, *doc.position((*at, "id")), kind)
            if kind == EVIDENCE and isinstance(path, str) and path and ref is None:
                paths.check_at(doc, at, path, context.check_path(path))
