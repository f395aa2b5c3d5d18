"""The view of `cse import --update`: what the sheet changes, in `cse diff`'s words; conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.problems import Problem
    from cse_cli.views.diff import Diff


@dataclass(frozen=True)
class ConflictView:
    """A value both the sheet and the repository changed since the export, differently."""

    cell: str
    """Where the sheet holds it: `matrix.xlsx:Evidence Matrix!F12`."""
    what: str
    repository: str
    sheet: str
    base: str
    said: str = ""
    """For a whole item (deleted on one side, changed on the other): what each side did."""


@dataclass(frozen=True)
class UpdateView:
    """What merging the sheet does to the repository, and what was written."""

    matrix: str
    root: Path
    mode: str
    """`three-way` (the sheet carries its base) or `two-way` (it adds and changes only)."""
    diff: Diff
    """The repository before and after the merge, as `cse diff` compares them."""
    conflicts: tuple[ConflictView, ...]
    prefer: str | None
    """Whose value a conflict takes (`sheet`, `repository`); None: none was chosen."""
    changed: tuple[str, ...]
    """The files the merge changes (relative to the root)."""
    written: bool
    """Whether they were written (--write)."""
    problems: tuple[Problem, ...]
