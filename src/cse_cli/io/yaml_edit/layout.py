"""The new text of a file: what kept its node is copied, what an edit wrote is written anew.

A block mapping or list is a run of children, each its own lines (the first may
share the line of a list item's dash), with whole lines of comments or blanks
(gaps) between them. An edit that removes a child removes its lines; one that
adds a child writes its lines after the child before it (or before the first);
a move swaps whole lines. Gaps stay where they are. A value an edit replaced
keeps its key (or dash) and the comment at the end of that line; the lines of
the old value go, except the whole-line comments between its children.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from cse_cli.io.yaml_edit.edits import FileNotEditable, problem
from cse_cli.io.yaml_edit.flow import FlowLayout
from cse_cli.io.yaml_edit.source import BREAKS, Lines, Node
from cse_cli.io.yaml_edit.tree import Box, Slot, data_of
from cse_cli.io.yaml_edit.units import in_new_order

if TYPE_CHECKING:
    from cse_cli.io.yaml_edit.fresh import Fresh

_HEADER = re.compile(r"[|>][0-9+-]{0,2}")


@dataclass(frozen=True)
class Child:
    """Where one key (and its value) or list item of a block collection stands."""

    begin: int  # its key, or its dash
    marker_end: int  # after the key's colon, or after the dash
    value: Node
    stop: int  # the end of its last line


class Layout(FlowLayout):
    """Writes the new text of one file from its edited tree."""

    def __init__(self, text: str, lines: Lines, fresh: Fresh, file: str) -> None:
        """Lay out `text` (indexed by `lines`), writing new values with `fresh`."""
        super().__init__(text, lines, fresh, file)
        self._children: dict[int, list[Child]] = {}  # by id(node): the nodes live as long

    def document(self, root: Box, node: Node | None) -> str:
        """The new text of the whole file."""
        text = self.text
        if node is not None and root.node is node and not root.dirty:
            return text
        if node is not None and root.node is node and node.flow:
            return text[: node.start] + self.flow_text(root, node) + text[node.end :]
        if node is not None and root.node is node and node.block:
            inner, kept_any, begin = self.region(root, node)
            end = self.stop(node)
            if kept_any:
                return text[:begin] + inner + text[end:]
            empty = "{}" if root.kind == "map" else "[]"
            return text[:begin] + empty + self.nl + "".join(self.gaps(node)) + text[end:]
        data = data_of(root)
        new = self.fresh.block(data, 0) if isinstance(data, dict | list) and data else ""
        if not new and data is not None:
            head, body = self.fresh.value(data, col=0, in_seq=False, key=None, at=0)
            new = head + self.nl + body
        if node is None:
            joiner = self.nl if text and text[-1] not in BREAKS else ""
            return text + joiner + new if new else text
        begin = self.lines.start(node.start) if self.lines.first_on_line(node.start) else node.start
        prefix = "" if begin == self.lines.start(begin) else self.nl
        return text[:begin] + prefix + new + text[self.stop(node) :]

    def stop(self, node: Node) -> int:
        """The end of the node's last line (after its line break)."""
        while node.block:
            node = node.children[-1]
        if node.kind == "scalar" and node.style in {"|", ">"}:
            header = self._header(node)
            if header is not None and "+" in header.group():  # keeping: its blank lines are its own
                start = self.lines.start(node.end)
                return start if not self.text[start : node.end].strip(" ") else node.end
            content = self.text[node.start : node.end].rstrip(" \t" + BREAKS)
            return self.lines.end(node.start + len(content) - 1)
        return self.lines.end(node.end)

    def _header(self, node: Node) -> re.Match[str] | None:
        """The header of a block scalar (`|-`, `>2`), after its tag if it has one."""
        return _HEADER.search(self.text, node.start, self.lines.end(node.start))

    def children(self, node: Node) -> list[Child]:
        """Where each child of a block collection stands; FileNotEditable when it cannot tell."""
        known = self._children.get(id(node))
        if known is None:
            known = self._children[id(node)] = self._find_children(node)
        return known

    def _find_children(self, node: Node) -> list[Child]:
        text = self.text
        found: list[Child] = []
        for index, value in enumerate(node.children):
            if node.kind == "map":
                begin = node.keys[index].start
                colon = text.find(":", node.keys[index].end)
                marker_end = colon + 1
                if colon < 0 or marker_end > value.start:
                    raise self._opaque(node)
            else:
                after = found[-1].stop if found else node.start
                begin = self._dash(after, first=not found)
                marker_end = begin + 1
            found.append(Child(begin, marker_end, value, self.stop(value)))
        column = self.lines.column(found[0].begin)
        for child in found[1:]:
            if (
                not self.lines.first_on_line(child.begin)
                or self.lines.column(child.begin) != column
            ):
                raise self._opaque(node)
        return found

    def _dash(self, at: int, *, first: bool) -> int:
        """The dash of the list item at or after `at`, passing comments and blank lines."""
        if first and self.text.startswith("-", at):
            return at
        start = self.lines.end(at) if first else at
        for begin, end in self.lines.each(start, len(self.text)):
            line = self.text[begin:end].lstrip(" ")
            if line.startswith("-"):
                return end - len(self.text[begin:end].lstrip(" "))
            if line.strip(" \t" + BREAKS) and not line.startswith("#"):
                break
        raise self._opaque(None)

    def gaps(self, node: Node) -> list[str]:
        """The whole lines (comments, blanks) between the children of a block collection."""
        kids = self.children(node)
        found = [self.text[a.stop : self.lines.start(b.begin)] for a, b in pairwise(kids)]
        for gap in found:
            for line in gap.splitlines():
                if line.strip(" \t") and not line.lstrip(" \t").startswith("#"):
                    raise self._opaque(node)
        return found

    def region(self, box: Box, node: Node) -> tuple[str, bool, int]:
        """The new text of a block collection, whether any child is left, and where it starts.

        It starts at the line of its first child, or at that child when it shares
        the line of a dash (`- title: …`).
        """
        kids = self.children(node)
        first = kids[0].begin
        midline = not self.lines.first_on_line(first)
        begin = first if midline else self.lines.start(first)
        column = self.lines.column(first)
        out: list[str] = []
        kept_any = False
        units = in_new_order(box.slots, self.gaps(node))
        for index, unit in enumerate(units):
            if isinstance(unit, str):
                if unit:
                    out.append(self.nl + unit if midline and not out else unit)
                continue
            after = units[index + 1] if index + 1 < len(units) else self._trailing(kids[-1].stop)
            lead = "" if midline and not out else " " * column
            with self.fresh.above_comments(_deepest(after) if isinstance(after, str) else -1):
                out.append(lead + self.child_text(unit, kids, column, in_seq=node.kind == "seq"))
            kept_any = True
        return "".join(out), kept_any, begin

    def _trailing(self, at: int) -> str:
        """The blank and comment lines from `at` (a line's start) to the next line of YAML."""
        end = at
        for start, stop in self.lines.each(at, len(self.text)):
            line = self.text[start:stop].strip(" \t" + BREAKS)
            if line and not line.startswith("#"):
                break
            end = stop
        return self.text[at:end]

    def child_text(self, slot: Slot, kids: list[Child], column: int, *, in_seq: bool) -> str:
        """The text of one child, from its key or dash to the end of its last line."""
        if slot.origin is None:
            data = data_of(slot.box)
            if in_seq:
                return self.fresh.item(data, column)
            return self.fresh.entry(str(slot.key), data, column)
        kid = kids[slot.origin]
        box, value = slot.box, kid.value
        if box.node is value and not box.dirty:
            return self.text[kid.begin : kid.stop]
        if box.node is value and value.flow and (value.children or not self.wants_block(slot)):
            flow = self.flow_text(box, value)
            return self.text[kid.begin : value.start] + flow + self.text[value.end : kid.stop]
        if box.node is value and value.block:
            inner, kept_any, begin = self.region(box, value)
            if kept_any:
                head = self.text[kid.begin : begin]
                return (head.rstrip(" ") if inner.startswith(self.nl) else head) + inner
        return self.replaced(slot, kid, column, in_seq=in_seq)

    def wants_block(self, slot: Slot) -> bool:
        """Whether an empty `[]` or `{}` that an edit filled is better written in block style."""
        data = data_of(slot.box)
        if not isinstance(data, list):
            return True
        return self.fresh.flow_list(data, slot.key, 0) is None

    def replaced(self, slot: Slot, kid: Child, column: int, *, in_seq: bool) -> str:
        """The text of a child whose value an edit replaced: its key line kept, the value new."""
        text, lines, value = self.text, self.lines, kid.value
        marker = text[kid.begin : kid.marker_end]
        kept = ""
        shown: str | None = None  # the old value, when it was on one line with a comment after
        if value.block:
            first = self.children(value)[0].begin
            kept = "".join(self.gaps(value))
            if lines.first_on_line(first):
                tagged = value.start < first and lines.start(value.start) != lines.start(first)
                after = value.start + len(text[value.start :].split(None, 1)[0]) if tagged else 0
                spacing, tail = "", text[max(kid.marker_end, after) : lines.end(kid.marker_end)]
                kept = text[lines.end(kid.marker_end) : lines.start(first)] + kept
            else:
                spacing, tail = text[kid.marker_end : first], self.nl
        elif value.kind == "scalar" and value.style in {"|", ">"}:
            header = self._header(value)
            header_end = header.end() if header is not None else lines.end(value.start)
            spacing = text[kid.marker_end : value.start]
            tail = text[header_end : lines.end(header_end)]
        else:
            spacing, tail = text[kid.marker_end : value.start], text[value.end : kid.stop]
            one_line = lines.start(value.start) == lines.start(value.end)
            shown = text[value.start : value.end] if one_line else None
        at = lines.column(kid.begin) + len(marker) + 1
        data = data_of(slot.box)
        head, body = self.fresh.value(data, col=column, in_seq=in_seq, key=slot.key, at=at)
        if head:
            was = len(spacing) + len(shown) if shown is not None else None
            compact = in_seq and isinstance(data, dict | list) and body  # `- key: …` lines up
            spacing = spacing if spacing and not spacing.strip(" ") and not compact else " "
            tail = _aligned(tail, was - len(spacing) - len(head)) if was is not None else tail
        else:
            spacing = ""
            if not tail.strip(" \t" + BREAKS):
                tail = tail.lstrip(" \t")
        kept = self._dedented(kept, column) if body else kept
        return marker + spacing + head + (tail or self.nl) + body + kept

    def _dedented(self, kept: str, column: int) -> str:
        """Comment lines kept from a replaced value, at the column of its key or dash.

        Indented as they were, they could be read as part of the lines written in
        its place (a literal block).
        """
        return "".join(
            " " * column + line.lstrip(" ") if line.strip(" \t" + BREAKS) else line
            for line in self.lines.split(kept)
        )

    def _opaque(self, node: Node | None) -> FileNotEditable:
        return FileNotEditable(
            problem(
                self.file,
                self.lines.place(node.start if node is not None else 0),
                "this part of the file is laid out in a way the editor does not rewrite "
                "(such as an explicit `? ` key): edit it by hand",
            )
        )


def _deepest(lines: str) -> int:
    """The indentation of the comment among `lines` indented furthest; -1 for none."""
    return max(
        (len(line) - len(line.lstrip(" ")) for line in lines.splitlines() if "#" in line),
        default=-1,
    )


def _aligned(tail: str, grown: int) -> str:
    """The comment after a value kept in its column when the value's length changed by -`grown`."""
    spaces = len(tail) - len(tail.lstrip(" "))
    if not tail[spaces:].startswith("#"):
        return tail
    return " " * max(1, spaces + grown) + tail[spaces:]
