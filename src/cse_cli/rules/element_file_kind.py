"""An element file is a regular file.

A name in the evidence folder that ends in .yaml or .yml is read as an element
file; when it is a folder, a named pipe, a device, a socket, or a link out of
the repository, it is an error (and it is never opened).
"""

from __future__ import annotations

from cse_cli.core.problems import Problem
from cse_cli.rules.rule import Rule


def check(prefix: str, name: str, kind: str, refusal: str | None) -> Problem | None:
    """The error for an entry of the evidence folder that is not a regular file, or None.

    `kind` is the tree's ("file", "dir" or "other"); `refusal` says why what is
    neither cannot be read.
    """
    if kind == "file":
        return None
    reason = refusal or "is a folder, not an element file"
    return Problem(prefix + name, 0, 0, "error", f"{name} {reason}")


RULE = Rule("element-file-kind", "an element file that is not a regular file", check)
