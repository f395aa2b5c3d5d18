"""The data being edited: each value with the node it was read from, until an edit replaces it.

Edits change this tree, never the text; `layout` then writes the text from it,
copying what still has its node and writing what does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NoReturn

from cse_cli.core.text import describe
from cse_cli.io.yaml_edit.edits import (
    Delete,
    EditDoesNotFit,
    FileNotEditable,
    Insert,
    Set,
    changes,
    check_value,
    problem,
    same,
    spell,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from cse_cli.io.yaml_edit.edits import Edit, Path
    from cse_cli.io.yaml_edit.source import Lines, Node

    KeyOrder = Callable[[Path], Sequence[str]]


@dataclass(eq=False, slots=True)
class Box:
    """A value: a scalar, or a mapping or list of slots; `node` is None once an edit wrote it."""

    node: Node | None
    kind: str = "scalar"  # "map", "seq" or "scalar" (an alias is a scalar here: never entered)
    value: object = None  # a scalar's value; a collection's data as read, until it changes
    slots: list[Slot] = field(default_factory=list)
    frozen: bool = False  # an anchor or alias: changing it would change other values too
    dirty: bool = False  # an edit changed something inside it


@dataclass(eq=False, slots=True)
class Slot:
    """A key and its value in a mapping, or an item of a list."""

    key: str | None
    box: Box
    origin: int | None = None  # its index in the node it was read from; None when new


def build(data: object, node: Node) -> Box:
    """The tree of the data cse's loader read, each value with its node."""
    if node.kind == "map" and isinstance(data, dict) and len(data) == len(node.children):
        pairs = zip(data.items(), node.children, strict=True)
        slots = [Slot(k, build(v, n), i) for i, ((k, v), n) in enumerate(pairs)]
        return Box(node, "map", data, slots, frozen=node.anchored)
    if node.kind == "seq" and isinstance(data, list) and len(data) == len(node.children):
        items = zip(data, node.children, strict=True)
        slots = [Slot(None, build(v, n), i) for i, (v, n) in enumerate(items)]
        return Box(node, "seq", data, slots, frozen=node.anchored)
    return Box(node, value=data, frozen=node.anchored or node.kind != "scalar")


def fresh(data: object, path: Path, order: KeyOrder | None) -> Box:
    """A tree for a value an edit writes, its keys in the order `order` gives."""
    if isinstance(data, dict):
        keys = [k for k, v in data.items() if v is not None]
        known = list(order(path)) if order else []
        rank = {k: i for i, k in enumerate(known)}
        keys.sort(key=lambda k: rank.get(k, len(known)))
        slots = [Slot(k, fresh(data[k], (*path, k), order)) for k in keys]
        return Box(None, "map", slots=slots)
    if isinstance(data, list):
        return Box(
            None, "seq", slots=[Slot(None, fresh(v, (*path, i), order)) for i, v in enumerate(data)]
        )
    return Box(None, value=data)


def data_of(box: Box) -> object:
    """The data a tree holds."""
    if box.kind == "scalar" or (box.node is not None and not box.dirty):
        return box.value  # as read: no edit changed anything in it
    if box.kind == "map":
        return {slot.key: data_of(slot.box) for slot in box.slots}
    return [data_of(slot.box) for slot in box.slots]


class Tree:
    """The tree of one file, changed edit by edit."""

    def __init__(self, root: Box, file: str, lines: Lines, order: KeyOrder | None) -> None:
        """Edit the tree `root` of `file` (whose text is indexed by `lines`)."""
        self.top = Slot(None, root, 0)
        self.file = file
        self.lines = lines
        self.order = order
        self._chain: list[Box] = []

    def apply(self, edit: Edit) -> None:
        """Make one edit; EditDoesNotFit or FileNotEditable when it cannot be made."""
        self._chain = []
        if isinstance(edit, Set):
            check_value(edit.value, edit.path)
            self._set(edit.path, edit.value)
        elif isinstance(edit, Delete):
            self._delete(edit.path)
        elif isinstance(edit, Insert):
            self._insert(edit.path, edit.value)
        else:
            self._move(edit.path, edit.to)

    def _set(self, path: Path, value: object) -> None:
        if not path:
            if value is None:
                self._refuse(path, "the whole file cannot be emptied: set it to {} instead")
            self._assign(self.top, value, path)
            return
        parent = self._container(path[:-1], _kind_for(path[-1]), create=value is not None)
        if parent is None:
            return  # no value where there was none
        slot = self._find(parent, path)
        if value is None:
            if parent.kind == "seq":
                self._refuse(path, "a list item cannot be empty (None): delete it instead")
            if slot is not None and not (slot.box.kind == "scalar" and slot.box.value is None):
                self._remove(parent, slot)
        elif slot is None:
            self._add(parent, path, value)
        else:
            self._assign(slot, value, path)

    def _assign(self, slot: Slot, value: object, path: Path) -> None:
        """Make `slot` hold `value`: inside a mapping or list, only what differs."""
        box = slot.box
        kind = _kind_of(value)
        if kind != "scalar" and box.kind == kind and not box.frozen:
            for edit in changes(data_of(box), value, path):
                self.apply(edit)
            return
        if same(data_of(box), value):
            return
        self._mutating(box)
        slot.box = fresh(value, path, self.order)

    def _delete(self, path: Path) -> None:
        if not path:
            self._refuse(path, "the whole file cannot be deleted: set it to {} instead")
        parent = self._container(path[:-1], _kind_for(path[-1]), create=False)
        slot = self._find(parent, path) if parent is not None else None
        if parent is not None and slot is not None:
            self._remove(parent, slot)

    def _insert(self, path: Path, value: object) -> None:
        index = _index(path)
        if value is None:
            self._refuse(path, "a list item cannot be empty (None)")
        check_value(value, path)
        parent = self._container(path[:-1], "seq", create=True)
        assert parent is not None  # noqa: S101 - created when missing
        if index > len(parent.slots):
            self._refuse(
                path, f"the list has {len(parent.slots)} items: insert at 0 to {len(parent.slots)}"
            )
        self._mutating(None)
        parent.slots.insert(index, Slot(None, fresh(value, path, self.order)))

    def _move(self, path: Path, to: int) -> None:
        index = _index(path)
        parent = self._container(path[:-1], "seq", create=False)
        count = len(parent.slots) if parent is not None else 0
        if parent is None or not (index < count and 0 <= to < count):
            self._refuse(path, f"cannot move item {index} to {to}: the list has {count} items")
        self._mutating(None)
        parent.slots.insert(to, parent.slots.pop(index))

    def _container(self, path: Path, kind: str, *, create: bool) -> Box | None:
        """The mapping or list at `path`; made, with what leads to it, when missing and `create`."""
        if path:
            parent = self._container(path[:-1], _kind_for(path[-1]), create=create)
            if parent is None:
                return None
            slot = self._find(parent, path)
            if slot is None:
                if not create:
                    return None
                slot = self._add(parent, path, None)
        else:
            slot = self.top
        box = slot.box
        self._chain.append(box)
        if box.kind == kind and not box.frozen:
            return box
        if box.frozen:
            self._not_editable(box, path)
        if box.kind == "scalar" and box.value is None:
            if not create:
                return None
            self._mutating(box)
            slot.box = fresh({} if kind == "map" else [], path, self.order)
            self._chain[-1] = slot.box
            return slot.box
        wanted = "a mapping" if kind == "map" else "a list"
        return self._refuse(path, f"holds {describe(data_of(box))}, not {wanted}", box)

    def _find(self, parent: Box, path: Path) -> Slot | None:
        """The slot at the last part of `path` in `parent`, None for a key that is not there."""
        part = path[-1]
        if parent.kind == "map":
            if not isinstance(part, str):
                self._refuse(path, f"{part!r} is not a key: {spell(path[:-1])} is a mapping")
            return next((s for s in parent.slots if s.key == part), None)
        index = _index(path)
        if index < len(parent.slots):
            return parent.slots[index]
        if index > len(parent.slots):
            self._refuse(path, f"the list has {len(parent.slots)} items", parent)
        return None

    def _add(self, parent: Box, path: Path, value: object) -> Slot:
        """A new slot for the last part of `path`, placed where the key order puts it."""
        self._mutating(None)
        key = str(path[-1]) if parent.kind == "map" else None
        slot = Slot(key, fresh(value, path, self.order))
        at = self._position(parent, str(path[-1]), path[:-1]) if parent.kind == "map" else None
        parent.slots.insert(len(parent.slots) if at is None else at, slot)
        return slot

    def _position(self, parent: Box, key: str, path: Path) -> int:
        """Where a new key goes: after the key before it in the order, else before the one after."""
        known = list(self.order(path)) if self.order else []
        if key not in known:
            return len(parent.slots)
        rank = {k: i for i, k in enumerate(known)}
        mine = rank[key]
        ranked = [(rank[s.key], i) for i, s in enumerate(parent.slots) if s.key in rank]
        before = [r for r in ranked if r[0] < mine]
        if before:
            return max(before)[1] + 1
        after = [r for r in ranked if r[0] > mine]
        return min(after)[1] if after else len(parent.slots)

    def _remove(self, parent: Box, slot: Slot) -> None:
        self._mutating(slot.box)
        parent.slots.remove(slot)

    def _mutating(self, replaced: Box | None) -> None:
        """Mark the containers walked as changed; refuse to replace or remove an anchor."""
        if replaced is not None and replaced.node is not None and replaced.node.holds_anchor:
            self._not_editable(replaced, ())
        for box in self._chain:
            box.dirty = True

    def _not_editable(self, box: Box, path: Path) -> NoReturn:
        where = spell(path) if path else "this value"
        raise FileNotEditable(
            problem(
                self.file,
                self._place(box),
                f"{where} uses a YAML anchor or alias (&name, *name): "
                "the editor changes only what it can write without changing other values; "
                "edit this part by hand",
            )
        )

    def _refuse(self, path: Path, message: str, box: Box | None = None) -> NoReturn:
        located = (
            box
            if box is not None
            else next((b for b in reversed(self._chain) if b.node is not None), None)
        )
        place = self._place(located) if located is not None else (0, 0)
        raise EditDoesNotFit(problem(self.file, place, f"{spell(path)}: {message}"))

    def _place(self, box: Box) -> tuple[int, int]:
        return (0, 0) if box.node is None else self.lines.place(box.node.start)


def _kind_for(part: str | int) -> str:
    return "seq" if isinstance(part, int) else "map"


def _kind_of(value: object) -> str:
    return "map" if isinstance(value, dict) else "seq" if isinstance(value, list) else "scalar"


def _index(path: Path) -> int:
    part = path[-1] if path else None
    if not isinstance(part, int) or isinstance(part, bool) or part < 0:
        raise EditDoesNotFit(f"{spell(path)}: the path must end with a list index (0 or more)")
    return part
