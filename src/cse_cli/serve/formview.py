"""A form as its templates show it: each field with its texts, choices, id and problems.

Built from the form's description (`fields`), what it holds (`formstate`) and
the file it was made from; the templates only lay it out. Every element a
problem can be placed at has an id made from the path of its value
(`placing.id_of`), so a problem's path finds its field, or the nearest item or
list holding it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.io.yaml_edit.edits import spell
from cse_cli.serve.formdata import root_names, sent_for
from cse_cli.serve.formstate import get, item_keys, kept
from cse_cli.serve.placing import id_of
from cse_cli.serve.values import choices, texts

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.serve.fields import Choice, Field, Form, Items
    from cse_cli.serve.formstate import FormState, ItemState

Path = tuple[str | int, ...]
NOT_OFFERED = "Choose one from the list: {value} is not one of its choices"
"""Said at a field whose choice was not offered (a form sent by hand, or from an older page)."""


@dataclass(frozen=True)
class FieldView:
    """One field as shown: its name and id, its texts by suffix, its choices and problems."""

    field: Field
    name: str
    id: str
    kind: str
    texts: dict[str, str]
    choices: tuple[Choice, ...]
    inferred: bool
    keys: tuple[str, ...] = ()
    offered: bool = True
    """Whether the text is one of the choices (always, for a field without choices)."""

    def text(self, suffix: str = "") -> str:
        """The text of the field (or of its part `suffix`, such as `.day`)."""
        return self.texts.get(suffix, "")


@dataclass(frozen=True)
class KeptView:
    """A key the form has no field for: kept when saving unless ticked to be removed."""

    id: str
    name: str
    spelled: str
    text: str
    dropped: bool


@dataclass(frozen=True)
class ItemView:
    """One item of a list, with its fields, the keys kept and its own problems."""

    index: int
    origin: int | None
    kind: str
    id: str
    prefix: str
    fields: dict[str, FieldView]
    kept: tuple[KeptView, ...]
    last: bool


@dataclass(frozen=True)
class FormView:
    """The whole form: its fields by name, its lists by key, the keys kept, the ids known."""

    hash: str
    fields: dict[str, FieldView]
    lists: dict[str, tuple[ItemView, ...]]
    kept: tuple[KeptView, ...]
    ids: frozenset[str]
    """Every id a problem can be placed at: fields, items, lists, keys kept, the top."""
    field_ids: frozenset[str]
    """The ids of the fields alone."""


def _field(
    form_field: Field,
    at: Path,
    values: Mapping[str, str],
    base: object,
    sources: Mapping[str, list[str]],
    inferred: bool = False,
    keys: tuple[str, ...] = (),
) -> FieldView:
    name = form_field.name
    own = sent_for(form_field, values)
    kind = form_field.kind
    source = sources.get(form_field.source, [])
    if kind == "select" and form_field.source == "services" and not source:
        kind = "text"  # cse.yaml lists no services: any name
    text = own.get("", "")
    if kind in {"text", "select"} and "\n" in text:
        kind = "long"  # a line break an input would drop
    offered: tuple[Choice, ...] = ()
    one_of = True
    if kind in {"choice", "select"}:
        was = texts(form_field, get(base, form_field.path)).get("", "")
        offered, one_of = choices(form_field, text, source, was)
    if kind == "inferred":
        keys = (*keys, *(k[1:] for k in own if k[1:] not in keys))
    path_id = id_of((*at, *form_field.path))
    return FieldView(form_field, name, path_id, kind, own, offered, inferred, keys, one_of)


def _kept(
    names: list[tuple[str, ...]], base: object, at: Path, prefix: str, values: Mapping[str, str]
) -> tuple[KeptView, ...]:
    shown = []
    for number, (path, value) in enumerate(kept(names, base)):
        kept_id = id_of((*at, *path))
        text = json.dumps(value, ensure_ascii=False, default=str)
        dropped = values.get(f"{prefix}drop.{number}") == "yes"
        shown.append(KeptView(kept_id, f"{prefix}drop.{number}", spell(path), text, dropped))
    return tuple(shown)


def _item(
    items: Items,
    index: int,
    item: ItemState,
    base: object,
    sources: Mapping[str, list[str]],
    last: bool,
) -> ItemView:
    at: Path = (items.key, index)
    prefix = f"{items.key}.{index}."
    was = get(base, (items.key, item.origin)) if item.origin is not None else None
    was = {items.plain: was} if isinstance(was, str) and items.plain else was
    keys = tuple(item_keys(items, item.kind))
    inferred = {
        k[len("inferred.") :] for k, v in item.values.items() if k.startswith("inferred.") and v
    }
    fields = {
        f.name: _field(f, at, item.values, was, sources, f.path[0] in inferred, keys)
        for f in items.fields_of(item.kind)
    }
    fields = {name: _prefixed(view, prefix) for name, view in fields.items()}
    names = [f.path for f in items.fields_of(item.kind)]
    kept_views = _kept(names, was, at, prefix, item.values)
    return ItemView(index, item.origin, item.kind, id_of(at), prefix, fields, kept_views, last)


def _prefixed(view: FieldView, prefix: str) -> FieldView:
    from dataclasses import replace

    return replace(view, name=prefix + view.name)


def form_view(
    form: Form, state: FormState, base: object, sources: Mapping[str, list[str]]
) -> FormView:
    """The form as shown, for a file whose data was `base`, with the lists' `sources`."""
    fields = {f.name: _field(f, (), state.values, base, sources) for f in form.fields}
    lists = {
        items.key: tuple(
            _item(items, i, item, base, sources, i == len(rows) - 1) for i, item in enumerate(rows)
        )
        for items in form.lists
        for rows in (state.lists.get(items.key, []),)
    }
    top_kept = _kept(root_names(form), base, (), "", state.values)
    field_ids = {view.id for view in fields.values()}
    ids = {id_of(())} | {id_of((i.key,)) for i in form.lists} | {k.id for k in top_kept}
    for rows in lists.values():
        for row in rows:
            field_ids |= {view.id for view in row.fields.values()}
            ids |= {row.id} | {k.id for k in row.kept}
    return FormView(
        state.hash, fields, lists, top_kept, frozenset(ids | field_ids), frozenset(field_ids)
    )


def unoffered(view: FormView) -> list[tuple[str, str]]:
    """The lists to choose from (services, documents) holding a text they do not offer.

    (A choice of radios needs no such check: the model refuses a value that is none
    of them, in `cse check`'s words.)
    """
    every = [*view.fields.values()]
    every += [f for rows in view.lists.values() for row in rows for f in row.fields.values()]
    return [
        (f.id, NOT_OFFERED.format(value=repr(f.text())))
        for f in every
        if f.kind == "select" and not f.offered
    ]
