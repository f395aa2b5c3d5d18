"""Documents: uploads within their limit under a safe name; nothing read outside the repository."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING
from urllib.parse import unquote_plus

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cse_cli.serve.bodies import MAX_UPLOAD_BYTES
from cse_cli.serve.documents import safe_name
from tests.helpers import (
    ANYTOWN,
    Served,
    fifo,
    form_of,
    link,
    multipart,
    post_form,
    snapshot,
)

if TYPE_CHECKING:
    from pathlib import Path

SECRET = b"outside the repository"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(ANYTOWN, root)
    (tmp_path / "secret.txt").write_bytes(SECRET)
    link(root / "documents" / "out.txt", tmp_path / "secret.txt")  # skips where links cannot be
    fifo(root / "documents" / "pipe")  # skips where no FIFO can be made (Windows)
    return root


def upload(served: Served, name: str, data: bytes, *, replace: bool = False) -> str:
    cookies = served.cookies()
    fields = [("csrftoken", cookies[f"cse-csrf-{served.port}"])]
    if replace:
        fields.append(("replace", "yes"))
    body, kind = multipart(fields, ("document", name, data))
    answer = served.request(
        "POST", "/documents", cookies=cookies, body=body, headers={"Content-Type": kind}
    )
    location = unquote_plus(answer.headers.get("location", ""))
    return f"{answer.status} {location} {answer.text}"


def test_an_upload_lands_in_documents_and_is_listed(served: Served, repo: Path) -> None:
    said = upload(served, "Complaints report 2026.pdf", b"%PDF-1.7 report")
    assert said.startswith("303 /documents?uploaded=documents/Complaints report 2026.pdf")
    assert (repo / "documents" / "Complaints report 2026.pdf").read_bytes() == b"%PDF-1.7 report"
    page = served.request("GET", "/documents").text
    assert "Complaints report 2026.pdf" in page
    assert "Documents no element cites" in page


def test_an_upload_named_to_climb_out_lands_inside(served: Served, repo: Path) -> None:
    before = snapshot(repo.parent)
    said = upload(served, "../../x", b"climber")
    assert said.startswith("303 /documents?uploaded=documents/x ")
    after = snapshot(repo.parent)
    assert {k for k in after if after.get(k) != before.get(k)} == {"repo/documents/x"}


def test_an_existing_document_is_replaced_only_when_chosen(served: Served, repo: Path) -> None:
    upload(served, "plan.pdf", b"first")
    said = upload(served, "plan.pdf", b"second")
    assert said.startswith("409 ")
    assert "documents/plan.pdf already exists" in said
    assert (repo / "documents" / "plan.pdf").read_bytes() == b"first"
    assert upload(served, "plan.pdf", b"second", replace=True).startswith("303 ")
    assert (repo / "documents" / "plan.pdf").read_bytes() == b"second"


def test_an_upload_over_the_limit_writes_nothing(served: Served, repo: Path) -> None:
    before = snapshot(repo)
    said = upload(served, "big.pdf", b"x" * (MAX_UPLOAD_BYTES + 1))
    assert said.startswith("413 ")
    assert f"the file is over the limit of {MAX_UPLOAD_BYTES:,} bytes" in said
    assert snapshot(repo) == before


def test_an_upload_through_a_link_out_of_the_repository_writes_nothing(
    served: Served, repo: Path
) -> None:
    said = upload(served, "out.txt", b"overwrite", replace=True)
    assert said.startswith("400 ")
    assert "leads outside the repository" in said
    assert (repo.parent / "secret.txt").read_bytes() == SECRET


@pytest.mark.parametrize(
    "path",
    [
        "/document?path=../secret.txt",
        "/document?path=documents/../../secret.txt",
        "/document?path=/etc/passwd",
        "/document?path=documents/out.txt",
        "/document?path=documents/pipe",
        "/document?path=documents",
        "/document?path=cse.yaml",
        "/document?path=.git/config",
        "/element/../../secret.txt",
        "/element/..%2F..%2Fsecret.txt",
        "/element/9.9.9",
        "/reviews/..%2F..%2Fsecret.txt",
        "/reviews/surveillance-3",
        "/criterion/9",
        "/reports/..%2F..%2Fsecret.txt",
        "/reports/secret.txt",
        "/static/..%2F..%2F..%2Fsecret.txt",
        "/static/govuk",
        "/../secret.txt",
        "/element/..%2F..%2Fsecret.txt?as=text",
        "/element/9.9.9?cite=x",
        "/reviews/..%2F..%2Fsecret.txt?as=text",
    ],
)
def test_no_route_reads_outside_the_repository(served: Served, path: str) -> None:
    answer = served.request("GET", path)
    assert answer.status == 404, answer.text
    assert SECRET not in answer.body


@pytest.mark.parametrize(
    "path",
    [
        "/element/..%2F..%2Fsecret.txt",
        "/element/..%2F..%2Fsecret.txt/check",
        "/element/9.9.9",
        "/element/9.9.9/check",
        "/reviews/..%2F..%2Fsecret.txt",
        "/reviews/surveillance-3",
    ],
)
def test_no_form_writes_outside_the_repository(served: Served, repo: Path, path: str) -> None:
    before = snapshot(repo.parent)
    answer = post_form(served, path, {"final": "full", "text": "x", "mode": "text"})
    assert answer.status == 404, answer.text
    assert SECRET not in answer.body
    assert snapshot(repo.parent) == before


def test_a_cited_path_outside_is_never_offered_nor_written(served: Served, repo: Path) -> None:
    before = snapshot(repo.parent)
    page = served.request("GET", "/element/1.1.1").text
    assert "secret.txt" not in page  # the link out and the pipe are not documents to choose
    assert "documents/pipe" not in page
    for path in ("../secret.txt", "documents/out.txt", "documents/pipe", "/etc/passwd"):
        answer = post_form(served, "/element/1.1.1", {**form_of(page), "evidence.0.path": path})
        assert answer.status == 400, path
        assert "is not one of its choices" in answer.text
    search = served.request("GET", "/cite?q=..%2F..%2Fsecret&element=..%2Fsecret.txt")
    assert search.status == 200
    assert SECRET not in search.body
    assert snapshot(repo.parent) == before


def test_a_document_is_sent_as_a_download_never_as_a_page(served: Served, repo: Path) -> None:
    (repo / "documents" / "page.html").write_text(
        "<script>alert(1)</script>", encoding="utf-8", newline=""
    )
    answer = served.request("GET", "/document?path=documents/page.html")
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/octet-stream"
    assert answer.headers["content-disposition"].startswith('attachment; filename="page.html"')
    assert "sandbox" in answer.headers["content-security-policy"]


@given(st.text(max_size=300))
def test_a_safe_name_stays_in_its_folder(name: str) -> None:
    safe = safe_name(name)
    if safe is None:
        return
    assert "/" not in safe
    assert "\\" not in safe
    assert not safe.startswith((".", "-", " "))
    assert safe not in {".", ".."}
    assert len(safe) <= 120
    assert safe.isprintable()


def test_safe_names() -> None:
    assert safe_name("C:\\Users\\me\\Report (final).pdf") == "Report -final.pdf"
    assert safe_name("../../x") == "x"
    assert safe_name(".bashrc") == "bashrc"
    assert safe_name("CON.txt") == "file-CON.txt"
    assert safe_name("...") is None
