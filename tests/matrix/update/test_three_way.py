"""The three-way merge, cell by cell: the base, the sheet and the repository now, as rows."""

from __future__ import annotations

from typing import Any

from cse_cli.io.resources import load_standard
from cse_cli.matrix.update.changes import Change, Merge, Target
from cse_cli.matrix.update.rows import Rows, read_rows, sheet_of
from cse_cli.matrix.update.three_way import merge_three

KNOWN = set(load_standard().element_ids())
HEADERS = ("Element", "Final", "Evidence ID", "Evidence", "Owner", "Notes", "Delete", "cse key")
BASE = [
    ("1.1.1", "Full", None, None, "Head", None, None, "1.1.1 element"),
    ("1.1.1", "Full", "ES-1", "Survey", "JS", None, None, "1.1.1 evidence ES-1"),
    ("1.1.1", "Full", None, "Complaints log", None, None, None, "1.1.1 evidence #2"),
    ("1.1.2", "Partial", "ES-1", "Survey", "JS", "The 2025 wave", None, "1.1.2 evidence #1"),
]


def _rows(rows: list[tuple[Any, ...]], name: str = "sheet") -> Rows:
    return read_rows(sheet_of("m.xlsx", name, HEADERS, rows), {}, KNOWN)


def _merge(sheet: list[tuple[Any, ...]], now: list[tuple[Any, ...]] = BASE) -> tuple[Merge, Rows]:
    read = _rows(sheet)
    return merge_three(read, _rows(BASE, "base"), _rows(now, "now")), read


def _with(
    row: int, column: str, value: object, rows: list[tuple[Any, ...]] = BASE
) -> list[tuple[Any, ...]]:
    changed = [list(r) for r in rows]
    changed[row][HEADERS.index(column)] = value
    return [tuple(r) for r in changed]


def _said(read: Rows) -> list[str]:
    return [str(problem) for problem in read.sheet.problems]


def test_a_cell_changed_only_in_the_sheet_is_applied_and_the_rest_asks_nothing() -> None:
    merge, read = _merge(_with(2, "Owner", "CD")[1:3])  # two rows only: the others cut out
    assert merge.changes == [Change(Target("1.1.1", "evidence", 1), "owner", "CD", (3, 5))]
    assert merge.conflicts == []
    assert _said(read) == []


def test_a_cell_the_repository_changed_the_same_way_asks_nothing() -> None:
    sheet = _with(2, "Owner", "CD")
    merge, _ = _merge(sheet, now=sheet)
    assert (merge.changes, merge.conflicts) == ([], [])


def test_an_item_the_repository_inserted_before_does_not_move_the_change() -> None:
    now = [
        BASE[0],
        ("1.1.1", "Full", None, "New first", None, None, None, "1.1.1 evidence #1"),
        BASE[1],
        ("1.1.1", "Full", None, "Complaints log", None, None, None, "1.1.1 evidence #3"),
        BASE[3],
    ]
    merge, _ = _merge(_with(2, "Notes", "Kept at reception"), now)
    assert merge.changes == [
        Change(Target("1.1.1", "evidence", 2), "notes", "Kept at reception", (4, 6))
    ]


def test_one_row_changing_a_rating_changes_it_and_two_disagreeing_are_an_error() -> None:
    merge, _ = _merge(_with(2, "Final", "Partial"))
    assert merge.changes == [Change(Target("1.1.1"), "final", "partial", (4, 2))]
    _, read = _merge(_with(2, "Final", "Partial", _with(1, "Final", "Compliance Plus")))
    assert _said(read) == [
        "m.xlsx:sheet!B4: error: 1.1.1's Final is Compliance Plus in row 3 and Partial "
        "Compliance in row 4: an element has one rating per stage; give the same in both rows, "
        "or leave one as exported"
    ]


def test_a_row_citing_an_id_keeps_its_notes_and_not_what_it_shows_of_the_item() -> None:
    merge, read = _merge(_with(3, "Notes", "The 2026 wave", _with(3, "Owner", "XY")))
    assert merge.changes == [
        Change(Target("1.1.2", "evidence", 0), "notes", "The 2026 wave", (5, 6))
    ]
    assert _said(read) == [
        "m.xlsx:sheet!E5: warning: the row cites ES-1, defined on another row, so its Owner 'XY' "
        "is not kept: change it on ES-1's own row"
    ]


def test_a_row_is_deleted_only_when_marked_and_not_over_a_change() -> None:
    merge, _ = _merge(_with(2, "Delete", "delete"))
    assert merge.changes == [Change(Target("1.1.1", "evidence", 1), None, None, (4, 7))]
    merge, _ = _merge(_with(2, "Delete", "delete"), now=_with(2, "Owner", "CD"))
    assert merge.changes == []
    assert [c.said for c in merge.conflicts] == [
        "the sheet deletes it, and the repository changed it since the export"
    ]


def test_a_change_to_an_item_deleted_since_is_a_conflict_that_adds_it_back() -> None:
    merge, _ = _merge(_with(2, "Owner", "CD"), now=[BASE[0], BASE[1], BASE[3]])
    (conflict,) = merge.conflicts
    assert conflict.said == "the sheet changes it, and the repository deleted it since the export"
    assert conflict.change == Change(
        Target("1.1.1", "evidence"), None, {"title": "Complaints log", "owner": "CD"}, (4, 4)
    )


def test_new_rows_add_items_citing_the_ids_that_exist() -> None:
    new = [("1.1.3", None, "ES-1", "Survey", None, "Seen too", None, None),
           ("1.1.3", None, "NEW-1", "Poster", None, None, None, None),
           (None, None, "NEW-1", "Poster", None, None, None, None)]  # fmt: skip
    merge, _ = _merge([*BASE, *new])
    assert [change.value for change in merge.changes] == [
        {"ref": "ES-1", "notes": "Seen too"},
        {"id": "NEW-1", "title": "Poster"},
        {"ref": "NEW-1"},  # the row above gives its element
    ]


def test_the_element_own_row_gives_its_owner_and_deleting_it_clears_it() -> None:
    merge, _ = _merge(_with(0, "Owner", "Director"))
    assert merge.changes == [Change(Target("1.1.1"), "owner", "Director", (2, 5))]
    merge, _ = _merge(_with(0, "Delete", "delete"))
    assert merge.changes == [Change(Target("1.1.1"), "owner", None, (2, 5))]


def test_a_key_given_twice_or_not_in_the_base_is_an_error() -> None:
    _, read = _merge([*BASE, BASE[2], _with(2, "cse key", "1.1.1 evidence #7")[2]])
    assert _said(read) == [
        "m.xlsx:sheet!H6: error: the row has the same key as row 4 (1.1.1 evidence #2): keep "
        "one of the two, or clear this row's key to add it as a new row",
        "m.xlsx:sheet!H7: error: the key '1.1.1 evidence #7' is not in the sheet's base: the cse "
        "key column was edited; clear the cell to add the row as a new one",
    ]


def test_a_conflict_is_at_the_cell_of_the_items_title() -> None:
    sheet = _with(1, "Evidence", "Survey 2025", _with(2, "Evidence ID", "ES-9"))
    now = _with(1, "Evidence", "Survey 2026", _with(2, "Evidence ID", "ES-8"))
    merge, read = _merge(sheet, now)
    assert _said(read) == []
    assert [(c.what, c.change.place) for c in merge.conflicts] == [
        ("1.1.1's evidence ES-1: Evidence", (3, 4)),
        ("1.1.1's evidence 'Complaints log'", (4, 4)),  # it has an id now: another item
    ]


def test_an_item_is_placed_in_its_own_list_not_after_another_lists_items() -> None:
    headers = ("Element", "Evidence ID", "Evidence", "On-site ID", "On site", "Person", "cse key")
    base = [
        ("1.1.1", "ES-1", "Survey", None, None, None, "1.1.1 evidence ES-1"),
        ("1.1.1", "ES-2", "Plan", None, None, None, "1.1.1 evidence ES-2"),
        ("1.1.1", None, None, None, "The front desk", "Adviser", "1.1.1 on_site #1"),
    ]

    def rows(given: list[tuple[Any, ...]], name: str) -> Rows:
        return read_rows(sheet_of("m.xlsx", name, headers, given), {}, KNOWN)

    sheet = [*base[:2], ("1.1.1", None, None, None, "The front desk", "Manager", base[2][-1])]
    merge = merge_three(rows(sheet, "sheet"), rows(base, "base"), rows(base, "now"))
    assert merge.changes == [Change(Target("1.1.1", "on_site", 0), "person", "Manager", (4, 6))]
