"""The order a collection's children and gaps are written in (`cse_cli.io.yaml_edit.units`)."""

from __future__ import annotations

from cse_cli.io.yaml_edit.tree import Box, Slot
from cse_cli.io.yaml_edit.units import in_new_order


def _slot(name: str, origin: int | None) -> Slot:
    return Slot(name, Box(None, value=name), origin)


def _names(units: list[Slot | str]) -> list[str]:
    return [unit if isinstance(unit, str) else str(unit.key) for unit in units]


def test_unchanged_children_keep_their_gaps_between_them() -> None:
    slots = [_slot("a", 0), _slot("b", 1), _slot("c", 2)]
    assert _names(in_new_order(slots, ["#1", "#2"])) == ["a", "#1", "b", "#2", "c"]


def test_a_move_swaps_which_child_fills_a_place_and_the_gaps_stay() -> None:
    slots = [_slot("c", 2), _slot("b", 1), _slot("a", 0)]
    assert _names(in_new_order(slots, ["#1", "#2"])) == ["c", "#1", "b", "#2", "a"]


def test_a_new_child_follows_the_child_before_it_or_comes_first() -> None:
    slots = [_slot("new0", None), _slot("a", 0), _slot("new1", None), _slot("b", 1)]
    assert _names(in_new_order(slots, ["#1"])) == ["new0", "a", "new1", "#1", "b"]


def test_a_removed_child_leaves_its_place_empty_and_the_gaps_stay() -> None:
    slots = [_slot("a", 0), _slot("c", 2)]
    assert _names(in_new_order(slots, ["#1", "#2"])) == ["a", "#1", "#2", "c"]
