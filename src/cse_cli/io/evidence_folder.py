"""The evidence folder: found from cse.yaml's `evidence_dir`, and its element files in order.

What the folder holds besides element files is named in warnings by the rule
cse_cli.rules.evidence_folder; a folder that cannot be used, by
cse_cli.rules.evidence_dir.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.limits import MAX_FILE_BYTES
from cse_cli.io.tree import Refusal, Unreadable, Why, clean
from cse_cli.rules import evidence_dir, evidence_folder
from cse_cli.rules.file_names import ELEMENT_SUFFIXES

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from cse_cli.core.problems import Problem
    from cse_cli.io.tree import Entry, Tree


def listed(tree: Tree, wanted: str) -> tuple[str, list[Entry]] | str:
    """The evidence folder `wanted`, cleaned, with its entries; or why it cannot be read."""
    cleaned = clean(wanted)
    why = evidence_dir.refusal(cleaned)
    if why is not None or cleaned is None:
        return why or ""
    try:
        entries = tree.listdir(cleaned)
    except Unreadable as exc:
        return str(exc.refusal)
    refusal = tree.check_file(cleaned) if entries is None else None
    if entries is None and (refusal is None or refusal.why is Why.FOLDER):
        refusal = Refusal(Why.NOT_FOLDER)
    return str(refusal) if refusal is not None else (cleaned, entries or [])


def element_files(
    entries: list[Entry], known: Collection[str], orders: dict[tuple[str, ...], list[str]] | None
) -> list[Entry]:
    """The entries that are element files, in the order they are read (kept in `orders`).

    Files named after an element first, so that when two files give the same
    element, the one named for it is kept and the other is reported.
    """
    names = tuple(entry.name for entry in entries)
    order = orders.get(names) if orders is not None else None
    if order is None:
        order = sorted(
            (n for n in names if n.endswith(ELEMENT_SUFFIXES) and not n.startswith(".")),
            key=lambda name: (name.rsplit(".", 1)[0] not in known, name),
        )
        if orders is not None:
            orders[names] = order
    by_name = {entry.name: entry for entry in entries}
    return [by_name[name] for name in order]


def readable_bytes(files: list[Entry]) -> int:
    """The bytes of the element files within one file's limit (each of the rest is reported)."""
    return sum(entry.size for entry in files if entry.size <= MAX_FILE_BYTES)


def not_read(tree: Tree, prefix: str, entries: list[Entry]) -> list[Problem]:
    """Warnings for what looks like element files in the folder that cse will not read."""
    problems = []
    for entry in entries:
        if not entry.name.startswith(".") and not entry.name.endswith(ELEMENT_SUFFIXES):
            inside = _names(tree, prefix + entry.name) if entry.kind == "dir" else None
            problem = evidence_folder.not_read(prefix, entry.name, inside)
            if problem is not None:
                problems.append(problem)
    return problems


def _names(tree: Tree, rel: str) -> Callable[[], list[str]]:
    def names() -> list[str]:
        try:
            return [entry.name for entry in tree.listdir(rel) or []]
        except Unreadable:
            return []

    return names
