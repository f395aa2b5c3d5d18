"""The text of a YAML file as the writer sees it: its lines, its nodes and its style.

Nodes come from libyaml's parser, the one cse's loader reads with, so the
writer edits exactly the structure `cse check` reads. Every position is an
index into the text (libyaml counts characters after a byte order mark).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from yaml import events as ev

from cse_cli.io.yaml_parser import parser

if TYPE_CHECKING:
    from collections.abc import Iterator

# YAML 1.1's line breaks, as libyaml counts lines
BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
BREAKS = "\r\n\x85\u2028\u2029"
BOM = "\ufeff"

Kind = Literal["map", "seq", "scalar", "alias"]


class Lines:
    """Where each line of a text starts and ends."""

    def __init__(self, text: str) -> None:
        """Index the lines of `text`."""
        self.text = text
        self.starts = [0, *(m.end() for m in BREAK.finditer(text))]

    @staticmethod
    def split(text: str) -> list[str]:
        """The lines of `text`, each with its line break."""
        ends = [m.end() for m in BREAK.finditer(text)]
        if not ends or ends[-1] != len(text):
            ends.append(len(text))
        return [text[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True) if b > a]

    def start(self, index: int) -> int:
        """Where the line holding `index` starts."""
        return self.starts[bisect_right(self.starts, index) - 1]

    def end(self, index: int) -> int:
        """Where the line holding `index` ends, after its line break (or at the end of the text)."""
        after = bisect_right(self.starts, index)
        return self.starts[after] if after < len(self.starts) else len(self.text)

    def column(self, index: int) -> int:
        """The column of `index`, counted from 0."""
        return index - self.start(index)

    def place(self, index: int) -> tuple[int, int]:
        """The (line, column) of `index`, both counted from 1, as problems give them."""
        line = bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def first_on_line(self, index: int) -> bool:
        """Whether only spaces come before `index` on its line."""
        return not self.text[self.start(index) : index].strip(" ")

    def each(self, begin: int, end: int) -> Iterator[tuple[int, int]]:
        """The (start, end) of every line from the one at `begin` up to `end`."""
        at = begin
        while at < end:
            after = self.end(at)
            yield at, after
            at = after


def newline_of(text: str) -> str:
    """The file's own line break: the first one it uses, else a line feed."""
    found = BREAK.search(text)
    return found.group() if found and found.group() in {"\r\n", "\r"} else "\n"


class Node:
    """One node of the document, where it stands in the text."""

    __slots__ = (
        "anchored",
        "children",
        "end",
        "flow",
        "holds_anchor",
        "keys",
        "kind",
        "start",
        "style",
        "value",
    )

    def __init__(
        self,
        kind: Kind,
        start: int,
        end: int,
        *,
        flow: bool = False,
        style: str = "",
        value: str = "",
        anchored: bool = False,
    ) -> None:
        """A node of `kind` from `start` to `end` (a block collection's end is set later)."""
        self.kind = kind
        self.start = start
        self.end = end  # scalars, flow collections: exactly; block ones: their last child's end
        self.flow = flow
        self.style = style  # a scalar's style: '' plain, "'", '"', '|' or '>'
        self.value = value  # a scalar's text
        self.anchored = anchored  # it has an anchor, or is an alias
        self.holds_anchor = anchored  # it or a node inside it has an anchor
        collection = kind in {"map", "seq"}
        self.keys: list[Node] = [] if collection else _NONE  # a mapping's keys
        self.children: list[Node] = [] if collection else _NONE  # values, or items

    @property
    def block(self) -> bool:
        """Whether it is a block mapping or sequence (written over lines, not in brackets)."""
        return not self.flow and self.kind in {"map", "seq"}


_NONE: list[Node] = []  # the keys and children of every scalar: never added to


def parse(text: str) -> Node | None:
    """The root node of the first document of `text`, None when there is none."""
    events: Any = parser(text)
    get = events.get_event
    base = 1 if text.startswith(BOM) else 0
    stack: list[Node] = []
    root: Node | None = None
    scalar, alias = ev.ScalarEvent, ev.AliasEvent
    starts: dict[type, Kind] = {ev.MappingStartEvent: "map", ev.SequenceStartEvent: "seq"}
    ends = {ev.MappingEndEvent, ev.SequenceEndEvent}
    while True:
        event = get()
        kind = type(event)
        if kind is scalar:
            node = Node(
                "scalar",
                event.start_mark.index + base,
                event.end_mark.index + base,
                style=event.style or "",
                value=event.value,
                anchored=event.anchor is not None,
            )
        elif kind in starts:
            at = event.start_mark.index + base
            node = Node(
                starts[kind], at, at, flow=bool(event.flow_style), anchored=event.anchor is not None
            )
        elif kind is alias:
            node = Node("alias", event.start_mark.index + base, event.end_mark.index + base)
            node.anchored = True
        elif kind in ends:
            done = stack.pop()
            done.end = event.end_mark.index + base if done.flow else done.children[-1].end
            if done.holds_anchor and stack:
                stack[-1].holds_anchor = True
            continue
        elif kind is ev.StreamEndEvent or (kind is ev.DocumentEndEvent and root is not None):
            return root
        else:
            continue
        if stack:
            _attach(stack[-1], node)
        else:
            root = node
        if node.keys is not _NONE:
            stack.append(node)


def _attach(parent: Node, node: Node) -> None:
    """Add a node to its collection: as a key, a key's value, or an item."""
    if parent.kind == "map" and len(parent.keys) == len(parent.children):
        parent.keys.append(node)
    else:
        parent.children.append(node)
    parent.holds_anchor = parent.holds_anchor or node.holds_anchor


@dataclass
class Style:
    """How the file writes what a new key or item needs, as most of its own nodes do."""

    map_indent: int = 2  # a mapping under a key: its keys this much further in
    seq_offset: int = 2  # a block sequence under a key: its dashes this much further in
    item_indent: int = 2  # a mapping in a sequence item: its keys this far after the dash
    quote: str = '"'  # the quote the file uses most
    flow_keys: dict[str, bool] = field(default_factory=dict)  # key -> whether its lists are flow


def style_of(root: Node | None, lines: Lines) -> Style:
    """The style of the file, from its nodes; the defaults where it has none to go by."""
    counts: dict[str, Counter[int | str]] = {
        "map": Counter(),
        "seq": Counter(),
        "item": Counter(),
        "quote": Counter(),
    }
    flow_keys: dict[str, bool] = {}
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if node.kind == "scalar" and node.style in {"'", '"'}:
            counts["quote"][node.style] += 1
        if node.kind == "map" and node.block:
            for key, value in zip(node.keys, node.children, strict=True):
                if value.children and value.kind == "seq":
                    flow_keys.setdefault(key.value, value.flow)
                if value.block and lines.first_on_line(value.start):
                    indent = lines.column(value.start) - lines.column(key.start)
                    counts[value.kind][indent] += 1
        elif node.kind == "seq" and node.block:
            dash = lines.column(node.start)
            for item in node.children:
                if item.kind == "map" and item.block and not lines.first_on_line(item.start):
                    counts["item"][lines.column(item.start) - dash] += 1
    chosen = {name: count.most_common(1)[0][0] for name, count in counts.items() if count}
    return Style(
        map_indent=int(chosen.get("map", 2)),
        seq_offset=int(chosen.get("seq", 2)),
        item_indent=int(chosen.get("item", 2)),
        quote=str(chosen.get("quote", '"')),
        flow_keys=flow_keys,
    )
