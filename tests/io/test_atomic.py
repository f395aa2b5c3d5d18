"""Atomic writes: never half a file, and `write_new` never replaces one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from cse_cli.io.atomic import replacing, write_atomic, write_new
from cse_cli.io.tree import clean


def test_write_new_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    assert write_new(path, "first\n")
    assert not write_new(path, "second\n")
    assert path.read_text() == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]  # no temporary left


def test_write_atomic_replaces_whole(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("old")
    write_atomic(path, "new")
    assert path.read_text() == "new"


def test_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.html"
    path.write_text("old")

    def crash(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new " * 1000)
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


@pytest.mark.parametrize(
    ("rel", "expected"),
    [("evidence", "evidence"), ("./a/../b", "b"), ("a/./b/", "a/b"), (".", "."),
     ("..", None), ("a/../../b", None), ("/etc/passwd", None), ("C:/x", None), ("", None),
     ("\\\\server\\share", None)],
)  # fmt: skip
def test_clean_paths(rel: str, expected: str | None) -> None:
    assert clean(rel) == expected


@pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps only a read-only flag")
@pytest.mark.parametrize("fchmod", ["fchmod", "without-fchmod"])  # Windows before 3.13
def test_a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_umasks(
    fchmod: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fchmod == "without-fchmod":
        monkeypatch.delattr(os, "fchmod", raising=False)
    old = tmp_path / "old.html"
    old.write_text("old")
    old.chmod(0o604)
    umask = os.umask(0o027)
    try:
        write_atomic(old, "new")
        write_atomic(tmp_path / "new.html", "new")
        assert write_new(tmp_path / "made.yaml", "made")
        with replacing(tmp_path / "pack.zip") as stream:
            stream.write(b"PK")
    finally:
        os.umask(umask)
    modes = {path.name: path.stat().st_mode & 0o777 for path in tmp_path.iterdir()}
    assert modes == {"old.html": 0o604, "new.html": 0o640, "made.yaml": 0o640, "pack.zip": 0o640}
    assert old.read_text() == "new"
