"""The one YAML writer: changes an element file, a review file or cse.yaml as a person would.

The editor (`cse serve`) and `cse import --update` both write through it.

    from cse_cli.core.evidence import ElementFile
    from cse_cli.io.yaml_edit import Delete, Insert, Move, Set, apply_edits, key_order

    new = apply_edits(raw, [Set(("final",), "full")], file="evidence/1.1.3.yaml",
                      order=key_order(ElementFile))

`apply_edits(raw, edits, file=…, order=…)` takes the file's bytes and a list of
edits, made one after another, and returns the new bytes (`raw` itself when
nothing changes); `rewrite(raw, data, …)` takes the data as it should be
instead (it is `apply_edits(raw, [Set((), data)])`), which is what a form posted
back needs; `changes(old, new)` gives the edits between two versions of the
data (one per value changed, item added or item removed), for a merge that
wants to list or combine them. A path is the keys and list indexes from the top
of the file. The edits:

    Set(("final",), "full")                          a rating
    Set(("evidence", 2, "date"), date(2026, 3, 9))   a value inside an item
    Set(("verified_on_site",), True)                 a key that was absent: it goes where
                                                     `cse init`'s template puts it
    Set(("owner",), None)                            None: the key is removed (an empty
                                                     form field); `owner:` already empty,
                                                     as `cse init` writes it, stays
    Set(("development_points", 0, "reviews", "surveillance-1", "response"), "Done")
                                                     mappings missing on the way are made
    Set(("evidence", 5), {"title": "Leaflet"})       index = the list's length: appended
    Set(("evidence", 1), {…the item as it should be…})  only what differs is changed
    Insert(("evidence", 0), {"ref": "ES-NSS"})       before item 0 (the length: at the end)
    Delete(("evidence", 1))                          an item, or a key (absent: no change)
    Move(("evidence", 4), 3)                         item 4 up one place

Setting a mapping or a list changes only what differs from what is there
(`changes`), so an item edited through a form keeps the comments and layout of
its unchanged keys. A key whose value is None counts as absent, both ways; a
list item cannot be None, nor the whole file.

What the edits did not change stays byte for byte: comments (the schema line
at the top, the element's wording), key order, quoting, blank lines,
indentation, line ends (CRLF stays CRLF), a byte order mark, a final line break
or its absence, and flow style. Precisely, the new text is the old one in which
only these lines change (`tests/yaml_text.py`'s `touched` states it for the
property tests):

- a key or list item removed: its lines, from its key or dash to its last line,
  go with the comments on them. Removing the first key of an item's mapping
  (`- id: …`) brings the next key up to the dash's line. Removing the last child
  of a collection writes `[]` or `{}` on its key's line; the whole-line comments
  that stood between its children stay.
- a value replaced: its key (or dash) line is kept, with the comment at its end
  (in the same column when the value's length changes); the old value's own
  lines go, except the whole-line comments between its children, which stay
  below it (at the key's column when a block is written in its place).
- an item moved: its lines and those of the items it passes change places; the
  lines between items (comments, blank lines) stay where they are.
- a key or item added: new lines, inserted after the child before it (or before
  the first); only when it comes first in a mapping that starts on a dash's line
  (`- title: …`) does that line change.
- a `[…]` or `{…}` edited inside: the text between its brackets, keeping its own
  spacing and separators where they still fit.
- a file that ended without a line break still does (unless its last line is
  now blank, or a literal block's own line break would go).

A new key goes after the key that comes before it in the template's order (the
order of the model's fields, `key_order`), else before the first that comes
after it, else at the end of its mapping. New text follows the file: its
indentation for mappings under a key, its dash offset (`  - ` or `- `) for lists,
its quotes, its brackets for short lists under a key, and its line ends. How
values are written is in `scalars` and `fresh`; in short, every value is written
so that cse's own loader reads back exactly the value given (a date is
`2026-03-09`, true and false are `true` and `false`, text YAML would read as
something else is quoted, text of several lines is a literal block, a long line
of text is folded).

Every result is read back with cse's loader and compared with the data meant,
type for type; any difference raises `WouldReadDifferently` and nothing is
returned. Errors, each a `CseError` whose lines are located problems:
`EditDoesNotFit` (the edit does not fit the data: a path through text, an index
out of range, a value YAML cannot hold), `FileNotEditable` (cse cannot read the
file; or the edit would change a part written with an anchor or alias, a
comment inside brackets, or a layout the writer does not rewrite, such as an
explicit `? ` key) and `WouldReadDifferently` (a bug).

Where nodes stand is found with libyaml's parser, the one cse's loader reads
with, so the writer edits the structure `cse check` reads. ruamel.yaml, the
usual round-trip library, was not used: it reads YAML 1.2, in pure Python (about
thirty times slower on these files), and refuses files cse reads (a tab before a
comment); its dump would normalise the layout anyway, so the guarantee above is
this package's own either way.

Saving goes through `save`: each `FileChange` carries the content hash
(`content_hash`, the SHA-256 of the bytes) of the version it was made from; if
any file on disk no longer has it, `ChangedOnDisk` is raised and nothing is
written; otherwise every file is replaced at once, all or nothing
(`cse_cli.io.atomic.replace_all`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.problems import Problem
from cse_cli.io.yaml_edit.edits import (
    Delete,
    Edit,
    EditDoesNotFit,
    EditError,
    FileNotEditable,
    Insert,
    Move,
    Path,
    Set,
    WouldReadDifferently,
    changes,
    same,
    spell,
)
from cse_cli.io.yaml_edit.files import ChangedOnDisk, FileChange, content_hash, save
from cse_cli.io.yaml_edit.fresh import Fresh
from cse_cli.io.yaml_edit.layout import Layout
from cse_cli.io.yaml_edit.order import key_order
from cse_cli.io.yaml_edit.source import BOM, BREAKS, Lines, newline_of, parse, style_of
from cse_cli.io.yaml_edit.tree import Box, Tree, build, data_of
from cse_cli.io.yaml_loader import load

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "ChangedOnDisk",
    "Delete",
    "Edit",
    "EditDoesNotFit",
    "EditError",
    "FileChange",
    "FileNotEditable",
    "Insert",
    "Move",
    "Path",
    "Set",
    "WouldReadDifferently",
    "apply_edits",
    "changes",
    "content_hash",
    "key_order",
    "rewrite",
    "save",
]


def apply_edits(
    raw: bytes,
    edits: Iterable[Edit],
    *,
    file: str = "file.yaml",
    order: Callable[[Path], Sequence[str]] | None = None,
) -> bytes:
    """The bytes of the file after `edits`, one after another; `raw` itself when none changes it.

    `file` names the file in error messages; `order` gives the key order of
    each mapping (`key_order(ElementFile)`), for where a new key goes.
    """
    read = load(raw, file)
    if read.problems:
        raise FileNotEditable(*read.problems)
    text = raw.decode("utf-8")
    bom = BOM if text.startswith(BOM) else ""  # kept as it was, outside every line's columns
    text = text[len(bom) :]
    added = text and text[-1] not in BREAKS  # a last line without its line break
    body = text + newline_of(text) if added else text
    lines = Lines(body)
    node = parse(body)
    root = build(read.data, node) if node is not None else Box(None)
    tree = Tree(root, file, lines, order)
    for edit in edits:
        tree.apply(edit)
    if tree.top.box is root and not root.dirty:
        return raw
    fresh = Fresh(newline_of(body), lambda: style_of(node, lines))
    written = Layout(body, lines, fresh, file).document(tree.top.box, node)
    meant = data_of(tree.top.box)
    result = (bom + written).encode("utf-8")
    newline = newline_of(text)
    if added and written.endswith(newline) and not written.endswith(newline * 2):
        # no line break at the end, as before, unless a blank line or a text's own goes with it
        trimmed = (bom + written[: -len(newline)]).encode("utf-8")
        result = trimmed if _difference(load(trimmed, file).data, meant, ()) is None else result
    _check(result, file, meant)
    return result


def rewrite(
    raw: bytes,
    data: object,
    *,
    file: str = "file.yaml",
    order: Callable[[Path], Sequence[str]] | None = None,
) -> bytes:
    """The bytes of the file holding `data`, changed only where `data` differs from it."""
    return apply_edits(raw, [Set((), data)], file=file, order=order)


def _check(result: bytes, file: str, meant: object) -> None:
    """Raise WouldReadDifferently unless cse's loader reads `result` as `meant`."""
    back = load(result, file)
    if back.problems:
        raise WouldReadDifferently(*back.problems)
    where = _difference(back.data, meant, ())
    if where is not None:
        raise WouldReadDifferently(
            Problem(
                file,
                0,
                0,
                "error",
                f"{spell(where)} would not read back as the value meant, so nothing was "
                "written: this is a bug in cse, please report it",
            )
        )


def _difference(found: object, meant: object, path: Path) -> Path | None:
    """The path of the first value that differs, None when the two are the same data."""
    if isinstance(found, dict) and isinstance(meant, dict) and found.keys() == meant.keys():
        inner = (_difference(found[k], meant[k], (*path, k)) for k in found)
        return next((p for p in inner if p is not None), None)
    if isinstance(found, list) and isinstance(meant, list) and len(found) == len(meant):
        inner = (
            _difference(a, b, (*path, i)) for i, (a, b) in enumerate(zip(found, meant, strict=True))
        )
        return next((p for p in inner if p is not None), None)
    return None if same(found, meant) else path
