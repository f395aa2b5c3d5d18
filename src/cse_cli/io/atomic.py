"""Atomic writes: a file is either wholly written or not there at all.

Each write goes to a temporary file in the same folder, is flushed to disk, and
is then moved into place in one step, so a crash or Ctrl-C never leaves half a
file. `write_new` also never replaces a file that exists, even one created by
someone else between our check and our write.

Only a regular file is ever replaced. A symbolic link, a folder, a named pipe or
a device at the name is refused (`NotRegularFile`): replacing `/dev/null` or a
link with a file would destroy what was there, and writing through a pipe could
wait forever. Printing to standard output is what `-o` is left out for.

The file gets the permissions of the file it replaces, or those a new file gets
from the umask (as `open` would give it), never the private 0600 of a temporary.
On Windows, permissions are only "read-only or not", and the move is
`os.replace` as everywhere, which Windows makes in one step too; it refuses to
replace a file another program holds open, and that is said as an error.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

_TEMPORARY_PREFIX_BYTES = 64  # of the target's name: the temporary's name must stay legal
_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):  # noqa: N818 - reads as what it says
    """The name is taken by something that is not a regular file; `strerror` says what."""


def _refuse_unless_regular(path: Path) -> os.stat_result | None:
    """The status of the regular file at `path`, None for a new name; else NotRegularFile."""
    try:
        status = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if stat.S_ISREG(status.st_mode):
        return status
    kind = next((name for test, name in _KINDS if test(status.st_mode)), "not a regular file")
    raise NotRegularFile(
        errno.EEXIST, f"is {kind}, not a regular file: cse replaces only a regular file"
    )


def _mode(status: os.stat_result | None) -> int:
    """The permissions of the file replaced, else 0666 less the umask."""
    if status is not None:
        return status.st_mode & 0o777
    umask = os.umask(0)  # the only way to read it; cse writes from one thread
    os.umask(umask)
    return 0o666 & ~umask


def _set_mode(stream: BinaryIO, name: str, mode: int) -> None:
    """Give the temporary file `name`, open as `stream`, the permissions `mode`."""
    if hasattr(os, "fchmod"):  # on Windows only from Python 3.13
        os.fchmod(stream.fileno(), mode)
    else:
        Path(name).chmod(mode)


def _temporary(path: Path, data: str | bytes, replaced: os.stat_result | None = None) -> Path:
    """Write `data` to a new temporary file beside `path` and return its path.

    It gets the permissions of `replaced`, the status of the file it will replace.

    Its name, `.NAME.XXXXXXXX.tmp`, is hidden and says what it was for: only a
    process killed outright (SIGKILL, power cut) between this and the move can
    leave one behind, and `cse` reads no file whose name starts with a dot. NAME
    is the start of the target's name, so a target of any legal length has a
    temporary of a legal length.
    """
    start = os.fsdecode(os.fsencode(path.name)[:_TEMPORARY_PREFIX_BYTES])
    handle, name = tempfile.mkstemp(prefix=f".{start}.", suffix=".tmp", dir=path.parent)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with os.fdopen(handle, "wb") as stream:
            _set_mode(stream, name, _mode(replaced))
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def write_new(path: Path, data: str | bytes) -> bool:
    """Create `path` holding `data`; False (and nothing written) when the name is taken."""
    if os.path.lexists(path):
        return False
    temporary = _temporary(path, data)
    try:
        os.link(temporary, path)  # fails if `path` appeared meanwhile: never overwrite
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: check again, then move
        if os.path.lexists(path):
            return False
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return True


def write_atomic(path: Path, data: str | bytes) -> None:
    """Create `path`, or replace the regular file there, with `data` in one step.

    Text is written as UTF-8, exactly as given. Raises NotRegularFile, before
    writing anything, when the name is taken by anything but a regular file.
    """
    status = _refuse_unless_regular(path)
    temporary = _temporary(path, data, status)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A binary stream that becomes `path`, whole, when the block ends without an error.

    For a file too large to hold in memory (`cse pack`): it is written into a
    temporary file beside `path`, flushed to disk, then moved into place.
    """
    status = _refuse_unless_regular(path)
    start = os.fsdecode(os.fsencode(path.name)[:_TEMPORARY_PREFIX_BYTES])
    handle, name = tempfile.mkstemp(prefix=f".{start}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            _set_mode(stream, name, _mode(status))
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


def replace_all(files: Mapping[Path, str | bytes]) -> None:
    """Create or replace several files, all or nothing.

    Every name is checked (each must be a regular file or free, else
    NotRegularFile) and every new content written to a temporary file beside its
    target before any file is replaced. Then, one file after another, the file
    there is linked to a hidden backup and the temporary moved into place. If a
    move fails, those already made are undone (each backup moved back, each file
    that was new removed) and the error raised: no file is left changed.

    A crash (power cut, SIGKILL) between two moves can leave some files new and
    the others old, each whole, with hidden files `.NAME.XXXXXXXX.tmp` beside
    them: the old content of each file replaced (or about to be), and the new
    content of each not yet replaced. `cse` reads no file whose name starts with
    a dot; git shows them as untracked, so they can be found and removed.
    """
    statuses = {path: _refuse_unless_regular(path) for path in files}
    temporaries: dict[Path, Path] = {}
    done: list[tuple[Path, Path | None]] = []  # replaced so far, with the backup of each
    try:
        for path, data in files.items():
            temporaries[path] = _temporary(path, data, statuses[path])
        try:
            for path in files:
                backup = _backup(path) if statuses[path] is not None else None
                try:
                    os.replace(temporaries[path], path)
                except BaseException:
                    if backup is not None:
                        os.unlink(backup)
                    raise
                done.append((path, backup))
        except BaseException:
            _undo(done)
            raise
        for _, backup in done:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)
    finally:
        for temporary in temporaries.values():
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _backup(path: Path) -> Path:
    """A hidden second name for the file at `path` (a copy where hard links are not possible)."""
    start = os.fsdecode(os.fsencode(path.name)[:_TEMPORARY_PREFIX_BYTES])
    while True:
        backup = path.parent / f".{start}.{secrets.token_hex(4)}.tmp"
        try:
            os.link(path, backup)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links
            shutil.copy2(path, backup)
        return backup


def _undo(done: list[tuple[Path, Path | None]]) -> None:
    """Put back what `replace_all` replaced: the backups moved back, the new files removed."""
    for path, backup in reversed(done):
        with contextlib.suppress(OSError):
            if backup is None:
                os.unlink(path)
            else:
                os.replace(backup, path)
