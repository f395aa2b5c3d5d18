"""What cse opens: a regular file, found without leaving the repository or waiting.

Every path is resolved (`real_path`) and compared with the repository's root by
the caller, so a link out is refused on every system. A file is opened without
following a final link and without waiting on a named pipe: with O_NOFOLLOW and
O_NONBLOCK where the system has them (Linux, macOS); where it has not (Windows),
the name's own status is checked before it is opened, and what was opened must
then be that very file (`open_regular`). Each refusal is a `Refusal`, whose
words are the message's.
"""

from __future__ import annotations

import errno
import os
import stat
from enum import Enum

from cse_cli.io.limits import MAX_FILE_BYTES, too_large


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
    CHANGED = "was replaced while cse was reading it"


class Refusal(str):  # noqa: SLOT000 - it holds `why`, which a str's empty slots cannot
    """Why a path cannot be read, as the words of a message; `why` for code to test."""

    why: Why

    def __new__(cls, why: Why, detail: str = "") -> Refusal:  # noqa: PYI034 - never subclassed
        """The refusal `why`, with the operating system's words (`detail`) when it has them."""
        refusal = super().__new__(cls, f"{why.value} ({detail})" if detail else why.value)
        refusal.why = why
        return refusal


class TooLarge(Exception):  # noqa: N818 - reads as what it says
    """A file is over the size limit; the message gives its size."""


class Unreadable(OSError):  # noqa: N818 - reads as what it says
    """A path the tree will not read; `refusal` says why (also its `strerror`)."""

    def __init__(self, refusal: Refusal) -> None:
        """The error for `refusal`."""
        super().__init__(errno.EACCES, str(refusal))
        self.refusal = refusal


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


def real_path(path: str, *, strict: bool = False) -> str | Refusal:
    """`path` with every link on the way followed, or why it cannot be resolved.

    A folder swapped for a link (or back) while it is resolved makes the system
    say EINVAL (it is no longer a link when its target is asked for): that is a
    refusal of the path, like any other error of the resolution, never a crash.
    Not `strict`, a link to nothing is followed as far as it goes, and Python
    3.13 and later leave a link they cannot read in the path instead of failing:
    `DirTree` resolves the result again, strictly, before it trusts it.
    """
    try:
        return os.path.realpath(path, strict=strict)
    except OSError as exc:
        return Refusal(Why.CHANGED) if exc.errno == errno.EINVAL else unresolved(exc)


def open_regular(path: str) -> tuple[int, os.stat_result]:
    """An open descriptor of the regular file at `path`, and its status.

    A final link is not followed (refused as ELOOP is), and a named pipe or a
    device is never read, nor waited on. Where the system has O_NOFOLLOW and
    O_NONBLOCK, the open itself keeps both promises, and the status of what was
    opened says whether it is a regular file. Where it has not, the name's own
    status (lstat) is checked first, so nothing but a regular file is opened,
    and what was opened must be that same file (device and inode): a name
    swapped in between is refused. Raises Unreadable.
    """
    nofollow, nonblock = getattr(os, "O_NOFOLLOW", None), getattr(os, "O_NONBLOCK", None)
    # Python makes every descriptor non-inheritable itself (PEP 446): no O_CLOEXEC needed.
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # Windows: bytes as they are on disk
    checked = None
    if nofollow is None or nonblock is None:
        try:
            checked = os.lstat(path)
        except OSError as exc:
            raise Unreadable(unresolved(exc)) from None
        refusal = Refusal(Why.LOOP) if stat.S_ISLNK(checked.st_mode) else None
        refusal = refusal or refusal_of_mode(checked.st_mode)
        if refusal is not None:
            raise Unreadable(refusal)
    else:
        flags |= nofollow | nonblock
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        raise Unreadable(unresolved(exc)) from None
    try:
        status = os.fstat(handle)
    except OSError as exc:
        os.close(handle)
        raise Unreadable(unresolved(exc)) from None
    refusal = refusal_of_mode(status.st_mode)
    if checked is not None and (status.st_dev, status.st_ino) != (checked.st_dev, checked.st_ino):
        refusal = Refusal(Why.CHANGED)
    if refusal is not None:
        os.close(handle)
        raise Unreadable(refusal)
    return handle, status


def read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, read with the size limit.

    Opened by `open_regular`, so a FIFO, a device or /dev/zero is refused, never
    read, and the size is checked before a byte is read. Raises TooLarge or
    Unreadable.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    handle, status = open_regular(path)
    if status.st_size > limit:
        os.close(handle)
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
