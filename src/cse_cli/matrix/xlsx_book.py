"""A matrix in an Excel workbook (.xlsx): its sheets' rows, read from the workbook's parts.

`read_xlsx` reads one sheet (the one named, or the matrix's); `read_xlsx_sheets`
every sheet, or the one named, for a matrix that spans sheets (a certification
body's self-assessment workbook has one per criterion). The shared strings and
the styles are read once for all the sheets.

Every part is read with expat by cse's own readers (`xlsx_package`,
`xlsx_styles`, `xlsx_sheet`), not with openpyxl: openpyxl's public API cannot
stream a sheet with its hyperlinks and merged cells, nor bound what it reads
(its shared-string table has no count), and its own readers are private; it
also writes warnings of its own to stderr. Problems that concern the whole
workbook are said as `matrix.xlsx: error: …`, with no made-up place; those of a
cell at the cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.core.text import and_list, did_you_mean, quoted
from cse_cli.matrix.cells import Sheet, whole
from cse_cli.matrix.xlsx_layout import Layout
from cse_cli.matrix.xlsx_package import first_line, open_package, read_book
from cse_cli.matrix.xlsx_sheet import SheetReader
from cse_cli.matrix.xlsx_styles import read_strings, read_styles
from cse_cli.matrix.xml_part import Budget, Refused, Stop, parse

if TYPE_CHECKING:
    from cse_cli.matrix.xlsx_package import Book
    from cse_cli.matrix.xlsx_styles import Styles, TooLong

    Strings = list[str | TooLong]

_PREFERRED = ("matrix", "evidence")


def read_xlsx(raw: bytes, name: str, sheet_name: str | None) -> Sheet:
    """The rows of one sheet of the workbook `raw` (by `sheet_name`, or the matrix's).

    `name` is the file's name for problems. Raises CseError when there is no such
    sheet; every other fault is a problem in the sheet returned.
    """
    try:
        archive = open_package(raw)
    except Refused as exc:
        return whole(name, str(exc))
    with archive:
        try:
            book = read_book(archive, Budget())
            title, part = choose(book.sheets, name, sheet_name)
            return read_rows(book, part, Sheet(name, title, date1904=book.date1904))
        except Refused as exc:
            return whole(name, str(exc))
        except (OSError, EOFError, RuntimeError, ValueError) as exc:  # zipfile on a damaged part
            return whole(name, f"a damaged zip archive: {first_line(exc)}")


def read_xlsx_sheets(raw: bytes, name: str, sheet_name: str | None) -> list[Sheet]:
    """The rows of every sheet of the workbook `raw`, in order, or of the one `sheet_name` names.

    Raises CseError when there is no such sheet (or none at all); every other
    fault is a problem in a sheet returned (one about the whole workbook, in the
    first). The workbook's limits on what is read are for all its sheets together.
    """
    try:
        archive = open_package(raw)
    except Refused as exc:
        return [whole(name, str(exc))]
    with archive:
        try:
            book = read_book(archive, Budget())
            if sheet_name is not None or not book.sheets:
                wanted = [choose(book.sheets, name, sheet_name)]
            else:
                wanted = list(book.sheets.items())
            shared = (read_strings(book), read_styles(book))
            read: list[Sheet] = []
            for title, part in wanted:
                read.append(read_rows(book, part, Sheet(name, title, date1904=book.date1904),
                                      shared))  # fmt: skip
                if book.budget.left < 0:
                    break  # the workbook's XML is over its limit: the sheets after it are not read
        except Refused as exc:
            return [whole(name, str(exc))]
        except (OSError, EOFError, RuntimeError, ValueError) as exc:  # zipfile on a damaged part
            return [whole(name, f"a damaged zip archive: {first_line(exc)}")]
    return read


def choose(sheets: dict[str, str], name: str, wanted: str | None) -> tuple[str, str]:
    """The title and part of the sheet to read: the one wanted, or the matrix's."""
    if wanted is not None:
        if wanted not in sheets:
            raise CseError(
                f"{name}: no sheet {quoted(wanted)}{did_you_mean(wanted, sheets)}; "
                f"its sheets are {and_list(map(quoted, sheets))}"
            )
        return wanted, sheets[wanted]
    if not sheets:
        raise CseError(f"{name}: the workbook has no worksheet")
    preferred = [t for t in sheets if any(word in t.lower() for word in _PREFERRED)]
    title = preferred[0] if preferred else next(iter(sheets))
    return title, sheets[title]


def read_rows(
    book: Book, part: str, sheet: Sheet, shared: tuple[Strings, Styles] | None = None
) -> Sheet:
    """Read the rows of the sheet at `part` into `sheet`: its cells, merges and links.

    `shared` is the workbook's shared strings and styles, read once for all its
    sheets (read here when not given).
    """
    strings, styles = shared if shared is not None else (read_strings(book), read_styles(book))
    reader = SheetReader(sheet, book.budget, strings, styles)
    try:
        with book.open(part) as stream:
            parse(stream, reader, part)
        layout = Layout(sheet, reader.cells)
        layout.fill_down(list(reader.merged))
        wanted = {target for target in reader.links.values() if not target.startswith("#")}
        rels = book.relationships(part, wanted)
        layout.link({
            cells: target if target.startswith("#") else rels.found[target].target
            for cells, target in reader.links.items()
            if target.startswith("#") or target in rels.found
        })  # fmt: skip
    except Stop:
        pass
    return sheet
