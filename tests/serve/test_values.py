"""A field's texts and the value written from them: every value a form holds goes back and forth."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.core.ratings import parse_rating
from cse_cli.io.resources import load_standard
from cse_cli.serve.fields import Field, element_form
from cse_cli.serve.values import choices, fits, texts, value_of

FORM = element_form(load_standard())
FINAL = next(f for f in FORM.fields if f.path == ("final",))
STATUS = next(f for f in FORM.items("development_points").fields if f.path == ("status",))
DATE = Field(("date",), "Date", "date")
LINES = Field(("key_questions",), "Key questions", "lines")
NUMBER = Field(("days",), "Days", "number")
CHECK = Field(("verified_on_site",), "Verified", "check")
INFERRED = Field(("inferred",), "Inferred", "inferred")
TEXT = Field(("owner",), "Owner")


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_a_date_goes_back_and_forth(day: dt.date) -> None:
    assert value_of(DATE, texts(DATE, day)) == day


@pytest.mark.parametrize(
    ("day", "month", "year", "written"),
    [
        ("31", "2", "2026", "2026-02-31"),  # no such day: written as typed, check says so
        ("x", "3", "2026", "2026-03-x"),
        ("", "", "2026", "2026"),
        ("9", "3", "2026", dt.date(2026, 3, 9)),
        ("09", "03", "2026", dt.date(2026, 3, 9)),
        ("", "", "", None),
    ],
)
def test_a_date_that_is_not_one_is_written_as_typed(
    day: str, month: str, year: str, written: object
) -> None:
    assert value_of(DATE, {".day": day, ".month": month, ".year": year}) == written


def test_a_date_written_as_text_in_the_file_is_shown_where_it_can_be() -> None:
    assert texts(DATE, "2026-03-09") == {".day": "9", ".month": "3", ".year": "2026"}
    assert texts(DATE, "last spring") == {".day": "", ".month": "", ".year": "last spring"}


@pytest.mark.parametrize("written", ["P", "partial", "Partial Compliance", "p"])
def test_a_rating_is_shown_as_its_choice_however_it_is_written(written: str) -> None:
    assert texts(FINAL, written) == {"": "partial"}
    assert value_of(FINAL, {"": "partial"}) == "partial"
    assert parse_rating(value_of(FINAL, texts(FINAL, written))) == parse_rating(written)


def test_a_rating_that_is_not_one_is_shown_and_offered_as_written() -> None:
    assert texts(FINAL, "fine") == {"": "fine"}
    offered, one_of = choices(FINAL, "fine", (), "fine")
    assert one_of
    assert offered[-1].words == "fine (as the file has it)"
    assert value_of(FINAL, {"": "fine"}) == "fine"


def test_a_choice_not_offered_is_said_to_be_none_of_them() -> None:
    services = Field(("service",), "Service", "select", source="services")
    offered, one_of = choices(services, "Swimming", ["Library"], "")
    assert not one_of
    assert [c.value for c in offered] == ["", "Library", "Swimming"]


def test_an_absent_status_is_its_default() -> None:
    assert texts(STATUS, None) == {"": "open"}


@given(st.lists(st.text(st.characters(exclude_categories=["Cs", "Zl", "Zp", "Cc"]), min_size=1)))
def test_lines_are_one_a_line_blank_ones_dropped(lines: list[str]) -> None:
    kept = [line.strip() for line in lines if line.strip()]
    event("every line blank" if not kept else "some lines kept")
    assert value_of(LINES, texts(LINES, lines)) == (kept or None)


@pytest.mark.parametrize(
    ("text", "written"), [("1", 1), ("0.5", 0.5), ("2.", 2.0), ("", None), ("two", "two")]
)
def test_a_number(text: str, written: object) -> None:
    assert value_of(NUMBER, {"": text}) == written


def test_a_checkbox_is_true_or_false() -> None:
    assert value_of(CHECK, texts(CHECK, True)) is True
    assert value_of(CHECK, texts(CHECK, False)) is False
    assert value_of(CHECK, texts(CHECK, None)) is False


def test_inferred_keys_are_written_in_the_items_order_then_any_other() -> None:
    keys = ["title", "service", "date"]
    sent = {".date": "yes", ".title": "yes", ".colour": "yes", ".service": ""}
    assert value_of(INFERRED, sent, keys) == ["title", "date", "colour"]
    assert value_of(INFERRED, {}, keys) is None


@pytest.mark.parametrize(("text", "written"), [("  Head  ", "Head"), ("", None), ("  ", None)])
def test_text_is_trimmed_and_empty_is_no_value(text: str, written: object) -> None:
    assert value_of(TEXT, {"": text}) == written


def test_what_a_form_cannot_show() -> None:
    assert fits(TEXT, "text")
    assert fits(TEXT, dt.date(2026, 1, 1))
    assert not fits(TEXT, ["a", "b"])
    assert fits(LINES, ["a", 1])
    assert not fits(LINES, [{"a": 1}])
