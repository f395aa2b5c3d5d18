"""A small Language Server Protocol client: drives yaml-language-server as an editor does.

It speaks JSON-RPC over the server's standard input and output (`node
node_modules/yaml-language-server/bin/yaml-language-server --stdio`, from `npm
ci`), answers what the server asks of an editor (its settings), and waits for
every reply with a deadline, so a server that hangs or dies fails the test with
what it printed instead of hanging the run.
"""

from __future__ import annotations

import contextlib
import json
import queue
import shutil
import subprocess
import threading
import time
from typing import IO, TYPE_CHECKING, Any, NoReturn

import pytest

from tests.helpers import PROJECT, need

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import TracebackType

    from typing_extensions import Self

SERVER = PROJECT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
TIMEOUT = 30.0  # seconds to wait for any one thing; the server takes well under one
# The server's settings, as VS Code's defaults have them but for the schema store,
# which would fetch a catalogue from the network: a file with a `$schema=` modeline
# uses that schema alone in any case.
SETTINGS: dict[str, Any] = {
    "validate": True,
    "hover": True,
    "completion": True,
    "schemaStore": {"enable": False},
}
Position = dict[str, int]


def position(text: str, needle: str, shift: int = 0) -> Position:
    """The LSP position (line, character) `shift` characters after the first `needle`."""
    offset = text.index(needle) + shift
    line_start = text.rfind("\n", 0, offset) + 1
    return {"line": text.count("\n", 0, offset), "character": offset - line_start}


class LanguageServer:
    """yaml-language-server in a child process, spoken to as an editor speaks to it.

    Use it as a context manager: entering starts and initialises the server and
    waits until it has asked for its settings; leaving shuts it down.
    """

    def __init__(self, root: Path, schemas: dict[str, str] | None = None) -> None:
        node = shutil.which("node")
        need(node, "node")
        need(SERVER.is_file(), f"yaml-language-server ({SERVER}; run `npm ci`)")
        assert node is not None
        self.root = root
        # `yaml.schemas`, as in .vscode/settings.json: schema path -> file pattern
        self.settings = {**SETTINGS, "schemas": schemas or {}}
        self._process = subprocess.Popen(
            [node, str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=root,
        )
        self._inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._stderr: list[bytes] = []
        self._replies: dict[int, dict[str, Any]] = {}
        self._diagnostics: dict[str, list[dict[str, Any]]] = {}
        self._opened: set[str] = set()
        self._last_id = 0
        self._configured = False
        assert self._process.stdout is not None
        assert self._process.stderr is not None
        self._threads = [
            threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True),
            threading.Thread(target=self._drain, args=(self._process.stderr,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> Self:
        try:
            self.request("initialize", self._initialize())
            self.notify("initialized", {})
            self._wait(lambda: self._configured, "the server's request for its settings")
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self.request("shutdown", None)
                self.notify("exit", None)
        finally:
            self._stop(wait=kind is None)

    # what an editor asks ------------------------------------------------------------

    def open(self, path: Path) -> str:
        """Tell the server the file at `path` is open in the editor, as it is on disk.

        The server checks it a moment later (it waits for typing to pause): to wait
        less, open every file first, then ask for their diagnostics.
        """
        uri = path.as_uri()
        # once: diagnostics carry no version, so a reopened file's could be the old ones
        assert uri not in self._opened, f"{path} is open already"
        self._opened.add(uri)
        item = {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text("utf-8")}
        self.notify("textDocument/didOpen", {"textDocument": item})
        return uri

    def hover(self, uri: str, at: Position) -> str:
        """The Markdown the editor shows on hovering at `at` ("" when it shows nothing)."""
        found = self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at})
        if not found:
            return ""
        contents = found["contents"]
        return str(contents["value"] if isinstance(contents, dict) else contents)

    def completion(self, uri: str, at: Position) -> list[dict[str, Any]]:
        """The completion items the editor offers at `at`."""
        params = {"textDocument": {"uri": uri}, "position": at}
        found = self.request("textDocument/completion", params)
        items: list[dict[str, Any]] = found["items"] if isinstance(found, dict) else found or []
        return items

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """The problems the server publishes for an open file (waiting until it does)."""
        self._wait(lambda: uri in self._diagnostics, f"diagnostics for {uri}")
        return self._diagnostics[uri]

    def stderr(self) -> str:
        """What the server has written to its standard error so far."""
        return b"".join(self._stderr).decode("utf-8", "replace")

    # JSON-RPC -------------------------------------------------------------------------

    def request(self, method: str, params: object) -> Any:
        """Send a request and return its result; an error reply or no reply fails the test."""
        self._last_id += 1
        ident = self._last_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        self._wait(lambda: ident in self._replies, f"a reply to {method}")
        reply = self._replies.pop(ident)
        if "error" in reply:
            pytest.fail(f"{method} failed: {reply['error']}\n{self.stderr()}", pytrace=False)
        return reply.get("result")

    def notify(self, method: str, params: object) -> None:
        """Send a notification, which has no reply."""
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _initialize(self) -> dict[str, Any]:
        return {
            "processId": None,
            "rootUri": self.root.as_uri(),
            "workspaceFolders": [{"uri": self.root.as_uri(), "name": self.root.name}],
            "capabilities": {
                "workspace": {"configuration": True},
                "textDocument": {
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "completion": {"completionItem": {"snippetSupport": True}},
                    "publishDiagnostics": {},
                },
            },
        }

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            stdin.flush()
        except OSError:  # the pipe is broken: the server has stopped
            self._stopped(f"it read {message.get('method', 'a reply')}")

    def _wait(self, done: Callable[[], bool], what: str) -> None:
        """Handle the server's messages until `done()`; fail if TIMEOUT passes first."""
        deadline = time.monotonic() + TIMEOUT
        while not done():
            try:
                message = self._inbox.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                pytest.fail(f"waited {TIMEOUT:g}s for {what}\n{self.stderr()}", pytrace=False)
            if message is None:
                self._inbox.put(None)  # the output has ended: for any later wait, too
                self._stopped(what)
            self._handle(message)

    def _stopped(self, before: str) -> NoReturn:
        """Fail the test: the server has stopped (or stopped talking) before `before`."""
        try:
            how = f"exit status {self._process.wait(timeout=5)}"
        except subprocess.TimeoutExpired:
            how = "its output ended, the process runs on"
        pytest.fail(f"the server stopped ({how}) before {before}\n{self.stderr()}", pytrace=False)

    def _handle(self, message: dict[str, Any]) -> None:
        """Keep replies and diagnostics; answer what the server asks of the editor."""
        method = message.get("method")
        if method is None:
            self._replies[message["id"]] = message
        elif method == "textDocument/publishDiagnostics":
            self._diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif "id" in message:
            result: object = None
            if method == "workspace/configuration":
                items = message["params"]["items"]
                result = [self.settings if item.get("section") == "yaml" else {} for item in items]
                self._configured = True
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def _read(self, stream: IO[bytes]) -> None:
        """Split the server's output into messages (Content-Length framing) until it ends."""
        try:
            while True:
                length = None
                while (line := stream.readline()) not in {b"\r\n", b"\n"}:
                    if not line:
                        return
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if length is None:
                    self._stderr.append(b"(client) a message without Content-Length\n")
                    return
                self._inbox.put(json.loads(stream.read(length)))
        except ValueError as error:  # not ASCII headers, or not JSON
            self._stderr.append(f"(client) unreadable output: {error}\n".encode())
        finally:
            self._inbox.put(None)

    def _drain(self, stream: IO[bytes]) -> None:
        for line in iter(stream.readline, b""):
            self._stderr.append(line)

    def _stop(self, *, wait: bool = False) -> None:
        """End the process: after `exit` it stops by itself; otherwise, or if not, kill it."""
        try:
            self._process.wait(timeout=5 if wait else 0)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)
        for thread in self._threads:  # they end at the end of the output
            thread.join(timeout=5)
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):  # what is left unsent goes nowhere
                    stream.close()
