"""What one file may cost: the limits, their messages, and hostile files run in a real process.

Each hostile case of tests/data/invalid/ runs as a real `cse check --format json`:
exit 2, every problem located, no traceback, nothing from outside the repository
in the output, not a byte of the repository changed, and, where the system says
it (Linux), a peak resident memory under 300 MB (VmHWM: what the process itself
touched, which no allocator's reservations of address space change). Time is
never measured: the process runs under a CPU-time cap (RLIMIT_CPU, where the
system has one) so generous that only a runaway reaches it, and the work each
limit bounds is checked in-process by what it computes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from cse_cli.core.text import as_written, quoted
from cse_cli.io import yaml_scalars
from cse_cli.io.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NUMBER_CHARS,
    MAX_PROBLEMS_PER_FILE,
    MAX_VALUES,
)
from cse_cli.io.yaml_loader import load, typed
from cse_cli.io.yaml_scalars import FLOAT, INT
from tests.contract import MARKER, assert_json_contract
from tests.helpers import BOLTON, DATA, PROJECT, prepare_case, snapshot, write_repo

MEMORY_LIMIT = 300 * 2**20  # peak resident bytes of one `cse check`
CPU_SECONDS = 120  # a cap for a runaway (killed by SIGXCPU), not a measurement

HOSTILE = [
    "alias-bomb",
    "binary-and-other-encodings",
    "config-symlink-outside",
    "deep-nesting",
    "enormous-value",
    "evidence-dir-symlink-outside",
    "file-names-with-control-characters",
    "file-too-large",
    "long-number",
    "symlink-element-outside",
    "symlink-loop",
    "too-many-problems",
    "too-many-values",
]


def _errors(raw: bytes) -> list[str]:
    return [str(problem) for problem in load(raw, "f.yaml").problems]


# `python -m cse_cli ARGS` (cse_cli.__main__, as the installed program), capped in CPU
# time where the system caps it (RLIMIT_CPU: not Windows), that writes its peak resident
# set to the file named first where the system tells it: Linux's VmHWM, of this program
# alone, not of the test process it was forked from. (macOS's ru_maxrss may count what
# a fork copied of the test process; Windows has neither: there memory is not measured.)
MEASURED = """
import atexit, sys
from pathlib import Path
try:
    import resource
except ImportError:  # Windows
    resource = None
if resource is not None:
    resource.setrlimit(resource.RLIMIT_CPU, (int(sys.argv[2]), int(sys.argv[2])))
STATUS, PEAK = Path("/proc/self/status"), Path(sys.argv[1])
def peak() -> None:
    if STATUS.exists():
        kilobytes = STATUS.read_text(encoding="ascii").split("VmHWM:")[1].split()[0]
        PEAK.write_text(kilobytes, encoding="ascii", newline="")
atexit.register(peak)
from cse_cli.__main__ import main
sys.argv = ["cse", *sys.argv[3:]]
sys.exit(main())
"""
MEASURES_MEMORY = Path("/proc/self/status").exists()


def _cse(*args: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run `cse` as a real program under the CPU cap: the result and its peak resident bytes.

    The peak is 0 where the system does not say it (`MEASURES_MEMORY`: Linux).
    """
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        result = subprocess.run(
            [sys.executable, "-c", MEASURED, str(peak_file), str(CPU_SECONDS), *args],
            capture_output=True,
            encoding="utf-8",
            errors="backslashreplace",
            check=False,
            cwd=PROJECT,
        )
        peak = int(peak_file.read_text(encoding="ascii")) * 1024 if peak_file.exists() else 0
    return result, peak


def _within_memory(peak: int) -> bool:
    """Under the limit, where the system measures it (Linux)."""
    return 0 < peak < MEMORY_LIMIT if MEASURES_MEMORY else peak == 0


# the limits and their messages ---------------------------------------------------


def test_the_limits_are_far_above_a_real_file() -> None:
    heavy = (BOLTON / "evidence" / "1.1.1.yaml").read_bytes()
    assert len(heavy) * 100 < MAX_FILE_BYTES
    assert (MAX_FILE_BYTES, MAX_VALUES, MAX_DEPTH, MAX_NUMBER_CHARS) == (
        5_000_000, 100_000, 64, 100,
    )  # fmt: skip  # the README states these: change both together


def test_the_readme_states_every_limit() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    for figure in (
        "5 MB",
        f"{MAX_VALUES:,}",
        f"{MAX_DEPTH} levels",
        f"{MAX_NUMBER_CHARS} characters",
    ):
        assert figure in readme, figure
    assert f"{MAX_PROBLEMS_PER_FILE} problems" in readme


def test_a_file_over_the_size_limit() -> None:
    assert _errors(b"a: b\n" + b"#" * MAX_FILE_BYTES) == [
        "f.yaml:1:1: error: file is 5,000,005 bytes, over the limit of 5,000,000 for one YAML "
        "file: keep large documents as files of their own and point at them with path:"
    ]


def test_a_file_at_the_size_limit_loads() -> None:
    raw = b"notes: '" + b"x" * (MAX_FILE_BYTES - 10) + b"'\n"
    assert len(raw) <= MAX_FILE_BYTES
    document = load(raw, "f.yaml")
    assert document.problems == []
    assert len(document.data["notes"]) == MAX_FILE_BYTES - 10


def test_values_are_counted_with_or_without_aliases() -> None:
    flat = b"a: [" + b"1, " * MAX_VALUES + b"1]\n"
    assert _errors(flat) == [
        # the root mapping, its key and the list are the first three values
        f"f.yaml:1:{3 * (MAX_VALUES - 3) + 5}: error: the file holds more than 100,000 values "
        "(texts, numbers, lists and mappings): the limit for one file"
    ]
    under = b"a: [" + b"1, " * (MAX_VALUES - 10) + b"1]\n"
    assert load(under, "f").problems == []


def test_an_alias_counts_all_it_stands_for() -> None:
    laughs = b"a: &a [" + b"x, " * 999 + b"x]\nb: [" + b"*a, " * 199 + b"*a]\n"
    # each *a stands for 1,001 values: the 99th passes 100,000
    assert _errors(laughs) == [
        f"f.yaml:2:{5 + 4 * 98}: error: aliases expand to more than 100,000 values: "
        "the limit for one file"
    ]


def test_nesting_deeper_than_the_limit() -> None:
    assert _errors(b"a: " + b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1)) == []
    assert _errors(b"a: " + b"[" * MAX_DEPTH + b"]" * MAX_DEPTH) == [
        f"f.yaml:1:{MAX_DEPTH + 3}: error: nested more than 64 levels deep: the limit for one file"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "9" * (MAX_NUMBER_CHARS + 1),
        "1:" * 60 + "1",
        "1." + "5" * MAX_NUMBER_CHARS,
        "1:" * 500_000 + "1",
    ],
    ids=["digits", "base-60", "decimals", "base-60-huge"],
)
def test_numbers_longer_than_the_limit(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused before it is computed: base 60 of a million digits would take hours."""
    tried: list[str] = []
    _watch_numbers(monkeypatch, tried)
    (error,) = _errors(f"a: {text}\n".encode())
    assert (
        "looks like a number to YAML, and a number has at most 100 characters: put it in " in error
    )
    assert f"({len(text):,} characters)" in error
    assert [what for what in tried if what.startswith("computed")] == []
    # YAML 1.1's base-60 patterns take memory in proportion to the text: never tried on a long one
    assert [what for what in tried if what.startswith("matched") and ":" in text] == []


def _watch_numbers(monkeypatch: pytest.MonkeyPatch, tried: list[str]) -> None:
    """Record every number pattern tried on a long text and every number computed."""

    class Watched:
        def __init__(self, tag: str, pattern: re.Pattern[str]) -> None:
            self.tag, self.pattern = tag, pattern

        def match(self, text: str) -> re.Match[str] | None:
            if len(text) > MAX_NUMBER_CHARS:
                tried.append(f"matched {self.tag}")
            return self.pattern.match(text)

    numbers = {INT, FLOAT}
    watched = {
        first: [(tag, Watched(tag, pattern) if tag in numbers else pattern) for tag, pattern in r]
        for first, r in yaml_scalars._IMPLICIT.items()
    }
    monkeypatch.setattr(yaml_scalars, "_IMPLICIT", watched)
    monkeypatch.setattr(yaml_scalars, "_TYPED_CACHE", {})  # every text typed afresh
    constructors = yaml_scalars._CONSTRUCTOR.yaml_constructors
    for tag in numbers:
        real = constructors[tag]

        def computed(loader: object, node: object, tag: str = tag, real: Any = real) -> object:
            tried.append(f"computed {tag}")
            return real(loader, node)

        monkeypatch.setitem(constructors, tag, computed)


def test_the_number_watch_can_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    _watch_numbers(monkeypatch, tried)
    assert _errors(b"a: 12\nb: " + b"1" * (MAX_NUMBER_CHARS + 1) + b"\n")
    assert tried == [f"computed {INT}", f"matched {FLOAT}", f"matched {INT}"]


def test_long_texts_with_colons_are_still_text_and_dates() -> None:
    assert typed("1:" * 200 + "x") == "1:" * 200 + "x"
    stamp = typed("2001-12-14t21:59:43." + "1" * 200)
    assert str(stamp) == "2001-12-14 21:59:43.111111"
    assert typed("1:30") == 90  # short ones are YAML 1.1's base 60, as PyYAML reads them


def test_explicit_tags_on_values_that_are_not_of_that_kind() -> None:
    assert _errors(b"a: !!bool maybe\nb: !!int x\nc: !!timestamp soon\nd: !!float 1\n") == [
        "f.yaml:1:4: error: 'maybe' is tagged !!bool but is not true or false",
        "f.yaml:2:4: error: 'x' is tagged !!int but is not a whole number",
        "f.yaml:3:4: error: 'soon' is tagged !!timestamp but is not a date (YYYY-MM-DD)",
        "f.yaml:4:4: error: '1' is tagged !!float but is not a number with a decimal point",
    ]


def test_a_refused_tag_on_a_list_is_explained_once() -> None:
    document = load(b"a: !!set {x}\nb: [1]\n", "f")
    assert document.data == {"a": None, "b": [1]}  # the refused mapping's id is not reused
    assert len(document.problems) == 1


# what messages quote back -------------------------------------------------------------


def test_messages_quote_a_long_text_by_its_start_and_length() -> None:
    assert quoted("x" * 61) == f"'{'x' * 60}…' (61 characters)"
    assert quoted("x" * 60) == f"'{'x' * 60}'"
    assert as_written(["x" * 100] * 100).startswith("['xxxxxxxx")
    assert len(as_written(list(range(10**5)))) < 100
    assert len(as_written({"a": {"b": {"c": {"d": 1}}}})) < 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\nb", "'a\\nb'"),
        ("full\u200b", "'full\\u200b'"),
        ("\u202efull", "'\\u202efull'"),
        ("a\x00b", "'a\\x00b'"),
        ("Р and 🎉", "'Р and 🎉'"),
    ],
    ids=["line-break", "zero-width-space", "right-to-left", "nul", "visible-unicode"],
)
def test_messages_escape_what_would_hide_or_reorder_text(text: str, expected: str) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: b\r\nc: d\x07\r\n", "f.yaml:2:5"),
        (b"a: b\rc: d\x07\r", "f.yaml:2:5"),
        ("\ufeffé: é\x07".encode(), "f.yaml:1:5"),
        (b"a: b\r\nc: caf\xe9\r\n", "f.yaml:2:7"),
    ],
    ids=["crlf", "cr", "bom-and-accents", "latin-1-after-crlf"],
)
def test_byte_errors_are_located_in_lines_and_characters(raw: bytes, expected: str) -> None:
    (error,) = _errors(raw)
    assert error.startswith(expected + ": error: "), error


def test_the_typed_cache_keeps_only_short_texts() -> None:
    yaml_scalars._TYPED_CACHE.clear()
    typed("y" * 1000)
    typed("yes")
    assert list(yaml_scalars._TYPED_CACHE) == ["yes"]


# hostile files in a real process ---------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_case_is_bounded_in_time_and_memory(name: str, tmp_path: Path) -> None:
    # (tests/io/test_cases.py runs the text output of every case in-process)
    root = prepare_case(DATA / "invalid" / name, tmp_path)
    before = snapshot(root)
    result, peak = _cse("check", str(root), "--format", "json")
    assert result.returncode == 2, result.stderr[-2000:]
    assert _within_memory(peak), f"{name} peaked at {peak / 2**20:.0f} MB"
    report = assert_json_contract(result.returncode, result.stdout, result.stderr)
    assert report.get("problems") or "cse: error:" in result.stderr
    assert snapshot(root) == before


def test_a_file_at_every_limit_at_once_is_bounded(tmp_path: Path) -> None:
    """The costliest file the limits allow: just under 5 MB, 100,000 values, nested 64 deep."""
    nested = "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2)
    filler = "x" * 40
    lines = ['element: "1.1.1"', f"notes: {nested}", "key_questions:"]
    lines += [f"  - {filler}{index}" for index in range(MAX_VALUES - 200)]
    lines.append("visit_evidence: '" + "y" * (MAX_FILE_BYTES - len("\n".join(lines)) - 100) + "'")
    text = "\n".join(lines) + "\n"
    assert MAX_FILE_BYTES - 200 < len(text.encode()) <= MAX_FILE_BYTES
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": text})
    result, peak = _cse("check", str(root), "--format", "json")
    assert _within_memory(peak), f"peaked at {peak / 2**20:.0f} MB"
    report = assert_json_contract(result.returncode, result.stdout, result.stderr)
    assert [p["message"] for p in report["problems"]] == [
        f"notes: expected text, but YAML read {'[' * 3}...{']' * 3} as a list: put it in quotes"
    ]


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--format", "json"],
        ["check", "--format", "github"],
        ["gap", "--format", "json"],
        ["report", "--format", "html"],
    ],
    ids=["check-json", "check-github", "gap", "report"],
)
def test_nothing_outside_the_repository_reaches_the_output(
    command: list[str], tmp_path: Path
) -> None:
    for name in (
        "symlink-element-outside",
        "evidence-dir-symlink-outside",
        "config-symlink-outside",
    ):
        root = prepare_case(DATA / "invalid" / name, tmp_path / command[0] / name)
        outside = [p for p in root.parent.iterdir() if p.name.startswith(f"{root.name}-outside")]
        assert any(MARKER in _read_all(p) for p in outside)  # the secret is there to be leaked
        result, _ = _cse(command[0], str(root), *command[1:])
        assert result.returncode == 2, result.stderr
        assert MARKER not in result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        if command[-1] == "json" and command[0] == "check":
            assert json.loads(result.stdout)["problems"]


def _read_all(path: Path) -> str:
    if path.is_dir():
        return "".join(child.read_text(encoding="utf-8") for child in path.iterdir())
    return path.read_text(encoding="utf-8")
