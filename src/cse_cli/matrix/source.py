"""The matrix file, opened once and read whole, within its size limit, by its kind.

The file is opened without waiting on a named pipe and checked to be a regular
file before a byte is read; its bytes are then read once, up to the limit, and
every reader works on those bytes, so a file swapped while cse reads it is
never half one and half another. Any error of the operating system is one
line naming the file, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.matrix.cells import MAX_MATRIX_BYTES, Sheet, whole

if TYPE_CHECKING:
    from pathlib import Path

SUFFIXES = (".xlsx", ".xlsm", ".csv")


def read_matrix(path: Path, sheet: str | None) -> Sheet:
    """The rows of the spreadsheet at `path`: a .xlsx workbook's sheet, or a .csv file.

    Raises CseError when the file cannot be a matrix at all (no such file, another
    kind of file, unreadable); problems inside it are in the sheet's `problems`.
    """
    suffix = path.suffix.lower()
    name = path.name
    if suffix not in SUFFIXES:
        raise CseError(
            f"{name}: cse imports .xlsx workbooks and .csv files; save the matrix as one of them"
        )
    if suffix == ".csv" and sheet is not None:
        raise CseError(f"{name}: --sheet is for workbooks; a CSV file has one sheet")
    raw, size = read_bytes(path)
    if raw is None:
        return _too_large(name, size)
    if suffix == ".csv":
        from cse_cli.matrix.csv_file import read_csv

        return read_csv(raw, name)
    from cse_cli.matrix.xlsx_book import read_xlsx

    return read_xlsx(raw, name, sheet)


def read_matrix_sheets(path: Path, sheet: str | None) -> list[Sheet]:
    """The sheets of the spreadsheet at `path` that may hold its matrix, in order.

    Every sheet of a workbook (or the one `sheet` names), or a CSV file's one;
    CseError as `read_matrix` raises it.
    """
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return [read_matrix(path, sheet)]
    raw, size = read_bytes(path)
    if raw is None:
        return [_too_large(path.name, size)]
    from cse_cli.matrix.xlsx_book import read_xlsx_sheets

    return read_xlsx_sheets(raw, path.name, sheet)


def _too_large(name: str, size: int) -> Sheet:
    return whole(name, f"the file is {size:,} bytes, over the limit of {MAX_MATRIX_BYTES:,} "
                 "for a matrix: remove pictures and other sheets, or save the matrix sheet "
                 "alone")  # fmt: skip


def read_bytes(path: Path) -> tuple[bytes | None, int]:
    """The bytes of the regular file at `path` and its size, or CseError.

    The bytes are None, unread, when the file is larger than the limit (or grows
    past it while it is read).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise CseError(f"{path}: no such file") from None
    except OSError as exc:
        raise CseError(f"{path}: cannot be read: {_reason(exc)}") from None
    try:
        status = os.fstat(descriptor)
        refusal = _refusal(path, status.st_mode)
        if refusal is not None:
            raise CseError(refusal)
        if status.st_size > MAX_MATRIX_BYTES:
            return None, status.st_size
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            raw = stream.read(MAX_MATRIX_BYTES + 1)
    except OSError as exc:
        raise CseError(f"{path}: cannot be read: {_reason(exc)}") from None
    finally:
        os.close(descriptor)
    return (None if len(raw) > MAX_MATRIX_BYTES else raw), len(raw)


def _refusal(path: Path, mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return f"{path.name}: is a folder, not a file"
    if not stat.S_ISREG(mode):
        return f"{path.name}: is not a regular file (a named pipe or a device)"
    return None


def _reason(exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return "it is a folder"
    return exc.strerror or str(exc)
