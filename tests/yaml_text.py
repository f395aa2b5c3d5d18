"""The tests' own view of a YAML file's text, independent of the writer's code.

- `lines` and `comments`: a file's lines and comments, found with PyYAML's
  pure-Python scanner (not libyaml, which the writer uses);
- `touched`: the lines of a file an edit may change, and those whose comments it
  may remove, from PyYAML's pure-Python composer;
- `kept_in_order`: whether every other line is still there, byte for byte, in order;
- `styled`: data written as a file in a style drawn at random.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, NamedTuple

import yaml
from hypothesis import strategies as st

from cse_cli.io.yaml_edit import Delete, Edit, Insert, Move, Path, Set
from cse_cli.io.yaml_edit.edits import same
from cse_cli.io.yaml_loader import load

BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAKS = "\r\n\x85\u2028\u2029"


def lines(text: str) -> list[str]:
    """The lines of `text`, each with its own line break (the last may have none)."""
    found, at = [], 0
    for match in BREAK.finditer(text):
        found.append(text[at : match.end()])
        at = match.end()
    if at < len(text):
        found.append(text[at:])
    return found


def comments(text: str) -> Counter[str]:
    """Every comment of a YAML text (from `#` to the end of its line), counted."""
    return Counter(comment for _, comment in _comments(text))


def comments_on(text: str, numbers: set[int]) -> Counter[str]:
    """The comments on the lines numbered `numbers` (from 0)."""
    return Counter(comment for number, comment in _comments(text) if number in numbers)


def _comments(text: str) -> list[tuple[int, str]]:
    """Each comment with the number of its line (from 0)."""
    covered = bytearray(len(text) + 1)
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        start, end = token.start_mark.index, token.end_mark.index
        covered[start:end] = b"\1" * (end - start)
        if getattr(token, "style", None) in {"|", ">"}:  # a comment may follow its header
            header = re.match(r"[|>][0-9+-]*", text[start:])
            line_end = BREAK.search(text, start)
            after = start + (header.end() if header else 1)
            stop = line_end.start() if line_end else len(text)
            covered[after:stop] = b"\0" * (stop - after)
    found = []
    for match in re.finditer("#", text):
        at = match.start()
        if covered[at] or (at and text[at - 1] not in " \t\r\n\x85\u2028\u2029"):
            continue
        end = BREAK.search(text, at)
        found.append(
            (len(BREAK.findall(text, 0, at)), text[at : end.start() if end else len(text)])
        )
    return found


def kept_in_order(before: str, after: str, changed: set[int]) -> str | None:
    """None when every line of `before` not in `changed` is in `after`, in order, byte for byte.

    The last line may gain the file's line break (a line was added after it) or
    lose it (it is now the last of a file that ends without one). Otherwise the
    first line missing.
    """
    new = lines(after)
    at = 0
    for number, line in enumerate(lines(before)):
        if number in changed:
            continue
        while at < len(new) and not _same_line(line, new[at], last=at == len(new) - 1):
            at += 1
        if at == len(new):
            return f"line {number + 1} {line!r} is missing or out of order"
        at += 1
    return None


def _same_line(old: str, new: str, *, last: bool) -> bool:
    if old == new:
        return True
    if not BREAK.search(old):  # the old last line, with a line break added
        return new.rstrip("\r\n") == old
    return last and not BREAK.search(new) and old.rstrip("\r\n") == new


class Touched(NamedTuple):
    """The lines an edit may change, and those whose comments it may remove (from 0)."""

    changed: set[int]
    removable: set[int]


def touched(text: str, edit: Edit) -> Touched:
    """The lines `edit` may change in `text`, and those whose comments it may take away."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    path = edit.path
    found = _find(root, path)
    exists = found is not None and not (
        isinstance(edit, Set | Insert)
        and isinstance(found[1], yaml.ScalarNode)
        and found[1].tag.endswith("null")
    )
    if isinstance(edit, Set) and edit.value is None:
        edit = Delete(path)
    if isinstance(edit, Insert) or found is None or not exists:
        return Touched(_opening(text, root, path[:-1] if isinstance(edit, Insert) else path), set())
    key, value, parent = found
    span = set(range(_first(text, key, value), _last(text, value) + 1))
    flow = _flow_ancestor(root, path)
    if flow is not None:
        span = set(range(_first(text, *flow[:2]), _last(text, flow[1]) + 1))
    if isinstance(edit, Move | Delete) and _midline(text, parent):
        whole = _find(root, path[:-1])
        assert whole is not None
        span |= set(range(_first(text, *whole[:2]), _last(text, parent) + 1))
    if isinstance(edit, Move):  # the items it passes move too, against the lines between items
        index = int(path[-1])
        for item in parent.value[min(index, edit.to) : max(index, edit.to) + 1]:
            span |= set(range(_first(text, None, item), _last(text, item) + 1))
        return Touched(span, set())
    if isinstance(edit, Delete):
        removable = (
            set(range(_first(text, key, value), _last(text, value) + 1)) if flow is None else span
        )
        if len(parent.value) == 1:
            whole = _find(root, path[:-1])
            assert whole is not None
            span.add(_first(text, *whole[:2]))
        return Touched(span, removable)
    first = _first(text, key, value)
    if not path or (_midline(text, value) and not _keeps_first_key(value, edit.value)):
        return Touched(span, span)  # the first line is the first key's, and it goes
    return Touched(span, span - {first})


def _keeps_first_key(node: Any, value: object) -> bool:
    """Whether a Set of `value` on a mapping keeps its first key (and so its first line)."""
    if not isinstance(node, yaml.MappingNode) or not isinstance(value, dict):
        return False
    return value.get(node.value[0][0].value) is not None


def _find(root: Any, path: Path) -> tuple[Any, Any, Any] | None:
    """(key node, value node, parent node) at `path`; None when it is not there."""
    key: Any = None
    node: Any = root
    parent: Any = None

    for part in path:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                return None
            parent, (key, node) = node, pair
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            parent, key, node = node, None, node.value[part]
        else:
            return None
    return key, node, parent


def _opening(text: str, root: Any, path: Path) -> set[int]:
    """The lines that adding something inside the collection at `path` may change.

    The deepest node of `path` that exists: a block collection sharing its first
    line with a dash may have that line changed; anything else (brackets, an
    empty value, a missing one) all its lines, key line included.
    """
    for depth in range(len(path), -1, -1):
        found = _find(root, path[:depth])
        if found is None:
            continue
        key, node, _ = found
        first = _first(text, key, node)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
            return {node.start_mark.line} if _midline(text, node) else set()
        return set(range(first, _last(text, node) + 1))
    return set()


def _midline(text: str, node: Any) -> bool:
    """Whether a block collection starts on a line after something else (a dash)."""
    start = node.start_mark
    return bool(
        isinstance(node, yaml.MappingNode | yaml.SequenceNode)
        and not node.flow_style
        and text[start.index - start.column : start.index].strip(" ")
    )


def _flow_ancestor(root: Any, path: Path) -> tuple[Any, Any] | None:
    """The outermost collection in brackets on the way to `path`, with its key."""
    for depth in range(len(path)):
        found = _find(root, path[:depth])
        if found is not None and getattr(found[1], "flow_style", False):
            return found[0], found[1]
    return None


def _first(text: str, key: Any, value: Any) -> int:
    """The first line of a key and its value, or of a list item (its dash's line)."""
    if key is not None:
        return int(key.start_mark.line)
    start = value.start_mark
    if text[start.index - start.column : start.index].strip(" "):
        return int(start.line)  # a dash before it on its line
    found = lines(text)
    for number in range(start.line - 1, -1, -1):
        above = found[number].strip()
        if above and not above.startswith("#"):
            return number if re.fullmatch(r"-\s*(#.*)?", above) else int(start.line)
    return int(start.line)


def _last(text: str, node: Any) -> int:
    """The last line of a node (a block scalar's last line of text, not its trailing blanks)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    if isinstance(node, yaml.ScalarNode) and node.style in {"|", ">"}:
        content = text[node.start_mark.index : node.end_mark.index].rstrip(" \t" + _BREAKS)
        return len(lines(text[: node.start_mark.index + len(content)])) - 1
    return int(node.end_mark.line)


def styled(draw: st.DrawFn, data: object) -> str:
    """`data` as a file in a style drawn at random (see `_decorated` for its comments)."""
    text = yaml.dump(
        data,
        Dumper=_Indented if draw(st.booleans()) else yaml.SafeDumper,
        indent=draw(st.sampled_from([2, 4])),
        default_flow_style=draw(st.sampled_from([False, None])),
        width=draw(st.sampled_from([60, 4096])),
        sort_keys=False,
        allow_unicode=True,
        line_break=draw(st.sampled_from(["\n", "\r\n", "\r"])),
    )
    text = _decorated(draw, text, data)
    if draw(st.booleans()) and text.endswith("\n"):
        text = text.rstrip("\r\n")
    return text


class _Indented(yaml.SafeDumper):
    """PyYAML's dumper with list dashes indented under their key (`  - a`)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        del indentless
        super().increase_indent(flow, False)


def _decorated(draw: st.DrawFn, text: str, data: object) -> str:
    """`text` with comments (at line ends, on lines of their own), blank lines and quoted keys,
    each kept only where YAML allows it."""
    done: list[str] = []
    todo = lines(text)
    for number, line in enumerate(todo):
        body = line.rstrip("\r\n")
        end = line[len(body) :] or "\n"
        indent = " " * (len(body) - len(body.lstrip(" ")))
        choice = draw(st.sampled_from(["", "", "end", "above", "blank", "quote"]))
        tried = {
            "": [line],
            "end": [f"{body}   # end {number}{end}"],
            "above": [f"{indent}# above {number}{end}", line],
            "blank": [end, line],
            "quote": [_quote_key(body) + end],
        }[choice]
        candidate = "".join(done + tried + todo[number + 1 :])
        read = load(candidate.encode(), "x")
        done.extend(tried if not read.problems and same(read.data, data) else [line])
    return "".join(done)


def _quote_key(body: str) -> str:
    stripped = body.lstrip(" -")
    key, colon, _ = stripped.partition(":")
    if not colon or not key.isidentifier():
        return body
    at = len(body) - len(stripped)
    return body[:at] + f'"{key}"' + body[at + len(key) :]
