"""Text is read and written the same on every system: the code says its encoding and line ends.

Python reads and writes text in the locale's encoding unless told otherwise, and that
is a code page such as cp1252 on Windows: cse's UTF-8 files would read as mojibake,
and `✅` or `❌` would not decode at all. It also writes `\\n` as `\\r\\n` there, so a
file a test writes would not hold the bytes the test names, and a shell script would
not run. No one runs the tests on Windows before CI does: this test finds each place
that leaves either to the system, in cse and in its tests.

- `read_text()` names its encoding; `write_text()` and `open(..., "w")` name their
  encoding and their line ends (`newline=""`: as written);
- a process whose output is read as text (`text=True`) names the encoding to read.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.helpers import PROJECT

# what runs on every system: cse, its tests, and the example script the tests run
SOURCES = sorted(
    path for folder in ("src", "tests", "examples") for path in (PROJECT / folder).rglob("*.py")
)
TEXT_MODE = re.compile(r"[rwax]\+?t?")
PROCESSES = {"run", "Popen", "check_output", "check_call", "call"}


def _keywords(call: ast.Call) -> set[str | None]:
    return {keyword.arg for keyword in call.keywords}


def _is_true(call: ast.Call, name: str) -> bool:
    return any(
        k.arg == name and isinstance(k.value, ast.Constant) and k.value.value for k in call.keywords
    )


def _mode(call: ast.Call, position: int) -> str | None:
    """The mode `open` is called with, when it is written out (else None)."""
    given = [k.value for k in call.keywords if k.arg == "mode"] or call.args[
        position : position + 1
    ]
    if not given:
        return "r"
    if isinstance(given[0], ast.Constant) and isinstance(given[0].value, str):
        return given[0].value
    return None


def left_to_the_system(source: str) -> list[str]:
    """Each call in `source` that leaves its encoding or line ends to the system."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        keys, function = _keywords(node), node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        missing: set[str] = set()
        if name == "read_text" and not node.args:
            missing = {"encoding"} - keys
        elif name == "write_text":
            missing = {"encoding", "newline"} - keys
        elif name == "open" and isinstance(function, (ast.Name, ast.Attribute)):
            position = 1 if isinstance(function, ast.Name) else 0
            mode = _mode(node, position)
            if mode is not None and TEXT_MODE.fullmatch(mode):
                missing = {"encoding"} | ({"newline"} if mode[0] in "wax" else set())
                missing -= keys
        elif name in PROCESSES and (_is_true(node, "text") or _is_true(node, "universal_newlines")):
            missing = {"encoding"} - keys
        if missing:
            found.append(f"{node.lineno}: {name}() without {' and '.join(sorted(missing))}")
    return found


def test_each_way_of_leaving_it_to_the_system_is_found() -> None:
    planted = (
        "p.read_text()\np.write_text(t, encoding='utf-8')\nopen(name)\nopen(name, 'w')\n"
        "p.open('a', encoding='utf-8')\nsubprocess.run(args, text=True)\n"
        "subprocess.Popen(args, universal_newlines=True)\n"
    )
    assert left_to_the_system(planted) == [
        "1: read_text() without encoding",
        "2: write_text() without newline",
        "3: open() without encoding",
        "4: open() without encoding and newline",
        "5: open() without newline",
        "6: run() without encoding",
        "7: Popen() without encoding",
    ]
    said = (
        "p.read_text(encoding='utf-8')\np.write_text(t, encoding='utf-8', newline='')\n"
        "open(name, 'rb')\np.open('wb')\nzip.open('x.xml', 'w')\nserver.open(path)\n"
        "open(name, encoding='utf-8')\nsubprocess.run(args, encoding='utf-8')\n"
        "subprocess.run(args, capture_output=True)\n"
    )
    assert left_to_the_system(said) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(PROJECT).as_posix())
def test_text_is_read_and_written_the_same_on_every_system(path: Path) -> None:
    assert left_to_the_system(path.read_text(encoding="utf-8")) == []
