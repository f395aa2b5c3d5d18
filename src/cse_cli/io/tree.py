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
from enum import Enum
from pathlib import Path
from typing import Literal, NamedTuple, Protocol

from cse_cli.io.limits import MAX_FILE_BYTES, too_large

Kind = Literal["file", "dir", "other"]


class Why(Enum):
    """Why a path is not a readable file or folder inside the tree."""

    MISSING = "does not exist"
    OUTSIDE = "is outside the repository"
    THROUGH_LINK = "leads outside the repository (through a symbolic link)"
    LOOP = "is a loop of symbolic links"
    NAME_TOO_LONG = "is too long a name for a file"
    NUL = "is not a file name (it holds a NUL character)"
    FOLDER = "is a folder, not a file"
    NOT_FOLDER = "is a file, not a folder"
    NOT_REGULAR = "is not a regular file"
    SUBMODULE = "is a git submodule, not a file"
    UNREADABLE = "cannot be read"


class Refusal(str):  # noqa: SLOT000 - it holds `why`, which a str's empty slots cannot
    """Why a path cannot be read, as the words of a message; `why` for code to test."""

    why: Why

    def __new__(cls, why: Why, detail: str = "") -> Refusal:  # noqa: PYI034 - never subclassed
        """The refusal `why`, with the operating system's words (`detail`) when it has them."""
        refusal = super().__new__(cls, f"{why.value} ({detail})" if detail else why.value)
        refusal.why = why
        return refusal


class Entry(NamedTuple):
    """One name in a folder of the tree, or why it cannot be read."""

    name: str
    kind: Kind
    problem: Refusal | None = None
    size: int = 0  # bytes, for a file: what reading it would cost


class TooLarge(Exception):  # noqa: N818 - reads as what it says
    """A file is over the size limit; the message gives its size."""


class Unreadable(OSError):  # noqa: N818 - reads as what it says
    """A path the tree will not read; `refusal` says why (also its `strerror`)."""

    def __init__(self, refusal: Refusal) -> None:
        """The error for `refusal`."""
        super().__init__(errno.EACCES, str(refusal))
        self.refusal = refusal


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


def unresolved(exc: OSError) -> Refusal:
    """Why a path could not be resolved or opened, from the operating system's error."""
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return Refusal(Why.MISSING)
    if exc.errno == errno.ELOOP:
        return Refusal(Why.LOOP)
    if exc.errno == errno.ENAMETOOLONG:
        return Refusal(Why.NAME_TOO_LONG)
    return Refusal(Why.UNREADABLE, exc.strerror or str(exc))


def refusal_of_mode(mode: int) -> Refusal | None:
    """Why a file of this mode is not a readable regular file, or None when it is."""
    if stat.S_ISREG(mode):
        return None
    return Refusal(Why.FOLDER if stat.S_ISDIR(mode) else Why.NOT_REGULAR)


def read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, read with the size limit.

    Opened without following a final link and without waiting on a named pipe,
    then checked to be a regular file before a byte is read: a FIFO, a device
    or /dev/zero is refused, never read. Raises TooLarge or Unreadable.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise Unreadable(unresolved(exc)) from None
    status = os.fstat(handle)
    refusal = refusal_of_mode(status.st_mode)
    if refusal is not None or status.st_size > limit:
        os.close(handle)
        if refusal is not None:
            raise Unreadable(refusal)
        raise TooLarge(too_large(status.st_size, limit))
    with os.fdopen(handle, "rb") as stream:
        # As much as fstat says, not the limit: a buffer that size would cost more
        # than the read. A file that grows meanwhile is read on, to the limit.
        try:
            raw = stream.read(status.st_size + 1)
            if len(raw) > status.st_size:
                raw += stream.read(limit + 1 - len(raw))
        except OSError as exc:
            raise Unreadable(unresolved(exc)) from None
        if len(raw) > limit:
            raise TooLarge(too_large(len(raw), limit))
        return raw


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
        return None if stat.S_ISLNK(status.st_mode) else (path, status)

    def _resolved(self, cleaned: str) -> tuple[str, os.stat_result] | Refusal:
        """`cleaned` with every link on the way followed, or why that leads nowhere inside."""
        # Follow links as far as they go first: a link out of the repository is
        # refused as such, even when its target does not exist.
        real = os.path.realpath(os.path.join(self._prefix, cleaned))
        if real != self._real_root and not real.startswith(self._prefix):
            return Refusal(Why.THROUGH_LINK)
        try:
            return real, os.stat(real)  # a loop of links, left unresolved above, fails here
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

    def check_file(self, rel: str) -> Refusal | None:
        """Why `rel` is not a readable file inside the repository, or None."""
        found = self._inside(rel)
        if isinstance(found, Refusal):
            return found
        return refusal_of_mode(found[1].st_mode)
