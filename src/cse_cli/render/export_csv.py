"""`cse export --format csv`: the evidence matrix as a CSV file Excel opens as UTF-8.

It starts with a byte-order mark and ends lines with CRLF, as Excel's own "CSV
UTF-8" does. A field that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return gets a leading apostrophe, so that no spreadsheet runs it as a formula
(CSV injection); so does one that begins with an apostrophe, and `cse import`
takes the first apostrophe off again. A CSV file has
one sheet: the summary is in the xlsx export only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import TYPE_CHECKING

from cse_cli.matrix.cells import FORMULA_STARTS

if TYPE_CHECKING:
    from cse_cli.views.export import CellValue, ExportView


def to_csv(view: ExportView) -> str:
    """The matrix as CSV text, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
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
