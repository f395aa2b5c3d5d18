"""cse_cli.matrix.xlsx_book: one sheet of a real workbook, read without openpyxl."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from cse_cli.core.problems import CseError
from cse_cli.matrix import xlsx_styles
from cse_cli.matrix.cells import Sheet, shown
from cse_cli.matrix.xlsx_book import read_xlsx, read_xlsx_sheets
from tests.helpers import SHEET_XML, matrix_workbook, rewrite_part

if TYPE_CHECKING:
    from cse_cli.matrix.xlsx_package import Book
    from cse_cli.matrix.xlsx_styles import TooLong


def _read(path: Path, sheet: str | None = None) -> Sheet:
    return read_xlsx(path.read_bytes(), path.name, sheet)


def test_the_matrix_sheet_is_the_one_named_or_the_first_named_like_one(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Cover"
    first["A1"] = "Our evidence"
    book.create_sheet("CSE evidence matrix")["A1"] = "Ref"
    book.save(tmp_path / "book.xlsx")
    assert _read(tmp_path / "book.xlsx").name == "CSE evidence matrix"
    assert _read(tmp_path / "book.xlsx", "Cover").rows[0][0].value == "Our evidence"
    with pytest.raises(CseError) as caught:
        _read(tmp_path / "book.xlsx", "cover")
    assert str(caught.value) == (
        "book.xlsx: no sheet 'cover' (did you mean 'Cover'?); its sheets are 'Cover' and "
        "'CSE evidence matrix'"
    )


def test_dates_fills_merged_cells_and_hyperlinks_as_excel_shows_them(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ref", "Evidence", "Date", "Link"])
    sheet.append(["1.1.1", "Surveys", dt.datetime(1900, 1, 1), "Plan"])  # noqa: DTZ001
    sheet.append([None, "Panels", dt.datetime(2015, 3, 9), "Notes"])  # noqa: DTZ001
    sheet.append([None, "Cards"])
    sheet.merge_cells("A2:A4")
    sheet["B2"].fill = PatternFill("solid", fgColor="FFC6EFCE")
    sheet["D2"].hyperlink = "file:///S:/Quality/Plan.docx"
    sheet["D3"].hyperlink = "docs/notes.pdf"
    sheet["B4"].hyperlink = "https://example.org/cards"
    sheet["B3"].hyperlink = "#'Key'!A1"
    book.save(tmp_path / "book.xlsx")
    read = _read(tmp_path / "book.xlsx")
    assert [[(c.column, c.value) for c in cells] for cells in read.rows[1:]] == [
        [(1, "1.1.1"), (2, "Surveys"), (3, dt.datetime(1900, 1, 1)), (4, "Plan")],  # noqa: DTZ001
        [(1, "1.1.1"), (2, "Panels"), (3, dt.datetime(2015, 3, 9)), (4, "Notes")],  # noqa: DTZ001
        [(1, "1.1.1"), (2, "Cards")],
    ]
    assert read.rows[1][1].fill == "FFC6EFCE"
    links = [cell.link for cells in read.rows[1:] for cell in cells if cell.link]
    assert links == ["file:///S:/Quality/Plan.docx", "#'Key'!A1", "docs/notes.pdf",
                     "https://example.org/cards"]  # fmt: skip
    assert read.problems == []


def test_a_workbook_wide_problem_has_no_made_up_place(tmp_path: Path) -> None:
    path = matrix_workbook(tmp_path / "matrix.xlsx", [["1.1.1", None, "Surveys"]])
    rewrite_part(path, SHEET_XML, lambda xml: xml.replace(b"</sheetData>", b"</sheetDat>"))
    [problem] = _read(path).problems
    assert shown(problem).startswith(
        "matrix.xlsx: error: its part xl/worksheets/sheet1.xml is not well-formed XML "
        "(mismatched tag: line 1, column"
    )
    (tmp_path / "damaged.xlsx").write_bytes(path.read_bytes()[:-30])  # its directory cut short
    assert [shown(p) for p in _read(tmp_path / "damaged.xlsx").problems] == [
        "damaged.xlsx: error: not an Excel workbook (an .xlsx file is a zip archive): is it a "
        "CSV or another file renamed?"
    ]


def test_a_workbook_with_no_worksheet(tmp_path: Path) -> None:
    path = matrix_workbook(tmp_path / "matrix.xlsx", [])
    rewrite_part(path, "xl/workbook.xml", lambda xml: xml.replace(b'r:id="rId1"', b'r:id="x"'))
    with pytest.raises(CseError, match=r"^matrix\.xlsx: the workbook has no worksheet$"):
        _read(path)


def test_reading_a_workbook_imports_no_openpyxl_and_warns_of_nothing(tmp_path: Path) -> None:
    path = matrix_workbook(tmp_path / "matrix.xlsx", [["1.1.1", None, "Surveys"]])
    with zipfile.ZipFile(path, "a") as archive:  # what makes openpyxl warn on stderr
        archive.writestr("xl/extra.xml", "<dataValidations/>")
    code = (
        "import sys, pathlib; from cse_cli.matrix.source import read_matrix; "
        f"sheet = read_matrix(pathlib.Path({str(path)!r}), None); "
        "print(len(sheet.rows), 'openpyxl' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-W", "always", "-c", code],
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    assert (result.stdout, result.stderr) == ("3 False\n", "")


def test_every_sheet_or_the_one_named_and_the_shared_strings_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Criterion 1"
    first["A1"] = "shared"
    for name in ("Criterion 2", "Criterion 3"):
        book.create_sheet(name)["A1"] = "shared"
    path = tmp_path / "book.xlsx"
    book.save(path)  # openpyxl saves text as Excel does: in the shared-string table
    calls = []
    real = xlsx_styles.read_strings

    def counted(read: Book) -> list[str | TooLong]:
        calls.append(1)
        return real(read)

    monkeypatch.setattr("cse_cli.matrix.xlsx_book.read_strings", counted)
    sheets = read_xlsx_sheets(path.read_bytes(), path.name, None)
    assert [(s.name, s.rows[0][0].value) for s in sheets] == [
        ("Criterion 1", "shared"), ("Criterion 2", "shared"), ("Criterion 3", "shared"),
    ]  # fmt: skip
    assert calls == [1]
    assert [s.name for s in read_xlsx_sheets(path.read_bytes(), path.name, "Criterion 2")] == [
        "Criterion 2"
    ]
