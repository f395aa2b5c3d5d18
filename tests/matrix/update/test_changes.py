"""What a merge asks of the repository (`cse_cli.matrix.update.changes`)."""

from __future__ import annotations

from cse_cli.matrix.update.changes import Change, Conflict, Merge, Target


def _added(title: str, row: int) -> Change:
    return Change(Target("1.1.2", "evidence"), None, {"title": title}, (row, 10))


def test_the_changes_asked_come_in_row_order_with_the_conflicts_the_sheet_wins() -> None:
    """An item the sheet brings back (row 14) lands before a new row below it (row 45)."""
    merge = Merge("three-way")
    merge.changes.append(_added("Sheet item 0", 45))
    brought_back = _added("Item 4", 14)
    merge.conflicts.append(Conflict(brought_back, "1.1.2's ID-4", "deleted", "changed", ""))
    assert [c.value["title"] for c in merge.asked(with_conflicts=True)] == [
        "Item 4",
        "Sheet item 0",
    ]
    assert [c.value["title"] for c in merge.asked(with_conflicts=False)] == ["Sheet item 0"]
