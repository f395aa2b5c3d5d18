"""A `path:` names a regular file inside the repository.

An evidence item's `path:` (and a requested document's, in a review file) must
be a file that exists, inside the repository: a missing file, a path out of the
repository (`..`, absolute, or through a symbolic link), a folder, a named pipe
or a device is an error. The document itself is never opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cse_cli.core.text import quoted
from cse_cli.rules.rule import Rule

if TYPE_CHECKING:
    from cse_cli.core.evidence import ElementFile
    from cse_cli.rules.context import ElementContext, Located


def check(doc: Located, element: ElementFile, context: ElementContext) -> bool:
    """Each item's `path:` that is not a readable file inside the repository is an error at it.

    A `ref:` item has no path of its own (one it gives is refused as the cited item's).
    """
    for index, item in enumerate(element.evidence):
        if item.ref is None and item.path is not None:
            check_at(doc, ("evidence", index), item.path, context.check_path(item.path))
    return True


def check_at(doc: Located, at: tuple[Any, ...], path: str, refusal: str | None) -> None:
    """The error for `path`, written under `at`, when the repository refuses it."""
    if refusal is not None:
        doc.error(doc.position((*at, "path")), f"path {quoted(path)} {refusal}")


PATHS = Rule("paths", "a `path:` to a missing file or to anything outside the repository", check)
