"""The tests' own model of the writer's edits, in plain Python on dicts and lists.

`model` is what an edit does to the data, as the writer's API documents it,
written independently of the writer; `AWKWARD` lists texts that YAML would
read as something else, or that need care to write back exactly.
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

from cse_cli.io.yaml_edit import Delete, Edit, Insert, Set

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
