"""From a form to the file: the data it holds, the writer's edits, and the form's own buttons.

`written` turns what a form holds into the file's data, starting from the data
of the file the page was made from, so that every key the form has no field for
stays, and into the edits the writer makes (`cse_cli.io.yaml_edit`): items
removed, moved and inserted where the user put them, then each value set. A
field whose texts are as the file's value shows them is left as it was written.

`act` does what an add, remove, move or cite button asks, on the form alone:
nothing is saved until "Save".
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.io.yaml_edit import Delete, Edit, Insert, Move, Set
from cse_cli.serve.formstate import ItemState, get, item_keys, kept
from cse_cli.serve.placing import id_of
from cse_cli.serve.values import texts, value_of

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.serve.fields import Field, Form, Items
    from cse_cli.serve.formstate import FormState

LIST_ACTIONS = ("add", "cite", "search", "remove", "up", "down")


def root_names(form: Form) -> list[tuple[str, ...]]:
    """The paths the form has fields for at the file's top: its fields, lists and fixed keys."""
    return (
        [f.path for f in form.fields] + [(i.key,) for i in form.lists] + [(k,) for k in form.fixed]
    )


def sent_for(form_field: Field, values: Mapping[str, str]) -> dict[str, str]:
    """The texts the browser sent for a field, by suffix (`.day`; `""` for the field itself)."""
    name = form_field.name
    return {k[len(name) :]: v for k, v in values.items() if k == name or k.startswith(name + ".")}


def _unchanged(form_field: Field, sent: dict[str, str], before: dict[str, str]) -> bool:
    if form_field.kind == "inferred":
        return {k for k, v in sent.items() if v == "yes"} == {k for k, v in before.items() if v}
    return all(sent.get(k, "") == before.get(k, "") for k in {*sent, *before})


def _put(
    target: dict[str, object],
    form_field: Field,
    values: Mapping[str, str],
    base: object,
    keys: list[str],
) -> None:
    """Set the field's value in `target` from the texts sent, unless they are as `base` shows."""
    sent = sent_for(form_field, values)
    if _unchanged(form_field, sent, texts(form_field, get(base, form_field.path))):
        return
    value = value_of(form_field, sent, keys)
    node = target
    for key in form_field.path[:-1]:
        inner = node.get(key)
        if not isinstance(inner, dict):
            if value is None:
                return
            inner = node[key] = {}
        node = inner
    if value is None:
        node.pop(form_field.path[-1], None)
    else:
        node[form_field.path[-1]] = value


def _drop(
    target: dict[str, object],
    names: list[tuple[str, ...]],
    base: object,
    values: Mapping[str, str],
    prefix: str,
) -> None:
    """Remove each key the form has no field for that the user ticked to remove."""
    for number, (path, _) in enumerate(kept(names, base)):
        if values.get(f"{prefix}drop.{number}") == "yes":
            parent = get(target, path[:-1])
            if isinstance(parent, dict):
                parent.pop(path[-1], None)


def _prune(data: dict[str, object], base: object) -> None:
    """Remove the mappings left empty that were not empty in the file (a review's response gone)."""
    for key, value in list(data.items()):
        if isinstance(value, dict):
            was = base.get(key) if isinstance(base, dict) else None
            _prune(value, was)
            if not value and was != {}:
                del data[key]


@dataclass(frozen=True)
class Made:
    """What a form makes of a file: its data, the writer's edits, and where each item is shown."""

    data: dict[str, object]
    edits: list[Edit]
    maps: dict[str, list[int]]
    """Per list, the place in the form of each item written (blank new items are not written)."""


def written(form: Form, state: FormState, base: object) -> Made:
    """The file's data as the form holds it, and the writer's edits from `base`, the file's data."""
    base_map = base if isinstance(base, dict) else {}
    data = copy.deepcopy(base_map)
    for form_field in form.fields:
        _put(data, form_field, state.values, base_map, [])
    _drop(data, root_names(form), base_map, state.values, "")
    _prune(data, base_map)
    edits: list[Edit] = []
    maps = {}
    for items in form.lists:
        was = base_map.get(items.key)
        listed, origins, maps[items.key] = _items(items, state.lists.get(items.key, []), was)
        if listed or isinstance(was, list):
            data[items.key] = listed
        if isinstance(was, list):
            edits += _list_edits(items.key, listed, origins, len(was))
    edits.append(Set((), data))
    return Made(data, edits, maps)


def _items(
    items: Items, states: list[ItemState], base: object
) -> tuple[list[object], list[int | None], list[int]]:
    """Each item's data, where it was in the file (None: new), and its place in the form.

    A new item left blank is not written.
    """
    base_items = base if isinstance(base, list) else []
    listed: list[object] = []
    origins: list[int | None] = []
    shown: list[int] = []
    seen: set[int] = set()
    for place, state in enumerate(states):
        origin = state.origin
        if origin is None or origin >= len(base_items) or origin in seen:
            origin = None
        was = base_items[origin] if origin is not None else None
        if origin is not None:
            seen.add(origin)
        item = _item(items, state, was)
        if item is None:
            continue
        listed.append(item)
        origins.append(origin)
        shown.append(place)
    return listed, origins, shown


def _item(items: Items, state: ItemState, was: object) -> object:
    """One item's data from its texts, starting from the item it was; None for a blank new one."""
    plain = isinstance(was, str) and bool(items.plain)
    base = {items.plain: was} if plain else (was if isinstance(was, dict) else {})
    item: dict[str, object] = copy.deepcopy(base)
    keys = item_keys(items, state.kind)
    fields = items.fields_of(state.kind)
    for form_field in fields:
        _put(item, form_field, state.values, base, keys)
    _drop(item, [f.path for f in fields], base, state.values, "")
    _prune(item, base)
    if not item and was is None:
        return None
    if plain and list(item) == [items.plain] and isinstance(item[items.plain], str):
        return item[items.plain]  # an open point written as a plain line stays one
    return item


def _list_edits(key: str, listed: list[object], origins: list[int | None], was: int) -> list[Edit]:
    """Remove, move and insert items where the form put them, then set each as it should be."""
    used = {origin for origin in origins if origin is not None}
    edits: list[Edit] = [Delete((key, o)) for o in reversed(range(was)) if o not in used]
    current = [o for o in range(was) if o in used]
    for target, origin in enumerate(o for o in origins if o is not None):
        at = current.index(origin)
        if at != target:
            edits.append(Move((key, at), target))
            current.insert(target, current.pop(at))
    edits += [Insert((key, i), listed[i]) for i, was_at in enumerate(origins) if was_at is None]
    edits += [Set((key, i), listed[i]) for i, was_at in enumerate(origins) if was_at is not None]
    return edits


def act(form: Form, state: FormState, action: str) -> tuple[str | None, str | None]:
    """Do a list button's action on the form; the id to show next, and an error or None.

    `add:KEY`, `cite:KEY` (the item chosen in `cite.KEY.choice`), `search:KEY`, and
    `remove:KEY:N`, `up:KEY:N`, `down:KEY:N` for the item at N. Anything else
    changes nothing (the form's hidden first button, which Enter presses).
    """
    verb, _, rest = action.partition(":")
    key, _, place = rest.partition(":")
    items = next((i for i in form.lists if i.key == key), None)
    if verb not in LIST_ACTIONS or items is None:
        return None, None
    listed = state.lists.setdefault(key, [])
    if verb in {"add", "cite", "search"}:
        return _added(items, state, listed, verb)
    index = int(place) if place.isdigit() and int(place) < len(listed) else None
    if index is None:
        return None, None
    if verb == "remove":
        del listed[index]
        return id_of((key,)), None
    to = index - 1 if verb == "up" else index + 1
    if not 0 <= to < len(listed):
        to = index
    listed[index], listed[to] = listed[to], listed[index]
    return id_of((key, to)), None


def _added(
    items: Items, state: FormState, listed: list[ItemState], verb: str
) -> tuple[str | None, str | None]:
    if verb == "search":
        return f"cite-{items.key}-results", None
    if verb == "add":
        listed.append(ItemState(None))
        return id_of((items.key, len(listed) - 1)), None
    chosen = (state.values.get(f"cite.{items.key}.choice") or "").strip()
    if not chosen or not items.ref_fields:
        return f"cite-{items.key}-q", "Choose the item to cite: search by its title, then choose it"
    listed.append(ItemState(None, "ref", {"ref": chosen}))
    return id_of((items.key, len(listed) - 1)), None
