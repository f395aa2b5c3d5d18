"""The evidence pack as a stream: the very bytes `cse pack` writes into a file, made without one."""

from __future__ import annotations

import io
import shutil
import zipfile
from typing import TYPE_CHECKING

import pytest

from cse_cli.core.problems import CseError
from cse_cli.core.scoring import score_evidence
from cse_cli.core.stages import Stage
from cse_cli.io.repository import read_evidence
from cse_cli.io.resources import load_standard
from cse_cli.io.tree import DirTree
from cse_cli.io.zipstream import CHUNK
from cse_cli.render import pack_zip
from tests.helpers import ANYTOWN

if TYPE_CHECKING:
    from pathlib import Path

STANDARD = load_standard()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, root)
    (root / "documents" / "big.bin").write_bytes(bytes(range(256)) * (3 * CHUNK // 256 + 7))
    (root / "documents" / "empty.pdf").write_bytes(b"")
    element = root / "evidence" / "1.1.1.yaml"
    added = "  - title: Big\n    path: documents/big.bin\n"
    added += "  - title: Empty\n    path: documents/empty.pdf\n"
    text = element.read_text(encoding="utf-8")
    assert "\non_site:\n" in text  # the evidence goes before the on-site items
    element.write_text(
        text.replace("\non_site:\n", f"\n{added}on_site:\n"), encoding="utf-8", newline=""
    )
    return root


def _parts(root: Path) -> tuple[object, ...]:
    evidence = read_evidence(DirTree(root), STANDARD)
    evidence.root = root
    tree = DirTree(root)
    verdict = score_evidence(STANDARD, evidence, Stage.LATEST)
    return STANDARD, evidence, verdict, tree, pack_zip.planned(STANDARD, evidence, tree)


def test_the_stream_is_the_file_byte_for_byte(repo: Path) -> None:
    parts = _parts(repo)
    written = io.BytesIO()
    pack_zip.write(written, *parts)  # type: ignore[arg-type]
    chunks = list(pack_zip.streamed(*parts))  # type: ignore[arg-type]
    assert b"".join(chunks) == written.getvalue()
    assert len(chunks) > 1
    assert max(len(chunk) for chunk in chunks) < 2 * CHUNK + 1000
    with zipfile.ZipFile(io.BytesIO(b"".join(chunks))) as made:
        assert made.testzip() is None
        assert made.read("documents/documents/empty.pdf") == b""


def test_a_document_changed_between_the_two_makings_stops_the_stream(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts = _parts(repo)
    first = pack_zip.write
    made = []

    def write_then_change(*args: object) -> None:
        first(*args)  # type: ignore[arg-type]
        made.append(True)
        if len(made) == 1:  # the first making done: the document changes, same size
            big = repo / "documents" / "big.bin"
            big.write_bytes(big.read_bytes()[::-1])

    monkeypatch.setattr(pack_zip, "write", write_then_change)
    with pytest.raises(CseError, match=r"'documents/big\.bin' changed while it was packed"):
        b"".join(pack_zip.streamed(*parts))  # type: ignore[arg-type]


def test_a_stream_abandoned_stops_making_the_pack(repo: Path) -> None:
    stream = pack_zip.streamed(*_parts(repo))  # type: ignore[arg-type]
    next(stream)
    stream.close()  # the download abandoned: the maker stops, nothing left running
    import threading

    assert not [t for t in threading.enumerate() if t.name == "cse-pack" and t.is_alive()]
