"""The XML parts of a workbook, parsed with expat alone, counted, and never expanded.

expat's C parser does the reading; each part's reader sees only the start and
end tags of the elements cse reads (by local name, in either of Excel's
namespaces) and text. A
document type declaration (where entities are declared: "billion laughs",
external entities) stops any part wherever it stands, before the root element
as XML allows it, however long the prolog: defusedxml's protections, kept
without defusedxml. Every element of every part cse reads is counted against
one budget for the workbook, so that no part, however it is made, costs more
than the budget's worth of Python.
"""

from __future__ import annotations

import posixpath
import xml.parsers.expat
from typing import IO, TYPE_CHECKING

from cse_cli.matrix.cells import MAX_CELL_CHARS

if TYPE_CHECKING:
    import zipfile

MAX_XML_ELEMENTS = 3_000_000
"""XML elements and attributes read in all the parts cse reads: a matrix at the cell limit,
its texts in the shared-string table, has about 2,400,000."""
MAX_MARKUP_BYTES = 1_000_000
"""The longest tag, comment or instruction: expat gathers each whole before it goes on."""
_CHUNK = 1 << 16
_DIGITS = 18  # an index or a number of rows, styles…: more digits than any workbook holds
_XML_SUFFIXES = (".xml", ".rels", ".vml")


class Refused(Exception):  # noqa: N818 - the workbook is refused; str(exc) says why
    """The workbook as a whole cannot be read; the message is the user's."""


class Stop(Exception):  # noqa: N818 - a limit was passed: the problem is recorded already
    """Reading stops here; what was read so far is kept with its problems."""


class DeclaresEntities(Exception):  # noqa: N818 - says what the part does
    """The part has a document type declaration: refused, unread."""


class Budget:
    """The elements the workbook may still cost, shared by every part read."""

    def __init__(self, limit: int = MAX_XML_ELEMENTS) -> None:
        """A budget of `limit` elements."""
        self.left = limit
        self.limit = limit


_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",  # as Excel saves
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # "Strict Open XML Spreadsheet"
    "http://schemas.openxmlformats.org/package/2006/relationships",
)
_READ = (
    "row", "c", "v", "f", "is", "t", "rPh", "mergeCell", "hyperlink",  # a sheet
    "si",  # the shared strings (with t and rPh)
    "sheet", "workbookPr",  # the workbook
    "Relationship",  # a part's relationships
    "numFmts", "numFmt", "fills", "fill", "patternFill", "fgColor", "cellXfs", "cellStyleXfs",
    "dxfs", "xf",  # the styles
)  # fmt: skip
LOCAL = {f"{namespace} {name}": name for namespace in _NAMESPACES for name in _READ}
"""The elements cse reads, by expat's name (namespace and local name), as their local names."""


class PartReader:
    """What one part's reader does with its elements; subclasses override the three.

    Only the elements cse reads reach `start` and `end`, by local name; every
    element (and each of its attributes) is counted against the budget first.
    """

    budget: Budget

    def on_start(self, name: str, attrs: dict[str, str]) -> None:
        """Expat's handler: count the element, and pass it on when cse reads it."""
        budget = self.budget
        budget.left -= 1 + len(attrs)
        if budget.left < 0:
            self.over_budget()
        local = LOCAL.get(name)
        if local is not None:
            self.start(local, attrs)

    def on_end(self, name: str) -> None:
        """Expat's handler: pass the end on when cse reads the element."""
        local = LOCAL.get(name)
        if local is not None:
            self.end(local)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """An element starts (`name` is its local name)."""

    def end(self, name: str) -> None:
        """An element ends."""

    def text(self, data: str) -> None:
        """Character data inside the current element."""

    def over_budget(self) -> None:
        """Called when the workbook's budget is spent: raise Refused or Stop."""
        raise Refused(
            f"the workbook's parts hold more than {self.budget.limit:,} XML elements, the most "
            "cse reads: save the matrix sheet alone in a workbook of its own"
        )


def parse(source: IO[bytes], reader: PartReader, part: str) -> None:
    """Feed the part to `reader`; raises Refused for a DTD or XML that is not well-formed."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.StartElementHandler = reader.on_start
    parser.EndElementHandler = reader.on_end
    parser.CharacterDataHandler = reader.text
    parser.buffer_text = True
    parser.buffer_size = _CHUNK
    try:
        _feed(parser, source, part)
        parser.Parse(b"", True)
    except DeclaresEntities:
        raise Refused(declares(part)) from None
    except xml.parsers.expat.ExpatError as exc:
        raise Refused(f"its part {part} is not well-formed XML ({exc})") from None


def _feed(parser: xml.parsers.expat.XMLParserType, source: IO[bytes], part: str) -> None:
    """Feed the part to expat a chunk at a time, refusing markup that runs on past the limit.

    Between two chunks, the bytes fed since the last event are what expat is still
    gathering: text and CDATA give events as they go, so only a tag, a comment or
    an instruction can make it large (millions of attributes in one tag).
    """
    fed = 0
    while chunk := source.read(_CHUNK):
        parser.Parse(chunk, False)
        fed += len(chunk)
        if fed - max(parser.CurrentByteIndex, 0) > MAX_MARKUP_BYTES:
            raise Refused(f"its part {part} has a tag or comment of more than "
                          f"{MAX_MARKUP_BYTES:,} bytes, which no real workbook has: "
                          "refused")  # fmt: skip


def declares(part: str) -> str:
    """The message for a part that declares a DTD."""
    return (
        f"the workbook's {part} declares a DTD or XML entities, which no real workbook does: "
        "refused unread"
    )


def _refuse(*_: object) -> None:
    raise DeclaresEntities


def refuse_any_dtd(archive: zipfile.ZipFile) -> None:
    """Raise Refused if any XML part declares a DTD, wherever in its prolog it stands.

    A DTD may come only before the root element, so each part is parsed (in C,
    with no handler but the DTD's) up to its root element and no further.
    """
    for info in archive.infolist():
        if not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        parser = xml.parsers.expat.ParserCreate()
        parser.StartDoctypeDeclHandler = _refuse
        parser.EntityDeclHandler = _refuse
        parser.StartElementHandler = _root_reached
        with archive.open(info) as stream:
            try:
                _feed(parser, stream, info.filename)
            except DeclaresEntities:
                raise Refused(declares(info.filename)) from None
            except (_RootReached, xml.parsers.expat.ExpatError):
                continue  # past the prolog, or not XML at all: no DTD is read from it


class _RootReached(Exception):  # noqa: N818 - the prolog is over
    pass


def _root_reached(*_: object) -> None:
    raise _RootReached


class Text:
    """Character data gathered up to the limit of one cell; past it, only counted."""

    __slots__ = ("chunks", "size")

    def __init__(self) -> None:
        """Nothing gathered yet."""
        self.chunks: list[str] = []
        self.size = 0

    def add(self, data: str) -> None:
        """Gather `data`, unless the limit is passed."""
        self.size += len(data)
        if self.size <= MAX_CELL_CHARS:
            self.chunks.append(data)

    @property
    def too_long(self) -> bool:
        """Whether more than a cell may hold was given."""
        return self.size > MAX_CELL_CHARS

    def value(self) -> str:
        """The text gathered."""
        return "".join(self.chunks)


def integer(text: str | None) -> int | None:
    """A whole number written in XML (`None` when it is none, or longer than any real one).

    Never more digits than a workbook needs: Python 3.10 converts a long string
    of digits in time that grows with the square of its length.
    """
    text = (text or "").strip()
    if not text or len(text) > _DIGITS:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def resolve(source: str, target: str) -> str:
    """The part a relationship of the part `source` names: relative to its folder, or absolute.

    The package's own relationships (`_rels/.rels`) have the source "".
    """
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def rels_of(part: str) -> str:
    """The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")
