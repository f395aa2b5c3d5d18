"""The values of a matrix's cells as the repository holds them: ids, dates, ratings, links.

Each reader returns the value, or raises `Unreadable` with what the user
should read; the caller locates it at the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from pydantic_core import PydanticCustomError

from cse_cli.core.ratings import Rating, parse_rating
from cse_cli.core.text import quoted

_DASHES = "\u2013\u2014"  # en and em dashes, as Word and Excel put them after an id
_ELEMENT = re.compile(
    r"^\s*(?:element\s*)?(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?(?![\d.])[\s:.\-" + _DASHES + r"]*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_HEADING = re.compile(
    r"^\s*(?:(?:sub[\s-]?)?criterion\s*)?\d{1,2}(?:\.\d{1,2})?\.?(?![\d.])", re.IGNORECASE
)
_EVIDENCE_ID = re.compile(
    r"^([A-Z]{1,4})[ \-]?(\d{1,3}[a-z]?)(?![\w/.,])[\s:.\-" + _DASHES + r")]*(.*)$", re.DOTALL
)
_URL = re.compile(r"^https?://[^\s\x22<>`|{}^\x5c]+$")
_RAG = {"green": Rating.FULL, "amber": Rating.PARTIAL, "red": Rating.NON_COMPLIANCE}
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTHS = {name: n for n, full in enumerate(_MONTH_NAMES, start=1) for name in (full, full[:3])}
_MONTHS["sept"] = 9
_LAST_SERIAL = 2_958_465  # 9999-12-31, the last day Excel counts
_FIRST_YEAR, _LAST_YEAR = 1900, 2100


class Unreadable(ValueError):  # noqa: N818 - reads as what the cell is
    """A cell's value cannot be what its column holds; the message says why."""


class ElementCell(NamedTuple):
    """What an element cell holds: an element id and any wording after it, or a heading."""

    element: str | None
    wording: str


def element_cell(value: object) -> ElementCell:
    """An element id ('1.1.1', '1.1.1 We have…'), or a heading (None): '1.1', 'Criterion 1'."""
    if isinstance(value, dt.date):
        raise Unreadable(
            f"Excel made a date ({value:%Y-%m-%d}) of this element id: format the column "
            "as Text and type the id again"
        )
    if isinstance(value, bool):
        raise Unreadable(f"{value} is not an element id such as 1.1.1")
    if isinstance(value, int | float):  # Excel makes a number of "1.1": a sub-criterion heading
        return ElementCell(None, str(value))
    text = str(value)
    found = _ELEMENT.match(text)
    if found is not None:
        return ElementCell(".".join(str(int(part)) for part in found.groups()[:3]), found[4])
    if _HEADING.match(text):
        return ElementCell(None, text)
    raise Unreadable(f"{quoted(text.strip())} is not an element id such as 1.1.1")


def is_heading_text(value: object) -> bool:
    """Whether an element cell without an id reads as a heading ('Criterion 1 …', '1.1 …')."""
    return isinstance(value, int | float) or bool(_HEADING.match(str(value)))


def evidence_id(value: object) -> str:
    """An evidence id from a column of its own, as the repository writes it ('ES 2' -> 'ES-2')."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "-".join(str(value).split())
    if not text:
        raise Unreadable("an empty evidence id")
    return text


def split_evidence(text: str) -> tuple[str | None, str]:
    """An evidence id at the start of the text, and the rest: 'ES 2 Surveys' gives ES-2."""
    found = _EVIDENCE_ID.match(text.strip())
    if found is None:
        return None, text.strip()
    return f"{found[1]}-{found[2]}", found[3].strip()


def rating(value: object) -> Rating:
    """A rating in any spelling cse accepts, or a RAG colour (green full, amber partial, red NC)."""
    if isinstance(value, str) and value.strip().lower() in _RAG:
        return _RAG[value.strip().lower()]
    try:
        found = parse_rating(value if isinstance(value, str) else str(value))
    except PydanticCustomError as exc:
        raise Unreadable(str(exc) + "; or a RAG colour: green, amber or red") from None
    if found is None:
        raise Unreadable("an empty rating")
    return found


def date(value: object, epoch: dt.date) -> dt.date:
    """A date cell, an Excel serial number, or text: 2015-03-09, 09/03/2015, 9 March 2015."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise Unreadable(f"{value} is not a date")
    if isinstance(value, int | float):
        if _FIRST_YEAR <= value <= _LAST_YEAR and float(value).is_integer():
            raise Unreadable(f"{int(value)} is a year, not a date: give the day, as 2015-03-09")
        if not 1 <= value <= _LAST_SERIAL:
            raise Unreadable(f"{value} is not a date (as an Excel serial number it is none)")
        return epoch + dt.timedelta(days=int(value))
    return _date_text(str(value).strip())


def _date_text(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    numeric = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", text)
    words = re.fullmatch(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?,?\s+(\d{4})", text)
    try:
        if numeric is not None:  # day first, as British matrices write it
            year = int(numeric[3])
            year += 2000 if year < 100 else 0  # noqa: PLR2004 - a two-digit year is this century's
            return dt.date(year, int(numeric[2]), int(numeric[1]))
        if words is not None and words[2].lower() in _MONTHS:
            return dt.date(int(words[3]), _MONTHS[words[2].lower()], int(words[1] or 1))
    except ValueError:
        raise Unreadable(f"{quoted(text)} is not a day that exists") from None
    raise Unreadable(
        f"{quoted(text)} is not a date: write it as 2015-03-09, 09/03/2015 or 9 March 2015"
    )


def is_url(text: str) -> bool:
    """Whether a link is a web address the repository can hold as `url:`."""
    return bool(_URL.match(text))
