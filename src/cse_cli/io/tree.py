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
from pathlib import Path
from typing import Literal, NamedTuple, Protocol

from cse_cli.io.limits import MAX_FILE_BYTES, too_large

Kind = Literal["file", "dir", "other"]


class Entry(NamedTuple):
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
    for part in rel.replace("\\", "/").split("/"):  # as PurePosixPath splits it, but quicker
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in {"", "."}:
            parts.append(part)
    return "/".join(parts) if parts else "."


def _unresolved(exc: OSError) -> str:
    """Why a path could not be resolved, in words."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return "does not exist"
    if exc.errno == errno.ELOOP:
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
        self._real_root = str(self.root)
        self._prefix = os.path.join(self._real_root, "")  # the root with a trailing separator
        # The real path of each folder met inside, by its cleaned path: what is not a
        # link in one of them is found with one lstat, not a walk of links from /.
        self._folders = {".": self._real_root}

    def _inside(self, rel: str) -> tuple[str, os.stat_result] | str:
        """The real path of `rel` and its status, or why it is not a path inside the tree."""
        cleaned = clean(rel)
        if cleaned is None:
            return "is outside the repository"
        if "\0" in cleaned:  # the operating system would refuse the name outright
            return "is not a file name (it holds a NUL character)"
        found = self._in_folder_met(cleaned)
        if found is None:
            found = self._resolved(cleaned)
        if not isinstance(found, str) and stat.S_ISDIR(found[1].st_mode):
            self._folders[cleaned] = found[0]
        return found

    def _in_folder_met(self, cleaned: str) -> tuple[str, os.stat_result] | str | None:
        """`cleaned` found with one lstat, when its folder was met and it is not a link."""
        folder, _, name = cleaned.rpartition("/")
        real_folder = self._folders.get(folder or ".")
        if real_folder is None or name == ".":
            return None
        path = os.path.join(real_folder, name)
        try:
            status = os.lstat(path)
        except OSError as exc:
            return _unresolved(exc)
        return None if stat.S_ISLNK(status.st_mode) else (path, status)

    def _resolved(self, cleaned: str) -> tuple[str, os.stat_result] | str:
        """`cleaned` with every link on the way followed, or why that leads nowhere inside."""
        # Follow links as far as they go first: a link out of the repository is
        # refused as such, even when its target does not exist.
        real = os.path.realpath(os.path.join(self._prefix, cleaned))
        if real != self._real_root and not real.startswith(self._prefix):
            return "leads outside the repository (through a symbolic link)"
        try:
            return real, os.stat(real)  # a loop of links, left unresolved above, fails here
        except OSError as exc:
            return _unresolved(exc)

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file inside the repository, None when it is absent."""
        found = self._inside(rel)
        if isinstance(found, str):
            if found == "does not exist":
                return None
            raise OSError(found)
        with open(found[0], "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise TooLarge(too_large(size))
            # As much as fstat says, not the limit: a buffer that size would cost more
            # than the read. A file that grows meanwhile is read on, to the limit.
            raw = handle.read(size + 1)
            if len(raw) > size:
                raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
            return raw

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder; links are followed only while they stay inside."""
        found = self._inside(rel)
        if isinstance(found, str) or not stat.S_ISDIR(found[1].st_mode):
            return None
        entries = []
        for name in sorted(os.listdir(found[0])):
            target = self._inside(f"{rel}/{name}" if rel != "." else name)
            if isinstance(target, str):
                entries.append(Entry(name, "other", target))
                continue
            mode = target[1].st_mode
            kind: Kind = "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"
            entries.append(Entry(name, kind, None if kind != "other" else "is not a regular file"))
        return entries

    def check_file(self, rel: str) -> str | None:
        """Why `rel` is not a readable file inside the repository, or None."""
        found = self._inside(rel)
        if isinstance(found, str):
            return found
        mode = found[1].st_mode
        if stat.S_ISREG(mode):
            return None
        return "is a folder, not a file" if stat.S_ISDIR(mode) else "is not a regular file"
