"""The tests' own view of YAML edits, independent of the writer's code.

- `model`: what an edit does to the data, in plain Python on dicts and lists;
- `comments` and `lines`: a file's comments and lines, found with PyYAML's
  pure-Python scanner (not libyaml, which the writer uses);
- `touched`: the lines of a file an edit may change, and those whose comments it
  may remove, from PyYAML's pure-Python composer;
- `kept_in_order`: whether every other line is still there, byte for byte, in order.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections import Counter
from typing import Any, NamedTuple

import yaml

from cse_cli.io.yaml_edit import Delete, Edit, Insert, Move, Path, Set

BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Texts YAML would read as something else, or that need care to write back exactly
AWKWARD = [
    *("yes", "No", "on", "OFF", "y", "n", "true", "null", "Null", "~", ""),
    *("1.10", "0x1", "0o7", "017", "0b101", "1_000", "1e3", "+1", "-1", ".5", ".inf", ".nan"),
    *("1:20", "190:20:30", "2026-01-01", "2026-02-30", "2026-01-01 10:00:00", "1.1.1"),
    *("*a", "&a", "!x", "!!str", "%x", "@x", "`x", "|", ">", "| x", "> x", "<<", "="),
    *("- x", "-", "--", "---", "...", "? x", "?", ": x", ":", "a:", "#x", "a #b", "a#b"),
    *("a: b", "a:b", "[a]", "{a: b}", "a, b", "a,b", "'", "''", '"', "\\", "'q' x", '"q" x'),
    *("trailing ", " leading", " ", "  ", "tab\there", "\t", "x\t"),
    *("two\nlines", "ends\n", "ends\n\n", "\n", "\n\nx", "  indented\nfirst", "x\n  more"),
    *("x  \ny", "x\n\ny\n", " \nx", "x\r\ny", "x\ry", "\r", "#x\n- y\n", "a\n#b"),
    *("\x00\x07\x1b\x7f", "\x85", "\u2028", "x\u2029y", "\ufeff", "zero\u200bwidth", "\ud7ff"),
    *("é ü 😀", "\u00a0nbsp", "right\u202eleft"),
    "a " * 60,
    "x" * 150,
    "Contact methods such as telephone, email, drop-in, SLO service: leaflets #1, TV screens, "
    "text reminders and more words to pass the width of a line",
]


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


# --- the data: what each edit does ---------------------------------------------------------


def model(data: object, edit: Edit) -> object:
    """The data after `edit`, as the writer's API documents it."""
    data = copy.deepcopy(data)
    if isinstance(edit, Set) and not edit.path:
        return merged(data, edit.value)
    holder: dict[str, Any] = {"": data}
    path: tuple[str | int, ...] = ("", *edit.path)
    create = isinstance(edit, Insert) or (isinstance(edit, Set) and edit.value is not None)
    node: Any = holder
    for part, after in itertools.pairwise(path):
        child = _get(node, part)
        if child is None:
            if not create:
                return holder[""]
            child = [] if isinstance(after, int) else {}
            _put(node, part, child)
        node = child
    last = path[-1]
    if isinstance(edit, Set):
        _set(node, last, edit.value)
    elif isinstance(edit, Delete):
        if isinstance(node, dict):
            node.pop(last, None)
        else:
            del node[int(last)]
    elif isinstance(edit, Insert):
        node.insert(int(last), stripped(edit.value))
    else:
        node.insert(edit.to, node.pop(int(last)))
    return holder[""]


def _get(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    return node[part] if isinstance(part, int) and part < len(node) else None


def _put(node: Any, part: str | int, value: object) -> None:
    if isinstance(node, dict):
        node[part] = value
    elif int(part) == len(node):
        node.append(value)
    else:
        node[int(part)] = value


def _set(node: Any, last: str | int, value: object) -> None:
    if value is None:
        if isinstance(node, dict) and node.get(last) is not None:
            del node[last]
    elif isinstance(node, dict):
        node[last] = merged(node.get(last), value)
    elif int(last) < len(node):
        node[int(last)] = merged(node[int(last)], value)
    else:
        node.append(stripped(value))


def merged(old: object, new: object) -> object:
    """`old` made equal to `new` as Set makes it: keys empty (None) in both stay empty."""
    if isinstance(old, dict) and isinstance(new, dict):
        result = {k: merged(old.get(k), v) for k, v in new.items() if v is not None}
        result.update({k: None for k, v in old.items() if v is None and new.get(k) is None})
        return result
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [merged(a, b) for a, b in zip(old, new, strict=True)]  # as the tests change lists
    return stripped(new)


def stripped(value: object) -> object:
    """A value without its keys whose value is None (which the writer does not write)."""
    if isinstance(value, dict):
        return {k: stripped(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [stripped(v) for v in value]
    return value


# --- the text: which lines an edit may change ----------------------------------------------


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
    span = set(range(_first(key, value), _last(text, value) + 1))
    flow = _flow_ancestor(root, path)
    if flow is not None:
        span = set(range(_first(*flow[:2]), _last(text, flow[1]) + 1))
    if isinstance(edit, Move | Delete) and _midline(text, parent):
        whole = _find(root, path[:-1])
        assert whole is not None
        span |= set(range(_first(*whole[:2]), _last(text, parent) + 1))
    if isinstance(edit, Move):  # the items it passes move too, against the lines between items
        index = int(path[-1])
        for item in parent.value[min(index, edit.to) : max(index, edit.to) + 1]:
            span |= set(range(_first(None, item), _last(text, item) + 1))
        return Touched(span, set())
    if isinstance(edit, Delete):
        removable = set(range(_first(key, value), _last(text, value) + 1)) if flow is None else span
        if len(parent.value) == 1:
            whole = _find(root, path[:-1])
            assert whole is not None
            span.add(_first(*whole[:2]))
        return Touched(span, removable)
    first = _first(key, value)
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
        first = _first(key, node)
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


def _first(key: Any, value: Any) -> int:
    return int((key or value).start_mark.line)


def _last(text: str, node: Any) -> int:
    """The last line of a node (a block scalar's last line of text, not its trailing blanks)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    if isinstance(node, yaml.ScalarNode) and node.style in {"|", ">"}:
        content = text[node.start_mark.index : node.end_mark.index].rstrip(
            " \t\r\n\x85\u2028\u2029"
        )
        return len(lines(text[: node.start_mark.index + len(content)])) - 1
    return int(node.end_mark.line)
