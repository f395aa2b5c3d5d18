"""cse_cli.matrix.xlsx_package: the zip checked before any part is read, then its sheets found."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cse_cli.matrix.xlsx_package import MAX_PARTS, MAX_RELATIONSHIPS, open_package, read_book
from cse_cli.matrix.xml_part import Budget, Refused
from tests.helpers import streamed_workbook

STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _refusal(raw: bytes) -> str:
    with pytest.raises(Refused) as caught:
        open_package(raw)
    return str(caught.value)


def _zip(tmp_path: Path, parts: dict[str, bytes]) -> bytes:
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path.read_bytes()


def test_an_encrypted_workbook_and_an_old_xls_are_refused() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    assert _refusal(ole2 + "EncryptionInfo".encode("utf-16-le")).startswith(
        "the workbook is password-protected (encrypted)"
    )
    assert _refusal(ole2).startswith("an Excel 97-2003 workbook (.xls) with an .xlsx name")
    assert _refusal(b"Ref,Evidence\n").startswith("not an Excel workbook (an .xlsx file is a zip")


def test_the_parts_are_counted_and_their_sizes_added_before_any_is_read(tmp_path: Path) -> None:
    many = _zip(tmp_path, {f"p{n}.bin": b"" for n in range(MAX_PARTS + 1)})
    assert _refusal(many) == "the workbook has 10,001 parts, over the limit of 10,000"
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(2):
            with archive.open(f"xl/part{n}.xml", "w") as stream:
                stream.write(b" " * 50_000_001)
    assert _refusal(path.read_bytes()).startswith(
        "the workbook expands to 100,000,002 bytes, over the limit of 100,000,000: refused unread"
    )


def test_a_dtd_in_any_part_refuses_the_workbook(tmp_path: Path) -> None:
    path = streamed_workbook(tmp_path / "book.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("docProps/app.xml", '<!DOCTYPE a [<!ENTITY e "e">]><a>&e;</a>')
    assert _refusal(path.read_bytes()).startswith("the workbook's docProps/app.xml declares a DTD")


def test_the_sheets_in_the_workbooks_order_and_its_date_system(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.datetime import MAC_EPOCH

    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Notes"
    book.create_sheet("Evidence Matrix")
    book.create_chartsheet("Chart")
    book.epoch = MAC_EPOCH
    book.save(tmp_path / "book.xlsx")
    found = read_book(open_package((tmp_path / "book.xlsx").read_bytes()), Budget())
    assert list(found.sheets) == ["Notes", "Evidence Matrix"]  # a chart sheet is no matrix
    assert found.date1904
    assert found.styles == "xl/styles.xml"


def test_a_strict_workbook_is_read_like_any_other(tmp_path: Path) -> None:
    workbook = (
        f'<workbook xmlns="{STRICT}" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/'
        'relationships"><workbookPr date1904="true"/><sheets><sheet name="M" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>'
    )
    rels = (
        f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="http://purl.oclc.org/'
        'ooxml/officeDocument/relationships/worksheet" Target="/xl/sheets/m.xml"/>'
        "</Relationships>"
    )
    raw = _zip(tmp_path, {
        "_rels/.rels": (f'<Relationships xmlns="{RELS}"><Relationship Id="r" Type="x/'
                        'officeDocument" Target="xl/book.xml"/></Relationships>').encode(),
        "xl/book.xml": workbook.encode(),
        "xl/_rels/book.xml.rels": rels.encode(),
        "xl/sheets/m.xml": f'<worksheet xmlns="{STRICT}"/>'.encode(),
    })  # fmt: skip
    found = read_book(open_package(raw), Budget())
    assert (found.sheets, found.date1904, found.strings) == ({"M": "xl/sheets/m.xml"}, True, None)


def test_a_part_of_more_relationships_than_parts_and_hyperlinks_is_refused(tmp_path: Path) -> None:
    many = "".join(
        f'<Relationship Id="x{n}" Type="x/hyperlink" Target="https://e.org/" />'
        for n in range(MAX_RELATIONSHIPS + 1)
    )
    raw = _zip(tmp_path, {
        "_rels/.rels": f'<Relationships xmlns="{RELS}">{many}</Relationships>'.encode(),
    })  # fmt: skip
    with pytest.raises(Refused) as caught:
        read_book(open_package(raw), Budget())
    assert str(caught.value) == (
        "the relationships of its part / number more than 110,000, one for every part and "
        "hyperlink at the limits: refused"
    )
