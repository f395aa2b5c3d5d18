"""A council's evidence matrix as teams keep it: colour key, title, merged cells, recurring ids."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill

KEY = {"Library": "FFFFFF00", "Contact Centre": "FF9BC2E6", "Housing": "FFA9D08E"}
ROWS = [  # element, wording, evidence, owner, notes, service
    (
        "1.1.1",
        "We have an in-depth understanding of the characteristics of our current and",
        "ES 1 Customer segmentation report 2025",
        "JS",
        "Strongest",
        "Library",
    ),
    (None, None, "ES 2 Various customer surveys", "AB", None, "Contact Centre"),
    (None, None, "Housing register analysis", "CD", "Refresh due", "Housing"),
    ("1.1.2", None, "ES 2 Various customer surveys", "AB", "Use the 2025 wave", "Contact Centre"),
    ("1.1.3", None, "ES 3 Consultation with hard to reach groups", "JS", None, "Library"),
    (None, None, "ES 1 Customer segmentation report 2025", "JS", None, "Library"),
]


def make(folder: Path) -> Path:
    """Write matrix.xlsx into `folder` and return its path."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Evidence Matrix"
    sheet["A1"] = "Key:"
    for column, (service, colour) in enumerate(KEY.items(), start=2):
        cell = sheet.cell(1, column, service)
        cell.fill = PatternFill("solid", fgColor=colour)
    sheet["A2"] = "Anytown Council - Customer Service Excellence evidence matrix"
    sheet.merge_cells("A2:E2")
    for column, header in enumerate(["Ref", "Element", "Evidence", "Owner", "Notes"], start=1):
        sheet.cell(4, column, header)
    sheet["A5"] = "Criterion 1: Customer Insight"
    sheet.merge_cells("A5:E5")
    sheet["A6"] = 1.1  # Excel made a number of the sub-criterion "1.1"
    sheet["B6"] = "Customer Identification"
    row = 7
    starts: dict[str, int] = {}
    for element, wording, evidence, owner, notes, service in ROWS:
        if element is not None:
            starts[element] = row
            sheet.cell(row, 1, element)
            if wording:
                sheet.cell(row, 2, wording)
        sheet.cell(row, 3, evidence).fill = PatternFill("solid", fgColor=KEY[service])
        sheet.cell(row, 4, owner)
        if notes:
            sheet.cell(row, 5, notes)
        row += 1
    sheet.merge_cells(f"A{starts['1.1.1']}:A{starts['1.1.2'] - 1}")
    sheet.merge_cells(f"B{starts['1.1.1']}:B{starts['1.1.2'] - 1}")
    sheet.merge_cells(f"A{starts['1.1.3']}:A{row - 1}")
    path = folder / "matrix.xlsx"
    book.save(path)
    return path
