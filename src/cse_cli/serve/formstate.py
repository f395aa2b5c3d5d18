"""What a form holds: the texts typed, field by field, and each list's items in their order.

A form is made from a file's data (`from_data`) or from what a browser sent
(`from_post`), and goes back and forth between the two while the user adds,
removes or moves items (`act`), each round trip keeping every text typed. Each
item remembers where it was in the file the page was made from (`origin`), so
that saving moves, removes and inserts items instead of rewriting them, and
keeps what the form does not show of an item (a key cse does not know, a
comment).

Names in the browser: a field at the file's top by its keys joined with dots
(`final`, `documents.complaints.path`, `raised.day` for a date's day); an item's
field under its list and place (`evidence.2.title`); the hidden
`evidence.count`, `evidence.2.origin` and `evidence.2.kind` (`ref` for an item
citing another) give the lists' shape; `drop.N` and `evidence.2.drop.N` tick a
key the form does not edit, to remove it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cse_cli.io.yaml_edit.edits import spell
from cse_cli.serve.values import fits, texts, unfit

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.serve.fields import Field, Form, Items

MAX_ITEMS = 20_000  # the repository's limit of evidence items: no list of a form has more
Path = tuple[str | int, ...]


@dataclass
class ItemState:
    """One item of a list: where it was in the file (None: new), its kind, its texts."""

    origin: int | None
    kind: str = ""
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class FormState:
    """Everything a form holds: the file's hash it was made from, the texts, the lists."""

    hash: str
    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[ItemState]] = field(default_factory=dict)
    garbled: list[str] = field(default_factory=list)
    """The names of the hidden fields a browser sends as the form gave them, sent otherwise."""


def item_keys(items: Items, kind: str) -> list[str]:
    """The keys an item of `kind` has fields for (what its `inferred:` may name)."""
    keys = [f.path[0] for f in items.fields_of(kind) if f.kind != "inferred"]
    return list(dict.fromkeys(keys))


def field_texts(form_field: Field, mapping: object) -> dict[str, str]:
    """The texts of a field, by their full names under the field's name, from a mapping."""
    value = get(mapping, form_field.path)
    return {form_field.name + suffix: text for suffix, text in texts(form_field, value).items()}


def from_data(form: Form, data: object, hash_: str) -> FormState:
    """The form of a file holding `data` (its content hash `hash_`)."""
    state = FormState(hash_)
    for form_field in form.fields:
        state.values.update(field_texts(form_field, data))
    for items in form.lists:
        listed = get(data, (items.key,))
        state.lists[items.key] = [
            _item_state(items, index, item)
            for index, item in enumerate(listed if isinstance(listed, list) else [])
        ]
    return state


def _item_state(items: Items, index: int, item: object) -> ItemState:
    if isinstance(item, str) and items.plain:
        item = {items.plain: item}
    kind = "ref" if items.ref_fields and isinstance(item, dict) and "ref" in item else ""
    values: dict[str, str] = {}
    for form_field in items.fields_of(kind):
        values.update(field_texts(form_field, item))
    return ItemState(index, kind, values)


def from_post(form: Form, sent: Mapping[str, str]) -> FormState:
    """The form as the browser sent it: every text kept, the lists in the order shown."""
    state = FormState(sent.get("hash", ""))
    prefixes = tuple(f"{items.key}." for items in form.lists)
    state.values = {k: v for k, v in sent.items() if not k.startswith(prefixes)}
    for items in form.lists:
        count = _number(sent.get(f"{items.key}.count", ""), MAX_ITEMS + 1)
        if count is None:  # read as none, the list would lose every item when saved
            state.garbled.append(f"{items.key}.count")
        listed = []
        for index in range(count or 0):
            prefix = f"{items.key}.{index}."
            values = {k[len(prefix) :]: v for k, v in sent.items() if k.startswith(prefix)}
            given = values.pop("origin", "")
            origin = _number(given, MAX_ITEMS)
            if given and origin is None:  # read as new, the item would lose what the form keeps
                state.garbled.append(f"{prefix}origin")
            kind = values.pop("kind", "")
            listed.append(
                ItemState(origin, kind if kind == "ref" and items.ref_fields else "", values)
            )
        state.lists[items.key] = listed
    return state


def _number(text: str, below: int) -> int | None:
    return int(text) if text.isdigit() and int(text) < below else None


def get(data: object, path: Path) -> object:
    """The value at `path` in `data`, None where any key or index on the way is missing."""
    for part in path:
        if isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        elif isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def kept(names: list[tuple[str, ...]], mapping: object, at: Path = ()) -> list[tuple[Path, object]]:
    """The keys of `mapping` the form has no field for (under `names`, the fields' paths), in order.

    They are kept as they are when the file is saved, unless the user ticks them
    to be removed; a key the form has fields under (`documents:`) is looked into.
    """
    if not isinstance(mapping, dict):
        return []
    found: list[tuple[Path, object]] = []
    for key, value in mapping.items():
        inner = [name[1:] for name in names if name and name[0] == key]
        if not inner:
            found.append(((*at, key), value))
        elif all(inner_name for inner_name in inner):  # fields under it, not at it
            found += kept(inner, value, (*at, key))
    return found


def unshowable(form: Form, data: object) -> str | None:
    """Why the form cannot show the file's `data` without losing some of it, or None."""
    if data is None:
        return None
    if not isinstance(data, dict):
        return "the file is not a mapping of keys and values"
    found = [_unfit(form_field, data, ()) for form_field in form.fields]
    found += [_unfit_items(items, data.get(items.key)) for items in form.lists]
    return next((why for why in found if why is not None), None)


def _unfit_items(items: Items, listed: object) -> str | None:
    """Why the form cannot show a list's items, or None."""
    if listed is None:
        return None
    if not isinstance(listed, list):
        return unfit((items.key,), listed, "a list of items")
    for index, item in enumerate(listed):
        at = (items.key, index)
        if isinstance(item, str) and items.plain:
            continue
        if not isinstance(item, dict):
            return f"{spell(at)} is not a mapping of keys and values"
        kind = "ref" if items.ref_fields and "ref" in item else ""
        found = (_unfit(form_field, item, at) for form_field in items.fields_of(kind))
        why = next((why for why in found if why is not None), None)
        if why is not None:
            return why
    return None


def _unfit(form_field: Field, mapping: dict[str, object], at: Path) -> str | None:
    """Why a field cannot show its value (or a mapping on its way is not one), or None."""
    node: object = mapping
    for depth, key in enumerate(form_field.path):
        if node is None:
            return None
        if not isinstance(node, dict):
            return unfit((*at, *form_field.path[:depth]), node, "keys and values")
        node = node.get(key)
    return None if fits(form_field, node) else unfit((*at, *form_field.path), node)
