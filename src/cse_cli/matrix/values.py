"""The values of a matrix's cells as the repository holds them: ids, ratings, links and text.

Each reader returns the value, or raises `Unreadable` with what the user
should read; the caller locates it at the cell. Dates are `dates`' work.
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
_WORDS = {
    **dict.fromkeys(("compliant", "fully compliant", "full compliant", "compliance",
                     "full compliance", "fully compliance"), Rating.FULL),
    **dict.fromkeys(("partial", "partially compliant", "partly compliant", "part compliant",
                     "partial compliant", "partially", "partial compliance"), Rating.PARTIAL),
    **dict.fromkeys(("non compliance", "non compliant", "not compliant", "noncompliant",
                     "noncompliance", "non complaint", "none compliance"), Rating.NON_COMPLIANCE),
    **dict.fromkeys(("compliance plus", "compliant plus", "compliance +", "compliant +",
                     "compliance+", "compliant+", "cp+"), Rating.COMPLIANCE_PLUS),
}  # fmt: skip
"""The ratings in the words of a certification body's self-assessment workbook, and their
common spellings, as `_rating_words` writes them: lower case, single spaces, no hyphens."""
_GUIDANCE = re.compile(r"^\s*guidance\b", re.IGNORECASE)


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
    """A rating in any spelling cse accepts, in words, or a RAG colour.

    The words are a self-assessment workbook's (Compliant, Partial, Non Compliance,
    Compliance Plus) and their common spellings; green is full, amber partial, red NC.
    """
    if isinstance(value, str) and value.strip().lower() in _RAG:
        return _RAG[value.strip().lower()]
    if isinstance(value, str) and _rating_words(value) in _WORDS:
        return _WORDS[_rating_words(value)]
    try:
        found = parse_rating(value if isinstance(value, str) else str(value))
    except PydanticCustomError as exc:
        raise Unreadable(
            str(exc) + "; or in words: Compliant, Partial, Non Compliance or Compliance Plus; "
            "or a RAG colour: green, amber or red"
        ) from None
    if found is None:
        raise Unreadable("an empty rating")
    return found


def _rating_words(text: str) -> str:
    """A rating's words as compared: 'Non-Compliance ' and 'non  compliance' alike."""
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split()).rstrip(".")


def is_guidance(value: object) -> bool:
    """Whether a cell starts a self-assessment workbook's guidance row ('GUIDANCE: …')."""
    return isinstance(value, str) and bool(_GUIDANCE.match(value))


def is_url(text: str) -> bool:
    """Whether a link is a web address the repository can hold as `url:`."""
    return bool(_URL.match(text))


def text(value: object) -> str:
    """A cell as the text it shows, without surrounding white space: a date as 2015-03-09.

    A number shows at most the 15 significant digits Excel keeps, a boolean as
    Excel shows it (TRUE), and a date cell at midnight the date alone.
    """
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value).strip()


DELETE = "delete"
"""What a Delete cell holds to delete its row (`cse import --update`)."""


def marked_delete(value: object) -> bool:
    """Whether a Delete cell marks its row deleted; Unreadable unless it is `delete` or empty."""
    found = text(value).lower()
    if found not in {"", DELETE}:
        raise Unreadable(
            f"{quoted(text(value))} in the Delete column: write {DELETE} to delete the row, "
            "or leave the cell empty"
        )
    return found == DELETE
