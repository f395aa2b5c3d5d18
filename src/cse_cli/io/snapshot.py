"""The repository as read once, kept in memory, with files written over it: what the editor checks.

A `SnapshotTree` reads each file of its base tree once (cse.yaml, the element
and review files, the folders listed) and keeps it; `with_file` gives the same
repository with one file holding other bytes, without writing anything. Each
file's content is named by a hash of its bytes (`oid`), so that what reading it
did can be kept (cse_cli.io.memo). Whether a document named by `path:` is a file
is asked of the base tree each time: documents are never read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cse_cli.io.limits import MAX_FILE_BYTES, too_large
from cse_cli.io.tree import Entry, TooLarge, Unreadable, clean

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cse_cli.io.tree import Refusal, Tree


@dataclass
class _Kept:
    """What was read of the base tree: each file's bytes (or why not), each folder's entries."""

    reads: dict[str, bytes | TooLarge | Unreadable | None] = field(default_factory=dict)
    listings: dict[str, list[Entry] | Unreadable | None] = field(default_factory=dict)
    digests: dict[str, str | None] = field(default_factory=dict)


class SnapshotTree:
    """A `Tree` (and `Versioned`) over a base tree read once, with some files written over it."""

    def __init__(
        self, base: Tree, written: Mapping[str, bytes] | None = None, kept: _Kept | None = None
    ) -> None:
        """The files of `base`, as first read, with `written` (path to bytes) over them."""
        self.base = base
        self.label = base.label
        self._kept = kept if kept is not None else _Kept()
        self._written = dict(written or {})
        self._written_digests: dict[str, str] = {}
        self.paths = sum(1 for rel in self._written if self._read_kept(rel) is None)
        """The files written that the base does not have: a change to the set of paths."""

    def with_file(self, rel: str, data: bytes) -> SnapshotTree:
        """The same repository, with the file `rel` (a cleaned path) holding `data`."""
        return SnapshotTree(self.base, {**self._written, rel: data}, self._kept)

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file (None when absent); raises TooLarge or Unreadable as the base."""
        data = self._written.get(rel)
        if data is not None:
            if len(data) > MAX_FILE_BYTES:
                raise TooLarge(too_large(len(data)))
            return data
        found = self._read_kept(rel)
        if isinstance(found, TooLarge):
            raise TooLarge(str(found))
        if isinstance(found, Unreadable):
            raise Unreadable(found.refusal)
        return found

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder as first listed, with the files written in it."""
        listed = self._kept.listings.get(rel)
        if rel not in self._kept.listings:
            try:
                listed = self._kept.listings[rel] = self.base.listdir(rel)
            except Unreadable as exc:
                listed = self._kept.listings[rel] = exc
        if isinstance(listed, Unreadable):
            raise Unreadable(listed.refusal)
        prefix = "" if rel == "." else rel + "/"
        here = {
            path[len(prefix) :]: data
            for path, data in self._written.items()
            if path.startswith(prefix) and "/" not in path[len(prefix) :]
        }
        if not here:
            return listed
        entries = {entry.name: entry for entry in listed or []}
        entries.update({name: Entry(name, "file", size=len(data)) for name, data in here.items()})
        return [entries[name] for name in sorted(entries)]

    def check_file(self, rel: str) -> Refusal | None:
        """Why `rel` is not a readable file inside the repository, or None (asked of the base)."""
        if clean(rel) in self._written:
            return None
        return self.base.check_file(rel)

    def oid(self, rel: str) -> str | None:
        """A hash of the file's bytes (of why it cannot be read), or None when it is absent."""
        data = self._written.get(rel)
        if data is not None:
            if rel not in self._written_digests:
                self._written_digests[rel] = _digest(data)
            return self._written_digests[rel]
        if rel not in self._kept.digests:
            found = self._read_kept(rel)
            raw = found if isinstance(found, bytes) or found is None else repr(found).encode()
            self._kept.digests[rel] = None if raw is None else _digest(raw)
        return self._kept.digests[rel]

    def _read_kept(self, rel: str) -> bytes | TooLarge | Unreadable | None:
        if rel not in self._kept.reads:
            try:
                self._kept.reads[rel] = self.base.read(rel)
            except (TooLarge, Unreadable) as exc:
                self._kept.reads[rel] = exc
        return self._kept.reads[rel]


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
