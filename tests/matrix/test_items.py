"""cse_cli.matrix.items: an item's fields from its row; every place kept, every link named."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cse_cli.matrix.cells import Cell, Sheet, shown
from cse_cli.matrix.header import find_header
from cse_cli.matrix.items import ItemReader
from tests.helpers import sheet_of

HEADER = ["Ref", "Evidence", "Owner", "Service", "Date", "Link", "Notes", "Inferred", "Priority"]


def _fields(*row: object, key: list[Cell] | None = None) -> tuple[dict[str, Any], Sheet]:
    sheet = sheet_of([key or [], HEADER, row])
    header = find_header(sheet, {})
    assert header is not None
    reader = ItemReader(sheet, header, [])
    cells = sheet.rows[-1]
    got = {name: next((c for c in cells if c.column == column), None)
           for name, column in header.columns.items()}  # fmt: skip
    fields = reader.fields(got)
    reader.warn_of_links(cells)
    return fields, sheet


def _link(row: int, column: int, value: str, link: str) -> Cell:
    return Cell(row, column, value, link=link)


def test_owner_service_date_notes_and_inferred_keys() -> None:
    fields, sheet = _fields("1.1.1", "Surveys", " JS ", "Library", "09/03/2015", None,
                            "Strongest", "service, date")  # fmt: skip
    assert fields == {
        "owner": "JS", "service": "Library", "date": dt.date(2015, 3, 9), "notes": "Strongest",
        "inferred": ["service", "date"],
    }  # fmt: skip
    assert sheet.problems == []


def test_a_date_cell_in_any_column_reads_as_the_date_it_shows() -> None:
    fields, _ = _fields("1.1.1", "Surveys", None, None, None, None,
                        dt.datetime(2015, 3, 9))  # noqa: DTZ001  # fmt: skip
    assert fields == {"notes": "2015-03-09"}


def test_the_service_a_colour_of_the_key_says() -> None:
    key = [Cell(1, 1, "Library", fill="FFC6EFCE")]
    fields, _ = _fields("1.1.1", Cell(3, 2, "Surveys", fill="FFC6EFCE"), key=key)
    assert fields == {"service": "Library"}


def test_a_web_address_is_the_url_and_every_other_place_a_location_note() -> None:
    fields, sheet = _fields("1.1.1", "Surveys", None, None, None, r"S:\CSE\Plan.docx", "Notes")
    assert fields == {"notes": "Notes\nLocation: S:\\CSE\\Plan.docx"}
    fields, _ = _fields("1.1.1", _link(3, 2, "Surveys", "file:///S:/Quality/Plan.docx"), None,
                        None, None, "https://example.org/plan")  # fmt: skip
    assert fields == {
        "url": "https://example.org/plan", "notes": "Location: file:///S:/Quality/Plan.docx"
    }  # fmt: skip
    fields, _ = _fields("1.1.1", "Surveys", None, None, None,
                        _link(3, 6, "The plan", "docs/plan.pdf"))  # fmt: skip
    assert fields == {"notes": "Location: docs/plan.pdf"}  # the text is the link's label
    assert sheet.problems == []


def test_two_web_addresses_give_the_url_and_a_location() -> None:
    link = _link(3, 6, "https://example.org/a", "https://example.org/a")
    fields, _ = _fields("1.1.1", _link(3, 2, "Surveys", "https://example.org/b"), None, None,
                        None, link)  # fmt: skip
    assert fields == {"url": "https://example.org/a", "notes": "Location: https://example.org/b"}


def test_hyperlinks_cse_cannot_keep_are_named() -> None:
    fields, sheet = _fields("1.1.1", _link(3, 2, "Surveys", "#'Key'!A1"),
                            _link(3, 3, "JS", "mailto:js@example.org"), None, None, None, None,
                            None, _link(3, 9, "High", "https://example.org/p"))  # fmt: skip
    assert fields == {"owner": "JS"}
    assert [shown(p) for p in sheet.problems] == [
        "matrix.xlsx:Evidence Matrix!B3: warning: the hyperlink to ''Key'!A1', a place in this "
        "workbook, is not imported: the repository holds no workbook",
        "matrix.xlsx:Evidence Matrix!C3: warning: the hyperlink to 'mailto:js@example.org' is "
        "not imported: cse keeps the links of the Link and Evidence columns",
    ]  # the Priority column is named once, as not imported at all


def test_an_inferred_key_that_is_no_key_of_an_item() -> None:
    fields, sheet = _fields("1.1.1", "Surveys", None, None, None, None, None, "service colour")
    assert fields == {"inferred": ["service"]}
    assert [shown(p) for p in sheet.problems] == [
        "matrix.xlsx:Evidence Matrix!H3: error: inferred 'colour' is not a key of an evidence "
        "item (id, ref, title, service, date, path, url, owner, notes)"
    ]


def test_a_date_that_is_none_is_an_error_at_its_cell() -> None:
    _, sheet = _fields("1.1.1", "Surveys", None, None, 60)
    assert shown(sheet.problems[0]).startswith(
        "matrix.xlsx:Evidence Matrix!E3: error: 60 is Excel's 29 February 1900, a day that "
        "never was"
    )
