"""A file name holding a backslash, which Windows (and cse) read as a folder separator.

Made here, not kept in git: Git for Windows refuses to check out such a name, and
would fail the whole checkout of the project.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import named_file


def make(root: Path) -> None:
    named_file(root / "evidence", "1.1.3\\.yaml", b'element: "1.1.3"\nfinal: full\n')
