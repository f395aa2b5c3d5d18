"""cse_cli.matrix.csv_file: encodings, places as the csv module counts lines, and the limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from cse_cli.matrix.cells import MAX_CELLS, MAX_FIELDS, MAX_ROWS, shown
from cse_cli.matrix.csv_file import read_csv
from tests.helpers import wide_csv


def _lines(raw: bytes) -> list[str]:
    return [shown(p) for p in read_csv(raw, "matrix.csv").problems]


def _values(raw: bytes) -> list[list[object]]:
    return [[cell.value for cell in cells] for cells in read_csv(raw, "matrix.csv").rows]


def test_fields_by_comma_semicolon_or_tab_and_the_formula_mark_taken_off() -> None:
    assert _values(b"Ref;Evidence\r\n1.1.1;'=1+1\r\n") == [["Ref", "Evidence"], ["1.1.1", "=1+1"]]
    assert _values(b"Ref\tEvidence\n1.1.1\t'plain\n") == [["Ref", "Evidence"], ["1.1.1", "'plain"]]
    assert _values(b"Ref,Evidence\n1.1.1,''=x\n")[1] == ["1.1.1", "'=x"]


def test_utf8_with_or_without_a_bom_and_windows_1252_with_a_warning() -> None:
    assert _values("\ufeffRef,Evidence\n1.1.1,Café\n".encode())[1][1] == "Café"
    assert _values("Ref,Evidence\n1.1.1,Café\n".encode("cp1252"))[1][1] == "Café"
    assert _lines("Ref,Evidence\n1.1.1,Café\n".encode("cp1252")) == [
        "matrix.csv:2:10: warning: read as Windows-1252 (Excel's plain CSV), not UTF-8: check "
        "the accented letters, or save it from Excel as 'CSV UTF-8 (Comma delimited)'"
    ]


@pytest.mark.parametrize("end", [b"\r", b"\n", b"\r\n"], ids=["cr", "lf", "crlf"])
def test_a_nul_is_placed_on_its_line_whatever_ends_the_lines(end: bytes) -> None:
    raw = end.join([b"Ref,Evidence", b"1.1.1,Surveys", b"1.1.2,Sur\0veys", b""])
    assert _lines(raw) == [
        "matrix.csv:3:10: error: a NUL byte: this is not a text file; save it from Excel as "
        "'CSV UTF-8 (Comma delimited)'"
    ]


def test_lone_carriage_returns_end_lines_for_places_too() -> None:
    raw = b'Ref,Evidence\r1.1.1,Surveys\r1.1.2,"Open\r quote'
    assert _lines(raw) == ["matrix.csv:4:1: error: not a CSV record: unexpected end of data"]
    assert [cells[0].row for cells in read_csv(b"A,B\r\r1,2\r", "m.csv").rows] == [1, 3]


def test_a_field_longer_than_the_csv_modules_default_limit_is_read() -> None:
    text = "x" * 200_000
    assert _values(f"Ref,Evidence\n1.1.1,{text}\n".encode())[1][1] == text


def test_a_record_of_more_fields_than_excel_has_columns_is_refused_before_it_is_built(
    tmp_path: Path,
) -> None:
    raw = wide_csv(tmp_path / "wide.csv", MAX_FIELDS).read_bytes()
    assert _lines(raw) == [
        "matrix.csv:2:16385: error: a record of more than 16,384 fields, more than Excel has "
        "columns: this is not a matrix"
    ]


def test_delimiters_inside_quotes_are_not_fields() -> None:
    notes = "," * (MAX_FIELDS * 2)
    raw = f'Ref,Evidence,Notes\n1.1.1,Surveys,"{notes}\nand ""more"" {notes}"\n'.encode()
    assert _values(raw)[1] == ["1.1.1", "Surveys", f'{notes}\nand "more" {notes}']
    at_the_limit = b"Ref,Evidence\n1.1.1,Surveys" + b"," * (MAX_FIELDS - 2) + b"\n"
    assert _lines(at_the_limit) == []


def test_a_value_beyond_column_200_is_refused_at_its_field() -> None:
    raw = b"Ref,Evidence\n1.1.1,Surveys" + b"," * 199 + b"stray\n"
    assert _lines(raw) == [
        "matrix.csv:2:201: error: a value beyond column 200, the most cse reads: a matrix "
        "has a dozen"
    ]
    assert _lines(b"Ref,Evidence\n1.1.1,Surveys" + b"," * 300 + b"\n") == []  # empty fields


def test_the_rows_and_the_fields_are_counted_as_they_are_read() -> None:
    rows = b"Ref,Evidence\n" + b"1.1.1,x\n" * MAX_ROWS
    assert _lines(rows) == [
        "matrix.csv:100001:1: error: the file goes on past 100,000 rows, the most cse reads: "
        "a matrix has a few thousand"
    ]
    fields = b"Ref,Evidence\n" + (b"x," * 99 + b"x\n") * (MAX_CELLS // 100 + 1)
    assert _lines(fields) == [
        "matrix.csv:4001:1: error: the file goes on past 400,000 fields, the most cse reads: "
        "a matrix has a few thousand rows of a dozen"
    ]
