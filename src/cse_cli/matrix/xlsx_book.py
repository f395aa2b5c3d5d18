"""A matrix in an Excel workbook (.xlsx), read with openpyxl in read-only mode.

Before openpyxl sees the file, it is checked for what would make reading it
unsafe or endless: an encrypted (password-protected) workbook or an old .xls,
a file that is not a zip, parts that expand past a stated size (a zip bomb:
the sizes the zip declares bound what is decompressed), and XML that declares
a DTD or entities (a real workbook never does; defusedxml refuses them too).
Sheets are parsed as a stream, row by row, so that a sheet of a million rows
or 16,000 columns is stopped at the limit rather than read to its end.
Formulas give the values Excel saved with them.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from typing import TYPE_CHECKING, Any

from cse_cli.core.problems import CseError
from cse_cli.core.text import and_list, did_you_mean, quoted
from cse_cli.matrix.cells import MAX_UNCOMPRESSED_BYTES, Sheet

if TYPE_CHECKING:
    from pathlib import Path


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of encrypted workbooks and of .xls
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
MAX_PARTS = 10_000
_MAX_RELS = 10_000_000  # bytes of a sheet's relationships read (its hyperlinks)
_PROLOG = 4096  # bytes of each XML part searched for a DTD
_PREFERRED = ("matrix", "evidence")
_WHITE = {"FFFFFFFF", "00FFFFFF"}


def read_xlsx(path: Path, name: str, sheet_name: str | None) -> Sheet:
    """The rows of one sheet of the workbook at `path` (by `sheet_name`, or the matrix's)."""
    refused = _refused(path, name)
    if refused is not None:
        return refused
    try:
        workbook = _Workbook(path)
    except Exception as exc:  # noqa: BLE001 - any failure of the parser on hostile input is a problem
        return _whole(name, f"cannot be read as an Excel workbook: {_reason(exc)}")
    try:
        title, part = _choose(workbook.sheets, name, sheet_name)
        return workbook.rows(part, Sheet(name, title))
    except CseError:
        raise
    except Exception as exc:  # noqa: BLE001 - as above
        return _whole(name, f"cannot be read as an Excel workbook: {_reason(exc)}")
    finally:
        workbook.close()


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _whole(name: str, message: str) -> Sheet:
    sheet = Sheet(name, None)
    sheet.add(0, 0, "error", message)
    return sheet


def _refused(path: Path, name: str) -> Sheet | None:
    """A sheet holding the problem when the file is unsafe or no workbook; else None."""
    with path.open("rb") as stream:
        head = stream.read(8)
    if head == _OLE2:
        if _ENCRYPTED in path.read_bytes():
            message = "the workbook is password-protected (encrypted): open it in Excel, "
            message += "remove the password (File, Info, Protect Workbook) and save"
            return _whole(name, message)
        return _whole(name, "an Excel 97-2003 workbook (.xls) with an .xlsx name: open it in "
                      "Excel and save it as an Excel Workbook (.xlsx)")  # fmt: skip
    if not zipfile.is_zipfile(path):
        return _whole(name, "not an Excel workbook (an .xlsx file is a zip archive): "
                      "is it a CSV or another file renamed?")  # fmt: skip
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_archive(archive, name)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        return _whole(name, f"a damaged zip archive: {_reason(exc)}")


def _check_archive(archive: zipfile.ZipFile, name: str) -> Sheet | None:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        return _whole(name, f"the workbook has {len(parts):,} parts, over the limit of "
                      f"{MAX_PARTS:,}")  # fmt: skip
    if any(part.flag_bits & 0x1 for part in parts):
        return _whole(name, "the workbook's parts are encrypted: remove the password and save")
    total = sum(part.file_size for part in parts)
    if total > MAX_UNCOMPRESSED_BYTES:
        return _whole(name, f"the workbook expands to {total:,} bytes, over the limit of "
                      f"{MAX_UNCOMPRESSED_BYTES:,}: refused unread (a zip bomb, or pictures "
                      "and other sheets to remove)")  # fmt: skip
    for part in parts:
        if part.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(part) as stream:
                prolog = stream.read(_PROLOG).upper()
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                return _whole(name, f"the workbook's {part.filename} declares a DTD or XML "
                              "entities, which no real workbook does: refused unread")  # fmt: skip
    return None


def _choose(sheets: dict[str, str], name: str, wanted: str | None) -> tuple[str, str]:
    """The title and part of the sheet to read."""
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


class _Workbook:
    """A workbook's shared strings, styles and sheets, read with openpyxl's own readers.

    openpyxl's `load_workbook` would also read every sheet through once to find
    its size; the sheets are read here once, as a stream of cells.
    """

    def __init__(self, path: Path) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        reader = ExcelReader(path, read_only=True, data_only=True, keep_links=False)
        self.archive = reader.archive
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        self.strings: list[str] = reader.shared_strings
        book: Any = reader.wb  # openpyxl's read-only internals are not in its type stubs
        self.epoch: dt.datetime = book.epoch
        self.dates: set[int] = set(book._date_formats)  # noqa: SLF001
        self.fills = _fills(book)
        self.sheets = {
            sheet.name: rel.target
            for sheet, rel in reader.parser.find_sheets()
            if "worksheet" in rel.Type and rel.target in reader.valid_files
        }

    def _links(self, part: str) -> dict[str, str]:
        """The external targets of a sheet's relationships (its hyperlinks), by id."""
        from defusedxml.ElementTree import fromstring

        folder, _, name = part.rpartition("/")
        rels = f"{folder}/_rels/{name}.rels"
        if rels not in self.archive.namelist():
            return {}
        with self.archive.open(rels) as stream:
            root = fromstring(stream.read(_MAX_RELS))
        return {
            rel.get("Id", ""): rel.get("Target", "")
            for rel in root
            if rel.get("TargetMode") == "External" and rel.get("Type", "").endswith("/hyperlink")
        }

    def close(self) -> None:
        """Close the workbook's zip archive."""
        self.archive.close()

    def rows(self, part: str, sheet: Sheet) -> Sheet:
        """The sheet's rows, read from its part as a stream."""
        from openpyxl.utils.datetime import from_excel

        from cse_cli.matrix.xlsx_sheet import DeclaresEntities, Styles, read_sheet

        if self.epoch == dt.datetime(1904, 1, 1):  # noqa: DTZ001 - openpyxl's own naive epoch
            sheet.epoch = dt.date(1904, 1, 1)

        def to_date(number: float) -> dt.datetime:
            day: dt.datetime = from_excel(number, self.epoch)
            return day

        styles = Styles(self.strings, self.dates, self.fills, to_date, self._links(part))
        try:
            with self.archive.open(part) as source:
                return read_sheet(source, sheet, styles)
        except DeclaresEntities:
            return _whole(sheet.file, f"the workbook's {part} declares a DTD or XML entities, "
                          "which no real workbook does: refused unread")  # fmt: skip


def _fills(book: Any) -> dict[int, str]:  # noqa: ANN401 - openpyxl's untyped internals
    """The solid fill colour of each cell style that has one, as a comparable name."""
    found: dict[int, str] = {}
    for style_id, style in enumerate(book._cell_styles):  # noqa: SLF001
        fill = book._fills[style.fillId]  # noqa: SLF001
        if getattr(fill, "patternType", None) != "solid":
            continue
        colour = fill.fgColor
        if colour.type == "rgb":
            name = str(colour.rgb).upper()
            if name in _WHITE:
                continue
        elif colour.type == "theme":
            name = f"theme {colour.theme} tint {colour.tint:g}"
        else:
            name = f"{colour.type} {colour.value}"
        found[style_id] = name
    return found
