"""A repository tree whose files are held in memory, over a tree on disk for everything else.

So that what a command would write can be read, validated and scored by the
same reader as `cse check`, before a byte of it is written: the files in
memory stand where they would be written, and every other path is the tree
below (the folder as it is), or nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.io.limits import MAX_FILE_BYTES, too_large
from cse_cli.io.tree import Entry, Refusal, TooLarge, Why, clean

if TYPE_CHECKING:
    from cse_cli.io.tree import Tree


class MemoryTree:
    """A `Tree` of files in memory (path -> bytes), over another tree or none."""

    def __init__(self, files: dict[str, bytes], below: Tree | None = None, label: str = "") -> None:
        """The tree of `files` (relative POSIX paths), with `below` for every other path."""
        self.files = {clean(rel) or rel: data for rel, data in files.items()}
        self.below = below
        self.label = label
        self.folders: dict[str, set[str]] = {}
        """The names (files and folders) in memory in each folder."""
        for rel in self.files:
            parts = rel.split("/")
            for depth in range(len(parts)):
                folder = "/".join(parts[:depth]) or "."
                self.folders.setdefault(folder, set()).add(parts[depth])

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file (None when absent); raises TooLarge, or the tree below's errors."""
        cleaned = clean(rel)
        if cleaned in self.files:
            data = self.files[cleaned]
            if len(data) > MAX_FILE_BYTES:
                raise TooLarge(too_large(len(data)))
            return data
        if cleaned in self.folders or self.below is None:
            return None
        return self.below.read(rel)

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder: those in memory, and those below that memory does not hold."""
        cleaned = clean(rel) or rel
        listed = self.below.listdir(rel) if self.below is not None else None
        names = self.folders.get(cleaned)
        if names is None:
            return listed
        prefix = "" if cleaned == "." else f"{cleaned}/"
        entries = {entry.name: entry for entry in listed or []}
        for name in names:
            data = self.files.get(prefix + name)
            entries[name] = (
                Entry(name, "dir") if data is None else Entry(name, "file", size=len(data))
            )
        return [entries[name] for name in sorted(entries)]

    def check_file(self, rel: str) -> Refusal | None:
        """Why `rel` is not a readable file of the tree, or None."""
        cleaned = clean(rel)
        if cleaned is None:
            return Refusal(Why.OUTSIDE)
        if cleaned in self.files:
            return None
        if cleaned in self.folders:
            return Refusal(Why.FOLDER)
        return self.below.check_file(rel) if self.below is not None else Refusal(Why.MISSING)
