"""What a save does beyond its file: problems it gives other files are said, word for word as
`cse check` prints them, and never stop it; those it ends are counted."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest

from tests.helpers import ANYTOWN, Served, form_of, post_form, run

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Anytown, with 1.1.2 citing AT-PERFORMANCE, which 5.3.1 defines (its item 2)."""
    root = tmp_path / "anytown"
    shutil.copytree(ANYTOWN, root)
    with (root / "evidence" / "1.1.2.yaml").open("a", encoding="utf-8", newline="") as citing:
        citing.write("  - ref: AT-PERFORMANCE\n")
    return root


def _save_id(served: Served, new_id: str) -> str:
    form = form_of(served.request("GET", "/element/5.3.1").text)
    assert form["evidence.2.id"] in {"AT-PERFORMANCE", "AT-PERFORMANCE-2027"}
    answer = post_form(served, "/element/5.3.1", {**form, "evidence.2.id": new_id})
    assert answer.status == 303
    return served.request("GET", answer.headers["location"]).text


def test_a_save_says_the_problems_it_gives_other_files_and_those_it_ends(
    served: Served, repo: Path
) -> None:
    assert run("check", str(repo)).exit_code == 0
    page = _save_id(served, "AT-PERFORMANCE-2027")
    checked = run("check", str(repo))
    assert checked.exit_code == 2
    said = [line for line in checked.stderr.splitlines() if not line.startswith("cse:")]
    assert len(said) == 3  # 1.1.2's ref, and each review's document that names the id
    assert all(line.startswith(("evidence/1.1.2.yaml:", "reviews/")) for line in said)
    assert "Saving it gives other files these problems, as cse check says them" in page
    assert all(f"<li>{line}</li>".replace("'", "&#39;") in page for line in said)
    page = _save_id(served, "AT-PERFORMANCE")
    assert "It ends 3 problems in other files." in page
    assert "gives other files" not in page
    assert run("check", str(repo)).exit_code == 0


@pytest.mark.parametrize(
    ("field", "sent"),
    [("evidence.count", None), ("evidence.count", "lots"), ("evidence.0.origin", "first")],
)
def test_a_form_back_with_its_hidden_fields_changed_saves_nothing(
    served: Served, repo: Path, field: str, sent: str | None
) -> None:
    """Read as no items, or as a new item, the save would delete what the file holds."""
    before = (repo / "evidence" / "5.3.1.yaml").read_bytes()
    form = form_of(served.request("GET", "/element/5.3.1").text)
    assert field in form
    changed = {k: v for k, v in form.items() if k != field}
    if sent is not None:
        changed[field] = sent
    answer = post_form(served, "/element/5.3.1", changed)
    assert answer.status == 400
    assert f"the form came back with {field} missing or changed" in answer.text
    assert (repo / "evidence" / "5.3.1.yaml").read_bytes() == before
