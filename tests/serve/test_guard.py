"""No one in but the person who started it: the token, the Host header, CSRF, the headers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from cse_cli.serve.app import POSTS
from tests.helpers import ANYTOWN, Served, multipart, serving, snapshot

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with serving(ANYTOWN) as running:
        yield running


def test_no_token_is_403_with_a_page_saying_how_to_open_it(served: Served) -> None:
    for cookies in ({}, {f"cse-token-{served.port}": "not-the-token"}):
        answer = served.request("GET", "/", cookies=cookies)
        assert answer.status == 403
        assert "use the address <code>cse serve</code> printed" in answer.text
        assert served.token not in answer.text


def test_a_wrong_token_in_the_address_sets_no_cookie(served: Served) -> None:
    answer = served.request("GET", "/?token=" + "x" * len(served.token), cookies={})
    assert answer.status == 403
    assert answer.headers.get_all("set-cookie") is None


def test_the_token_becomes_a_strict_http_only_cookie_and_leaves_the_address(
    served: Served,
) -> None:
    answer = served.request("GET", f"/criterion/2?token={served.token}&owner=x", cookies={})
    assert answer.status == 303
    assert answer.headers["location"] == "/criterion/2?owner=x"
    cookies = answer.headers.get_all("set-cookie")
    assert len(cookies) == 2
    for cookie in cookies:
        assert "HttpOnly" in cookie
        assert "SameSite=Strict" in cookie
    assert cookies[0].startswith(f"cse-token-{served.port}={served.token};")


@pytest.mark.parametrize(
    "host", ["evil.example:{port}", "localhost:{port}", "127.0.0.1", "127.0.0.1:1", ""]
)
def test_a_foreign_host_header_is_refused_even_with_the_token(served: Served, host: str) -> None:
    answer = served.request("GET", "/", headers={"Host": host.format(port=served.port)})
    assert answer.status == 403
    assert "Organisation" not in answer.text
    assert "Anytown" not in answer.text


def test_every_response_forbids_framing_inline_script_sniffing_and_referrers(
    served: Served,
) -> None:
    for path in ("/", "/documents", "/static/cse.js", "/no-such-page"):
        headers = served.request("GET", path).headers
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_hold_no_inline_script_or_style(served: Served) -> None:
    for path in ("/", "/criterion/1", "/element/1.1.1", "/documents", "/changes", "/reports"):
        page = served.request("GET", path).text
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
        assert " style=" not in page
        assert "<style" not in page


def test_other_methods_are_refused(served: Served) -> None:
    for method in ("PUT", "DELETE", "PATCH"):
        assert served.request(method, "/documents", body=b"").status == 405


@pytest.mark.parametrize("path", POSTS)
def test_a_post_without_the_csrf_token_writes_nothing(served: Served, path: str) -> None:
    before = snapshot(ANYTOWN)
    cookies = served.cookies()
    form = b"message=x&where=new&branch=b"
    urlencoded = "application/x-www-form-urlencoded"
    for body, kind in (
        (form, urlencoded),
        (form + b"&csrftoken=wrong", urlencoded),
        multipart([("csrftoken", "wrong")], ("document", "x.pdf", b"%PDF")),
        multipart([], ("document", "x.pdf", b"%PDF")),
        multipart(
            [("csrftoken", "wrong"), ("final", "full")], ("evidence.0.path.upload", "x.pdf", b"x")
        ),
        multipart([("final", "full")], ("evidence.0.path.upload", "x.pdf", b"x")),
    ):
        answer = served.request(
            "POST", path, cookies=cookies, body=body, headers={"Content-Type": kind}
        )
        assert answer.status in {403, 415}, answer.text
    assert snapshot(ANYTOWN) == before


def test_a_post_over_the_limit_is_refused_before_it_is_read(served: Served) -> None:
    from cse_cli.serve.bodies import MAX_BODY_BYTES

    # only the headers are sent: the answer comes without a byte of the body
    answer = served.request(
        "POST",
        "/documents",
        headers={"Content-Length": str(MAX_BODY_BYTES + 1), "Content-Type": "text/plain"},
    )
    assert answer.status == 413
    assert f"over the limit of {MAX_BODY_BYTES:,}" in answer.text


def test_a_post_without_its_length_is_not_read(served: Served) -> None:
    answer = served.request(
        "POST", "/changes/save", headers={"Transfer-Encoding": "chunked"}, body=b"0\r\n\r\n"
    )
    assert answer.status == 411


def test_a_form_over_its_limit_is_refused(served: Served) -> None:
    from cse_cli.serve.bodies import MAX_FORM_BYTES

    cookies = served.cookies()
    body = b"csrftoken=" + cookies[f"cse-csrf-{served.port}"].encode() + b"&message="
    body += b"x" * (MAX_FORM_BYTES + 1 - len(body))
    answer = served.request(
        "POST",
        "/changes/save",
        cookies=cookies,
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status == 413


@pytest.mark.parametrize("path", POSTS)
def test_every_post_without_the_token_or_from_another_host_writes_nothing(
    served: Served, path: str
) -> None:
    before = snapshot(ANYTOWN)
    cookies = served.cookies()
    csrf = cookies[f"cse-csrf-{served.port}"]
    body, kind = multipart([("csrftoken", csrf), ("final", "full")], ("x.upload", "x.pdf", b"x"))
    for jar, host in (
        ({f"cse-csrf-{served.port}": csrf}, served.host),  # the CSRF cookie, not the token's
        (cookies, f"evil.example:{served.port}"),
    ):
        answer = served.request(
            "POST", path, cookies=jar, body=body, headers={"Content-Type": kind, "Host": host}
        )
        assert answer.status == 403
    assert snapshot(ANYTOWN) == before
