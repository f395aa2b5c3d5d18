"""cse_cli.matrix.xlsx_sheet: every kind of cell, a fault at its cell, the counts that stop it."""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import pytest

from cse_cli.matrix.cells import MAX_CELLS, MAX_HYPERLINKS, MAX_MERGED, MAX_ROWS, Sheet, shown
from cse_cli.matrix.xlsx_sheet import SheetReader, cell_range
from cse_cli.matrix.xlsx_styles import Styles, TooLong
from cse_cli.matrix.xml_part import Budget, Stop, parse
from tests.helpers import repeated

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DATE_STYLE = 1


def _read(
    rows: bytes | list[bytes],
    after: bytes | list[bytes] = b"",
    strings: list[str | TooLong] | None = None,
    *,
    date1904: bool = False,
) -> tuple[Sheet, SheetReader]:
    sheet = Sheet("matrix.xlsx", "Evidence Matrix", date1904=date1904)
    styles = Styles()
    styles.dates.add(DATE_STYLE)
    reader = SheetReader(sheet, Budget(), strings or [], styles)
    xml = b"".join([
        b'<worksheet xmlns="%s" xmlns:r="%s"><sheetData>' % (MAIN, DOC),
        *([rows] if isinstance(rows, bytes) else rows), b"</sheetData>",
        *([after] if isinstance(after, bytes) else after), b"</worksheet>",
    ])  # fmt: skip
    with contextlib.suppress(Stop):
        parse(io.BytesIO(xml), reader, "xl/worksheets/sheet1.xml")
    return sheet, reader


def _values(sheet: Sheet) -> list[object]:
    return [cell.value for cells in sheet.rows for cell in cells]


def _problems(sheet: Sheet) -> list[str]:
    return [shown(problem) for problem in sheet.problems]


def test_every_kind_of_cell() -> None:
    phonetic = "<rPh><t>ふりがな</t></rPh>".encode()  # a reading aid Excel never shows
    sheet, _ = _read(
        [b'<row r="2"><c r="A2" t="s"><v>1</v></c>',
         b'<c r="B2" t="inlineStr"><is><r><t>Rich </t></r><r><t>text</t></r>', phonetic,
         b'</is></c><c r="C2" t="str"><f>A1&amp;""</f><v>Formula</v></c><c r="D2" t="b">'
         b'<v>1</v></c><c r="E2"><v>12</v></c><c r="F2"><v>1.5</v></c><c r="G2"><v>1E3</v>'
         b'</c><c r="H2" s="1"><v>42072</v></c><c r="I2" t="d"><v>2015-03-09T00:00:00Z</v>'
         b'</c><c r="J2" t="d"><v>not a date</v></c><c r="K2" t="s"><v>0</v></c></row>'],
        strings=["Shared", "Second"],
    )  # fmt: skip
    assert _values(sheet) == [
        "Second", "Rich text", "Formula", True, 12, 1.5, 1000.0,
        dt.datetime(2015, 3, 9), dt.datetime(2015, 3, 9), "not a date", "Shared",  # noqa: DTZ001
    ]  # fmt: skip
    assert sheet.problems == []


def test_dates_in_the_1904_system_and_a_serial_no_date_can_show() -> None:
    sheet, _ = _read(
        b'<row r="2"><c r="A2" s="1"><v>40610</v></c><c r="B2" s="1"><v>-3</v></c></row>',
        date1904=True,
    )
    assert _values(sheet) == [dt.datetime(2015, 3, 9), -3]  # noqa: DTZ001 - Excel shows ####
    sheet, _ = _read(b'<row r="2"><c r="A2" s="1"><v>60</v></c></row>')
    assert (_values(sheet), sheet.problems) == ([60], [])  # a Date column says why


@pytest.mark.parametrize(
    ("index", "message"),
    [
        ("-1", "the cell names shared string '-1', but the workbook has 2 (0 to 1)"),
        ("2", "the cell names shared string '2', but the workbook has 2 (0 to 1)"),
        ("one", "the cell names shared string 'one', but the workbook has 2 (0 to 1)"),
    ],
)
def test_a_shared_string_that_is_not_there_is_an_error_at_its_cell(
    index: str, message: str
) -> None:
    sheet, _ = _read(b'<row r="7"><c r="C7" t="s"><v>%s</v></c></row>' % index.encode(), [],
                     ["a", "b"])  # fmt: skip
    assert _problems(sheet) == [
        f"matrix.xlsx:Evidence Matrix!C7: error: {message}: the workbook is damaged; open it in "
        "Excel and save it again"
    ]
    assert sheet.rows == []


def test_excels_escapes_undone_and_half_a_character_refused_at_its_cell() -> None:
    sheet, _ = _read(
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>bell_x0007_ _x005F_x0041_ '
        b'_xD83D__xDE00_</t></is></c><c r="B2" t="s"><v>0</v></c></row>',
        strings=["lone _xD83D_ half"],
    )
    assert _values(sheet) == ["bell\x07 _x0041_ \U0001f600"]
    assert _problems(sheet) == [
        "matrix.xlsx:Evidence Matrix!B2: error: _xD83D_ is half of a character (a UTF-16 "
        "surrogate without its pair), which no text file can hold: type the character again"
    ]


def test_a_cell_longer_than_an_element_file_may_hold_is_an_error_at_its_cell() -> None:
    text = [b'<row r="3"><c r="B3" t="inlineStr"><is><t>', *repeated(b"x" * 1000, 5001),
            b"</t></is></c></row>"]  # fmt: skip
    sheet, _ = _read(text, strings=[TooLong(6_000_000)])
    assert _problems(sheet) == [
        "matrix.xlsx:Evidence Matrix!B3: error: the cell holds 5,001,000 characters, over the "
        "limit of 5,000,000 for one cell (an element file holds no more): keep long documents "
        "as files and give their location"
    ]


def test_warnings_for_a_formula_with_no_value_and_an_error_shown() -> None:
    sheet, _ = _read(b'<row r="2"><c r="A2"><f>1+1</f></c><c r="B2" t="e"><v>#REF!</v></c>'
                     b'<c r="C2"><v>12abc</v></c></row>')  # fmt: skip
    assert _problems(sheet) == [
        "matrix.xlsx:Evidence Matrix!A2: warning: a formula with no value saved: read as empty "
        "(open the workbook in Excel and save it, to keep the value)",
        "matrix.xlsx:Evidence Matrix!B2: warning: the cell shows the error #REF!: read as empty",
        "matrix.xlsx:Evidence Matrix!C2: error: the cell's number '12abc' is not a number",
    ]


def test_one_row_of_more_cells_than_the_limit_stops_at_the_limit_not_at_its_end() -> None:
    sheet, reader = _read([b'<row r="2">', *repeated(b"<c/>", MAX_CELLS * 3), b"</row>"])
    assert reader.cells == MAX_CELLS + 1
    assert _problems(sheet)[0].startswith(
        "matrix.xlsx:Evidence Matrix!VSRQ2: error: the sheet has more than 400,000 cells"
    )


def test_rows_are_counted_by_number_and_as_given() -> None:
    sheet, _ = _read(b'<row r="100001"><c r="A100001"><v>1</v></c></row>')
    assert _problems(sheet) == [
        "matrix.xlsx:Evidence Matrix!A100001: error: the sheet goes on past row 100,000, the "
        "most cse reads: delete the rows below the matrix and save"
    ]
    sheet, _ = _read(list(repeated(b'<row r="5"/>', MAX_ROWS + 1)))
    assert _problems(sheet)[0].startswith(
        "matrix.xlsx:Evidence Matrix!A5: error: the sheet's XML gives more than 100,000 rows"
    )
    sheet, _ = _read(b'<row r="0"/>')
    assert _problems(sheet) == [
        "matrix.xlsx: error: the sheet has a row numbered '0', and rows count from 1: the "
        "workbook is damaged; open it in Excel and save it again"
    ]


def test_a_value_beyond_column_200_stops_the_reading_at_its_cell() -> None:
    sheet, _ = _read(b'<row r="4"><c r="GS4" t="inlineStr"><is><t>stray</t></is></c></row>')
    assert _problems(sheet) == [
        "matrix.xlsx:Evidence Matrix!GS4: error: a value beyond column 200, the most cse reads: "
        "delete the columns right of the matrix and save"
    ]


@pytest.mark.parametrize(
    ("element", "limit", "what"),
    [(b'<mergeCell ref="B2:B9"/>', MAX_MERGED, "merged ranges"),
     (b'<hyperlink ref="B2" r:id="rId1"/>', MAX_HYPERLINKS, "hyperlinks")],
)  # fmt: skip
def test_merged_ranges_and_hyperlinks_are_counted_as_given(
    element: bytes, limit: int, what: str
) -> None:
    sheet, reader = _read(b"", list(repeated(element, limit + 1)))
    assert _problems(sheet) == [
        f"matrix.xlsx:Evidence Matrix!B2: error: the sheet has more than 100,000 {what}, the "
        "most cse reads: delete what is not the matrix and save"
    ]
    assert len(reader.merged) + len(reader.links) == 1  # the same range, kept once


def test_hyperlinks_out_of_the_workbook_and_into_it() -> None:
    _, reader = _read(
        b"",
        b'<hyperlinks><hyperlink ref="C4" r:id="rId3"/><hyperlink ref="B5:C6" location="'
        b'\'Key\'!A1"/><hyperlink ref="D7"/></hyperlinks>',
    )
    assert reader.links == {(3, 4, 3, 4): "rId3", (2, 5, 3, 6): "#'Key'!A1"}


@pytest.mark.parametrize(
    ("ref", "found"),
    [
        ("C12", (3, 12, 3, 12)), ("a4:a9", (1, 4, 1, 9)), ("B2:D1", None), ("A0", None),
        ("XFD1", (16_384, 1, 16_384, 1)), ("XFE1", None), ("A1:A9999999", (1, 1, 1, 100_000)),
        ("", None), ("1A", None),
    ],
)  # fmt: skip
def test_the_cells_a_reference_covers(ref: str, found: tuple[int, int, int, int] | None) -> None:
    assert cell_range(ref) == found
