"""The editor's fixtures: a copy of Anytown, and `cse serve` running over a module's `repo`."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from tests.helpers import ANYTOWN, Served, serving

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the Anytown example; a module may give its own `repo`."""
    root = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, root)
    return root


@pytest.fixture
def served(repo: Path) -> Iterator[Served]:
    """`cse serve` over `repo`, stopped after the test."""
    with serving(repo) as running:
        yield running
