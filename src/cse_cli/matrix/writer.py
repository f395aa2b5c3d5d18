"""Writes the repository a matrix gives into PATH: all of it, or nothing at all.

`cse import` starts a new repository: it refuses a folder that holds one
already, so nothing anyone wrote is ever replaced or mixed with the matrix.
Everything that would stop the writing is checked before the first byte is
written: PATH is a folder or a free name (not a link to nothing), the folders
it writes in are inside it (a link out of it is refused, never written
through, even for a moment), and every file it writes is a free name. Each
file is then written atomically and only where no file is (`write_new`); if
writing fails part way, the files written and the folders made are removed,
so PATH is left as it was.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from cse_cli.core.problems import CseError
from cse_cli.io.atomic import write_new
from cse_cli.io.root import CONFIG_FILE
from cse_cli.io.scaffold_text import SCHEMA_DIR
from cse_cli.matrix.files import EVIDENCE_DIR

_FOLDERS = (EVIDENCE_DIR, SCHEMA_DIR)


def refuse_existing(root: Path) -> None:
    """Raise CseError unless `root` is a place for a new repository (checked before reading)."""
    if os.path.lexists(root) and not root.exists():
        raise CseError(
            f"{root}: is a symbolic link to nothing, not a folder for the new repository"
        )
    if root.exists() and not root.is_dir():
        raise CseError(f"{root}: is a file, not a folder for the new repository")
    marker = root / CONFIG_FILE
    if os.path.lexists(marker):
        raise CseError(
            f"{root} already holds an evidence repository ({CONFIG_FILE}): cse import starts a "
            "new one and never adds to one; import into a new folder, then copy across the "
            "element files you want"
        )
    for name in _FOLDERS:
        _refuse_folder(root, root / name)
    folder = root / EVIDENCE_DIR
    if folder.is_dir() and any(folder.iterdir()):
        raise CseError(
            f"{folder}: already exists and is not an empty folder: import into a new folder"
        )


def _refuse_folder(root: Path, folder: Path) -> None:
    """Raise CseError unless `folder` is free, or a folder inside `root`."""
    if not os.path.lexists(folder):
        return
    if folder.is_symlink():
        real = folder.resolve()
        if not real.exists():
            raise CseError(f"{folder}: is a symbolic link to nothing, not a folder")
        if real != root.resolve() and root.resolve() not in real.parents:
            raise CseError(f"{folder}: is a symbolic link out of {root}: cse import writes only "
                           "inside the new repository")  # fmt: skip
    if not folder.is_dir():
        raise CseError(f"{folder}: is a file, not a folder: import into a new folder")


def write_repository(root: Path, files: dict[str, str]) -> list[str]:
    """Write `files` (path -> text) under `root`, in order; the paths written.

    Raises CseError, with nothing left behind, when PATH is not a place for them
    or a write fails.
    """
    refuse_existing(root)
    taken = [rel for rel in files if os.path.lexists(root / rel)]
    if taken:
        raise CseError(f"{root / taken[0]}: already exists: cse import writes only new files; "
                       "import into a new folder")  # fmt: skip
    made: list[Path] = []
    written: list[str] = []
    try:
        for rel, text in files.items():
            _make_folders(root / rel, made)
            _write_new(root / rel, text)
            written.append(rel)
    except BaseException as exc:
        _undo(root, written, made)
        if isinstance(exc, OSError):
            where = exc.filename if exc.filename is not None else root
            raise CseError(f"{where}: cannot write the new repository: "
                           f"{exc.strerror or exc}: nothing written") from None  # fmt: skip
        raise
    return written


def _write_new(path: Path, text: str) -> None:
    if not write_new(path, text):
        raise CseError(f"{path}: appeared while cse import wrote: nothing kept")


def _make_folders(path: Path, made: list[Path]) -> None:
    """Make the folders above `path` that do not exist, noting each in `made`."""
    missing = []
    for folder in path.parents:
        if os.path.lexists(folder):
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir()
        made.append(folder)


def _undo(root: Path, written: list[str], made: list[Path]) -> None:
    """Remove the files written and the folders made, newest first."""
    for rel in reversed(written):
        with contextlib.suppress(OSError):
            os.unlink(root / rel)
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()
