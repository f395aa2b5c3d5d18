"""Every write replaces only a regular file or takes a new name (issue 10, §1 and §5).

Whatever stands at an output's name that is not a regular file (a symbolic link,
a folder, a named pipe, a device) is refused with one line and exit 2, and is
left exactly as it was; `cse init` keeps such names and never writes through a
link out of the repository.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.helpers import BOLTON, DEVICE, fifo, link, needs_devices, run

OUTPUTS = {
    "report md": ["report", str(BOLTON), "--format", "md"],
    "report html": ["report", str(BOLTON), "--format", "html"],
    "schema": ["schema", "--kind", "element"],
}


def _link_to_file(place: Path) -> Path:
    target = place / "target.txt"
    target.write_text("kept\n", encoding="utf-8", newline="")
    return link(place / "out", target)


def _dangling_link(place: Path) -> Path:
    return link(place / "out", place / "nowhere")


def _folder(place: Path) -> Path:
    (place / "out").mkdir()
    return place / "out"


def _fifo(place: Path) -> Path:
    return fifo(place / "out")


def _link_to_device(place: Path) -> Path:
    return link(place / "out", DEVICE)


NOT_REGULAR = {
    "link-to-a-file": (_link_to_file, "a symbolic link"),
    "dangling-link": (_dangling_link, "a symbolic link"),
    "folder": (_folder, "a folder"),
    "named-pipe": (_fifo, "a named pipe"),
    "link-to-a-device": pytest.param((_link_to_device, "a symbolic link"), marks=needs_devices),
}


def _state(path: Path) -> tuple[int, str | None]:
    status = os.lstat(path)
    target = str(path.readlink()) if stat.S_ISLNK(status.st_mode) else None
    return stat.S_IFMT(status.st_mode), target


@pytest.mark.parametrize("what", NOT_REGULAR.values(), ids=NOT_REGULAR.keys())
@pytest.mark.parametrize("args", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_output_never_replaces_what_is_not_a_regular_file(
    args: list[str], what: tuple[object, str], tmp_path: Path
) -> None:
    make, kind = what
    assert callable(make)
    target = make(tmp_path)
    before = _state(target)
    names = sorted(p.name for p in tmp_path.iterdir())
    result = run(*args, "-o", str(target))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"cse: error: {target}: cannot write the {args[0]}: is {kind}, not a regular file: "
        "cse replaces only a regular file (leave out -o to print it on standard output)\n"
    )
    assert _state(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # no temporary left
    if kind == "a symbolic link" and (tmp_path / "target.txt").exists():
        assert (tmp_path / "target.txt").read_text(encoding="utf-8") == "kept\n"


def test_output_never_replaces_a_device() -> None:
    """/dev/null (NUL on Windows) stays a device (as root, a rename over it would succeed)."""
    result = run("schema", "-o", os.devnull)
    assert result.exit_code == 2
    assert "is a device, not a regular file" in result.stderr
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


@pytest.mark.parametrize("length", [100, 250, 255])
@pytest.mark.parametrize("args", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_output_to_a_long_legal_name(args: list[str], length: int, tmp_path: Path) -> None:
    target = tmp_path / ("r" * (length - 3) + ".md")
    result = run(*args, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == run(*args).stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_output_to_a_long_name_of_many_bytes(tmp_path: Path) -> None:
    """255 bytes of UTF-8 (85 three-byte characters): the temporary's name is legal too."""
    target = tmp_path / ("€" * 85)
    assert len(os.fsencode(target.name)) == 255
    assert run("schema", "-o", str(target)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
