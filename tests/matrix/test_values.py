"""cse_cli.matrix.values: element ids in every form, headings, evidence ids, ratings, links."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from cse_cli.core.ratings import Rating
from cse_cli.matrix import values
from cse_cli.matrix.values import Unreadable


@pytest.mark.parametrize(
    ("cell", "element", "wording"),
    [
        ("1.1.1", "1.1.1", ""),
        ("1.1.1 We have an in-depth understanding", "1.1.1", "We have an in-depth understanding"),
        ("Element 1.1.1: We have", "1.1.1", "We have"),
        ("element 4.2.3", "4.2.3", ""),
        ("  2.1.1.  ", "2.1.1", ""),
        ("3.2.4 – We make", "3.2.4", "We make"),  # an en dash, as Word puts it
        ("5.3.3—Text", "5.3.3", "Text"),
        ("01.01.01", "1.1.1", ""),  # leading zeros, as a formatted number leaves them
        ("1.1.1\nWe have", "1.1.1", "We have"),  # the wording on a line of its own
    ],
)
def test_an_element_id_in_every_form(cell: str, element: str, wording: str) -> None:
    found = values.element_cell(cell)
    assert (found.element, found.wording.strip()) == (element, wording)


@pytest.mark.parametrize("cell", ["1.1", "Criterion 1", "criterion 3.2", "Sub-criterion 1.2", 1.1])
def test_a_heading_is_no_element(cell: object) -> None:
    assert values.element_cell(cell).element is None
    assert values.is_heading_text(cell)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("We have a plan", "'We have a plan' is not an element id such as 1.1.1"),
        ("1.1.1.1", "'1.1.1.1' is not an element id such as 1.1.1"),
        (True, "True is not an element id such as 1.1.1"),
        (
            dt.date(2001, 1, 2),
            "Excel made a date (2001-01-02) of this element id: format the "
            "column as Text and type the id again",
        ),
    ],
)
def test_what_is_no_element_id_says_why(cell: object, message: str) -> None:
    with pytest.raises(Unreadable, match="^" + re.escape(message)):
        values.element_cell(cell)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ES 2 Various customer surveys", ("ES-2", "Various customer surveys")),
        ("ES-2: Surveys", ("ES-2", "Surveys")),
        ("AB12b) Panel", ("AB-12b", "Panel")),
        ("E1 – Cards", ("E-1", "Cards")),
        ("Various customer surveys", (None, "Various customer surveys")),
        ("ABCDE 1 Too many letters", (None, "ABCDE 1 Too many letters")),
        ("ES 1234 Too many digits", (None, "ES 1234 Too many digits")),
        ("ES 2/3 a date", (None, "ES 2/3 a date")),
        ("es 2 lower case", (None, "es 2 lower case")),
    ],
)
def test_an_evidence_id_at_the_start_of_the_text(text: str, found: tuple[object, str]) -> None:
    assert values.split_evidence(text) == found


@pytest.mark.parametrize(
    ("cell", "found"), [("ES 2", "ES-2"), (" E-1 ", "E-1"), (12.0, "12"), (7, "7"), ("A  b", "A-b")]
)
def test_an_evidence_id_in_a_column_of_its_own(cell: object, found: str) -> None:
    assert values.evidence_id(cell) == found


def test_an_empty_evidence_id_is_unreadable() -> None:
    with pytest.raises(Unreadable, match="an empty evidence id"):
        values.evidence_id("   ")


@pytest.mark.parametrize(
    ("cell", "rating"),
    [
        ("F", Rating.FULL), ("Full Compliance", Rating.FULL), ("full", Rating.FULL),
        ("P", Rating.PARTIAL), ("CP", Rating.COMPLIANCE_PLUS), ("NC", Rating.NON_COMPLIANCE),
        ("Green", Rating.FULL), (" amber ", Rating.PARTIAL), ("RED", Rating.NON_COMPLIANCE),
    ],
)  # fmt: skip
def test_a_rating_in_any_spelling_or_a_rag_colour(cell: str, rating: Rating) -> None:
    assert values.rating(cell) is rating


@pytest.mark.parametrize(
    ("cell", "rating"),
    [
        ("Compliant", Rating.FULL), ("fully compliant", Rating.FULL),
        ("Partial", Rating.PARTIAL), ("Partially Compliant", Rating.PARTIAL),
        ("Non Compliance", Rating.NON_COMPLIANCE), ("non-compliant", Rating.NON_COMPLIANCE),
        ("Not compliant", Rating.NON_COMPLIANCE), ("Compliance Plus", Rating.COMPLIANCE_PLUS),
        ("compliance+", Rating.COMPLIANCE_PLUS), ("Compliant  Plus.", Rating.COMPLIANCE_PLUS),
    ],
)  # fmt: skip
def test_a_rating_in_a_self_assessment_workbooks_words(cell: str, rating: Rating) -> None:
    assert values.rating(cell) is rating


@pytest.mark.parametrize("cell", ["Compliantish", "Mostly", "Plus", "Not applicable"])
def test_a_word_that_is_no_rating_is_not_guessed_at(cell: str) -> None:
    with pytest.raises(Unreadable, match="is not a rating"):
        values.rating(cell)


@pytest.mark.parametrize(
    ("cell", "guidance"),
    [("GUIDANCE: list the documents", True), ("Guidance", True), (" guidance notes", True),
     ("Guidances", False), ("See the guidance", False), (3, False)],
)  # fmt: skip
def test_a_guidance_row_starts_with_the_word(cell: object, guidance: bool) -> None:
    assert values.is_guidance(cell) is guidance


def test_a_rating_that_is_none_says_so_with_the_colours() -> None:
    with pytest.raises(Unreadable, match=r"or a RAG colour: green, amber or red$"):
        values.rating("Purple")


@pytest.mark.parametrize(
    ("link", "is_url"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("file:///S:/Quality/Plan.docx", False),
        ("docs/plan.pdf", False),
        (r"S:\CSE\Panels.docx", False),
        ("https://example.org/a b", False),
    ],
)
def test_only_a_web_address_is_a_url(link: str, is_url: bool) -> None:
    assert values.is_url(link) is is_url


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (dt.datetime(2015, 3, 9), "2015-03-09"),  # noqa: DTZ001 - as a date cell reads
        (dt.datetime(2015, 3, 9, 12, 30), "2015-03-09T12:30:00"),  # noqa: DTZ001
        (dt.time(9, 30), "09:30:00"),
        (0.1 + 0.2, "0.3"),  # the 15 digits Excel shows
        (True, "TRUE"),
        (12, "12"),
        ("  Surveys\n", "Surveys"),
    ],
)
def test_a_cell_as_the_text_it_shows(cell: object, text: str) -> None:
    assert values.text(cell) == text
