"""cse_cli.matrix.xlsx_styles: shared strings (counted, phonetic runs skipped), dates and fills."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cse_cli.matrix.cells import MAX_CELL_CHARS
from cse_cli.matrix.xlsx_package import open_package, read_book
from cse_cli.matrix.xlsx_styles import (
    MAX_SHARED_STRINGS,
    MAX_STYLES,
    TooLong,
    is_date_format,
    read_strings,
    read_styles,
)
from cse_cli.matrix.xml_part import Budget, Refused
from tests.helpers import repeated, streamed_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _strings(tmp_path: Path, *entries: bytes) -> list[str | TooLong]:
    path = streamed_workbook(tmp_path / "book.xlsx", strings=entries)
    return read_strings(read_book(open_package(path.read_bytes()), Budget()))


def test_shared_strings_plain_rich_and_with_phonetic_runs(tmp_path: Path) -> None:
    found = _strings(
        tmp_path,
        b"<si><t>Surveys</t></si>",
        b'<si><r><t xml:space="preserve">Customer </t></r><r><rPr><b/></rPr><t>panels</t></r></si>',
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>'.encode(),
        b"<si><t/></si>",
        b"<si><t>_x0007_ kept as written</t></si>",  # the escape is undone at the cell
    )
    assert found == ["Surveys", "Customer panels", "東京", "", "_x0007_ kept as written"]


def test_a_string_longer_than_a_cell_may_hold_keeps_only_its_length(tmp_path: Path) -> None:
    entry = [b"<si><t>", *repeated(b"x" * 1000, MAX_CELL_CHARS // 1000 + 1), b"</t></si>"]
    found = _strings(tmp_path, b"".join(entry))
    assert isinstance(found[0], TooLong)
    assert found[0].size == MAX_CELL_CHARS + 1000


def test_the_table_is_counted_as_it_is_read(tmp_path: Path) -> None:
    path = streamed_workbook(
        tmp_path / "book.xlsx", strings=repeated(b"<si><t/></si>", MAX_SHARED_STRINGS + 1)
    )
    with pytest.raises(Refused) as caught:
        read_strings(read_book(open_package(path.read_bytes()), Budget()))
    assert str(caught.value) == (
        "the workbook's shared-string table holds more than 300,000 texts, the most cse reads: "
        "save the matrix sheet alone in a workbook of its own"
    )


@pytest.mark.parametrize(
    ("code", "is_date"),
    [
        ("dd/mm/yyyy", True), ("yyyy\\-mm\\-dd", True), ("[$-809]d mmmm yyyy;@", True),
        ("h:mm", True), ("[h]:mm:ss", True), ("0.00", False), ("General", False),
        ('"Day "0', False), ("#,##0;[Red]-#,##0", False), ("0.0%", False), ("@", False),
    ],
)  # fmt: skip
def test_a_number_format_that_shows_a_date(code: str, is_date: bool) -> None:
    assert is_date_format(code) is is_date


def _styles(tmp_path: Path, styles: str) -> tuple[set[int], dict[int, str]]:
    path = streamed_workbook(tmp_path / "book.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/styles.xml", f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>')
    found = read_styles(read_book(open_package(path.read_bytes()), Budget()))
    return found.dates, found.fills


def test_styles_that_show_dates_and_their_fill_colours(tmp_path: Path) -> None:
    dates, fills = _styles(
        tmp_path,
        '<numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
        '<numFmt numFmtId="165" formatCode="0.0"/></numFmts>'
        '<fills><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="ffC6EFCE"/></patternFill></fill>'
        '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.3999"/></patternFill>'
        '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFFFF"/></patternFill>'
        "</fill></fills>"
        '<cellStyleXfs><xf numFmtId="14" fillId="2"/></cellStyleXfs>'
        '<cellXfs><xf numFmtId="0" fillId="0"/><xf numFmtId="14" fillId="2"/>'
        '<xf numFmtId="164" fillId="3"/><xf numFmtId="165" fillId="4"/><xf numFmtId="22"/>'
        "</cellXfs>"
        '<dxfs><dxf><fill><patternFill patternType="solid"><fgColor rgb="FF000000"/>'
        "</patternFill></fill></dxf></dxfs>",
    )
    assert dates == {1, 2, 4}
    assert fills == {1: "FFC6EFCE", 2: "theme 4 tint 0.3999"}  # white is no colour


def test_more_styles_than_excel_allows_are_refused(tmp_path: Path) -> None:
    many = '<xf numFmtId="0"/>' * (MAX_STYLES + 2)
    with pytest.raises(Refused, match="more than 65,536 number formats, fills or cell styles"):
        _styles(tmp_path, f"<cellXfs>{many}</cellXfs>")
