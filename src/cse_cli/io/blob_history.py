"""Which versions of a folder's files a git repository's history holds, by their content hash.

`cse import --update` asks whether the element files a matrix was exported
from are versions git has: `git log --all --raw` lists every version (blob)
any commit gave a file in the folder, on every branch and tag, and one `git
cat-file --batch-check` gives their sizes. Those up to the size of a file cse
reads are read (`git cat-file --batch`) and hashed as `content_hash` hashes a
file's bytes, at most MAX_BLOBS of them and MAX_BYTES in all, so a long history
costs seconds at most. Git runs with cse's fixed settings (cse_cli.io.git); the
working tree and the index are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cse_cli.io.git import Git, run_git
from cse_cli.io.limits import MAX_FILE_BYTES
from cse_cli.io.yaml_edit import content_hash

if TYPE_CHECKING:
    from pathlib import Path

MAX_BLOBS = 20_000
"""The most versions read: a file edited every day for years, for every element."""
MAX_BYTES = 200_000_000
"""The most bytes of versions read in all."""


@dataclass(frozen=True)
class Versions:
    """The content hashes of the versions found, and whether every version was read."""

    hashes: frozenset[str]
    complete: bool


def folder_versions(root: Path, folder: str) -> Versions | None:
    """Every version of the files under `folder` (relative to `root`) in git's history.

    None when `root` is not inside a git repository (or git cannot read it).
    """
    found = run_git(root, "rev-parse", "--show-prefix")
    if found.returncode != 0:
        return None
    spec = found.stdout.decode("utf-8", "surrogateescape").strip() + folder.strip("/")
    logged = run_git(
        root, "log", "--all", "-m", "--format=", "--raw", "--no-abbrev", "--no-renames",
        "--no-textconv", "--", f":(top,literal){spec}",
    )  # fmt: skip
    if logged.returncode != 0:
        return None
    blobs = dict.fromkeys(
        oid
        for line in logged.stdout.decode("ascii", "replace").splitlines()
        if line.startswith(":")
        for oid in line.split("\t", 1)[0].split()[2:4]
        if oid.strip("0")
    )
    return _hashed(root, list(blobs))


def _hashed(root: Path, blobs: list[str]) -> Versions:
    """The content hashes of the blobs within the limits, read through one `cat-file --batch`."""
    sized = run_git(root, "cat-file", "--batch-check", stdin="\n".join(blobs).encode() + b"\n")
    sizes = {}
    for line in sized.stdout.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob" and parts[2].isdigit():  # noqa: PLR2004
            sizes[parts[0]] = int(parts[2])
    # a version larger than cse reads cannot be one a matrix was exported from
    wanted = [oid for oid in blobs if sizes.get(oid, MAX_FILE_BYTES + 1) <= MAX_FILE_BYTES]
    complete = len(wanted) <= MAX_BLOBS
    hashes, total = set(), 0
    git = Git(root)
    try:
        for oid in wanted[:MAX_BLOBS]:
            total += sizes[oid]
            if total > MAX_BYTES:
                complete = False
                break
            data = git.read(oid)
            if data is not None:
                hashes.add(content_hash(data))
    finally:
        git.close()
    return Versions(frozenset(hashes), complete)
