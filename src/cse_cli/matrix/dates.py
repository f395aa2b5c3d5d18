"""Dates as a matrix gives them: Excel's serial numbers (both ways), and dates typed as text.

Excel counts days from 1 January 1900 as day 1, and counts a 29 February 1900
that never was (day 60, kept from Lotus 1-2-3 so that its files read the
same): so days 1-59 are 1 January to 28 February 1900, and from day 61 on a
serial is one more than the days since 31 December 1899. Day 60 is no date.
Workbooks from old Excel for the Mac count from 1 January 1904 as day 0, with
no such day. Both `cse export` and `cse import` count with these functions,
so a date goes out and comes back the same.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from cse_cli.core.text import quoted
from cse_cli.matrix.values import Unreadable

_DAY_ZERO = dt.date(1899, 12, 31)  # serial 0 of the 1900 system; day 1 is 1900-01-01
_LEAP_BUG = 60  # Excel's 29 February 1900
_EPOCH_1904 = dt.date(1904, 1, 1)
_MS_PER_DAY = 86_400_000
_FIRST_YEAR, _LAST_YEAR = 1900, 2100
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


def excel_serial(day: dt.date) -> int | None:
    """The serial number Excel shows as `day` (1900 system); None before 1900, which it cannot."""
    days = (day - _DAY_ZERO).days
    if days < 1:
        return None
    return days if days < _LEAP_BUG else days + 1


def serial_date(number: float, *, date1904: bool = False) -> dt.datetime | dt.time:
    """The date and time Excel shows for a serial number (a time alone below 1, in 1900's count).

    Raises Unreadable for a number that shows no date: below 0, Excel's 29 February
    1900, or past 9999-12-31.
    """
    if not math.isfinite(number) or number < 0:
        raise Unreadable(f"{_shown(number)} is not a date (as an Excel serial number it is none)")
    day, fraction = divmod(number, 1)
    moment = dt.timedelta(milliseconds=round(fraction * _MS_PER_DAY))
    if not date1904 and day == 0:
        return (dt.datetime.combine(_DAY_ZERO, dt.time()) + moment).time()
    if not date1904 and day == _LEAP_BUG:
        raise Unreadable(
            "60 is Excel's 29 February 1900, a day that never was (Excel counts 1900 as a leap "
            "year, as Lotus 1-2-3 did): give the date as text, as 1900-02-28 or 1900-03-01"
        )
    if date1904:
        start, offset = _EPOCH_1904, day
    else:
        start, offset = _DAY_ZERO, day if day < _LEAP_BUG else day - 1
    try:
        return dt.datetime.combine(start, dt.time()) + dt.timedelta(days=offset) + moment
    except OverflowError:
        raise Unreadable(
            f"{_shown(number)} is not a date (as an Excel serial number it is past 9999-12-31)"
        ) from None


def _shown(number: float) -> str:
    """A serial number as Excel would show it: at most 15 significant digits."""
    return f"{number:.15g}"


def date(value: object, *, date1904: bool = False) -> dt.date:
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
        found = serial_date(value, date1904=date1904)
        if isinstance(found, dt.time):
            raise Unreadable(f"{_shown(value)} is not a date (as an Excel serial number it is a "
                             "time of day)")  # fmt: skip
        return found.date()
    if isinstance(value, dt.time):
        raise Unreadable(f"{value.isoformat()} is a time of day, not a date")
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
