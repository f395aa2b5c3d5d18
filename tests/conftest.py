"""The fixtures the test modules share; their helpers are in tests/helpers.py."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, need, write_repo

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

# In CI the property tests draw the same examples on every run, so that a run's
# result depends on the code alone; elsewhere each run explores new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with cse.yaml and an empty evidence folder."""
    return write_repo(tmp_path / "repo", {"evidence/.keep": ""})


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless chromium through Playwright, launched once for the run."""
    need(CHROMIUM.is_file(), f"chromium ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "the playwright package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
