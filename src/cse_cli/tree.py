"""Read-only access to the files of an evidence repository.

The repository is read through a `Tree`, so the same validation runs on a
folder on disk and (for `cse diff`) on a git revision. A tree never follows a
path out of the repository: `..`, absolute paths and links that point outside
are refused with a message, not read.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal, Protocol

from cse_cli.yamlio import MAX_FILE_BYTES, too_large

Kind = Literal["file", "dir", "other"]


@dataclass(frozen=True)
class Entry:
    """One name in a folder of the tree, or why it cannot be read."""

    name: str
    kind: Kind
    problem: str | None = None


class TooLarge(Exception):  # noqa: N818 - reads as what it says
    """A file is over the size limit; the message gives its size."""


class Tree(Protocol):
    """The files of one version of an evidence repository."""

    label: str

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file (None when absent); raises TooLarge or OSError."""

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder, sorted by name (None when it is not a folder)."""

    def check_file(self, rel: str) -> str | None:
        """Why `rel` is not a readable file inside the tree, or None when it is."""


def clean(rel: str) -> str | None:
    """A relative POSIX path with no way out of the tree, or None for one that leaves it."""
    if not rel or rel.startswith(("/", "\\")) or (len(rel) > 1 and rel[1] == ":"):
        return None
    parts: list[str] = []
    for part in PurePosixPath(rel.replace("\\", "/")).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts) if parts else "."


def _unresolved(exc: OSError | RuntimeError) -> str:
    """Why a path could not be resolved, in words."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return "does not exist"
    if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:  # RuntimeError before 3.13
        return "is a loop of symbolic links"
    if exc.errno == errno.ENAMETOOLONG:
        return "is too long a name for a file"
    return f"cannot be read ({exc.strerror or exc})"


class DirTree:
    """A repository on disk."""

    def __init__(self, root: Path) -> None:
        """Read the repository whose root folder (holding cse.yaml) is `root`."""
        self.root = root.resolve()
        self.label = str(root)

    def _inside(self, rel: str) -> tuple[Path | None, str | None]:
        """The real path of `rel`, or why it is not inside the repository."""
        cleaned = clean(rel)
        if cleaned is None:
            return None, "is outside the repository"
        if "\0" in cleaned:  # the operating system would refuse the name outright
            return None, "is not a file name (it holds a NUL character)"
        path = self.root / cleaned
        # Follow links as far as they go first: a link out of the repository is
        # refused as such, even when its target does not exist.
        if not self._contains(Path(os.path.realpath(path))):
            return None, "leads outside the repository (through a symbolic link)"
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            return None, _unresolved(exc)
        if not self._contains(real):
            return None, "leads outside the repository (through a symbolic link)"
        return real, None

    def _contains(self, real: Path) -> bool:
        return real == self.root or self.root in real.parents

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file inside the repository, None when it is absent."""
        real, problem = self._inside(rel)
        if real is None:
            if problem == "does not exist":
                return None
            raise OSError(problem)
        with real.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise TooLarge(too_large(size))
            return handle.read(MAX_FILE_BYTES + 1)

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder; links are followed only while they stay inside."""
        real, _ = self._inside(rel)
        if real is None or not real.is_dir():
            return None
        entries = []
        for name in sorted(os.listdir(real)):
            entry_rel = f"{rel}/{name}" if rel != "." else name
            target, problem = self._inside(entry_rel)
            if target is None:
                entries.append(Entry(name, "other", problem))
                continue
            mode = target.stat().st_mode
            kind: Kind = "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"
            entries.append(Entry(name, kind, None if kind != "other" else "is not a regular file"))
        return entries

    def check_file(self, rel: str) -> str | None:
        """Why `rel` is not a readable file inside the repository, or None."""
        real, problem = self._inside(rel)
        if real is None:
            return problem
        if not real.is_file():
            return "is a folder, not a file" if real.is_dir() else "is not a regular file"
        return None
