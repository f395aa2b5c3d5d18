"""A file name with a line break, which would split the problem's line: shown escaped.

Windows allows no control character in a file name; the names it allows are in
file-name-with-a-right-to-left-override and file-name-not-utf-8.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import named_file


def make(root: Path) -> None:
    named_file(root / "evidence", "1.1.2\n.yaml", b'element: "1.1.2"\nfinal: full\n')
