"""Atomic writes: never half a file, and `write_new` never replaces one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cse_cli.io.atomic import NotRegularFile, replace_all, replacing, write_atomic, write_new
from cse_cli.io.tree import clean
from tests.helpers import link, needs_posix_permissions, shown_mode


def test_write_new_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    assert write_new(path, "first\n")
    assert not write_new(path, "second\n")
    assert path.read_text(encoding="utf-8") == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]  # no temporary left


def test_write_atomic_replaces_whole(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("old", encoding="utf-8", newline="")
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new"


def test_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.html"
    path.write_text("old", encoding="utf-8", newline="")

    def crash(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new " * 1000)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


@pytest.mark.parametrize(
    ("rel", "expected"),
    [("evidence", "evidence"), ("./a/../b", "b"), ("a/./b/", "a/b"), (".", "."),
     ("..", None), ("a/../../b", None), ("/etc/passwd", None), ("C:/x", None), ("", None),
     ("\\\\server\\share", None)],
)  # fmt: skip
def test_clean_paths(rel: str, expected: str | None) -> None:
    assert clean(rel) == expected


def _files(tmp_path: Path) -> dict[Path, bytes]:
    """Two files that exist and one that does not, with the new content of each."""
    (tmp_path / "a.yaml").write_bytes(b"old a\n")
    (tmp_path / "b.yaml").write_bytes(b"old b\n")
    (tmp_path / "b.yaml").chmod(0o640)
    return {
        tmp_path / "a.yaml": b"new a\n",
        tmp_path / "b.yaml": b"new b\n",
        tmp_path / "c.yaml": b"c\n",
    }


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_replace_all_writes_every_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    files = _files(tmp_path)
    replace_all(files)
    assert _state(tmp_path) == {"a.yaml": b"new a\n", "b.yaml": b"new b\n", "c.yaml": b"c\n"}
    assert (tmp_path / "b.yaml").stat().st_mode & 0o777 == shown_mode(0o640)  # its own


@pytest.mark.parametrize("failing", [1, 2, 3])
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_replace_all_undoes_every_move_when_one_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int, error: BaseException
) -> None:
    files = _files(tmp_path)
    before = _state(tmp_path)
    moves = []
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        moves.append(target)
        if len(moves) == failing:
            raise error
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(type(error)):
        replace_all(files)
    assert _state(tmp_path) == before  # the old files back, the new one gone, no temporary left


def test_replace_all_writes_nothing_when_a_name_is_not_a_regular_file(tmp_path: Path) -> None:
    files = _files(tmp_path)
    (tmp_path / "elsewhere").write_bytes(b"kept\n")
    link(tmp_path / "c.yaml", tmp_path / "elsewhere")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.is_symlink()}
    with pytest.raises(NotRegularFile):
        replace_all(files)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.is_symlink()} == before


def test_replace_all_copies_the_backup_where_hard_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files(tmp_path)

    def no_links(*_: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    real_replace = os.replace
    calls = []

    def fail_second(source: str | Path, target: str | Path) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_second)
    before = _state(tmp_path)
    with pytest.raises(OSError, match="Input/output"):
        replace_all(files)
    assert _state(tmp_path) == before


_KILLED = """
import os, sys
from pathlib import Path
from cse_cli.io.atomic import replace_all
folder = Path(sys.argv[1])
real = os.replace
def replace(source, target):
    if Path(target).name == "b.yaml":
        os._exit(9)  # killed outright between the two moves
    real(source, target)
os.replace = replace
replace_all({folder / "a.yaml": b"new a\\n", folder / "b.yaml": b"new b\\n"})
"""


def test_a_kill_between_moves_leaves_whole_files_and_the_backup(tmp_path: Path) -> None:
    _files(tmp_path)
    done = subprocess.run([sys.executable, "-c", _KILLED, str(tmp_path)], check=False)
    assert done.returncode == 9
    state = _state(tmp_path)
    assert state.pop("a.yaml") == b"new a\n"
    assert state.pop("b.yaml") == b"old b\n"
    hidden = {name: data for name, data in state.items() if name.startswith(".")}
    # a's backup, b's backup (made just before its move) and b's temporary
    assert sorted(hidden.values()) == [b"new b\n", b"old a\n", b"old b\n"]
    assert all(name.endswith(".tmp") for name in hidden)


@needs_posix_permissions
@pytest.mark.parametrize("fchmod", ["fchmod", "without-fchmod"])  # Windows before 3.13
def test_a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_umasks(
    fchmod: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fchmod == "without-fchmod":
        monkeypatch.delattr(os, "fchmod", raising=False)
    old = tmp_path / "old.html"
    old.write_text("old", encoding="utf-8", newline="")
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
    assert old.read_text(encoding="utf-8") == "new"
