"""cse_cli.matrix.xml_part: no DTD anywhere, no endless tag, one budget, short integers."""

from __future__ import annotations

import io
import zipfile

import pytest

from cse_cli.matrix import xml_part
from cse_cli.matrix.xml_part import (
    MAX_MARKUP_BYTES,
    Budget,
    PartReader,
    Refused,
    integer,
    parse,
    refuse_any_dtd,
    rels_of,
    resolve,
)

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
DTD = b'<!DOCTYPE x [<!ENTITY big "big">]>'


class Recorder(PartReader):
    def __init__(self, limit: int = 1_000) -> None:
        self.budget = Budget(limit)
        self.seen: list[tuple[str, str]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:  # noqa: ARG002 - names only
        self.seen.append(("start", name))

    def end(self, name: str) -> None:
        self.seen.append(("end", name))

    def text(self, data: str) -> None:
        self.seen.append(("text", data))


def _parse(xml: bytes, reader: PartReader | None = None) -> Recorder:
    reader = reader or Recorder()
    parse(io.BytesIO(xml), reader, "xl/part.xml")
    assert isinstance(reader, Recorder)
    return reader


def _refusal(xml: bytes, reader: PartReader | None = None) -> str:
    with pytest.raises(Refused) as caught:
        _parse(xml, reader)
    return str(caught.value)


@pytest.mark.parametrize("namespace", [MAIN, STRICT], ids=["transitional", "strict"])
def test_only_the_elements_cse_reads_reach_a_reader_by_local_name(namespace: bytes) -> None:
    xml = b'<x:row xmlns:x="%s"><x:c><x:v>1</x:v></x:c><x:ext/><other/></x:row>' % namespace
    assert _parse(xml).seen == [
        ("start", "row"), ("start", "c"), ("start", "v"), ("text", "1"), ("end", "v"),
        ("end", "c"), ("end", "row"),
    ]  # fmt: skip


def test_an_element_of_another_namespace_is_not_read_as_a_cell() -> None:
    xml = b'<row xmlns="%s" xmlns:e="urn:elsewhere"><e:c/></row>' % MAIN
    assert _parse(xml).seen == [("start", "row"), ("end", "row")]


def test_a_dtd_is_refused_wherever_the_prolog_puts_it() -> None:
    comment = b"<!--" + b" " * 100_000 + b"-->"
    message = _refusal(b'<?xml version="1.0"?>' + comment + DTD + b'<row xmlns="%s"/>' % MAIN)
    assert message == (
        "the workbook's xl/part.xml declares a DTD or XML entities, which no real workbook "
        "does: refused unread"
    )


def test_every_element_and_attribute_counts_against_the_workbooks_budget() -> None:
    reader = Recorder(limit=6)  # a namespace's declaration is no attribute
    _parse(b'<row xmlns="%s" r="1"><c r="A1" t="s"/><c/></row>' % MAIN, reader)  # 2 + 3 + 1
    assert reader.budget.left == 0
    message = _refusal(b'<row xmlns="%s"><x/><x/></row>' % MAIN, Recorder(limit=2))
    assert message.startswith("the workbook's parts hold more than 2 XML elements, the most cse")


def test_a_tag_longer_than_the_limit_is_refused_while_expat_gathers_it() -> None:
    attributes = b"".join(b' a%d=""' % n for n in range(MAX_MARKUP_BYTES // 8))
    assert _refusal(b'<row xmlns="%s"><c%s/></row>' % (MAIN, attributes)) == (
        "its part xl/part.xml has a tag or comment of more than 1,000,000 bytes, which no real "
        "workbook has: refused"
    )
    long_text = b"x" * (MAX_MARKUP_BYTES * 2)  # text is given as it is read: no limit here
    assert ("text", "x" * 10) not in _parse(b'<row xmlns="%s">%s</row>' % (MAIN, long_text)).seen


def test_xml_that_is_not_well_formed_is_refused_with_expats_words() -> None:
    assert _refusal(b"<row><c></row>").startswith(
        "its part xl/part.xml is not well-formed XML (mismatched tag: line 1, column 10)"
    )


def test_every_part_of_the_package_is_searched_for_a_dtd() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/styles.xml", b'<styleSheet xmlns="%s"/>' % MAIN)
        archive.writestr("media/image1.png", b"\x89PNG\r\n\x1a\n" + DTD)  # not XML: not parsed
        archive.writestr("[Content_Types].xml", b"<!--" + b" " * 9_000 + b"-->" + DTD + b"<a/>")
    with zipfile.ZipFile(buffer) as archive, pytest.raises(Refused) as caught:
        refuse_any_dtd(archive)
    assert str(caught.value).startswith("the workbook's [Content_Types].xml declares a DTD")


def test_a_part_with_no_dtd_is_read_only_to_its_root_element(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/sheet.xml", b"<a>" + b"<b/>" * 100_000 + b"</a>" + DTD)
    chunks: list[int] = []
    real_feed = xml_part._feed

    def counted(parser: object, stream: io.BufferedIOBase, part: str) -> None:
        chunks.append(1)
        real_feed(parser, stream, part)  # type: ignore[arg-type]

    monkeypatch.setattr(xml_part, "_feed", counted)
    with zipfile.ZipFile(buffer) as archive:
        refuse_any_dtd(archive)  # a DTD after the root element is no DTD: XML has none there
    assert chunks == [1]


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), (" 7 ", 7), ("-1", -1), ("", None), (None, None), ("x", None), ("9" * 19, None)],
)
def test_an_integer_is_never_longer_than_a_workbook_needs(
    text: str | None, number: int | None
) -> None:
    assert integer(text) == number


def test_relationships_lead_to_parts() -> None:
    assert resolve("xl/workbook.xml", "worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml"
    assert resolve("xl/workbook.xml", "/xl/styles.xml") == "xl/styles.xml"
    assert resolve("xl/worksheets/sheet1.xml", "../drawings/d.xml") == "xl/drawings/d.xml"
    assert resolve("", "xl/workbook.xml") == "xl/workbook.xml"
    assert rels_of("xl/workbook.xml") == "xl/_rels/workbook.xml.rels"
    assert rels_of("") == "_rels/.rels"
