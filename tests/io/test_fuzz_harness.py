"""The coverage-guided fuzzer (fuzz/fuzz_loader.py) runs, finds nothing, and would find a bug.

A short pass runs in every test run; in CI (CI set) on Linux x86-64 a missing
atheris is a failure, not a skip, since the `test` extra installs it there (it
publishes wheels for no other system). Longer runs are for
developers: fuzz/README.md.
"""

from __future__ import annotations

import importlib.util
import math
import os
import platform
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cse_cli.core.problems import Problem
from cse_cli.io.yaml_loader import Document
from tests import fuzzing
from tests.helpers import PROJECT, load_module

HARNESS = PROJECT / "fuzz" / "fuzz_loader.py"
RUNS = 3000
# Runs the harness with a bug planted in the loader: a problem at line 0 in any
# file that mentions `key_questions`, as the Bolton seeds do.
PLANTED = f"""
import runpy, sys
import cse_cli.io.yaml_loader as yamlio
from cse_cli.core.problems import Problem
real = yamlio.load
def planted(raw, file):
    document = real(raw, file)
    if b"key_questions" in raw:
        document.problems.append(Problem(file, 0, 1, "error", "PLANTED"))
    return document
yamlio.load = planted
sys.argv = [{str(HARNESS)!r}, *sys.argv[1:]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}


def _needs_atheris() -> None:
    """Skip without atheris, except in CI where the `test` extra installs it (Linux x86-64)."""
    if importlib.util.find_spec("atheris") is not None:
        return
    if sys.platform != "linux" or platform.machine() != "x86_64":
        pytest.skip("atheris publishes wheels for Linux x86-64 alone")
    if _in_ci():
        pytest.fail(
            "atheris is not installed, but CI must run the fuzzer: pip install -e '.[test]'"
        )
    pytest.skip("atheris is not installed (pip install atheris); CI runs this test")


def _fuzz(tmp_path: Path, *args: str, script: list[str] | None = None) -> tuple[int, str, Path]:
    """Run the harness in `tmp_path`: its exit code, its output, and the crash folder."""
    crashes = tmp_path / "crashes"
    crashes.mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, *(script or [str(HARNESS)]), *args],
        cwd=tmp_path,
        capture_output=True,
        encoding="utf-8",
        check=False,
        timeout=600,  # against a hang only: the pass takes seconds
    )
    return result.returncode, result.stdout + result.stderr, crashes


def test_a_short_coverage_guided_pass_finds_nothing(tmp_path: Path) -> None:
    _needs_atheris()
    corpus = tmp_path / "corpus"
    code, output, crashes = _fuzz(
        tmp_path, f"-runs={RUNS}", "-seed=1", f"-artifact_prefix={tmp_path / 'crashes'}/",
        "-timeout=60", str(corpus),
    )  # fmt: skip
    assert code == 0, output[-4000:]
    assert f"Done {RUNS} runs" in output
    assert list(crashes.iterdir()) == []
    seeds = list(_harness().seeds())
    assert len(seeds) > 150  # Bolton and the cases of tests/data
    assert len(list(corpus.iterdir())) >= len({data for _, data in seeds}) - 5  # seeded


def test_the_fuzzer_catches_a_planted_bug(tmp_path: Path) -> None:
    _needs_atheris()
    code, output, crashes = _fuzz(
        tmp_path, "-runs=500", f"-artifact_prefix={tmp_path / 'crashes'}/",
        str(tmp_path / "corpus"), script=["-c", PLANTED],
    )  # fmt: skip
    assert code != 0
    assert "badly located" in output
    assert "PLANTED" in output
    saved = list(crashes.iterdir())
    assert len(saved) == 1
    assert saved[0].name.startswith("crash-")
    assert b"key_questions" in saved[0].read_bytes()


def test_replay_runs_every_seed_without_atheris(tmp_path: Path) -> None:
    extra = tmp_path / "inputs"
    extra.mkdir()
    (extra / "crash-1").write_bytes(b"element: [\n")
    code, output, _ = _fuzz(tmp_path, "--replay", str(extra))
    assert code == 0, output
    assert f"fuzz: {len(list(_harness().seeds())) + 1} inputs replayed" in output


def test_replay_names_the_input_that_fails(tmp_path: Path) -> None:
    code, output, _ = _fuzz(tmp_path, "--replay", script=["-c", PLANTED])
    assert code != 0
    assert "fuzz: the checks fail on examples/bolton/" in output


# the checks themselves -------------------------------------------------------------------


def _harness() -> ModuleType:
    """The harness as a module, to list its seeds."""
    return load_module("fuzz_loader", HARNESS)


@pytest.mark.parametrize(
    ("problem", "whole_file", "fails"),
    [
        (Problem("f", 1, 1, "error", "fine"), False, False),
        (Problem("f", 0, 0, "error", "whole file"), True, False),
        (Problem("f", 0, 0, "error", "whole file"), False, True),
        (Problem("f", 0, 3, "error", "line 0"), True, True),
        (Problem("f", 2, 0, "error", "column 0"), True, True),
        (Problem("f", 1, 1, "error", ""), False, True),
        (Problem("f", 1, 1, "error", "two\nlines"), False, True),
        (Problem("f", 1, 1, "error", "two\u2028lines"), False, True),
    ],
)
def test_check_problems(problem: Problem, whole_file: bool, fails: bool) -> None:
    if fails:
        with pytest.raises(AssertionError):
            fuzzing.check_problems([problem], whole_file=whole_file)
    else:
        fuzzing.check_problems([problem], whole_file=whole_file)


@pytest.mark.parametrize(
    ("ours", "theirs", "same"),
    [
        ({"a": [1, 2.5, None]}, {"a": [1, 2.5, None]}, True),
        (math.nan, math.nan, True),
        (True, 1, False),
        (1, 1.0, False),
        ("1", 1, False),
        ({"a": 1}, {"a": 1, "b": 2}, False),
        ([1], [1, 1], False),
    ],
)
def test_same_data(ours: object, theirs: object, same: bool) -> None:
    assert fuzzing.same_data(ours, theirs) is same


def test_check_load_fails_when_the_data_is_not_pyyamls(monkeypatch: pytest.MonkeyPatch) -> None:
    def wrong(_raw: bytes, file: str) -> Document:
        return Document(file, data={"final": "ful"})

    fuzzing.check_load(b"final: full\n")
    monkeypatch.setattr(fuzzing, "load", wrong)
    with pytest.raises(AssertionError):
        fuzzing.check_load(b"final: full\n")


@pytest.mark.parametrize(
    "raw",
    [b"a: =\nb: <<\n", b"a: &x 1\nb: &x 2\nc: *x\n", b"notes: !!seq\n  a: b\n"],
    ids=["plain-signs", "anchor-defined-again", "tag-of-another-kind"],
)
def test_where_pyyaml_fails_load_reads_as_yaml_1_2_or_reports(raw: bytes) -> None:
    """The differences from PyYAML are the documented ones, found by the fuzzer."""
    fuzzing.check_load(raw)


def test_check_load_fails_when_load_accepts_what_pyyaml_refuses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def lenient(_raw: bytes, file: str) -> Document:
        return Document(file, data={"notes": {"a": "b"}})

    monkeypatch.setattr(fuzzing, "load", lenient)
    with pytest.raises(AssertionError, match="load found no problem where PyYAML fails"):
        fuzzing.check_load(b"notes: !!seq\n  a: b\n")
