"""cse_cli.io.memtree: files in memory over a folder, read by the repository reader as on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from cse_cli.io.limits import MAX_FILE_BYTES
from cse_cli.io.memtree import MemoryTree
from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.io.tree import DirTree, Entry, TooLarge, Why
from tests.helpers import write_repo


def test_files_in_memory_and_the_folders_they_make() -> None:
    tree = MemoryTree({"cse.yaml": b"organisation: X\n", "evidence/1.1.1.yaml": b"x"})
    assert tree.read("cse.yaml") == b"organisation: X\n"
    assert tree.read("./evidence/../evidence/1.1.1.yaml") == b"x"
    assert tree.read("missing.yaml") is None
    assert tree.listdir(".") == [Entry("cse.yaml", "file", size=16), Entry("evidence", "dir")]
    assert tree.listdir("evidence") == [Entry("1.1.1.yaml", "file", size=1)]
    assert tree.listdir("nowhere") is None
    assert tree.check_file("evidence/1.1.1.yaml") is None
    assert getattr(tree.check_file("evidence"), "why", None) is Why.FOLDER
    assert getattr(tree.check_file("../x"), "why", None) is Why.OUTSIDE
    assert getattr(tree.check_file("y"), "why", None) is Why.MISSING


def test_a_file_over_the_limit_is_refused_as_on_disk() -> None:
    tree = MemoryTree({"cse.yaml": b" " * (MAX_FILE_BYTES + 1)})
    with pytest.raises(TooLarge):
        tree.read("cse.yaml")


def test_the_folder_below_gives_every_other_path(tmp_path: Path) -> None:
    files = {"reviews/surveillance-1.yaml": "date: 2027-03-10\n", "evidence/old.yaml": "x"}
    root = write_repo(tmp_path / "repo", files, config="organisation: Disk\n")
    tree = MemoryTree({"cse.yaml": b"organisation: Memory\n", "evidence/1.1.1.yaml": b"y"},
                      DirTree(root))  # fmt: skip
    assert tree.read("cse.yaml") == b"organisation: Memory\n"
    assert tree.read("reviews/surveillance-1.yaml") == b"date: 2027-03-10\n"
    assert [entry.name for entry in tree.listdir("evidence") or []] == ["1.1.1.yaml", "old.yaml"]
    assert tree.check_file("reviews/surveillance-1.yaml") is None


def test_the_repository_reader_reads_memory_as_check_reads_a_folder(tmp_path: Path) -> None:
    files = {
        "cse.yaml": "organisation: Anytown\nservices: [Library]\n",
        "evidence/1.1.1.yaml": 'element: "1.1.1"\nfinal: F\nevidence:\n  - title: Surveys\n'
        "    service: Library\n",
        "evidence/1.1.2.yaml": 'element: "1.1.2"\nevidence:\n  - ref: NOWHERE\n',
    }
    on_disk = read_evidence(DirTree(write_repo(tmp_path / "repo", files, None)), load_standard())
    in_memory = read_evidence(
        MemoryTree({rel: text.encode() for rel, text in files.items()}), load_standard()
    )
    assert in_memory.problems == on_disk.problems
    assert len(in_memory.problems) == 1
    assert in_memory.elements == on_disk.elements
