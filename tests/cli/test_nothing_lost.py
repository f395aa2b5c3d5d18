"""Nothing lost: read-only commands write nothing, `init` keeps every file, writes are whole.

- Every command that only reads (check, gap, report and schema to stdout, diff,
  --help) leaves the repository exactly as it was: the same files with the same
  bytes and permissions, no new file anywhere (no cache, no __pycache__), and in
  git the same index, HEAD and status.
- `cse init` never replaces, rewrites or follows a link out of a file that exists,
  whatever it is (edited, read-only, a link, a folder), and says what it created.
- `report -o` and `schema -o` replace the file in one step, and a write that is
  interrupted (an error, Ctrl-C, or the process killed outright) leaves the old
  file or the new one, never part of one.

tests/io/test_atomic.py holds the first unit tests of cse_cli.io.atomic; this module
tries every way a write can fail, through the command line too.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import runpy
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from cse_cli.io import atomic as files
from cse_cli.io.atomic import write_atomic, write_new
from cse_cli.io.resources import load_standard
from tests.helpers import (
    BOLTON,
    WINDOWS,
    commit_all,
    element_yaml,
    git,
    init_git,
    link,
    run,
    shown_mode,
    write_repo,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from typing_extensions import Self

# What a file of the tree is: its kind, its permission bits, and its content
# (a hash) or where a link points.
State = dict[str, tuple[str, int, str]]


def exact_state(root: Path) -> State:
    """Every entry under `root`, itself and .git included, links not followed."""
    state: State = {}
    for folder, dirs, names in os.walk(root):
        for name in [".", *dirs, *names]:
            path = Path(folder, name) if name != "." else Path(folder)
            info = path.lstat()
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                state[rel] = ("link", info.st_mode & 0o7777, str(path.readlink()))
            elif path.is_dir():
                state[rel] = ("dir", info.st_mode & 0o7777, "")
            else:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                state[rel] = ("file", info.st_mode & 0o7777, digest)
    return state


def _git_quietly(root: Path, *args: str) -> str:
    """Run a git command that must not write either (no index refresh)."""
    result = subprocess.run(
        ["git", *args],
        cwd=root,
        capture_output=True,
        encoding="utf-8",
        check=True,
        env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
    )
    return result.stdout


def git_view(root: Path) -> tuple[bytes, str, str, str]:
    """The index's bytes, HEAD (the branch and its commit) and `git status`."""
    return (
        (root / ".git" / "index").read_bytes(),
        _git_quietly(root, "symbolic-ref", "HEAD"),
        _git_quietly(root, "rev-parse", "HEAD"),
        _git_quietly(root, "status", "--porcelain=v1", "--untracked-files=all"),
    )


@pytest.fixture(scope="module")
def bolton_git(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Bolton in git, two commits and edits on top (staged, unstaged, untracked); and a copy.

    Some files have unusual permissions, so a command that rewrote one would show.
    """
    top = tmp_path_factory.mktemp("nothing-lost")
    root = top / "bolton"
    shutil.copytree(BOLTON, root)
    with (root / "evidence" / "1.1.1.yaml").open("a", encoding="utf-8", newline="") as stream:
        stream.write("owner: Head of Library\n")
    init_git(root)
    commit_all(root, "Bolton, desk-top review")
    promoted = root / "evidence" / "1.3.3.yaml"
    promoted.write_text(
        promoted.read_text(encoding="utf-8").replace("final: partial", "final: full"),
        encoding="utf-8",
        newline="",
    )
    commit_all(root, "1.3.3 is full")
    shutil.copytree(root, top / "bolton-copy", ignore=shutil.ignore_patterns(".git"))
    edited = root / "evidence" / "1.3.4.yaml"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("final: partial", "final: full"),
        encoding="utf-8",
        newline="",
    )
    staged = root / "evidence" / "4.1.2.yaml"
    staged.write_text(
        staged.read_text(encoding="utf-8").replace("final: partial", "final: full"),
        encoding="utf-8",
        newline="",
    )
    git(root, "add", "evidence/4.1.2.yaml")
    (root / "documents").mkdir()
    (root / "documents" / "untracked.txt").write_text(
        "not in git yet\n", encoding="utf-8", newline=""
    )
    (root / "evidence" / "1.1.2.yaml").chmod(0o600)
    (root / "evidence" / "1.2.1.yaml").chmod(0o755)
    (root / "cse.yaml").chmod(0o444)
    return root, top / "bolton-copy"


STAGES = ["self", "desk-top", "final", "latest"]
OWNER = ["--owner", "Head of Library", "--as-of", "2015-03-09", "--stage", "desk-top"]
READ_ONLY: list[list[str]] = [
    *(["check", ".", "--stage", s, "--format", f] for f in ("text", "json", "github")
      for s in STAGES),
    ["check"],  # the current folder, found by default
    ["check", "evidence"],  # from a subfolder: the root is found upward
    *(["gap", ".", "--format", f] for f in ("text", "json")),
    *(["gap", "--service", "Library", "--format", f] for f in ("text", "json")),
    *(["gap", *OWNER, "--format", f] for f in ("text", "json")),
    *(["report", ".", "--format", f, "--stage", s] for f in ("md", "html")
      for s in ("final", "latest")),
    ["report", "--format", "html", "--timestamp"],
    *(["diff", "HEAD~1", "HEAD", "--format", f] for f in ("text", "md", "json")),
    *(["diff", "HEAD", "--format", f] for f in ("text", "md", "json")),  # and the working tree
    ["diff", "HEAD~1", "--stage", "desk-top", "--path", "evidence"],
    *(["diff", "--base-dir", "../bolton-copy", "--format", f] for f in ("text", "json")),
    ["diff", "--base-dir", "../bolton-copy", "--head-dir", "."],
    ["schema"],
    ["schema", "--kind", "config"],
    ["--help"],
    *([command, "--help"] for command in ("check", "init", "gap", "report", "diff", "schema")),
]  # fmt: skip


@pytest.mark.parametrize("args", READ_ONLY, ids=[" ".join(a) for a in READ_ONLY])
def test_a_read_only_command_writes_nothing(
    args: list[str], bolton_git: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, copy = bolton_git
    monkeypatch.chdir(root)
    before, copy_before, git_before = exact_state(root), exact_state(copy), git_view(root)
    result = run(*args)
    assert result.exit_code in {0, 1}, result.stderr  # it ran to the end: not a usage error
    assert result.stdout.strip()
    git_after = git_view(root)
    assert git_after[0] == git_before[0], "the git index changed"
    assert git_after[1:3] == git_before[1:3], "HEAD moved"
    assert git_after[3] == git_before[3], "git status changed"
    assert exact_state(root) == before
    assert exact_state(copy) == copy_before


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "json"],
        ["gap", "--format", "json"],
        ["report", "--format", "html"],
        ["diff", "HEAD~1", "--format", "json"],
        ["schema", "--kind", "config"],
    ],
    ids=" ".join,
)
def test_the_real_program_writes_nothing(args: list[str], bolton_git: tuple[Path, Path]) -> None:
    """As a real process started in the repository, where a cache would be written."""
    root, _ = bolton_git
    before, git_before = exact_state(root), git_view(root)
    result = subprocess.run(
        [sys.executable, "-m", "cse_cli", *args],
        cwd=root,
        capture_output=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert result.returncode in {0, 1}, result.stderr
    assert result.stdout.strip()
    assert git_view(root) == git_before
    assert exact_state(root) == before


def test_commands_on_invalid_evidence_write_nothing(tmp_path: Path) -> None:
    root = tmp_path / "broken"
    shutil.copytree(BOLTON, root)
    (root / "evidence" / "2.1.1.yaml").write_text(
        'element: "2.1.1"\nfinal: [full\n', encoding="utf-8", newline=""
    )
    (root / "evidence" / "2.1.2.yaml").write_text(
        'element: "2.1.2"\nfinale: full\n', encoding="utf-8", newline=""
    )
    before = exact_state(tmp_path)
    for args in (
        ["check", str(root)],
        ["check", str(root), "--format", "json"],
        ["gap", str(root)],
        ["report", str(root), "--format", "html"],
        ["report", str(root), "--format", "md", "-o", str(tmp_path / "report.md")],
        ["diff", "--base-dir", str(BOLTON), "--head-dir", str(root)],
    ):
        result = run(*args)
        assert result.exit_code == (0 if args[0] == "diff" else 2), (args, result.stderr)
        assert exact_state(tmp_path) == before, args  # report -o wrote no report either


# cse init ---------------------------------------------------------------------------------

ELEMENT_IDS = load_standard().element_ids()


@pytest.fixture
def umask_027() -> Iterator[None]:
    """An unusual umask, to see that new files get it (and not a fixed mode)."""
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("umask_027")
def test_init_keeps_every_existing_file_whatever_it_is(tmp_path: Path) -> None:
    """Edited, read-only, empty, links in and out (one dangling), a folder, a .yml file."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("SECRET-OUTSIDE-THE-REPOSITORY\n", encoding="utf-8", newline="")
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": element_yaml("1.1.1", final="full", owner="Me"),
            "evidence/1.1.2.yaml": element_yaml("1.1.2", final="partial"),
            "evidence/2.1.1.yaml": "",
            "evidence/2.1.2.yaml/notes.txt": "a folder named like an element file\n",
            "evidence/2.2.1.yml": element_yaml("2.2.1", final="full"),
            "documents/shared.yaml": element_yaml("1.1.3", final="full"),
            ".cse/element.schema.json": '{"my": "own schema"}\n',
        },
        config="organisation: Mine\nservices: [Library]\n",
    )
    (root / "evidence" / "1.1.2.yaml").chmod(0o444)
    (root / "evidence" / "1.1.1.yaml").chmod(0o600)
    link(root / "evidence" / "1.1.3.yaml", "../documents/shared.yaml")
    link(root / "evidence" / "1.2.1.yaml", "missing.yaml")  # dangling
    link(root / "evidence" / "1.2.2.yaml", outside)
    before = exact_state(tmp_path)
    kept = {
        "cse.yaml", ".cse/element.schema.json", "evidence/1.1.1.yaml", "evidence/1.1.2.yaml",
        "evidence/1.1.3.yaml", "evidence/1.2.1.yaml", "evidence/1.2.2.yaml",
        "evidence/2.1.1.yaml", "evidence/2.1.2.yaml", "evidence/2.2.1.yml",
    }  # fmt: skip
    created = [".cse/config.schema.json", ".cse/review.schema.json"] + [
        f"evidence/{i}.yaml" for i in ELEMENT_IDS if f"evidence/{i}.yaml" not in kept
    ]
    created.remove("evidence/2.2.1.yaml")  # 2.2.1.yml stands for it
    assert len(created) == 57 - 8 + 2

    result = run("init", str(root), "--organisation", "Other")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        *(f"created {rel}" for rel in sorted(created, key=_created_order)),
        f"kept {len(kept)} existing file(s) unchanged",
    ]
    after = exact_state(tmp_path)
    assert {rel: after[rel] for rel in before} == before  # not a byte, mode or link changed
    assert not (root / "evidence" / "missing.yaml").exists()  # the dangling link not followed
    new = {f"repo/{rel}" for rel in created}
    assert set(after) - set(before) == new
    assert {after[rel][:2] for rel in new} == {("file", shown_mode(0o640))}  # 0666 less umask

    again = run("init", str(root))
    assert again.stdout == (
        f"kept {len(kept) + len(created)} existing file(s) unchanged\n"
        f"nothing to add: {root} already has every file\n"
    )
    assert exact_state(tmp_path) == after


def _created_order(rel: str) -> tuple[int, list[int]]:
    """The order init creates files in: cse.yaml, the schemas, then the elements."""
    if rel.startswith(".cse/"):
        return (0, [])
    return (1, [int(part) for part in Path(rel).stem.split(".")])


def test_init_never_replaces_a_file_created_while_it_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone else's file that appears between the check and the write is kept."""
    target = tmp_path / "1.1.1.yaml"
    real = files._temporary

    def racing(path: Path, text: str) -> Path:
        temporary = real(path, text)
        path.write_text("theirs\n", encoding="utf-8", newline="")
        return temporary

    monkeypatch.setattr(files, "_temporary", racing)
    assert not write_new(target, "ours\n")
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.1.1.yaml"]


@pytest.mark.parametrize("appears", [False, True], ids=["absent", "appears-meanwhile"])
def test_init_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, appears: bool
) -> None:
    """On a file system without hard links (FAT, some network shares) the rules still hold."""
    target = tmp_path / "1.1.1.yaml"
    real = files._temporary

    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    def racing(path: Path, text: str) -> Path:
        temporary = real(path, text)
        if appears:
            path.write_text("theirs\n", encoding="utf-8", newline="")
        return temporary

    monkeypatch.setattr(files, "_temporary", racing)
    monkeypatch.setattr(os, "link", no_links)
    assert write_new(target, "ours\n") is not appears
    assert target.read_text(encoding="utf-8") == ("theirs\n" if appears else "ours\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.1.1.yaml"]


# report -o and schema -o ------------------------------------------------------------------

OUTPUTS = {
    "report md": (["report", str(BOLTON), "--format", "md"], "report.md"),
    "report html": (["report", str(BOLTON), "--format", "html"], "report.html"),
    "schema element": (["schema", "--kind", "element"], "element.schema.json"),
    "schema config": (["schema", "--kind", "config"], "config.schema.json"),
}
TEMPORARY = r"\.{name}\.[a-z0-9_]{{8}}\.tmp"  # as tempfile.mkstemp names it, beside the target


@pytest.mark.parametrize("exists", [True, False], ids=["replaced", "new"])
@pytest.mark.parametrize("output", OUTPUTS.values(), ids=OUTPUTS.keys())
@pytest.mark.usefixtures("umask_027")
def test_output_files_are_written_in_one_step(
    output: tuple[list[str], str], exists: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole new text is on disk under a temporary name, then renamed over the old file."""
    args, name = output
    expected = run(*args).stdout
    assert expected
    target = tmp_path / name
    if exists:
        target.write_text("old\n", encoding="utf-8", newline="")
        target.chmod(0o604)  # kept, not reset
    real = os.replace
    moves: list[tuple[str, str]] = []

    def watching(src: str | Path, dst: str | Path) -> None:
        moves.append((str(src), str(dst)))
        assert (
            Path(src).read_text(encoding="utf-8") == expected
        )  # complete before it takes the name
        assert Path(src).parent == target.parent
        assert re.fullmatch(TEMPORARY.format(name=re.escape(name)), Path(src).name)
        assert (Path(dst).read_text(encoding="utf-8") if exists else None) == (
            "old\n" if exists else None
        )
        real(src, dst)

    monkeypatch.setattr(os, "replace", watching)
    result = run(*args, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert moves == [(moves[0][0], str(target))]
    assert target.read_text(encoding="utf-8") == expected
    assert target.stat().st_mode & 0o777 == shown_mode(0o604 if exists else 0o640)
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("output", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_output_that_cannot_be_written_keeps_the_old_file(
    output: tuple[list[str], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, name = output
    target = tmp_path / name
    target.write_text("old\n", encoding="utf-8", newline="")

    def disk_full(*_: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run(*args, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"cse: error: {target}: cannot write the {args[0]}: No space left on device\n"
    )
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("output", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_ctrl_c_while_writing_keeps_the_old_file(
    output: tuple[list[str], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args, name = output
    target = tmp_path / name
    target.write_text("old\n", encoding="utf-8", newline="")

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    monkeypatch.setattr(sys, "argv", ["cse", *args, "-o", str(target)])
    with pytest.raises(SystemExit) as exit_info:  # `python -m cse_cli`, in this process
        runpy.run_module("cse_cli", run_name="__main__", alter_sys=True)
    assert exit_info.value.code == 130  # 128 + SIGINT, as shells report Ctrl-C
    assert "Traceback" not in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == [name]


# every way a write can fail ---------------------------------------------------------------


class _HalfWriter:
    """A file that takes half of what is written, then fails as a full disk or Ctrl-C would."""

    def __init__(self, stream: Any, error: BaseException) -> None:
        self._stream = stream
        self._error = error

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self._stream.close()

    def fileno(self) -> int:
        return int(self._stream.fileno())

    def write(self, text: str) -> int:
        self._stream.write(text[: len(text) // 2])
        self._stream.flush()
        raise self._error

    def flush(self) -> None:
        self._stream.flush()


def _fail_at(monkeypatch: pytest.MonkeyPatch, step: str, error: BaseException) -> None:
    """Make one step of a write raise `error`."""

    def failing(*_: object, **__: object) -> None:
        raise error

    if step == "write":
        real = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _HalfWriter(real(*a, **k), error))
    elif step == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", failing)
    else:
        # Windows has no os.fchmod before Python 3.13 (cse then chmods by name): planted
        monkeypatch.setattr(os, step, failing, raising=step != "fchmod")


ERRORS = {
    "disk-full": OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
    "ctrl-c": KeyboardInterrupt(),
}
NEW_TEXT = "new " * 100_000


@pytest.mark.parametrize("error", ERRORS.values(), ids=ERRORS.keys())
@pytest.mark.parametrize("step", ["mkstemp", "fchmod", "write", "fsync", "replace"])
@pytest.mark.parametrize("exists", [True, False], ids=["replacing", "creating"])
def test_write_atomic_fails_whole(
    step: str, error: BaseException, exists: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    if exists:
        target.write_text("old\n", encoding="utf-8", newline="")
    _fail_at(monkeypatch, step, error)
    with pytest.raises(type(error)):
        write_atomic(target, NEW_TEXT)
    monkeypatch.undo()
    assert (target.read_text(encoding="utf-8") if exists else None) == ("old\n" if exists else None)
    assert [p.name for p in tmp_path.iterdir()] == (["report.html"] if exists else [])


@pytest.mark.parametrize("error", ERRORS.values(), ids=ERRORS.keys())
@pytest.mark.parametrize("step", ["mkstemp", "fchmod", "write", "fsync"])
def test_write_new_fails_whole(
    step: str, error: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "1.1.1.yaml"
    _fail_at(monkeypatch, step, error)
    with pytest.raises(type(error)):
        write_new(target, NEW_TEXT)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_write_new_interrupted_at_the_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C as the file takes its name: no file, and no temporary left."""
    _fail_at(monkeypatch, "link", KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_new(tmp_path / "1.1.1.yaml", NEW_TEXT)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_write_new_without_links_interrupted_at_the_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_at(monkeypatch, "link", OSError(errno.EPERM, "Operation not permitted"))
    real_replace = os.replace

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_new(tmp_path / "1.1.1.yaml", NEW_TEXT)
    monkeypatch.setattr(os, "replace", real_replace)
    assert list(tmp_path.iterdir()) == []


# a process killed outright ----------------------------------------------------------------

# Writes the text of the file named last to the target with the function named,
# and stops at the point named, mid-way through the write: it says so ("at POINT")
# and waits on its stdin, which the test never writes to, until it is killed. So
# the kill lands at a known moment every time, not when a timer happens to fire.
WRITER = """
import os, sys
from pathlib import Path
from cse_cli.io import atomic

how, point, target, source = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
text = source.read_text(encoding="utf-8")


def pause(at):
    if at == point:
        print("at", at, flush=True)
        sys.stdin.readline()  # until killed


class HalfThenPause:
    def __init__(self, stream):
        self.stream = stream
    def __enter__(self):
        return self
    def __exit__(self, *_):
        self.stream.close()
    def fileno(self):
        return self.stream.fileno()
    def flush(self):
        self.stream.flush()
    def write(self, text):
        self.stream.write(text[: len(text) // 2])
        self.stream.flush()
        pause("mid-write")
        return self.stream.write(text[len(text) // 2 :])


real = os.fdopen, os.fsync, os.replace, os.link
os.fdopen = lambda *args, **kwargs: HalfThenPause(real[0](*args, **kwargs))
os.fsync = lambda fd: (real[1](fd), pause("written"))[0]
os.replace = lambda a, b: (real[2](a, b), pause("moved"))[0]
os.link = lambda a, b: (real[3](a, b), pause("linked"))[0]
PLANTED
if how == "write_atomic":
    atomic.write_atomic(target, text)
else:
    assert atomic.write_new(target, text)
print("finished", flush=True)
"""
# A writer that writes in place, as the kill test must catch.
IN_PLACE = """
def in_place(path, text):
    with path.open("w", encoding="utf-8") as stream:
        stream.write(text[: len(text) // 2])
        stream.flush()
        pause("mid-write")
        stream.write(text[len(text) // 2 :])
atomic.write_atomic = in_place
"""


def _kill_at(point: str, how: str, target: Path, text: str, planted: str = "") -> None:
    """Write `text` to `target` in a process of its own, and kill it at `point`.

    Killed outright: SIGKILL, or on Windows TerminateProcess, which no program can catch.
    """
    source = target.parent.parent / "text.txt"
    source.write_text(text, encoding="utf-8", newline="")
    script = WRITER.replace("PLANTED", planted)
    with subprocess.Popen(
        [sys.executable, "-c", script, how, point, str(target), str(source)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
    ) as writer:
        assert writer.stdout is not None
        assert writer.stderr is not None
        said = writer.stdout.readline()
        if said != f"at {point}\n":
            writer.kill()
            pytest.fail(f"the writer never reached {point}: {said!r} {writer.stderr.read()}")
        writer.kill()
        writer.wait()
    assert writer.returncode == (1 if WINDOWS else -signal.SIGKILL)  # TerminateProcess(…, 1)


def _leftovers(folder: Path, name: str, *others_expected: str) -> list[str]:
    """Names in `folder` besides `name` and `others_expected`: temporaries named after it."""
    others = sorted(p.name for p in folder.iterdir() if p.name not in {name, *others_expected})
    for other in others:
        assert re.fullmatch(TEMPORARY.format(name=re.escape(name)), other), other
    return others


@pytest.mark.parametrize(
    ("point", "whole", "left"),
    [("mid-write", "old", 1), ("written", "old", 1), ("moved", "new", 0)],
)
def test_a_killed_report_writer_leaves_the_old_report_or_the_new(
    point: str, whole: str, left: int, tmp_path: Path
) -> None:
    """SIGKILL cannot be caught, so a temporary may be left: hidden, named, never read.

    Nothing can remove a temporary when the process is killed outright between
    creating it and renaming it. It is `.report.html.XXXXXXXX.tmp` beside the
    target: hidden from `ls`, named after the file it was for, and safe to delete.
    """
    texts = {
        "old": run("report", str(BOLTON), "--format", "md").stdout,
        "new": run("report", str(BOLTON), "--format", "html").stdout,
    }
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.html"
    target.write_text(texts["old"], encoding="utf-8", newline="")
    _kill_at(point, "write_atomic", target, texts["new"])
    assert target.read_text(encoding="utf-8") == texts[whole]
    leftovers = _leftovers(out, "report.html")
    assert len(leftovers) == left
    if point == "written":  # the new report was whole, but never took the name
        assert (out / leftovers[0]).read_text(encoding="utf-8") == texts["new"]


@pytest.mark.parametrize(
    ("point", "created"), [("mid-write", False), ("written", False), ("linked", True)]
)
def test_a_killed_init_leaves_whole_element_files_and_ignored_temporaries(
    point: str, created: bool, tmp_path: Path
) -> None:
    """Leftover temporaries among the element files are not read as evidence."""
    root = write_repo(tmp_path / "repo", {"evidence/1.1.2.yaml": element_yaml("1.1.2")})
    target = root / "evidence" / "1.1.1.yaml"
    text = element_yaml("1.1.1", final="full", notes=json.dumps("x" * 20_000))
    _kill_at(point, "write_new", target, text)
    assert target.exists() is created
    if created:
        assert target.read_text(encoding="utf-8") == text
    leftovers = _leftovers(root / "evidence", "1.1.1.yaml", "1.1.2.yaml")
    assert len(leftovers) == 1
    # the worst case: a temporary that holds a whole element file, and two more like it
    (root / "evidence" / leftovers[0]).write_text(text, encoding="utf-8", newline="")
    target.unlink(missing_ok=True)
    for name in ("1.1.1.yaml.x1y2z3a4", "1.1.1.yaml.0a0a0a0a"):
        (root / "evidence" / f".{name}.tmp").write_text(text, encoding="utf-8", newline="")
    report = json.loads(run("check", str(root), "--format", "json").stdout)
    assert report["problems"] == []
    assert sum(criterion["unrated"] for criterion in report["criteria"]) == 57  # no 1.1.1 read


def test_the_kill_tests_can_fail(tmp_path: Path) -> None:
    """A writer that writes in place is caught: the kill test is not a tautology."""
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    target.write_text("old " * 1000, encoding="utf-8", newline="")
    _kill_at("mid-write", "write_atomic", target, "new " * 1000, planted=IN_PLACE)
    assert (
        target.read_text(encoding="utf-8") == "new " * 500
    )  # half a file: what the test above refuses


def test_the_writer_stops_where_it_is_told(tmp_path: Path) -> None:
    """Each point is on the writer's way: one that is not fails, rather than passes unseen."""
    target = tmp_path / "out" / "1.1.1.yaml"
    target.parent.mkdir()
    with pytest.raises(pytest.fail.Exception, match="never reached moved: 'finished"):
        _kill_at("moved", "write_new", target, "text\n")  # write_new links, never moves
