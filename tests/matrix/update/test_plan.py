"""The files a merge gives, made by the YAML writer and checked in memory: nothing written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.editing import read_state
from cse_cli.io.resources import load_standard
from cse_cli.io.yaml_edit import content_hash
from cse_cli.io.yaml_loader import load
from cse_cli.matrix.cells import Sheet
from cse_cli.matrix.update.changes import Change, Target
from cse_cli.matrix.update.plan import plan_update
from tests.helpers import SMALL_EVIDENCE, snapshot, write_repo

if TYPE_CHECKING:
    from pathlib import Path

STANDARD = load_standard()


def _plan(root: Path, *changes: Change) -> tuple[list[str], list[str], object]:
    planned = plan_update(read_state(root, STANDARD), STANDARD, list(changes), Sheet("m.xlsx", "M"))
    return [w.name for w in planned.writes], [str(p) for p in planned.problems], planned


def test_an_element_with_no_file_gets_the_one_cse_init_writes_edited(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo", SMALL_EVIDENCE, "organisation: T\nevidence_dir: docs/evidence\n"
    )
    (root / "docs").mkdir()
    (root / "evidence").rename(root / "docs" / "evidence")
    before = snapshot(root)
    names, problems, planned = _plan(
        root, Change(Target("1.2.1", "evidence"), None, {"title": "Poster"}, (9, 4))
    )
    assert (names, problems) == (["docs/evidence/1.2.1.yaml"], [])
    write = planned.writes[0]  # type: ignore[attr-defined]
    assert write.was is None
    assert write.data.startswith(
        b"# yaml-language-server: $schema=../../.cse/element.schema.json\n"
    )
    assert load(write.data, "x").data["evidence"] == [{"title": "Poster"}]
    assert snapshot(root) == before


def test_a_file_is_edited_where_the_change_is_and_nowhere_else(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", SMALL_EVIDENCE)
    raw = (root / "evidence" / "1.1.1.yaml").read_bytes()
    _, problems, planned = _plan(
        root, Change(Target("1.1.1", "evidence", 1), "owner", "CC", (4, 5))
    )
    (write,) = planned.writes  # type: ignore[attr-defined]
    assert problems == []
    assert write.was == content_hash(raw)
    assert write.data == raw.replace(
        b"kept by the contact centre\n", b"kept by the contact centre\n    owner: CC\n"
    )


def test_what_would_not_pass_check_is_at_the_cell_of_the_change(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", SMALL_EVIDENCE)
    _, problems, _ = _plan(
        root,
        Change(Target("1.1.1", "evidence", 0), None, None, (3, 17)),  # ES-1, which 1.1.2 cites
        Change(Target("1.1.2"), "final", "partial", (5, 6)),
    )
    assert problems == [
        "m.xlsx:M!Q3: error: what the merge gives would not pass cse check "
        "(evidence/1.1.2.yaml:4:10): ref 'ES-1' names no evidence item id"
    ]


def test_a_change_read_from_another_sheet_is_blamed_on_that_sheet(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", SMALL_EVIDENCE)
    other = Sheet("m.xlsx", "Criterion 1")
    deleted = Change(Target("1.1.1", "evidence", 0), None, None, (3, 17), other)
    _, problems, _ = _plan(root, deleted)
    assert problems == [
        "m.xlsx:Criterion 1!Q3: error: what the merge gives would not pass cse check "
        "(evidence/1.1.2.yaml:4:10): ref 'ES-1' names no evidence item id"
    ]
