"""cse_cli.matrix.cells: where a problem is shown, and what import could not read back."""

from __future__ import annotations

import pytest

from cse_cli.matrix.cells import Sheet, column_letter, shown, unreadable_back


@pytest.mark.parametrize(
    ("column", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (200, "GR"), (16_384, "XFD")]
)
def test_columns_are_named_as_excel_names_them(column: int, letters: str) -> None:
    assert column_letter(column) == letters


def test_a_problem_in_a_workbook_is_at_its_cell() -> None:
    sheet = Sheet("matrix.xlsx", "Evidence Matrix")
    sheet.add(12, 3, "error", "wrong")
    assert shown(sheet.problems[0]) == "matrix.xlsx:Evidence Matrix!C12: error: wrong"
    assert sheet.problems[0].as_json()["cell"] == "Evidence Matrix!C12"


def test_a_problem_in_a_csv_file_is_at_its_line_and_field() -> None:
    sheet = Sheet("matrix.csv", None)
    sheet.add(12, 3, "warning", "odd")
    assert shown(sheet.problems[0]) == "matrix.csv:12:3: warning: odd"


@pytest.mark.parametrize("name", ["Evidence Matrix", None])
def test_a_problem_of_the_whole_file_has_no_made_up_place(name: str | None) -> None:
    sheet = Sheet("matrix.xlsx", name)
    sheet.add(0, 7, "error", "no header row")
    assert shown(sheet.problems[0]) == "matrix.xlsx: error: no header row"
    assert (sheet.problems[0].line, sheet.problems[0].column) == (0, 0)


@pytest.mark.parametrize(
    ("text", "csv", "reason"),
    [
        ("Surveys", True, None),
        (" padded ", True, None),  # import trims it: the words come back
        (" \t\n", False, "is white space alone"),
        ("a\0b", True, "holds a NUL character"),
        ("a\0b", False, None),  # a workbook carries it as _x0000_
    ],
)
def test_what_import_could_not_read_back(text: str, csv: bool, reason: str | None) -> None:
    found = unreadable_back(text, csv=csv)
    assert (found or "").startswith(reason or "")
    assert (found is None) is (reason is None)
