"""The count of files read, shown on stderr only for long runs on a terminal.

No test here waits: the clock is injected, or the delay set to nothing.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cse_cli.cli import progress
from cse_cli.cli.progress import Progress, progress_on
from cse_cli.io.repository import open_repository
from cse_cli.io.resources import load_standard
from tests.helpers import BOLTON, WINDOWS, utf8_streams

needs_pty = pytest.mark.skipif(WINDOWS, reason="Windows has no pseudo-terminals (pty)")


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_before_the_delay() -> None:
    clock, stream = Clock(), io.StringIO()
    shown = Progress(stream, clock)
    clock.now += progress.DELAY - 0.01
    shown(1, 57)
    assert stream.getvalue() == ""


def test_the_count_is_drawn_on_one_line_not_too_often_then_wiped() -> None:
    clock, stream = Clock(), io.StringIO()
    shown = Progress(stream, clock)
    clock.now += progress.DELAY
    shown(2, 57)
    assert stream.getvalue() == "\rcse: reading evidence files 2/57"
    clock.now += progress.INTERVAL / 2
    shown(3, 57)  # too soon to redraw
    assert stream.getvalue() == "\rcse: reading evidence files 2/57"
    shown(57, 57)  # the last file is always drawn
    assert stream.getvalue().endswith("\rcse: reading evidence files 57/57")
    shown.clear()
    assert stream.getvalue().endswith(
        "57/57\r" + " " * len("cse: reading evidence files 57/57") + "\r"
    )


def test_a_shorter_line_covers_a_longer_one() -> None:
    clock, stream = Clock(), io.StringIO()
    shown = Progress(stream, clock)
    clock.now += progress.DELAY
    shown(1, 100)
    clock.now += progress.INTERVAL * 2
    shown(2, 9)
    assert stream.getvalue().endswith("\rcse: reading evidence files 2/9  ")


def test_a_run_too_short_to_draw_wipes_nothing() -> None:
    stream = Terminal()
    with progress_on(stream) as shown:
        assert shown is not None
        shown(1, 1)
    assert stream.getvalue() == ""


@pytest.mark.parametrize(
    ("stream", "wanted"), [(io.StringIO(), True), (Terminal(), False)], ids=["no-terminal", "json"]
)
def test_no_progress_unless_on_a_terminal_and_wanted(stream: io.StringIO, wanted: bool) -> None:
    with progress_on(stream, wanted=wanted) as shown:
        assert shown is None


def test_the_line_is_wiped_when_reading_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    stream = Terminal()

    def interrupted_read() -> None:
        with progress_on(stream) as shown:
            assert shown is not None
            shown(1, 2)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted_read()
    assert stream.getvalue().endswith("\r" + " " * len("cse: reading evidence files 1/2") + "\r")


def test_the_reader_reports_each_element_file() -> None:
    calls: list[tuple[int, int]] = []
    open_repository(BOLTON, load_standard(), lambda done, total: calls.append((done, total)))
    assert calls == [(done, 57) for done in range(1, 58)]


def _on_a_terminal(args: list[str]) -> tuple[str, bytes]:
    """Run cse with no delay before the count, stderr on a pseudo-terminal: (stdout, stderr)."""
    probe = (
        "import sys\n"
        "import cse_cli.cli.progress\n"
        "from cse_cli.cli.main import main\n"
        "cse_cli.cli.progress.DELAY = 0.0\n"
        f"sys.argv = ['cse', *{args!r}]\n"
        "sys.exit(main())\n"
    )
    import pty  # POSIX alone: on Windows it cannot be imported

    leader, follower = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1"}
    with subprocess.Popen(
        [sys.executable, "-c", probe], stdout=subprocess.PIPE, stderr=follower, env=env
    ) as child:
        os.close(follower)
        err = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes with the program
                break
            if not chunk:
                break
            err += chunk
        out = child.stdout.read().decode() if child.stdout else ""
    os.close(leader)
    return out, err


@needs_pty
def test_a_long_check_on_a_terminal_shows_and_wipes_the_count() -> None:
    out, err = _on_a_terminal(["check", str(BOLTON)])
    line = b"cse: reading evidence files 57/57"
    assert line in err
    assert err.endswith(b"\r" + b" " * len(line) + b"\r")  # wiped: nothing of it remains
    assert "Customer Insight" in out


@needs_pty
@pytest.mark.parametrize("output_format", ["json", "github"])
def test_no_count_with_output_for_programs(output_format: str) -> None:
    out, err = _on_a_terminal(["check", str(BOLTON), "--format", output_format])
    assert b"reading evidence files" not in err
    assert out


def test_no_count_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "import cse_cli.cli.progress\n"
        "from cse_cli.cli.main import main\n"
        "cse_cli.cli.progress.DELAY = 0.0\n"
        f"sys.argv = ['cse', 'check', {str(BOLTON)!r}]\n"
        "sys.exit(main())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        encoding="utf-8",
        env=utf8_streams(),
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == ""
