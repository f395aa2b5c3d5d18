"""The repository at one commit of a range, as a map of path to blob, changed commit by commit.

Each distinct blob is read once, through the shared `git cat-file --batch`;
folders' listings are kept until a commit changes them; each file's content is
named by its blob id (`oid`), so that what reading it did can be kept.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from cse_cli.io.limits import MAX_FILE_BYTES, too_large
from cse_cli.io.tree import Entry, Refusal, TooLarge, Unreadable, Why, clean

if TYPE_CHECKING:
    from cse_cli.io.git import Git, GitObject


class MapTree:
    """A `Tree` over a map of path to blob id, kept up to date commit by commit.

    Each distinct blob is read once, through the shared `git cat-file --batch`.
    Symbolic links and submodules are refused as files, as `cse check` would not
    follow them out of the repository.
    """

    def __init__(self, git: Git, objects: dict[str, GitObject], blobs: dict[str, bytes]) -> None:
        """The tree of `objects` (path to blob), with the blobs already fetched."""
        self.label = ""
        self._git = git
        self.objects = objects
        self._blobs = blobs
        self._folders: dict[str, list[str]] | None = None
        """The names in each folder: kept until a path is added or deleted."""
        self._entries: dict[str, list[Entry]] = {}
        """The entries of each folder listed: kept until a commit changes a file."""
        self.paths = 0
        """Counts the changes to the set of paths (a file added or deleted)."""
        self.pending: set[str] = set()
        """The paths changed since the reader last read the tree."""

    def change(self, changed: list[tuple[str, GitObject | None]]) -> None:
        """Apply one commit's changes: a path to its new blob, or to None when deleted."""
        for path, found in changed:
            self.pending.add(path)
            folder, _, name = path.rpartition("/")
            folder = folder or "."
            listed = self._entries.pop(folder, None)
            if found is None:
                if self.objects.pop(path, None) is not None:
                    self._folders, self.paths = None, self.paths + 1
                continue
            blob = self._blobs.get(found.oid)
            sized = found if blob is None else replace(found, size=len(blob))
            if path not in self.objects:
                self._folders, self.paths = None, self.paths + 1
            elif listed is not None:  # the same names: only this file's size changes
                at = next(i for i, entry in enumerate(listed) if entry.name == name)
                self._entries[folder] = [*listed[:at], _entry(name, sized), *listed[at + 1 :]]
            self.objects[path] = sized

    def oid(self, rel: str) -> str | None:
        """What names a file's content and kind (its mode and blob id), or None."""
        found = self.objects.get(rel)
        return f"{found.mode} {found.oid}" if found is not None else None

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file, None when absent."""
        found = self.objects.get(rel)
        if found is None:
            return None
        if found.mode not in {"100644", "100755"}:
            raise Unreadable(Refusal(Why.NOT_REGULAR, "history follows no link or submodule"))
        data = self._blobs.get(found.oid)
        if data is None:
            if found.size > MAX_FILE_BYTES:  # known from the listing: checked before reading
                raise TooLarge(too_large(found.size))
            data = self._git.read(found.oid) or b""
            if len(data) > MAX_FILE_BYTES:
                raise TooLarge(too_large(len(data)))
            self._blobs[found.oid] = data
        return data

    def listdir(self, rel: str) -> list[Entry] | None:
        """The files of a folder (None when it holds none)."""
        if self._folders is None:
            self._folders = {}
            for path in self.objects:
                parent, _, name = path.rpartition("/")
                self._folders.setdefault(parent or ".", []).append(name)
        if rel in self._entries:
            return self._entries[rel]
        names = self._folders.get(rel)
        if names is None:
            return None
        prefix = "" if rel == "." else rel + "/"
        self._entries[rel] = entries = [
            _entry(name, self.objects[prefix + name]) for name in sorted(names)
        ]
        return entries

    def check_file(self, rel: str) -> Refusal | None:
        """Why `rel` is not a file at this commit, or None."""
        cleaned = clean(rel)
        found: Refusal | None = Refusal(Why.OUTSIDE) if cleaned is None else None
        if cleaned is not None and cleaned not in self.objects:
            found = Refusal(Why.MISSING)
        return found


def _entry(name: str, found: GitObject) -> Entry:
    return Entry(name, "file", size=max(found.size, 0))
