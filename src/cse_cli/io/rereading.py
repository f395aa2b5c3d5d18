"""Reading a repository again after some of its files changed, from what the last reading did.

`cse history --range` reads the repository at every commit, and the editor
after every edit (cse_cli.io.editing). When only element files changed, and
each still defines the ids and takes the element it did, every other file reads
as it did: the last reading is patched with those files read again. Otherwise
the repository is read whole, each file's reading kept from before (in the
`Memo`) while the questions it asked get the same answers. Either way the
result is what reading every file afresh gives: tests/io/test_history_reader.py
and tests/io/test_editing.py compare the two.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.evidence_folder import element_files, readable_bytes
from cse_cli.io.memo import Trace
from cse_cli.io.repository import RepositoryReader
from cse_cli.io.reviews import REVIEWS_DIR
from cse_cli.io.root import CONFIG_FILE
from cse_cli.rules import repository_limits

if TYPE_CHECKING:
    from collections.abc import Collection

    from cse_cli.core.standard import Standard
    from cse_cli.io.memo import Memo, RepositoryRead, Versioned
    from cse_cli.rules.context import Place


def read_again(
    last: RepositoryRead | None,
    tree: Versioned,
    changed: Collection[str],
    standard: Standard,
    memo: Memo,
) -> RepositoryRead:
    """The repository now (`tree`), where the files `changed` are all that changed since `last`."""
    found = None if last is None else patched(last, tree, changed, standard, memo)
    if found is None:
        found = RepositoryReader(tree, standard, cached=(tree, memo)).read()
    return found


def patched(
    last: RepositoryRead,
    tree: Versioned,
    changed: Collection[str],
    standard: Standard,
    memo: Memo,
) -> RepositoryRead | None:
    """The last reading with the element files changed read again; None unless that is enough.

    Enough when cse.yaml, the review files and the set of paths are as they were,
    and each element file changed defines the same ids, takes the same element
    and makes the same `ref:`s as before, within the repository's limits.
    """
    places = _changed(last, tree, changed)
    if places is None or last.trace is None:
        return None
    if not places:
        return last
    prefix = last.trace.prefix
    reader = RepositoryReader(tree, standard, cached=(tree, memo))
    reader.config, reader.cycle_known = last.evidence.config, last.cycle_known
    files = element_files(tree.listdir(prefix.rstrip("/")) or [], reader.known, memo.orders)
    if repository_limits.files_and_bytes(prefix, len(files), readable_bytes(files)) is not None:
        return None
    outcomes = list(last.trace.outcomes)
    ids: dict[str, Place] = {}
    elements: dict[str, str] = {}
    done = 0
    for at in places:
        for _, outcome in outcomes[done:at]:  # what the files before file `at` define and take
            ids.update(outcome.ids)
            if outcome.element is not None:
                elements[outcome.element.element_id] = outcome.element.file
        done = at
        entry = files[at]
        key = reader.key(prefix + entry.name, entry.kind)
        alone = reader.element(prefix, entry, key, ids, elements)
        was = outcomes[at][1]
        if alone is None or alone.effects != was.effects or alone.refs != was.refs:
            return None
        outcomes[at] = (key, alone)
    values, items = (sum(outcome.read[i] for _, outcome in outcomes) for i in (0, 1))
    if repository_limits.values_and_items(values, items) is not None:
        return None
    return last.updated(Trace(prefix, tuple(outcomes)))


def _changed(last: RepositoryRead, tree: Versioned, changed: Collection[str]) -> list[int] | None:
    """The places of the element files changed, or None if anything else read changed."""
    if last.trace is None or last.paths != tree.paths or last.config != tree.oid(CONFIG_FILE):
        return None
    places_of, prefix = last.trace.places, last.trace.prefix
    places = []
    for rel in changed:
        at = places_of.get(rel)
        if at is not None:
            places.append(at)
        elif rel == CONFIG_FILE or rel.startswith((prefix, REVIEWS_DIR + "/")):
            return None
    return sorted(places)
