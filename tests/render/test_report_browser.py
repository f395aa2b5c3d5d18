"""The HTML report in a real browser: Debian's chromium, driven by Playwright.

It checks that the Bolton report renders with no page error and no request
beyond its own file, passes axe-core's WCAG 2.2 A and AA rules with zero
violations, breaks pages as meant when printed, and that hostile user text runs
nothing. Needs /usr/bin/chromium (or CSE_CHROMIUM), the `playwright` package and
node_modules/axe-core (`npm ci`); `.ci/run` installs them. Without them the tests
are skipped locally and fail in CI (when CI is set).

The README's screenshot is taken by the same browser:

    CSE_SCREENSHOT=docs/report.png pytest tests/render/test_report_browser.py -k screenshot
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ANYTOWN, BOLTON, axe, run, write_repo

pytestmark = pytest.mark.browser


class Page:
    """A page that allows only its own file, and records everything that went wrong."""

    def __init__(self, browser: Any, path: Path, width: int = 1280) -> None:
        """Open `path`, refusing every other request."""
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.refused: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type == "error" else None,
        )
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url, wait_until="load")

    def _route(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture(scope="module")
def bolton_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "bolton.html"
    result = run("report", str(BOLTON), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture
def bolton(browser: Any, bolton_html: Path) -> Iterator[Page]:
    page = Page(browser, bolton_html)
    yield page
    page.page.close()


def test_renders_offline_without_errors(bolton: Page) -> None:
    assert bolton.page.title() == (
        "Customer Service Excellence: University of Bolton – Library, Student Services, "
        "Careers and Reception"
    )
    assert bolton.page.locator("section.criterion").count() == 5
    assert bolton.page.locator("svg[role=img]").first.bounding_box()["height"] > 200
    assert bolton.refused == []
    assert bolton.errors == []


def _violations(result: dict[str, Any]) -> str:
    lines = []
    for violation in result["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [
            f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"][:5]
        ]
    return "\n".join(lines)


@pytest.mark.parametrize("width", [1280, 1024, 390, 375])
def test_axe_finds_no_wcag_22_aa_violation(browser: Any, bolton_html: Path, width: int) -> None:
    page = Page(browser, bolton_html, width=width)
    result = axe(page.page)
    assert result["violations"] == [], "\n" + _violations(result)
    assert page.refused == []


@pytest.mark.parametrize("width", [1280, 375])
def test_the_on_site_evidence_and_its_plan_pass_axe(
    browser: Any, tmp_path: Path, width: int
) -> None:
    out = tmp_path / "anytown.html"
    result = run("report", str(ANYTOWN), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = Page(browser, out, width=width)
    assert page.page.locator("#visit h3").count() == 5
    found = axe(page.page)
    assert found["violations"] == [], "\n" + _violations(found)


def test_prints_each_criterion_on_a_new_page(bolton: Page) -> None:
    page = bolton.page
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        "section.criterion", "sections => sections.map(s => getComputedStyle(s).breakBefore)"
    )
    assert breaks == ["page"] * 5
    rows = page.eval_on_selector_all(
        "tr", "rows => [...new Set(rows.map(r => getComputedStyle(r).breakInside))]"
    )
    assert rows == ["avoid"]
    heads = page.eval_on_selector_all(
        "thead", "heads => [...new Set(heads.map(h => getComputedStyle(h).display))]"
    )
    assert heads == ["table-header-group"]
    assert page.eval_on_selector("nav", "nav => getComputedStyle(nav).display") == "none"
    pdf = page.pdf(prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages >= 6  # the summary, then each of the 5 criteria from a new page
    page.emulate_media(media="screen")
    assert page.eval_on_selector("nav", "nav => getComputedStyle(nav).display") == "block"


def test_hostile_text_runs_nothing(browser: Any, tmp_path: Path) -> None:
    script = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": f'element: "1.1.1"\nowner: "{script}"\n'
            f'visit_evidence: "{script}"\ndevelopment_points: ["{script}"]\n'
            f'evidence:\n  - title: "{script}"\n'
            "    url: \"https://example.org/'onmouseover='alert(3)\"\n",
        },
        config=f'organisation: "{script}"\n',
    )
    out = tmp_path / "hostile.html"
    assert run("report", str(root), "--format", "html", "-o", str(out)).exit_code == 0
    page = Page(browser, out)
    page.page.hover("a[href^='https://example.org']")
    assert page.dialogs == []
    assert page.errors == []
    assert page.refused == []  # the <img src=x> is text, so nothing was fetched
    assert page.page.locator("h1").inner_text() == script
    page.page.close()


def test_screenshot(bolton: Page, tmp_path: Path) -> None:
    """The top of the report as a reader first sees it; CSE_SCREENSHOT keeps it (the README's)."""
    target = Path(os.environ.get("CSE_SCREENSHOT") or tmp_path / "report.png")
    page = bolton.page
    page.set_viewport_size({"width": 1280, "height": 1400})
    png = page.screenshot(path=str(target))
    assert png.startswith(b"\x89PNG")
    seen = page.evaluate(
        """() => {
            const inView = e => {
                const box = e.getBoundingClientRect();
                return box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= 1400;
            };
            const verdict = document.querySelector(".verdict");
            const bars = [...document.querySelectorAll("svg[role=img] rect.bar-frame")];
            const full = document.querySelector("svg[role=img] rect.seg-full");
            return {
                verdict: verdict.innerText,
                verdictInView: inView(verdict),
                bars: bars.map(bar => Math.round(bar.getBoundingClientRect().width)),
                barsInView: bars.every(inView),
                titles: [...document.querySelectorAll("svg[role=img] text.bar-title")]
                    .map(t => t.textContent),
                fullFill: getComputedStyle(full).fill,
                frameFill: getComputedStyle(bars[0]).fill,
                headings: [...document.querySelectorAll("section.criterion h2")]
                    .map(h => h.innerText),
            };
        }"""
    )
    assert seen["verdict"] == (
        "Indicative verdict: not met. Criterion 5 falls short of the standard’s rules. "
        "The certification body decides."
    )
    assert seen["verdictInView"]
    assert seen["barsInView"]  # the chart is in the first screen, as the README shows it
    assert len(seen["bars"]) == 5
    assert len(set(seen["bars"])) == 1  # every bar is drawn at one full width
    assert seen["bars"][0] > 300
    assert seen["titles"] == [
        "1 Customer Insight", "2 The Culture of the Organisation", "3 Information and Access",
        "4 Delivery", "5 Timeliness and Quality of Service",
    ]  # fmt: skip
    assert seen["fullFill"] not in {"rgb(0, 0, 0)", seen["frameFill"]}  # the stylesheet applied
    assert seen["headings"] == [
        "1. Customer Insight", "2. The Culture of the Organisation", "3. Information and Access",
        "4. Delivery", "5. Timeliness and Quality of Service",
    ]  # fmt: skip
    assert len(png) > 50_000  # a blank or unstyled page compresses far smaller


# widths: a phone, a laptop, a desktop -----------------------------------------------
# The page never scrolls sideways; a table wider than the page scrolls inside its
# own box, a labelled region that the keyboard can reach and scroll.

LAYOUT_WIDTHS = [375, 1024, 1280]


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


@pytest.mark.parametrize("width", LAYOUT_WIDTHS)
def test_the_page_never_scrolls_sideways(browser: Any, bolton_html: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(bolton_html.resolve().as_uri(), wait_until="load")
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


def test_a_table_box_scrolls_from_the_keyboard(browser: Any, bolton_html: Path) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 900})
    page.goto(bolton_html.resolve().as_uri(), wait_until="load")
    box = page.locator(".table-box").first
    box.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    scrolled = box.evaluate("b => b.scrollLeft")
    page.close()
    assert scrolled > 0
