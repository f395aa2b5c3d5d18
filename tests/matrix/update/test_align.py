"""Items at the export matched to the items now: by id, else where they still read the same."""

from __future__ import annotations

from cse_cli.core.row_key import RowKey
from cse_cli.matrix.update.align import align, pairs
from cse_cli.matrix.update.rows import Row


def _rows(*items: tuple[str | None, str]) -> list[Row]:
    rows = []
    for position, (item_id, title) in enumerate(items, start=1):
        key = (
            RowKey("1.1.1", "evidence", id=item_id)
            if item_id
            else RowKey("1.1.1", "evidence", position=position)
        )
        rows.append(
            Row(
                position + 1,
                key,
                "1.1.1",
                item={"title": title} | ({"id": item_id} if item_id else {}),
            )
        )
    return rows


def test_pairs_are_the_runs_that_read_the_same() -> None:
    assert pairs(["a", "b", "c"], ["x", "a", "c"]) == [(0, 1), (2, 2)]
    assert pairs(["a"], ["b"]) == []  # replaced: another item, not the same one changed


def test_an_id_is_its_item_wherever_it_moved_and_the_rest_align_in_order() -> None:
    before = _rows(("ES-1", "Survey"), (None, "Leaflet"), (None, "Poster"))
    after = _rows((None, "New first"), (None, "Poster"), ("ES-1", "Survey, renamed"))
    matched = align(before, after)
    assert matched == {
        RowKey("1.1.1", "evidence", id="ES-1"): RowKey("1.1.1", "evidence", id="ES-1"),
        RowKey("1.1.1", "evidence", position=3): RowKey("1.1.1", "evidence", position=2),
    }  # the leaflet was deleted; the new first item is no one's
