"""How a plain YAML scalar is typed (YAML 1.1, as PyYAML's safe loader types it).

`1.1.1` is text, `1.10` a number and `2015-03-09` a date. A scalar that YAML
would read as a very long number is refused before it is computed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import yaml

from cse_cli.core.text import quoted, short
from cse_cli.io.limits import MAX_NUMBER_CHARS
from cse_cli.io.yaml_document import place

if TYPE_CHECKING:
    from cse_cli.io.yaml_document import Document

TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT = TAG + "str", TAG + "int", TAG + "float"
BOOL, NULL, TIMESTAMP = TAG + "bool", TAG + "null", TAG + "timestamp"
SCALAR_TAGS = {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP}
TAG_WORDS = {
    INT: "a whole number",
    FLOAT: "a number with a decimal point",
    BOOL: "true or false",
    NULL: "empty (null)",
    TIMESTAMP: "a date (YYYY-MM-DD)",
}
COLLECTION_TAGS = {TAG + "map", TAG + "seq"}
# `<<` and `=` out of place: PyYAML has no constructor for them; read as text, as YAML 1.2 does
TEXT_TAGS = {TAG + "merge", TAG + "value"}
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
# the pattern a scalar must match to have each tag, for explicit tags such as `!!int 3`
_PATTERNS = {tag: pattern for resolvers in _IMPLICIT.values() for tag, pattern in resolvers}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TYPED_CACHE: dict[str, object] = {}
_CACHE_LIMIT = 20_000
_CACHE_TEXT = 64  # only short texts (ratings, dates, names) recur enough to be worth caching

_NO_VALUE = object()
_BASE_60 = "0123456789_:.+-"


class LongNumberError(ValueError):
    """A scalar YAML reads as a number is longer than MAX_NUMBER_CHARS."""


def long_number_message(text: str) -> str:
    """The message for a plain scalar read as a number longer than MAX_NUMBER_CHARS."""
    return (
        f"{quoted(text)} looks like a number to YAML, and a number has at most "
        f"{MAX_NUMBER_CHARS} characters: put it in quotes if it is text"
    )


def tag_message(tag: str) -> str:
    """The message for a tag that would construct something other than plain data."""
    written = short("!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag)
    return (
        f"tag {written} is not allowed: evidence files hold only text, numbers, "
        "dates, true/false, lists and mappings"
    )


def typed(text: str) -> object:
    """The value YAML 1.1 gives a plain (unquoted) scalar, as PyYAML's safe loader does."""
    cached = _TYPED_CACHE.get(text, _NO_VALUE)
    if cached is not _NO_VALUE:
        return cached
    if len(text) > MAX_NUMBER_CHARS and ":" in text:
        return _typed_long(text)
    value: object = text
    for tag, pattern in _IMPLICIT.get(text[:1], ()):
        if pattern.match(text):
            value = _construct(tag, text) if tag not in TEXT_TAGS else text
            break
    if len(_TYPED_CACHE) < _CACHE_LIMIT and len(text) <= _CACHE_TEXT:
        _TYPED_CACHE[text] = value
    return value


def _typed_long(text: str) -> object:
    """`typed` for a long plain scalar with a colon, without YAML 1.1's base-60 patterns.

    On such a text those patterns take memory in proportion to its length (and
    the number itself hours to compute); a number is never that long, so only a
    date and time can match.
    """
    if not text.strip(_BASE_60):
        raise LongNumberError
    for tag, pattern in _IMPLICIT.get(text[:1], ()):
        if tag == TIMESTAMP and pattern.match(text):
            return _construct(tag, text)
    return text


def construct_explicit(tag: str, text: str) -> object:
    """The value of a scalar with an explicit tag (`!!int 3`); ValueError when it is not one."""
    if not _PATTERNS[tag].match(text):  # `!!bool maybe`: PyYAML would raise a KeyError
        raise ValueError(text)
    return _construct(tag, text)


def _construct(tag: str, text: str) -> object:
    if len(text) > MAX_NUMBER_CHARS and tag in {INT, FLOAT}:
        raise LongNumberError
    if tag == TIMESTAMP and len(text) == 10:  # noqa: PLR2004 - YYYY-MM-DD, the common case
        return dt.date.fromisoformat(text)
    if tag == NULL and text in {"", "~", "null", "Null", "NULL"}:
        return None
    node = yaml.ScalarNode(tag, text)
    method = _CONSTRUCTOR.yaml_constructors[tag]
    return method(_CONSTRUCTOR, node)


def scalar(doc: Document, event: Any) -> Any:  # noqa: PLR0911 - one return per kind
    """The value of a scalar event, typed as YAML 1.1 types it.

    None, with the problem recorded in `doc`, when it cannot be. libyaml's
    events are untyped: Any is the honest type.
    """
    tag, text = event.tag, event.value
    if tag is None or tag == "!":
        if not event.implicit[0] or tag == "!":  # quoted, or the non-specific tag
            return text
        try:
            return typed(text)
        except LongNumberError:
            doc.error(place(event.start_mark), long_number_message(text))
            return None
        except ValueError:  # shaped like a date or number but not one, as 2015-02-30
            doc.error(
                place(event.start_mark),
                f"{quoted(text)} looks like a date or number but is not a valid one",
            )
            return None
    if tag not in SCALAR_TAGS:
        doc.error(place(event.start_mark), tag_message(tag))
        return None
    if tag == STR:
        return text
    try:
        return construct_explicit(tag, text)
    except LongNumberError:
        doc.error(place(event.start_mark), long_number_message(text))
        return None
    except (ValueError, KeyError, AttributeError, OverflowError, yaml.YAMLError):
        doc.error(
            place(event.start_mark),
            f"{quoted(text)} is tagged !!{tag[len(TAG) :]} but is not {TAG_WORDS[tag]}",
        )
        return None
