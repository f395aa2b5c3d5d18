"""The HTML report reads well at a phone's, a laptop's and a desktop's width, in Chromium.

The page never scrolls sideways; a table wider than the page scrolls inside its
own box, which is a labelled region that the keyboard can reach and scroll.
axe-core's WCAG rules pass at each width (tests/test_report_browser.py runs
them at 1280 and 390 px; this adds 375 and 1024).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import BOLTON, PROJECT, run

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("CSE_CHROMIUM", "/usr/bin/chromium"))
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [375, 1024, 1280]


def _need(found: bool, what: str) -> None:
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: .ci/run must install it", pytrace=False)
    pytest.skip(f"{what} is missing (installed by .ci/run)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need(CHROMIUM.is_file(), f"chromium ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "the playwright package")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("layout") / "bolton.html"
    assert run("report", str(BOLTON), "--format", "html", "-o", str(out)).exit_code == 0
    return out.resolve().as_uri()


_LAYOUT = """() => {
  const page = document.documentElement;
  const boxes = [...document.querySelectorAll('.table-box')];
  return {
    pageWidth: page.scrollWidth, viewport: page.clientWidth,
    tables: document.querySelectorAll('table').length,
    boxed: document.querySelectorAll('.table-box > table').length,
    scrolling: boxes.filter(b => b.scrollWidth > b.clientWidth + 1).length,
    unlabelled: boxes.filter(b => !b.getAttribute('aria-label') || b.tabIndex !== 0).length,
    widest: Math.max(...[...document.querySelectorAll('body *')]
      .filter(e => !e.closest('.table-box')).map(e => e.getBoundingClientRect().right)),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_page_never_scrolls_sideways(browser: Any, report: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(report, wait_until="load")
    layout = page.evaluate(_LAYOUT)
    page.close()
    assert layout["pageWidth"] <= layout["viewport"], layout
    assert layout["widest"] <= layout["viewport"] + 1, layout  # outside the table boxes
    assert layout["tables"] == layout["boxed"] > 0
    assert layout["unlabelled"] == 0
    if width == 375:
        assert layout["scrolling"] > 0  # the wide tables scroll in their boxes
    if width >= 1024:
        assert layout["scrolling"] == 0  # and on a laptop nothing needs to


def test_a_table_box_scrolls_from_the_keyboard(browser: Any, report: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 900})
    page.goto(report, wait_until="load")
    box = page.locator(".table-box").first
    box.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    scrolled = box.evaluate("b => b.scrollLeft")
    page.close()
    assert scrolled > 0


@pytest.mark.parametrize("width", [375, 1024])
def test_axe_at_each_width(browser: Any, report: str, width: int) -> None:
    _need(AXE.is_file(), f"axe-core ({AXE}; run `npm ci`)")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(report, wait_until="load")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags
    )
    page.close()
    assert result["passes"]
    assert [v["id"] for v in result["violations"]] == []
