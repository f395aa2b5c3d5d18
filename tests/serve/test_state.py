"""The repository as the editor keeps it: what changed on disk read again, and only that.

After every change made outside the editor the evidence must be what `cse check`
reads whole (`read_evidence`); the count of whole readings says whether only the
file that changed was read again.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from cse_cli.io.editing import check_file_in
from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.io.tree import DirTree
from cse_cli.serve.state import Repository
from tests.helpers import ANYTOWN, evidence_facts

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

STANDARD = load_standard()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copied = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, copied)
    return copied


def _as_check_reads(root: Path) -> object:
    evidence = read_evidence(DirTree(root), STANDARD)
    return evidence_facts(evidence)


def _edit(root: Path, rel: str, old: bytes, new: bytes) -> None:
    path = root / rel
    raw = path.read_bytes()
    assert old in raw
    path.write_bytes(raw.replace(old, new, 1))


CHANGES: dict[str, tuple[Callable[[Path], object], int]] = {
    "a rating": (lambda r: _edit(r, "evidence/1.1.1.yaml", b"final: full", b"final: fine"), 1),
    "an id other files cite": (
        lambda r: _edit(r, "evidence/5.3.1.yaml", b"id: AT-PERFORMANCE", b"id: AT-PERF"),
        1,
    ),
    "a review file": (
        lambda r: _edit(r, "reviews/surveillance-1.yaml", b"days: 1", b"days: two"),
        1,
    ),
    "a document's bytes": (
        lambda r: (r / "documents/changes-2027.md").write_text("new", encoding="utf-8", newline=""),
        1,
    ),
    "cse.yaml": (
        lambda r: _edit(r, "cse.yaml", b"stale_after_months: 24", b"stale_after_months: 6"),
        2,
    ),
    "a new element file": (
        lambda r: (r / "evidence/1.1.1.yml").write_text(
            'element: "1.1.1"\n', encoding="utf-8", newline=""
        ),
        2,
    ),
    "a document gone": (lambda r: (r / "documents/complaints-2026.md").unlink(), 2),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_change_on_disk_is_seen_and_only_what_it_needs_is_read_again(
    root: Path, change: str
) -> None:
    repository = Repository(root, STANDARD)
    first = repository.current()
    make, readings = CHANGES[change]
    make(root)
    now = repository.current()
    assert repository.whole_readings == readings
    assert evidence_facts(now.evidence) == _as_check_reads(root)
    assert (now.generation > first.generation) == (change != "a document's bytes")


def test_a_file_the_editor_wrote_is_taken_from_its_check_and_read_no_more(root: Path) -> None:
    repository = Repository(root, STANDARD)
    reading = repository.current()
    rel = "evidence/1.1.1.yaml"
    new = (root / rel).read_bytes().replace(b"final: full", b"final: partial")
    check = check_file_in(reading.state, rel, new)
    (root / rel).write_bytes(new)
    adopted = repository.adopt(check)
    assert repository.current() is adopted
    assert repository.whole_readings == 1
    assert evidence_facts(adopted.evidence) == _as_check_reads(root)


def test_nothing_changed_is_nothing_read(root: Path) -> None:
    repository = Repository(root, STANDARD)
    first = repository.current()
    assert repository.current() is first
    assert repository.whole_readings == 1
