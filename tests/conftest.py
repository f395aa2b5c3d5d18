"""Shared helpers: build evidence repositories in tmp_path and run `cse` on them."""

from __future__ import annotations

import hashlib
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest

from cse_cli.cli.main import main

if TYPE_CHECKING:
    from collections.abc import Mapping

PROJECT = Path(__file__).resolve().parent.parent
BOLTON = PROJECT / "examples" / "bolton"
DATA = Path(__file__).resolve().parent / "data"

CONFIG = 'organisation: "Test Council"\n'


def element_yaml(element_id: str, **fields: str) -> str:
    """A minimal element file: `element:` plus the given keys, written as YAML lines."""
    lines = [f'element: "{element_id}"']
    lines += [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def write_repo(root: Path, files: Mapping[str, str | bytes], config: str | None = CONFIG) -> Path:
    """Write an evidence repository: cse.yaml (unless None) and the given files."""
    root.mkdir(parents=True, exist_ok=True)
    if config is not None:
        (root / "cse.yaml").write_text(config, encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file and link under `root` with a hash of its content: to prove nothing changed."""
    state = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            state[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            state[rel] = "dir"
    return state


class Result(NamedTuple):
    """What a run of `cse` printed, and its exit code."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Stdout and stderr together."""
        return self.stdout + self.stderr


def run(*args: str) -> Result:
    """Run `cse` in-process through `main`, as a user would type it."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(list(args))
    return Result(code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with cse.yaml and an empty evidence folder."""
    return write_repo(tmp_path / "repo", {"evidence/.keep": ""})
