"""`cse export --layout self-assessment`: the workbook as openpyxl and LibreOffice read it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import openpyxl

from tests.helpers import ANYTOWN, run, write_repo

if TYPE_CHECKING:
    from pathlib import Path

HEADER = [
    "Ref", "Show Me (Hard Evidence)", "Ref", "Tell Me (See On Site)", "Self Ass", "Assessor",
    "Assessor Comments",
]  # fmt: skip


def _export(root: Path, out: Path) -> Path:
    result = run("export", str(root), "--layout", "self-assessment", "--format", "xlsx",
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return out


def test_a_sheet_per_criterion_and_a_block_per_element(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_export(ANYTOWN, tmp_path / "sa.xlsx"))
    assert book.sheetnames == [f"Criterion {n}" for n in range(1, 6)]
    sheet = book["Criterion 1"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Customer Service Excellence: self-assessment"
    assert rows[1][0] == "Anytown Borough Council – Customer Services"
    assert rows[2][0] == "Criterion 1: Customer Insight"
    starts = [n for n, row in enumerate(rows) if str(row[0]).startswith("Element ")]
    assert len(starts) == 11
    first = starts[0]
    assert str(rows[first][0]).startswith("Element 1.1.1 We have an in-depth understanding")
    assert str(rows[first + 1][0]).startswith("GUIDANCE: ")
    assert rows[first + 2] == HEADER
    assert rows[first + 3] == [
        "AT-1.1.1", "Customer Identification – contact centre evidence for 1.1.1",
        "AT-TM-CC-FLOOR",
        "Advisers show how the caller profile screen records each customer group",
        "Partial", "Partial", None,
    ]  # fmt: skip
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {f"A{first + 1}:G{first + 1}", f"A{first + 2}:G{first + 2}"} <= merged
    assert sheet[f"A{first + 1}"].font.b
    assert sheet[f"A{first + 3}"].font.b
    assert sheet[f"B{first + 4}"].font.b is False


def test_the_same_evidence_gives_the_same_bytes_and_no_formula(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {
        "evidence/1.1.1.yaml": 'element: "1.1.1"\nevidence: [{title: "=HYPERLINK(1)"}]\n'
    })  # fmt: skip
    one = _export(root, tmp_path / "one.xlsx").read_bytes()
    two = _export(root, tmp_path / "two.xlsx").read_bytes()
    assert one == two
    sheet = openpyxl.load_workbook(tmp_path / "one.xlsx")["Criterion 1"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "=HYPERLINK(1)")
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_a_text_import_could_not_read_back_is_refused_and_csv_too(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {
        "evidence/1.1.2.yaml": 'element: "1.1.2"\non_site: [{title: "  "}]\n'
    })  # fmt: skip
    out = tmp_path / "sa.xlsx"
    result = run("export", str(root), "--layout", "self-assessment", "--format", "xlsx",
                 "-o", str(out))  # fmt: skip
    assert (result.exit_code, out.exists()) == (2, False)
    assert result.stderr == (
        "cse: error: 1.1.2's Tell Me (See On Site) in row 1 of its block (Criterion 1) is "
        "white space alone, which a spreadsheet shows as an empty cell: give it words\n"
    )
    csv = run("export", str(root), "--layout", "self-assessment", "--format", "csv")
    assert (csv.exit_code, csv.stdout) == (2, "")
    assert (
        csv.stderr == "cse: error: --layout self-assessment writes a workbook: use --format xlsx\n"
    )


def test_a_ref_import_would_read_as_a_guidance_or_an_element_row_is_refused(
    tmp_path: Path,
) -> None:
    root = write_repo(tmp_path / "repo", {
        "evidence/1.1.1.yaml": 'element: "1.1.1"\nevidence: [{id: GUIDANCE-1, title: Notes}]\n',
        "evidence/1.1.3.yaml": 'element: "1.1.3"\nevidence: [{id: "1.1.2", title: We do}]\n',
        "evidence/1.2.1.yaml": 'element: "1.2.1"\nevidence: [{id: "1.2.1a", title: We do}]\n',
    })  # fmt: skip
    out = tmp_path / "sa.xlsx"
    result = run("export", str(root), "--layout", "self-assessment", "--format", "xlsx",
                 "-o", str(out))  # fmt: skip
    assert (result.exit_code, out.exists()) == (2, False)
    assert result.stderr.splitlines() == [
        "cse: error: 1.1.1's Ref 'GUIDANCE-1' in row 1 of its block (Criterion 1) would read "
        "back as a GUIDANCE row, not as evidence: give the item another id",
        "cse: error: 1.1.3's Ref '1.1.2' in row 1 of its block (Criterion 1) would read back "
        "as the row of element 1.1.2, not as evidence: give the item another id",
    ]
