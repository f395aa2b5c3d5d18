"""The view of `cse import`: what was read from the matrix, what was written, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from cse_cli.core.problems import Problem
    from cse_cli.core.scoring import Verdict


@dataclass(frozen=True)
class ImportView:
    """What `cse import` shows once it has read the matrix (and written, unless it had errors)."""

    matrix: str
    """The matrix's file name."""
    root: Path | None
    """The new repository; None when nothing was written."""
    created: tuple[str, ...]
    """The files written, relative to the root."""
    elements: int
    items: int
    refs: int
    """Items that cite an earlier one with `ref:`."""
    services: tuple[str, ...]
    unplaced_columns: tuple[str, ...]
    """Headers of the matrix that no field takes."""
    verdict: Verdict | None
    """The check's verdict on what was written; None when nothing was, or it is invalid.
    (The text shows it as `cse check` does, after this view.)"""
    problems: tuple[Problem, ...]
    """The problems met reading the matrix."""
    on_site_items: int = 0
    """On-site items (`on_site:`), besides the `items` of evidence."""
    sheets: tuple[str, ...] = ()
    """The sheets of a workbook read (those that hold a header row)."""
