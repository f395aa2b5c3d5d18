"""Zip files whose bytes depend only on what they hold, written as a stream.

Every entry gets the same date, permissions and system, so the same files in
the same order give the same bytes on any machine on any day. A document is
copied in chunks straight from its file into the zip, hashed on the way, so
memory stays flat however large it is.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from typing import IO, TYPE_CHECKING, final

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.io.tree import DirTree

# The earliest date a zip can hold: no run of `cse` dates what it writes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
CHUNK = 1 << 20  # bytes read and written at a time
_UNIX = 3  # the "made by" system of every entry, whatever system writes it


class Changed(Exception):  # noqa: N818 - reads as what it says
    """A document changed size while it was being copied."""


def fixed_entry(name: str, size: int = 0, *, compress: bool = True) -> zipfile.ZipInfo:
    """The header of a zip entry `name` of `size` bytes, the same on every machine and day."""
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.create_system = _UNIX
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.file_size = size
    return info


def open_document(tree: DirTree, rel: str) -> tuple[IO[bytes], int] | str:
    """An open regular file inside the repository and its size, or why it is not one.

    The file is checked again as it is opened (`DirTree.open_file`): a name
    swapped for a link or a folder since the repository was read is refused,
    never followed, and so is one swapped while it is being resolved.
    """
    from cse_cli.io.tree import Unreadable

    try:
        return tree.open_file(rel)
    except Unreadable as exc:
        return exc.refusal


@final
class ZipStream:
    """A zip written entry by entry into an open binary stream, with fixed headers."""

    def __init__(self, stream: IO[bytes]) -> None:
        """Start a zip in `stream` (a seekable file, so no entry needs a data descriptor)."""
        self._zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True)

    def add(self, name: str, data: bytes) -> None:
        """Add an entry `name` holding `data`."""
        self._zip.writestr(fixed_entry(name, len(data)), data)

    def copy(self, name: str, source: IO[bytes], size: int) -> str:
        """Add an entry `name` holding the `size` bytes of `source`; their SHA-256, in hex.

        The bytes are stored as they are: PDFs, Office files and photographs are
        compressed already, and deflating them again would cost far more time
        than it saves space. Raises Changed when `source` holds more or fewer
        bytes than `size`.
        """
        digest = hashlib.sha256()
        left = size
        with self._zip.open(fixed_entry(name, size, compress=False), "w") as entry:
            while left > 0:
                chunk = source.read(min(CHUNK, left))
                if not chunk:
                    raise Changed
                digest.update(chunk)
                entry.write(chunk)
                left -= len(chunk)
        if source.read(1):
            raise Changed
        return digest.hexdigest()

    def __enter__(self) -> ZipStream:
        """The zip, to add entries to."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Write the zip's central directory: the zip is complete.

        After an error too, into a file that is about to be deleted, so that the
        zip is never left open for the garbage collector to close on a closed file.
        """
        failed = exc_info[0] is not None
        try:
            self._zip.close()
        except (OSError, ValueError):
            if not failed:
                raise


def is_replaceable(path: Path) -> bool:
    """Whether `path` is absent or a regular file (never a folder, link or device) to replace."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True
