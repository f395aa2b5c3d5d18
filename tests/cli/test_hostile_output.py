"""Standard output closed or full (§4).

A closed pipe (`cse check | head -1`) ends the run quietly, as Unix tools end,
with 141 (128 + SIGPIPE); a full one (`>/dev/full`) is one line on stderr and
exit 2; neither prints a traceback or "Exception ignored".
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cse_cli.cli import console
from cse_cli.cli.main import main
from tests.helpers import BOLTON, DATA

COMMANDS = {
    "check": ["check", str(BOLTON)],
    "check json": ["check", str(BOLTON), "--format", "json"],
    "check github": ["check", str(DATA / "invalid" / "bad-date" / "repo"), "--format", "github"],
    "gap": ["gap", str(BOLTON)],
    "report md": ["report", str(BOLTON), "--format", "md"],
    "report html": ["report", str(BOLTON), "--format", "html"],
    "diff": ["diff", "--base-dir", str(BOLTON), "--head-dir", str(BOLTON)],
    "schema": ["schema"],
    "help": ["--help"],
}


def _program(args: list[str], stdout: int) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cse_cli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_closed_pipe_ends_the_run_quietly(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first byte, as `head` goes after some
    try:
        result = _program(args, write_end)
    finally:
        os.close(write_end)
    assert result.stderr == b""
    assert result.returncode == 141


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full (Linux has one)")
@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_full_standard_output_is_one_line(args: list[str]) -> None:
    with Path("/dev/full").open("wb") as full:
        result = _program(args, full.fileno())
    assert (
        result.stderr == b"cse: error: cannot write to standard output: No space left on device\n"
    )
    assert result.returncode == 2


class _Closed(io.StringIO):
    """A stream that fails as a pipe closed by its reader does, once it is sent something."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        if text:
            raise self.error
        return 0


CLOSED = {  # how a pipe whose reader has gone fails a write, on each system
    "epipe": (BrokenPipeError(errno.EPIPE, "Broken pipe"), False),
    "windows-einval": (OSError(errno.EINVAL, "Invalid argument"), True),
}


@pytest.mark.parametrize(("error", "windows"), CLOSED.values(), ids=CLOSED.keys())
@pytest.mark.parametrize("args", [["check", str(BOLTON)], ["--help"]], ids=["check", "help"])
def test_a_closed_pipe_in_process(
    args: list[str], error: OSError, windows: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """main() itself, with stdout a stream that is not a file: still exit 141, nothing said.

    Windows' C runtime calls a closed pipe EINVAL (python/cpython#79935): there, and
    only there, that is the reader gone too.
    """
    monkeypatch.setattr(console, "_WINDOWS", windows)
    monkeypatch.setattr(sys, "stdout", _Closed(error))
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(args) == 141
    assert stderr.getvalue() == ""


def test_einval_elsewhere_is_a_failed_write(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "_WINDOWS", False)
    monkeypatch.setattr(sys, "stdout", _Closed(OSError(errno.EINVAL, "Invalid argument")))
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["check", str(BOLTON)]) == 2
    assert stderr.getvalue() == "cse: error: cannot write to standard output: Invalid argument\n"
