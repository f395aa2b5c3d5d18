"""`cse import` on hostile spreadsheets within its stated limits: each must end in 5 s and 300 MB.

Run from the project's root:

    python benchmarks/bombs.py                    # every bomb, 3 runs each
    python benchmarks/bombs.py --repeats 1 --only csv-wide --output /tmp/bombs.md

Each bomb is a file within the limits the README states for `cse import` (at
most 20 MB on disk, 100 MB uncompressed), built to cost as much as it can: a
shared-string table of millions of entries, a row of millions of empty cells,
merged ranges that cover, repeat or overlap, millions of hyperlinks or
relationships, a CSV record of ten million fields, a 95 MB cell, a tag of
millions of attributes, millions of elements. Each run is a whole `cse import`
process; its wall-clock time and peak memory (maximum resident set, from
wait4) are the worst of the runs. Every bomb must be refused (exit 2) with a
located error. The tests build the same bombs small (tests/matrix/).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from measure import MB, cse_command, machine, run

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))  # the bombs are built by the tests' own helpers

from tests.helpers import (  # noqa: E402 - after the project is on the path
    HEADER_ROW,
    evidence_rows,
    repeated,
    streamed_workbook,
    wide_csv,
)

if TYPE_CHECKING:
    from collections.abc import Callable

GOAL_SECONDS, GOAL_MB = 5.0, 300
REFUSED = 2  # cse's exit code for invalid input
SHOWN = 90  # characters of the refusal shown in the table
LIMIT_FILE, LIMIT_EXPANDED = 20 * MB, 100 * MB


def _cells(row: int, cells: bytes) -> bytes:
    return b'<row r="%d">' % row + cells + b"</row>"


def _merges(ranges: list[bytes]) -> list[bytes]:
    return [b"<mergeCells>", *ranges, b"</mergeCells>"]


def shared_strings(path: Path) -> Path:
    """7,000,000 empty shared strings (91 MB of XML)."""
    return streamed_workbook(path, strings=repeated(b"<si><t/></si>", 7_000_000))


def empty_cells(path: Path) -> Path:
    """One row of 24,000,000 empty cells."""
    row = [b'<row r="2">', *repeated(b"<c/>", 24_000_000), b"</row>"]
    return streamed_workbook(path, rows=[HEADER_ROW, *row])


def merged_columns(path: Path) -> Path:
    """99,999 rows, and every one of 200 columns merged from top to bottom."""
    from cse_cli.matrix.cells import column_letter

    ranges = [b'<mergeCell ref="%s2:%s100000"/>' % ((column_letter(c).encode(),) * 2)
              for c in range(1, 201)]  # fmt: skip
    return streamed_workbook(path, [HEADER_ROW, *evidence_rows(99_999)], _merges(ranges))


def merged_repeated(path: Path) -> Path:
    """1,000 rows, and one range merged 3,000,000 times over."""
    ranges = repeated(b'<mergeCell ref="A2:A1001"/>', 3_000_000)
    return streamed_workbook(path, [HEADER_ROW, *evidence_rows(1_000)], _merges(list(ranges)))


def merged_overlapping(path: Path) -> Path:
    """99,999 rows, and 99,998 ranges down column A each starting a row lower."""
    ranges = [b'<mergeCell ref="A%d:A100000"/>' % first for first in range(2, 100_000)]
    return streamed_workbook(path, [HEADER_ROW, *evidence_rows(99_999)], _merges(ranges))


def hyperlinks(path: Path) -> Path:
    """2,500,000 hyperlinks, each on a cell of its own."""
    links = (b'<hyperlink ref="B%d" r:id="rId1"/>' % row for row in range(2, 2_500_002))
    rel = b'<Relationship Id="rId1" Type="x/hyperlink" Target="https://example.org/" '
    return streamed_workbook(
        path, [HEADER_ROW, *evidence_rows(10)], [b"<hyperlinks>", *links, b"</hyperlinks>"],
        sheet_rels=[rel + b'TargetMode="External"/>'],
    )  # fmt: skip


def relationships(path: Path) -> Path:
    """One hyperlink, and 900,000 relationships in the sheet's relationships part."""
    rels = (b'<Relationship Id="rId%d" Type="x/hyperlink" Target="https://example.org/%d" '
            b'TargetMode="External"/>' % (n, n) for n in range(900_000))  # fmt: skip
    link = [b'<hyperlinks><hyperlink ref="B2" r:id="rId7"/></hyperlinks>']
    return streamed_workbook(path, [HEADER_ROW, *evidence_rows(10)], link, sheet_rels=rels)


def csv_wide(path: Path) -> Path:
    """A CSV file of one record of 10,000,000 fields."""
    return wide_csv(path.with_suffix(".csv"), 10_000_000)


def csv_fields(path: Path) -> Path:
    """A CSV file of 90,000 records of 100 one-letter fields each."""
    with path.with_suffix(".csv").open("wb") as stream:
        stream.write(b"Ref,Evidence\r\n")
        for _ in range(90_000):
            stream.write(b"1.1.1" + b",x" * 99 + b"\r\n")
    return path.with_suffix(".csv")


def big_cell(path: Path) -> Path:
    """A cell of 95,000,000 characters."""
    cell = [b'<row r="2"><c r="B2" t="inlineStr"><is><t>', *repeated(b"x" * 1000, 95_000),
            b"</t></is></c></row>"]  # fmt: skip
    return streamed_workbook(path, [HEADER_ROW, *cell])


def big_shared_string(path: Path) -> Path:
    """A shared string of 95,000,000 characters, used by a cell."""
    entry = [b"<si><t>", *repeated(b"x" * 1000, 95_000), b"</t></si>"]
    row = b'<row r="2"><c r="A2" t="inlineStr"><is><t>1.1.1</t></is></c><c r="B2" t="s"><v>0</v></c></row>'  # noqa: E501
    return streamed_workbook(path, [HEADER_ROW, row], strings=entry)


def attributes_in_one_tag(path: Path) -> Path:
    """A cell whose tag holds 5,000,000 attributes."""
    attributes = (b' a%d=""' % n for n in range(5_000_000))
    return streamed_workbook(path, [HEADER_ROW, b'<row r="2"><c r="B2"', *attributes, b"/></row>"])


def attributes(path: Path) -> Path:
    """600 cells each of 9,000 attributes (each tag under the tag limit)."""
    tag = b'<c r="C2"' + b"".join(b' a%d=""' % n for n in range(9_000)) + b"/>"
    return streamed_workbook(path, [HEADER_ROW, b'<row r="2">', *repeated(tag, 600), b"</row>"])


def elements(path: Path) -> Path:
    """24,000,000 elements cse has no use for."""
    return streamed_workbook(path, [HEADER_ROW, *repeated(b"<x/>", 24_000_000)])


def empty_rows(path: Path) -> Path:
    """8,000,000 empty rows, all numbered 2."""
    return streamed_workbook(path, [HEADER_ROW, *repeated(b'<row r="2"/>', 8_000_000)])


BOMBS: dict[str, Callable[[Path], Path]] = {
    "shared-strings": shared_strings,
    "empty-cells": empty_cells,
    "merged-columns": merged_columns,
    "merged-repeated": merged_repeated,
    "merged-overlapping": merged_overlapping,
    "hyperlinks": hyperlinks,
    "relationships": relationships,
    "csv-wide": csv_wide,
    "csv-fields": csv_fields,
    "big-cell": big_cell,
    "big-shared-string": big_shared_string,
    "attributes-in-one-tag": attributes_in_one_tag,
    "attributes": attributes,
    "elements": elements,
    "empty-rows": empty_rows,
}


def expanded(path: Path) -> int:
    """The bytes a file's parts expand to (its own size for a CSV file)."""
    import zipfile

    if path.suffix == ".csv":
        return path.stat().st_size
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def measure(name: str, repeats: int, work: Path) -> str:
    """Build one bomb, import it `repeats` times; its row of the table.

    The bomb is built by a process of its own: a process started from a large
    one would count the large one's memory as its own (a fork's peak is kept).
    """
    built = subprocess.run(
        [sys.executable, __file__, "--build", name, str(work / f"{name}.xlsx")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    bomb = Path(built.stdout.strip())
    size, inside = bomb.stat().st_size, expanded(bomb)
    if size > LIMIT_FILE or inside > LIMIT_EXPANDED:
        sys.exit(f"bench: {name} is outside the limits ({size:,} bytes, {inside:,} expanded)")
    command = [*cse_command(), "import", str(bomb), str(work / "out")]
    check = subprocess.run(command, capture_output=True, text=True, check=False)
    first = check.stderr.splitlines()[0] if check.stderr else ""
    if check.returncode != REFUSED or ": error: " not in first or (work / "out").exists():
        sys.exit(f"bench: {name}: exit {check.returncode}, not refused: {check.stderr[:300]}")
    worst_time = worst_cpu = worst_memory = 0.0
    for _ in range(repeats):
        took, cpu, resident, _code = run(command)
        worst_time, worst_cpu = max(worst_time, took), max(worst_cpu, cpu)
        worst_memory = max(worst_memory, resident / MB)
    met = "yes" if worst_time < GOAL_SECONDS and worst_memory < GOAL_MB else "**no**"
    shown = first.split(": error: ", 1)[1]
    shown = shown if len(shown) <= SHOWN else shown[: SHOWN - 1] + "…"
    bomb.unlink()
    return (f"| {name} | {size / MB:.2f} MB | {inside / MB:.0f} MB | {worst_time:.2f} s "
            f"| {worst_cpu:.2f} s | {worst_memory:.0f} MB | {met} | {shown} |")  # fmt: skip


def main() -> None:
    """Parse the options, build and import every bomb, and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed imports of each bomb")
    parser.add_argument("--only", action="append", choices=sorted(BOMBS), help="these bombs")
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    parser.add_argument("--build", nargs=2, metavar=("BOMB", "FILE"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.build:  # in a process of its own (see measure)
        print(BOMBS[options.build[0]](Path(options.build[1])))
        return
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    rows = []
    with tempfile.TemporaryDirectory(prefix="cse-bombs-") as folder:
        for name in options.only or BOMBS:
            print(f"bench: {name}…", file=sys.stderr)
            rows.append(measure(name, options.repeats, Path(folder)))
    table = (
        f"{machine()}; the worst of {options.repeats} runs of each; goal: under "
        f"{GOAL_SECONDS:.0f} s and {GOAL_MB} MB\n\n"
        "| Bomb | File | Expanded | Wall | CPU | Peak memory | Goal met | Refused with |\n"
        "|---|--:|--:|--:|--:|--:|:-:|---|\n" + "\n".join(rows) + "\n"
    )
    print(table)
    if options.output is not None:
        options.output.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
