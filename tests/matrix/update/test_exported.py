"""The base an export writes names each element file with the hash of its bytes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from cse_cli.io.yaml_edit import content_hash
from cse_cli.matrix.update.base import read_base
from cse_cli.matrix.update.exported import export_base
from tests.helpers import SMALL_EVIDENCE, write_repo

if TYPE_CHECKING:
    from pathlib import Path


def test_each_element_file_is_named_with_its_hash(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", SMALL_EVIDENCE)
    evidence = open_repository(root, load_standard())
    base = read_base(
        export_base(evidence, "latest", ("Element", "cse key"), [("1.1.1", "1.1.1 element")])
    )
    assert base.files == {
        element: (
            f"evidence/{element}.yaml",
            content_hash((root / "evidence" / f"{element}.yaml").read_bytes()),
        )
        for element in ("1.1.1", "1.1.2")
    }
    assert (base.organisation, base.stage, base.rows) == (
        "Test Council",
        "latest",
        (("1.1.1", "1.1.1 element"),),
    )
