"""The base beside a matrix: a CSV file's first lines (taken out), a workbook's hidden sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import load_workbook

from cse_cli.matrix.csv_file import read_csv
from cse_cli.matrix.update.source import without_base, workbook_base
from tests.helpers import exported, update_case

if TYPE_CHECKING:
    from pathlib import Path


def test_the_first_lines_of_a_csv_file_are_its_base_not_title_rows(tmp_path: Path) -> None:
    _, matrix = update_case(tmp_path, suffix="csv")
    sheet = read_csv(matrix.read_bytes(), matrix.name)
    first = sheet.rows[0][0].value
    found, carried = without_base(sheet)
    assert carried is not None
    assert carried.lines[0] == first
    assert carried.row == 1
    assert found.rows[0][0].value == "Element"  # the header comes first now
    assert without_base(found)[1] is None


def test_a_workbook_keeps_its_base_in_a_hidden_sheet(tmp_path: Path) -> None:
    root, matrix = update_case(tmp_path)
    carried = workbook_base(matrix, "m.xlsx")
    assert carried is not None
    assert carried.sheet.place(carried.row, 1) == "cse base!A2"
    book = load_workbook(matrix)
    del book["cse base"]
    book.save(tmp_path / "without.xlsx")
    assert workbook_base(tmp_path / "without.xlsx", "without.xlsx") is None
    assert workbook_base(exported(root, tmp_path / "again.xlsx"), "again.xlsx") is not None
