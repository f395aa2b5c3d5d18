"""`changes`: the edits between two versions of the data, which turn one into the other."""

from __future__ import annotations

from typing import Any

from hypothesis import event, given
from hypothesis import strategies as st

from cse_cli.io.yaml_edit import Delete, Insert, Set, changes
from cse_cli.io.yaml_edit.edits import same, spell
from tests.yaml_model import model, stripped

LEAVES = st.one_of(st.sampled_from(["a", "b", "yes", ""]), st.integers(0, 3), st.booleans())
DATA = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["k", "l", "m"]), st.none() | inner, max_size=3)
    ),
    max_leaves=10,
)


def _leaves(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(data, dict):
        return [p for k, v in data.items() if v is not None for p in _leaves(v, (*path, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _leaves(v, (*path, i))]
    return [path]


@given(DATA, DATA)
def test_the_changes_turn_the_old_data_into_the_new(old: object, new: object) -> None:
    found = changes(old, new)
    event(f"{min(len(found), 5)} edits")
    data = old
    for edit in found:
        data = model(data, edit)
    assert same(stripped(data), stripped(new))  # a key whose value is None counts as absent


@given(st.dictionaries(st.sampled_from(["k", "l", "m"]), DATA, min_size=1), st.data())
def test_one_value_changed_is_one_edit(old: dict[str, Any], data: st.DataObject) -> None:
    leaves = _leaves(old)
    if not leaves:
        return
    path = data.draw(st.sampled_from(leaves))
    value = data.draw(LEAVES.filter(lambda v: not same(v, _at(old, path))))
    new = model(old, Set(path, value))
    event("inside a list" if any(isinstance(p, int) for p in path) else "in mappings only")
    assert changes(old, new) == [Set(path, value)]


@given(st.lists(DATA, min_size=1, max_size=6), st.data())
def test_one_item_removed_or_added_is_one_edit(items: list[object], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(items) - 1))
    shorter = items[:index] + items[index + 1 :]
    assert [type(e) for e in changes({"l": items}, {"l": shorter})] == [Delete]
    assert [type(e) for e in changes({"l": shorter}, {"l": items})] == [Insert]


def test_none_is_the_same_as_absent_both_ways() -> None:
    assert changes({"owner": None}, {}) == []
    assert changes({}, {"owner": None}) == []
    assert changes({"owner": "Jo"}, {"owner": None}) == [Delete(("owner",))]
    assert changes({"owner": None}, {"owner": "Jo"}) == [Set(("owner",), "Jo")]


def test_types_count() -> None:
    assert changes({"k": 1}, {"k": True}) == [Set(("k",), True)]
    assert changes({"k": 1}, {"k": 1.0}) == [Set(("k",), 1.0)]
    assert changes({"k": "1"}, {"k": 1}) == [Set(("k",), 1)]


def test_paths_are_spelt_as_the_user_reads_them() -> None:
    assert spell(("evidence", 2, "date")) == "evidence[2].date"
    assert spell(()) == "the file"


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def test_long_lists_are_aligned_too() -> None:
    old: list[object] = [{"title": f"item {i}"} for i in range(300)]
    new = [*old[:10], "inserted", *old[11:150], {"title": "changed"}, *old[151:]]
    found = changes({"l": old}, {"l": new})
    data: object = {"l": old}
    for edit in found:
        data = model(data, edit)
    assert same(data, {"l": new})
    assert len(found) <= 4
