"""One file checked in its repository gives what `cse check` gives with that file written.

Each edit is checked with `check_file_in` against the repository as read, then
written to disk and the repository read whole (`open_repository`, as `cse check`
reads it): the two must agree on every problem, the file's and the others', and
on the evidence. The edits cross what one file's reading depends on: ids defined
and cited elsewhere, elements given twice, paths, cse.yaml, review files, files
that are new or not YAML.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cse_cli.io import tree as tree_module
from cse_cli.io.editing import check_file_in, read_state
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from tests.helpers import ANYTOWN, BOLTON, evidence_facts

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.io.editing import FileCheck, RepositoryState

STANDARD = load_standard()
Edit = tuple[str, Callable[[bytes], bytes]]


def _swap(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def edit(raw: bytes) -> bytes:
        return raw.replace(old, new, 1) if old in raw else raw.replace(new, old, 1)

    return edit


def _into_evidence(item: bytes) -> Callable[[bytes], bytes]:
    def edit(raw: bytes) -> bytes:
        if item in raw:
            return raw.replace(item, b"", 1)
        return raw.replace(b"evidence:\n", b"evidence:\n" + item, 1)

    return edit


def _at_the_end(lines: bytes) -> Callable[[bytes], bytes]:
    def edit(raw: bytes) -> bytes:
        return raw.removesuffix(lines) if raw.endswith(lines) else raw + lines

    return edit


def _to(data: bytes) -> Callable[[bytes], bytes]:
    return lambda raw: data if raw != data else b'element: "1.1.1"\nfinal: full\n'


BOLTON_EDITS: dict[str, Edit] = {
    "a rating that is not one": ("evidence/1.1.1.yaml", _swap(b"final: full", b"final: fine")),
    "a rating changes": ("evidence/1.1.2.yaml", _swap(b"final: full", b"final: partial")),
    "an id cited elsewhere goes": (
        "evidence/1.2.2.yaml",
        _swap(b"id: YOU-SAID-WE-DID", b"id: YSWD"),
    ),
    "an id defined again": (
        "evidence/1.1.1.yaml",
        _into_evidence(b"  - id: NSS\n    title: Again\n"),
    ),
    "an item moves the ids below it": ("evidence/1.1.2.yaml", _into_evidence(b"  - title: New\n")),
    "the element another file gives": (
        "evidence/1.1.1.yaml",
        _swap(b'element: "1.1.1"', b'element: "1.1.2"'),
    ),
    "an unknown element": ("evidence/1.1.3.yaml", _swap(b'element: "1.1.3"', b'element: "9.9.9"')),
    "a path to nothing": (
        "evidence/1.3.1.yaml",
        _into_evidence(b"  - title: Plan\n    path: documents/none.pdf\n"),
    ),
    "not YAML": ("evidence/2.1.1.yaml", _swap(b"evidence:", b"evidence: [")),
    "an empty file": ("evidence/2.1.2.yaml", _to(b"")),
    "a new file for an element": ("evidence/extra.yaml", _to(b'element: "1.1.1"\nfinal: full\n')),
    "a service leaves cse.yaml": ("cse.yaml", _swap(b"  - Reception\n", b"")),
    "cse.yaml invalid": ("cse.yaml", _swap(b'reference: "14/5167"', b"reference: [1]")),
    "a review file": (
        "reviews/surveillance-1.yaml",
        _to(b"date: 2015-01-01\ndocuments:\n  complaints:\n    ref: NS\n"),
    ),
    "an on-site item defined": (
        "evidence/1.1.1.yaml",
        _at_the_end(b"on_site:\n  - id: TM-DESK\n    title: Desk\n    person: Adviser\n"),
    ),
    "an on-site ref to it and one to evidence": (
        "evidence/1.2.1.yaml",
        _at_the_end(b"on_site:\n  - ref: TM-DESK\n  - ref: NSS\n"),
    ),
    "an on-site id that is an evidence id": (
        "evidence/1.3.1.yaml",
        _at_the_end(b"on_site:\n  - id: YOU-SAID-WE-DID\n    title: Board\n"),
    ),
}
ANYTOWN_EDITS: dict[str, Edit] = {
    "a review cites an id that goes": (
        "evidence/5.3.1.yaml", _swap(b"id: AT-PERFORMANCE", b"id: AT-PERF")
    ),
    "a review's category": (
        "reviews/surveillance-1.yaml", _swap(b"category_after: Low", b"category_after: High")
    ),
    "the cycle's dates": (
        "cse.yaml", _swap(b"surveillance_1: 2027-03-10", b"surveillance_1: 2026-03-10")
    ),
    "a document path": (
        "evidence/1.3.1.yaml",
        _swap(b"path: documents/satisfaction-2026.md", b"path: documents/satisfaction.md"),
    ),
}  # fmt: skip


def _copy(example: Path, tmp_path: Path, name: str) -> Path:
    return shutil.copytree(example, tmp_path / name, ignore=shutil.ignore_patterns("*.py"))


def _check_against_disk(state: RepositoryState, root: Path, rel: str, data: bytes) -> FileCheck:
    """`check_file_in`, then the file written and the repository read whole: the same."""
    found = check_file_in(state, rel, data)
    (root / rel).parent.mkdir(exist_ok=True)
    (root / rel).write_bytes(data)
    whole = open_repository(root, STANDARD)
    assert found.problems == tuple(p for p in whole.problems if p.file == rel)
    assert evidence_facts(found.state.evidence) == evidence_facts(whole)
    before = [p for p in state.evidence.problems if p.file != rel]
    after = [p for p in whole.problems if p.file != rel]
    assert sorted([*before, *found.caused]) == sorted([*after, *found.ended])
    assert not set(found.caused) & set(before)
    return found


@pytest.mark.parametrize("name", list(BOLTON_EDITS))
def test_each_edit_of_bolton_is_checked_as_cse_check_reads_it(tmp_path: Path, name: str) -> None:
    root = _copy(BOLTON, tmp_path, "bolton")
    rel, edit = BOLTON_EDITS[name]
    before = (root / rel).read_bytes() if (root / rel).exists() else b""
    data = edit(before)
    assert data != before
    _check_against_disk(read_state(root, STANDARD), root, rel, data)


@pytest.mark.parametrize("name", list(ANYTOWN_EDITS))
def test_each_edit_of_anytown_is_checked_as_cse_check_reads_it(tmp_path: Path, name: str) -> None:
    root = _copy(ANYTOWN, tmp_path, "anytown")
    rel, edit = ANYTOWN_EDITS[name]
    before = (root / rel).read_bytes()
    data = edit(before)
    assert data != before
    _check_against_disk(read_state(root, STANDARD), root, rel, data)


def test_the_edits_cross_what_they_were_made_to_cross(tmp_path: Path) -> None:
    root = _copy(BOLTON, tmp_path, "bolton")
    state = read_state(root, STANDARD)
    said = {}
    for name, (rel, edit) in BOLTON_EDITS.items():
        raw = (root / rel).read_bytes() if (root / rel).exists() else b""
        found = check_file_in(state, rel, edit(raw))
        said[name] = [p.message for p in (*found.problems, *found.caused, *found.ended)]
    assert any("names no evidence item id" in m for m in said["an id cited elsewhere goes"])
    assert any("is already defined at" in m for m in said["an id defined again"])
    assert any(
        "already given in evidence/1.1.1.yaml" in m for m in said["the element another file gives"]
    )
    assert any("does not exist" in m for m in said["a path to nothing"])
    assert any("not one of cse.yaml's services" in m for m in said["a service leaves cse.yaml"])
    assert any("names no evidence item id" in m for m in said["a review file"])
    on_site = said["an on-site ref to it and one to evidence"]
    assert any("ref 'NSS' under on_site: cites an evidence item" in m for m in on_site)
    assert any("ref 'TM-DESK' names no on-site item id" in m for m in on_site)
    assert any("share one space of ids" in m for m in said["an on-site id that is an evidence id"])


SEQUENCE = list(BOLTON_EDITS.items())


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(range(len(SEQUENCE))), min_size=2, max_size=6))
def test_edits_one_after_another_each_read_as_the_repository_written(
    tmp_path: Path, steps: list[int]
) -> None:
    root = tmp_path / "bolton"
    shutil.rmtree(root, ignore_errors=True)
    _copy(BOLTON, tmp_path, "bolton")
    state = read_state(root, STANDARD)
    for step in steps:
        _, (rel, edit) = SEQUENCE[step]
        raw = (root / rel).read_bytes() if (root / rel).exists() else b""
        state = _check_against_disk(state, root, rel, edit(raw)).state
    event(f"{len(steps)} edits in turn")


def test_no_other_file_is_read_again_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(BOLTON, tmp_path, "bolton")
    state = read_state(root, STANDARD)
    read: list[str] = []
    real = tree_module.DirTree.read

    def spy(self: tree_module.DirTree, rel: str) -> bytes | None:
        read.append(rel)
        return real(self, rel)

    monkeypatch.setattr(tree_module.DirTree, "read", spy)
    for rel, edit in (BOLTON_EDITS["an id cited elsewhere goes"], BOLTON_EDITS["a rating changes"]):
        check_file_in(state, rel, edit((root / rel).read_bytes()))
    assert read == []
    assert (root / "evidence/1.2.2.yaml").read_bytes() == (
        BOLTON / "evidence/1.2.2.yaml"
    ).read_bytes()


def test_the_memo_keeps_the_size_of_the_repository_however_often_a_file_is_checked(
    tmp_path: Path,
) -> None:
    root = _copy(BOLTON, tmp_path, "bolton")
    state = read_state(root, STANDARD)
    kept = len(state.memo.loaded), len(state.memo.elements)
    raw = (root / "evidence/1.1.1.yaml").read_bytes()
    for edit in range(30):
        found = check_file_in(state, "evidence/1.1.1.yaml", raw + f"notes: draft {edit}\n".encode())
        state = found.state
    assert (len(state.memo.loaded), len(state.memo.elements)) <= (kept[0] + 1, kept[1] + 1)


@pytest.mark.parametrize("rel", ["../cse.yaml", "/etc/passwd", "evidence//1.1.1.yaml", "."])
def test_a_path_that_is_not_inside_the_repository_is_refused(tmp_path: Path, rel: str) -> None:
    state = read_state(_copy(BOLTON, tmp_path, "bolton"), STANDARD)
    with pytest.raises(ValueError, match="is not a path inside the repository"):
        check_file_in(state, rel, b"")
