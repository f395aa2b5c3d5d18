"""Each file fits its model: unknown keys, wrong types and bad values, in the user's words.

Unknown keys are errors (a misspelt `finale:` never passes silently), and so are
values of the wrong type, ratings that are not ratings, dates that are not ISO
dates and element ids that YAML reads as numbers. The models (cse_cli.core)
say what a file holds; this rule validates a document against one and turns
each of Pydantic's errors into a problem at its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from cse_cli.core.evidence import model_at
from cse_cli.core.problems import has_errors
from cse_cli.core.text import as_written, describe, did_you_mean, quoted, short
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from cse_cli.rules.context import Located

M = TypeVar("M", bound=BaseModel)


def validate(doc: Located, model: type[M], what: str) -> M | None:
    """The validated model, or None with the problems added to the document.

    `what` names what the file should be, for a file that is not a mapping:
    "an element file (element:, evidence:…)".
    """
    data = doc.data
    if not isinstance(data, dict):
        found = "empty" if data is None else f"{describe(data)}, not a mapping"
        doc.error((1, 1), f"expected {what}, but the file is {found}")
        return None
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        placed = {(problem.line, problem.column) for problem in doc.problems}
        for error in exc.errors(include_url=False):
            translate(doc, model, error, placed)
        return None
    return None if has_errors(doc.problems) else result


def translate(
    doc: Located, model: type[BaseModel], error: ErrorDetails, placed: set[tuple[int, int]]
) -> None:
    """Turn one Pydantic error into a located problem in the user's words.

    `placed` holds the places that already have a problem, so that a value the
    loader explained (a refused tag, a bad date) is not reported twice.
    """
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = list(model_at(model, loc).model_fields)
        where = doc.position(loc, of_key=True)
        message = f"unknown key {quoted(str(loc[-1]))}{did_you_mean(str(loc[-1]), allowed)}"
    elif kind == "missing":
        where = doc.position(loc[:-1])
        message = f"missing required key '{loc[-1]}'"
    else:
        where = doc.position(loc)
        if where in placed:
            return
        message = _message(loc, kind, error.get("input"), error["msg"])
    placed.add(where)
    doc.error(where, message)


def _message(loc: tuple[str | int, ...], kind: str, value: object, fallback: str) -> str:
    name = next((part for part in reversed(loc) if isinstance(part, str)), "value")
    if kind == "string_pattern_mismatch" and "category" in loc[:-1]:
        return (
            f"category {name}: {quoted(str(value))} is not a surveillance category: use High or Low"
        )
    if kind == "string_pattern_mismatch" and name in _PATTERN_MESSAGES:
        return _PATTERN_MESSAGES[name].format(value=quoted(str(value)))
    if kind == "string_type" and value is None:
        kind = "string_too_short"  # `organisation:` with nothing after it
    if kind == "bool_type" and isinstance(value, str) and value.lower() in _BOOLEAN_WORDS:
        kind = "bool_quoted"  # `verified_on_site: "true"`
    if isinstance(loc[-1], int):
        name = f"{name} entry {loc[-1] + 1}"
    template = _TYPE_MESSAGES.get(kind, "{name}: {fallback}")
    message = template.format(
        name=name, shown=as_written(value), kind=describe(value), fallback=fallback
    )
    if loc[0] == "evidence" and len(loc) == 2 and isinstance(value, str):  # noqa: PLR2004
        message += f": write it as '- title: {short(value)}'"
    return message


_TYPE_MESSAGES = {
    "string_type": "{name}: expected text, but YAML read {shown} as {kind}: put it in quotes",
    "bool_type": "{name}: expected true or false, not {shown}",
    "bool_quoted": "{name}: expected true or false, not the text {shown}: remove the quotes",
    "bool_parsing": "{name}: expected true or false, not {shown}",
    "list_type": "{name}: expected a list (one '- ' line per entry), not {kind}",
    "model_type": "{name}: expected a mapping (key: value lines), not {kind}",
    "model_attributes_type": "{name}: expected a mapping (key: value lines), not {kind}",
    "dict_type": "{name}: expected a mapping (key: value lines), not {kind}",
    "string_too_short": "{name}: must not be empty",
    "int_type": "{name}: expected a whole number, not {shown}",
    "int_parsing": "{name}: expected a whole number, not {shown}",
    "int_from_float": "{name}: expected a whole number, not {shown}",
    "float_type": "{name}: expected a number, not {shown}",
    "float_parsing": "{name}: expected a number, not {shown}",
}
_BOOLEAN_WORDS = {"true", "false", "yes", "no", "on", "off"}
_PATTERN_MESSAGES = {
    "url": "url: {value} is not a web address: it starts with http:// or https:// and has "
    "no spaces, quotes or angle brackets",
    "status": "status: {value} is not a status: use open or addressed",
    "id": "id: {value} must be one word with no spaces",
    "time": "time: {value} is not a time: write it as 09:30, or 09:30-11:00",
    "by": "by: {value} is not who wrote it: use assessor or organisation",
    "raised_at": "raised_at: {value} is not a stage: use desk-top, final, surveillance-1 or "
    "surveillance-2",
    "addressed_at": "addressed_at: {value} is not a review: use surveillance-1 or surveillance-2",
    "assessment_type": "assessment_type: {value} is not an assessment type: use initial or "
    "reassessment",
}


SCHEMA = Rule("schema", "Unknown keys are errors", validate)
