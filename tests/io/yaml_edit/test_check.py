"""`cse check` on a repository the writer changed reads exactly the values written."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from typing import TYPE_CHECKING

from cse_cli.core.evidence import ElementFile
from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.io.tree import DirTree
from cse_cli.io.yaml_edit import FileChange, Insert, Set, apply_edits, content_hash, key_order, save
from tests.helpers import BOLTON, run
from tests.yaml_model import AWKWARD

if TYPE_CHECKING:
    from pathlib import Path

ORDER = key_order(ElementFile)
# awkward texts a title can hold (one line or more, not blank; cse reads a title as Text)
TITLES = [t for t in AWKWARD if t.strip() and (t.isprintable() or "\n" in t)]


def _edit(root: Path, element: str, *edits: Set | Insert) -> FileChange:
    path = root / "evidence" / f"{element}.yaml"
    raw = path.read_bytes()
    new = apply_edits(raw, list(edits), file=f"evidence/{element}.yaml", order=ORDER)
    return FileChange(path, new, content_hash(raw), f"evidence/{element}.yaml")


def test_check_agrees_with_what_the_writer_wrote(tmp_path: Path) -> None:
    root = tmp_path / "bolton"
    shutil.copytree(BOLTON, root)
    items = [
        {"title": title, "date": dt.date(2026, 3, 9), "inferred": ["date"]} for title in TITLES
    ]
    save(
        [
            _edit(root, "5.3.1", Set(("final",), "full"), Set(("owner",), "yes")),
            _edit(root, "5.3.2", Set(("final",), "Full")),
            _edit(root, "1.1.1", *(Insert(("evidence", 0), item) for item in items)),
        ]
    )
    checked = run("check", str(root), "--format", "json")
    assert checked.exit_code == 0, checked.output  # criterion 5 now has one partial: met
    result = json.loads(checked.stdout)
    assert result["problems"] == []
    assert result["met"] is True
    assert [c["partial"] for c in result["criteria"]] == [2, 0, 0, 3, 1]

    evidence = read_evidence(DirTree(root), load_standard())
    assert evidence.elements["5.3.1"].owner == "yes"
    assert [(i.title, i.date, i.inferred) for i in evidence.elements["1.1.1"].evidence][
        : len(items)
    ] == [(t, dt.date(2026, 3, 9), ["date"]) for t in reversed(TITLES)]


def test_a_new_repository_filled_in_by_the_writer_is_valid(tmp_path: Path) -> None:
    root = tmp_path / "new"
    assert run("init", str(root), "--organisation", "Anytown").exit_code == 0
    changes = [
        _edit(root, path.stem, Set(("final",), "full"), Set(("owner",), "Jo: head #1"))
        for path in sorted((root / "evidence").glob("*.yaml"))
    ]
    save(changes)
    checked = run("check", str(root), "--format", "json")
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout)["met"] is True
    evidence = read_evidence(DirTree(root), load_standard())
    assert {e.owner for e in evidence.elements.values()} == {"Jo: head #1"}
    assert len(evidence.elements) == 57
