"""The program's start (`cse_cli.__main__`): Ctrl-C at any moment is one line and exit 130.

Each run is a real process that sends itself SIGINT at a chosen moment: while
cse's modules are still being imported, or after the command has returned.
Importing cse installs no handler: only running the program does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.helpers import BOLTON, GOLDEN, needs_sigint, run

# The meta path finder sends Ctrl-C as `cse_cli.cli.main` (and Typer, Pydantic…) is
# about to be imported: the moment the installed `cse` spends longest in.
_WHILE_IMPORTING = """
import importlib.abc, os, signal, sys, time

class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "cse_cli.cli.main":
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(60)
        return None

sys.meta_path.insert(0, CtrlC())
from cse_cli.__main__ import main
main()
"""

_AFTER_MAIN = """
import os, signal, time
from cse_cli.__main__ import main
main()
os.kill(os.getpid(), signal.SIGINT)
time.sleep(60)
"""

STARTS = {"while-importing": _WHILE_IMPORTING, "after-main": _AFTER_MAIN}
# Windows has no SIGINT to send: os.kill(pid, SIGINT) ends the process outright there,
# and Ctrl-C is a console event that reaches Python's handler as SIGINT (needs_sigint).


def _default_ctrl_c() -> None:
    """Ctrl-C as a terminal gives it, whatever the tests were started with.

    A command started in the background by a shell (`pytest &`) has SIGINT
    ignored, and its children inherit that: they would be the ignoring job.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _program(code: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", code, "schema"],  # the argument after -c is sys.argv[1]
        capture_output=True,
        check=False,
        timeout=120,
        preexec_fn=_default_ctrl_c if os.name == "posix" else None,
    )


@needs_sigint
@pytest.mark.parametrize("code", STARTS.values(), ids=STARTS.keys())
def test_ctrl_c_outside_the_command_is_one_line(code: str) -> None:
    result = _program(code)
    assert result.stderr == b"cse: interrupted\n"
    assert result.returncode == 130


@needs_sigint
def test_ctrl_c_ignored_by_the_caller_stays_ignored() -> None:
    """A job started with SIGINT ignored (nohup, `&` in a script) is not stopped by it."""
    code = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n" + _AFTER_MAIN
    code = code.replace("time.sleep(60)", "print('still running')")
    result = _program(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(b"still running\n")


def test_importing_cse_installs_no_handler() -> None:
    code = (
        "import signal\n"
        "import cse_cli, cse_cli.__main__, cse_cli.cli.main, cse_cli.cli.app\n"
        "assert signal.getsignal(signal.SIGINT) is signal.default_int_handler\n"
    )
    result = _program(code)
    assert result.returncode == 0, result.stderr


def test_ctrl_c_inside_main_is_still_reported() -> None:
    assert run("check", str(BOLTON)).exit_code == 1  # main ran with Python's handler


def test_output_ends_its_lines_as_minus_o_writes_them() -> None:
    """`\n`, not the `\r\n` Python writes to a pipe or a file on Windows (made so here)."""
    code = (
        "import sys\n"
        "sys.stdout.reconfigure(newline='\\r\\n')  # what Windows gives a program\n"
        "from cse_cli.__main__ import main\n"
        "sys.exit(main())\n"
    )
    args = [sys.executable, "-c", code, "report", str(BOLTON), "--format", "md"]
    result = subprocess.run(args, capture_output=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout == (GOLDEN / "bolton.md").read_bytes()


def test_output_is_utf_8_whatever_the_locale_says() -> None:
    """As on Windows, where a pipe or a file gets the code page (cp1252) by default."""
    args = [sys.executable, "-m", "cse_cli", "report", str(BOLTON), "--format", "md"]
    utf8 = subprocess.run(args, capture_output=True, check=True, timeout=120)
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    cp1252 = subprocess.run(args, capture_output=True, check=False, timeout=120, env=env)
    assert cp1252.returncode == 0, cp1252.stderr.decode(errors="replace")
    assert cp1252.stdout == utf8.stdout
    assert max(utf8.stdout) > 0x7F  # the report holds characters that cp1252 lacks or differs on
