"""A document uploaded with a form: written at once, under a safe name, chosen in its field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.serve.bodies import MAX_UPLOAD_BYTES
from tests.helpers import Served, form_of, post_form, snapshot

if TYPE_CHECKING:
    from pathlib import Path


def _form(served: Served) -> dict[str, str]:
    return form_of(served.request("GET", "/element/1.1.1").text)


def test_an_upload_named_to_climb_out_lands_in_documents_and_is_chosen(
    served: Served, repo: Path
) -> None:
    before = snapshot(repo.parent)
    form = {**_form(served), "action": "refresh"}
    answer = post_form(
        served, "/element/1.1.1", form, [("evidence.0.path.upload", "../../x", b"x")]
    )
    assert answer.status == 200
    after = snapshot(repo.parent)
    assert {k for k in after if after.get(k) != before.get(k)} == {"anytown/documents/x"}
    assert form_of(answer.text)["evidence.0.path"] == "documents/x"
    assert "documents/x is in the repository, and chosen in its field" in answer.text


def test_an_upload_over_the_limit_writes_nothing(served: Served, repo: Path) -> None:
    before = snapshot(repo)
    big = b"x" * (MAX_UPLOAD_BYTES + 1)
    answer = post_form(
        served, "/element/1.1.1", _form(served), [("evidence.0.path.upload", "big.pdf", big)]
    )
    assert answer.status == 413
    assert f"over the limit of {MAX_UPLOAD_BYTES:,} bytes: nothing was written" in answer.text
    assert snapshot(repo) == before


def test_an_existing_document_is_never_replaced_and_the_form_is_not_saved(
    served: Served, repo: Path
) -> None:
    before = snapshot(repo)
    form = {**_form(served), "owner": "Typed"}
    answer = post_form(
        served, "/element/1.1.1", form, [("evidence.0.path.upload", "complaints-2026.md", b"new")]
    )
    assert answer.status == 400
    assert "documents/complaints-2026.md already exists: choose it from the list" in answer.text
    assert 'id="f-evidence-0-path-error1"' in answer.text
    assert form_of(answer.text)["owner"] == "Typed"
    assert snapshot(repo) == before


def test_a_file_for_no_field_writes_nothing(served: Served, repo: Path) -> None:
    before = snapshot(repo)
    answer = post_form(
        served, "/element/1.1.1", _form(served), [("evidence.99.path.upload", "a.pdf", b"a")]
    )
    assert answer.status == 400
    assert snapshot(repo) == before
    answer = post_form(served, "/element/1.1.1", _form(served), [("owner.upload", "a.pdf", b"a")])
    assert answer.status == 400
    assert "the form sent a file for no field: nothing was written" in answer.text
    assert snapshot(repo) == before
    answer = post_form(served, "/element/1.1.1", _form(served), [("owner", "a.pdf", b"a")])
    assert answer.status == 400
    assert "the form sent an unexpected file" in answer.text
    assert snapshot(repo) == before
