"""The fixtures the test modules share; their helpers are in tests/helpers.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers import write_repo

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with cse.yaml and an empty evidence folder."""
    return write_repo(tmp_path / "repo", {"evidence/.keep": ""})
