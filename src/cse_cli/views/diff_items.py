"""Evidence items and development points, matched between two versions of an element.

Items (evidence items, or on-site items: each list compared on its own) are
matched within an element by `id`, else by the id they cite (`ref:`), else by
title (the n-th item of a title with the n-th); points by their wording.
Part of `cse diff`'s comparison (cse_cli.views.diff).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile, EvidenceItem, OnSiteItem


@dataclass(frozen=True)
class Item:
    """An evidence or on-site item, named by its id (or the id it cites) and its title."""

    element: str
    id: str | None
    title: str | None


@dataclass(frozen=True)
class PointChange:
    """A development point that was opened, or addressed (or removed while open)."""

    element: str
    point: str
    status: str


def _items(
    element_id: str, element: ElementFile, titles: dict[str, str | None], listed: str
) -> dict[tuple[str, str, int], tuple[Item, object]]:
    """Each item of an element's list `listed` by its key, with what it holds (to see changes)."""
    seen: Counter[tuple[str, str]] = Counter()
    items: dict[tuple[str, str, int], tuple[Item, object]] = {}
    written: list[EvidenceItem] | list[OnSiteItem] = getattr(element, listed)
    for item in written:
        if item.ref is not None:
            kind, name, named = "ref", item.ref, Item(element_id, item.ref, titles.get(item.ref))
        elif item.id is not None:
            kind, name, named = "id", item.id, Item(element_id, item.id, item.title)
        else:
            kind, name, named = "title", item.title or "", Item(element_id, None, item.title)
        seen[kind, name] += 1
        items[kind, name, seen[kind, name]] = (named, item)  # models compare field by field
    return items


def evidence_changes(
    old: dict[str, ElementFile],
    new: dict[str, ElementFile],
    order: dict[str, int],
    old_titles: dict[str, str | None],
    new_titles: dict[str, str | None],
    listed: str = "evidence",
) -> tuple[tuple[Item, ...], tuple[Item, ...], tuple[Item, ...]]:
    """The items of one list added, removed and changed, element by element in order.

    `listed` is `evidence` or `on_site`; the titles name what a `ref:` cites.
    """
    added: list[Item] = []
    removed: list[Item] = []
    changed: list[Item] = []
    for element_id in sorted(old.keys() | new.keys(), key=order.__getitem__):
        before = (
            _items(element_id, old[element_id], old_titles, listed) if element_id in old else {}
        )
        after = _items(element_id, new[element_id], new_titles, listed) if element_id in new else {}
        added += [after[key][0] for key in after if key not in before]
        removed += [before[key][0] for key in before if key not in after]
        changed += [
            after[key][0] for key in after if key in before and after[key][1] != before[key][1]
        ]
    return tuple(added), tuple(removed), tuple(changed)


def point_changes(
    old: dict[str, ElementFile],
    new: dict[str, ElementFile],
    both: list[str],
    order: dict[str, int],
) -> tuple[tuple[PointChange, ...], tuple[PointChange, ...]]:
    """Points open now and not before; points open before and addressed or removed now."""
    opened: list[PointChange] = []
    addressed: list[PointChange] = []
    for element_id in sorted(old.keys() | new.keys(), key=order.__getitem__):
        was = _statuses(old.get(element_id))
        now = _statuses(new.get(element_id))
        opened += [
            PointChange(element_id, point, "open")
            for point, status in now.items()
            if status == "open" and was.get(point) != "open"
        ]
        if element_id in both:
            addressed += [
                PointChange(element_id, point, now.get(point, "removed"))
                for point, status in was.items()
                if status == "open" and now.get(point) != "open"
            ]
    return tuple(opened), tuple(addressed)


def _statuses(element: ElementFile | None) -> dict[str, str]:
    if element is None:
        return {}
    statuses: dict[str, str] = {}
    for point in element.development_points:
        statuses.setdefault(point.point, point.status)
    return statuses
