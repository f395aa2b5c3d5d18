"""JSON Schemas of element files, cse.yaml and review files, rendered from the Pydantic models.

The models (cse_cli.core) are the one source of truth for what a file may hold;
this module renders them as JSON Schema documents, a format of its own shaped
for its readers, as the other renderers shape a view: `cse schema` prints one,
and `cse init` and `cse import` write all three into `.cse/`.

Editors (VS Code with the YAML extension, JetBrains IDEs) use them to complete
keys, element ids and ratings and to flag mistakes as people type. The models
stay the one source of truth; this module only adds what an editor needs and
Pydantic cannot infer: the element ids, the rating spellings and the keys an
`inferred:` list may name as enums, the plain-string form of a development
point, empty lists written as nothing, and draft-07 layout (`definitions`),
which every editor understands.

It also says "or blank" in forms that yaml-language-server (the server behind
VS Code's YAML extension) reads right. On hover it joins the titles of an
`anyOf`'s branches with " || " when it takes them all to match the value, and it
tells branches apart only by title, description and properties: Pydantic's
`X | None`, an `anyOf` of two untitled branches, hovered as "Owner || Owner" (or
as the file's title twice, for a field without one; its issue #952). So an
optional field is one schema with a list of types, and a rating is `oneOf` a
spelling or blank, with blank written so that an editor does not offer `null`.

The schema is a typing aid: `cse check` remains the judge, and it accepts a
little more (ratings in any letter case, such as `Full`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cse_cli.core.config import Config
from cse_cli.core.evidence import (
    DevelopmentPoint,
    ElementFile,
    EvidenceItem,
    OnSiteItem,
    inferable,
)
from cse_cli.core.ratings import RATING_CHOICES, Rating
from cse_cli.core.stages import FIELDS
from cse_cli.core.standard import Standard
from cse_cli.io.scaffold import Schemas
from cse_cli.render.formats import SchemaKind

DRAFT = "http://json-schema.org/draft-07/schema#"
RATING_SPELLINGS = [
    *(rating.value for rating in Rating),
    *(rating.abbreviation for rating in Rating),
]
# Lists that may be left empty (`key_questions:` with nothing after it).
_NULLABLE_LISTS = {
    "element": ("key_questions", "evidence", "on_site", "development_points"),
    "config": ("services",),
}
_RATING_FIELDS = tuple(FIELDS.values())
# Keywords of a branch that constrain a null value too: such a branch is not merged.
_NOT_FOR_NULL = {"enum", "const", "not", "anyOf", "oneOf", "allOf", "if", "then", "else", "$ref"}


def element_schema(standard: Standard) -> dict[str, Any]:
    """The schema of an element file (evidence/<id>.yaml)."""
    schema = _draft07(ElementFile.model_json_schema(), "CSE element file")
    properties = schema["properties"]
    properties["element"]["enum"] = standard.element_ids()
    for name in _RATING_FIELDS:
        # No `default`: an editor would offer it as a completion ("Default value").
        # Blank stays allowed, as `cse init` writes every rating blank; `oneOf`, not
        # `anyOf`, as an editor joins the titles of untitled `anyOf` branches.
        properties[name] = {
            "title": name.replace("_", " ").capitalize(),
            "description": _whole(properties[name]["description"]),
            "oneOf": [{"type": "string", "enum": RATING_SPELLINGS}, _blank()],
        }
    schema["definitions"].pop("Rating", None)
    properties["development_points"]["items"] = {
        "anyOf": [
            {"type": "string", "minLength": 1, "description": "An open point, in a few words."},
            {"$ref": "#/definitions/DevelopmentPoint"},
        ]
    }
    status = schema["definitions"]["DevelopmentPoint"]["properties"]["status"]
    status.pop("pattern", None)
    status["enum"] = ["open", "addressed"]
    for model in (EvidenceItem, OnSiteItem, DevelopmentPoint):
        inferred = schema["definitions"][model.__name__]["properties"]["inferred"]
        inferred["items"]["enum"] = inferable(model)
    _nullable(properties, _NULLABLE_LISTS["element"])
    _finish(schema)
    return schema


def config_schema() -> dict[str, Any]:
    """The schema of cse.yaml."""
    schema = _draft07(Config.model_json_schema(), "CSE repository settings (cse.yaml)")
    _nullable(schema["properties"], _NULLABLE_LISTS["config"])
    _finish(schema)
    return schema


def review_schema() -> dict[str, Any]:
    """The schema of a surveillance review file (reviews/surveillance-1.yaml…)."""
    from cse_cli.core.reviews import Review

    schema = _draft07(Review.model_json_schema(), "CSE surveillance review")
    _finish(schema)
    return schema


def editor_schemas(standard: Standard) -> Schemas:
    """The three schemas `cse init` (and `cse import`) write into `.cse/`."""
    return Schemas(*(schema_text(kind, standard) for kind in SchemaKind))


def schema_text(kind: SchemaKind, standard: Standard) -> str:
    """A schema as the JSON text `cse schema` prints and `cse init` writes."""
    if kind is SchemaKind.REVIEW:
        schema = review_schema()
    else:
        schema = element_schema(standard) if kind is SchemaKind.ELEMENT else config_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _draft07(schema: dict[str, Any], title: str) -> dict[str, Any]:
    """Pydantic's 2020-12 layout moved to draft-07: `$defs` becomes `definitions`."""
    text = json.dumps(schema).replace('"#/$defs/', '"#/definitions/')
    moved: dict[str, Any] = json.loads(text)
    return {
        "$schema": DRAFT,
        "title": title,
        "description": moved.pop("description", ""),
        **{key: value for key, value in moved.items() if key not in {"$defs", "title"}},
        "definitions": moved.get("$defs", {}),
    }


def _blank() -> dict[str, Any]:
    """Blank (null), said without `"type": "null"`, which an editor offers as a completion."""
    return {
        "$comment": "blank: not rated yet",
        "not": {"type": ["string", "number", "boolean", "object", "array"]},
    }


def _whole(description: str) -> str:
    """A description that lists the ratings in full, not cut short with an ellipsis."""
    if not description.endswith("…"):
        return description
    return f"{description.rsplit(':', 1)[0]}: {RATING_CHOICES}."


def _nullable(properties: dict[str, Any], names: tuple[str, ...]) -> None:
    for name in names:
        properties[name]["type"] = ["array", "null"]


def _finish(schema: dict[str, Any]) -> None:
    for node in _mappings(schema):
        _or_null(node)
        if "properties" in node:
            # every object refuses unknown keys, so a misspelt `finale:` is flagged
            node["additionalProperties"] = False


def _or_null(node: dict[str, Any]) -> None:
    """Pydantic's `anyOf: [X, {"type": "null"}]` written as X with `null` among its types.

    The same values, as X's other keywords apply only to X's type; and no `default:
    null`, which an editor offers as a completion ("Default value").
    """
    branches = node.get("anyOf")
    if not isinstance(branches, list) or branches[1:] != [{"type": "null"}]:
        return
    kept = branches[0]
    if not isinstance(kept.get("type"), str) or kept.keys() & (_NOT_FOR_NULL | node.keys()):
        return
    del node["anyOf"]
    node.update(kept, type=[kept["type"], "null"])
    if "default" in node and node["default"] is None:
        del node["default"]


def _mappings(node: object) -> Iterator[dict[str, Any]]:
    """Every mapping in a schema, each before what is inside it (as it is once changed)."""
    if isinstance(node, dict):
        yield node
        children = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        return
    for child in children:
        yield from _mappings(child)
