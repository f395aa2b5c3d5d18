"""cse_cli.matrix.xlsx_layout: rows in Excel's order, merged cells carried down, links laid on."""

from __future__ import annotations

import pytest

from cse_cli.matrix.cells import MAX_CELLS, Cell, shown
from cse_cli.matrix.xlsx_layout import Layout
from cse_cli.matrix.xml_part import Stop
from tests.helpers import sheet_of


def test_rows_out_of_order_are_put_in_excels_order_and_a_cell_given_twice_is_an_error() -> None:
    sheet = sheet_of([])
    sheet.rows = [
        [Cell(5, 1, "Ref"), Cell(5, 2, "Evidence")],
        [Cell(3, 2, "later in the XML")],
        [Cell(3, 1, "1.1.1"), Cell(3, 2, "twice")],
    ]
    Layout(sheet, 5)
    assert [[(c.row, c.column, c.value) for c in cells] for cells in sheet.rows] == [
        [(3, 1, "1.1.1"), (3, 2, "later in the XML"), (3, 2, "twice")],
        [(5, 1, "Ref"), (5, 2, "Evidence")],
    ]
    assert [shown(p) for p in sheet.problems] == [
        "matrix.xlsx:Evidence Matrix!B3: error: the sheet's XML gives this cell twice: the "
        "workbook is damaged; open it in Excel and save it again"
    ]


def test_a_range_merged_down_gives_its_value_to_each_row_it_covers_that_holds_anything() -> None:
    sheet = sheet_of(
        [["1.1.1", "Surveys", Cell(1, 3, "JS", fill="FFC6EFCE")], [None, "Panels"], [],
         [None, "Cards", "AB"]]
    )  # fmt: skip
    layout = Layout(sheet, 6)
    layout.fill_down([(1, 1, 1, 4), (3, 1, 3, 4), (2, 9, 2, 20)])
    assert [[(c.column, c.value, c.fill) for c in cells] for cells in sheet.rows] == [
        [(1, "1.1.1", None), (2, "Surveys", None), (3, "JS", "FFC6EFCE")],
        [(1, "1.1.1", None), (2, "Panels", None), (3, "JS", "FFC6EFCE")],
        [(1, "1.1.1", None), (2, "Cards", None), (3, "AB", None)],  # its own owner is kept
    ]


def test_overlapping_ranges_cost_no_more_than_cells() -> None:
    rows = 1_000
    sheet = sheet_of([["1.1.1", f"E{n}"] for n in range(rows)])
    layout = Layout(sheet, MAX_CELLS - 10 * rows)
    with pytest.raises(Stop):
        layout.fill_down([(1, first, 1, rows) for first in range(1, rows)])
    assert layout.looked == MAX_CELLS + 1
    assert [shown(p) for p in sheet.problems] == [
        "matrix.xlsx:Evidence Matrix!A67: error: the sheet's merged ranges and hyperlinks cover "
        "more than 400,000 cells with the cells read, the most cse reads: delete what is not the "
        "matrix and save"
    ]


def test_a_hyperlink_on_a_range_lies_on_each_of_its_cells() -> None:
    sheet = sheet_of([["1.1.1", "Surveys", "Link"], [None, "Panels"], ["1.1.2", "Cards"]])
    Layout(sheet, 7).link({(2, 1, 3, 2): "https://example.org/", (1, 3, 1, 3): "#Key!A1"})
    assert [[c.link for c in cells] for cells in sheet.rows] == [
        [None, "https://example.org/", "https://example.org/"],
        ["https://example.org/"],
        ["#Key!A1", None],
    ]
