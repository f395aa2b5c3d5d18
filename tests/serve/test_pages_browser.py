"""Every page in Debian's Chromium, with JavaScript on and off: axe-core, 375 px, the keyboard.

The server is started as a user starts it; the browser is given the printed
address, and every other page is reached from there.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers import ANYTOWN, Served, axe, git, serving

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/?stage=final",
    "/criterion/1",
    "/criterion/4?service=Contact+Centre",
    "/element/1.1.1",
    "/element/5.3.3",
    "/documents",
    "/reviews",
    "/reviews/surveillance-1",
    "/reviews/surveillance-2",
    "/changes",
    "/reports",
    "/cite?q=performance&element=1.1.1",
    "/element/1.1.1?as=text",
    "/element/1.1.1?cite=AT-PERFORMANCE",
    "/element/1.1.1?saved=yes",
    "/no-such-page",
]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copied = tmp_path_factory.mktemp("serve") / "anytown"
    shutil.copytree(ANYTOWN, copied)
    return copied


@pytest.fixture(scope="module")
def served(root: Path) -> Iterator[Served]:
    with serving(root) as running:
        yield running


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def context(browser: Any, served: Served, request: pytest.FixtureRequest) -> Iterator[Any]:
    made = browser.new_context(java_script_enabled=request.param)
    page = made.new_page()
    page.goto(served.url)  # the printed address: the token becomes a cookie
    assert "token=" not in page.url
    page.close()
    yield made
    made.close()


def _open(context: Any, served: Served, path: str, width: int = 1280) -> tuple[Any, list[str]]:
    errors: list[str] = []
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: errors.append(f"failed: {r.url}"))
    page.goto(f"http://{served.host}{path}", wait_until="load")
    return page, errors


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_everything_it_asks_for(context: Any, served: Served, path: str) -> None:
    page, errors = _open(context, served, path)
    assert page.locator("h1").count() == 1
    page.close()
    expected = ["the server responded with a status of 404"] if path == "/no-such-page" else []
    assert [e.partition(": ")[2].split(" (")[0] for e in errors] == expected


@pytest.mark.parametrize("path", PAGES)
def test_every_page_passes_axe(browser: Any, served: Served, path: str) -> None:
    # axe-core runs as a script: in a browser with JavaScript on, its inline script allowed
    made = browser.new_context(bypass_csp=True)
    made.new_page().goto(served.url)
    page = made.new_page()
    page.goto(f"http://{served.host}{path}", wait_until="load")
    found = axe(page)
    made.close()
    assert found["violations"] == [], [v["id"] for v in found["violations"]]


@pytest.mark.parametrize(
    "path",
    ["/", "/criterion/1", "/element/1.1.1", "/documents", "/changes", "/reviews/surveillance-1"],
)
def test_every_page_reads_at_375_px(context: Any, served: Served, path: str) -> None:
    page, _ = _open(context, served, path, width=375)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.close()
    assert overflow <= 0


def test_the_stage_selector_works_with_or_without_javascript(context: Any, served: Served) -> None:
    page, _ = _open(context, served, "/")
    page.select_option("#stage", "desk-top")
    page.click("text=Show")
    page.wait_for_load_state("load")
    assert page.url.endswith("/?stage=desk-top")
    assert "Verdict at the desk-top review" in page.inner_text("main")
    page.close()


def test_the_journey_by_keyboard_reaches_an_element_from_the_overview(
    context: Any, served: Served
) -> None:
    page, _ = _open(context, served, "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "/criterion/1":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/criterion/1")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "/element/1.1.1":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/element/1.1.1")
    assert "Element 1.1.1" in page.inner_text("h1")
    page.close()


def test_an_upload_from_the_form(context: Any, served: Served, tmp_path: Path) -> None:
    document = tmp_path / f"visit plan {tmp_path.name}.pdf"  # one per run of the test
    document.write_bytes(b"%PDF-1.7 plan")
    page, _ = _open(context, served, "/documents")
    page.set_input_files("#document", str(document))
    page.click("button:has-text('Upload')")
    page.wait_for_load_state("load")
    assert f"documents/{document.name} is in the repository" in page.inner_text("main")
    page.close()


def _axe_after(
    browser: Any, served: Served, path: str, fill: dict[str, str], meanwhile: Any = None
) -> list[str]:
    """axe-core's violations on the page a form comes back as, after `fill` and Save."""
    made = browser.new_context(bypass_csp=True)
    made.new_page().goto(served.url)
    page = made.new_page()
    page.goto(f"http://{served.host}{path}", wait_until="load")
    for selector, value in fill.items():
        page.fill(selector, value)
    if meanwhile is not None:
        meanwhile()
    page.click("button.govuk-button:text-is('Save')")
    page.wait_for_load_state("load")
    assert page.locator(".govuk-error-summary, #stale").count() >= 1
    found = axe(page)
    made.close()
    return [v["id"] for v in found["violations"]]


@pytest.mark.parametrize(
    ("path", "fill"),
    [
        ("/element/1.1.1", {"#f-evidence-0-date": "31", "#f-evidence-0-date-month": "2"}),
        ("/element/1.1.1", {"#f-evidence-0-title": "", "#f-evidence-0-id": "two words"}),
        ("/reviews/surveillance-1", {"#f-days": "two", "#f-plan-0-time": "at nine"}),
        ("/element/1.1.1?as=text", {"#f-text": "element: 1.1.1\nfinal: fine\n"}),
    ],
    ids=["a bad date", "an item without a title and a bad id", "a review", "as text"],
)
def test_every_form_showing_errors_passes_axe(
    browser: Any, served: Served, path: str, fill: dict[str, str]
) -> None:
    assert _axe_after(browser, served, path, fill) == []


def test_a_form_refused_as_stale_passes_axe(browser: Any, served: Served, root: Path) -> None:
    element = root / "evidence" / "5.3.2.yaml"
    raw = element.read_bytes()
    try:
        found = _axe_after(
            browser,
            served,
            "/element/5.3.2",
            {"#f-owner": "Typed"},
            lambda: element.write_bytes(raw + b"notes: changed on disk\n"),
        )
    finally:
        element.write_bytes(raw)
    assert found == []


def _axe_of(made: Any, served: Served, path: str, act: Any = None, shows: str = "h1") -> list[str]:
    """axe-core's violations on `path`, or on the page `act` leads to from it (which `shows`)."""
    page = made.new_page()
    page.goto(f"http://{served.host}{path}", wait_until="load")
    if act is not None:
        act(page)
        page.wait_for_load_state("load")
    assert page.locator(shows).count() >= 1
    found = axe(page)
    return [v["id"] for v in found["violations"]]


def test_the_page_without_the_token_passes_axe(browser: Any, served: Served) -> None:
    made = browser.new_context(bypass_csp=True)
    page = made.new_page()
    answer = page.goto(f"http://{served.host}/", wait_until="load")
    assert answer is not None
    assert answer.status == 403
    found = axe(page)
    made.close()
    assert [v["id"] for v in found["violations"]] == []


def test_an_upload_and_an_upload_refused_pass_axe(
    browser: Any, served: Served, tmp_path: Path
) -> None:
    document = tmp_path / "complaints-2026.md"  # the name of a document Anytown has
    document.write_bytes(b"# another")
    fresh = tmp_path / f"new {tmp_path.name}.md"
    fresh.write_bytes(b"# new")

    def upload(chosen: Path) -> Any:
        def act(page: Any) -> None:
            page.set_input_files("#document", str(chosen))
            page.click("button:has-text('Upload')")

        return act

    made = browser.new_context(bypass_csp=True)
    made.new_page().goto(served.url)
    refused = _axe_of(made, served, "/documents", upload(document), ".govuk-error-summary")
    uploaded = _axe_of(made, served, "/documents", upload(fresh), "#uploaded-title")
    made.close()
    assert (refused, uploaded) == ([], [])


def _save_a_version(page: Any) -> None:
    page.fill("#message", "The audit")
    if page.locator("#author_name").count():  # git knows no author here: asked once
        page.fill("#author_name", "Champion")
        page.fill("#author_email", "champion@example.org")
    page.click("button:text-is('Save a version')")


def test_the_changes_of_a_git_repository_and_a_review_not_yet_written_pass_axe(
    browser: Any, tmp_path: Path
) -> None:
    root = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, root)
    (root / "reviews" / "surveillance-2.yaml").unlink()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "-c", "user.name=C", "-c", "user.email=c@example.org", "commit", "-qm", "Anytown")
    element = root / "evidence" / "3.2.3.yaml"
    element.write_text(
        element.read_text(encoding="utf-8").replace("final: full\n", "final: partial\n"),
        encoding="utf-8",
        newline="",
    )
    uploaded = tmp_path / "audit.md"
    uploaded.write_bytes(b"# audit")
    with serving(root) as served:
        made = browser.new_context(bypass_csp=True)
        made.new_page().goto(served.url)
        page = made.new_page()  # a file the editor wrote: the Changes page offers a version
        page.goto(f"http://{served.host}/documents")
        page.set_input_files("#document", str(uploaded))
        page.click("button:has-text('Upload')")
        page.wait_for_load_state("load")
        page.close()
        found = {
            "changes": _axe_of(made, served, "/changes"),
            "a version without a message": _axe_of(
                made,
                served,
                "/changes",
                lambda page: page.click("button:text-is('Save a version')"),
                ".govuk-error-summary",
            ),
            "a new review": _axe_of(made, served, "/reviews/surveillance-2"),
            "a version saved": _axe_of(made, served, "/changes", _save_a_version, "#saved-title"),
        }
        made.close()
    assert found == {key: [] for key in found}
