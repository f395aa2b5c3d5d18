"""The evidence folder holds element files, each a regular file, and no unread look-alike.

- element-file-kind: a name in the evidence folder that ends in .yaml or .yml is
  read as an element file; when it is a folder, a named pipe, a device, a socket,
  or a link out of the repository, it is an error (and it is never opened).
- files-not-read: element files are NAME.yaml or NAME.yml, in lower case,
  directly in the evidence folder; `1.1.1.YAML`, or a folder of element files
  inside it, would otherwise be skipped without a word, so each is a warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cse_cli.core.problems import Problem
from cse_cli.core.text import short
from cse_cli.rules.file_names import ELEMENT_SUFFIXES
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


def regular(prefix: str, name: str, kind: str, refusal: str | None) -> Problem | None:
    """The error for an entry of the evidence folder that is not a regular file, or None.

    `kind` is the tree's ("file", "dir" or "other"); `refusal` says why what is
    neither cannot be read.
    """
    if kind == "file":
        return None
    reason = refusal or "is a folder, not an element file"
    return Problem(prefix + name, 0, 0, "error", f"{name} {reason}")


def not_read(prefix: str, name: str, inside: Callable[[], Iterable[str]] | None) -> Problem | None:
    """The warning for `name`, not an element file, in the evidence folder; or None.

    `inside` lists the names in it when it is a folder (None when it is not).
    """
    shown = short(name)
    if name.lower().endswith(ELEMENT_SUFFIXES):
        message = f"{shown} is not read: name element files NAME.yaml or NAME.yml, in lower case"
    elif inside is not None and any(n.lower().endswith(ELEMENT_SUFFIXES) for n in inside()):
        message = f"{shown} is a folder: cse does not read the element files in it"
    else:
        return None
    return Problem(prefix + shown, 0, 0, "warning", message)


ELEMENT_FILE_KIND = Rule("element-file-kind", "an element file that is not a regular file", regular)
FILES_NOT_READ = Rule(
    "files-not-read",
    "a file or folder that looks like element files cse does not read",
    not_read,
)
