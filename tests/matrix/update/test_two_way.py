"""The two-way merge over what recognition gives: it adds and changes, and never deletes."""

from __future__ import annotations

from typing import Any

from cse_cli.matrix.cells import Sheet
from cse_cli.matrix.recognise import Matrix
from cse_cli.matrix.update.changes import Change, Target
from cse_cli.matrix.update.two_way import merge_two

CELLS = Sheet("m.xlsx", "M")


def _matrix(elements: dict[str, dict[str, Any]], deleted: int = 0) -> Matrix:
    return Matrix(elements=elements, places=dict.fromkeys(elements, (2, 1)), deleted=[0] * deleted)


NOW = _matrix({
    "1.1.1": {"element": "1.1.1", "final": "full", "evidence": [
        {"id": "ES-1", "title": "Survey", "owner": "JS"}, {"title": "Complaints log"}]},
    "1.1.2": {"element": "1.1.2", "evidence": [{"ref": "ES-1", "notes": "The 2025 wave"}]},
})  # fmt: skip


def test_values_given_are_set_and_values_not_given_never_cleared() -> None:
    element = {"element": "1.1.1", "final": "partial", "owner": None,
               "evidence": [{"title": "Complaints log", "owner": "CD"}]}  # fmt: skip
    sheet = _matrix({"1.1.1": element})
    merge = merge_two(sheet, NOW, CELLS)
    assert merge.changes == [
        Change(Target("1.1.1"), "final", "partial", (2, 1)),
        Change(Target("1.1.1", "evidence", 1), "owner", "CD", (2, 1)),
    ]


def test_an_item_not_in_the_repository_is_added_and_a_retitled_one_too() -> None:
    sheet = _matrix({"1.1.1": {"element": "1.1.1",
                               "evidence": [{"title": "Complaints log, 2026"}]}})  # fmt: skip
    merge = merge_two(sheet, NOW, CELLS)
    assert merge.changes == [
        Change(Target("1.1.1", "evidence"), None, {"title": "Complaints log, 2026"}, (2, 1))
    ]


def test_an_id_is_compared_where_the_repository_defines_it_and_cited_where_it_is_not() -> None:
    # recognition defines ES-1 at its first row: here in 1.1.2, where the repository cites it
    sheet = _matrix({
        "1.1.2": {"element": "1.1.2", "evidence": [
            {"id": "ES-1", "title": "Survey", "owner": "AB", "notes": "The 2026 wave"}]},
        "1.1.3": {"element": "1.1.3", "evidence": [{"ref": "ES-1", "notes": "Also here"}]},
    })  # fmt: skip
    merge = merge_two(sheet, NOW, CELLS)
    assert merge.changes == [
        Change(Target("1.1.2", "evidence", 0), "notes", "The 2026 wave", (2, 1)),
        Change(Target("1.1.3", "evidence"), None, {"ref": "ES-1", "notes": "Also here"}, (2, 1)),
        Change(Target("1.1.1", "evidence", 0), "owner", "AB", (2, 1)),
    ]


def test_rows_marked_delete_are_counted_not_deleted() -> None:
    merge = merge_two(_matrix({}, deleted=2), NOW, CELLS)
    assert (merge.changes, merge.deletes_not_made) == ([], 2)


def test_any_list_merges_the_same_way() -> None:
    """A list a layout adds (on-site evidence, development points) needs no code of its own."""
    now = _matrix({"1.1.1": {"element": "1.1.1", "on_site": [{"title": "Front desk"}],
                             "development_points": ["Publish complaint patterns"]}})  # fmt: skip
    element = {
        "element": "1.1.1",
        "on_site": [{"title": "Front desk", "person": "Adviser"}],
        "development_points": ["Publish complaint patterns", "Train staff"],
    }
    sheet = _matrix({"1.1.1": element})
    assert merge_two(sheet, now, CELLS).changes == [
        Change(Target("1.1.1", "on_site", 0), "person", "Adviser", (2, 1)),
        Change(Target("1.1.1", "development_points"), None, "Train staff", (2, 1)),
    ]


def test_an_item_given_twice_is_a_duplicated_row() -> None:
    cells = Sheet("m.xlsx", "M")
    item = {"title": "Complaints log", "owner": "CD"}
    merge_two(_matrix({"1.1.1": {"element": "1.1.1", "evidence": [item, dict(item)]}}), NOW, cells)
    assert [str(p) for p in cells.problems] == [
        "m.xlsx:M!A2: error: 1.1.1 has the same evidence twice ('Complaints log'): a row copied? "
        "delete the copy"
    ]


def test_each_elements_changes_and_problems_are_on_its_own_sheet() -> None:
    cells, other = Sheet("m.xlsx", "M"), Sheet("m.xlsx", "Criterion 1")
    item = {"title": "Complaints log", "owner": "CD"}
    sheet = _matrix({"1.1.1": {"element": "1.1.1", "final": "partial", "evidence": [item, item]}})
    merge = merge_two(sheet, NOW, cells, {"1.1.1": other}.get)
    assert [str(p) for p in cells.problems] == [
        "m.xlsx:Criterion 1!A2: error: 1.1.1 has the same evidence twice ('Complaints log'): a "
        "row copied? delete the copy"
    ]
    assert {change.sheet.name for change in merge.changes if change.sheet} == {"Criterion 1"}
    assert len(merge.changes) == 3  # the rating, the owner, and the copy added
