"""Values an edit wrote, as text in the file's own style: its indentation, dashes and quotes.

A mapping is written in block style, one key a line; in a list item its first
key goes on the dash's line (`- title: …`), as the examples write them. A list
of mappings or lists is written in block style; a list of short words (such as
`inferred: [service, date]`) in brackets when the file writes lists under that
key in brackets, or when it has none under that key and the words fit on the
line; otherwise one item a line.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from cse_cli.io.yaml_edit.scalars import (
    LINE,
    Rendered,
    flow_text,
    key_text,
    plain_ok,
    scalar,
    text_value,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from cse_cli.io.yaml_edit.source import Style


class Fresh:
    """Writes new values in one file's style."""

    def __init__(self, newline: str, style: Callable[[], Style]) -> None:
        """Write with `newline` in the style `style()` gives, asked for only when needed."""
        self.nl = newline
        self._style = style
        self.floor = -1  # a literal or folded block's lines must be indented beyond this

    @contextmanager
    def above_comments(self, indent: int) -> Iterator[None]:
        """Within the block, no literal or folded block with lines at `indent` or less.

        A comment line at `indent` after the value would be read as part of it.
        """
        before, self.floor = self.floor, max(self.floor, indent)
        try:
            yield
        finally:
            self.floor = before

    @cached_property
    def style(self) -> Style:
        """The file's style (found from all its nodes, so only when a value is written)."""
        return self._style()

    def value(self, data: object, *, col: int, in_seq: bool, key: str | None, at: int) -> Rendered:
        """`data` as the value of a key at column `col` (or of a dash there, `in_seq`).

        Its head starts at column `at`, on the key's (or dash's) line.
        """
        style = self.style
        if isinstance(data, dict | list) and not data:
            return Rendered("{}" if isinstance(data, dict) else "[]")
        if isinstance(data, list):
            flow = self.flow_list(data, key, at)
            if flow is not None:
                return Rendered(flow)
        if isinstance(data, dict | list):
            inner = col + (style.item_indent if in_seq else 0)
            if not in_seq:
                inner += style.map_indent if isinstance(data, dict) else style.seq_offset
            lines = self.block(data, inner)
            if not in_seq:
                return Rendered("", lines)
            first, _, rest = lines.partition(self.nl)
            return Rendered(first[col + 2 :], rest)  # after `- `, where the others line up
        if isinstance(data, str):
            step = style.item_indent if in_seq else style.map_indent
            found = text_value(
                data,
                at=at,
                indent=col,
                step=step,
                quote=style.quote,
                blocks=col + step > self.floor,
            )
            return Rendered(found.head, found.body.replace("\n", self.nl))
        return Rendered(scalar(data))

    def block(self, data: dict[str, object] | list[object], col: int) -> str:
        """A non-empty mapping or list as whole lines, its keys or dashes at column `col`."""
        if isinstance(data, dict):
            return "".join(" " * col + self.entry(k, v, col) for k, v in data.items())
        return "".join(" " * col + self.item(v, col) for v in data)

    def entry(self, key: str, data: object, col: int) -> str:
        """`key: value` and its lines after; the key is at column `col`, its indent not written."""
        written = key_text(key)
        head, body = self.value(data, col=col, in_seq=False, key=key, at=col + len(written) + 2)
        return written + ":" + (" " + head if head else "") + self.nl + body

    def item(self, data: object, col: int) -> str:
        """`- value` and the lines after it; the dash is at column `col`, its indent not written."""
        head, body = self.value(data, col=col, in_seq=True, key=None, at=col + 2)
        return "-" + (" " + head if head else "") + self.nl + body

    def flow(self, data: object) -> str:
        """`data` in flow style, on one line: `[a, b]`, `{k: v}`, or a scalar."""
        if isinstance(data, dict):
            pairs = (f"{key_text(k, flow=True)}: {self.flow(v)}" for k, v in data.items())
            return "{" + ", ".join(pairs) + "}"
        if isinstance(data, list):
            return "[" + ", ".join(self.flow(v) for v in data) + "]"
        if isinstance(data, str):
            return flow_text(data, self.style.quote)
        return scalar(data)

    def flow_list(self, data: list[object], key: str | None, at: int) -> str | None:
        """The list in brackets when the file's style puts it there, else None."""
        if not data or any(isinstance(v, dict | list) for v in data):
            return None
        preferred = self.style.flow_keys.get(key) if key is not None else None
        if preferred is False:
            return None
        written = self.flow(data)
        if preferred:
            return written
        words = all(isinstance(v, str) and " " not in v and plain_ok(v, flow=True) for v in data)
        return written if words and at + len(written) <= LINE else None
