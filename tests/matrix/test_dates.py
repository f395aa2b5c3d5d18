"""cse_cli.matrix.dates: Excel's serial numbers both ways (1900's leap-year bug kept), and text."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.matrix.dates import date, excel_serial, serial_date
from cse_cli.matrix.values import Unreadable


# Serial numbers as Excel itself shows them (1900 date system).
@pytest.mark.parametrize(
    ("serial", "day"),
    [
        (1, dt.date(1900, 1, 1)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),
        (42072, dt.date(2015, 3, 9)),
        (2_958_465, dt.date(9999, 12, 31)),
    ],
)
def test_serial_numbers_as_excel_shows_them(serial: int, day: dt.date) -> None:
    assert serial_date(serial) == dt.datetime.combine(day, dt.time())
    assert excel_serial(day) == serial


def test_day_60_is_excels_29_february_1900_which_never_was() -> None:
    with pytest.raises(Unreadable, match=r"^60 is Excel's 29 February 1900, a day that never was"):
        serial_date(60)
    with pytest.raises(Unreadable, match="29 February 1900"):
        date(60)


def test_the_1904_system_counts_from_1_january_1904() -> None:
    assert serial_date(0, date1904=True) == dt.datetime(1904, 1, 1)  # noqa: DTZ001
    assert serial_date(60, date1904=True) == dt.datetime(1904, 3, 1)  # noqa: DTZ001 - no bug
    assert date(40610, date1904=True) == dt.date(2015, 3, 9)


def test_a_fraction_is_the_time_of_day() -> None:
    assert serial_date(42072.5) == dt.datetime(2015, 3, 9, 12)  # noqa: DTZ001
    assert serial_date(0.75) == dt.time(18)


@pytest.mark.parametrize(
    ("serial", "message"),
    [
        (-1, "-1 is not a date (as an Excel serial number it is none)"),
        (float("nan"), "nan is not a date"),
        (2_958_466, "2958466 is not a date (as an Excel serial number it is past 9999-12-31)"),
        (1e300, "1e+300 is not a date"),
    ],
)
def test_a_serial_number_that_shows_no_date_says_why(serial: float, message: str) -> None:
    with pytest.raises(Unreadable, match="^" + re.escape(message)):
        serial_date(serial)


def test_nothing_before_1900_has_a_serial_number() -> None:
    assert excel_serial(dt.date(1899, 12, 31)) is None
    assert excel_serial(dt.date(1, 1, 1)) is None


@given(st.dates(dt.date(1900, 1, 1)))
def test_every_date_excel_can_show_goes_out_and_comes_back(day: dt.date) -> None:
    serial = excel_serial(day)
    assert serial is not None
    assert serial != 60
    shown = serial_date(serial)
    assert isinstance(shown, dt.datetime)
    assert shown.date() == day
    event("before March 1900" if day < dt.date(1900, 3, 1) else "from March 1900")


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2015-03-09", dt.date(2015, 3, 9)),
        ("09/03/2015", dt.date(2015, 3, 9)),  # day first, as British matrices write it
        ("9.3.15", dt.date(2015, 3, 9)),
        ("9 March 2015", dt.date(2015, 3, 9)),
        ("9th Sept 2015", dt.date(2015, 9, 9)),
        ("March 2015", dt.date(2015, 3, 1)),
        (dt.datetime(2015, 3, 9, 14), dt.date(2015, 3, 9)),  # noqa: DTZ001 - a date cell
        ("0001-01-01", dt.date(1, 1, 1)),  # as export writes a date no date cell can show
    ],
)
def test_dates_as_text_and_as_cells(cell: object, day: dt.date) -> None:
    assert date(cell) == day


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31/02/2015", "'31/02/2015' is not a day that exists"),
        (
            "sometime",
            "'sometime' is not a date: write it as 2015-03-09, 09/03/2015 or 9 March 2015",
        ),
        (2015, "2015 is a year, not a date: give the day, as 2015-03-09"),
        (0.5, "0.5 is not a date (as an Excel serial number it is a time of day)"),
        (dt.time(9), "09:00:00 is a time of day, not a date"),
        (True, "True is not a date"),
    ],
)
def test_what_is_no_date_says_why(cell: object, message: str) -> None:
    with pytest.raises(Unreadable) as caught:
        date(cell)
    assert str(caught.value) == message
