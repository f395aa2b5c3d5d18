"""The order a collection's children and the gaps between them are written in.

A gap is the run of whole-line comments and blank lines between two children
read from the file; it belongs to its place, not to either child.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cse_cli.io.yaml_edit.tree import Slot


def in_new_order(slots: list[Slot], gaps: list[str]) -> list[Slot | str]:
    """The children and gaps of a collection in their new order.

    The children read from the file keep their places (a move swaps which child
    fills which place); gaps stay between the places; a new child follows the
    child before it in the new order, or comes first.
    """
    kept = [slot for slot in slots if slot.origin is not None]
    places = dict(zip(sorted(s.origin for s in kept if s.origin is not None), kept, strict=True))
    following: dict[int, list[Slot]] = {}
    last = -1
    for slot in slots:
        if slot.origin is None:
            following.setdefault(last, []).append(slot)
        else:
            last = id(slot)
    units: list[Slot | str] = [*following.get(-1, [])]
    for place in range(len(gaps) + 1):
        if place in places:
            units.append(places[place])
            units.extend(following.get(id(places[place]), []))
        if place < len(gaps):
            units.append(gaps[place])
    return units
