"""What a command reads, listed and matched by file, not by name (issue 18, §1)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from cse_cli.io import inputs as inputs_module
from cse_cli.io.inputs import Input, input_at, repository_inputs, shipped_inputs
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from tests.helpers import ANYTOWN, PROJECT, WINDOWS, element_yaml, link, write_repo

if TYPE_CHECKING:
    from pathlib import Path


def test_the_repository_s_inputs_are_every_file_it_reads(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": element_yaml("1.1.1", evidence="[{title: T, path: docs/a.pdf}]"),
            "evidence/1.1.2.yml": element_yaml("1.1.2"),
            "evidence/broken.yaml": "element: [\n",  # unread as evidence, still an input
            "evidence/.hidden.yaml": "",
            "evidence/notes.txt": "",
            "docs/a.pdf": "%PDF",
            "docs/b.pdf": "%PDF",
            ".cse/element.schema.json": "{}",
            "reviews/surveillance-1.yaml": "date: 2027-01-01\n",
        },
    )
    evidence = open_repository(root, load_standard())
    listed = {found.name: found.role for found in repository_inputs(root, evidence)}
    assert listed == {
        "cse.yaml": "the repository's settings",
        "evidence/1.1.1.yaml": "an element file of the repository",
        "evidence/1.1.2.yml": "an element file of the repository",
        "evidence/broken.yaml": "an element file of the repository",
        "reviews/surveillance-1.yaml": "a review file of the repository",
        ".cse/element.schema.json": "an editor schema of the repository",
        "docs/a.pdf": "a document the evidence cites",
    }
    assert all(found.path == root / found.name for found in repository_inputs(root, evidence))


def test_a_review_s_documents_are_inputs() -> None:
    evidence = open_repository(ANYTOWN, load_standard())
    cited = {f.name for f in repository_inputs(ANYTOWN, evidence) if f.role.startswith("a doc")}
    assert "documents/complaints-2026.md" in cited  # named only by reviews/surveillance-1.yaml
    assert cited == {f"documents/{p.name}" for p in (ANYTOWN / "documents").iterdir()}


def test_cse_s_own_files_are_inputs() -> None:
    names = {found.name for found in shipped_inputs()}
    assert {"standard/elements.yaml", "standard/cycle.yaml"} <= names
    assert {f"templates/{p.name}" for p in (PROJECT / "templates").iterdir()} <= names


def test_a_name_is_matched_by_the_file_it_reaches(tmp_path: Path) -> None:
    kept = tmp_path / "kept.yaml"
    kept.write_text("kept\n", encoding="utf-8", newline="")
    inputs = [Input(kept, "kept.yaml", "kept")]
    os.link(kept, tmp_path / "hard")
    link(tmp_path / "soft", kept)
    link(tmp_path / "folder", tmp_path)
    names = ["kept.yaml", "./kept.yaml", "hard", "soft", "folder/kept.yaml"]
    if not WINDOWS:  # which takes `..` by name, before any link: the folder holding the link
        names.append(f"folder/../{tmp_path.name}/kept.yaml")  # the folder above its target
    for name in names:
        assert input_at(tmp_path / name, inputs) == inputs[0], name


def test_a_new_name_or_another_file_matches_nothing(tmp_path: Path) -> None:
    kept = tmp_path / "kept.yaml"
    kept.write_text("kept\n", encoding="utf-8", newline="")
    other = tmp_path / "other.yaml"
    other.write_text("kept\n", encoding="utf-8", newline="")  # the same bytes, another file
    inputs = [Input(kept, "kept.yaml", "kept")]
    assert input_at(tmp_path / "new.yaml", inputs) is None
    assert input_at(other, inputs) is None
    link(tmp_path / "dangling", tmp_path / "nowhere")
    assert input_at(tmp_path / "dangling", inputs) is None  # refused later as a link


def test_without_the_file_s_identity_its_resolved_path_still_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where an input's identity cannot be read, its path resolved is compared instead."""
    kept = tmp_path / "kept.yaml"
    kept.write_text("kept\n", encoding="utf-8", newline="")
    link(tmp_path / "folder", tmp_path)
    monkeypatch.setattr(inputs_module, "_same", lambda *_: False)
    inputs = [Input(kept, "kept.yaml", "kept")]
    assert input_at(tmp_path / "folder" / "kept.yaml", inputs) == inputs[0]
    os.link(kept, tmp_path / "hard")
    assert input_at(tmp_path / "hard", inputs) is None  # a hard link has a path of its own
