"""A `path:` names a regular file inside the repository."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.evidence import ElementFile
from cse_cli.io.tree import DirTree
from cse_cli.rules import paths
from tests.helpers import element_context, link, located, said, validated

if TYPE_CHECKING:
    from pathlib import Path

ITEMS = ["documents/a.pdf", "documents/none.pdf", "../outside.pdf", "documents", "documents/out"]


def test_each_path_that_is_not_a_file_inside_is_an_error_at_it(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "secret.pdf").write_bytes(b"%PDF")
    link(root / "documents" / "out", tmp_path / "secret.pdf")
    items = "".join(f"  - title: T\n    path: {path}\n" for path in ITEMS)
    doc = located(f'element: "1.1.1"\nevidence:\n{items}')
    element = validated(doc, ElementFile)
    context = element_context()
    context.paths = DirTree(root)
    assert paths.check(doc, element, context)
    assert said(doc) == [
        "evidence/1.1.1.yaml:6:11: error: path 'documents/none.pdf' does not exist",
        "evidence/1.1.1.yaml:8:11: error: path '../outside.pdf' is outside the repository",
        "evidence/1.1.1.yaml:10:11: error: path 'documents' is a folder, not a file",
        "evidence/1.1.1.yaml:12:11: error: path 'documents/out' leads outside the repository "
        "(through a symbolic link)",
    ]
    assert [path for path, _ in context.lookups.paths] == ITEMS  # each asked, with its answer


def test_a_ref_item_has_no_path_of_its_own_to_check() -> None:
    doc = located('element: "1.1.1"\nevidence:\n  - ref: X\n    path: nowhere.pdf\n')
    context = element_context()
    assert paths.check(doc, validated(doc, ElementFile), context)
    assert doc.problems == []  # refused as the cited item's key by ref-items, not looked for
    assert context.lookups.paths == []
