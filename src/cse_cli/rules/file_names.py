"""An element file's name holds no control character and no backslash.

Every problem is one line, so a name holding a line break (or any control or
invisible character) is refused, not read; a backslash would be read as a
folder separator by `path:` and `evidence_dir`, as Windows reads it.
"""

from __future__ import annotations

from cse_cli.core.problems import Problem
from cse_cli.core.text import quoted, short
from cse_cli.rules.rule import Rule

ELEMENT_SUFFIXES = (".yaml", ".yml")
"""The endings of an element file's name, in lower case."""


def check(prefix: str, name: str) -> Problem | None:
    """The error for the file `name` in the evidence folder (`prefix`), or None."""
    if not name.isprintable():  # a line break would split the problem's line
        return Problem(
            prefix + short(name), 0, 0, "error",
            f"file name {quoted(name)} holds a control or invisible character: rename the file",
        )  # fmt: skip
    if "\\" in name:
        return Problem(
            prefix + name, 0, 0, "error",
            f"file name {quoted(name)} holds a backslash, which cse reads as a folder separator "
            "(as Windows does): rename the file",
        )  # fmt: skip
    return None


FILE_NAMES = Rule("file-names", "a file name holding a control character or a backslash", check)
