"""Bad (and tricky but valid) input as folders: adding a regression is adding a folder.

Each case under tests/data/invalid/ and tests/data/valid/ holds:
- `repo/`: the evidence repository (a missing `repo/cse.yaml` is part of some cases);
- `expected`: the exact lines `cse check` writes to stderr (`{root}` stands for the
  repository's absolute path, and `{root}/` for it and the system's separator: a path
  below it is printed as the system spells it, `C:\\…\\case\\cse.yaml` on Windows);
- `exit` (optional): the exit code, 2 for invalid cases and 1 for valid ones by default;
- `make.py` (optional): `make(root)` adds what git cannot hold well (links, huge files).

Every case also proves the contract that holds whatever the input: no traceback,
and not one byte of the repository changed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import DATA, prepare_case, run, snapshot

CASES = sorted([*(DATA / "invalid").iterdir(), *(DATA / "valid").iterdir()], key=lambda p: p.name)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Path, tmp_path: Path) -> None:
    root = prepare_case(case, tmp_path)
    before = snapshot(root)
    result = run("check", str(root))
    default_exit = 2 if case.parent.name == "invalid" else 1
    exit_file = case / "exit"
    expected_exit = (
        int(exit_file.read_text(encoding="utf-8")) if exit_file.exists() else default_exit
    )
    expected = (
        (case / "expected")
        .read_text(encoding="utf-8")
        .replace("{root}/", f"{root}{os.sep}")
        .replace("{root}", str(root))
    )
    assert result.stderr == expected
    assert result.exit_code == expected_exit
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(root) == before


def test_no_case_holds_an_empty_folder() -> None:
    """Git keeps no empty folder: a case that needs one (for its make.py) holds a .gitkeep."""
    empty = [
        str(folder) for folder in DATA.rglob("*") if folder.is_dir() and not any(folder.iterdir())
    ]
    assert empty == []


def test_every_invalid_case_reports_located_errors() -> None:
    for case in (DATA / "invalid").iterdir():
        lines = (case / "expected").read_text(encoding="utf-8").splitlines()
        located = [line for line in lines if ": error: " in line]
        assert located, f"{case.name} reports no located error"
