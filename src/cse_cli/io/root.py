"""Where an evidence repository starts: the nearest folder holding cse.yaml."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from cse_cli.core.problems import CseError, Problem

if TYPE_CHECKING:
    from pathlib import Path

CONFIG_FILE = "cse.yaml"


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds cse.yaml (of any kind but a folder)."""
    try:
        return _find_root(start)
    except OSError as exc:  # a folder on the way that cannot be read
        raise CseError(f"{start}: cannot be read ({exc.strerror or exc})") from None


def _find_root(start: Path) -> Path:
    if not start.exists():
        raise CseError(f"{start}: no such file or folder")
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        marker = folder / CONFIG_FILE
        if marker.is_dir():
            message = f"{CONFIG_FILE} is a folder: the repository's settings must be a file"
            raise CseError(Problem(str(marker), 0, 0, "error", message))
        if os.path.lexists(marker):  # reading it says what is wrong with it, if anything
            return folder
    raise CseError(
        f"no {CONFIG_FILE} in {start} or any folder above it: "
        "run `cse init` to start an evidence repository"
    )
