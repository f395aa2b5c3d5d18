"""Reading a repository again: patched from the last reading when only element files changed.

Whether the result is right is proven in test_history_reader.py and test_editing.py,
which compare it with reading every file afresh; here, when the shortcut is taken.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from cse_cli.io.memo import Memo
from cse_cli.io.repository import RepositoryReader
from cse_cli.io.rereading import patched, read_again
from cse_cli.io.resources import load_standard
from cse_cli.io.snapshot import SnapshotTree
from cse_cli.io.tree import DirTree
from tests.helpers import BOLTON

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.io.memo import RepositoryRead

STANDARD = load_standard()
RATED = "evidence/1.1.1.yaml"
DEFINES = "evidence/1.2.2.yaml"  # defines YOU-SAID-WE-DID, which three other files cite


def _read(tmp_path: Path) -> tuple[SnapshotTree, Memo, RepositoryRead]:
    root = shutil.copytree(BOLTON, tmp_path / "bolton")
    tree, memo = SnapshotTree(DirTree(root)), Memo()
    return tree, memo, RepositoryReader(tree, STANDARD, cached=(tree, memo)).read()


def _with(tree: SnapshotTree, rel: str, old: bytes, new: bytes) -> SnapshotTree:
    raw = tree.read(rel) or b""
    assert old in raw
    return tree.with_file(rel, raw.replace(old, new, 1))


def test_an_element_file_that_defines_and_takes_what_it_did_is_patched(tmp_path: Path) -> None:
    tree, memo, last = _read(tmp_path)
    changed = _with(tree, RATED, b"final: full", b"final: partial")
    found = patched(last, changed, {RATED}, STANDARD, memo)
    assert found is not None
    assert found.trace is not None
    assert last.trace is not None
    kept = [
        a is b for (_, a), (_, b) in zip(found.trace.outcomes, last.trace.outcomes, strict=True)
    ]
    assert kept.count(False) == 1  # that file alone was read again
    assert str(found.evidence.elements["1.1.1"].final) != str(last.evidence.elements["1.1.1"].final)


def test_nothing_changed_is_the_last_reading(tmp_path: Path) -> None:
    tree, memo, last = _read(tmp_path)
    assert patched(last, tree, set(), STANDARD, memo) is last


def test_what_other_files_depend_on_is_not_patched(tmp_path: Path) -> None:
    tree, memo, last = _read(tmp_path)
    renamed = _with(tree, DEFINES, b"id: YOU-SAID-WE-DID", b"id: YSWD")
    moved = tree.with_file(DEFINES, b"# a line above every id\n" + (tree.read(DEFINES) or b""))
    config = _with(tree, "cse.yaml", b"  - Reception\n", b"")
    added = tree.with_file("evidence/extra.yaml", b'element: "1.1.1"\n')
    review = tree.with_file("reviews/surveillance-1.yaml", b"date: 2015-06-01\n")
    cases = [
        (renamed, DEFINES), (moved, DEFINES), (config, "cse.yaml"),
        (added, "evidence/extra.yaml"), (review, "reviews/surveillance-1.yaml"),
    ]  # fmt: skip
    for changed, rel in cases:
        assert patched(last, changed, {rel}, STANDARD, memo) is None, rel


def test_read_again_reads_whole_when_it_cannot_patch(tmp_path: Path) -> None:
    tree, memo, last = _read(tmp_path)
    renamed = _with(tree, DEFINES, b"id: YOU-SAID-WE-DID", b"id: YSWD")
    found = read_again(last, renamed, {DEFINES}, STANDARD, memo)
    cites = [p.file for p in found.evidence.problems if "names no evidence item id" in p.message]
    assert len(cites) == 3
    assert read_again(None, tree, set(), STANDARD, memo).evidence.problems == last.evidence.problems
