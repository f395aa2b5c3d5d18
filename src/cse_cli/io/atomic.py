"""Atomic writes: a file is either wholly written or not there at all.

Each write goes to a temporary file in the same folder, is flushed to disk, and
is then moved into place in one step, so a crash or Ctrl-C never leaves half a
file. `write_new` also never replaces a file that exists, even one created by
someone else between our check and our write.

The file gets the permissions of the file it replaces, or those a new file gets
from the umask (as `open` would give it), never the private 0600 of a temporary.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def _mode(path: Path) -> int:
    """The permissions for `path`: those of the file there, else 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)  # the only way to read it; cse writes from one thread
        os.umask(umask)
        return 0o666 & ~umask


def _temporary(path: Path, text: str | bytes) -> Path:
    """Write `text` to a new temporary file beside `path` and return its path.

    Its name, `.NAME.XXXXXXXX.tmp`, is hidden and says what it was for: only a
    process killed outright (SIGKILL, power cut) between this and the move can
    leave one behind, and `cse` reads no file whose name starts with a dot.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text  # bytes: an xlsx file
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), _mode(path))
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def write_new(path: Path, text: str) -> bool:
    """Create `path` holding `text`; False (and nothing written) when it exists."""
    if path.exists() or path.is_symlink():
        return False
    temporary = _temporary(path, text)
    try:
        os.link(temporary, path)  # fails if `path` appeared meanwhile: never overwrite
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: check again, then move
        if path.exists():
            return False
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return True


def write_atomic(path: Path, text: str | bytes) -> None:
    """Create or replace `path` with `text` (or bytes) in one step."""
    temporary = _temporary(path, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
