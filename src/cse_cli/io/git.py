"""One git repository, read-only: revisions named, trees listed and objects read.

One long-lived `git cat-file --batch` reads every object, so the working tree
and the index are never touched.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cse_cli.core.problems import CseError

# Read-only commands must not refresh the index behind the user's back.
_ENV = {"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}
_NO_GIT = "git is not installed (or not on PATH): cse diff reads revisions with it"


@dataclass(frozen=True)
class GitObject:
    """One entry of `git ls-tree -l`: mode, type (blob, tree, commit), id and size."""

    mode: str
    kind: str
    oid: str
    size: int


class Git:
    """One git repository, read-only: its revisions and the objects they hold."""

    def __init__(self, top: Path) -> None:
        """Read the repository whose working tree starts at `top`."""
        self.top = top
        self._batch: subprocess.Popen[bytes] | None = None

    @classmethod
    def find(cls, path: Path) -> Git:
        """The git repository whose working tree holds `path`."""
        if not path.exists():
            raise CseError(f"{path}: no such file or folder")
        folder = path if path.is_dir() else path.parent
        result = _run(folder, "rev-parse", "--show-toplevel")
        if result.returncode != 0:
            raise CseError(
                f"{path}: not in a git repository (to compare two folders, "
                "use --base-dir and --head-dir)"
            )
        return cls(Path(result.stdout.decode("utf-8", "surrogateescape").rstrip("\n")))

    def close(self) -> None:
        """End the `git cat-file` process, if one was started."""
        batch, self._batch = self._batch, None
        if batch is not None:
            batch.communicate()  # closes its input, so git ends, then waits for it

    def commit(self, revision: str) -> str:
        """The commit id a revision names (a branch, tag, HEAD~1…); CseError when none."""
        result = None
        if revision and not revision.startswith("-"):
            result = _run(self.top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        if result is None or result.returncode != 0:
            raise CseError(
                f"'{revision}' is not a revision of the git repository in {self.top}: "
                "name a branch, a tag or a commit, such as HEAD~1 or main"
            )
        return result.stdout.decode("ascii").strip()

    def listing(self, commit: str, prefix: str) -> dict[str, GitObject]:
        """Every object under folder `prefix` at a commit, by path relative to that folder."""
        spec = f"{commit}:{prefix}" if prefix else commit
        if prefix and self.read(spec) is None:
            return {}  # the folder did not exist at that commit
        result = _run(self.top, "ls-tree", "-r", "-t", "-l", "-z", "--full-tree", spec)
        if result.returncode != 0:
            return {}  # `prefix` names a file or a link at that commit: no folder there
        objects = {}
        for record in result.stdout.split(b"\0"):
            meta, _, raw_path = record.partition(b"\t")
            if not raw_path:
                continue
            mode, kind, oid, size = meta.decode("ascii").split()
            path = raw_path.decode("utf-8", "surrogateescape")
            objects[path] = GitObject(mode, kind, oid, int(size) if size.isdigit() else -1)
        return objects

    def read(self, name: str) -> bytes | None:
        """The content of an object (an id, or `commit:path`), None when there is none."""
        if "\n" in name:
            return None
        batch = self._start()
        assert batch.stdin is not None  # noqa: S101 - both pipes are opened by _start
        assert batch.stdout is not None  # noqa: S101
        try:
            batch.stdin.write(name.encode("utf-8", "surrogateescape") + b"\n")
            batch.stdin.flush()
        except OSError:  # git ended early: its error is the missing header below
            pass
        header = batch.stdout.readline().split()
        if not header:
            raise CseError(f"git cat-file stopped while reading {name} in {self.top}")
        if len(header) != 3 or not header[2].isdigit():  # noqa: PLR2004 - `<name> missing`
            return None
        size = int(header[2])
        data = batch.stdout.read(size)
        batch.stdout.read(1)  # the newline after each object
        if len(data) != size:
            raise CseError(f"git cat-file stopped while reading {name} in {self.top}")
        return data

    def _start(self) -> subprocess.Popen[bytes]:
        if self._batch is None:
            try:
                self._batch = subprocess.Popen(
                    ["git", "cat-file", "--batch"],
                    cwd=self.top,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env={**os.environ, **_ENV},
                )
            except FileNotFoundError:
                raise CseError(_NO_GIT) from None
        return self._batch


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, env={**os.environ, **_ENV}
        )
    except FileNotFoundError:
        raise CseError(_NO_GIT) from None
