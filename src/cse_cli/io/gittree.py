"""An evidence repository as it was at a git revision, read without checking it out.

`GitTree` is a `Tree` over one commit: one `git ls-tree` lists the files and one
long-lived `git cat-file --batch` reads them, so `cse diff` validates a revision
exactly as `cse check` validates a folder and never touches the working tree or
the index. Links (mode 120000) are followed inside the tree only; a link that
leads out of the repository, or to an absolute path, is refused as on disk.
"""

from __future__ import annotations

import errno
import os
from contextlib import closing, contextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.io.git import Git
from cse_cli.io.limits import MAX_FILE_BYTES
from cse_cli.io.repository import CONFIG_FILE, find_root
from cse_cli.io.tree import DirTree, Entry, Kind, TooLarge, Tree, clean

if TYPE_CHECKING:
    from collections.abc import Iterator

_LINK = "120000"
_MAX_LINKS = 40  # Linux's limit on links followed while resolving one path
_OUTSIDE = "leads outside the repository (through a symbolic link)"


class GitTree:
    """The files of an evidence repository at one commit (a `Tree`)."""

    def __init__(self, git: Git, commit: str, prefix: str, label: str) -> None:
        """The repository whose root is folder `prefix` ("" for the top) of `commit`."""
        self.label = label
        self._git = git
        self._objects = git.listing(commit, prefix)
        self._children: dict[str, list[str]] = {}
        for path in self._objects:
            parent, _, name = path.rpartition("/")
            self._children.setdefault(parent or ".", []).append(name)
        self._targets: dict[str, str] = {}

    def _resolve(self, rel: str) -> tuple[str | None, str | None]:
        """The path of `rel` with links followed (`.` for the root), or why there is none."""
        cleaned = clean(rel)
        if cleaned is None:
            return None, "is outside the repository"
        pending = [] if cleaned == "." else cleaned.split("/")
        done: list[str] = []
        links = 0
        while pending:
            part = pending.pop(0)
            if part in {"", "."}:
                continue
            if part == "..":  # only a link's target can climb: `clean` removed the rest
                if not done:
                    return None, _OUTSIDE
                done.pop()
                continue
            found = self._objects.get("/".join([*done, part]))
            if found is not None and found.mode == _LINK:
                links += 1
                target = self._target(found.oid)
                if links > _MAX_LINKS or target.startswith("/"):
                    return None, "is a loop of symbolic links" if links > _MAX_LINKS else _OUTSIDE
                pending = target.split("/") + pending
            elif found is None or (pending and found.kind != "tree"):
                return None, "does not exist"
            else:
                done.append(part)
        return "/".join(done) or ".", None

    def _target(self, oid: str) -> str:
        if oid not in self._targets:
            data = self._git.read(oid) or b""
            self._targets[oid] = data.decode("utf-8", "surrogateescape")
        return self._targets[oid]

    def _kind(self, path: str) -> str:
        return "tree" if path == "." else self._objects[path].kind

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file, None when it is absent; links are followed inside only."""
        path, problem = self._resolve(rel)
        if path is None:
            if problem == "does not exist":
                return None
            raise OSError(problem)
        kind = self._kind(path)
        if kind == "tree":
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))  # as on disk
        if kind != "blob":
            raise OSError("is a git submodule, not a file")
        found = self._objects[path]
        if found.size > MAX_FILE_BYTES:
            raise TooLarge(f"file is {found.size:,} bytes, over the limit of {MAX_FILE_BYTES:,}")
        data = self._git.read(found.oid)
        if data is None:  # pragma: no cover - listed by ls-tree, so present
            raise OSError("is missing from the git repository")
        return data

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder, sorted by name (None when it is not a folder)."""
        path, _ = self._resolve(rel)
        if path is None or self._kind(path) != "tree":
            return None
        entries = []
        for name in sorted(self._children.get(path, [])):
            target, problem = self._resolve(f"{rel}/{name}" if rel != "." else name)
            if target is None:
                entries.append(Entry(name, "other", problem))
                continue
            found = self._kind(target)
            kind: Kind = "dir" if found == "tree" else "file" if found == "blob" else "other"
            entries.append(Entry(name, kind, None if kind != "other" else "is not a regular file"))
        return entries

    def check_file(self, rel: str) -> str | None:
        """Why `rel` is not a readable file at this revision, or None when it is."""
        path, problem = self._resolve(rel)
        if path is None:
            return problem
        kind = self._kind(path)
        if kind == "tree":
            return "is a folder, not a file"
        return None if kind == "blob" else "is not a regular file"


@contextmanager
def diff_trees(
    path: Path,
    base: str | None,
    head: str | None,
    base_dir: Path | None = None,
    head_dir: Path | None = None,
) -> Iterator[tuple[Tree, Tree]]:
    """The two trees `cse diff` compares, base first.

    Each side is a revision of the git repository that holds `path`, a folder
    (`base_dir`, `head_dir`), or, for the head when neither is given, the working
    tree. In git, the repository's root is the nearest folder at or above `path`
    that holds cse.yaml on the head side (else on the base side), and both
    revisions are read at that same folder, so cse.yaml missing at one of them
    is reported as a problem of that side.
    """
    if (base is None) == (base_dir is None):
        raise CseError(
            "name one base to compare with: a git revision (BASE) or a folder (--base-dir)"
        )
    if head is not None and head_dir is not None:
        raise CseError("name one head: a git revision (HEAD) or a folder (--head-dir)")
    if base is None and head is None:
        assert base_dir is not None  # noqa: S101 - checked above
        yield DirTree(find_root(base_dir)), DirTree(find_root(head_dir or path))
        return
    with closing(Git.find(path)) as git:
        start = _prefix(git, path)
        base_commit = git.commit(base) if base is not None else None
        head_commit = git.commit(head) if head is not None else None
        # where to look for cse.yaml, head first; None stands for the working tree
        sides: list[str | None] = [] if head_dir else [head_commit]
        prefix = _root(git, start, [*sides, base_commit] if base_commit else sides)
        if prefix is None:
            places = [f"at {head}" if head else "in the working tree"] if not head_dir else []
            at = " or ".join([*places, f"at {base}"] if base else places)
            raise CseError(f"no {CONFIG_FILE} in {path} or any folder above it, {at}")
        yield (
            _side(git, base, base_commit, prefix, base_dir),
            _side(git, head, head_commit, prefix, head_dir),
        )


def _side(
    git: Git, revision: str | None, commit: str | None, prefix: str, folder: Path | None
) -> Tree:
    if folder is not None:
        return DirTree(find_root(folder))
    if revision is None or commit is None:
        tree = DirTree(git.top / prefix if prefix else git.top)
        tree.label = "working tree"
        return tree
    return GitTree(git, commit, prefix, f"{revision} ({commit[:7]})")


def _prefix(git: Git, path: Path) -> str:
    """`path` as a folder relative to the top of the git repository ("" for the top)."""
    folder = path.resolve()
    if not folder.is_dir():
        folder = folder.parent
    rel = folder.relative_to(git.top.resolve()).as_posix()
    return "" if rel == "." else rel


def _root(git: Git, start: str, sides: list[str | None]) -> str | None:
    """The nearest folder at or above `start` with cse.yaml, on the first side that has one.

    A side is a commit id, or None for the working tree.
    """
    folders = [start]
    while folders[-1]:
        parent = str(PurePosixPath(folders[-1]).parent)
        folders.append("" if parent == "." else parent)
    for side in sides:
        for folder in folders:
            rel = f"{folder}/{CONFIG_FILE}" if folder else CONFIG_FILE
            if (git.top / rel).is_file() if side is None else git.read(f"{side}:{rel}") is not None:
                return folder
    return None
