"""`cse serve` started as a user starts it: the line it prints, Ctrl-C, and what stops it."""

from __future__ import annotations

import socket
import subprocess
import sys
from typing import TYPE_CHECKING

from tests.helpers import (
    ANYTOWN,
    BOLTON,
    element_yaml,
    form_of,
    needs_sigint,
    serving,
    start_serve,
    stop_serve,
    write_repo,
)

if TYPE_CHECKING:
    from pathlib import Path


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cse_cli", "serve", *args, "--no-browser"],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )  # fmt: skip


@needs_sigint
def test_prints_one_line_and_stops_on_ctrl_c_with_130() -> None:
    served = start_serve(BOLTON)
    assert served.organisation == (
        "University of Bolton – Library, Student Services, Careers and Reception"
    )
    assert served.host.startswith("127.0.0.1:")
    assert len(served.token) >= 40
    assert served.request("GET", "/").status == 200
    code, out, err = stop_serve(served)
    assert code == 130
    assert out == ""  # the one line, and nothing after it
    assert err.strip() == "cse: interrupted"


def test_each_run_has_its_own_token() -> None:
    with serving(ANYTOWN) as first, serving(ANYTOWN) as second:
        assert first.token != second.token
        assert first.port != second.port
        # the first's cookie does not open the second
        cookie = first.cookies()[f"cse-token-{first.port}"]
        wrong = second.request("GET", "/", cookies={f"cse-token-{second.port}": cookie})
        assert wrong.status == 403


def test_a_port_in_use_is_one_line_and_exit_2() -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        result = _serve(str(ANYTOWN), "--port", str(port))
    finally:
        taken.close()
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"cse: error: port {port} on 127.0.0.1 is in use: stop what uses it, or leave --port "
        "out to serve on a free port"
    ]


def test_no_cse_yaml_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = _serve(str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"cse: error: no cse.yaml in {tmp_path} or any folder above it: run `cse init` to "
        "start an evidence repository"
    ]


def test_a_cse_yaml_that_cannot_be_read_stops_it_with_its_problem(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/.keep": ""}, config=None)
    (root / "cse.yaml").write_bytes(b"organisation: \xff\xfe\n")
    result = _serve(str(root))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("cse.yaml:")
    assert "UTF-8" in lines[0]


def test_invalid_element_files_do_not_stop_it(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path / "repo", {"evidence/1.1.1.yaml": element_yaml("1.1.1", final="maybe")}
    )
    with serving(root) as served:
        page = served.request("GET", "/element/1.1.1")
    assert page.status == 200
    assert (
        "evidence/1.1.1.yaml:2:8: error: final: &#39;maybe&#39; is not a rating: use "
        "compliance-plus, full, partial or non-compliance (or CP, F, P, NC)"
    ) in page.text  # word for word as cse check prints it
    assert form_of(page.text)["final"] == "maybe"  # its form opens, the value as the file has it
    assert "maybe (as the file has it)" in page.text


@needs_sigint
def test_another_host_is_warned_about(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/.keep": ""})
    served = start_serve(root, "--host", "0.0.0.0")  # noqa: S104 - the warning is the point
    code, _, err = stop_serve(served)
    assert served.host.startswith("0.0.0.0:")
    assert code == 130
    assert err.splitlines()[0] == (
        "cse: warning: serving on 0.0.0.0, not only this computer: anyone who can reach it "
        "and has the address below can edit the evidence"
    )


def test_serve_has_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cse_cli", "serve", "--help"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0
    for option in ("--port", "--host", "--no-browser"):
        assert option in result.stdout


_CTRL_C_AT_THE_ADDRESS = """
import os, signal, sys
from pathlib import Path
from cse_cli.serve.server import serve
python_s = []
def say(text, err):
    if text.startswith("cse: serving"):
        python_s.append(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
        os.kill(os.getpid(), signal.SIGINT)
try:
    serve(Path(sys.argv[1]), host="127.0.0.1", port=0, open_browser=False, say=say)
except KeyboardInterrupt:
    print("interrupted; Python's own handler had it:", *python_s)
"""


@needs_sigint
def test_ctrl_c_is_the_servers_from_the_moment_the_address_is_printed() -> None:
    """A Ctrl-C just after the address stops the server: Python's own handler had it before.

    Between the two, under load, the signal could land in asyncio's start-up and
    leave the server running.
    """
    result = subprocess.run(
        [sys.executable, "-c", _CTRL_C_AT_THE_ADDRESS, str(ANYTOWN)],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )  # fmt: skip
    assert result.stdout == "interrupted; Python's own handler had it: False\n", result.stderr
