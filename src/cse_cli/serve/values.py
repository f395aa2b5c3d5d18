"""A field's value as the form shows it, and back: the texts a browser sends, and the data written.

Each field is shown as one or more texts (a date as its day, month and year;
the inferred keys as one checkbox each), named by a suffix of the field's name.
`texts` gives them for a value as the file holds it; `value_of` reads them
back. A value is written as what cse reads back exactly (a date as a date, a
number as a number); what cannot be one (31 February, a rating that is not one)
is written as the text typed, so that `cse check` says what is wrong with it,
in its own words, and the save is refused. A field whose texts are as the file's
value gives is not written at all: what the user did not touch stays as it was
written (`P` stays `P`, a quoted date stays quoted).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from cse_cli.core.ratings import parse_rating
from cse_cli.io.yaml_edit.edits import spell
from cse_cli.serve.fields import RATINGS, Choice

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from cse_cli.serve.fields import Field

Texts = dict[str, str]
SCALARS = (str, int, float, bool, dt.date)
DATE_PARTS = ("day", "month", "year")
_ISO = re.compile(r"^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*$")


def as_text(value: object) -> str:
    """A scalar as the form shows it: a date as YYYY-MM-DD, true and false as YAML writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def texts(field: Field, value: object) -> Texts:
    """The texts that show `value` in `field`, by suffix (`""` for the field itself)."""
    kind = field.kind
    if kind == "date":
        return _date_texts(value)
    if kind == "inferred":
        named = value if isinstance(value, list) else []
        return {f".{as_text(key)}": "yes" for key in named}
    if kind == "lines":
        shown = value if isinstance(value, list) else ([] if value is None else [value])
        return {"": "\n".join(as_text(line) for line in shown)}
    if kind == "check":
        return {"": "yes" if value is True else ("" if value in (None, False) else as_text(value))}
    return {"": choice_text(field, value) if kind == "choice" else as_text(value)}


def choice_text(field: Field, value: object) -> str:
    """The choice that shows `value`: a rating however written (`P` is partial); else as written."""
    if value is None:
        return field.default
    if field.choices == RATINGS:
        try:
            rating = parse_rating(value)
        except ValueError:  # PydanticCustomError: not a rating, shown as written
            return as_text(value)
        return rating.value if rating is not None else ""
    found = next((c for c in field.choices if _same(c.data, value)), None)
    return found.value if found is not None else as_text(value)


def _same(a: object, b: object) -> bool:
    return type(a) is type(b) and a == b


def _date_texts(value: object) -> Texts:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        day, month, year = value.day, value.month, value.year
    else:
        found = _ISO.match(value) if isinstance(value, str) else None
        if found is None:  # not a date: the text as written, in the year's box
            return {".day": "", ".month": "", ".year": as_text(value)}
        year, month, day = (int(part) for part in found.groups())
    return {".day": str(day), ".month": str(month), ".year": str(year)}


def value_of(field: Field, sent: Mapping[str, str], keys: Sequence[str] = ()) -> object:
    """The value to write for the texts `sent` (by suffix); None: no value, the key goes.

    `keys` are the item's keys, in the model's order, for `inferred`.
    """
    kind = field.kind
    if kind == "date":
        return _date_value(*(sent.get(f".{part}", "").strip() for part in DATE_PARTS))
    if kind == "inferred":
        chosen = [key for key in keys if sent.get(f".{key}") == "yes"]
        chosen += [k[1:] for k, v in sent.items() if v == "yes" and k[1:] not in keys]
        return chosen or None
    return _READ.get(kind, _text)(field, sent.get("", ""))


def _text(_field: Field, text: str) -> object:
    return text.strip() or None


def _lines(_field: Field, text: str) -> object:
    return [line.strip() for line in text.split("\n") if line.strip()] or None


def _check(_field: Field, text: str) -> object:
    return True if text == "yes" else (text or False)


def _choice(field: Field, text: str) -> object:
    found = next((c for c in field.choices if c.value == text), None)
    return found.data if found is not None else text


def _number(_field: Field, text: str) -> object:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"[0-9]+", text):
        return int(text)
    return float(text) if re.fullmatch(r"[0-9]*\.[0-9]+|[0-9]+\.[0-9]*", text) else text


_READ = {"lines": _lines, "check": _check, "choice": _choice, "number": _number}


def _date_value(day: str, month: str, year: str) -> object:
    if not (day or month or year):
        return None
    if day.isdigit() and month.isdigit() and year.isdigit():
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            pass
    parts = (part.zfill(2) if part.isdigit() else part for part in (month, day))
    return "-".join(part for part in (year, *parts) if part)  # not a date: `cse check` says so


def choices(
    field: Field, text: str, source: Sequence[str], was: str
) -> tuple[tuple[Choice, ...], bool]:
    """The choices a field offers, and whether `text` is one of them.

    Its own choices (or `source`'s, with "None" first for a list to choose from),
    then the value the file has when it is not one of them (so that a form never
    changes what the user did not touch), then `text` when it is none of those.
    """
    offered = field.choices or tuple(Choice(name, name, name) for name in source)
    if field.kind == "select":
        offered = (Choice("", "None", None), *offered)
    if was and all(c.value != was for c in offered):
        offered = (*offered, Choice(was, f"{was} (as the file has it)", was))
    if text and all(c.value != text for c in offered):
        return (*offered, Choice(text, f"{text} (not one of the choices)", text)), False
    return offered, True


def fits(field: Field, value: object) -> bool:
    """Whether the form can show `value` in `field` (text where a list goes cannot be lost)."""
    if value is None or isinstance(value, SCALARS):
        return True
    if isinstance(value, list) and field.kind in {"lines", "inferred"}:
        return all(isinstance(line, SCALARS) for line in value)
    return False


def unfit(path: tuple[str | int, ...], value: object, shows: str = "text") -> str:
    """Why the form cannot show a value where it `shows` one, its place spelled as the writer's."""
    held = "text"
    if isinstance(value, (list, dict)):
        held = "a list" if isinstance(value, list) else "a mapping"
    return f"{spell(path)} holds {held} where the form shows {shows}"
