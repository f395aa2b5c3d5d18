"""The evidence folder: found from cse.yaml's `evidence_dir`, and its element files in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.evidence_folder import element_files, listed, not_read, readable_bytes
from cse_cli.io.limits import MAX_FILE_BYTES
from cse_cli.io.tree import DirTree, Entry
from tests.helpers import write_repo

if TYPE_CHECKING:
    from pathlib import Path

KNOWN = {"1.1.1", "1.1.2"}


def test_files_named_for_an_element_are_read_first_and_the_order_is_kept() -> None:
    entries = [
        Entry(n, "file") for n in ("a.yaml", "1.1.2.yml", ".hidden.yaml", "1.1.1.yaml", "x.md")
    ]
    orders: dict[tuple[str, ...], list[str]] = {}
    found = element_files(entries, KNOWN, orders)
    assert [e.name for e in found] == ["1.1.1.yaml", "1.1.2.yml", "a.yaml"]
    assert list(orders.values()) == [["1.1.1.yaml", "1.1.2.yml", "a.yaml"]]
    assert [e.name for e in element_files(entries, set(), orders)] == [e.name for e in found]


def test_only_the_files_within_one_files_limit_count_toward_the_repositorys() -> None:
    files = [Entry("a", "file", size=10), Entry("b", "file", size=MAX_FILE_BYTES + 1)]
    assert readable_bytes(files) == 10


def test_a_folder_that_cannot_hold_element_files_says_why(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": "x", "notes": "x"})
    tree = DirTree(root)
    assert listed(tree, "../evidence") == "is outside the repository"
    assert str(listed(tree, "./")).startswith("is the repository's root")
    assert listed(tree, "notes") == "is a file, not a folder"
    assert listed(tree, "nowhere") == "does not exist"
    found = listed(tree, "evidence/")
    assert not isinstance(found, str)
    assert (found[0], [e.name for e in found[1]]) == ("evidence", ["1.1.1.yaml"])


def test_what_looks_like_element_files_not_read_is_named(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo",
        {"evidence/1.1.1.YAML": "x", "evidence/old/1.1.2.yaml": "x", "evidence/scans/a.pdf": "x"},
    )
    tree = DirTree(root)
    found = not_read(tree, "evidence/", tree.listdir("evidence") or [])
    assert [(p.file, p.severity) for p in found] == [
        ("evidence/1.1.1.YAML", "warning"), ("evidence/old", "warning"),
    ]  # fmt: skip
