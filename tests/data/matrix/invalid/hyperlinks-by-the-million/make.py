"""More hyperlinks than a sheet may have, each on a cell of its own."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import HEADER_ROW, evidence_rows, streamed_workbook

from cse_cli.matrix.cells import MAX_HYPERLINKS


def make(folder: Path) -> Path:
    """The matrix file to import."""
    links = [b'<hyperlink ref="B%d" r:id="rId1"/>' % row for row in range(2, MAX_HYPERLINKS + 3)]
    rel = (b'<Relationship Id="rId1" Type="x/hyperlink" Target="https://example.org/" '
           b'TargetMode="External"/>')  # fmt: skip
    after = [b"<hyperlinks>", *links, b"</hyperlinks>"]
    rows = [HEADER_ROW, *evidence_rows(3)]
    return streamed_workbook(folder / "matrix.xlsx", rows, after, sheet_rels=[rel])
