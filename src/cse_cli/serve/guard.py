"""Who may use the editor: the person who started it, in their own browser, and no web page.

Modelled on Jupyter server and Datasette, it is one ASGI middleware in front of
every route:

- the Host header must name the address and port the server is bound to, so a
  web page whose own name was made to resolve to 127.0.0.1 (DNS rebinding)
  reaches nothing;
- the token arrives once in the printed address (`?token=…`), is compared in
  constant time, becomes an HttpOnly, SameSite=Strict cookie, and the browser is
  sent to the same address without it, so it stays out of history and bookmarks;
  every other request needs the cookie, or it gets a 403 page saying how to open
  the editor;
- a POST must say its length and stay under the largest limit before a byte of
  it is read, and carry the CSRF token of the double-submit cookie (checked with
  the body, in `cse_cli.serve.bodies`);
- every response forbids framing and inline script (Content-Security-Policy),
  content sniffing and referrers, and is never cached.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode

from cse_cli.serve.bodies import MAX_BODY_BYTES

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)
FORBIDDEN = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}: cse serve</title></head>
<body><main><h1>{title}</h1>{body}</main></body></html>
"""
HOW_TO_OPEN = (
    "<p>This is the evidence editor started by <code>cse serve</code>. Only the person who "
    "started it can use it.</p><p>To open it, use the address <code>cse serve</code> printed "
    "in the terminal where it runs: it starts with <code>http://{host}/</code> and ends with "
    "<code>?token=</code> and a long code. If that address is lost, stop the editor with "
    "Ctrl-C in its terminal and start it again with <code>cse serve</code>.</p>"
)
WRONG_HOST = (
    "<p>The editor answers only at the address it was started on. Open the address "
    "<code>cse serve</code> printed in its terminal.</p>"
)


@dataclass
class Session:
    """What one run of the server knows about its user: the secrets, and what it wrote."""

    host: str
    """The bound address and port as a Host header names them: `127.0.0.1:8765`."""
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    written: set[str] = field(default_factory=set)
    """The files the editor wrote, relative to the repository: what "save a version" commits."""
    author: tuple[str, str] | None = None
    """The name and email given once for commits, when git's config has none."""

    @property
    def cookie(self) -> str:
        """The token cookie's name: one per port, since cookies do not tell ports apart."""
        return f"cse-token-{self.host.rpartition(':')[2]}"

    @property
    def csrf_cookie(self) -> str:
        """The CSRF cookie's name, one per port likewise."""
        return f"cse-csrf-{self.host.rpartition(':')[2]}"

    def url(self) -> str:
        """The address that opens the editor: the one printed, with the token."""
        return f"http://{self.host}/?token={self.token}"


class Guard:
    """The middleware that refuses every request but its user's (see the module's docstring)."""

    def __init__(self, app: ASGIApp, session: Session) -> None:
        """Guard `app` for `session`."""
        self.app = app
        self.session = session

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a request: refused here, or passed on to the routes with the headers added."""
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        secured = _secured(send)
        headers = _headers(scope)
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [value for key, value in query if key == "token"]
        refused = self._refused(scope, headers, given)
        if refused is not None:
            await _page(secured, *refused)
        elif given:
            await self._exchange(scope, secured, query)
        else:
            cookies = _cookies(headers.get("cookie", ""))
            scope.setdefault("state", {})["csrf"] = cookies.get(self.session.csrf_cookie, "")
            await self.app(scope, receive, secured)

    def _refused(
        self, scope: Scope, headers: dict[str, str], given: list[str]
    ) -> tuple[int, str, str] | None:
        """Why a request is refused before it reaches a route, or None."""
        if scope["type"] != "http" or headers.get("host") != self.session.host:
            return 403, "Not allowed", WRONG_HOST  # no websockets, no other name for the host
        if given:  # the token in the address: it must be the one printed
            return None if _same(given[-1], self.session.token) else self._no_token()
        cookies = _cookies(headers.get("cookie", ""))
        if not _same(cookies.get(self.session.cookie, ""), self.session.token):
            return self._no_token()
        if scope["method"] not in {"GET", "HEAD", "POST"}:
            return 405, "Not allowed", "<p>The editor takes GET and POST only.</p>"
        return _refused_post(headers) if scope["method"] == "POST" else None

    def _no_token(self) -> tuple[int, str, str]:
        return 403, "Open the editor from its address", HOW_TO_OPEN.format(host=self.session.host)

    async def _exchange(self, scope: Scope, send: Send, query: list[tuple[str, str]]) -> None:
        """The right token in the address: set it as a cookie, then go to the address without it."""
        rest = urlencode([(key, value) for key, value in query if key != "token"])
        path = scope["path"] if scope["path"].startswith("/") else "/"
        location = path + (f"?{rest}" if rest else "")
        flags = "HttpOnly; SameSite=Strict; Path=/"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", location.encode("latin-1", "replace")),
                    (
                        b"set-cookie",
                        f"{self.session.cookie}={self.session.token}; {flags}".encode(),
                    ),
                    (
                        b"set-cookie",
                        f"{self.session.csrf_cookie}={self.session.csrf}; {flags}".encode(),
                    ),
                    (b"content-length", b"0"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})


def _refused_post(headers: dict[str, str]) -> tuple[int, str, str] | None:
    """Why a POST is refused before its body is read, or None.

    Browsers give every form's length; a body without one could not be refused
    before it is read, so it is not read at all.
    """
    length = headers.get("content-length", "")
    if not length.isdigit():
        return 411, "Length required", "<p>The form was sent without its length.</p>"
    if int(length) > MAX_BODY_BYTES:
        return (
            413,
            "Too large",
            f"<p>The form sent {int(length):,} bytes, over the limit of {MAX_BODY_BYTES:,}.</p>",
        )
    return None


def _same(given: str, secret: str) -> bool:
    """Whether `given` is the secret, compared in constant time."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode())


def _headers(scope: Scope) -> dict[str, str]:
    """The request's headers by lower-case name (the last of each, as Starlette reads one)."""
    return {
        name.decode("latin-1").lower(): value.decode("latin-1")
        for name, value in scope.get("headers", [])
    }


def _cookies(header: str) -> dict[str, str]:
    """The cookies a Cookie header sends; none when it cannot be parsed."""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # noqa: BLE001 - a malformed header is no cookie at all
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


def _secured(send: Send) -> Send:
    """`send` with the security headers added to every response."""

    async def secured(message: Message) -> None:
        if message["type"] == "http.response.start":
            names = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(name, value) for name, value in HEADERS if name not in names]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return secured


async def _page(send: Send, status: int, title: str, body: str) -> None:
    """A refusal as a small page of its own (it loads nothing, which it could not)."""
    content = FORBIDDEN.format(title=title, body=body).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(content)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": content})
