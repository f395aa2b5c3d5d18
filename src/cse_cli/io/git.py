"""One git repository, read-only: revisions named, trees listed and objects read.

One long-lived `git cat-file --batch` reads every object, so the working tree
and the index are never touched.

Git runs with a fixed environment and fixed settings, so that what it prints is
what cse parses, whatever the user's configuration. The user's git
configuration is still read (it holds `safe.directory`, which keeps git from
running a stranger's repository configuration, and must not be bypassed), but
the settings that would change the output cse reads are overridden on the command
line (`-c`, which wins over every file): `log.showSignature` (gpg's own lines in
the middle of `git log`) and colours. Each command also names its format
explicitly (`--format`, `-z`, `--no-abbrev`, `--no-renames`). The `GIT_*`
variables a parent git leaves for its hooks (`GIT_DIR`, `GIT_INDEX_FILE`,
`GIT_CONFIG_PARAMETERS`…) or that add output (`GIT_TRACE`…) are dropped;
only those that say where the configuration is, and where a search for a
repository stops, are kept. `LC_ALL=C` makes git's messages its own English
words, which cse passes on (and matches, for "not a git repository"), and no
pager is ever started.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cse_cli.core.problems import CseError
from cse_cli.core.text import inert, quoted

_KEPT = frozenset(
    {
        "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_SYSTEM",
        "GIT_CONFIG_NOSYSTEM",
        "GIT_CEILING_DIRECTORIES",
        "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    }
)
"""The GIT_* variables passed on: where the user's configuration is, where discovery stops."""
_FIXED = {
    "GIT_OPTIONAL_LOCKS": "0",  # read-only commands must not refresh the index behind the user
    "GIT_TERMINAL_PROMPT": "0",  # never wait for a password
    "LC_ALL": "C",  # git's messages in its own (English) words, whatever the locale
}
_SETTINGS = (
    "log.showSignature=false",  # gpg's lines would be read as a commit's date
    "color.ui=never",  # colour codes around what git prints
)
GIT = ("git", "--no-pager", *(arg for setting in _SETTINGS for arg in ("-c", setting)))
"""How cse starts git: with no pager, and every output-changing setting fixed."""
_NO_GIT = "git is not installed (or not on PATH): cse diff reads revisions with it"


def shown(name: str | bytes) -> str:
    r"""A name git holds (a tag, a revision) for a label or a message: one safe line.

    Git allows almost any bytes in a tag's name: those that are not UTF-8 are
    shown escaped (`caf\xe9`), and so are control and invisible characters.
    """
    raw = os.fsencode(name) if isinstance(name, str) else name
    return inert(raw.decode("utf-8", "backslashreplace"))


def git_environment() -> dict[str, str]:
    """The environment git runs in: the user's, less the GIT_* variables that would mislead it."""
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("GIT_") or name in _KEPT
    }
    return {**kept, **_FIXED}


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
        result = run_git(folder, "rev-parse", "--show-toplevel")
        if result.returncode != 0:
            said = said_by(result)
            if "not a git repository" not in said:  # git's reason, in its own words
                raise CseError(f"{path}: git cannot read the repository: {said}")
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
            result = run_git(self.top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        if result is None or result.returncode != 0:
            raise CseError(
                f"{quoted(shown(revision))} is not a revision of the git repository in {self.top}: "
                "name a branch, a tag or a commit, such as HEAD~1 or main"
            )
        return result.stdout.decode("ascii").strip()

    def date(self, commit: str) -> str:
        """The day a commit was committed, as YYYY-MM-DD in its committer's time zone."""
        result = run_git(
            self.top, "log", "-1", "--no-walk", "--no-show-signature", "--format=%cs", commit, "--"
        )
        return result.stdout.decode("ascii", "replace").strip()

    def peeled(self, name: str) -> tuple[str, str] | None:
        """The object a name (a tag, followed through tag objects) ends at: (its type, its id).

        None when the name names nothing.
        """
        found = self._object(f"{name}^{{}}", keep=0)
        return (found[0], found[2]) if found is not None else None

    def listing(self, commit: str, prefix: str) -> dict[str, GitObject]:
        """Every object under folder `prefix` at a commit, by path relative to that folder."""
        spec = f"{commit}:{prefix}" if prefix else commit
        if prefix and self.kind(spec) != "tree":
            return {}  # no folder there at that commit (nothing, a file or a link)
        result = run_git(self.top, "ls-tree", "-r", "-t", "-l", "-z", "--full-tree", spec)
        if result.returncode != 0:  # a corrupt or missing object: not an empty revision
            raise CseError(
                f"git cannot read the files at {commit[:7]} in {self.top}: {said_by(result)}"
            )
        objects = {}
        for record in result.stdout.split(b"\0"):
            meta, _, raw_path = record.partition(b"\t")
            if not raw_path:
                continue
            mode, kind, oid, size = meta.decode("ascii").split()
            path = raw_path.decode("utf-8", "surrogateescape")
            objects[path] = GitObject(mode, kind, oid, int(size) if size.isdigit() else -1)
        return objects

    def kind(self, name: str) -> str | None:
        """The type of an object (blob, tree, commit), None when there is none.

        Its content is not kept: a 400 MB blob costs a pass through a pipe, not memory.
        """
        found = self._object(name, keep=0)
        return found[0] if found is not None else None

    def read(self, name: str) -> bytes | None:
        """The content of an object (an id, or `commit:path`), None when there is none."""
        found = self._object(name)
        return found[1] if found is not None else None

    def _object(self, name: str, keep: int | None = None) -> tuple[str, bytes, str] | None:
        """The type, content and id of an object (its content cut at `keep` bytes), or None."""
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
        data = batch.stdout.read(min(size, size if keep is None else keep))
        left = size - len(data)
        while left > 0:  # what is not kept is read past, in pieces
            piece = batch.stdout.read(min(left, 1 << 20))
            if not piece:
                break
            left -= len(piece)
        batch.stdout.read(1)  # the newline after each object
        if left or (keep is None and len(data) != size):
            raise CseError(f"git cat-file stopped while reading {name} in {self.top}")
        return header[1].decode("ascii", "replace"), data, header[0].decode("ascii", "replace")

    def _start(self) -> subprocess.Popen[bytes]:
        if self._batch is None:
            try:
                self._batch = subprocess.Popen(
                    [*GIT, "cat-file", "--batch"],
                    cwd=self.top,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=git_environment(),
                )
            except FileNotFoundError:
                raise CseError(_NO_GIT) from None
        return self._batch


def said_by(result: subprocess.CompletedProcess[bytes]) -> str:
    """The first line git wrote on stderr, without its `fatal:`."""
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines() or ["(no message)"]
    return lines[0].removeprefix("fatal: ").removeprefix("error: ")


def run_git(
    cwd: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run git (as `GIT` starts it) in `cwd`, its output and its errors captured."""
    try:
        return subprocess.run(
            [*GIT, *args], cwd=cwd, input=stdin, capture_output=True, check=False,
            env=git_environment(),
        )  # fmt: skip
    except FileNotFoundError:
        raise CseError(_NO_GIT) from None
