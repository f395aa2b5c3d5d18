"""An evidence repository as it was at a git revision, read without checking it out.

`GitTree` is a `Tree` over one commit: one `git ls-tree` lists the files and one
long-lived `git cat-file --batch` reads them, so `cse diff` validates a revision
exactly as `cse check` validates a folder and never touches the working tree or
the index. Links (mode 120000) are followed inside the tree only; a link that
leads out of the repository, or to an absolute path, is refused as on disk.
"""

from __future__ import annotations

from collections import deque
from contextlib import closing, contextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError
from cse_cli.io.git import Git, GitObject
from cse_cli.io.limits import MAX_FILE_BYTES, MAX_LINK_BYTES, too_large
from cse_cli.io.root import CONFIG_FILE, find_root
from cse_cli.io.tree import DirTree, Entry, Kind, Refusal, TooLarge, Tree, Unreadable, Why, clean

if TYPE_CHECKING:
    from collections.abc import Iterator

_LINK = "120000"
_MAX_LINKS = 40  # Linux's limit on links followed while resolving one path


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

    def _resolve(self, rel: str) -> str | Refusal:
        """The path of `rel` with links followed (`.` for the root), or why there is none."""
        cleaned = clean(rel)
        if cleaned is None:
            return Refusal(Why.OUTSIDE)
        return self._follow(deque([] if cleaned == "." else cleaned.split("/")))

    def _follow(self, pending: deque[str]) -> str | Refusal:
        """The path of these parts with links followed, or why there is none."""
        done: list[str] = []
        links = 0
        while pending:
            part = pending.popleft()
            if part in {"", "."}:
                continue
            if part == "..":  # only a link's target can climb: `clean` removed the rest
                if not done:
                    return Refusal(Why.THROUGH_LINK)
                done.pop()
                continue
            found = self._objects.get("/".join([*done, part]))
            if found is not None and found.mode == _LINK:
                links += 1
                target = self._target(found) if links <= _MAX_LINKS else Refusal(Why.LOOP)
                if isinstance(target, Refusal):
                    return target
                pending.extendleft(reversed(target.split("/")))
            elif found is None or (pending and found.kind != "tree"):
                return Refusal(Why.MISSING)
            else:
                done.append(part)
        return "/".join(done) or "."

    def _target(self, link: GitObject) -> str | Refusal:
        """Where a link points, or why it is not followed: out of the tree, or too long.

        A target is at most MAX_LINK_BYTES, as on disk, checked before it is read.
        """
        if link.size > MAX_LINK_BYTES or link.size < 0:
            return Refusal(Why.NAME_TOO_LONG)
        if link.oid not in self._targets:
            data = self._git.read(link.oid) or b""
            self._targets[link.oid] = data.decode("utf-8", "surrogateescape")
        target = self._targets[link.oid]
        return Refusal(Why.THROUGH_LINK) if target.startswith("/") else target

    def _kind(self, path: str) -> str:
        return "tree" if path == "." else self._objects[path].kind

    def read(self, rel: str) -> bytes | None:
        """The bytes of a file, None when it is absent; links are followed inside only."""
        path = self._resolve(rel)
        if isinstance(path, Refusal):
            if path.why is Why.MISSING:
                return None
            raise Unreadable(path)
        refusal = _refusal_of_kind(self._kind(path))
        if refusal is not None:
            raise Unreadable(refusal)
        found = self._objects[path]
        if found.size > MAX_FILE_BYTES:
            raise TooLarge(too_large(found.size, MAX_FILE_BYTES))
        data = self._git.read(found.oid)
        if data is None:  # pragma: no cover - listed by ls-tree, so present
            raise Unreadable(Refusal(Why.UNREADABLE, "missing from the git repository"))
        return data

    def listdir(self, rel: str) -> list[Entry] | None:
        """The entries of a folder, sorted by name (None when it is not a folder)."""
        path = self._resolve(rel)
        if isinstance(path, Refusal) or self._kind(path) != "tree":
            return None
        entries = []
        for name in sorted(self._children.get(path, [])):  # a backslash in a name is part of it
            target = self._follow(deque([*([] if path == "." else path.split("/")), name]))
            if isinstance(target, Refusal):
                entries.append(Entry(name, "other", target))
                continue
            found = self._kind(target)
            kind: Kind = "dir" if found == "tree" else "file" if found == "blob" else "other"
            refusal = _refusal_of_kind(found) if kind == "other" else None
            size = self._objects[target].size if kind == "file" else 0
            entries.append(Entry(name, kind, refusal, size))
        return entries

    def check_file(self, rel: str) -> Refusal | None:
        """Why `rel` is not a readable file at this revision, or None when it is."""
        path = self._resolve(rel)
        if isinstance(path, Refusal):
            return path
        return _refusal_of_kind(self._kind(path))


def _refusal_of_kind(kind: str) -> Refusal | None:
    """Why an object of this kind (blob, tree, commit) is not a file, or None for a blob."""
    if kind == "blob":
        return None
    return Refusal(Why.FOLDER if kind == "tree" else Why.SUBMODULE)


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
        tree.label = "the working tree"
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
            if (git.top / rel).is_file() if side is None else git.kind(f"{side}:{rel}") is not None:
                return folder
    return None
