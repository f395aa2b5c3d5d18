"""Where a new key goes: the order of a model's fields, which is the order `cse init` writes.

The element file's template, cse.yaml's and the README's examples list keys in
the order the models declare them, so a key the editor adds lands where a
person following the template would have written it. The order is read from
the models, so a key added to a model (on-site evidence, say) is placed without
a change here.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from cse_cli.io.yaml_edit.edits import Path


def key_order(model: type[BaseModel]) -> Callable[[Path], Sequence[str]]:
    """The key order of every mapping in a file read as `model`: its fields, in their order.

    Given the path of a mapping (`()` for the file, `("evidence", 3)` for an
    evidence item), the order of its model's keys; none for a mapping the model
    does not describe.
    """

    def order(path: Path) -> Sequence[str]:
        found = _at(model, path)
        return tuple(found.model_fields) if found is not None else ()

    return order


def _at(model: type[BaseModel], path: Path) -> type[BaseModel] | None:
    """The model of the mapping at `path`, None when the model says nothing of it."""
    annotation: Any = model
    for part in path:
        annotation = _inner(annotation, part)
        if annotation is None:
            return None
    found = _choices(annotation)
    return next((c for c in found if _is_model(c)), None)


def _inner(annotation: Any, part: str | int) -> Any:
    """The annotation of what `part` names inside a value of `annotation`, else None."""
    for choice in _choices(annotation):
        origin = get_origin(choice)
        if isinstance(part, int) and origin is list:
            return get_args(choice)[0]
        if isinstance(part, str) and origin is dict:
            return get_args(choice)[1]
        if isinstance(part, str) and _is_model(choice):
            field = choice.model_fields.get(part)
            return field.annotation if field is not None else None
    return None


def _choices(annotation: Any) -> list[Any]:
    """The types an annotation allows: `Annotated` unwrapped, a union split, None left out."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in {Union, types.UnionType}:
        return [c for arg in get_args(annotation) for c in _choices(arg) if c is not type(None)]
    return [annotation]


def _is_model(annotation: Any) -> bool:
    """Whether an annotation is a model class (on Python 3.10 `list[X]` passes for a type too)."""
    return (
        get_origin(annotation) is None
        and isinstance(annotation, type)
        and issubclass(annotation, BaseModel)
    )
