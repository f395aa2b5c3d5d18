"""`cse export --format csv`: the evidence matrix as a CSV file Excel opens as UTF-8.

It starts with a byte-order mark and ends lines with CRLF, as Excel's own "CSV
UTF-8" does. A field that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return gets a leading apostrophe, so that no spreadsheet runs it as a formula
(CSV injection); so does one that begins with an apostrophe, and `cse import`
takes the first apostrophe off again. A text import could not read back (a
NUL, or white space alone) is refused before anything is written, with its
place. A CSV file has one sheet: the summary is in the xlsx export only. Its
first lines are the base `cse import --update` merges against
(cse_cli.matrix.update.base): each a single field, which spreadsheets keep.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.core.text import short
from cse_cli.matrix.cells import FORMULA_STARTS, unreadable_back

if TYPE_CHECKING:
    from cse_cli.views.export import CellValue, ExportView


def refuse_unreadable(view: ExportView, *, csv: bool) -> None:
    """Raise CseError, before anything is written, for each text `cse import` could not read back.

    What export writes, import reads back; a text it could not (white space
    alone, or a NUL in CSV) is named, with its element, column and row.
    """
    problems = [
        f"{short(str(row[0]))}'s {view.headers[column]} in row {number} of the matrix {reason}"
        for number, row in enumerate(view.rows, start=2)
        for column, value in enumerate(row)
        if isinstance(value, str) and (reason := unreadable_back(value, csv=csv)) is not None
    ]
    if problems:
        raise CseError(*problems)


def to_csv(view: ExportView) -> str:
    """The matrix as CSV text, header first; CseError for a text import could not read back."""
    refuse_unreadable(view, csv=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("".join(line + "\r\n" for line in view.base))  # one-cell rows: no separator
    writer.writerow([_field(h) for h in view.headers])
    for row in view.rows:
        writer.writerow([_field(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def _field(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text
