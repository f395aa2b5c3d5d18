"""Read-only access to the files of an evidence repository.

The repository is read through a `Tree`, so the same validation runs on a
folder on disk and (for `cse diff`) on a git revision. A tree never follows a
path out of the repository: `..`, absolute paths and links that point outside
are refused with a message, not read.

How a file is opened, and the words of every refusal, are `cse_cli.io.regular`'s;
this module names them too, for the readers that import them from here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Literal, NamedTuple, Protocol

from cse_cli.core.problems import CseError
from cse_cli.io.regular import (
    Refusal,
    TooLarge,
    Unreadable,
    Why,
    open_regular,
    read_regular,
    real_path,
    refusal_of_mode,
    unresolved,
)

__all__ = [
    "DirTree",
    "Entry",
    "Kind",
    "Refusal",
    "TooLarge",
    "Tree",
    "Unreadable",
    "Why",
    "clean",
    "read_regular",
]

Kind = Literal["file", "dir", "other"]


class Entry(NamedTuple):
    """One name in a folder of the tree, or why it cannot be read."""

    name: str
    kind: Kind
    problem: Refusal | None = None
    size: int = 0  # bytes, for a file: what reading it would cost


class Tree(Protocol):
    """The files of one version of an evidence repository."""

    label: str

    def read(self, rel: str) -> bytes | None:
        """The bytes of a regular file (None when absent); raises TooLarge or Unreadable."""

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder, sorted by name (None when it is not a folder).

        Raises Unreadable when it is a folder that cannot be listed.
        """

    def check_file(self, rel: str) -> Refusal | None:
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


class DirTree:
    """A repository on disk."""

    def __init__(self, root: Path) -> None:
        """Read the repository whose root folder (holding cse.yaml) is `root`."""
        real = real_path(str(root))
        if isinstance(real, Refusal):
            raise CseError(f"{root}: {real}")
        self.root = Path(real)
        self.label = str(root)
        self._real_root = real
        self._prefix = os.path.join(self._real_root, "")  # the root with a trailing separator
        # The real path of each folder met inside, by its cleaned path: what is not a
        # link in one of them is found with one lstat, not a walk of links from /.
        self._folders = {".": self._real_root}

    def _inside(self, rel: str) -> tuple[str, os.stat_result] | Refusal:
        """The real path of `rel` and its status, or why it is not a path inside the tree."""
        cleaned = clean(rel)
        if cleaned is None:
            return Refusal(Why.OUTSIDE)
        return self._inside_cleaned(cleaned)

    def _inside_cleaned(self, cleaned: str) -> tuple[str, os.stat_result] | Refusal:
        """`_inside` for a path already cleaned, or a name as a folder listing gives it."""
        if "\0" in cleaned:  # the operating system would refuse the name outright
            return Refusal(Why.NUL)
        found = self._in_folder_met(cleaned)
        if found is None:
            found = self._resolved(cleaned)
        if not isinstance(found, Refusal) and stat.S_ISDIR(found[1].st_mode):
            self._folders[cleaned] = found[0]
        return found

    def _in_folder_met(self, cleaned: str) -> tuple[str, os.stat_result] | Refusal | None:
        """`cleaned` found with one lstat, when its folder was met and it is not a link."""
        folder, _, name = cleaned.rpartition("/")
        real_folder = self._folders.get(folder or ".")
        if real_folder is None or name == ".":
            return None
        path = os.path.join(real_folder, name)
        try:
            status = os.lstat(path)
        except OSError as exc:
            return unresolved(exc)
        # Windows: a junction is a link too, though lstat calls it a folder; any
        # reparse point (st_reparse_tag, Windows only) is resolved like a link.
        reparse_tag: int = getattr(status, "st_reparse_tag", 0)
        if stat.S_ISLNK(status.st_mode) or reparse_tag:
            return None
        return path, status

    def _real(self, cleaned: str) -> str | Refusal:
        """`cleaned` with every link on the way followed, or why that leads nowhere inside."""
        # Follow links as far as they go first: a link out of the repository is
        # refused as such, even when its target does not exist.
        real = real_path(os.path.join(self._prefix, cleaned))
        if isinstance(real, Refusal):
            return real
        if real != self._real_root and not real.startswith(self._prefix):
            return Refusal(Why.THROUGH_LINK)
        # Resolved again, strictly: a link the first pass left in the path (one it
        # could not read) is never followed unseen, and a loop or a missing name
        # says so. Two different answers mean the path changed in between.
        settled = real_path(real, strict=True)
        if isinstance(settled, Refusal) or settled == real:
            return settled
        return Refusal(Why.CHANGED)

    def _resolved(self, cleaned: str) -> tuple[str, os.stat_result] | Refusal:
        """`cleaned` resolved inside the tree, and its status, or why it is not there."""
        real = self._real(cleaned)
        if isinstance(real, Refusal):
            return real
        try:
            return real, os.stat(real)
        except OSError as exc:
            return unresolved(exc)

    def read(self, rel: str) -> bytes | None:
        """The bytes of a regular file inside the repository, None when it is absent."""
        found = self._inside(rel)
        if isinstance(found, Refusal):
            if found.why is Why.MISSING:
                return None
            raise Unreadable(found)
        return read_regular(found[0])

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder; links are followed only while they stay inside."""
        found = self._inside(rel)
        if isinstance(found, Refusal) or not stat.S_ISDIR(found[1].st_mode):
            return None
        try:
            names = sorted(os.listdir(found[0]))
        except OSError as exc:
            raise Unreadable(unresolved(exc)) from None
        folder = clean(rel)
        entries = []
        for name in names:  # as listed: a backslash in a name is part of it, not a separator
            target = self._inside_cleaned(f"{folder}/{name}" if folder != "." else name)
            if isinstance(target, Refusal):
                entries.append(Entry(name, "other", target))
                continue
            mode = target[1].st_mode
            kind: Kind = "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"
            refusal = None if kind != "other" else refusal_of_mode(mode)
            entries.append(Entry(name, kind, refusal, target[1].st_size if kind == "file" else 0))
        return entries

    def open_file(self, rel: str) -> tuple[BinaryIO, int]:
        """The regular file `rel` inside the repository, open, and its size; raises Unreadable.

        Resolved afresh, not through the folders met while the repository was
        read: a name swapped since then for a link out, a folder or a named pipe
        is refused, never followed, opened or waited on.
        """
        cleaned = clean(rel)
        if cleaned is None:
            raise Unreadable(Refusal(Why.OUTSIDE))
        real = Refusal(Why.NUL) if "\0" in cleaned else self._real(cleaned)
        if isinstance(real, Refusal):
            raise Unreadable(real)
        handle, status = open_regular(real)
        return os.fdopen(handle, "rb"), status.st_size

    def check_file(self, rel: str) -> Refusal | None:
        """Why `rel` is not a readable file inside the repository, or None."""
        found = self._inside(rel)
        if isinstance(found, Refusal):
            return found
        return refusal_of_mode(found[1].st_mode)
