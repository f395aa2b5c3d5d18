"""Opening what cse reads, with the POSIX flags and without them (the Windows way).

Windows has neither O_NOFOLLOW nor O_NONBLOCK. Without them the promises still
hold: a link is not followed out of the repository, a named pipe is never
opened (so never waited on), and a name swapped between the check and the open
is refused. Here the flags are taken away from `os`, so the fallback runs on
Linux; whatever touches a real named pipe runs in a child process with a time
limit, so a broken fallback fails the test instead of hanging the suite.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cse_cli.io.tree import DirTree, Unreadable, Why, read_regular
from tests.helpers import (
    DEVICE,
    element_yaml,
    fifo,
    link,
    needs_fifo,
    needs_posix_realpath,
    write_repo,
)

FLAGS = ("O_NOFOLLOW", "O_NONBLOCK")
WAYS = ["posix-flags", "without-flags"]


def _in_child(way: str, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh Python, with the POSIX flags taken away for `without-flags`."""
    before = f"import os\nfor name in {FLAGS!r}:\n    vars(os).pop(name, None)\n"
    return subprocess.run(
        [sys.executable, "-c", (before if way == "without-flags" else "") + code, *args],
        capture_output=True,
        encoding="utf-8",
        check=False,
        timeout=60,  # a pipe opened for reading with no writer waits for ever
    )


_REFUSALS = """
import json, sys
from cse_cli.io.tree import Unreadable, read_regular
found = {}
for path in sys.argv[1:]:
    try:
        found[path] = read_regular(path).decode()
    except Unreadable as exc:
        found[path] = exc.refusal.why.name
print(json.dumps(found))
"""


@needs_fifo
@pytest.mark.parametrize("way", WAYS)
def test_what_is_not_a_regular_file_is_refused_unopened(way: str, tmp_path: Path) -> None:
    link(tmp_path / "link", fifo(tmp_path / "pipe"))
    (tmp_path / "file").write_text("text", encoding="utf-8", newline="")
    link(tmp_path / "link-to-file", tmp_path / "file")
    paths = {
        "pipe": "NOT_REGULAR",
        "link": "LOOP",  # a final link is not followed, whatever it points at
        "link-to-file": "LOOP",
        ".": "FOLDER",
        "missing": "MISSING",
        "file": "text",
    }
    args = [str(tmp_path / name) for name in paths]
    result = _in_child(way, _REFUSALS, *args, str(DEVICE))
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found == {**dict(zip(args, paths.values(), strict=True)), str(DEVICE): "NOT_REGULAR"}


@needs_fifo
@pytest.mark.parametrize("way", WAYS)
def test_check_refuses_pipes_and_links_out(way: str, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(element_yaml("1.1.2"), encoding="utf-8", newline="")
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": element_yaml("1.1.1")})
    fifo(root / "evidence" / "1.1.3.yaml")
    link(root / "evidence" / "1.1.2.yaml", outside)
    code = "import sys\nfrom cse_cli.__main__ import main\nsys.exit(main())\n"
    result = _in_child(way, code, "check", str(root))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        "evidence/1.1.2.yaml:0:0: error: 1.1.2.yaml leads outside the repository "
        "(through a symbolic link)",
        "evidence/1.1.3.yaml:0:0: error: 1.1.3.yaml is not a regular file",
        "cse: 2 errors: the evidence is invalid, so there is no verdict",
    ]


def _without_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in FLAGS:
        monkeypatch.delattr(os, name, raising=False)  # Windows has neither


def _swap_before_opening(monkeypatch: pytest.MonkeyPatch, path: Path, swap: Path) -> None:
    """Replace `path` by `swap` after its status was checked, just before it is opened."""
    real_open = os.open

    def swapped(name: str, flags: int, mode: int = 0o777) -> int:
        if name == str(path):
            os.replace(swap, path)
        return real_open(name, flags, mode)

    monkeypatch.setattr(os, "open", swapped)


def test_a_name_swapped_for_a_link_out_after_its_check_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without O_NOFOLLOW the open follows the link; the identity check refuses it."""
    (tmp_path / "secret").write_text("outside", encoding="utf-8", newline="")
    (tmp_path / "inside").write_text("inside", encoding="utf-8", newline="")
    link(tmp_path / "link", tmp_path / "secret")
    _without_flags(monkeypatch)
    _swap_before_opening(monkeypatch, tmp_path / "inside", tmp_path / "link")
    with pytest.raises(Unreadable) as caught:
        read_regular(str(tmp_path / "inside"))
    assert caught.value.refusal.why is Why.CHANGED


def test_a_file_swapped_for_another_after_its_check_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "f").write_text("first", encoding="utf-8", newline="")
    (tmp_path / "g").write_text("second", encoding="utf-8", newline="")
    _without_flags(monkeypatch)
    _swap_before_opening(monkeypatch, tmp_path / "f", tmp_path / "g")
    with pytest.raises(Unreadable) as caught:
        read_regular(str(tmp_path / "f"))
    assert str(caught.value.refusal) == "was replaced while cse was reading it"


def test_without_flags_a_regular_file_reads_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "f").write_bytes(b"a\r\nb\x00\n")
    _without_flags(monkeypatch)
    assert read_regular(str(tmp_path / "f")) == b"a\r\nb\x00\n"


@pytest.mark.parametrize("way", WAYS)
def test_open_file_refuses_a_document_swapped_for_a_link_out(
    way: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cse pack` opens each document afresh: a link put there since is not followed."""
    (tmp_path / "secret.pdf").write_text("outside", encoding="utf-8", newline="")
    root = write_repo(tmp_path / "repo", {"docs/a.pdf": "%PDF"})
    tree = DirTree(root)
    stream, size = tree.open_file("docs/a.pdf")
    with stream:
        assert (stream.read(), size) == (b"%PDF", 4)
    (root / "docs" / "a.pdf").unlink()
    link(root / "docs" / "a.pdf", tmp_path / "secret.pdf")
    if way == "without-flags":
        _without_flags(monkeypatch)
    with pytest.raises(Unreadable) as caught:
        tree.open_file("docs/a.pdf")
    assert caught.value.refusal.why is Why.THROUGH_LINK


def _readlink_swapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The link being resolved is a folder again when its target is asked for (EINVAL)."""

    def swapped(path: object, *_: object, **__: object) -> str:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL), str(path))

    monkeypatch.setattr(os, "readlink", swapped)


@needs_posix_realpath
def test_a_link_swapped_while_it_is_resolved_is_a_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f").write_text("inside", encoding="utf-8", newline="")
    link(tmp_path / "link", "real")
    tree = DirTree(tmp_path)
    _readlink_swapped(monkeypatch)
    assert tree.check_file("link/f") == "was replaced while cse was reading it"
    with pytest.raises(Unreadable) as caught:
        tree.open_file("link/f")
    assert caught.value.refusal.why is Why.CHANGED


@needs_posix_realpath
def test_any_other_error_resolving_a_path_is_a_refusal_with_its_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "f").write_text("inside", encoding="utf-8", newline="")
    link(tmp_path / "link", "real")
    tree = DirTree(tmp_path)

    def denied(path: object, *_: object, **__: object) -> str:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(os, "readlink", denied)
    assert tree.check_file("link/f") == "cannot be read (Permission denied)"


def test_a_link_out_left_unresolved_by_the_first_pass_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python 3.13's realpath keeps a link it could not read in the path: never trusted."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.pdf").write_text("outside", encoding="utf-8", newline="")
    root = write_repo(tmp_path / "repo", {"evidence/.keep": ""})
    link(root / "documents", tmp_path / "outside")
    tree = DirTree(root)
    real_realpath = os.path.realpath

    def lenient(path: str, *, strict: bool = False) -> str:
        if strict:
            return real_realpath(path, strict=True)
        return path  # as 3.13 gives it when every readlink on the way fails

    monkeypatch.setattr(os.path, "realpath", lenient)
    assert tree.check_file("documents/secret.pdf") == "was replaced while cse was reading it"
    with pytest.raises(Unreadable):
        tree.open_file("documents/secret.pdf")


class _Junction:
    """The status Windows gives a junction: a folder to lstat, with a reparse tag."""

    IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003

    def __init__(self, status: os.stat_result) -> None:
        self.st_mode = stat.S_IFDIR | 0o755
        self.st_size = status.st_size
        self.st_reparse_tag = self.IO_REPARSE_TAG_MOUNT_POINT


def test_a_junction_out_of_the_repository_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows lstat calls a junction a folder: it is still resolved, and refused."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.pdf").write_text("outside", encoding="utf-8", newline="")
    root = write_repo(tmp_path / "repo", {"evidence/.keep": ""})
    junction = root / "documents"
    link(junction, tmp_path / "outside")  # resolved as the system resolves a junction
    real_lstat = os.lstat

    def lstat(path: str | os.PathLike[str], *args: object, **kwargs: object) -> object:
        """Windows' lstat, to the tree's own lookups; realpath (a system call there) follows."""
        status = real_lstat(path, *args, **kwargs)  # type: ignore[arg-type]
        from_tree = sys._getframe(1).f_globals["__name__"] == "cse_cli.io.tree"
        return _Junction(status) if from_tree and Path(path) == junction else status

    monkeypatch.setattr(os, "lstat", lstat)
    tree = DirTree(root)
    assert tree.listdir(".") is not None  # the root's folder is met: names found by lstat
    assert tree.check_file("documents/secret.pdf") == Why.THROUGH_LINK.value
