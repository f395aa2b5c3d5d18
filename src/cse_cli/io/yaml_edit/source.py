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

if TYPE_CHECKING:
    from collections.abc import Iterator

try:  # libyaml's C parser, as the loader uses
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


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


@dataclass(eq=False)
class Node:
    """One node of the document, where it stands in the text."""

    kind: Kind
    start: int
    end: int  # scalars and flow collections: exactly; block collections: their last child's end
    flow: bool = False
    style: str = ""  # a scalar's style: '' plain, "'", '"', '|' or '>'
    value: str = ""  # a scalar's text
    anchored: bool = False  # it has an anchor, or is an alias
    holds_anchor: bool = False  # it or a node inside it has an anchor
    keys: list[Node] = field(default_factory=list)  # a mapping's keys
    children: list[Node] = field(default_factory=list)  # a mapping's values, a sequence's items

    @property
    def block(self) -> bool:
        """Whether it is a block mapping or sequence (written over lines, not in brackets)."""
        return self.kind in {"map", "seq"} and not self.flow


def parse(text: str) -> Node | None:
    """The root node of the first document of `text`, None when there is none."""
    parser: Any = _Parser(text)
    base = 1 if text.startswith(BOM) else 0
    stack: list[Node] = []
    root: Node | None = None
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is ev.StreamEndEvent or (kind is ev.DocumentEndEvent and root is not None):
            return root
        if kind in {ev.MappingEndEvent, ev.SequenceEndEvent}:
            done = stack.pop()
            done.end = event.end_mark.index + base if done.flow else done.children[-1].end
            if done.holds_anchor and stack:
                stack[-1].holds_anchor = True
            continue
        node = _node(event, base)
        if node is None:
            continue
        if stack:
            parent = stack[-1]
            if parent.kind == "map" and len(parent.keys) == len(parent.children):
                parent.keys.append(node)
            else:
                parent.children.append(node)
            parent.holds_anchor = parent.holds_anchor or node.holds_anchor
        else:
            root = node
        if node.kind in {"map", "seq"}:
            stack.append(node)


def _node(event: Any, base: int) -> Node | None:
    """The node an event starts, None for the events that start none."""
    start: int = event.start_mark.index + base
    end: int = event.end_mark.index + base
    anchored = getattr(event, "anchor", None) is not None
    if isinstance(event, ev.ScalarEvent):
        return Node(
            "scalar",
            start,
            end,
            style=event.style or "",
            value=event.value,
            anchored=anchored,
            holds_anchor=anchored,
        )
    if isinstance(event, ev.AliasEvent):
        return Node("alias", start, end, anchored=True)
    if isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
        kind: Kind = "map" if isinstance(event, ev.MappingStartEvent) else "seq"
        return Node(
            kind,
            start,
            start,
            flow=bool(event.flow_style),
            anchored=anchored,
            holds_anchor=anchored,
        )
    return None


@dataclass
class Style:
    """How the file writes what a new key or item needs, as most of its own nodes do."""

    newline: str = "\n"
    map_indent: int = 2  # a mapping under a key: its keys this much further in
    seq_offset: int = 2  # a block sequence under a key: its dashes this much further in
    item_indent: int = 2  # a mapping in a sequence item: its keys this far after the dash
    quote: str = '"'  # the quote the file uses most
    flow_keys: dict[str, bool] = field(default_factory=dict)  # key -> whether its lists are flow


def style_of(text: str, root: Node | None, lines: Lines) -> Style:
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
        newline=newline_of(text),
        map_indent=int(chosen.get("map", 2)),
        seq_offset=int(chosen.get("seq", 2)),
        item_indent=int(chosen.get("item", 2)),
        quote=str(chosen.get("quote", '"')),
        flow_keys=flow_keys,
    )
