"""Saving what the writer made: only over the file it was made from, and all files or none.

A page of the editor, or an import, reads a file and remembers its content hash;
when it saves, the file on disk must still have that hash, or someone (another
tab, a code editor, `git pull`) changed it meanwhile and the save is refused
before anything is written.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.core.problems import Problem
from cse_cli.io.atomic import replace_all
from cse_cli.io.yaml_edit.edits import EditError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


def content_hash(raw: bytes) -> str:
    """The SHA-256 of a file's bytes, in hexadecimal: what a form carries to detect a change."""
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class FileChange:
    """New bytes for a file, made from the version whose hash is `was` (None: a new file)."""

    path: Path
    data: bytes
    was: str | None
    name: str = ""  # the file as messages name it (relative to the repository); else `path`


class ChangedOnDisk(EditError):  # noqa: N818 - reads as what it says
    """A file changed on disk since it was read; `changed` lists which, and nothing was written."""

    def __init__(self, changed: Sequence[FileChange]) -> None:
        """Say which files changed."""
        self.changed = tuple(changed)
        super().__init__(
            *(
                Problem(
                    change.name or str(change.path),
                    0,
                    0,
                    "error",
                    "was created since it was read"
                    if change.was is None
                    else "changed on disk since it was read: nothing was saved; "
                    "read it again and make the change again",
                )
                for change in changed
            )
        )


def save(changes: Sequence[FileChange]) -> None:
    """Write every change, all or nothing, if each file is still as it was read.

    Raises ChangedOnDisk (nothing written) when a file's hash differs from the
    one it was read with, or a file meant to be new exists; OSError (nothing
    left changed) when a write fails, NotRegularFile when a name is taken by
    anything but a regular file.
    """
    changed = [change for change in changes if not _unchanged(change)]
    if changed:
        raise ChangedOnDisk(changed)
    replace_all({change.path: change.data for change in changes})


def _unchanged(change: FileChange) -> bool:
    """Whether the file is still as the change was made from (anything else is left to the write).

    Only a regular file is opened (a named pipe would wait for ever); the write
    refuses anything else with NotRegularFile.
    """
    try:
        status = os.lstat(change.path)
    except (FileNotFoundError, NotADirectoryError):
        return change.was is None
    if not stat.S_ISREG(status.st_mode):
        return True
    return change.was is not None and content_hash(change.path.read_bytes()) == change.was
