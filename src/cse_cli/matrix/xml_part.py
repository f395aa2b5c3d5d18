"""The XML parts of a workbook, parsed with expat alone, counted, and never expanded.

expat's C parser does the reading; each part's reader sees only start and end
tags (by local name, so both of Excel's namespaces read alike) and text. A
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

MAX_XML_ELEMENTS = 4_000_000
"""XML elements read in all the parts cse reads: a matrix at the cell limit has about 2,000,000."""
_CHUNK = 1 << 16
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


class PartReader:
    """What one part's reader does with its elements; subclasses override the three."""

    budget: Budget

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
    budget = reader.budget

    def start(name: str, attrs: dict[str, str]) -> None:
        budget.left -= 1
        if budget.left < 0:
            reader.over_budget()
        reader.start(name.rpartition(" ")[2], attrs)

    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: reader.end(name.rpartition(" ")[2])
    parser.CharacterDataHandler = reader.text
    parser.buffer_text = True
    parser.buffer_size = _CHUNK
    try:
        while chunk := source.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except DeclaresEntities:
        raise Refused(declares(part)) from None
    except xml.parsers.expat.ExpatError as exc:
        raise Refused(f"its part {part} is not well-formed XML ({exc})") from None


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
                while chunk := stream.read(_CHUNK):
                    parser.Parse(chunk, False)
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
