"""Starting the editor: find the repository, bind the port, print the address, serve until Ctrl-C.

Only `cse serve` imports this module (and with it uvicorn). The port is bound
before anything is printed, so a port in use is one line
and exit 2, and the printed address always answers. The server is uvicorn,
given the bound socket; Ctrl-C stops it cleanly and ends `cse` with 130, as
any command ends on Ctrl-C.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import signal
import socket
from typing import TYPE_CHECKING

import uvicorn

from cse_cli.core.problems import CseError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

LOOPBACK = "127.0.0.1"


def serve(
    path: Path, *, host: str, port: int, open_browser: bool, say: Callable[[str, bool], None]
) -> None:
    """Serve the repository holding `path` until Ctrl-C (KeyboardInterrupt).

    `say(text, err)` prints a line on stdout, or on stderr with `err`. Raises
    CseError, before anything is served, for no cse.yaml, a cse.yaml with
    errors, or an address that cannot be served on.
    """
    from cse_cli.io.resources import load_standard
    from cse_cli.io.root import CONFIG_FILE, find_root
    from cse_cli.serve.state import Repository

    repository = Repository(find_root(path), load_standard())
    evidence = repository.current().evidence
    unusable = [p for p in evidence.problems if p.file == CONFIG_FILE and p.severity == "error"]
    if unusable:
        raise CseError(*unusable)
    listening = bind(host, port)
    _serve_on(listening, repository, host, open_browser, say)


def _serve_on(
    listening: socket.socket,
    repository: object,
    host: str,
    open_browser: bool,
    say: Callable[[str, bool], None],
) -> None:
    from cse_cli.serve.app import build
    from cse_cli.serve.guard import Session
    from cse_cli.serve.state import Repository

    assert isinstance(repository, Repository)  # noqa: S101 - typed loosely to import late
    session = Session(host=host_header(host, listening.getsockname()[1]))
    app = build(repository, session)
    if not _is_loopback(host):
        say(
            f"cse: warning: serving on {host}, not only this computer: anyone who can reach "
            "it and has the address below can edit the evidence",
            True,  # on stderr
        )
    config = uvicorn.Config(
        app,
        lifespan="off",
        log_level="warning",
        access_log=False,
        server_header=False,
        date_header=False,
        timeout_keep_alive=5,
    )
    server = _Server(config)
    organisation = repository.current().evidence.config.organisation
    with server.stop_on_signals():  # before the address is printed: a Ctrl-C at once is heard
        say(f"cse: serving {organisation} at {session.url()} (Ctrl-C to stop)", False)
        if open_browser:
            import webbrowser

            webbrowser.open(session.url())
        server.run(sockets=[listening])
    if server.interrupted:
        raise KeyboardInterrupt
    raise CseError("the editor stopped: it could not start serving")


class _Server(uvicorn.Server):
    """A uvicorn server that stops on Ctrl-C, then says so, instead of raising the signal again.

    uvicorn raises the signal again once it has stopped, where asyncio's own
    handler may take it; here the server only records it, and `serve` ends
    with KeyboardInterrupt, which `cse` turns into exit 130 like any command.
    """

    interrupted = False

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """Nothing: `stop_on_signals` set the handlers before the address was printed.

        Set here, as uvicorn does, they would leave a moment after the address is
        printed when Ctrl-C finds Python's own handler, and asyncio's in its turn.
        """
        yield

    @contextlib.contextmanager
    def stop_on_signals(self) -> Iterator[None]:
        """Ctrl-C (or SIGTERM) stops the server, even before it runs; a second stops it at once."""

        def stop(_signum: int, _frame: object) -> None:
            self.interrupted = True
            self.force_exit = self.should_exit
            self.should_exit = True

        before = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in before.items():
                signal.signal(sig, handler)


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to `host` and `port` (0: a free one) and listening; CseError if it cannot."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listening = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        raise CseError(f"--host {host}: cannot serve on it ({exc.strerror or exc})") from None
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Each connection sends a response's head and body at once, not the body a
    # delayed acknowledgement later: accepted sockets inherit the option.
    listening.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        listening.bind((host, port))
        listening.listen(128)
    except OSError as exc:
        listening.close()
        if exc.errno == errno.EADDRINUSE:
            raise CseError(
                f"port {port} on {host} is in use: stop what uses it, or leave --port out "
                "to serve on a free port"
            ) from None
        if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
            raise CseError(
                f"--host {host}: not an address of this computer ({exc.strerror or exc})"
            ) from None
        raise CseError(f"cannot serve on {host} port {port}: {exc.strerror or exc}") from None
    return listening


def host_header(host: str, port: int) -> str:
    """The Host header a browser sends for the address: `127.0.0.1:8765`, `[::1]:8765`."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
