"""The element's form over HTTP, as a browser without JavaScript sends it: bad input is refused with
its problem at its field and nothing written; a stale form is never saved over a change on disk."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest

from tests.helpers import ANYTOWN, Served, form_of, post_form, serving, snapshot

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("element") / "anytown"
    shutil.copytree(ANYTOWN, root)
    return root


@pytest.fixture(scope="module")
def served(repo: Path) -> Iterator[Served]:
    with serving(repo) as running:
        yield running


def _form(served: Served, element_id: str) -> dict[str, str]:
    return form_of(served.request("GET", f"/element/{element_id}").text)


def _errors(page: str) -> list[str]:
    """The error summary's lines, and the messages at the fields, as the page shows them."""
    summary = re.findall(r'<li><a href="#[^"]+">([^<]*)</a></li>', page)
    at_fields = re.findall(r'class="govuk-error-message">.*?</span> ([^<]*)</p>', page)
    return [*summary, *at_fields]


DATE = {"evidence.0.date.day": "31", "evidence.0.date.month": "2", "evidence.0.date.year": "2026"}


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (DATE, "date: &#39;2026-02-31&#39; is not a date: write it as YYYY-MM-DD"),
        ({"final": "fine"}, "final: &#39;fine&#39; is not a rating: use compliance-plus"),
        ({"evidence.0.service": "Swimming"}, "service &#39;Swimming&#39; is not one of cse.yaml"),
        ({"evidence.0.path": "../../secret.txt"}, "path &#39;../../secret.txt&#39; is outside"),
        ({"verified_on_site": "maybe"}, "verified_on_site: expected true or false"),
    ],
    ids=["a bad date", "a bad rating", "an unknown service", "a path outside", "not a yes"],
)
def test_bad_input_is_said_at_its_field_and_nothing_is_written(
    served: Served, repo: Path, change: dict[str, str], said: str
) -> None:
    before = snapshot(repo.parent)
    form = {**_form(served, "1.1.1"), "owner": "Typed and kept", **change}
    answer = post_form(served, "/element/1.1.1", form)
    assert answer.status == 400
    assert snapshot(repo.parent) == before
    errors = _errors(answer.text)
    assert any(said in line for line in errors if line.startswith("evidence/1.1.1.yaml:"))
    assert any(said in line for line in errors if not line.startswith("evidence/"))
    again = form_of(answer.text)
    assert again["owner"] == "Typed and kept"
    assert all(
        again.get(key) == value for key, value in change.items() if key != "verified_on_site"
    )


def test_a_save_is_written_and_the_page_says_so(served: Served, repo: Path) -> None:
    form = {**_form(served, "1.2.1"), "owner": "Head of Insight"}
    answer = post_form(served, "/element/1.2.1", form)
    assert (answer.status, answer.headers["location"]) == (303, "/element/1.2.1?saved=yes")
    assert b"owner: Head of Insight\n" in (repo / "evidence/1.2.1.yaml").read_bytes()
    page = served.request("GET", "/element/1.2.1?saved=yes").text
    assert "evidence/1.2.1.yaml is saved" in page


def test_a_form_saved_as_it_came_writes_nothing(served: Served, repo: Path) -> None:
    before = snapshot(repo)
    answer = post_form(served, "/element/1.2.2", _form(served, "1.2.2"))
    assert answer.headers["location"] == "/element/1.2.2?saved=none"
    assert snapshot(repo) == before


def test_a_stale_form_is_refused_shows_what_changed_and_keeps_what_was_typed(
    served: Served, repo: Path
) -> None:
    form = {**_form(served, "1.3.1"), "owner": "Typed here"}
    path = repo / "evidence/1.3.1.yaml"
    changed = path.read_bytes() + b"notes: written in a code editor\n"
    path.write_bytes(changed)
    answer = post_form(served, "/element/1.3.1", form)
    assert answer.status == 409
    assert path.read_bytes() == changed
    assert "changed on disk since this page was made" in answer.text
    assert "+notes: written in a code editor" in answer.text
    again = form_of(answer.text)
    assert again["owner"] == "Typed here"
    assert again["hash"] == form["hash"]  # saving again is refused again, unless chosen
    over = re.search(r'name="over" type="checkbox" value="([0-9a-f]+)"', answer.text)
    assert over is not None
    answer = post_form(served, "/element/1.3.1", {**again, "over": over[1]})
    assert answer.status == 303
    written = path.read_bytes()
    assert b"Typed here" in written
    assert b"notes: written in a code editor" not in written  # the form's values replace it


def test_a_new_file_is_made_from_cse_inits_template(served: Served, repo: Path) -> None:
    (repo / "evidence/2.1.1.yaml").unlink()
    form = {**_form(served, "2.1.1"), "final": "full", "owner": "Sam"}
    assert form["hash"] == ""
    answer = post_form(served, "/element/2.1.1", form)
    assert answer.status == 303
    text = (repo / "evidence/2.1.1.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../.cse/element.schema.json\n")
    assert 'element: "2.1.1"\nowner: Sam\n' in text
    assert "\nfinal: full\n" in text


def test_a_file_that_is_not_yaml_is_edited_as_text_with_the_same_check(
    served: Served, repo: Path
) -> None:
    path = repo / "evidence/5.3.3.yaml"
    path.write_text('element: "5.3.3"\nfinal: [full\n', encoding="utf-8", newline="")
    form = _form(served, "5.3.3")
    assert form["mode"] == "text"
    answer = post_form(
        served, "/element/5.3.3", {**form, "text": 'element: "5.3.3"\nfinal: fine\n'}
    )
    assert answer.status == 400
    assert "final: &#39;fine&#39; is not a rating" in answer.text
    assert "final: [full" in path.read_text(encoding="utf-8")
    answer = post_form(
        served, "/element/5.3.3", {**form, "text": 'element: "5.3.3"\nfinal: full\n'}
    )
    assert answer.status == 303
    assert path.read_text(encoding="utf-8") == 'element: "5.3.3"\nfinal: full\n'


def test_the_live_verdict_checks_without_writing(served: Served, repo: Path) -> None:
    before = snapshot(repo)
    form = {**_form(served, "3.4.2"), "final": "non-compliance"}
    answer = post_form(served, "/element/3.4.2/check", form)
    assert answer.status == 200
    assert 'id="verdict-criterion"><strong class="govuk-tag govuk-tag--red">Not met' in answer.text
    assert "<html" not in answer.text
    assert snapshot(repo) == before


def test_a_button_keeps_every_text_and_saves_nothing(served: Served, repo: Path) -> None:
    before = snapshot(repo)
    form = {**_form(served, "1.1.1"), "notes": "Typed", "action": "add:evidence"}
    answer = post_form(served, "/element/1.1.1", form)
    assert answer.status == 200
    again = form_of(answer.text)
    assert again["notes"] == "Typed"
    assert int(again["evidence.count"]) == int(form["evidence.count"]) + 1
    assert snapshot(repo) == before
