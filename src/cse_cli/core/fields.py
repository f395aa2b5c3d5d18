"""The field types every model of what users write shares: dates, ratings, text, strictness.

The models are strict where a typo must not pass silently (unknown keys are
errors, booleans must be true or false) and forgiving where people write the
same thing two ways (ratings as `partial` or `P`, an empty list as nothing).
"""

# No `from __future__ import annotations`: Pydantic reads these annotations.

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from cse_cli.core.ratings import Rating, parse_rating
from cse_cli.core.text import as_written, describe, quoted


def parse_date(value: object) -> dt.date:
    """Read an ISO date (YYYY-MM-DD), unquoted (a YAML date) or quoted."""
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date", "expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(
                "date", "{value} is not a date: write it as YYYY-MM-DD", {"value": quoted(value)}
            ) from None
    raise PydanticCustomError(
        "date",
        "expected a date (YYYY-MM-DD), but YAML read {shown} as {kind}",
        {"shown": as_written(value), "kind": describe(value)},
    )


def none_as_empty(value: object) -> object:
    """`key_questions:` left empty means no key questions, not an error."""
    return [] if value is None else value


def none_as_empty_map(value: object) -> object:
    """`reviews:` left empty means none yet, not an error."""
    return {} if value is None else value


def point_from_text(value: object) -> object:
    """A development point written as a plain string is an open point."""
    return {"point": value} if isinstance(value, str) else value


RatingField = Annotated[Rating | None, BeforeValidator(parse_rating)]
Date = Annotated[dt.date, BeforeValidator(parse_date)]
Text = Annotated[str, Field(min_length=1)]
Inferred = Annotated[list[Text], BeforeValidator(none_as_empty)]


class Strict(BaseModel):
    """A model that refuses unknown keys, so that a misspelt `finale:` never passes silently."""

    model_config = ConfigDict(extra="forbid")
