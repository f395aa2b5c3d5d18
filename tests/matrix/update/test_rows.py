"""Rows of an exported matrix, each read by its key wherever it stands."""

from __future__ import annotations

import datetime as dt

from cse_cli.core.ratings import Rating
from cse_cli.core.row_key import LISTS, RowKey
from cse_cli.io.resources import load_standard
from cse_cli.matrix.update.rows import ITEM_COLUMNS, Row, read_rows, sheet_of

KNOWN = set(load_standard().element_ids())
HEADERS = ("Element", "Rating at latest", "Final", "Evidence ID", "Evidence", "Date", "Link",
           "Notes", "Delete", "cse key")  # fmt: skip


def test_rows_give_their_key_element_ratings_and_item_as_import_reads_them() -> None:
    rows = [
        ("1.1.2", "Full Compliance", "Full Compliance", "ES-1", "Survey", "09/03/2015",
         "documents/s.pdf", "Spring", None, "1.1.2 evidence ES-1"),
        ("1.1.1", None, None, None, None, None, None, "Own notes", "delete", "1.1.1 element"),
        (None, None, "Partial", None, "A new one", None, None, None, None, None),
    ]  # fmt: skip
    read = read_rows(sheet_of("m.csv", "m", HEADERS, rows), {}, KNOWN)
    assert read.sheet.problems == []
    assert read.rows == [
        Row(2, RowKey("1.1.2", "evidence", id="ES-1"), "1.1.2", list="evidence",
            ratings={"final": Rating.FULL},
            item={"id": "ES-1", "title": "Survey", "date": dt.date(2015, 3, 9),
                  "notes": "Spring\nLocation: documents/s.pdf"}),
        Row(3, RowKey("1.1.1"), "1.1.1", delete=True, ratings={"final": None},
            own={"owner": None, "notes": "Own notes"}),
        Row(4, None, "1.1.1", list="evidence", ratings={"final": Rating.PARTIAL},
            item={"title": "A new one"}),
    ]  # fmt: skip


def test_what_cannot_be_read_is_said_at_its_cell() -> None:
    rows = [
        ("1.1.1", None, "Fine", None, "Survey", None, None, None, "yes", "1.1.1 evidence #1"),
        ("1.1.2", None, None, None, "Leaflet", None, None, None, None, "1.1.1 evidence #2"),
        ("9.9.9", None, None, None, "Poster", None, None, None, None, None),
        ("1.1.1", None, None, None, None, None, None, None, None, "1.1.1 evidence #3"),
        ("1.1.1", None, None, None, "Card", None, None, None, None, "1.1.1 evidence"),
    ]  # fmt: skip
    read = read_rows(sheet_of("m.xlsx", "Evidence Matrix", HEADERS, rows), {}, KNOWN)
    assert [str(p).split(": error: ")[0] for p in read.sheet.problems] == [
        "m.xlsx:Evidence Matrix!I2", "m.xlsx:Evidence Matrix!C2", "m.xlsx:Evidence Matrix!A3",
        "m.xlsx:Evidence Matrix!A4", "m.xlsx:Evidence Matrix!E5", "m.xlsx:Evidence Matrix!J6",
    ]  # fmt: skip
    assert "the row's evidence is empty: to delete the row, write delete" in str(
        read.sheet.problems[4]
    )


def test_each_list_a_row_can_show_has_its_columns() -> None:
    assert set(ITEM_COLUMNS) == set(LISTS)


def test_an_items_title_and_id_are_found_in_its_lists_columns() -> None:
    read = read_rows(sheet_of("m.csv", "m", HEADERS, []), {}, KNOWN)
    assert (read.column("title", "evidence"), read.column("id", "evidence")) == (5, 4)
    assert (read.column("notes", "evidence"), read.column("title")) == (8, 1)


def test_an_on_site_row_gives_an_on_site_item_with_the_shared_columns() -> None:
    headers = ("Element", "Evidence ID", "Evidence", "Service", "Notes", "Inferred",
               "On-site ID", "On site", "Person", "Place", "Delete", "cse key")  # fmt: skip
    rows = [
        ("1.1.1", None, None, "Library", "Mornings", "person", "TM-1", "Advisers explain",
         "Adviser", "Reception", None, "1.1.1 on_site TM-1"),
        ("1.1.1", None, None, None, None, None, None, "The wallboard", None, "Contact centre",
         None, None),
    ]  # fmt: skip
    read = read_rows(sheet_of("m.csv", "m", headers, rows), {}, KNOWN)
    assert read.sheet.problems == []
    assert read.rows == [
        Row(2, RowKey("1.1.1", "on_site", id="TM-1"), "1.1.1", list="on_site",
            item={"id": "TM-1", "title": "Advisers explain", "person": "Adviser",
                  "place": "Reception", "service": "Library", "notes": "Mornings",
                  "inferred": ["person"]}),
        Row(3, None, "1.1.1", list="on_site",
            item={"title": "The wallboard", "place": "Contact centre"}),
    ]  # fmt: skip
    assert (read.column("title", "on_site"), read.column("id", "on_site")) == (8, 7)


def test_a_row_giving_two_items_merges_the_first_and_says_so() -> None:
    headers = ("Element", "Evidence", "On site", "cse key")
    rows = [("1.1.1", "Survey", "Walk the floor", None)]
    read = read_rows(sheet_of("m.csv", "m", headers, rows), {}, KNOWN)
    assert [row.item for row in read.rows] == [{"title": "Survey"}]
    assert [str(p) for p in read.sheet.problems] == [
        "m.csv:m!C2: warning: this row gives on-site evidence beside its evidence: --update "
        "merges one item a row, so the on-site evidence is not merged; give it a row of its own"
    ]
