"""What a command reads, so that no output ever replaces it.

A mistyped `-o` must never destroy the evidence: `cse report -o
evidence/1.1.2.yaml` would replace an element file with a report. Every command
that writes to a name asks `input_at` first, with the files it read: the
repository's cse.yaml, its element and review files, the documents its evidence
cites with `path:`, its editor schemas in `.cse/`, and cse's own standard and
templates. A name matches an input when both are the same file, compared by
device and inode (which catches every spelling: relative, absolute, `./x/../`,
through a symbolic link, a hard link, another letter case where the file system
ignores case), or when both resolve to the same path. A name that does not exist
yet matches nothing: there is nothing there to lose.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cse_cli.io.tree import clean

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from cse_cli.core.evidence import Evidence

_YAML = (".yaml", ".yml")


@dataclass(frozen=True)
class Input:
    """A file a command reads: where it is, its name as cse gives it, and what it is."""

    path: Path
    name: str
    role: str


def repository_inputs(root: Path, evidence: Evidence) -> Iterator[Input]:
    """Every file of the repository at `root` that a command reads or that holds its evidence.

    The element and review files are every YAML file in their folders (the ones
    that failed to validate too), not only those read into `evidence`.
    """
    from cse_cli.io.reviews import REVIEWS_DIR
    from cse_cli.io.root import CONFIG_FILE
    from cse_cli.io.scaffold_text import SCHEMA_DIR

    yield Input(root / CONFIG_FILE, CONFIG_FILE, "the repository's settings")
    folder = clean(evidence.config.evidence_dir)
    if folder is not None and folder != ".":
        yield from _files(root, folder, "an element file of the repository", yaml=True)
    yield from _files(root, REVIEWS_DIR, "a review file of the repository", yaml=True)
    yield from _files(root, SCHEMA_DIR, "an editor schema of the repository", yaml=False)
    for cited in _cited(evidence):
        rel = clean(cited)
        if rel is not None and rel != ".":
            yield Input(root / rel, rel, "a document the evidence cites")


def shipped_inputs() -> Iterator[Input]:
    """The files of cse's own standard and templates, which every command reads."""
    from cse_cli.io.resources import resource

    for name, role in (("standard", "part of cse's standard"), ("templates", "a template of cse")):
        try:
            folder = resource(name)
        except FileNotFoundError:
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                yield Input(path, f"{name}/{path.relative_to(folder).as_posix()}", role)


def input_at(target: Path, inputs: Iterable[Input]) -> Input | None:
    """The input that `target` is (the same file, or the same resolved path), or None."""
    try:
        status = target.stat()  # through any link: a link to an input is that input
        resolved = target.resolve()
    except (OSError, RuntimeError):  # a new name, or one that cannot be reached to replace
        return None
    for found in inputs:
        if _same(status, found.path) or _resolved(found.path) == resolved:
            return found
    return None


def _same(status: os.stat_result, path: Path) -> bool:
    """Whether `path` is the file whose status is `status` (the same device and inode)."""
    try:
        return os.path.samestat(status, path.stat())
    except OSError:  # not there, or not reachable: only its resolved path can be compared
        return False


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        return None


def _files(root: Path, folder: str, role: str, *, yaml: bool) -> Iterator[Input]:
    """The files of `folder` (its YAML files, when `yaml`) as inputs; none if it cannot be read."""
    try:
        with os.scandir(root / folder) as entries:
            names = sorted(entry.name for entry in entries if _is_file(entry))
    except OSError:
        return
    for name in names:
        if not yaml or (name.endswith(_YAML) and not name.startswith(".")):
            yield Input(root / folder / name, f"{folder}/{name}", role)


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()  # a link to a file too: cse reads the file it leads to
    except OSError:
        return False


def _cited(evidence: Evidence) -> Iterator[str]:
    """Every `path:` of the evidence: its items', and its review files' requested documents."""
    for element in evidence.elements.values():
        for item in element.evidence:
            if item.path is not None:
                yield item.path
    for review in evidence.reviews.values():
        for document in review.documents.values():
            if document.path is not None:
                yield document.path
