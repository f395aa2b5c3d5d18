"""Helpers for tests that build spreadsheets: a matrix workbook, a part of a zip rewritten."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

from openpyxl import Workbook

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

HEADER = ("Ref", "Element", "Evidence", "Owner", "Notes")
SHEET_XML = "xl/worksheets/sheet1.xml"


def matrix_workbook(
    path: Path,
    rows: Sequence[Sequence[object]],
    header: Sequence[str] = HEADER,
    sheet: str = "Evidence Matrix",
) -> Path:
    """Write a workbook whose sheet holds a title row, the header (row 3) and `rows` below it."""
    book = Workbook()
    worksheet = book.active
    assert worksheet is not None
    worksheet.title = sheet
    worksheet.append(["Evidence matrix"])
    worksheet.append([])
    worksheet.append(list(header))
    for row in rows:
        worksheet.append(list(row))
    book.save(path)
    return path


def rewrite_part(path: Path, name: str, change: Callable[[bytes], bytes]) -> None:
    """Replace one part of a zip archive (such as a workbook's sheet) with `change(part)`."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info, change(data) if info.filename == name else data)


def matrix_csv(path: Path, lines: Sequence[str], encoding: str = "utf-8") -> Path:
    """Write a CSV matrix: the header line and `lines`, in `encoding`."""
    path.write_bytes("\r\n".join([",".join(HEADER), *lines, ""]).encode(encoding))
    return path


def as_shared_strings(path: Path) -> None:
    """Rewrite a workbook's inline strings as a shared string table, as Excel saves text."""
    import re

    strings: list[bytes] = []

    def shared(found: re.Match[bytes]) -> bytes:
        strings.append(found[3])
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (found[1], found[2], len(strings) - 1)

    inline = re.compile(
        rb'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>'
    )
    rewrite_part(path, SHEET_XML, lambda xml: inline.sub(shared, xml))
    table = b"".join(b"<si><t>%s</t></si>" % text for text in strings)
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    part = b'<sst xmlns="%s" count="%d">%s</sst>' % (main, len(strings), table)
    kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % kind
    rewrite_part(path, "[Content_Types].xml", lambda xml: xml.replace(b"</Types>", override))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", part)
