"""Whether a base came from this repository, and from a state of it that git holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.editing import read_state
from cse_cli.io.resources import load_standard
from cse_cli.io.yaml_edit import content_hash
from cse_cli.matrix.cells import Sheet
from cse_cli.matrix.update.base import Base
from cse_cli.matrix.update.origin import check_origin
from cse_cli.matrix.update.source import Carried
from tests.helpers import SMALL_EVIDENCE, commit_all, init_git, write_repo

if TYPE_CHECKING:
    from pathlib import Path

STANDARD = load_standard()
CARRIED = Carried((), Sheet("m.xlsx", "cse base"), 2)


def _base(organisation: str, files: dict[str, tuple[str, str]]) -> Base:
    return Base(organisation, "latest", files, (), ())


def _said(root: Path, base: Base) -> list[str]:
    return [str(p) for p in check_origin(base, read_state(root, STANDARD), CARRIED)]


def test_a_base_of_this_repository_now_says_nothing(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", SMALL_EVIDENCE)
    raw = (root / "evidence" / "1.1.1.yaml").read_bytes()
    assert (
        _said(root, _base("Test Council", {"1.1.1": ("evidence/1.1.1.yaml", content_hash(raw))}))
        == []
    )
    renamed = _base("Test Council, renamed", {"1.1.1": ("evidence/1.1.1.yaml", content_hash(raw))})
    assert _said(root, renamed) == []  # the same files: the organisation renamed itself


def test_another_organisations_base_is_refused(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", SMALL_EVIDENCE)
    other = _base("Another Council", {"1.1.1": ("evidence/1.1.1.yaml", "0" * 64)})
    assert _said(root, other) == [
        "m.xlsx:cse base!A2: error: the sheet was exported from the repository of 'Another "
        "Council', none of whose element files this repository has in any version: merge it "
        "into that repository, or start a new one from it with cse import (without --update)"
    ]


def test_a_base_git_has_is_said_nothing_of_and_one_it_has_not_in_one_line(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", SMALL_EVIDENCE)
    init_git(root)
    old = (root / "evidence" / "1.1.1.yaml").read_bytes()
    commit_all(root)
    (root / "evidence" / "1.1.1.yaml").write_bytes(old + b"notes: since\n")
    commit_all(root)
    committed = _base("Test Council", {"1.1.1": ("evidence/1.1.1.yaml", content_hash(old))})
    assert _said(root, committed) == []
    files = {
        "1.1.1": ("evidence/1.1.1.yaml", "0" * 64),
        "1.1.2": ("evidence/1.1.2.yaml", content_hash(old)),
    }
    never = _base("Test Council", files)
    assert _said(root, never) == [
        "m.xlsx:cse base!A2: warning: 1 of the 2 element files as exported are in no commit of "
        "the repository's git history: exported from uncommitted edits, or from a copy of it; "
        "merged against the base the sheet carries"
    ]
