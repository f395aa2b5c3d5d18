"""Every file cse reads is a regular file inside the repository, read with the limit (§2, §4).

Whatever the command, a named pipe never makes it wait, and a folder or file
it may not read gives one located line and exit 2, never a traceback.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from cse_cli.io.tree import DirTree, TooLarge, Unreadable, Why, read_regular
from tests.helpers import (
    BOLTON,
    DEVICE,
    element_yaml,
    fifo,
    link,
    needs_posix_realpath,
    run,
    write_repo,
)

COMMANDS = {
    "check": ["check"],
    "gap": ["gap"],
    "report": ["report", "--format", "md"],
    "diff": ["diff", "--base-dir", str(BOLTON)],
}


def _args(command: list[str], root: Path) -> list[str]:
    if command[0] == "diff":
        return [*command, "--head-dir", str(root)]
    return [command[0], str(root), *command[1:]]


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_named_pipe_for_cse_yaml_is_refused_by_every_command(
    command: list[str], tmp_path: Path
) -> None:
    root = write_repo(tmp_path / "repo", {"evidence/.keep": ""}, config=None)
    link(root / "cse.yaml", fifo(root / "pipe").name)
    result = run(*_args(command, root))
    assert result.exit_code == (0 if command[0] == "diff" else 2)  # diff shows an invalid side
    assert "cse.yaml:0:0: error: cse.yaml is not a regular file" in result.output
    assert "Traceback" not in result.output


def _refusals(*paths: Path) -> list[Why]:
    refusals = []
    for path in paths:
        with pytest.raises(Unreadable) as caught:
            read_regular(str(path))
        refusals.append(caught.value.refusal.why)
    return refusals


def test_read_regular_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"text")
    assert _refusals(tmp_path, tmp_path / "missing", DEVICE) == [
        Why.FOLDER,
        Why.MISSING,
        Why.NOT_REGULAR,
    ]
    # O_NOFOLLOW, or its fallback: a final link is not opened (ELOOP), whatever it leads to
    assert _refusals(link(tmp_path / "link", tmp_path / "file")) == [Why.LOOP]


def test_read_regular_refuses_a_named_pipe_unopened(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe")
    assert _refusals(pipe, link(tmp_path / "link", pipe)) == [Why.NOT_REGULAR, Why.LOOP]


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 20)
    assert read_regular(str(tmp_path / "f"), limit=20) == b"x" * 20
    with pytest.raises(TooLarge):
        read_regular(str(tmp_path / "f"), limit=19)


# folders and files that cannot be read (simulated: the tests may run as root) ------------


def _deny(monkeypatch: pytest.MonkeyPatch, function: str, below: Path) -> None:
    """Make os.`function` fail with EACCES for `below` and everything under it."""
    real = getattr(os, function)

    def denied(path: object, *args: object, **kwargs: object) -> object:
        if isinstance(path, (str, Path)) and Path(path).is_relative_to(below):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, function, denied)


DENIED = {
    "evidence-folder": (
        "listdir",
        "cse.yaml:1:1: error: evidence_dir 'evidence' cannot be read (Permission denied)",
    ),
    "element-file": (
        "open",
        "evidence/1.1.1.yaml:0:0: error: 1.1.1.yaml cannot be read (Permission denied)",
    ),
}


@pytest.mark.parametrize("denied", DENIED.values(), ids=DENIED.keys())
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_folder_or_file_that_cannot_be_read(
    command: list[str], denied: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    function, line = denied
    root = write_repo(tmp_path / "repo", {"evidence/1.1.1.yaml": element_yaml("1.1.1")})
    _deny(monkeypatch, function, root / "evidence")
    result = run(*_args(command, root))
    assert result.exit_code == (0 if command[0] == "diff" else 2)  # diff shows an invalid side
    assert line in result.output
    assert "Traceback" not in result.output


@needs_posix_realpath
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_path_below_a_folder_that_cannot_be_read(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_repo(tmp_path / "locked" / "repo", {"evidence/.keep": ""})
    _deny(monkeypatch, "stat", tmp_path / "locked")
    _deny(monkeypatch, "lstat", tmp_path / "locked")
    result = run(*_args(command, root / "evidence"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"cse: error: {root / 'evidence'}: cannot be read (Permission denied)"
    ), result.stderr
    assert "Traceback" not in result.output


@needs_posix_realpath
def test_a_document_below_a_folder_that_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": element_yaml(
                "1.1.1", evidence="[{title: Hours, path: private/hours.pdf}]"
            ),
            "private/hours.pdf": "%PDF",
        },
    )
    tree = DirTree(root)
    _deny(monkeypatch, "stat", root / "private")
    _deny(monkeypatch, "lstat", root / "private")
    refusal = tree.check_file("private/hours.pdf")
    assert refusal is not None
    assert refusal.why is Why.UNREADABLE
    result = run("check", str(root))
    assert result.exit_code == 2
    assert (
        "evidence/1.1.1.yaml:2:33: error: path 'private/hours.pdf' cannot be read "
        "(Permission denied)" in result.stderr
    )


@needs_posix_realpath
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_folder_swapped_for_a_link_while_it_is_read(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The link `documents` is a folder again when its target is asked for (EINVAL).

    The race made deterministic: the resolution of the path sees a link, then
    the system says it is none. It is a located refusal, never a traceback.
    """
    root = write_repo(
        tmp_path / "repo",
        {
            "evidence/1.1.1.yaml": element_yaml(
                "1.1.1", evidence="[{title: Hours, path: documents/hours.pdf}]"
            ),
            "folder/hours.pdf": "%PDF",
        },
    )
    link(root / "documents", "folder")

    def swapped(path: object, *_: object, **__: object) -> str:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL), str(path))

    monkeypatch.setattr(os, "readlink", swapped)
    result = run(*_args(command, root))
    assert result.exit_code == (0 if command[0] == "diff" else 2)  # diff shows an invalid side
    assert "Traceback" not in result.output
    assert (
        "evidence/1.1.1.yaml:2:33: error: path 'documents/hours.pdf' "
        "was replaced while cse was reading it"
    ) in result.output
