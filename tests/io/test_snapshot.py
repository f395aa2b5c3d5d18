"""The repository as read once, with files written over it in memory."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from cse_cli.io import tree as tree_module
from cse_cli.io.limits import MAX_FILE_BYTES
from cse_cli.io.snapshot import SnapshotTree
from cse_cli.io.tree import DirTree, TooLarge, Unreadable
from tests.helpers import write_repo

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def snapshot(tmp_path: Path) -> SnapshotTree:
    root = write_repo(
        tmp_path / "repo", {"evidence/1.1.1.yaml": "a: 1\n", "documents/a.pdf": "%PDF"}
    )
    return SnapshotTree(DirTree(root))


def test_each_file_is_read_from_disk_once(
    snapshot: SnapshotTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = tree_module.DirTree.read

    def spy(self: DirTree, rel: str) -> bytes | None:
        read.append(rel)
        return real(self, rel)

    monkeypatch.setattr(tree_module.DirTree, "read", spy)
    for _ in range(3):
        assert snapshot.read("evidence/1.1.1.yaml") == b"a: 1\n"
        other = snapshot.with_file("evidence/1.1.2.yaml", b"x")  # is it new? asked once
        assert other.read("evidence/1.1.1.yaml") == b"a: 1\n"
    assert read == ["evidence/1.1.1.yaml", "evidence/1.1.2.yaml"]


def test_a_file_written_is_read_listed_and_named_by_its_bytes(snapshot: SnapshotTree) -> None:
    was = snapshot.oid("evidence/1.1.1.yaml")
    changed = snapshot.with_file("evidence/1.1.1.yaml", b"a: 2\n")
    added = changed.with_file("evidence/1.1.2.yaml", b"b: 1\n")
    assert added.read("evidence/1.1.1.yaml") == b"a: 2\n"
    assert snapshot.read("evidence/1.1.1.yaml") == b"a: 1\n"  # the first is as it was
    assert [(e.name, e.size) for e in added.listdir("evidence") or []] == [
        ("1.1.1.yaml", 5), ("1.1.2.yaml", 5),
    ]  # fmt: skip
    assert changed.oid("evidence/1.1.1.yaml") not in {None, was}
    assert snapshot.with_file("evidence/1.1.1.yaml", b"a: 1\n").oid("evidence/1.1.1.yaml") == was
    assert added.oid("evidence/1.1.3.yaml") is None
    assert (snapshot.paths, changed.paths, added.paths) == (0, 0, 1)  # only the new file counts


def test_a_new_folder_lists_what_is_written_in_it(snapshot: SnapshotTree) -> None:
    assert snapshot.listdir("reviews") is None
    written = snapshot.with_file("reviews/surveillance-1.yaml", b"date: 2027-03-10\n")
    assert [e.name for e in written.listdir("reviews") or []] == ["surveillance-1.yaml"]
    assert written.check_file("reviews/surveillance-1.yaml") is None


def test_documents_are_asked_of_the_disk_each_time(snapshot: SnapshotTree, tmp_path: Path) -> None:
    assert snapshot.check_file("documents/b.pdf") is not None
    (tmp_path / "repo" / "documents" / "b.pdf").write_bytes(b"%PDF")
    assert snapshot.check_file("documents/b.pdf") is None
    assert str(snapshot.check_file("../outside")) == "is outside the repository"


def test_what_the_disk_refused_is_refused_again_as_it_was(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/big.yaml": "a" * (MAX_FILE_BYTES + 1)})
    (root / "evidence" / "folder.yaml").mkdir()
    snapshot = SnapshotTree(DirTree(root))
    for _ in range(2):
        with pytest.raises(TooLarge, match="over the limit of 5,000,000"):
            snapshot.read("evidence/big.yaml")
        with pytest.raises(Unreadable, match="is a folder, not a file"):
            snapshot.read("evidence/folder.yaml")
    with pytest.raises(TooLarge):
        snapshot.with_file("cse.yaml", b"a" * (MAX_FILE_BYTES + 1)).read("cse.yaml")
    assert snapshot.oid("evidence/big.yaml") not in {None, snapshot.oid("evidence/folder.yaml")}
