"""The Reports page's downloads: made by the commands' renderers, the pack as cse pack makes it."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from tests.helpers import ANYTOWN, run, serving, snapshot

if TYPE_CHECKING:
    from pathlib import Path


def test_the_pack_is_cse_packs_byte_for_byte_and_nothing_is_written(tmp_path: Path) -> None:
    root = tmp_path / "repo" / "anytown"
    shutil.copytree(ANYTOWN, root)
    packed = tmp_path / "pack.zip"
    assert run("pack", str(root), "-o", str(packed)).exit_code == 0
    before = snapshot(tmp_path / "repo")
    with serving(root) as served:
        answer = served.request("GET", "/reports/evidence-pack.zip?stage=latest")
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/zip"
    assert answer.body == packed.read_bytes()
    assert snapshot(tmp_path / "repo") == before


def test_a_pack_that_cannot_be_made_says_why_as_cse_pack_does(tmp_path: Path) -> None:
    from cse_cli.io.limits import MAX_PACK_BYTES

    root = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, root)
    with (root / "documents" / "performance-2026-27.md").open("r+b") as document:
        document.truncate(MAX_PACK_BYTES + 1)  # sparse: nothing of it is read
    said = run("pack", str(root), "-o", str(tmp_path / "pack.zip")).stderr.strip()
    assert f"over the limit of {MAX_PACK_BYTES:,} for one pack" in said
    with serving(root) as served:
        answer = served.request("GET", "/reports/evidence-pack.zip")
    assert answer.status == 409
    assert f"The evidence pack cannot be made: {said.removeprefix('cse: error: ')}" in (
        answer.text.replace("&#39;", "'")
    )
