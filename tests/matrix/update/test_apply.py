"""Changes made edits of element files: what a cell is in a file."""

from __future__ import annotations

from typing import Any

from cse_cli.io.yaml_edit import Delete, Set
from cse_cli.matrix.update.apply import file_edits
from cse_cli.matrix.update.changes import Change, Target

DATA: dict[str, dict[str, Any]] = {
    "1.1.1": {"element": "1.1.1", "evidence": [
        {"id": "ES-1", "title": "Survey", "path": "documents/survey.pdf", "notes": "Spring"},
        {"title": "Leaflet", "url": "https://example.org/l", "path": "documents/l.pdf"},
        {"title": "Poster"}]},
    "1.1.2": {"element": "1.1.2", "evidence": [{"ref": "ES-1"}]},
}  # fmt: skip
AT = (2, 1)


def _edits(*changes: Change) -> dict[str, list[Any]]:
    return {
        element: edits.edits(DATA[element])
        for element, edits in file_edits(list(changes), DATA).items()
    }


def _set(element: str, index: int, field: str, value: object) -> Change:
    return Change(Target(element, "evidence", index), field, value, AT)


def test_the_path_the_link_shows_is_no_part_of_the_notes() -> None:
    kept = _set("1.1.1", 0, "notes", "Autumn\nLocation: documents/survey.pdf")
    assert _edits(kept) == {"1.1.1": [Set(("evidence", 0, "notes"), "Autumn")]}
    only = _set("1.1.1", 0, "notes", "Location: documents/survey.pdf")
    assert _edits(only) == {"1.1.1": [Set(("evidence", 0, "notes"), None)]}


def test_notes_without_the_line_mean_the_link_no_longer_shows_the_path() -> None:
    typed = _set("1.1.1", 0, "notes", "Spring\nLocation: S:\\Shared\\survey.pdf")
    assert _edits(typed) == {"1.1.1": [
        Set(("evidence", 0, "notes"), "Spring\nLocation: S:\\Shared\\survey.pdf"),
        Set(("evidence", 0, "path"), None)]}  # fmt: skip


def test_a_web_address_cleared_clears_the_items_link() -> None:
    assert _edits(_set("1.1.1", 1, "url", None)) == {"1.1.1": [
        Set(("evidence", 1, "url"), None), Set(("evidence", 1, "path"), None)]}  # fmt: skip


def test_what_a_citing_item_shows_is_changed_where_the_id_is_defined() -> None:
    assert _edits(_set("1.1.2", 0, "owner", "AB"), _set("1.1.2", 0, "notes", "Cited")) == {
        "1.1.1": [Set(("evidence", 0, "owner"), "AB")],
        "1.1.2": [Set(("evidence", 0, "notes"), "Cited")],
    }


def test_values_set_then_items_deleted_from_the_last_then_added_at_the_end() -> None:
    changes = (
        Change(Target("1.1.1", "evidence"), None, {"title": "New"}, AT),
        Change(Target("1.1.1", "evidence", 0), None, None, AT),
        _set("1.1.1", 2, "title", "Posters"),
        Change(Target("1.1.1", "evidence", 1), None, None, AT),
        Change(Target("1.1.1"), "final", "partial", AT),
    )
    assert _edits(*changes) == {
        "1.1.1": [
            Set(("evidence", 2, "title"), "Posters"),
            Set(("final",), "partial"),
            Delete(("evidence", 1)),
            Delete(("evidence", 0)),
            Set(("evidence", 1), {"title": "New"}),
        ]
    }
