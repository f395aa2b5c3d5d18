"""What a workbook shares between its cells: the shared strings, and the styles' formats and fills.

Read with expat, not openpyxl: openpyxl's public API gives these only through
`load_workbook`, which reads the whole shared-string table into memory with
no count (a 230 KB workbook can hold millions of empty strings), reads
phonetic runs into the text, and gives fills and date formats per cell only
in a mode that reads every sheet whole; its own readers are private. Here the
table is counted as it is read and stops at the limit; phonetic runs (`rPh`,
the reading aids Excel never shows in the cell) are skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cse_cli.matrix.cells import MAX_CELL_CHARS
from cse_cli.matrix.xml_part import Budget, PartReader, Refused, integer, parse

if TYPE_CHECKING:
    from cse_cli.matrix.xlsx_package import Book

MAX_SHARED_STRINGS = 300_000
"""Entries of the shared-string table: the texts of every sheet, each once."""
MAX_STYLES = 65_536
"""Number formats, fills and cell styles, each: Excel itself allows 64,000 cell styles."""

# Excel's built-in number formats that show a date or a time (ECMA-376 18.8.30), the
# East Asian ones (27-36, 50-58) included.
_DATE_FORMATS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_LITERALS = re.compile(r'"[^"]*"|\[(?!h+\]|m+\]|s+\])[^\]]*\]|\\.|_.|\*.', re.IGNORECASE)
_DATE_CODE = re.compile(r"[dmyhs]", re.IGNORECASE)
_WHITE = {"FFFFFFFF", "00FFFFFF"}


class TooLong:
    """A shared string longer than a cell may hold: only its length is kept."""

    __slots__ = ("size",)

    def __init__(self, size: int) -> None:
        """A string of `size` characters."""
        self.size = size


def is_date_format(code: str) -> bool:
    """Whether a number format shows a date or a time ('dd/mm/yyyy', 'h:mm'), not a number."""
    shown = _LITERALS.sub("", code.split(";", maxsplit=1)[0])
    return _DATE_CODE.search(shown) is not None


def read_strings(book: Book) -> list[str | TooLong]:
    """The shared-string table, in order; raises Refused past the limit."""
    if book.strings is None:
        return []
    reader = _Strings(book.budget)
    with book.open(book.strings) as stream:
        parse(stream, reader, book.strings)
    return reader.strings


class _Strings(PartReader):
    """`<si>` entries: their `<t>` texts, directly or in runs (`<r>`), not in `<rPh>`."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.strings: list[str | TooLong] = []
        self.chunks: list[str] = []
        self.size = 0
        self.entry = False
        self.phonetic = 0
        self.gathering = False

    def start(self, name: str, attrs: dict[str, str]) -> None:  # noqa: ARG002 - none needed
        if name == "t":
            self.gathering = self.entry and not self.phonetic
        elif name == "si":
            if len(self.strings) >= MAX_SHARED_STRINGS:
                raise Refused(f"the workbook's shared-string table holds more than "
                              f"{MAX_SHARED_STRINGS:,} texts, the most cse reads: save the "
                              "matrix sheet alone in a workbook of its own")  # fmt: skip
            self.chunks, self.size, self.entry = [], 0, True
        elif name == "rPh":
            self.phonetic += 1

    def end(self, name: str) -> None:
        if name == "t":
            self.gathering = False
        elif name == "si" and self.entry:
            too_long = self.size > MAX_CELL_CHARS
            self.strings.append(TooLong(self.size) if too_long else "".join(self.chunks))
            self.entry = False
        elif name == "rPh":
            self.phonetic -= 1

    def text(self, data: str) -> None:
        if self.gathering:
            self.size += len(data)
            if self.size <= MAX_CELL_CHARS:
                self.chunks.append(data)


class Styles:
    """Per cell style (the `s` of a cell): whether it shows a date, and its fill colour."""

    def __init__(self) -> None:
        """No style read yet: every cell a number, with no fill."""
        self.dates: set[int] = set()
        self.fills: dict[int, str] = {}


def read_styles(book: Book) -> Styles:
    """The styles of the workbook's cells (none when it has no styles part)."""
    reader = _Styles(book.budget)
    if book.styles is not None:
        with book.open(book.styles) as stream:
            parse(stream, reader, book.styles)
    styles = Styles()
    for index, (number_format, fill) in enumerate(reader.formats):
        if number_format in _DATE_FORMATS or is_date_format(reader.codes.get(number_format, "")):
            styles.dates.add(index)
        name = reader.fills[fill] if 0 <= fill < len(reader.fills) else None
        if name is not None:
            styles.fills[index] = name
    return styles


class _Styles(PartReader):
    """`numFmts` (custom formats), `fills` (each a colour or None) and `cellXfs` (the styles)."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.codes: dict[int, str] = {}
        self.fills: list[str | None] = []
        self.formats: list[tuple[int, int]] = []
        """Each cell style's number format and fill, in order."""
        self.section = ""
        self.solid = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if max(len(self.codes), len(self.fills), len(self.formats)) > MAX_STYLES:
            raise Refused(f"the workbook's styles hold more than {MAX_STYLES:,} number formats, "
                          "fills or cell styles, more than Excel allows: refused")  # fmt: skip
        if name in {"numFmts", "fills", "cellXfs", "cellStyleXfs", "dxfs"}:
            self.section = name
        elif name == "numFmt" and self.section == "numFmts":
            self.codes[_number(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
        elif self.section == "fills":
            self._fill(name, attrs)
        elif name == "xf" and self.section == "cellXfs":
            self.formats.append((_number(attrs.get("numFmtId")), _number(attrs.get("fillId"))))

    def end(self, name: str) -> None:
        if name == self.section:
            self.section = ""

    def _fill(self, name: str, attrs: dict[str, str]) -> None:
        if name == "fill":
            self.fills.append(None)
            self.solid = False
        elif name == "patternFill" and self.fills:
            self.solid = attrs.get("patternType") == "solid"
            if self.solid:
                self.fills[-1] = "00000000"  # a solid fill with no colour given: black
        elif name == "fgColor" and self.solid:
            self.fills[-1] = _colour(attrs)


def _colour(attrs: dict[str, str]) -> str | None:
    """A fill colour as a name to compare (None for white: no colour at all)."""
    if "rgb" in attrs:
        rgb = attrs["rgb"].upper()
        return None if rgb in _WHITE else rgb
    if "theme" in attrs:
        try:
            tint = float(attrs.get("tint", "0"))
        except ValueError:
            tint = 0.0
        return f"theme {attrs['theme']} tint {tint:g}"
    if "indexed" in attrs:
        return f"indexed {attrs['indexed']}"
    return "auto"


def _number(text: str | None) -> int:
    found = integer(text or "0")
    return -1 if found is None else found
