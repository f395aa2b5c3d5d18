"""Where an evidence repository starts: the nearest folder holding cse.yaml.

The search asks the operating system directly (`os.stat`, `os.lstat`) and says
itself which errors mean "not there": pathlib's `exists()` and `is_dir()` hide
errors differently from one Python to the next (3.13 hides a folder that cannot
be read, as if it were empty), and a search that took "cannot be read" for
"absent" would tell the user to run `cse init` in their own repository.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from cse_cli.core.problems import CseError, Problem

CONFIG_FILE = "cse.yaml"

# What an existing path's status can fail with that still means "nothing there".
_ABSENT = (FileNotFoundError, NotADirectoryError)


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds cse.yaml (of any kind but a folder)."""
    try:
        return _find_root(start)
    except OSError as exc:  # a folder on the way that cannot be read
        raise CseError(f"{start}: cannot be read ({exc.strerror or exc})") from None


def _find_root(start: Path) -> Path:
    try:
        status = os.stat(start)  # noqa: PTH116 - the operating system, as the docstring says
    except _ABSENT:
        raise CseError(f"{start}: no such file or folder") from None
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        raise CseError(f"{start}: no such file or folder") from None  # a loop of links
    here = Path(os.path.realpath(start))
    if not stat.S_ISDIR(status.st_mode):
        here = here.parent
    for folder in (here, *here.parents):
        if _holds_config(folder):
            return folder
    raise CseError(
        f"no {CONFIG_FILE} in {start} or any folder above it: "
        "run `cse init` to start an evidence repository"
    )


def _holds_config(folder: Path) -> bool:
    """Whether `folder` holds a cse.yaml that is not a folder; raises OSError when unreadable.

    A link named cse.yaml counts, dangling or not: reading it says what is wrong.
    """
    marker = folder / CONFIG_FILE
    try:
        status = os.lstat(marker)
    except _ABSENT:
        return False
    if stat.S_ISLNK(status.st_mode):
        try:
            status = os.stat(marker)  # noqa: PTH116 - as above
        except OSError:
            return True
    if stat.S_ISDIR(status.st_mode):
        message = f"{CONFIG_FILE} is a folder: the repository's settings must be a file"
        raise CseError(Problem(str(marker), 0, 0, "error", message))
    return True
