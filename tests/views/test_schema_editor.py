"""The client that drives yaml-language-server in these tests (tests/lsp.py) fails fast."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests import lsp
from tests.lsp import LanguageServer

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("process.stdin.resume();", "waited 1s for a reply to initialize"),
        ("process.exit(3);", "the server stopped (exit status 3) before "),
    ],
    ids=["hangs", "dies"],
)
def test_a_server_that_hangs_or_dies_fails_the_test(
    script: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "server.js"
    fake.write_text(script, encoding="utf-8")
    monkeypatch.setattr(lsp, "SERVER", fake)
    monkeypatch.setattr(lsp, "TIMEOUT", 1.0)
    with pytest.raises(pytest.fail.Exception) as failed, LanguageServer(tmp_path):
        pass
    assert str(failed.value).startswith(expected)
