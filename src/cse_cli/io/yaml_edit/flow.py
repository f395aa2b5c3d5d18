"""Collections in brackets (`[a, b]`, `{k: v}`) that an edit changed inside.

The brackets, the spacing and the separators the file wrote stay as they were:
items are removed or added between them, and a separator that is still needed
is the one that stood in that place (`, ` for a place the collection did not
have). A comment inside the brackets is never dropped: such a collection is
refused, to edit by hand.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from cse_cli.io.yaml_edit.edits import FileNotEditable, problem
from cse_cli.io.yaml_edit.scalars import key_text
from cse_cli.io.yaml_edit.tree import Box, Slot, data_of

if TYPE_CHECKING:
    from cse_cli.io.yaml_edit.fresh import Fresh
    from cse_cli.io.yaml_edit.source import Lines, Node


class FlowLayout:
    """Writes the new text of collections in brackets."""

    def __init__(self, text: str, lines: Lines, fresh: Fresh, file: str) -> None:
        """Lay out collections of `text` (indexed by `lines`), writing new values with `fresh`."""
        self.text = text
        self.lines = lines
        self.fresh = fresh
        self.file = file
        self.nl = fresh.nl

    def flow_text(self, box: Box, node: Node) -> str:
        """The new text of a collection in brackets, from its opening to its closing bracket."""
        text = self.text
        if not box.dirty:
            return text[node.start : node.end]
        starts = [k.start for k in node.keys] if node.kind == "map" else []
        spans = [
            (starts[i] if starts else child.start, child.end)
            for i, child in enumerate(node.children)
        ]
        if spans:
            opening, closing = text[node.start : spans[0][0]], text[spans[-1][1] : node.end]
            separators = [text[a[1] : b[0]] for a, b in pairwise(spans)]
        else:
            opening, closing, separators = text[node.start], text[node.end - 1], []
        if any("#" in part for part in (opening, closing, *separators)):
            raise FileNotEditable(
                problem(
                    self.file,
                    self.lines.place(node.start),
                    "a comment inside brackets ([…], {…}): the editor would have to move it; "
                    "edit this part by hand",
                )
            )
        items = [self._item(slot, node, spans) for slot in box.slots]
        if not items:
            return opening.rstrip() + closing.lstrip()
        out = opening + items[0]
        for place, item in enumerate(items[1:]):
            out += (separators[place] if place < len(separators) else ", ") + item
        return out + closing

    def _item(self, slot: Slot, node: Node, spans: list[tuple[int, int]]) -> str:
        text = self.text
        if slot.origin is None:
            written = self.fresh.flow(data_of(slot.box))
            return written if slot.key is None else key_text(slot.key, flow=True) + ": " + written
        start, end = spans[slot.origin]
        box, value = slot.box, node.children[slot.origin]
        if box.node is value and not box.dirty:
            return text[start:end]
        if box.node is value and box.kind in {"map", "seq"}:
            return text[start : value.start] + self.flow_text(box, value)
        written = self.fresh.flow(data_of(box))
        if slot.key is None:
            return written
        between = text[node.keys[slot.origin].end : value.start]
        return text[start : node.keys[slot.origin].end] + between.rstrip(" ") + " " + written
